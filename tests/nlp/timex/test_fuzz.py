"""Any text in, no crash; every span is a real slice of the text; a bad DCT is a clear error."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.errors import InvalidDate
from storyline.nlp.timex import tag

WORDS = st.sampled_from(
    [
        "Nov",
        "Nov.",
        "21",
        "2025",
        "last",
        "next",
        "week",
        "a",
        "less than",
        "15",
        "minutes",
        "Friday",
        "'s",
        "May",
        "March",
        "the",
        "1990s",
        "mid-",
        "ago",
        "every",
        "Monday",
        "since",
        "within",
        "days",
        "of",
        "ruling",
        "had",
        "to",
        "(Reuters)",
        "\u00a0",
        "\n\n",
        ".",
        ",",
        "9",
        "p.m.",
        ":",
        "-",
        "Q3",
        "quarter",
        "third",
        "year",
        "earlier",
        "0",
        "31",
        "Feb",
        "30",
    ]
)


def check(text: str, dct: dt.date | None) -> None:
    for t in tag(text, dct):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.type in ("DATE", "TIME", "DURATION", "SET")
        assert t.value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300), st.one_of(st.none(), st.dates()))
def test_tag_never_crashes_on_any_text(text: str, dct: dt.date | None) -> None:
    check(text, dct)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=40).map(" ".join), st.one_of(st.none(), st.dates()))
def test_tag_never_crashes_on_date_like_text(text: str, dct: dt.date | None) -> None:
    check(text, dct)


@pytest.mark.parametrize("dct", [dt.date(1, 1, 1), dt.date(9999, 12, 31)])
def test_tag_calendar_edges(dct: dt.date) -> None:
    check("Last year, next week, Dec 31 and 2 days ago, the 1990s, every Monday, tomorrow.", dct)
    # a deadline counted from the DCT ("a year to leave") past year 9999 has no end date
    check("They have a year to leave. On Dec 30 he had 48 hours to leave.", dct)
    # the small hours after a night are the next day, which after 9999-12-31 does not exist
    check("They worked overnight. By 5AM it was over.", dct)
    # a clock range past midnight ends on the next day, which after 9999-12-31 does not exist
    check("The party ran from 10 p.m. to 1:30. It went from 10 p.m. until 1:30 tonight.", dct)
    # a list of weekdays across the week's end is laid out past the first, beyond the calendar
    check("Markets fell Friday and Monday. They will open Sunday or Monday.", dct)
    # a monthly named day and the n-th weekday of a month look at the months around the DCT,
    # and a weekday counted back reaches before it: none of them may step off the calendar
    check("The fix ships on Patch Tuesday. It was due in next month's Patch Tuesday.", dct)
    check("Prices rise on the second Tuesday of the month and the fifth Friday of it.", dct)
    check("It rained two Sundays ago and 3 Wednesdays ago.", dct)


@pytest.mark.parametrize("month", range(1, 13))
def test_tag_season_right_after_to(month: int) -> None:
    # "to" as the last word before a season (its target) once read the word after it, past
    # the end of the clause
    check(
        "The trial slipped to the spring. Exports fell 3 percent to the fall.",
        dt.date(2020, month, 15),
    )


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("It was built 2,500 years ago.", "BC0495"),
        ("It was built fifty centuries ago.", "BC29"),
        # before 9999 BC there is no four-digit year to give
        ("It was built eight hundred centuries ago.", "PAST_REF"),
        ("It was built 80,000 years ago.", "PAST_REF"),
    ],
)
def test_years_before_our_era(text: str, value: str) -> None:
    assert [t.value for t in tag(text, dt.date(2006, 5, 1))] == [value]


@pytest.mark.parametrize(
    ("dct", "value"), [(dt.date(1000, 5, 1), "0999"), (dt.date(2, 5, 1), "0001")]
)
def test_a_year_ago_keeps_four_digits(dct: dt.date, value: str) -> None:
    assert [t.value for t in tag("It happened a year ago.", dct)] == [value]


@pytest.mark.parametrize("dct", ["0000-00-00", "2025-02-30", "yesterday", "2025-13-01"])
def test_invalid_dct_is_invalid_date(dct: str) -> None:
    with pytest.raises(InvalidDate, match="document creation time"):
        tag("It happened on Friday.", dct)
