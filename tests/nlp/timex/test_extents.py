"""Third timex round: extents and false alarms, each class with counter-examples.

DCT for every case: Tuesday 2025-12-02 (the seed's publication date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag
from storyline.nlp.timex.values import spoken_year

DCT = dt.date(2025, 12, 2)


def found(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, DCT)}


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The plant opened in nineteen ninety-six.", "nineteen ninety-six", "1996"),
        ("It closed in January nineteen ninety-seven.", "January nineteen ninety-seven", "1997-01"),
        ("The winter of nineteen ninety-four.", "The winter of nineteen ninety-four", "1994-WI"),
        ("The approach of the year two thousand worried them.", "the year two thousand", "2000"),
        ("The law dates from nineteen oh five.", "nineteen oh five", "1905"),
        ("Prices fell in twenty twenty-four.", "twenty twenty-four", "2024"),
        ("The games return in two thousand and one.", "two thousand and one", "2001"),
    ],
)
def test_spoken_years_are_years(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


@pytest.mark.parametrize(
    "text",
    [
        "Two thousand people marched.",  # a count
        "Turnout rose by two thousand.",
        "In two thousand cases the court agreed.",
        "There were nineteen twenty-year-olds in the squad.",  # ages, not 1920
        "He waited nineteen ninety days.",  # "nineteen" then "ninety days"
        "Eighteen hundred troops were sent.",
    ],
)
def test_spoken_years_counter_examples(text: str) -> None:
    assert not any(v in ("2000", "1920", "1990", "1800") for v in found(text).values())


@pytest.mark.parametrize(
    ("words", "year"),
    [("nineteen ninety-six", 1996), ("two thousand and five", 2005), ("nineteen oh one", 1901)],
)
def test_spoken_year_value(words: str, year: int) -> None:
    assert spoken_year(words) == year
