"""Session 10, third round: recognition and extent classes from the lead's list (a season
after the demonstrative "that"; ...), judged by the TimeML 1.2.1 (TE3) rules; every class has
counter-examples.

DCT for every case: Wednesday 2020-05-20 unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2020, 5, 20)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# "that summer", "that winter" ...: a season after the demonstrative "that" refers back to a
# time told before (TimeML tags it, as "that year"); it takes the year named last, as "In March
# that year" does (context.resolve, "thatyear"), or, with none, the DCT's reading of the season.
# A complementiser "that" whose clause has the season as subject ("said that summer is ...",
# timex_that_predicates.txt) is none, nor is "that fall in prices" (the decline), and the
# relative "that" after a season ("the summer that followed") is outside it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2005 the river flooded. That summer the town was evacuated.",
            {"2005": "2005", "That summer": "2005-SU"},
        ),
        ("In 2009 we met that winter and again.", {"2009": "2009", "that winter": "2009-WI"}),
        ("In 2001 the council met that autumn.", {"2001": "2001", "that autumn": "2001-FA"}),
        (
            "The law passed in 1999 and that fall they voted.",
            {"1999": "1999", "that fall": "1999-FA"},
        ),
        (
            "In 2011 the plant opened. That spring, prices rose.",
            {"2011": "2011", "That spring": "2011-SP"},
        ),
        (
            "In 2005 it was bad. Then that summer of 2007 came.",
            {"2005": "2005", "that summer of 2007": "2007-SU"},
        ),
        # counter-examples
        ("He said that summer is the best time to travel.", {}),
        ("She fears that winter will be hard for the poor.", {}),
        ("Analysts said that fall in prices hurt exporters.", {}),
        ("He broke his hip in a fall that ended his career.", {}),
    ],
)
def test_that_season_refers_back(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# With no year told before, the value is the season normaliser's reading against the DCT (a
# values matter: "He left that summer" gives 2020-SU in May 2020, where the summer gone or
# XXXX-SU would be right); here only the extents are pinned.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He left that summer.", ["that summer"]),
        ("During that winter was born a child.", ["that winter"]),
        ("The summer that followed was dry.", ["The summer"]),
        ("It was that spring, not this one.", ["that spring"]),
        # counter-example: a clause after "that" with the season as its subject
        ("Officials warned that spring would bring floods.", []),
    ],
)
def test_that_season_extent_without_year(text: str, expected: list[str]) -> None:
    assert [t.text for t in tag(text, DCT)] == expected


# "Patch Tuesday" (Microsoft's monthly security updates, ECB+ topic 27, where it is a TIME_DATE,
# "next month's Patch Tuesday" one of them): a named day that comes back every month
# (timex_monthly_days.tsv), one DATE, the month's second Tuesday nearest the DCT on the side the
# weekday was read (DCT Wednesday 2020-05-20: May 12 gone, June 9 coming); it was this week's
# Tuesday. A month's possessive before it names its month. Lower-case "patch" is no name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Microsoft shipped the fix on Patch Tuesday.", {"Patch Tuesday": "2020-05-12"}),
        ("Microsoft will ship the fix on Patch Tuesday.", {"Patch Tuesday": "2020-06-09"}),
        ("It is due in next month's Patch Tuesday.", {"next month's Patch Tuesday": "2020-06-09"}),
        ("The flaw was fixed in April's Patch Tuesday.", {"April's Patch Tuesday": "2020-04-14"}),
        # counter-examples: a plain weekday, lower-case "patch"
        ("It came out on Tuesday.", {"Tuesday": "2020-05-19"}),
        ("They will patch Tuesday the roof.", {"Tuesday": "2020-05-26"}),
    ],
)
def test_monthly_named_day(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


def test_monthly_named_day_without_dct_keeps_extent() -> None:
    assert [t.text for t in tag("Microsoft shipped the fix on Patch Tuesday.", None)] == [
        "Patch Tuesday"
    ]


# "Jones was injured in the first quarter two Sundays ago" (ECB+ topic 29): a weekday counted
# back from the DCT with "ago" is one DATE, the n-th such weekday before the DCT's day (DCT
# Wednesday 2020-05-20: last Sunday May 17, two Sundays ago May 10); it was a SET "Sundays".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was injured two Sundays ago.", {"two Sundays ago": "2020-05-10"}),
        ("The plant closed three Mondays ago.", {"three Mondays ago": "2020-05-04"}),
        ("It rained 2 Wednesdays ago.", {"2 Wednesdays ago": "2020-05-06"}),
        # counter-examples: a habit, a vague count, no "ago"
        ("He runs on Sundays.", {"Sundays": "XXXX-WXX-7"}),
        ("We met a few Sundays ago.", {"Sundays": "XXXX-WXX-7"}),
        ("They met two Sundays later.", {"Sundays": "XXXX-WXX-7"}),
    ],
)
def test_weekdays_ago(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
