"""Session 12, round 3: extent classes of named days, judged by the TimeML 1.2.1 (TE3) rules;
every class has counter-examples, each run without and with a parse.
"""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> dict[str, str]:
    doc = get_nlp()(text) if parse else None
    return {t.text: t.value for t in tag(text, dct, doc=doc)}


# A named day before a capitalised word that is no time word is part of a proper name ("the
# Mardi Gras Indians", "the Victory Day Parade", "the Good Friday Agreement"), and TimeML tags
# no date inside a name; a weekday inside the name is none either. A lower-case event noun
# after the day ("Super Tuesday primaries", "Christmas Day services"), a time word ("the
# Memorial Day weekend"), a preposition before the day and a named day that ends in a weekday
# ("Super Bowl Sunday") keep the date.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Mardi Gras Indians paraded through the Treme on Monday, organisers said.",
            {"Monday": "2020-05-18"},
        ),
        ("Moscow postponed the Victory Day Parade because of the outbreak.", {}),
        ("The Good Friday Agreement was signed in 1998.", {"1998": "1998"}),
        # counter-examples
        (
            "Joe Biden won most states in the Super Tuesday primaries.",
            {"Super Tuesday": "2020-03-03"},
        ),
        ("Churches cancelled Christmas Day services.", {"Christmas Day": "2019-12-25"}),
        ("The Super Bowl Sunday party drew a crowd.", {"Super Bowl Sunday": "2020-02-02"}),
        (
            "Beaches will be closed over the Memorial Day weekend.",
            {"the Memorial Day weekend": "2020-W21-WE"},
        ),
        (
            "On Memorial Day President Trump will lay a wreath.",
            {"Memorial Day": "2020-05-25"},
        ),
        ("The virus spread during Mardi Gras in New Orleans.", {"Mardi Gras": "2020-02-25"}),
        # a rite capitalised by custom; a participle after the day
        (
            "Pope Francis said Easter Mass in an empty basilica last month.",
            {"Easter": "2020-04-12", "last month": "2020-04"},
        ),
        ("A strange, quiet Memorial Day Presented by Lockheed", {"Memorial Day": "2020-05-25"}),
    ],
)
def test_named_day_inside_a_name(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected


# A year right after a holiday's week or weekend is the phrase's year and one expression with
# it ("Memorial Day weekend 2019" = the weekend before Memorial Day 2019), as "Memorial Day
# 2019" is. A year after "in" stays its own expression (the holiday takes its year), and so
# does a year after a comma.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Beach crowds were thinner than over Memorial Day weekend 2019, officials said.",
            {"Memorial Day weekend 2019": "2019-W21-WE"},
        ),
        ("Hotels were full during Easter week 2000.", {"Easter week 2000": "2000-W16"}),
        # counter-examples
        (
            "Beach crowds were thinner than over Memorial Day weekend in 2019.",
            {"Memorial Day weekend": "2019-W21-WE", "2019": "2019"},
        ),
        (
            "Beaches will be closed over the Memorial Day weekend, and 2019 was no better.",
            {"the Memorial Day weekend": "2020-W21-WE", "2019": "2019"},
        ),
    ],
)
def test_holiday_weekend_and_its_year(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected


# A school, academic, crop or marketing year written as the two years it spans is one period
# and one expression, named by the year it ends in as a fiscal year is (year.fyspan), so that
# "the 2019-20 school year" and "this school year" said in May 2020 are one value; it was the
# two years apart. A sports season and a bare span keep their two years.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Schools will stay closed for the rest of the 2019-2020 school year.",
            {"the 2019-2020 school year": "2020"},
        ),
        (
            "Enrollment fell during the 2018-19 academic year, the university said.",
            {"the 2018-19 academic year": "2019"},
        ),
        ("Exports rose in the 2006/07 marketing year.", {"the 2006/07 marketing year": "2007"}),
        ("Tuition rose for the 2019 school year.", {"the 2019 school year": "2019"}),
        (
            "Schools stay shut this school year, and the 2019-20 school year ends in June.",
            {"this school year": "2020", "the 2019-20 school year": "2020", "June": "2020-06"},
        ),
        # counter-examples
        ("Revenue fell in the 2019-20 fiscal year.", {"the 2019-20 fiscal year": "2020"}),
        ("The 2019-20 season was cut short.", {"2019": "2019", "20": "2020"}),
        ("The recession of 1990-91 hurt schools.", {"1990": "1990", "91": "1991"}),
        ("It was a school year like no other.", {}),
    ],
)
def test_school_year_span(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected


# A bare weekday right after a named day that falls on it restates the day and is that day
# (it was the weekday nearest the DCT); when the holiday's year picked from the DCT has it on
# another weekday, the year next to it that fits is both's. Two expressions, as two noun
# phrases are. A weekday the holiday does not fall on in any nearby year is left alone.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Revellers marked St. Patrick's Day Tuesday in near-empty streets.",
            {"St. Patrick's Day": "2020-03-17", "Tuesday": "2020-03-17"},
        ),
        (
            "The parade was held on Memorial Day Monday, officials said.",
            {"Memorial Day": "2020-05-25", "Monday": "2020-05-25"},
        ),
        # counter-examples: the holiday and a weekday apart, an "Easter Monday" named day
        (
            "The shops closed on Christmas Day, and on Tuesday they reopened.",
            {"Christmas Day": "2019-12-25", "Tuesday": "2020-05-19"},
        ),
        ("Prices fell after Easter Monday.", {"Easter Monday": "2020-04-13"}),
    ],
)
def test_weekday_after_a_named_day(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected
