"""Session 5, third news audit: general errors found by judging every tag of 30 random English
pages of htmldate-mediacloud-2020 (news of many outlets and countries, 2019-2020, text through
storyline's own extractor, DCT = the gold publication date) by the TimeML rules. Each class has
parametrised cases and a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

APR_8 = dt.date(2020, 4, 8)  # a Wednesday


def found(text: str, dct: dt.date = APR_8) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first end of a range takes the year said after the range; was the DCT's year
        ("It will take place July 15-24 in 2022.", ("July 15", "DATE", "2022-07-15")),
        ("They were planned to run from August 6-15 in 2021.", ("August 6", "DATE", "2021-08-06")),
        ("Two championships are due in July-August 2022.", ("July", "DATE", "2022-07")),
        (
            "The Games will now take place on July 23-August 8 next year.",
            ("July 23", "DATE", "2021-07-23"),
        ),
        ("The fair runs Dec. 28-Jan. 3, 2021.", ("Dec. 28", "DATE", "2020-12-28")),
    ],
)
def test_range_ends_take_the_year_after_the_range(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a score, a clock time or a share after the dash is no day
        ("On May 3, they won 24-17 in 2019.", ("May 3", "DATE", "2020-05-03")),
        ("Sales on May 12 - 9% up in 2019 - were a record.", ("May 12", "DATE", "2020-05-12")),
        # a range without a year after it keeps the DCT's reading
        ("It will take place July 15-24.", ("July 15", "DATE", "2020-07-15")),
    ],
)
def test_ranges_without_a_year_after_them_are_unchanged(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month and day with "last/this/next year" after it is one date; was the day in the
        # DCT's year and "last year" a second expression
        (
            "S$2.06 as at Aug 31, down from S$2.16 as at Aug 31 last year.",
            ("Aug 31 last year", "DATE", "2019-08-31"),
        ),
        ("The fair began on October 27 this year.", ("October 27 this year", "DATE", "2020-10-27")),
        ("It will open on August 8 next year.", ("August 8 next year", "DATE", "2021-08-08")),
        ("It closed on March 3 of last year.", ("March 3 of last year", "DATE", "2019-03-03")),
    ],
)
def test_month_day_and_relative_year_is_one_date(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text)[-1] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: the relative year of another phrase, a month alone
        (
            "Sales on Aug 31 were higher than last year.",
            [("Aug 31", "DATE", "2019-08-31"), ("last year", "DATE", "2019")],
        ),
        ("It opened in May last year.", [("May last year", "DATE", "2019-05")]),
        (
            "On Aug 31, last year's winner spoke.",
            [("Aug 31", "DATE", "2019-08-31"), ("last year", "DATE", "2019")],
        ),
    ],
)
def test_relative_year_apart_from_the_day_is_its_own(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


SEP_16 = dt.date(2020, 9, 16)


@pytest.mark.parametrize(
    "text",
    [
        # an award set in capitals (a winners' list) and a quoted title-case song title in a
        # title-case list line: names, no timex
        "ENTERTAINER OF THE YEAR\n- Luke Bryan\n- Eric Church",
        "SONGWRITER OF THE YEAR*(Off Camera Award)",
        "CASINO OF THE YEAR – THEATER",
        "PLAYER OF THE MONTH: Mo Salah",
        "- “10,000 Hours” – Dan + Shay Featuring Justin Bieber",
    ],
)
def test_capital_awards_and_quoted_titles_are_no_timex(text: str) -> None:
    assert found(text, SEP_16) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: lower case is the year; a title-case headline keeps its time
        ("It was the best day of the year for stocks.", ("the year", "DATE", "2020")),
        ("Talks Resume Next Week", ("Next Week", "DATE", "2020-W39")),
        ("He said “we will be back next week” to them.", ("next week", "DATE", "2020-W39")),
    ],
)
def test_times_outside_awards_and_titles_are_kept(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text, SEP_16)


@pytest.mark.parametrize(
    "text",
    [
        # "current" in the balance-of-payments term and in "current affairs" is no time
        "The current account deficit widened to 3% of GDP.",
        "It would rebalance the U.S. current and capital accounts.",
        "A balanced capital account would mean a balanced current account.",
        "She hosts a current affairs programme.",
    ],
)
def test_current_account_is_no_timex(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: "current" before other nouns is the present
        "We can't open shelters under current social distancing guidelines.",
        "Libya's current government would be more supportive.",
        "The current accounting rules are strict.",
    ],
)
def test_current_before_other_nouns_is_present_ref(text: str) -> None:
    assert ("current", "DATE", "PRESENT_REF") in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "hours" that is a time of day or a schedule, not a length
        (
            "He was exposed between the hours of 10 a.m. to 6 p.m.",
            [("10 a.m.", "TIME", "2020-04-08T10:00"), ("6 p.m.", "TIME", "2020-04-08T18:00")],
        ),
        ("From the hours of 5 p.m. until midnight, the desk is open.", "no hours"),
        (
            "The station will close in the overnight hours.",
            [("overnight", "TIME", "2020-04-08TNI")],
        ),
        ("Shops may open during stipulated hours.", []),
        ("She works late at night and in the early morning hours.", "no hours"),
    ],
)
def test_hours_of_a_schedule_are_no_length(
    text: str, expected: list[tuple[str, str, str]] | str
) -> None:
    tags = found(text)
    if expected == "no hours":
        assert all(t[0] != "hours" for t in tags)
    else:
        assert tags == expected


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: lengths, also before "of" and a noun
        "He waited for hours.",
        "They lost hours of sleep.",
        "The talks went on for hours of debate.",
    ],
)
def test_hours_as_a_length_are_kept(text: str) -> None:
    assert ("hours", "DURATION", "PTXH") in found(text)


@pytest.mark.parametrize(
    ("text", "expected", "dct"),
    [
        # a clock time with no day takes the day of a time before it that has its own day;
        # was the DCT
        (
            "He was picked up at 1 a.m. Tuesday and arrived in Miami at about 8 p.m.",
            ("about 8 p.m.", "TIME", "2020-04-21T20:00"),
            dt.date(2020, 4, 24),
        ),
        (
            "A crowd gathered outside the theater on Friday evening. The couple left the venue "
            "by car around 10pm.",
            ("around 10pm", "TIME", "2020-01-17T22:00"),
            dt.date(2020, 1, 18),
        ),
        # after a night, the evening hours are that day and the small hours the next
        (
            "He was arrested Friday night. At 11 p.m. police left. At 2 a.m. they came back.",
            ("2 a.m.", "TIME", "2020-05-09T02:00"),
            dt.date(2020, 5, 10),
        ),
        (
            "He was arrested Friday night. At 11 p.m. police left.",
            ("11 p.m.", "TIME", "2020-05-08T23:00"),
            dt.date(2020, 5, 10),
        ),
        (
            "The jets will fly over California starting at 10 a.m. Wednesday. They are "
            "expected to reach Los Angeles around 11:45 a.m.",
            ("around 11:45 a.m.", "TIME", "2020-05-13T11:45"),
            dt.date(2020, 5, 12),
        ),
    ],
)
def test_clock_time_takes_the_day_of_a_time_before_it(
    text: str, expected: tuple[str, str, str], dct: dt.date
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "expected", "dct"),
    [
        # counter-examples: with no day before it, the DCT; "the previous Friday" still
        # counts from the last DATE, not from a time (TimeBank wsj_0586)
        (
            "The couple left the venue by car around 10pm.",
            ("around 10pm", "TIME", "2020-01-18T22:00"),
            dt.date(2020, 1, 18),
        ),
        (
            "Shares fell on Oct. 27. At 3 p.m. Monday they were down 4.5% from the previous "
            "Friday.",
            ("the previous Friday", "DATE", "2020-10-23"),
            dt.date(2020, 11, 3),
        ),
    ],
)
def test_clock_day_leaves_other_expressions_alone(
    text: str, expected: tuple[str, str, str], dct: dt.date
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal day, week or weekend of a month or year is one date inside it; "the
        # first day" took the DCT, "the last day"/"the second week" were lost
        ("It was the first day of March.", ("the first day of March", "DATE", "2020-03-01")),
        (
            "He golfed the last 12 days of 2019 and first day of 2020.",
            ("first day of 2020", "DATE", "2020-01-01"),
        ),
        (
            "On the last day of the year he left.",
            ("the last day of the year", "DATE", "2020-12-31"),
        ),
        (
            "Sales dropped in the second week of March.",
            ("the second week of March", "DATE", "2020-W11"),
        ),
        (
            "The third week of April 2019 was wet.",
            ("The third week of April 2019", "DATE", "2019-W16"),
        ),
        (
            "The first weekend of May 2020 is busy.",
            ("The first weekend of May 2020", "DATE", "2020-W18-WE"),
        ),
        (
            "It opens in the first week of next month.",
            ("the first week of next month", "DATE", "2020-W19"),
        ),
    ],
)
def test_ordinal_day_or_week_of_a_month_is_one_date(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: "of" and no month or year after it
        "It was the final week of the campaign.",
        "They met on the second day of talks.",
    ],
)
def test_ordinal_day_of_something_else_is_no_date(text: str) -> None:
    assert all(" of " not in t[0] for t in found(text))


OCT_14 = dt.date(2020, 10, 14)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "financial year" is "fiscal year"; "fiscal year 2020" is one expression (TimeBank:
        # "fiscal 1989" is one)
        (
            "Earnings were S$0.13 in the last financial year.",
            ("the last financial year", "DATE", "2019"),
        ),
        ("For the full financial year, revenue fell.", ("the full financial year", "DATE", "2020")),
        ("Growth slows in financial year 2019.", ("financial year 2019", "DATE", "2019")),
        ("Funding for fiscal year 2020 is dwindling.", ("fiscal year 2020", "DATE", "2020")),
        ("It plans cuts in the next financial year.", ("the next financial year", "DATE", "2021")),
    ],
)
def test_financial_year_is_fiscal_year(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text, OCT_14) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a stretch is a length; "financial" alone is no time word
        ("Sales rose over the financial year.", [("the financial year", "DURATION", "P1Y")]),
        ("The financial crisis of 2008 hurt.", [("2008", "DATE", "2008")]),
    ],
)
def test_financial_year_keeps_the_fiscal_year_rules(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text, OCT_14) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # vague past references that were missed
        ("We had family come through the other day.", ("the other day", "DATE", "PAST_REF")),
        (
            "Attacks have increased manifold in the recent past.",
            ("the recent past", "DATE", "PAST_REF"),
        ),
    ],
)
def test_vague_past_references_are_found(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_the_other_day_of_something_is_no_time() -> None:
    # counter-example: the second of two days named, no time in the past
    assert found("On the other day of the fair, it rained.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "end-" before a month or year is a position like "mid-": in the extent, mod END
        (
            "It ran from February until end-June this year.",
            ("end-June this year", "DATE", "2020-06", "END"),
        ),
        ("Debt will peak by end-2021.", ("end-2021", "DATE", "2021", "END")),
        # counter-example: "weekend-June" is no position
        ("a weekend-June sale", ("June", "DATE", "2020-06", None)),
    ],
)
def test_end_hyphen_is_a_position(text: str, expected: tuple[str, str, str, str | None]) -> None:
    assert expected in [(t.text, t.type, t.value, t.mod) for t in tag(text, APR_8)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the year-end" is the end of the year, not "the year" and a stray "-end"
        ("Analysts expect the year-end rally to fade.", ("year-end", "DATE", "2020", "END")),
        ("By the year-end, it fell.", ("year-end", "DATE", "2020", "END")),
        # counter-example: "the year ended June 30" is the twelve months (TimeBank)
        ("Profit for the year ended June 30 rose.", ("the year", "DURATION", "P1Y", None)),
    ],
)
def test_the_year_end_is_the_end_of_the_year(
    text: str, expected: tuple[str, str, str, str | None]
) -> None:
    assert expected in [(t.text, t.type, t.value, t.mod) for t in tag(text, APR_8)]


NOV_23 = dt.date(2020, 11, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a streak of days ends no later than the report: a coming day named before it is
        # not its day (was Thanksgiving, three days ahead)
        (
            "That includes on Thanksgiving, when gatherings will be limited. Cases reached a "
            "record high for the third straight day in Oregon.",
            ("the third straight day", "DATE", "2020-11-23"),
        ),
        # counter-examples: a past day named before it is the streak's day; a plain ordinal
        # day keeps following the story
        (
            "Stocks fell on Friday for a third straight day.",
            # the article is inside the ordinal day, as "the" is (session 7, f60b2c4)
            ("a third straight day", "DATE", "2020-11-20"),
        ),
        (
            "Shares fell on Friday. It was the second day of losses.",
            ("the second day", "DATE", "2020-11-20"),
        ),
    ],
)
def test_streak_day_is_not_a_coming_day(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text, NOV_23)


MAY_12 = dt.date(2020, 5, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "fiscal" before the year of a quarter is in the extent (TimeBank: "fiscal 1989",
        # "the fiscal first quarter"); the fiscal year names the quarter
        (
            "Disney reported fiscal 2021 first quarter results.",
            ("fiscal 2021 first quarter", "DATE", "2021-Q1"),
        ),
        (
            "The company's fiscal 2020 second-quarter sales rose.",
            ("fiscal 2020 second-quarter", "DATE", "2020-Q2"),
        ),
        # counter-example: a quarter with its year and no "fiscal" is as before
        ("Sales in the 2019 fourth quarter fell.", ("the 2019 fourth quarter", "DATE", "2019-Q4")),
    ],
)
def test_fiscal_year_quarter_extent(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text, MAY_12) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        # a year inside a sentence with a colon and a title after it is the title's
        "In movies from 2001: A Space Odyssey to Event Horizon, crews sleep.",
        "He starred in 2001: A Space Odyssey.",
    ],
)
def test_year_opening_a_title_is_no_date(text: str) -> None:
    assert found(text, MAY_12) == []


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a chronology entry opens its line or sentence with the year
        "Gates quits.  2000: The Gates Foundation funds vaccines.",
        "2003: The company was founded.",
        "In 2019: the Fed cut rates.",
    ],
)
def test_year_heading_a_chronology_entry_is_a_date(text: str) -> None:
    assert [t[1] for t in found(text, MAY_12)] == ["DATE"]


CHRONOLOGY = (
    "Timeline of selected events\n\n1998\n\nMay 18: The DOJ files antitrust charges.\n\n"
    "2001\n\nNovember: Microsoft settles its case.\n\n2003\n\nOctober 28: A paper describes "
    "the clone. Writing in 2020, a scientist says it was quick.\n"
)


@pytest.mark.parametrize(
    "expected",
    [
        # dates under year headings take the heading's year (were read against the DCT)
        ("May 18", "DATE", "1998-05-18"),
        ("November", "DATE", "2001-11"),
        ("October 28", "DATE", "2003-10-28"),
        ("2020", "DATE", "2020"),  # a year said inside an entry is itself
    ],
)
def test_dates_under_year_headings_take_the_heading_year(expected: tuple[str, str, str]) -> None:
    assert expected in found(CHRONOLOGY, dt.date(2020, 5, 22))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: one year alone on a line is no chronology; a year inside a
        # sentence is no heading
        ("Photo: AP\n\n2019\n\nHe will speak on May 18.", ("May 18", "DATE", "2020-05-18")),
        (
            "Sales rose in 2019.\nSales fell in 2018.\nHe will speak on May 18.",
            ("May 18", "DATE", "2020-05-18"),
        ),
    ],
)
def test_years_that_head_no_chronology_leave_dates_alone(
    text: str, expected: tuple[str, str, str]
) -> None:
    assert expected in found(text, dt.date(2020, 5, 12))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a primary called Election Day: the date set off after the name is the day meant
        (
            "Voters went to the polls on Election Day, April 7.",
            ("Election Day", "DATE", "2020-04-07"),
        ),
        (
            "On Election Day, June 2, polls open at 7 a.m.",
            ("Election Day", "DATE", "2020-06-02"),
        ),
        # counter-examples: no date after it, and other holidays keep their own day
        ("He will vote on Election Day.", ("Election Day", "DATE", "2020-11-03")),
        ("They met on Christmas, Dec. 26, to talk.", ("Christmas", "DATE", "2019-12-25")),
    ],
)
def test_election_day_with_an_apposed_date(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text, MAY_12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence about an event its year names ("The 2022 Commonwealth Games") places the
        # months and days it names without a year in that year (were in the DCT's)
        (
            "The 2022 Commonwealth Games are scheduled to be held in Birmingham on July "
            "27-August 7.",
            ("July 27", "DATE", "2022-07-27"),
        ),
        (
            "The 2021 World Championships will open in August in Eugene.",
            ("August", "DATE", "2021-08"),
        ),
    ],
)
def test_event_year_frames_its_sentence(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a year before a lower-case noun, or not opening the sentence
        (
            "The 2016 campaign ended with a September 11 commemoration.",
            ("September 11", "DATE", "2019-09-11"),
        ),
        (
            "Since the 2016 Rio Olympics, he trained until March.",
            ("March", "DATE", "2020-03"),
        ),
    ],
)
def test_years_that_name_no_event_frame_nothing(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # time zones of world news and seconds after the minutes: a bare h:mm with them is a
        # time of day (was missed)
        ("Updated: 21:43 IST", ("21:43 IST", "TIME", "2020-04-08T21:43")),
        ("Posted at 19:02:47 IST", ("19:02:47 IST", "TIME", "2020-04-08T19:02")),
        (
            "The launch is at 10:30 JST on Friday.",
            ("10:30 JST on Friday", "TIME", "2020-04-10T10:30"),
        ),
        ("He arrived at 5 pm AEST.", ("5 pm AEST", "TIME", "2020-04-08T17:00")),
    ],
)
def test_world_time_zones_and_seconds(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in found(text)


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a race time or a ratio with seconds and no zone or "at"
        "His winning time was 1:02:47 at the mark.",
        "The ratio was 3:2:1 in the end.",
    ],
)
def test_clock_like_figures_without_a_zone_are_no_time(text: str) -> None:
    assert all(t[1] != "TIME" for t in found(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fiscal year written as the two years it spans is one expression named by the year
        # it ends in (as "FY21"); was its first year alone, or missed
        (
            "Growth may plummet in fiscal year 2020-21 due to the lockdown.",
            ("fiscal year 2020-21", "DATE", "2021"),
        ),
        ("Growth was 5% in FY2019-20.", ("FY2019-20", "DATE", "2020")),
        ("It is the FY20-21 estimate.", ("FY20-21", "DATE", "2021")),
        (
            "Profit rose in the 2020-21 financial year.",
            ("the 2020-21 financial year", "DATE", "2021"),
        ),
        ("Sales fell in fiscal 1999-2000.", ("fiscal 1999-2000", "DATE", "2000")),
    ],
)
def test_fiscal_year_spans(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: years that do not follow each other are no fiscal year; a sports
        # season is no fiscal year: a range of two years, each a date (session 8)
        ("The FY2019-22 plan was approved.", []),
        ("The 2019-20 season was cut short.", [("2019", "DATE", "2019"), ("20", "DATE", "2020")]),
    ],
)
def test_year_spans_that_are_no_fiscal_year(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text) == expected


DEC_23 = dt.date(2020, 12, 23)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the month of May" is one expression, the month ("the month" was the DCT's month)
        (
            "During the month of February, employment fell.",
            [("the month of February", "DATE", "2020-02")],
        ),
        (
            "It happened in the month of March 2019.",
            [("the month of March 2019", "DATE", "2019-03")],
        ),
        # "this year-end column": the year's end, not "this year" and a stray "-end"
        ("As a critic, I use this year-end column.", [("year-end", "DATE", "2020")]),
        # counter-examples: "the month of Ramadan" is no DCT month (a lunar holiday, the DCT's
        # year since session 8); "the end of the month" and "over the month" keep their readings
        ("They fasted during the month of Ramadan.", [("the month of Ramadan", "DATE", "2020")]),
        ("He left at the end of the month.", [("the end of the month", "DATE", "2020-12")]),
        ("Over the month, sales rose.", [("the month", "DURATION", "P1M")]),
    ],
)
def test_the_month_of_a_month(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text, DEC_23) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an award in title case on a title-case line is a name too
        ("Grants were given.\n\n2020 Commonwealth Young Person of the Year\n\nHe won.", ["2020"]),
        ("Time named her Person of the Year.", []),
        # counter-example: lower case is the year
        ("It was the best day of the year.", ["the year"]),
    ],
)
def test_title_case_awards_are_names(text: str, expected: list[str]) -> None:
    assert [t[0] for t in found(text)] == expected


SEP_1 = dt.date(2020, 9, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an ordinal weekday of a month is one date ("first Saturday" was the Saturday before
        # the DCT and "May" a second expression)
        (
            "The Derby was postponed from its traditional first Saturday in May.",
            ("first Saturday in May", "DATE", "2020-05-02"),
        ),
        (
            "The court opens on the first Monday in October.",
            ("the first Monday in October", "DATE", "2020-10-05"),
        ),
        (
            "It was held the last Friday of June.",
            ("the last Friday of June", "DATE", "2020-06-26"),
        ),
        (
            "Nurses have worked since the first week in March.",
            ("the first week in March", "DATE", "2020-W10"),
        ),
    ],
)
def test_ordinal_weekday_of_a_month(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text, SEP_1) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: "in" before something else than a month or year
        ("Last Friday in Paris, he spoke.", [("Last Friday", "DATE", "2020-08-28")]),
        (
            "He voted the first Tuesday in the morning.",
            [("Tuesday", "DATE", "2020-09-01"), ("the morning", "TIME", "2020-09-01TMO")],
        ),
    ],
)
def test_weekday_before_in_something_else(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert found(text, SEP_1) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "budget year" after last/this/next/current is the fiscal year ("current" alone was
        # PRESENT_REF)
        (
            "Bills fund the government past the end of the current budget year, Sept. 30.",
            ("the end of the current budget year", "DATE", "2020"),
        ),
        ("Cuts come in the next budget year.", ("the next budget year", "DATE", "2021")),
    ],
)
def test_budget_year_is_the_fiscal_year(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text, OCT_14)[0] == expected


def test_budget_year_alone_is_no_date() -> None:
    # counter-example: with no relative word it is a phrase, not a date
    assert found("The budget year ended with a surplus.", OCT_14) == []


def test_clock_offset_from_the_dct_sets_no_story_day() -> None:
    # "about an hour ago" is counted from a DCT without a clock time (the day before at
    # 23:00): a day part after it stays on the DCT (was the day before)
    text = "We were looking at it, literally, about an hour ago, and also early in the morning."
    assert ("the morning", "TIME", "2020-05-11TMO") in found(text, dt.date(2020, 5, 11))


OCT_3 = dt.date(2020, 10, 3)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a full date and the clock time right after it on that day are one TIME (a time stamp)
        (
            "THE TIMES OF INDIA | Oct 02, 2020, 19:02:47 IST",
            ("Oct 02, 2020, 19:02:47 IST", "TIME", "2020-10-02T19:02"),
        ),
        ("Updated: Apr 26, 2020 21:43 IST", ("Apr 26, 2020 21:43 IST", "TIME", "2020-04-26T21:43")),
        (
            "A post shared by Matt (@nomadicmatt) Apr 22, 2020 at 12:59pm PDT",
            ("Apr 22, 2020 at 12:59pm PDT", "TIME", "2020-04-22T12:59"),
        ),
        (
            "On Oct. 2, 2020, at 3 p.m. he left.",
            ("Oct. 2, 2020, at 3 p.m.", "TIME", "2020-10-02T15:00"),
        ),
    ],
)
def test_full_date_and_clock_time_are_one_time(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text, OCT_3) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a date without its year, or the clock time further on, stay apart
        (
            "On Oct. 2, he left at 3 p.m.",
            [("Oct. 2", "DATE", "2020-10-02"), ("3 p.m.", "TIME", "2020-10-02T15:00")],
        ),
        (
            "On Oct. 2, 2020, the plane left and landed at 3 p.m.",
            [("Oct. 2, 2020", "DATE", "2020-10-02"), ("3 p.m.", "TIME", "2020-10-02T15:00")],
        ),
    ],
)
def test_date_and_later_clock_time_stay_apart(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert found(text, OCT_3) == expected
