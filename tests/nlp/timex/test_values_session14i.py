"""Session 14 (round 2): an age named with the noun "age" is no length, as "aged 18 to 55
years" already was not (TimeBank leaves ages untagged: "6-year-old", "48-years-old"): "all
individuals above age 6 months", "Viewing age of 48 months and above", "children under the age
of five years", "men age 65 to 80 years". Counter-examples: "The Ice Age 20 years ago" is a
date back and "At his age, two years is a long time" a length. Both paths are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("The CDC recommends all individuals above age 6 months get a flu vaccine.", "6 months"),
        ("Viewing age of 48 months and above.", "48 months"),
        ("Deaths of children under the age of five years are attributable to AIDS.", "five years"),
        ("The study of 44,630 men age 65 to 80 years found that they lived longer.", "80 years"),
    ],
)
def test_age_is_no_length(text: str, age: str, parse: bool) -> None:
    assert not [t for t in found(text, "2019-11-19", parse) if age in t[0]]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Ice Age 20 years ago was a hit.", ("20 years ago", "DATE", "1999")),
        ("At his age, two years is a long time.", ("two years", "DURATION", "P2Y")),
    ],
)
def test_age_word_elsewhere(text: str, expected: tuple[str, str, str], parse: bool) -> None:
    assert expected in found(text, "2019-11-19", parse)
