"""Normalisation rules, one parametrised table per family, each with counter-examples.

DCT for every case: Tuesday 2025-12-02 (the seed's publication date) unless stated.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2025, 12, 2)


def one(text: str, phrase: str, dct: dt.date | None = DCT) -> tuple[str, str, str | None]:
    found = [t for t in tag(text, dct) if t.text == phrase]
    assert found, f"{phrase!r} not tagged in {text!r}: {[t.text for t in tag(text, dct)]}"
    return found[0].type, found[0].value, found[0].mod


def texts(text: str, dct: dt.date | None = DCT) -> list[str]:
    return [t.text for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The call, on Nov 21, was short.", "Nov 21", "2025-11-21"),
        ("The call, on Nov. 21, was short.", "Nov. 21", "2025-11-21"),
        ("It was signed on November 21st, 2025.", "November 21st, 2025", "2025-11-21"),
        ("It was signed on 21 November 2024.", "21 November 2024", "2024-11-21"),
        ("WASHINGTON, Dec 1 (Reuters) - Talks began.", "Dec 1", "2025-12-01"),
        ("The vote will be held on Jan 9.", "Jan 9", "2026-01-09"),
        ("The filing is dated 2024-03-05.", "2024-03-05", "2024-03-05"),
        ("He met them on Friday, Nov. 28.", "Friday, Nov. 28", "2025-11-28"),
    ],
)
def test_date_month_day(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase)[1] == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("He called in November.", "November", "2025-11"),
        ("Elections are due in March.", "March", "2026-03"),
        ("It happened last February.", "last February", "2025-02"),
        ("It happened in February 1947.", "February 1947", "1947-02"),
        ("Sales rose in early December.", "early December", "2025-12"),
        ("He left Aug. for good.", "Aug.", "2025-08"),
    ],
)
def test_month(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase)[1] == value


@pytest.mark.parametrize(
    "text",
    [
        "You may leave now if you like.",  # modal verb
        "Protesters march through the city.",  # verb
        "Theresa May spoke.",  # a name
        "The dec was loud.",  # lower-case abbreviation
    ],
)
def test_month_counter_examples(text: str) -> None:
    assert not any(
        t.type == "DATE" and t.value.startswith("20") and "-" in t.value for t in tag(text, DCT)
    )


@pytest.mark.parametrize(
    ("text", "phrase", "value", "mod"),
    [
        ("He has been in power since 2013.", "2013", "2013", None),
        ("Prices peaked in mid-2024.", "mid-2024", "2024", "MID"),
        ("It was built in the 1990s.", "the 1990s", "199", None),
        ("It was built in the late 1990s.", "the late 1990s", "199", "END"),
        ("Styles of the '80s are back.", "the '80s", "198", None),
        ("It closed early in the 20th century.", "the 20th century", "19", None),
        ("Results for fiscal 1989 were flat.", "fiscal 1989", "1989", None),
    ],
)
def test_year_decade_century(text: str, phrase: str, value: str, mod: str | None) -> None:
    _, v, m = one(text, phrase)
    assert (v, m) == (value, mod)


@pytest.mark.parametrize(
    "text",
    [
        "The firm employs 1500 people.",  # a count
        "Shares rose 3,2015 points.",  # part of a number
        "He paid $2000 for it.",  # money
        "Call 2024-555 for details.",  # a range/code
        "They are in their 90s.",  # an age
    ],
)
def test_year_counter_examples(text: str) -> None:
    assert [t for t in tag(text, DCT) if t.type == "DATE"] == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("He claimed victory last year.", "last year", "2024"),
        ("It will open next year.", "next year", "2026"),
        ("Sales fell this week.", "this week", "2025-W49"),
        ("Sales fell last week.", "last week", "2025-W48"),
        ("Talks resume next month.", "next month", "2026-01"),
        ("Sales rose earlier this year.", "earlier this year", "2025"),
        ("He resigned yesterday.", "yesterday", "2025-12-01"),
        ("He resigned late yesterday.", "late yesterday", "2025-12-01"),
        ("He resigns today.", "today", "2025-12-02"),
        ("He will resign tomorrow.", "tomorrow", "2025-12-03"),
        ("He is now in charge.", "now", "PRESENT_REF"),
        ("He recently resigned.", "recently", "PAST_REF"),
        ("More cuts are due in the coming weeks.", "the coming weeks", "FUTURE_REF"),
        ("It was quiet this morning.", "this morning", "2025-12-02TMO"),
        ("It rained last night.", "last night", "2025-12-01TNI"),
        ("Profit rose in the third quarter.", "the third quarter", "2025-Q3"),
        ("Profit rose in the first half of 2024.", "the first half of 2024", "2024-H1"),
        ("Snow fell last winter.", "last winter", "2024-WI"),
        ("The plant opened three years ago.", "three years ago", "2022"),
        ("The plant opened two months ago.", "two months ago", "2025-10"),
        ("Shops close on Christmas Day.", "Christmas Day", "2025-12-25"),
    ],
)
def test_relative_to_dct(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase)[1] == value


@pytest.mark.parametrize(
    ("text", "phrase", "type_", "value", "mod"),
    [
        (
            "The call lasted less than 15 minutes.",
            "less than 15 minutes",
            "DURATION",
            "PT15M",
            "LESS_THAN",
        ),
        ("He had a week to leave.", "a week", "DURATION", "P1W", None),
        ("After months of pressure.", "months", "DURATION", "PXM", None),
        ("Over the past three days it rained.", "the past three days", "DURATION", "P3D", None),
        ("A four-month delay.", "four-month", "DURATION", "P4M", None),
        ("It took two and a half years.", "two and a half years", "DURATION", "P2Y6M", None),
        (
            "It took at least 20 more years.",
            "at least 20 more years",
            "DURATION",
            "P20Y",
            "EQUAL_OR_MORE",
        ),
        ("It took a decade.", "a decade", "DURATION", "P10Y", None),
        ("They meet every Monday.", "every Monday", "SET", "XXXX-WXX-1", None),
        ("Elections are held every four years.", "every four years", "SET", "P4Y", None),
        (
            "It began about a month earlier than usual.",
            "about a month",
            "DURATION",
            "P1M",
            "APPROX",
        ),
        ("Prices are set daily.", "daily", "SET", "P1D", None),
        ("He calls twice a week.", "twice a week", "SET", "P1W", None),
        ("It starts at 10:30 a.m.", "10:30 a.m.", "TIME", "2025-12-02T10:30", None),
        # a timetable in the simple present points ahead (schedule verbs, timex_tense_cues.tsv)
        ("It starts at 9 p.m. Friday.", "9 p.m. Friday", "TIME", "2025-12-05T21:00", None),
        ("It started at 9 p.m. Friday.", "9 p.m. Friday", "TIME", "2025-11-28T21:00", None),
    ],
)
def test_durations_sets_times(
    text: str, phrase: str, type_: str, value: str, mod: str | None
) -> None:
    assert one(text, phrase) == (type_, value, mod)


@pytest.mark.parametrize(
    "text",
    [
        "A 44-year-old man was arrested.",  # an age, not a duration
        "He won a second term.",  # "a second" is not one second
        "More than a quarter of the votes were lost.",  # a fraction, not three months
        "The score was 3:2 at the end.",  # not a clock time
    ],
)
def test_duration_time_counter_examples(text: str) -> None:
    assert [t for t in tag(text, DCT) if t.type in ("DURATION", "TIME")] == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The call, on Nov 21, was short.", "Nov 21", "XXXX-11-21"),
        ("He left on Friday.", "Friday", "XXXX-WXX-5"),
        ("Talks ended overnight.", "overnight", "XXXX-XX-XXTNI"),  # a TIME keeps its part
        ("Talks end tonight.", "tonight", "XXXX-XX-XXTNI"),
    ],
)
def test_no_dct_keeps_unknown_digits(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase, dct=None)[1] == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The plant opened on Aug. 12, 1988. A year earlier it was a farm.",
            "A year earlier",
            "1987-08-12",
        ),
        (
            "The plant opened in May 1988. The following month it closed.",
            "The following month",
            "1988-06",
        ),
        # no earlier date to count from: the publication date
        ("A year earlier it was a farm.", "A year earlier", "2024"),
    ],
)
def test_narrative_expressions_count_from_the_story_date(
    text: str, phrase: str, value: str
) -> None:
    assert one(text, phrase)[1] == value


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # a quarterly report: "a year ago" and "the quarter" lean on the quarter reported
        (
            "Profit rose in the third quarter from a year ago. The quarter was strong.",
            {"the third quarter": "2025-Q3", "a year ago": "2024-Q3", "The quarter": "2025-Q3"},
        ),
    ],
)
def test_quarter_context(text: str, values: dict[str, str]) -> None:
    got = {t.text: t.value for t in tag(text, DCT)}
    assert {k: got.get(k) for k in values} == values


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("It posted a third-quarter loss.", "third-quarter"),  # no determiner on a modifier
        ("It signed a 30-day contract.", "30-day"),
        ("Profit rose in the third quarter.", "the third quarter"),  # a noun phrase keeps it
        ("Sales for the nine months rose.", "the nine months"),
        ("It happened in the past.", "the past"),  # the preposition is a signal, not extent
        ("He worked there over three years.", "three years"),  # "over" is "during" here
        ("It starts at around 7:15 p.m.", "around 7:15 p.m."),
        ("Bids are due by 5 p.m. EST Nov. 9.", "5 p.m. EST Nov. 9"),
    ],
)
def test_extent_follows_timeml(text: str, phrase: str) -> None:
    assert phrase in texts(text)


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "value"),
    [
        # a year-back adjective belongs to the quarter it names: one expression, a year back
        (
            "Net in the year-ago third quarter was flat.",
            "the year-ago third quarter",
            "DATE",
            "2024-Q3",
        ),
        (
            "In the year-earlier third quarter it lost money.",
            "the year-earlier third quarter",
            "DATE",
            "2024-Q3",
        ),
        # "the latest period" in a report is the quarter reported on
        (
            "Profit rose in the third quarter. Sales in the latest period rose.",
            "the latest period",
            "DATE",
            "2025-Q3",
        ),
        # a range of lengths is one duration of unknown amount
        ("Shipments resume within two to three weeks.", "two to three weeks", "DURATION", "PXW"),
        (
            "Deals due during the next 12 to 18 months.",
            "the next 12 to 18 months",
            "DURATION",
            "PXM",
        ),
        ("It may take two or three days.", "two or three days", "DURATION", "PXD"),
        # "or so" is part of the expression it hedges
        ("Rates stay low for the next year or so.", "the next year or so", "DATE", "2026"),
        ("It lasts the next two years or so.", "the next two years or so", "DURATION", "P2Y"),
        # trading/business days are days
        (
            "Eight trading days after the crash it recovered.",
            "Eight trading days",
            "DURATION",
            "P8D",
        ),
        ("Refunds take five business days.", "five business days", "DURATION", "P5D"),
        ("Sales fell this past spring.", "this past spring", "DATE", "2025-SP"),
        ("We are right now at the limit.", "right now", "DATE", "PRESENT_REF"),
    ],
)
def test_compound_extents(text: str, phrase: str, typ: str, value: str) -> None:
    assert one(text, phrase)[:2] == (typ, value)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("He paid two to three times a week.", "two to three times"),  # a frequency, no range
        ("The period was calm.", "The period"),  # "the period" alone is anything
        ("Scores of one to two goals a game.", "one to two goals"),  # not a time unit
        ("Children two to three years old play.", "two to three years"),  # an age
    ],
)
def test_compound_extent_counter_examples(text: str, absent: str) -> None:
    assert absent not in texts(text)


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "value"),
    [
        # a vague length before "later"/"before" is a duration; the signal stays outside
        ("A few days later, it fell.", "A few days", "DURATION", "PXD"),
        ("Hours later, he died.", "Hours", "DURATION", "PTXH"),
        ("Weeks later he quit.", "Weeks", "DURATION", "PXW"),
        # modern report and clock notations
        ("Sales rose in H1 2025.", "H1 2025", "DATE", "2025-H1"),
        ("Results for FY2024 were weak.", "FY2024", "DATE", "2024"),
        ("Guidance for FY24 was cut.", "FY24", "DATE", "2024"),
        ("The market opened at 10.30am.", "10.30am", "TIME", "2025-12-02T10:30"),
        # a length used as an adjective
        ("It ended a decade-long war.", "decade-long", "DURATION", "P10Y"),
        ("It ended a decades-long feud.", "decades-long", "DURATION", "PXY"),
        ("A week-long strike began.", "week-long", "DURATION", "P1W"),
    ],
)
def test_vague_lengths_and_modern_notations(text: str, phrase: str, typ: str, value: str) -> None:
    assert one(text, phrase)[:2] == (typ, value)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Years ago he quit.", "Years"),  # "ago" keeps the whole date (PAST_REF)
        ("It rose 10.5 percent.", "10.5"),  # a decimal is no clock time
        ("Route H1 was closed.", "H1"),  # no year: not a half
        ("He came in the early hours of Sunday.", "hours"),  # part of a day, no duration
    ],
)
def test_vague_lengths_counter_examples(text: str, absent: str) -> None:
    assert absent not in texts(text)


# --- fourth round (values) ----------------------------------------------------------------------

REPORT_DCT = dt.date(1989, 10, 31)


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "value"),
    [
        # the year (week, month) a period ended: the twelve months up to that day
        ("Profit for the year ended Sept. 30 rose.", "the year", "DURATION", "P1Y"),
        ("Net income in the year ending June 30, 1990, will fall.", "the year", "DURATION", "P1Y"),
        ("Prices rose 5% over the year.", "the year", "DURATION", "P1Y"),
        ("Costs rose throughout the fiscal year.", "the fiscal year", "DURATION", "P1Y"),
        # counter-examples: "for the year" alone is the current calendar year
        ("For the year, pet food volume was flat.", "the year", "DATE", "1989"),
        ("The stock hit a high for the year of $42.", "the year", "DATE", "1989"),
        ("For the week, the index dropped 3.8%.", "the week", "DATE", "1989-W44"),
        ("Sales for the fiscal year were $6.6 billion.", "the fiscal year", "DATE", "1989"),
    ],
)
def test_the_year_as_period_or_date(text: str, phrase: str, typ: str, value: str) -> None:
    assert one(text, phrase, REPORT_DCT)[:2] == (typ, value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # "ended Jan. 31" can only be behind the report, however far back
        ("In the fiscal year ended Jan. 31, sales were $59 million.", "Jan. 31", "1989-01-31"),
        ("In the quarter ended Oct. 31, it had a loss.", "Oct. 31", "1989-10-31"),
        ("Police have sought him since shortly after the Aug. 23 attack.", "Aug. 23", "1989-08-23"),
        # counter-examples: without "ended" the nearest Jan. 31 wins; "ending" may look ahead
        ("The dividend is paid on Jan. 31.", "Jan. 31", "1990-01-31"),
        ("In the quarter ending Jan. 31, it expects a loss.", "Jan. 31", "1990-01-31"),
        ("Police will search until shortly after the Dec. 23 vote.", "Dec. 23", "1989-12-23"),
    ],
)
def test_ended_points_back_without_tense_window(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase, REPORT_DCT)[1] == value


@pytest.mark.parametrize(
    ("text", "phrase", "typ", "value"),
    [
        # "one day" right after a modal is some day to come
        ("Islam will one day be the second largest religion.", "one day", "DATE", "FUTURE_REF"),
        ("The drug could one day replace insulin.", "one day", "DATE", "FUTURE_REF"),
        # counter-examples: a length of time
        ("The strike will take one day.", "one day", "DURATION", "P1D"),
        ("It took one day to decide.", "one day", "DURATION", "P1D"),
    ],
)
def test_one_day_after_a_modal_is_future_ref(text: str, phrase: str, typ: str, value: str) -> None:
    assert one(text, phrase)[:2] == (typ, value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a list of years: the comma before a year is punctuation, not a thousands separator
        ("Crossings were logged in 1994, 1995 and 1997.", "1995", "1995"),
        (
            "It recently returned to profit after several quarters of losses.",
            "several quarters",
            "PXQ",
        ),
    ],
)
def test_years_in_lists_and_quarters_of(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase)[1] == value


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # counter-examples: a figure with a thousands separator, a catalogue number, fractions
        ("Sales reached 1,995 units.", "995"),
        ("He wore jersey No. 1995 all season.", "1995"),
        ("More than a quarter of the votes were cast.", "a quarter"),
        ("Three quarters of them agreed.", "Three quarters"),
    ],
)
def test_years_in_lists_and_quarters_of_counter_examples(text: str, absent: str) -> None:
    assert absent not in texts(text)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # the clock time's day is named just after it, past a time-zone aside
        ("The blast occurred at 10:35 a.m. (0735 GMT) Friday.", "10:35 a.m.", "2025-11-28T10:35"),
        ("It took effect at 7 a.m. local time on Sunday.", "7 a.m.", "2025-11-30T07:00"),
        # counter-examples: no day after it is the DCT's day; a day further on is not its day
        ("The blast occurred at 10:35 a.m., police said.", "10:35 a.m.", "2025-12-02T10:35"),
        ("It began at 7 a.m. and by Sunday it was over.", "7 a.m.", "2025-12-02T07:00"),
    ],
)
def test_clock_time_takes_the_day_named_after_it(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase)[1] == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # "since" only points back: the end of the last year (month), not of the current one
        ("The index is up 5% since year-end.", "year-end", "1988"),
        ("Prices have risen since the end of the year.", "the end of the year", "1988"),
        ("Prices have risen since the end of the month.", "the end of the month", "1989-09"),
        # counter-examples: "by" looks ahead, and an explicit "last year" is not moved twice
        ("The deal will close by year-end.", "year-end", "1989"),
        ("It will be done by the end of the month.", "the end of the month", "1989-10"),
        ("Since the end of last year, prices rose.", "the end of last year", "1988"),
        ("Prices rose since the beginning of the year.", "the beginning of the year", "1989"),
    ],
)
def test_since_the_end_of_a_period_is_the_last_one(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase, dt.date(1989, 10, 30))[1:] == (
        value,
        "END" if "end" in phrase else "START",
    )


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # "the previous/following <weekday>" counts from the last day the story named
        (
            "Stocks rose Friday. The index was 4.5% below the previous Friday.",
            "the previous Friday",
            "1989-10-20",
        ),
        (
            "On Oct. 4, the talks began. The following Monday they collapsed.",
            "The following Monday",
            "1989-10-09",
        ),
        (
            "On Oct. 4, the talks began. The preceding Monday they had met.",
            "The preceding Monday",
            "1989-10-02",
        ),
        # counter-examples: with no day named before, the DCT is the reference; a deictic
        # "tonight" is no story day
        ("The index fell 3% from the previous Friday.", "the previous Friday", "1989-10-27"),
        (
            "He returned tonight. The following Friday he resigned.",
            "The following Friday",
            "1989-11-03",
        ),
    ],
)
def test_previous_following_weekday_counts_from_the_story_day(
    text: str, phrase: str, value: str
) -> None:
    assert one(text, phrase, dt.date(1989, 10, 30))[1] == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a clock time or "the morning" with no day of its own is on the day the story is at
        (
            "The blast hit on Friday. Rescuers arrived at 10:35 a.m.",
            "10:35 a.m.",
            "2025-11-28T10:35",
        ),
        (
            "The blast hit on Friday. In the morning the road was shut.",
            "the morning",
            "2025-11-28TMO",
        ),
        ("The vote is set for Dec. 28. Polls open at 7 a.m.", "7 a.m.", "2025-12-28T07:00"),
        ("He landed on Friday. The next morning he left.", "The next morning", "2025-11-29TMO"),
        ("The next morning he left.", "The next morning", "2025-12-03TMO"),
        # counter-examples: no day named before it is the DCT's day; a deictic "last night"
        # is no story day; a day of its own wins
        ("Rescuers arrived at 10:35 a.m.", "10:35 a.m.", "2025-12-02T10:35"),
        ("He was arrested last night. At 2 a.m. police left.", "2 a.m.", "2025-12-02T02:00"),
        (
            "The blast hit on Friday. At 9 a.m. Monday it reopened.",
            "9 a.m. Monday",
            "2025-12-01T09:00",
        ),
    ],
)
def test_time_without_a_day_is_on_the_story_day(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase)[1] == value


@pytest.mark.parametrize(
    ("text", "phrase", "freq"),
    [
        # TimeML's freq: how many times in each period
        ("They meet twice a week.", "twice a week", "2X"),
        ("It is held once a year.", "once a year", "1X"),
        ("Take it three times a day.", "three times a day", "3X"),
        # counter-examples: a vague count has no freq; "every week" has quant, not freq
        ("They meet several times a week.", "several times a week", None),
        ("They meet every week.", "every week", None),
    ],
)
def test_set_frequency(text: str, phrase: str, freq: str | None) -> None:
    found = [t for t in tag(text, DCT) if t.text == phrase]
    assert found and found[0].type == "SET" and found[0].freq == freq


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "the latest quarter" is the last quarter closed before the report, even after a
        # quarter still to come has been named; "a year ago" then leans on it
        (
            "The unit expects a fourth-quarter charge. Profit fell in the latest quarter "
            "from a year ago.",
            {"fourth-quarter": "2025-Q4", "the latest quarter": "2025-Q3", "a year ago": "2024-Q3"},
        ),
        # counter-example: "the latest period" stays with the report's own (fiscal) quarter
        (
            "Sales rose in the fiscal fourth quarter. Sales in the latest period were $1 billion.",
            {"the fiscal fourth quarter": "2025-Q4", "the latest period": "2025-Q4"},
        ),
    ],
)
def test_latest_quarter_is_the_last_one_closed(text: str, values: dict[str, str]) -> None:
    got = {t.text: t.value for t in tag(text, DCT)}
    assert {k: got.get(k) for k in values} == values


def test_clock_time_takes_the_story_day_only_from_close_by() -> None:
    """A day named several paragraphs back is background, not the day being told."""
    filler = " ".join(["The council debated the budget at length."] * 12)
    text = f"The law was passed on Nov. 3. {filler} Officials met at 2 p.m."
    assert one(text, "2 p.m.")[1] == "2025-12-02T14:00"
    assert one("The law was passed on Nov. 3. Officials met at 2 p.m.", "2 p.m.")[1] == (
        "2025-11-03T14:00"
    )
