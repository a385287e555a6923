"""Session 14 (round 2): "one day" as some day to come. Split into an infinitive before its
verb ("would love to one day purchase a water cooler") or ending its phrase in a sentence with a
future, a modal or a word of hope before it ("someone's going to uncover your login info one
day", "dreamed of becoming a teacher one day") it is DATE FUTURE_REF, as TimeBank's "Islam will
one day be" is; it was a length P1D. Counter-examples: lengths with a word of their own before
or after ("limit competition to one day", "one day a week", "needed one day to reach") stay
P1D. Both paths are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


SOME_DAY = ("one day", "DATE", "FUTURE_REF")
LENGTH = ("one day", "DURATION", "P1D")


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We still have to stay hydrated and would love to one day purchase a water cooler.",
            SOME_DAY,
        ),
        ("Eateries are itching to one day soon hopefully resume dine-in service.", SOME_DAY),
        (
            "It's all but guaranteed that someone's going to uncover your login info one "
            "day\u2014and if you use the same credentials, they can get in.",
            SOME_DAY,
        ),
        ("She was a mother who dreamed of becoming a teacher one day.", SOME_DAY),
        (
            "I kept thinking about the conversations I might have one day with my future children.",
            SOME_DAY,
        ),
        ("Then we might all wake up one day to find ourselves in a gruesome society.", SOME_DAY),
        # counter-examples: lengths
        ("The idea is to limit competition to one day \u2014 no qualifying, no practice.", LENGTH),
        ("The Megnas needed one day to reach Kasey's parents' home.", LENGTH),
        ("Mr. Major had only been in the job one day.", LENGTH),
        ("We will take it one day at a time.", LENGTH),
        ("They will test 750 people in one day.", LENGTH),
        ("The strike will come one day before the company's annual meeting.", LENGTH),
    ],
)
def test_one_day_to_come(text: str, expected: tuple[str, str, str], parse: bool) -> None:
    assert expected in found(text, "2020-05-19", parse)


@pytest.mark.parametrize("parse", [False, True])
def test_one_day_a_week_stays_a_length(parse: bool) -> None:
    text = "We can only leave the campsite one day a week under order of law."
    assert ("one day", "DATE", "FUTURE_REF") not in found(text, "2020-05-19", parse)
