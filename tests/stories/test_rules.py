"""The rule files the stories steps read: why each family exists, with a counter-example."""

import pytest

from storyline.stories.dedup import _numbers
from storyline.stories.features import text_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Officials said Tara Reid checked in.", "tara reid"),
        ("On Monday the Bank of England raised rates.", "bank of england"),
        ("The group Cartel de los Soles was named.", "cartel de los soles"),
        ("Mr Maduro spoke; Maduro later left.", "maduro"),
    ],
)
def test_text_names_finds_names(text, name):
    assert name in text_names(text)


@pytest.mark.parametrize(
    ("text", "not_name"),
    [
        # stories_not_names.txt trims weekdays, months and honorifics off the ends of a run...
        ("On Monday the council met.", "monday"),
        ("It happened in November last year.", "november"),
        # ...and a capitalised word that only ever opens a sentence is not a name.
        ("Another day passed. Officials met.", "another"),
    ],
)
def test_text_names_skips_capitalised_non_names(text, not_name):
    assert not_name not in text_names(text)


@pytest.mark.parametrize(
    ("tokens", "values"),
    [
        (["four", "sources"], {4.0}),
        (["a", "dozen"], {12.0}),
        (["1,200", "people"], {1200.0}),
        # Counter-example: words that are not numbers give nothing to compare.
        (["several", "sources"], set()),
    ],
)
def test_number_words_give_values(tokens, values):
    assert _numbers(tokens) == values
