"""Session 14, round 2, of recognition and extents: classes read in new news pages
(article-extraction-benchmark, htmldate-mediacloud 2020) and left by round 1, judged by the
TimeML 1.2.1 (TE3) rules; every class has counter-examples. Both paths (cue words and a spaCy
parse) must agree."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


# A bare four-digit number before a measure word (timex_measure_units.txt) is a quantity, no
# year: a dimension, a distance, a count of millions. A currency keeps its year ("in 2005
# dollars"), and so does a number after a time preposition ("In 2019 miles driven fell").
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It has a 6.1-inch touchscreen display with a resolution of 1080 pixels by 1920"
            " pixels at a PPI of 401 pixels per inch.",
            [],
        ),
        ("Freeway connection, located 2000 meters away, will allow you to travel.", []),
        (
            "Exports are valued at 2,459 million NZ dollars (1721 million US dollars), which is"
            " 30 million more than in 2004.",
            [("2004", "2004")],
        ),
        ("The new warehouse covers 1800 square feet.", []),
        # counter-examples
        ("Figures are given in 2005 dollars.", [("2005", "2005")]),
        ("In 2019 miles driven fell by a tenth.", [("2019", "2019")]),
        ("The plant opened in 1920 and employs 300 people.", [("1920", "1920")]),
        ("The 2019 Miles Franklin Award went to her novel.", [("2019", "2019")]),
        ("The 2018 TB cases were fewer than expected.", [("2018", "2018")]),
    ],
)
def test_year_before_measure(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2019-11-20", parse) == expected


# "the year of the pig": a year of the Chinese zodiac is a lunar year named by its animal, no
# Gregorian year, so "the year" before "of the" and the animal is no DATE of the DCT's year.
# "the year of the pandemic", "next year" and a hyphened compound keep theirs.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Another reportedly said: \u201dBird flu in the year of the rooster... swine fever in"
            " the year of the pig. Next year is the year of the rat...the plague is coming.\u201d",
            [("Next year", "2020")],
        ),
        ("Families gathered to welcome the year of the dragon.", []),
        # counter-examples
        ("It was the year of the pandemic.", [("the year", "2019")]),
        ("It was the year of the ox-cart strike.", [("the year", "2019")]),
        ("Sales rose in the year of the merger.", [("the year", "2019")]),
    ],
)
def test_zodiac_year(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2019-11-19", parse) == expected


# "a week ago Friday", "a week from Thursday" (US news): a count of weeks before or after a
# named weekday is one DATE, that weekday shifted by the weeks (DCT Wednesday 2019-11-20: the
# last Friday is 11-15, a week before it 11-08). "a week ago" apart from the weekday, a plural
# weekday and a range of days stay apart.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A week ago Friday, 10 Delta Airlines jetliners were grounded at the airport.",
            [("A week ago Friday", "2019-11-08")],
        ),
        ("He was fired two weeks ago Monday.", [("two weeks ago Monday", "2019-11-04")]),
        (
            "The Senate vote is set for a week from Thursday.",
            [("a week from Thursday", "2019-11-28")],
        ),
        # counter-examples
        (
            "She left a week ago and returned Friday.",
            [("a week ago", "2019-W46"), ("Friday", "2019-11-15")],
        ),
        (
            "It happened a week ago Friday night.",
            [("a week ago", "2019-W46"), ("Friday night", "2019-11-15TNI")],
        ),
        (
            "It took a week from Monday to Friday.",
            [("a week", "P1W"), ("Monday", "2019-11-18"), ("Friday", "2019-11-22")],
        ),
    ],
)
def test_weeks_off_weekday(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2019-11-20", parse) == expected
