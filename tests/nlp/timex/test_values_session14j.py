"""Session 14 (round 2): "throughout"/"over" before a part of a unit ("throughout the end of
the year", "over the end of the month") is that part's date, DATE with its mod (2019 END): only
the whole unit after such a word is a stretch of time ("throughout the year" P1Y); it was the
length P1Y END. Counter-examples: "throughout the year", "over the year" stay P1Y. Both paths
are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str, str, str | None]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value, t.mod) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "More games are slated to roll out on Stadia throughout the end of the year.",
            ("the end of the year", "DATE", "2019", "END"),
        ),
        (
            "Prices rose over the end of the month.",
            ("the end of the month", "DATE", "2019-11", "END"),
        ),
        # counter-examples: the whole unit is a stretch
        ("Levels fluctuate slightly throughout the year.", ("the year", "DURATION", "P1Y", None)),
        ("Sales were flat over the year.", ("the year", "DURATION", "P1Y", None)),
    ],
)
def test_part_of_a_stretch_is_a_date(
    text: str, expected: tuple[str, str, str, str | None], parse: bool
) -> None:
    assert expected in found(text, "2019-11-19", parse)
