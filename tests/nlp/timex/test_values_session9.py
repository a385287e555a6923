"""Session 9, values and tense on modern news (the items session 8 left, then a fresh audit of
ReCOVery articles no session had read): rules for general errors of direction and anchoring.
Each rule has parametrised cases in the shape of the real sentences and a counter-example;
cases run with and without a spaCy parse (the path analyze() uses and the path of the
benchmark)."""

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
        # a plain past deed at a holiday still to come this year: the last one, a year back
        ("The family met at Easter.", "2020-03-01", ("Easter", "2019-04-21")),
        ("They met over Christmas.", "2020-10-01", ("Christmas", "2019-12-25")),
        ("She visited her mother at Christmas.", "2020-10-01", ("Christmas", "2019-12-25")),
        ("The stores closed on Christmas Day.", "2020-10-01", ("Christmas Day", "2019-12-25")),
        # within the usual reach the past already held
        ("The stores closed on Thanksgiving.", "2020-12-01", ("Thanksgiving", "2020-11-26")),
    ],
)
def test_plain_past_at_a_holiday_is_the_last_one(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-examples: the future, a saying with a deadline, "for", and a habit
        ("The family will meet at Easter.", "2020-03-01", ("Easter", "2020-04-12")),
        (
            "Trump said he wants the country opened up by Easter.",
            "2020-03-25",
            ("Easter", "2020-04-12"),
        ),
        ("Shoppers stocked up for Christmas.", "2020-10-01", ("Christmas", "2020-12-25")),
        ("The lockdown was extended until Easter.", "2020-03-01", ("Easter", "2020-04-12")),
        # the coming one within a month: a slip of tense is likelier than a year back
        ("The family met at Easter.", "2020-03-25", ("Easter", "2020-04-12")),
    ],
)
def test_holiday_not_after_a_plain_past_keeps_the_coming_one(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)
