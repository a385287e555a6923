"""The seed article's dates (shared/data/seed/EXPECTED.md) with either publication date.

The copy is dated 2025-12-02, the wire original 2025-12-01: both must give the same absolute
dates, and "a week" must be the deadline counted from the call on Nov 21.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

EXPECTED = [
    ("November", "DATE", "2025-11", None),
    ("Nov 21", "DATE", "2025-11-21", None),
    ("months", "DURATION", "PXM", None),
    ("less than 15 minutes", "DURATION", "PT15M", "LESS_THAN"),
    ("a week", "DURATION", "P1W", None),
    ("Nov 28", "DATE", "2025-11-28", None),
    ("Nov 29", "DATE", "2025-11-29", None),
    ("Nov 30", "DATE", "2025-11-30", None),
    ("2013", "DATE", "2013", None),
    ("last year", "DATE", "2024", None),
    ("Dec 1", "DATE", "2025-12-01", None),
]


@pytest.fixture(params=["2025-12-02", "2025-12-01"], ids=["dct-copy", "dct-wire"])
def dct(request) -> dt.date:
    return dt.date.fromisoformat(request.param)


@pytest.mark.parametrize("parsed", [False, True], ids=["cues", "parse"])
def test_seed_dates(seed_text: str, nlp, dct: dt.date, parsed: bool) -> None:
    timexes = tag(seed_text, dct, doc=nlp(seed_text) if parsed else None)
    got = {(t.text, t.type, t.value, t.mod) for t in timexes}
    for row in EXPECTED:
        assert row in got, row
    assert sum(1 for t in timexes if t.text == "Dec 1" and t.value == "2025-12-01") == 2


@pytest.mark.parametrize("parsed", [False, True], ids=["cues", "parse"])
def test_seed_week_is_deadline_from_the_call(
    seed_text: str, nlp, dct: dt.date, parsed: bool
) -> None:
    timexes = tag(seed_text, dct, doc=nlp(seed_text) if parsed else None)
    week = next(t for t in timexes if t.text == "a week")
    assert (week.anchor, week.resolved_end, week.deadline) == ("2025-11-21", "2025-11-28", True)


def test_seed_spans_match_text(seed_text: str) -> None:
    for t in tag(seed_text, dt.date(2025, 12, 2)):
        assert seed_text[t.start : t.end] == t.text


def test_seed_through_analyze(seed_analysis) -> None:
    """One code path: analyze() uses this tagger (with its parse)."""
    values = {(t.text, t.value) for t in seed_analysis.timexes}
    assert {("Nov 21", "2025-11-21"), ("a week", "P1W"), ("2013", "2013")} <= values
    week = next(t for t in seed_analysis.timexes if t.text == "a week")
    assert (week.anchor, week.resolved_end, week.deadline) == ("2025-11-21", "2025-11-28", True)
    assert seed_analysis.versions.get("timex", "").startswith("timex.rules")
