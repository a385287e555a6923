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
