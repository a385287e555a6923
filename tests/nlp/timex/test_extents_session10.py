"""Session 10: recognition and extent classes found by comparing the tagger with the TIME_*
markables of ECB+ dev topics 1-35 (annotated sentences only), judged by the TimeML 1.2.1
(TE3) rules, not by ECB+'s own conventions; every class has counter-examples.

DCT for every case: Wednesday 2020-05-20 unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2020, 5, 20)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# "the reigning national player of the year" (ECB+ 31, three reports): an award in lower case
# was DATE 2020 ("the year"); the unit after a role of timex_award_roles.txt and "of" names the
# award. Other nouns before "of the year" keep the date.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hansbrough, the reigning national player of the year, passed Ford.", {}),
        ("He was named coach of the year in 2010.", {"2010": "2010"}),
        ("She was voted rookie of the month for April.", {"April": "2020-04"}),
        ("The Sun's sportsman of the year award went to him.", {}),
        ("He is the favourite for player of the season.", {}),
        # counter-examples: not a role before "of"
        ("It was the worst month of the year for the shares.", {"the year": "2020"}),
        ("The deal of the year was signed in March.", {"the year": "2020", "March": "2020-03"}),
        ("The man of the year will be chosen later this year.", {"later this year": "2020"}),
    ],
)
def test_award_title_is_no_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the first quarter of the season" (ECB+ 5), "another fourth quarter victory", "his
# fourth-quarter comebacks" (ECB+ 29): a quarter of a game or a season, or before a noun only a
# game has, was a calendar quarter (2020-Q1, 2019-Q4); fiscal quarters keep theirs.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bush got 12 points in the first quarter of the season.", {}),
        ("He scored twice in the third quarter of Sunday's game.", {"Sunday": "2020-05-17"}),
        ("They fell behind in the second quarter of the regular season.", {}),
        ("The Colts beat the Chiefs in another fourth quarter victory.", {}),
        ("His fourth-quarter comebacks have become a habit.", {}),
        ("Luck threw a fourth-quarter touchdown pass to Wayne.", {}),
        # counter-examples: fiscal quarters, a business noun after the quarter
        (
            "Sales fell in the first quarter of the fiscal year.",
            {"the first quarter of the fiscal year": "2020-Q1"},
        ),
        ("The company posted a fourth-quarter loss.", {"fourth-quarter": "2019-Q4"}),
        ("Stocks staged a fourth-quarter rally.", {"fourth-quarter": "2019-Q4"}),
        (
            "Revenue in the second quarter of this season's sales cycle grew.",
            {"the second quarter": "2020-Q2"},
        ),
    ],
)
def test_game_quarter_is_no_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
