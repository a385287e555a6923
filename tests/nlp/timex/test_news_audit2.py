"""Session 5, second news audit: general errors found by judging every tag of 25 random pages
of the article-extraction benchmark (news and blogs of many outlets, 2014-2019, DCT = the page's
publication date) by the TimeML rules. Each class has parametrised cases and a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

NOV_18 = dt.date(2019, 11, 18)  # a Monday; Thanksgiving 2019 is Thursday 28 November


def found(text: str, dct: dt.date = NOV_18) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected", "dct"),
    [
        # was "Friday" alone, the weekday before or after the DCT
        (
            "Black Friday pricing on ecobee is now live.",
            ("Black Friday", "DATE", "2019-11-29"),
            NOV_18,
        ),
        (
            "Skip the Black Friday rush and buy early.",
            ("Black Friday", "DATE", "2019-11-29"),
            NOV_18,
        ),
        (
            "Black Friday 2019 is going to be huge.",
            ("Black Friday 2019", "DATE", "2019-11-29"),
            NOV_18,
        ),
        (
            "We head into the season of Black Friday and Cyber Monday.",
            ("Cyber Monday", "DATE", "2019-12-02"),
            NOV_18,
        ),
        # the Friday after the fourth Thursday, also when November starts on a Friday
        (
            "Black Friday sales were up.",
            ("Black Friday", "DATE", "2018-11-23"),
            dt.date(2018, 12, 3),
        ),
    ],
)
def test_shopping_days_are_named_days(
    text: str, expected: tuple[str, str, str], dct: dt.date
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a plain weekday is still the weekday
        ("He arrived on Friday.", ("Friday", "DATE", "2019-11-15")),
        ("The store opens Monday.", ("Monday", "DATE", "2019-11-18")),
    ],
)
def test_plain_weekdays_are_unchanged(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a numbered quarter or a bare clock time in a game report is the game's, no timex
        "The Eagles led 14-7 at halftime before scoring 24 points in the third quarter.",
        "He threw two touchdowns in the fourth quarter.",
        "Schröder got a technical foul in the third quarter for confronting Davis.",
        # the sentence before names the game
        "He dunked twice before the break. Kuzma left the court in the second quarter.",
        "Parise's first-period goals - he scored at 7:14 and on the power play at 19:56.",
    ],
)
def test_game_quarters_and_clocks_are_no_timex(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a report's quarter, a quarter with its year, a clock time of day
        (
            "Home Depot reported third-quarter earnings that topped estimates.",
            ("third-quarter", "DATE", "2019-Q3"),
        ),
        (
            "The quarterback's team sold shares in the third quarter of 2018.",
            ("the third quarter of 2018", "DATE", "2018-Q3"),
        ),
        # words business and politics stories share with game reports are no evidence
        (
            "Oil rebounds in the third quarter as refiners restock.",
            ("the third quarter", "DATE", "2019-Q3"),
        ),
        (
            "A shorthanded board fought off a power play in the second quarter.",
            ("the second quarter", "DATE", "2019-Q2"),
        ),
        ("The meeting starts at 7:14 sharp.", ("7:14", "TIME", "2019-11-18T07:14")),
        (
            "He scored the touchdown at 7:14 p.m. on Monday.",
            ("7:14 p.m. on Monday", "TIME", "2019-11-18T19:14"),
        ),
    ],
)
def test_quarters_and_clocks_outside_games_are_kept(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


MAY_12_2020 = dt.date(2020, 5, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence opening "In <year>," sets the year of the months and days it names
        (
            "In 1945, the Kentucky Derby was held on June 9, a month after the war ended.",
            ("June 9", "DATE", "1945-06-09"),
        ),
        (
            "In 1957, a new strain of influenza was detected in Hong Kong in April.",
            ("April", "DATE", "1957-04"),
        ),
        (
            "In 2021, the Games will open on July 23 and close on Aug. 8.",
            ("Aug. 8", "DATE", "2021-08-08"),
        ),
        (
            "Back in 2011, some communities in Maine began in June what many call a movement.",
            ("June", "DATE", "2011-06"),
        ),
    ],
)
def test_sentence_opening_year_frames_its_dates(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text, MAY_12_2020)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: the year is not the sentence's frame, the frame ends with the
        # sentence, a span of years frames nothing, "last"/"this" count from the DCT
        ("Sales rose in 2016 and fell on June 9.", ("June 9", "DATE", "2020-06-09")),
        (
            "In 1957, a new strain was detected in April. Doctors said in May it spread.",
            ("May", "DATE", "2020-05"),
        ),
        ("In 2019 and 2020, sales rose in March.", ("March", "DATE", "2020-03")),
        (
            "In 2008 there was a cholera epidemic, recently there has been more malaria, "
            "170,303 cases up to the third week of April.",
            ("the third week of April", "DATE", "2020-W16"),  # April 2020's third week
        ),
        ("In 2016, sales fell, but this April they rose.", ("this April", "DATE", "2020-04")),
    ],
)
def test_dates_outside_a_year_frame_are_unchanged(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text, MAY_12_2020)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # AP style clock time, weekday and date: one TIME on the date (the clock time was lost
        # to the longer "Friday, Dec. 6", or took the weekday's date and left the date out)
        (
            "Tickets go on sale at 10 a.m. Friday, Dec. 6.",
            ("10 a.m. Friday, Dec. 6", "TIME", "2019-12-06T10:00"),
        ),
        (
            "She was grabbed at 6:38 p.m. on Saturday, May 18.",
            ("6:38 p.m. on Saturday, May 18", "TIME", "2019-05-18T18:38"),
        ),
        (
            "Polls close at 8 p.m. ET Tuesday, Nov. 5, 2019.",
            ("8 p.m. ET Tuesday, Nov. 5, 2019", "TIME", "2019-11-05T20:00"),
        ),
    ],
)
def test_clock_weekday_and_date_is_one_time(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a clock time with only a weekday or only a date is as before
        (
            "It starts at 8 p.m. Friday, with a party.",
            [("8 p.m. Friday", "TIME", "2019-11-22T20:00")],
        ),
        ("Doors open at 7 p.m. Dec. 6.", [("7 p.m. Dec. 6", "TIME", "2019-12-06T19:00")]),
    ],
)
def test_clock_with_weekday_or_date_alone_is_unchanged(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected
