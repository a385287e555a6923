"""Session 12, the final review: a repeated stretch counted vaguely ("every few days") is a SET,
judged by TimeML 1.2.1 (TE3); every case runs without and with a parse."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, parse: bool) -> list[tuple[str, str, str, str | None]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value, t.quant) for t in tag(text, "2020-05-01", doc=doc)]


# "every few days", "Every several weeks": a vague count after "every" is a SET whose period is
# unknown (PXD, as "several days" is the length PXD), one expression with "every"; it was
# "few days" alone, a length, with "every" left outside. A count of its own keeps its period.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Staff at the home are tested every few days, the county said.",
            ("every few days", "SET", "PXD", "EVERY"),
        ),
        (
            "Every several weeks, the agency updates its list of hot spots.",
            ("Every several weeks", "SET", "PXW", "EVERY"),
        ),
        # counter-examples: a count of its own; a vague count with no "every"
        ("She runs every three days.", ("every three days", "SET", "P3D", "EVERY")),
        ("He stayed a few days in the hospital.", ("a few days", "DURATION", "PXD", None)),
    ],
)
def test_every_vague_count_is_a_set(
    text: str, expected: tuple[str, str, str, str | None], parse: bool
) -> None:
    assert found(text, parse) == [expected]


# "16 billion doses of vaccine a year", "20 liters of clean water a day": an "of" phrase naming
# what is counted may stand between the counted plural and "a year"; the unit is still the
# "per" of a rate, a SET as in "3 million tonnes a year" (it was a length, P1Y). A length
# counted on ("a day after the vote") and "a year ago" stay as they were.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The plant will make 16 billion doses of vaccine a year, the company said.",
            [("a year", "SET", "P1Y", "EVERY")],
        ),
        (
            "Each family receives 20 liters of clean water a day.",
            [("a day", "SET", "P1D", "EVERY")],
        ),
        # counter-examples: no count before the plural; a length counted on; a year back
        (
            "The vote was held a day after two rounds of talks in Geneva.",
            [("a day", "DURATION", "P1D", None)],
        ),
        (
            "He spent two weeks of his leave a year ago in Rome.",
            [("two weeks", "DURATION", "P2W", None), ("a year ago", "DATE", "2019", None)],
        ),
    ],
)
def test_rate_with_an_of_phrase_is_a_set(
    text: str, expected: list[tuple[str, str, str, str | None]], parse: bool
) -> None:
    assert found(text, parse) == expected
