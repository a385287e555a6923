"""Session 14 (round 2): a rate joined to its figure by a hyphen, used as a modifier ("Disney's
$6.99-a-month service", "a $15-an-hour minimum wage"), is a rate as "$6.99 a month" is:
untagged, no length P1M/PT1H. Counter-examples: a spaced dash after a year keeps the length ("in
2005 - a year later") and a length after a figure with no hyphen stays ("A 10-a-side game
lasted a year"). Both paths are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Disney's $6.99-a-month service is stocked with movies and TV shows.", "a-month"),
        ("It comes with three months of the $10-a-month Stadia Pro subscription.", "a-month"),
        ("She delivered a $15-an-hour minimum wage and a predictable schedule.", "an-hour"),
        ("She was hired for a $13-an-hour job at a grocery store deli.", "an-hour"),
    ],
)
def test_hyphened_rate_is_no_length(text: str, unit: str, parse: bool) -> None:
    assert unit not in [t[0] for t in found(text, "2019-11-19", parse)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    "text",
    ["The plant opened in 2005 - a year later it closed.", "A 10-a-side game lasted a year."],
)
def test_length_after_a_figure_stays(text: str, parse: bool) -> None:
    assert ("a year", "DURATION", "P1Y") in found(text, "2019-11-19", parse)
