"""Session 7, a value audit on wire stories (TE3-silver sample, read by hand; silver's own values
were only candidates): rules for general errors of direction found there. Each rule has
parametrised cases in the shape of the real sentences and a counter-example; cases run with and
without a spaCy parse (the path analyze() uses and the path of the benchmark)."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "earlier" before "than" is a comparison, not a past: "are expected" looks ahead
        (
            "Preliminary results are expected no earlier than Monday, officials said.",
            "2005-11-27",
            ("Monday", "2005-11-28"),
        ),
        # "expected" after "than" is no plan ahead: "have dampened" dates October
        (
            "Recent data -- including a smaller-than-expected rise in machinery orders in "
            "October -- have dampened expectations of a rate rise.",
            "2006-12-14",
            ("October", "2006-10"),
        ),
    ],
)
def test_comparison_with_than_carries_no_tense(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
def test_comparison_leaves_the_clause_verb_deciding(parse: bool) -> None:
    # counter-example: the past verb of the clause still dates the weekday
    assert ("Monday", "2005-11-21") in found(
        "The results came earlier than expected on Monday.", "2005-11-27", parse
    )
