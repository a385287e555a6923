"""Session 13 (round 2) of values and tense, from TE3-silver stories: a sitting adjourned,
suspended or recessed until a day ("Constitutional talks were adjourned until Monday", said on
a Wednesday) resumes on the day ahead. Each family has counter-examples; both the cue-word path
and the parsed path are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


PARSE = pytest.mark.parametrize("parse", [False, True])


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # adjourned/suspended/recessed until a day: the day the sitting resumes, ahead
        (
            "Constitutional talks were adjourned until Monday to allow for a two-day meeting "
            "of the Great Council of Chiefs.",
            "1997-04-09",
            ("Monday", "1997-04-14"),
        ),
        (
            "The trial of Saddam Hussein on genocide charges was adjourned till Tuesday after "
            "the court heard two Kurdish witnesses.",
            "2006-11-27",
            ("Tuesday", "2006-11-28"),
        ),
        (
            "The court then adjourned the session until Tuesday.",
            "2006-11-27",
            ("Tuesday", "2006-11-28"),
        ),
        (
            "The case was adjourned to February to await a decision by the justice minister.",
            "2005-12-17",
            ("February", "2006-02"),
        ),
        (
            "The Senate recessed until Monday without a vote.",
            "2006-11-29",
            ("Monday", "2006-12-04"),
        ),
        # counter-examples: the day of the adjournment itself, and a stretch that ended
        (
            "The court adjourned on Monday after hearing two witnesses.",
            "2006-11-29",
            ("Monday", "2006-11-27"),
        ),
        ("Trading in the shares was suspended on Monday.", "2006-11-29", ("Monday", "2006-11-27")),
        (
            "The talks were held until Monday, when they broke down.",
            "2006-11-29",
            ("Monday", "2006-11-27"),
        ),
    ],
)
def test_adjourned_until_a_day_is_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)
