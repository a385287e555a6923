"""Session 14 (round 2): "One day" opening a story may place the day before its comma ("One day
last month, the couple decided to take a drive", "One day in early March, Maniya woke up with
chills"): some day, DATE PAST_REF in a past story, as "One day, he left" is; it was a length
P1D. Counter-examples: a share ("One day in five, workers stayed home") and "One day later"
keep the length. Both paths are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She and her husband stayed home. One day last month, the couple decided to drive.",
            ("One day", "DATE", "PAST_REF"),
        ),
        (
            "He saw many die on his shift.  One day in early March, Maniya woke up with chills.",
            ("One day", "DATE", "PAST_REF"),
        ),
        # counter-examples
        ("The numbers rose. One day in five, workers stayed home.", ("One day", "DURATION", "P1D")),
        ("The staff is busy. One day later, the plant reopened.", ("One day", "DURATION", "P1D")),
    ],
)
def test_story_opener_with_its_place(
    text: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-05-19", parse)
