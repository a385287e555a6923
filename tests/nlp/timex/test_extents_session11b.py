"""Session 11, round 2: recognition and extent classes left by round 1 and found reading whole
TE3-silver stories (Random(7777) sample), judged by the TimeML 1.2.1 (TE3) rules; every class
has counter-examples.

DCT for every case: Monday 2005-12-12 unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2005, 12, 12)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# Era years. The era marker of our era in capitals is part of the year ("1200 AD", "AD 1350");
# a figure before B.C./BCE is no year of ours (it was "2000" = the year 2000). "BC" is also
# British Columbia: "BC Hydro", "the 2017 B.C. election", "BC's premier" keep their year, and
# "1998 ad campaign" (lower case) or "1998 AD Pharma" (a name) are no era.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It includes Kilwa Great Mosque, dated about 1200 AD, and Kilwa Kisiwani.",
            {"1200 AD": "1200"},
        ),
        ("The wall was rebuilt in AD 1350 by the governor.", {"AD 1350": "1350"}),
        ("He said the world would end in 2000 AD.", {"2000 AD": "2000"}),
        # session 13: a year before our era is one DATE with its marker, "BC3000" (HeidelTime)
        (
            "The site was inhabited from 3000 B.C. to 2000 B.C. by farmers.",
            {"3000 B.C.": "BC3000", "2000 B.C.": "BC2000"},
        ),
        (
            "From 3000 B.C. to 2000 B.C. Egyptians farmed here.",
            {"3000 B.C.": "BC3000", "2000 B.C.": "BC2000"},
        ),
        ("The city was founded in 1200 BC and abandoned later.", {"1200 BC": "BC1200"}),
        ("The texts date to 1750 BCE, experts said.", {"1750 BCE": "BC1750"}),
        ("The tablets date to 1800 BC.", {"1800 BC": "BC1800"}),
        # counter-examples: British Columbia, a lower-case "ad", a company name
        ("In 1996 BC Hydro raised rates.", {"1996": "1996"}),
        ("He lost the 2017 B.C. election.", {"2017": "2017"}),
        ("In 2005 BC's premier resigned.", {"2005": "2005"}),
        ("They ran a 1998 ad campaign.", {"1998": "1998"}),
        ("It was founded in 1998 AD Pharma's home town.", {"1998": "1998"}),
    ],
)
def test_era_year_extent(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# A numbered quarter in a sentence that gives a game's score next to a game word
# (timex_score_words.txt: lead, run, victory, loss, trailing ...) or right after the quarter is
# the game's, no calendar quarter; so is a count of quarters there. A vote, a ruling or a range
# of percent is no score ("The Senate voted 71-29", "a 5-4 ruling", "rose 10-15 percent").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bahrain established a comfortable 71-39 lead after three quarters and rested his "
            "big shooters in the final quarter.",
            {},
        ),
        ("Trailing 59-45 amid the third quarter, Palestine fought hard.", {}),
        (
            "He rolled the ankle midway through the fourth quarter of the Heat's 102-105 loss.",
            {},
        ),
        ("Chinese Taipei out-scored the South Korean side 14-6 in the fourth quarter.", {}),
        ("Japan widened its advantage to close the third quarter 54-43 after the break.", {}),
        ("The Colts, trailing 14-0 at the start of the second quarter, scored 17 points.", {}),
        # counter-examples: no score, or a split that is no game's
        ("Profit rose in the third quarter.", {"the third quarter": "2005-Q3"}),
        (
            "The Senate voted 71-29 in the third quarter to pass it.",
            {"the third quarter": "2005-Q3"},
        ),
        ("The company won a 5-4 ruling in the third quarter.", {"the third quarter": "2005-Q3"}),
        (
            "Profit rose 10-15 percent in the third quarter, extending its lead.",
            {"the third quarter": "2005-Q3"},
        ),
        ("The team lost. Sales rose in the third quarter.", {"the third quarter": "2005-Q3"}),
    ],
)
def test_scored_game_quarter(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# A quarter before a unit of measure, or after a whole number and "and", is a fraction of a
# number, no length of three months (TE3-silver AFP: 'around two-and-three-quarter percent'
# was P3Q). "three quarters of an hour", "waited three quarters" keep their length.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Growth should stand at around two-and-three-quarter percent, well above potential.", {}),
        ("The bank made a three-quarter point cut.", {}),
        ("Inflation of one and three-quarter per cent was forecast.", {}),
        ("It lasted two and three quarters.", {}),
        # counter-examples
        ("He spent three quarters of an hour there.", {"three quarters of an hour": "PT45M"}),
        ("They waited three quarters.", {"three quarters": "P3Q"}),
        (
            "Sales rose in two quarters and three quarters later fell.",
            {"two quarters": "P2Q", "three quarters": "P3Q"},
        ),
    ],
)
def test_fraction_quarter_is_no_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "his days are numbered", "his final hours are numbered": the end is near, no stretch of days
# or hours (timex_idioms.txt). "the days are long", "for days" keep their unit.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His final hours are numbered as his condition worsened, his doctor said.", {}),
        ("The regime's days are numbered, the opposition said.", {}),
        ("He knew his days were numbered.", {}),
        # counter-examples
        ("In the north the days are long.", {"days": "PXD"}),
        ("They talked for days.", {"days": "PXD"}),
    ],
)
def test_numbered_days_idiom(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the three remaining months": the count before "remaining" makes one length with the unit,
# as "the remaining three months" does (it was "months" alone, PXM). "three months remaining"
# and "the remaining months" are unchanged.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The bill covers the three remaining months of the Iranian year.",
            {"the three remaining months": "P3M"},
        ),
        ("The two remaining days of talks were cancelled.", {"The two remaining days": "P2D"}),
        ("He has three remaining years on his contract.", {"three remaining years": "P3Y"}),
        # counter-examples: the other word orders keep their extents
        ("For the remaining three months he rested.", {"the remaining three months": "P3M"}),
        ("He has three years remaining on his contract.", {"three years": "P3Y"}),
    ],
)
def test_count_before_remaining(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
