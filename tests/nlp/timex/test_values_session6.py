"""Session 6, after the third news audit: value rules for errors left by the audit (a timetable
month, "is in November", a weekday with a part of the day followed by its written date, a clock
time in a sentence that opens with a frequency). Each rule has parametrised cases and a
counter-example; the weekday case is also run with a spaCy parse (the path analyze() uses)."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a month exactly six months off after "is in"/"are in": a timetable, ahead
        ("The vote is in November.", "2020-05-22", ("November", "2020-11")),
        ("The elections are in November.", "2020-05-22", ("November", "2020-11")),
        ("The harvest is in March.", "2020-09-10", ("March", "2021-03")),
        # seven months ahead, five back: still the timetable's month ahead
        ("The vote is in December.", "2020-05-22", ("December", "2020-12")),
    ],
)
def test_timetable_month_is_ahead(text: str, dct: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a past tense keeps the tie in the past
        ("The vote was in November.", "2020-05-22", ("November", "2019-11")),
        # a present main verb without "is in" right before the month is no timetable (TBAQ)
        (
            "Kopp is a suspect in shootings that injured doctors in November.",
            "1999-05-06",
            ("November", "1998-11"),
        ),
        # beyond the month reach ahead (eleven months): the nearest, last month
        ("The vote is in April.", "2020-05-22", ("April", "2020-04")),
    ],
)
def test_month_without_timetable_or_beyond_reach_is_not_moved_ahead(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


WEEKDAY_THEN_DATE = [
    (
        "Shoppers wait in line Tuesday afternoon, April 28, 2020, in Chicago.",
        ("Tuesday afternoon", "2020-04-28TAF"),
    ),
    ("Voters go to the polls Tuesday night, April 28.", ("Tuesday night", "2020-04-28TNI")),
]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(("text", "expected"), WEEKDAY_THEN_DATE)
def test_weekday_takes_the_date_written_after_it(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-05-01", parse)


@pytest.mark.parametrize("parse", [False, True])
def test_weekday_keeps_its_day_when_the_date_is_another_weekday(parse: bool) -> None:
    # April 29, 2020 is a Wednesday: the written date is not the Tuesday's, so the tense decides
    text = "Shoppers waited in line Tuesday afternoon, April 29, 2020, in Chicago."
    assert ("Tuesday afternoon", "2020-04-28TAF") in found(text, "2020-05-01", parse)


@pytest.mark.parametrize("parse", [False, True])
def test_weekday_before_a_clock_time_is_not_moved_by_it(parse: bool) -> None:
    # the clock time after the comma is no written date (ReCOVery: an opening-hours line whose
    # Friday took the DCT's Friday through the clock time's provisional day)
    text = "The office closed last Friday, 8:30 a.m."  # said on a Friday: the one before
    assert ("last Friday", "2020-05-08") in found(text, "2020-05-15", parse)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("On Monday the mayor spoke. Every day, shops must open by 8 a.m.", "8 a.m."),
        ("On Monday the mayor spoke. Each day the shops open by 8 a.m.", "8 a.m."),
        (
            "On Monday the mayor spoke. Each morning the shops open by 8 a.m. and close at 6 p.m.",
            "6 p.m.",
        ),
        ("The curfew was extended on Monday. Stores must close by 8 p.m. every day.", "8 p.m."),
    ],
)
def test_clock_time_in_a_sentence_opened_by_a_frequency_has_no_day(
    text: str, expected: str
) -> None:
    values = dict(found(text, "2020-05-22"))
    assert values[expected].startswith("XXXX-XX-XXT")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the frequency is in another sentence
        ("Every day counts. On Monday the shops opened at 8 a.m.", ("8 a.m.", "2020-05-18T08:00")),
        # "each witness" is no frequency
        (
            "Each witness said the shots came at 8 p.m. Monday.",
            ("8 p.m. Monday", "2020-05-18T20:00"),
        ),
        # a time with its own weekday keeps it
        (
            "On Monday the mayor spoke. Every day, she said, she woke at 6 a.m. on Monday.",
            ("6 a.m. on Monday", "2020-05-18T06:00"),
        ),
    ],
)
def test_clock_time_without_opening_frequency_keeps_its_day(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, "2020-05-22")
