"""Session 14 of recognition and extents: classes of time expressions the tagger missed, split or
took inside idioms and names, read in new news pages (article-extraction-benchmark and
htmldate-mediacloud 2020), judged by the TimeML 1.2.1 (TE3) rules; every class has
counter-examples. Both paths (cue words and a spaCy parse) must agree."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


# "every now and then", "now and again": from time to time, a frequency without a period (as
# "once in a while" is), so no present "now". "between now and then" bounds a stretch from
# the present and keeps its "now"; "now" on its own stays PRESENT_REF.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But every now and again, I'd be reminded I was streaming.", []),
        ("Fast-food chains shake up their menus every now and again.", []),
        ("Every now and then we drive to the coast.", []),
        ("He found it in his heart to say a few flattering words now and then.", []),
        ("Now and then he called his mother in 2019.", [("2019", "2019")]),
        # counter-examples
        (
            "Treatments are expected to evolve between now and then.",
            [("now", "PRESENT_REF")],
        ),
        ("We are in a good position now, and then we will see.", [("now", "PRESENT_REF")]),
        ("The station is closed now.", [("now", "PRESENT_REF")]),
    ],
)
def test_now_and_then_idiom(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-15", parse) == expected


# A restaurant chain, film or show named with a weekday is a name, no day ("no Walmart, no
# Ruby Tuesday"); the weekday beside it stays a date, and "Black Friday" stays the named day.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Once in town, there is no Walmart, no Ruby Tuesday. There is one grocery store.", []),
        (
            "Ruby Tuesday closed 50 restaurants on Tuesday.",
            [("Tuesday", "2020-05-12")],
        ),
        ("They had dinner at TGI Fridays after the game.", []),
        ("She starred in Freaky Friday, the studio said.", []),
        # counter-examples
        ("The vote was held on Tuesday.", [("Tuesday", "2020-05-12")]),
        ("Stores opened early on Black Friday.", [("Black Friday", "2019-11-29")]),
    ],
)
def test_weekday_in_a_name(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-17", parse) == expected


# An ordinal day in words past "tenth" is one DATE, as "the 11th day" and "the third day" are
# ("The ongoing farmers' agitation entered the eleventh day on Sunday", Times of India); it was
# untagged. "the eleventh hour" (at the last moment) and a rank stay untagged.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ongoing farmers' agitation entered the eleventh day on Sunday.",
            [("the eleventh day", "2020-12-06"), ("Sunday", "2020-12-06")],
        ),
        (
            "Protesters marched for a twelfth straight day on Sunday.",
            [("a twelfth straight day", "2020-12-06"), ("Sunday", "2020-12-06")],
        ),
        (
            "The sit-in entered the 11th day on Sunday.",
            [("the 11th day", "2020-12-06"), ("Sunday", "2020-12-06")],
        ),
        # counter-examples
        ("A deal was struck at the eleventh hour.", []),
        ("She finished eleventh in the race.", []),
    ],
)
def test_ordinal_day_in_words(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-12-06", parse) == expected


# A scraped diary runs a day's heading into its first entry ("Thursday6:45 a.m. Our chief
# executive is doing an early-morning Q. and A.", NYT): the weekday and the clock are two
# expressions, as with a space between them; a clock then falls on that weekday. A weekday glued
# to another figure, or a clock glued to any other word, stays untagged.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Thursday6:45 a.m. Our chief executive is doing a Q. and A., but I skip it.",
            [("Thursday", "2020-05-07"), ("6:45 a.m.", "2020-05-07T06:45")],
        ),
        (
            "Thursday 6:45 a.m. Our chief executive is doing a Q. and A., but I skip it.",
            [("Thursday", "2020-05-07"), ("6:45 a.m.", "2020-05-07T06:45")],
        ),
        # counter-examples
        ("The account Monday2 posted it.", []),
        ("The code was AB6:45 a.m. in the log.", []),
    ],
)
def test_weekday_glued_to_clock(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-13", parse) == expected


# "Friday the 13th", "on Tuesday the 15th": a weekday and a day of the month with no month named
# is one DATE (TE3: one expression for one date), the day of that number nearest the DCT that
# falls on that weekday, the last gone in a past clause and the next in a future one; it was
# the weekday alone (the Friday of the DCT's week) and "the 13th" untagged. With a month the
# date is the named one; a day without its suffix is no such date.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attack happened on Friday the 13th, police said.",
            [("Friday the 13th", "2019-12-13")],
        ),
        (
            "The runoff will be held on Tuesday the 15th.",
            [("Tuesday the 15th", "2020-09-15")],
        ),
        (
            "Monday the 2nd was a holiday in the city.",
            [("Monday the 2nd", "2020-03-02")],
        ),
        (
            "The vote was held on Monday the first, officials said.",
            [("Monday the first", "2019-07-01")],
        ),
        # counter-examples
        (
            "The film opens on Friday the 13th of March.",
            [("Friday the 13th of March", "2020-03-13")],
        ),
        ("The shop closed on Friday.", [("Friday", "2020-03-06")]),
        ("The team met on Friday. The 13th player arrived late.", [("Friday", "2020-03-06")]),
        (
            "Stocks were mixed on Monday, the first day of the new trading week.",
            [("Monday", "2020-03-09"), ("the first day", "2020-03-09")],
        ),
        (
            "The administration announced on Friday the first death in the region.",
            [("Friday", "2020-03-06")],
        ),
        (
            "Horror is full of series (\u201cFriday the 13th,\u201d \u201cScream\u201d) and more.",
            [("Friday", "2020-03-06")],
        ),
    ],
)
def test_weekday_the_day(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-03-10", parse) == expected


# "midnight" is the clock time, not the middle ("mid") of a night: after "the" it was "the
# midnight" = the night's middle (TNI, MID) ("on the midnight-to-8 a.m. shift", USA Today).
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Ten of the 18 staffers reported for duty on the midnight shift.",
            [("midnight", "2017-03-28T24:00")],
        ),
        ("They met at the midnight hour.", [("midnight", "2017-03-28T24:00")]),
        # counter-examples
        ("The curfew starts at midnight.", [("midnight", "2017-03-28T24:00")]),
        ("The attack came late last night.", [("late last night", "2017-03-27TNI")]),
        ("Midafternoon, the director called.", [("Midafternoon", "2017-03-28TAF")]),
    ],
)
def test_midnight_after_the(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2017-03-28", parse) == expected


# An ISO 8601 time stamp ("2019-11-19T08:57:40+01:00", a page's machine date) is one TIME, as
# "2019-11-19 08:57" is; it was the year alone ("[2019]-11-19T08:57:40+01:00").
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Published 2019-11-19T08:57:40+01:00 by the newsroom.",
            [("2019-11-19T08:57:40+01:00", "2019-11-19T08:57")],
        ),
        ("Updated 2020-05-12T14:03:00Z.", [("2020-05-12T14:03:00Z", "2020-05-12T14:03")]),
        # counter-examples
        ("The filing is dated 2020-05-12 14:03.", [("2020-05-12 14:03", "2020-05-12T14:03")]),
        ("On 2020-05-12 the court ruled.", [("2020-05-12", "2020-05-12")]),
    ],
)
def test_iso_time_stamp(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-13", parse) == expected


# "13.8 billion years after the Big Bang", "65 million years ago": the count of millions or
# billions is part of the expression (TE3: the whole phrase); it was "years" / "years ago" alone.
# The value stays vague (PXY, PAST_REF); "millions of years" and an age ("3 billion years old")
# are unchanged.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "That is why the universe looks as it does 13.8 billion years after the Big Bang.",
            [("13.8 billion years", "PXY")],
        ),
        ("The dinosaurs died out 65 million years ago.", [("65 million years ago", "PAST_REF")]),
        (
            "The Earth formed about 4.5 billion years ago.",
            [("about 4.5 billion years ago", "PAST_REF")],
        ),
        # counter-examples
        ("It took millions of years to form.", [("years", "PXY")]),
        ("The rocks are 3 billion years old.", []),
        ("The drug has been used for years.", [("years", "PXY")]),
    ],
)
def test_million_years(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2019-11-19", parse) == expected
