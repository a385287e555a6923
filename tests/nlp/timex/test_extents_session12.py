"""Session 12: recognition and extent classes found reading unseen news (ReCOVery unreliable
articles, Random(1212) TE3-silver stories) and the open items of session 11, judged by the
TimeML 1.2.1 (TE3) rules; every class has counter-examples, each run without and with a parse.
"""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> dict[str, str]:
    doc = get_nlp()(text) if parse else None
    return {t.text: t.value for t in tag(text, dct, doc=doc)}


# "the same month of last year", "the same week a year ago", "the same day in 2019": the unit a
# story talks about, in the year named right after it, is one date (TE3-silver "same month of
# last year", "the same month of 2001"), as "the same period of 1996" is; it was two tags.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Exports rose in November by 5 percent from the same month of last year.",
            {"November": "2020-11", "the same month of last year": "2019-11"},
        ),
        (
            "Car sales in March were down 12 percent from the same month a year ago.",
            {"March": "2020-03", "the same month a year ago": "2019-03"},
        ),
        (
            "The index fell in October compared with the same month in 2018.",
            {"October": "2020-10", "the same month in 2018": "2018-10"},
        ),
        (
            "Prices in November were 3 percent higher than in the same month of the previous year.",
            {"November": "2020-11", "the same month of the previous year": "2019-11"},
        ),
        # counter-examples: a year in the next clause or after a comma is its own
        (
            "He left the same day, and last year he came back.",
            {"the same day": "2020-12-15", "last year": "2019"},
        ),
        (
            "She was hired in May. The same month, 2019 sales fell.",
            {"May": "2020-05", "The same month": "2020-05", "2019": "2019"},
        ),
        (
            "Imports fell in the same month as exports did last year.",
            {"the same month": "2020-12", "last year": "2019"},
        ),
    ],
)
def test_same_unit_of_a_year(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-12-15", parse) == expected
