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


def mods(text: str) -> dict[str, str | None]:
    return {t.text: t.mod for t in tag(text, DCT)}


@pytest.mark.parametrize(
    ("text", "phrase", "mod"),
    [
        ("It won't be profitable until 2027 or later.", "2027 or later", "ON_OR_AFTER"),
        ("It is confident about earnings for 2026 and beyond.", "2026 and beyond", "ON_OR_AFTER"),
        ("The plant shut in 2019 or earlier.", "2019 or earlier", "ON_OR_BEFORE"),
        ("The deal should close around Jan. 15.", "around Jan. 15", "APPROX"),
        ("Shots were heard at about 10 p.m.", "about 10 p.m.", "APPROX"),
        ("It grew for at least the past 8 weeks.", "at least the past 8 weeks", "EQUAL_OR_MORE"),
    ],
)
def test_edge_words_join_the_expression(text: str, phrase: str, mod: str) -> None:
    assert mods(text).get(phrase) == mod


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("She joined in October 1984 and later served as chief.", "October 1984"),  # a verb follows
        ("They looked for ways to get around Wednesday's ruling.", "Wednesday"),  # possessive
        ("He walked around 2024 Main Street.", None),  # an address is no year
        ("Protesters gathered at 1600 Pennsylvania Ave. on Monday.", None),
    ],
)
def test_edge_words_counter_examples(text: str, phrase: str | None) -> None:
    tagged = mods(text)
    if phrase is None:
        assert not any(any(c.isdigit() for c in t) for t in tagged)
    else:
        assert phrase in tagged


@pytest.mark.parametrize(
    ("text", "phrase"),
    [("The firm moved in 1998 to Chicago.", "1998"), ("In 2024 Main Street shops closed.", "2024")],
)
def test_year_before_a_name_is_still_a_year(text: str, phrase: str) -> None:
    assert phrase in found(text)  # counter-example: no street word after the name


REPORT_DCT = dt.date(1989, 11, 2)


def report(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, REPORT_DCT)}


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "Net rose in the third quarter. For the quarter a year ago, it was $3 million.",
            "the quarter a year ago",
            "1988-Q3",
        ),
        (
            "It earned 44 cents for the corresponding period last year.",
            "the corresponding period last year",
            "1988-Q3",
        ),
        ("Sales for last year's quarter were $3 million.", "last year's quarter", "1988-Q3"),
        ("Sales for the full year were $6.6 billion.", "the full year", "1989"),
        ("Earnings will be lower for the fiscal year.", "the fiscal year", "1989"),
        ("Sales in the latest fiscal year were $6 billion.", "the latest fiscal year", "1988"),
    ],
)
def test_report_periods_are_one_expression(text: str, phrase: str, value: str) -> None:
    assert report(text).get(phrase) == value


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("It changed from a fiscal year to a calendar year.", "a fiscal year"),  # no "the"
        ("The period was hard for everyone.", "The period"),  # "the period" alone is anything
        ("Net fell; last year's results were better.", "last year's results"),
    ],
)
def test_report_periods_counter_examples(text: str, absent: str) -> None:
    assert absent not in report(text)


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("It was published by the Communist Party daily Granma.", None),
        ("The business daily said the deal was off.", None),
        ("The news weekly reported a rift.", None),
        ("Rallies are held daily outside the home.", "P1D"),  # counter-example: a frequency
        ("They meet weekly. Police watch.", "P1W"),  # a new sentence is no name
        ("Average daily volume was 133 million shares.", "P1D"),
    ],
)
def test_frequency_word_naming_a_newspaper(text: str, frequency: str | None) -> None:
    sets = [t.value for t in tag(text, DCT) if t.type == "SET"]
    assert sets == ([frequency] if frequency else [])


# Sixth round: "over" before "a"/"an" and a unit is "more than" and goes inside
# (timex_extensions.tsv, column starts; TBAQ tags "over a week", "over an hour").
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The tour is likely to last over a week.", "over a week"),
        ("Just over an hour later, he was declared dead.", "over an hour"),
    ],
)
def test_over_a_unit_is_more_than(text: str, phrase: str) -> None:
    got = {t.text: t for t in tag(text, DCT)}
    assert phrase in got and got[phrase].mod == "MORE_THAN"


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The loan will be repaid over three years.", "three years"),  # during, not more than
        ("Threats became routine over the past decade.", "the past decade"),
    ],
)
def test_over_counter_examples_stay_outside(text: str, phrase: str) -> None:
    assert phrase in found(text)


def test_over_a_day_camp_is_no_length() -> None:
    # "day camp" is a compound noun (timex_unit_compounds.txt), so "over" has nothing to join
    assert tag("He chose a sleepaway camp over a day camp.", DCT) == []


# Hundreds and thousands as words count ("for three hundred years" is P300Y, not "years");
# "the year two thousand" stays a year and "two thousand people" no time.
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "They kept the secret for more than two thousand years.",
            "more than two thousand years",
            "P2000Y",
        ),
        ("The empire lasted three hundred years.", "three hundred years", "P300Y"),
        ("The approach of the year two thousand worried them.", "the year two thousand", "2000"),
    ],
)
def test_hundreds_and_thousands_count(text: str, phrase: str, value: str) -> None:
    assert found(text).get(phrase) == value


def test_thousands_counter_example_a_crowd() -> None:
    assert tag("Two thousand people marched.", DCT) == []
