"""Session 9, round 3 of values and tense: the value-side requests of the recognition engineer
of round 1 (notes/s9_extents.md). Each rule has parametrised cases in the shape of the real
sentences and counter-examples, run with and without a spaCy parse (the path analyze() uses and
the default path of ``storyline timeml``)."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a lone "March"/"May" described as a stretch of time
        (
            "Prices fell sharply in a disastrous March, the report said.",
            "2020-05-20",
            ("March", "2020-03"),
        ),
        ("During an unusually cold, wet May, crops failed.", "2020-06-20", ("May", "2020-05")),
        ("It was a cold, wet May.", "2020-06-20", ("May", "2020-05")),
        (
            "Entering March, the company had already lost half its value.",
            "2020-05-20",
            ("March", "2020-03"),
        ),
        ("Heading into May, the team was unbeaten.", "2020-06-20", ("May", "2020-05")),
        # cues of time before the month
        ("The lockdown will last throughout May.", "2020-04-20", ("May", "2020-05")),
        (
            "Schools could reopen as early as March, officials said.",
            "2020-12-20",
            ("March", "2021-03"),
        ),
        ("The restrictions were extended into May.", "2020-06-20", ("May", "2020-05")),
        (
            "The season ran well into March before it was cancelled.",
            "2020-06-20",
            ("March", "2020-03"),
        ),
    ],
)
def test_described_or_cued_month_is_a_month(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a person or an event called May/March
        "Theresa May said the deal was dead.",
        "Thousands joined the Women's March on Saturday.",
        "Johnson laid into May over the backstop.",
        "The embattled May, who faces a rebellion, spoke on Monday.",
        "After talks with May, the leader flew home.",
        "The negotiations with the weakened May, and her party stalled.",
        "Brussels criticised the prime minister May, and her cabinet.",
        "He was the embattled May, the leader of a divided party.",
        "Thousands took part in a peaceful March on Washington.",
        "The annual March for Life drew crowds on Friday.",
    ],
)
def test_person_or_event_month_word_stays_untagged(text: str, parse: bool) -> None:
    assert all(t not in ("May", "March") for t, _ in found(text, "2020-05-20", parse))


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare clock with its own weekday after a p.m. clock of that day takes its half
        (
            "Voting ran from 9:15 p.m. until 11:45 on Tuesday.",
            ("11:45 on Tuesday", "2020-05-19T23:45"),
        ),
        # counter-examples: past midnight a clock that names its day is left as it is; a
        # morning range keeps the morning
        (
            "The party lasted from 10 p.m. until 1:30 on Tuesday.",
            ("1:30 on Tuesday", "2020-05-19T01:30"),
        ),
        (
            "The meeting ran from 9 a.m. until 11:45 on Tuesday.",
            ("11:45 on Tuesday", "2020-05-19T11:45"),
        ),
    ],
)
def test_bare_clock_with_its_weekday_after_a_clock(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-05-20", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        # a football report: the game's quarter, no calendar quarter
        "Garrard threw for a career-high 329 yards, but late in the fourth quarter he made "
        "costly mistakes.",
        "After five drives, the Jaguars punted to start the fourth quarter.",
        "The Giants punted twice in the second quarter.",
    ],
)
def test_football_quarter_is_no_calendar_quarter(text: str, parse: bool) -> None:
    assert not [v for t, v in found(text, "2012-06-15", parse) if "quarter" in t]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a business story's quarter stays the calendar's
        (
            "Apple reported record profits in the fourth quarter, the company said.",
            ("the fourth quarter", "2011-Q4"),
        ),
        (
            "The company staged a comeback in the first quarter as sales rose.",
            ("the first quarter", "2012-Q1"),
        ),
    ],
)
def test_business_quarter_stays_a_quarter(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2012-06-15", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a spaced span of years is two years, as an unspaced one is
        ("Larry Brown (1997 - 2001) coached the team.", [("1997", "1997"), ("2001", "2001")]),
        ("He served as mayor (1982 - 87).", [("1982", "1982"), ("87", "1987")]),
        (
            "He was president 1997 \u2013 2001, the paper said.",
            [("1997", "1997"), ("2001", "2001")],
        ),
        # a spaced dash after a year after a time preposition is punctuation
        ("Imports reached 210 tons in 2019 - 158.1 tons last year.", [("2019", "2019")]),
    ],
)
def test_year_before_a_spaced_dash(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    tags = found(text, "2020-05-20", parse)
    assert all(e in tags for e in expected)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a code, a decimal, a figure after a spaced dash that a span of
        # years would read as the second year
        "Call 2024-555 for details.",
        "The code 2024 - 555 was entered.",
        "Our score was 2013.5 points.",
        "The figure was 2020 - 28 tons.",
        "so far in 2020 - 28 tons.",
    ],
)
def test_number_with_a_dash_is_no_year(text: str, parse: bool) -> None:
    assert found(text, "2020-05-20", parse) == []


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "between" before a 24-hour clock time: two clock times of the day
        (
            "The rules allow people to exercise between 06:00 and 09:00.",
            [("06:00", "2020-05-20T06:00"), ("09:00", "2020-05-20T09:00")],
        ),
        (
            "Delivery slots between 10:00 and 12:00 are full.",
            [("10:00", "2020-05-20T10:00"), ("12:00", "2020-05-20T12:00")],
        ),
    ],
)
def test_clock_times_after_between(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    tags = found(text, "2020-05-20", parse)
    assert all(e in tags for e in expected)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: ratios, scores and a video's length stay untagged
        "The ratio was between 2:1 and 3:1.",
        "Lazio won 2:1 in the derby.",
        "Watch the video (03:45) below.",
    ],
)
def test_ratio_or_length_is_no_clock_time(text: str, parse: bool) -> None:
    assert found(text, "2020-05-20", parse) == []


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capitalised modifier of a routine's noun after "daily"/"weekly": still a SET
        (
            "The governor spoke at his daily COVID-19 press conference on Monday.",
            ("daily", "P1D"),
        ),
        ("Cuomo held the daily Coronavirus press conference in Albany.", ("daily", "P1D")),
        (
            "Thursday's weekly US jobless claims report showed 2.4 million new claims.",
            ("weekly", "P1W"),
        ),
    ],
)
def test_frequency_before_a_capitalised_modifier_is_a_set(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-05-20", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a paper's name after "daily"/"weekly"
        "The Communist Party daily Granma said the harvest was good.",
        "The Cuban daily Granma on Monday published the letter.",
        "The Communist Party daily Granma carried an editorial.",
        "The business daily CBN reported the merger.",
        "The German weekly Der Spiegel reported the deal.",
        "The letter was sent to DAILY POST in Abuja on Monday.",
    ],
)
def test_paper_name_after_a_frequency_word_is_no_set(text: str, parse: bool) -> None:
    assert all(t not in ("daily", "weekly") for t, _ in found(text, "2020-05-20", parse))


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a present perfect before "as early as": the earliest time is gone
        (
            "In California, the state has yet to declare the syndrome a reportable illness, "
            "but hospitals have been paying close attention as early as March.",
            ("March", "2020-03"),
        ),
        ("Cases have been detected as early as December.", ("December", "2019-12")),
        # counter-examples: a modal looks ahead; "until" after a perfect passive too
        (
            "Officials have said schools could reopen as early as September.",
            ("September", "2020-09"),
        ),
        ("The store has been closed until Monday.", ("Monday", "2020-05-18")),
    ],
)
def test_present_perfect_before_as_early_as_looks_back(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-05-15", parse)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a fraction of an hour or a century is one length, not the whole unit
        ("The meeting lasted a quarter of an hour.", ("a quarter of an hour", "PT15M")),
        (
            "He waited three quarters of an hour for the bus.",
            ("three quarters of an hour", "PT45M"),
        ),
        ("She ruled for a quarter of a century.", ("a quarter of a century", "P25Y")),
        (
            "the first time the foursome will tour together in nearly a quarter century",
            ("nearly a quarter century", "P25Y"),
        ),
        ("It took about a quarter of an hour.", ("about a quarter of an hour", "PT15M")),
    ],
)
def test_a_quarter_of_a_unit_is_one_length(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, "2020-05-15")


@pytest.mark.parametrize(
    "text",
    [
        # counter-examples: a quarter of something else, and a fiscal quarter
        "A quarter of the century's wars began there.",
        "Three quarters of the hour's programmes were repeats.",
    ],
)
def test_a_quarter_of_something_else_is_no_length(text: str) -> None:
    assert not [v for _, v in found(text, "2020-05-15") if v.startswith("P")]


def test_a_calendar_quarter_stays_a_quarter() -> None:
    text = "The company lost money in the first quarter of the year."
    assert ("the first quarter of the year", "2020-Q1") in found(text, "2020-05-15")
