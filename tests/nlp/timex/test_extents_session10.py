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


# "a quarter-century ago" (ReCOVery; session 9's list): a fraction of a unit hyphened is a
# noun, its "a" inside as in "a week" (was "quarter-century" alone), and with "ago" one date
# as "a half-century ago" is (number word "a quarter", timex_numbers.tsv). Before a noun it
# qualifies ("a half-hour drive") the "a" stays outside, as for "a three-month contract".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The firm was founded a quarter-century ago.", {"a quarter-century ago": "1995"}),
        ("The firm was founded a quarter century ago.", {"a quarter century ago": "1995"}),
        ("It lasted a quarter-century.", {"a quarter-century": "P25Y"}),
        ("It was a quarter-century of rule by one party.", {"a quarter-century": "P25Y"}),
        ("He waited for a half-hour.", {"a half-hour": "PT30M"}),
        ("He ruled for nearly a quarter-century, then left.", {"nearly a quarter-century": "P25Y"}),
        # counter-examples: a modifier, an amount, a share
        ("It took a half-hour drive to get there.", {"half-hour": "PT30M"}),
        ("He signed a three-month contract.", {"three-month": "P3M"}),
        ("Unemployment is at its quarter-century low.", {}),
        ("A quarter million visitors came, a quarter of them from abroad.", {}),
    ],
)
def test_quarter_century_extent(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "at 14:30 on Saturday afternoon" (session 9's list): a 24-hour clock before a weekday and a
# part of the day that agrees with its hour is one TIME valued by the clock (the clock was lost
# to "Saturday afternoon"); "10:30 on Saturday night", an hour a 12-hour clock shares, does not
# take the part in, and a game clock stays out.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He arrived at 14:30 on Saturday afternoon.",
            {"14:30 on Saturday afternoon": "2020-05-16T14:30"},
        ),
        (
            "The fire broke out at 20:15 Friday evening.",
            {"20:15 Friday evening": "2020-05-15T20:15"},
        ),
        (
            "The train left at 07:40 on Monday morning.",
            {"07:40 on Monday morning": "2020-05-18T07:40"},
        ),
        (
            "The clash began at 23:10 on Sunday night.",
            {"23:10 on Sunday night": "2020-05-17T23:10"},
        ),
        # counter-examples
        ("He arrived at 10:30 on Saturday night.", {"10:30 on Saturday": "2020-05-16T10:30"}),
        ("He scored at 7:14 Saturday night.", {"Saturday night": "2020-05-16TNI"}),
    ],
)
def test_24_hour_clock_with_weekday_part(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "between 14:30 and 16:00 on Friday" (session 9's list): the second clock of the pair takes
# its weekday ("16:00 on Friday", one TIME; was "16:00" on the DCT and "Friday" apart), and the
# first clock is on that day too. "and" without "between" is no range (two times, as
# test_values_coordination pins for "at 8 a.m. and 5 p.m. Monday"), a range past midnight
# leaves the first clock alone, and a clock of another clause keeps its own day.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The talks were held between 14:30 and 16:00 on Monday.",
            {"14:30": "2020-05-18T14:30", "16:00 on Monday": "2020-05-18T16:00"},
        ),
        (
            "The road was closed from 09:00 to 17:30 on Sunday.",
            {"09:00": "2020-05-17T09:00", "17:30 on Sunday": "2020-05-17T17:30"},
        ),
        (
            "The talks were held from 2 p.m. to 4 p.m. on Monday.",
            {"2 p.m.": "2020-05-18T14:00", "4 p.m. on Monday": "2020-05-18T16:00"},
        ),
        # counter-examples
        (
            "Doors opened at 14:00 and 17:00 on Monday.",
            {"14:00": "2020-05-20T14:00", "17:00 on Monday": "2020-05-18T17:00"},
        ),
        (
            "He left at 14:30 and returned at 16:00 on Monday.",
            {"14:30": "2020-05-20T14:30", "16:00 on Monday": "2020-05-18T16:00"},
        ),
    ],
)
def test_clock_pair_takes_the_day(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


def test_clock_range_past_midnight_keeps_first_clock_off_the_day() -> None:
    # "from 22:00 to 01:30 on Sunday": 22:00 is Saturday's, never Sunday's evening
    tags = found("The party ran from 22:00 to 01:30 on Sunday.")
    assert tags["01:30 on Sunday"] == "2020-05-17T01:30"
    assert tags["22:00"] != "2020-05-17T22:00"


# "a weeklong manhunt" (ECB+ 3), "monthlong", "hourlong", "daylong" (ECB+ dev, 5 in all): AP
# style writes the length closed; it is the same DURATION as "week-long" (TimeBank tags
# "day-long" P1D), it was untagged. "lifelong" and "all day long" are no such length.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was the subject of a weeklong manhunt.", {"weeklong": "P1W"}),
        ("It ended a yearlong probe.", {"yearlong": "P1Y"}),
        (
            "The monthlong strike ended after an hourlong meeting.",
            {"monthlong": "P1M", "hourlong": "PT1H"},
        ),
        ("The daylong talks failed.", {"daylong": "P1D"}),
        # counter-examples
        ("He had a lifelong dream.", {}),
        ("The headlong rush continued.", {}),
    ],
)
def test_closed_long_compound_is_a_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "Jammu, the winter capital of the state", "the winter transfer market" (TE3-silver AFP
# stories, machine-annotated, read as a sample of wire text): a season before a noun of
# timex_season_kinds.txt names a kind of thing, it was DATE 2020-WI; seasons of a time keep it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Officials in Jammu, the winter capital of the state, said so.", {}),
        ("The club may use the winter transfer market.", {}),
        ("The summer Olympics and the winter games begin.", {}),
        ("Srinagar is the summer capital.", {}),
        # counter-examples: a time in the season
        # (a past right before "during": last summer, said in May; session 11)
        ("It was hot during the summer months.", {"the summer months": "2019-SU"}),
        ("They will sign a playmaker in the winter break.", {"the winter": "2020-WI"}),
        ("The talks resume in the fall.", {"the fall": "2020-FA"}),
    ],
)
def test_season_before_a_kind_noun_is_no_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the 4,000 year history" (TE3-silver AFP): a length before its noun leaves the determiner
# out ("the 400 year history" did); a thousands comma kept "the" inside. A plural length is a
# noun and keeps it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He stressed the 4,000 year history of the country.", {"4,000 year": "P4000Y"}),
        ("He stressed the 400 year history of the country.", {"400 year": "P400Y"}),
        # counter-example: a noun
        ("It took the 1,000 days of the war.", {"the 1,000 days": "P1000D"}),
    ],
)
def test_thousands_length_modifier_leaves_determiner_out(
    text: str, expected: dict[str, str]
) -> None:
    assert found(text) == expected


# "in September the 11-nation group created" (TE3-silver AFP): "the" and a number hyphened to
# a word after a month are the next noun phrase, it was "September the 11" (Sept. 11).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "But in September the 11-nation group created a standby mechanism.",
            {"September": "2019-09"},
        ),
        ("In March the 27-member bloc agreed on sanctions.", {"March": "2020-03"}),
        # counter-examples: a day after "the", a day hyphened without "the", a day range
        ("He arrived on September the 11th.", {"September the 11th": "2019-09-11"}),
        ("It was a Sept. 11-style attack.", {"Sept. 11": "2020-09-11"}),
        ("The talks are set for May 5-7 in Geneva.", {"May 5": "2020-05-05", "7": "2020-05-07"}),
    ],
)
def test_month_the_number_hyphened_is_no_day(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "on March the 3rd, 1990": the "the" of a spoken month-day did not let the year join (it was
# this year's March 3 and "1990" apart); "the 3rd of March, 1990" already was one date.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was born on March the 3rd, 1990.", {"March the 3rd, 1990": "1990-03-03"}),
        ("He was born on the 3rd of March, 1990.", {"the 3rd of March, 1990": "1990-03-03"}),
        ("He was born on March 3rd, 1990.", {"March 3rd, 1990": "1990-03-03"}),
    ],
)
def test_month_the_day_takes_its_year(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
