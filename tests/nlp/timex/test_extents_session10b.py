"""Session 10, second round: recognition and extent classes found reading a seeded random
sample of 100 TE3-silver stories (seed 1128) in full with the tags inline, judged by the TimeML
1.2.1 (TE3) rules; every class has counter-examples.

DCT for every case: Wednesday 2020-05-20 unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2020, 5, 20)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# "Fatah was left licking its wounds following a week of violence" (TE3-silver AFP): "following"
# without "the" is the preposition, outside the length (it was "following a week" P1W); and
# "following year-long negotiations" was "Following year" = next year. "the following two
# weeks" keeps its adjective, as "the next two weeks" does.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Fatah was left licking its wounds following a week of violence.",
            {"a week": "P1W"},
        ),
        ("The talks collapsed following two days of wrangling.", {"two days": "P2D"}),
        ("Following weeks of talks, the parties agreed on a text.", {"weeks": "PXW"}),
        ("He resigned following months of protests.", {"months": "PXM"}),
        ("Following year-long negotiations, the deal was signed.", {"year-long": "P1Y"}),
        ("The truce came following week-long clashes in the south.", {"week-long": "P1W"}),
        ("following 10 to 12 years of war", {"10 to 12 years": "PXY"}),
        ("It was the last year-long contract he signed.", {"year-long": "P1Y"}),
        # counter-examples: "the following" is the adjective and stays inside
        ("Prices rose in the following two weeks.", {"the following two weeks": "P2W"}),
        ("Over the following months the army withdrew.", {"the following months": "PXM"}),
        ("The following year he left the party.", {"The following year": "2021"}),
        ("They met again the following week.", {"the following week": "2020-W22"}),
        ("He served the following 12 months in jail.", {"the following 12 months": "P12M"}),
        ("Sales fell last year and rose again.", {"last year": "2019"}),
    ],
)
def test_following_preposition_outside_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "Matherani told the national news weekly.", "said ... quoted by the business daily."
# (TE3-silver AFP, four stories): a frequency word after "the" and a press kind of
# timex_press_kinds.txt, closed by punctuation, is the paper, no SET; a habit keeps its SET.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Matherani told the national news weekly.", {}),
        ("The plan had little support, said an official quoted by the business daily.", {}),
        ('"He is innocent," the source told the tabloid daily. Police denied it.', {}),
        ("According to the state-run daily, the mine had been closed.", {}),
        ("Fernandes told the financial daily: costs will fall.", {}),
        # counter-examples: no press kind before it, "news" before "daily", a list of SETs
        ("He paid the workers weekly.", {"weekly": "P1W"}),
        ("He watches the news daily.", {"daily": "P1D"}),
        ("He meets the opposition daily.", {"daily": "P1D"}),
        ("I check my emails daily, then I write.", {"daily": "P1D"}),
        (
            "They publish the daily, weekly and monthly figures.",
            {"daily": "P1D", "weekly": "P1W", "monthly": "P1M"},
        ),
        ("The business holds a weekly meeting.", {"weekly": "P1W"}),
    ],
)
def test_press_kind_frequency_is_a_paper(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "Lindsay Lohan Checks Into Rehab, Checks Out Two Minutes Later" above its stamp "May 2, 2013"
# (ECB+ 1, a web page's headline and date lines): a capitalised position word ending a line is
# the headline's last word, no "later May 2, 2013" (mod END) across the break. Lower-case
# wrapped prose and a position word on the date's own line keep it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lindsay Lohan Checks Into Rehab, Checks Out Two Minutes Later\nMay 2, 2013\nThe "
            "judge should know.",
            {"Two Minutes": "PT2M", "May 2, 2013": "2013-05-02"},
        ),
        ("Ski Season Starts Early\nJune 3, 2013\nSnow fell.", {"June 3, 2013": "2013-06-03"}),
        # counter-examples: wrapped prose, the same line, sentence-initial
        ("The rains came in late\nMay and June.", {"late\nMay": "2020-05", "June": "2020-06"}),
        ("The talks resume in early June.", {"early June": "2020-06"}),
        ("Late May was the hottest on record.", {"Late May": "2020-05"}),
    ],
)
def test_headline_position_word_stays_off_the_stamp(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "8:44AM BST 16 Sep 2013", "12:48PM BST 09 Sep 2013" (ECB+ 23 and 24, the Telegraph's page
# stamp): a clock with its zone and a full date after a space are one TIME on that date, as with
# a comma ("22:07 GMT, 7 July 2012"); the clock took the DCT's day. No zone, no year or a line
# break between: apart.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Two climbers died. 8:44AM BST 16 Sep 2013 Police said the incidents were unrelated.",
            {"8:44AM BST 16 Sep 2013": "2013-09-16T08:44"},
        ),
        (
            "12:48PM BST 09 Sep 2013 Four men rammed a car.",
            {"12:48PM BST 09 Sep 2013": "2013-09-09T12:48"},
        ),
        # counter-examples
        (
            "The count opened at 14:00, Nov. 3, 2006, in Lima.",
            {"14:00": "2020-05-20T14:00", "Nov. 3, 2006": "2006-11-03"},
        ),
        (
            "8:44AM BST\n16 Sep 2013",
            {"8:44AM BST": "2020-05-20T08:44", "16 Sep 2013": "2013-09-16"},
        ),
        (
            "at 8:44AM BST 16 September",
            {"8:44AM BST": "2020-05-20T08:44", "16 September": "2020-09-16"},
        ),
    ],
)
def test_zoned_clock_space_full_date_is_one_stamp(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "Microsoft releases patches on the second Tuesday of each month" (ECB+ 27, six reports): a
# weekday counted inside each month is one monthly SET; it was this month's second Tuesday (a
# DATE) and "each month" apart. "the second Tuesday of the month" stays one day.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Typically, patches are available on the second Tuesday of each month.",
            {"the second Tuesday of each month": "P1M"},
        ),
        (
            "The club meets on the first Monday of every month.",
            {"the first Monday of every month": "P1M"},
        ),
        (
            "outside its normal cycle (second Tuesday of each month)",
            {"second Tuesday of each month": "P1M"},
        ),
        # counter-examples: one month's day; a weekday and another unit
        (
            "The vote is on the second Tuesday of the month.",
            {"the second Tuesday of the month": "2020-05-12"},
        ),
        ("He came on Tuesday of each week.", {"Tuesday": "2020-05-19", "each week": "P1W"}),
    ],
)
def test_nth_weekday_of_each_month_is_a_set(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
