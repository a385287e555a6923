"""Session 14 (round 2): a modal right after "one day" is its verb's, some day to come ("afraid
that the Church one day may operate normally", "robots which one day could replace nurses"):
DATE FUTURE_REF, as "may one day be" is; it was a length P1D. Counter-examples: a length word
before "one day" keeps the length ("closed for one day and may reopen Monday") and so does a
"that one day"; a past inability opening a story stays PAST_REF. Both paths are tested."""

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
            "Those with vested interests are terribly afraid that the Church one day may operate "
            "normally and freely.",
            ("one day", "DATE", "FUTURE_REF"),
        ),
        (
            "Scientists say robots which one day could replace nurses will be cheap.",
            ("one day", "DATE", "FUTURE_REF"),
        ),
        # counter-examples
        (
            "The plant was closed for one day and may reopen on Monday.",
            ("one day", "DURATION", "P1D"),
        ),
        ("He needed one day and could not wait longer.", ("one day", "DURATION", "P1D")),
        ("One day he could not walk.", ("One day", "DATE", "PAST_REF")),
    ],
)
def test_modal_after_one_day(text: str, expected: tuple[str, str, str], parse: bool) -> None:
    assert expected in found(text, "2019-11-19", parse)
