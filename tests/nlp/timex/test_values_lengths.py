"""Lengths, fifth round (values): "the last twenty four hours" is the day just gone.

TimeBank writes "the last twenty four hours" P1D; a count of hours that is no whole day, or
hours not counted back from now, keep their hours ("at least 72 hours" = PT72H in AQUAINT).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2020, 5, 10)


def value(text: str, phrase: str) -> str:
    found = {t.text: t.value for t in tag(text, DCT)}
    assert phrase in found, (phrase, found)
    return found[phrase]


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("In the last twenty four hours, stocks fell.", "the last twenty four hours", "P1D"),
        ("In the past 24 hours, 500 cases were reported.", "the past 24 hours", "P1D"),
        # counter-examples: not a day, or not counted back from now
        ("In the past 36 hours, it rained.", "the past 36 hours", "PT36H"),
        ("The next 24 hours are critical.", "The next 24 hours", "PT24H"),
        ("The strike lasted 24 hours.", "24 hours", "PT24H"),
    ],
)
def test_last_24_hours_is_a_day(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase) == expected
