"""Deadlines: durations counted from an event's date, and dates named as limits."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2025, 12, 2)


def find(text: str, phrase: str, dct: dt.date = DCT):
    return next(t for t in tag(text, dct) if t.text == phrase)


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "end"),
    [
        (
            "The call, on Nov 21, was short. On the call Mr Trump told him he had a week to leave.",
            "a week",
            "2025-11-21",
            "2025-11-28",
        ),
        (
            "On Oct 3 the junta gave him 48 hours to leave the country.",
            "48 hours",
            "2025-10-03",
            "2025-10-05",
        ),
        (
            "The court ruled on Nov 3. The ministry must appeal within 30 days of the ruling.",
            "30 days",
            "2025-11-03",
            "2025-12-03",
        ),
        (
            "The summit opened on Nov 10. Delegates had two weeks to agree on a text.",
            "two weeks",
            "2025-11-10",
            "2025-11-24",
        ),
    ],
)
def test_duration_deadline_anchored_on_event(text: str, phrase: str, anchor: str, end: str) -> None:
    t = find(text, phrase)
    assert (t.deadline, t.anchor, t.resolved_end) == (True, anchor, end)


def test_deadline_present_tense_counts_from_dct() -> None:
    t = find("The rebels have 72 hours to lay down their arms.", "72 hours")
    assert (t.deadline, t.anchor, t.resolved_end) == (True, "2025-12-02", "2025-12-05")


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("On Nov 21 he spent a week in Paris.", "a week"),  # a stretch, not a limit
        ("The call lasted less than 15 minutes.", "less than 15 minutes"),
        ("The call, on Nov 21, lasted an hour.", "an hour"),
    ],
)
def test_not_a_deadline(text: str, phrase: str) -> None:
    t = find(text, phrase)
    assert (t.deadline, t.anchor, t.resolved_end) == (False, None, None)


def test_unanchored_past_deadline_stays_open() -> None:
    """No dated event to count from, and the past tense: no invented end date."""
    t = find("He had a week to leave.", "a week")
    assert t.deadline and t.anchor is None and t.resolved_end is None


@pytest.mark.parametrize(
    ("text", "phrase", "end"),
    [
        ("Friday's deadline passed quietly.", "Friday", "2025-11-28"),
        ("The safe passage expired on Nov 28.", "Nov 28", "2025-11-28"),
    ],
)
def test_date_deadline(text: str, phrase: str, end: str) -> None:
    t = find(text, phrase)
    assert t.deadline and t.resolved_end == end


@pytest.mark.parametrize(
    ("text", "phrase", "anchor", "end"),
    [
        (
            "The court ruled on Oct. 23. A witness saw him ten days before the ruling.",
            "ten days",
            "2025-10-23",
            "2025-10-13",
        ),
        # no dated ruling: a plain duration
        ("A witness saw him ten days before the ruling.", "ten days", None, None),
        # a clock time dated by the story's day dates the event too
        (
            "The court met on Oct. 23. The ruling came at 4 p.m. He fled ten days before the "
            "ruling.",
            "ten days",
            "2025-10-23",
            "2025-10-13",
        ),
        # "later" counts from the date the story is at
        (
            "The plant opened on Aug. 12, 2024. Three days later it shut.",
            "Three days",
            "2024-08-12",
            "2024-08-15",
        ),
    ],
)
def test_before_and_later_count_from_a_dated_event(
    text: str, phrase: str, anchor: str | None, end: str | None
) -> None:
    """TimeML's reading: the duration "ten days" (the signal word "before" stays outside), with
    the end point it gives when the text dates what it counts from."""
    t = find(text, phrase)
    assert (t.type, t.anchor, t.resolved_end, t.deadline) == ("DURATION", anchor, end, False)
