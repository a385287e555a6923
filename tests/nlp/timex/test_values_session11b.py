"""Session 11, second round of values and tense: requests of the extents engineer and whole
ReCOVery articles read through. A money rate whose bracketed sum closes on "US" or on its scale
("30 billion dollars (3.8 billion US) a year") is a rate, no duration. Cases are reshaped from the stories; each family has
counter-examples that must not change. The cue-word path (``storyline timeml``) is tested
unless a case says so."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracketed sum in "US" or ending on its scale is a money rate's "per"
        ("Japan will spend 30 billion dollars (3.8 billion US) a year on it.", None),
        ("He earns 8,000 Singapore dollars (5,714 US) a month.", None),
        ("It costs 41.6 billion yuan (US$5 billion) a year.", None),
        ("It costs 41.6 billion yuan (5 billion dollars) a year.", None),
        # counter-examples: no figure before "US", or a bare year, in the bracket
        ("Visits rose to 3,000 (up from 2,000 in the US) a year later.", "P1Y"),
        ("The war began (in 2005) a year later.", "P1Y"),
        ("They sold 3 million (up 2 million) a year ago.", "2005"),
    ],
)
def test_bracketed_money_rate(text: str, expected: str | None) -> None:
    values = [value for word, value in found(text, "2006-12-01") if word.startswith("a year")]
    values += [value for word, value in found(text, "2006-12-01") if word == "a month"]
    assert values == ([] if expected is None else [expected])
