"""Session 13, after the look: a rate's count may stand further back than the thirty
characters the value rules read, when an "of" phrase names what is counted ("I guzzled three
gallons of electrolyte water a day", "They watch four or five virtual recovery meetings a
week"): the unit is the "per" of the rate, a SET, not a length. Counter-examples: a count
before a clause that ends in a length ("Some 300 people attended the meeting, which lasted a
day") and a length counted on ("a day later") stay lengths. Both paths are tested."""

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
            "At the worst of my struggle, I guzzled three gallons of electrolyte water a day.",
            ("a day", "SET", "P1D"),
        ),
        (
            "They ship two million barrels of crude oil a day to refineries in Asia.",
            ("a day", "SET", "P1D"),
        ),
        (
            "They watch four or five virtual recovery meetings a week.",
            ("a week", "SET", "P1W"),
        ),
        # counter-examples: a count in another clause, and a length counted on, stay lengths
        (
            "Some 300 people attended the meeting, which lasted a day.",
            ("a day", "DURATION", "P1D"),
        ),
        (
            "The 12 ministers of the region met for a week in Geneva.",
            ("a week", "DURATION", "P1W"),
        ),
    ],
)
def test_far_count_makes_a_rate(text: str, expected: tuple[str, str, str], parse: bool) -> None:
    assert expected in found(text, "2020-05-16", parse)
