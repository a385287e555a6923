"""Session 14: a past "after" clause right after a month ("Swedish prosecutors decided to
reopen the investigation in May after he was hauled out of the Ecuadorean Embassy") dates the
month back, as a past "when" clause there already did ("in late March when she was hit"): a
word of intent before the date ("decided to") left it to the nearest May, the one ahead.
Counter-examples: a future or present before the date keeps its look ahead ("will be held in
May after parliament was dissolved", "plans to reopen the plant in March after it was shut
down"), and so does a date something is moved to ("The vote was postponed to May after the
court ruled"). Both paths are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "However, Swedish prosecutors decided to reopen the investigation in May after he "
            "was hauled out of the Ecuadorean Embassy by the UK police.",
            ("May", "2019-05"),
        ),
        (
            "She decided to return home in May after her mother died.",
            ("May", "2019-05"),
        ),
        # counter-examples: a future or present before the date, a date moved to
        (
            "The election will be held in May after parliament was dissolved.",
            ("May", "2020-05"),
        ),
        (
            "The company said it plans to reopen the plant in March after it was shut down by "
            "the flood.",
            ("March", "2020-03"),
        ),
        (
            "The vote was postponed to May after the court ruled against the government.",
            ("May", "2020-05"),
        ),
    ],
)
def test_past_after_clause(text: str, expected: tuple[str, str], parse: bool) -> None:
    assert expected in found(text, "2019-11-20", parse)
