"""Session 14: "kicks off"/"kick off" with a date is a timetable phrase
(timex_timetable_phrases.txt), as "takes effect" and "gets under way" are: a tour, season or
series started on a set day points ahead ("the trek, which kicks off June 9th in West Palm
Beach", said in November, is next June, not the June gone). Counter-examples: the past "kicked
off" and the infinitive after "to" are left to the other cues. Both paths are tested."""

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
            "The Doobie Brothers will tour together for the first time in nearly 25 years during "
            "the trek, which kicks off June 9th in West Palm Beach, Florida.",
            ("June 9th", "2020-06-09"),
        ),
        (
            "The series kicks off on June 25th, although programming information has not been "
            "released.",
            ("June 25th", "2020-06-25"),
        ),
        # counter-example: a past kick-off
        ("The tour kicked off on June 9th in West Palm Beach.", ("June 9th", "2019-06-09")),
    ],
)
def test_kick_off_is_a_timetable(text: str, expected: tuple[str, str], parse: bool) -> None:
    assert expected in found(text, "2019-11-19", parse)
