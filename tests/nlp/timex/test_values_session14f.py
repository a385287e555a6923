"""Session 14: "going" looks ahead only as "going to" or "going ahead". Alone it is no future
("Neither the Rams nor Bears could get much going offensively on Sunday night", said on the
Tuesday after: the Sunday gone, was the Sunday ahead; "They kept the talks going on Friday").
Counter-examples: "is going to announce the deal on Friday" and "is going ahead on Sunday"
keep the day ahead. Both paths are tested."""

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
            "Neither the Rams nor Bears could get much going offensively on Sunday night.",
            ("Sunday night", "2019-11-17TNI"),
        ),
        ("They kept the talks going on Friday.", ("Friday", "2019-11-15")),
        # counter-examples: "going to", "going ahead"
        ("The company is going to announce the deal on Friday.", ("Friday", "2019-11-22")),
        ("The match is going ahead on Sunday despite the storm.", ("Sunday", "2019-11-24")),
    ],
)
def test_going_alone_is_no_future(text: str, expected: tuple[str, str], parse: bool) -> None:
    assert expected in found(text, "2019-11-19", parse)
