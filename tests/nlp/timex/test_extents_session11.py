"""Session 11: recognition and extent classes found reading whole TE3-silver stories (AFP/XIN,
Random(2222) sample), judged by the TimeML 1.2.1 (TE3) rules; every class has counter-examples.

DCT for every case: Monday 2005-12-12 unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2005, 12, 12)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# A newspaper named in capitals before "daily" (weekly, monthly) is the paper, no SET: a cue of
# timex_press_cues.tsv before "the"/"'s" and the name ("told", "quoted by", "a report in"), with
# punctuation or "on"/"in" after the word, or a reporting verb right after it ("the Izvestia
# daily pointed out"). "briefs the President daily.", "Israeli daily offensives", "people die in
# New York daily." keep their SET.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mofaz was quoted as saying by the Yediot Aharonot daily.", {}),
        ("The survey published by the Yediot Aharonot daily found that Kadima leads.", {}),
        ("It will not be unfair towards Turkey, he told the Sabah daily.", {}),
        (
            "I think that our opening works, he recently told the Folha de Sao Paulo daily.",
            {"recently": "PAST_REF"},
        ),
        (
            "It is our best ever quarter, the chief told Friday's The Edge daily.",
            {"Friday": "2005-12-09"},
        ),
        (
            "Medvedev told France's Le Figaro daily on Friday that the amount was small.",
            {"Friday": "2005-12-09"},
        ),
        ("Shamuyarira was quoted by the state-run Herald daily.", {}),
        (
            "The hostages were freed, according to a front page report in the Mainichi "
            "Shimbun daily.",
            {},
        ),
        ("He was a likely pretender, the Izvestia daily pointed out.", {}),
        ("The talks failed, the Vremya Novostei daily echoed.", {}),
        ("The Corriere Della Sera daily described the situation as grave.", {}),
        ("An official quoted by the Haaretz daily attributed the decision to the army.", {}),
        ("The Der Spiegel weekly said the minister knew.", {}),
        # counter-examples: no cue before the name, or a noun after the word
        ("He briefs the President daily.", {"daily": "P1D"}),
        ("They meet in the Oval Office daily.", {"daily": "P1D"}),
        ("Israeli daily offensives are killing civilians.", {"daily": "P1D"}),
        ("People die in New York daily.", {"daily": "P1D"}),
        ("He told the President daily that the war was going well.", {"daily": "P1D"}),
    ],
)
def test_press_name_daily_is_the_paper(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the coming winter months": after a relative word the months are the season's, one DATE, as
# "the winter months" is (season.months): it was "the coming winter" and a vague length
# "months" apart, and "next winter months" left its "the" out. "Two months of winter" is a
# length, no such date.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "OPEC members are mindful that the coming winter months in the northern hemisphere "
            "are the peak oil period.",
            {"the coming winter months": "2006-WI"},
        ),
        ("In the past winter months the lake froze.", {"the past winter months": "2004-WI"}),
        ("The next winter months will be hard.", {"The next winter months": "2006-WI"}),
        ("During the winter months prices rise.", {"the winter months": "2005-WI"}),
        # counter-examples
        ("Two months of winter lie ahead.", {"Two months": "P2M"}),
        ("The coming winter will be hard.", {"The coming winter": "2006-WI"}),
    ],
)
def test_relative_season_months_one_date(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "on 65 minutes" in a football report (a word of timex_match_words.txt within 300 characters
# before or 150 after): the minute of the match a goal, a card or a substitution came in, a
# point of the game's clock, no length (session 10 left game clocks untagged: "with 7:41
# left"). "after 65 minutes", a length followed by what it measures ("on 30 minutes of
# footage", "on 10 minutes' notice") and "They agreed on 30 minutes." (no match words) stay.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sissoko was dismissed on 65 minutes following two yellow cards.", {}),
        ("Demichelis headed Bayern ahead on 23 minutes but Delura equalised.", {}),
        ("Hilton opened the scoring on 40 minutes and Cousin made it safe on 57 minutes.", {}),
        (
            "Cousin made the points safe on 57 minutes before Jemaa's late goal.",
            {},
        ),
        ("Misimovic produced a magical free-kick on 70 minutes to down Hamburg.", {}),
        ("Henry hit the post. On 81 minutes the striker was replaced.", {}),
        # counter-examples
        ("Henry scored the winning goal after 65 minutes.", {"65 minutes": "PT65M"}),
        ("They agreed on 30 minutes.", {"30 minutes": "PT30M"}),
        ("The goal film is based on 30 minutes of footage.", {"30 minutes": "PT30M"}),
        ("The striker can travel on 10 minutes' notice.", {"10 minutes": "PT10M"}),
    ],
)
def test_match_minute_is_no_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# A race time "50 minutes 55.154 seconds" is one length, PT50M55.154S, as "2 hours 15 minutes"
# is (TimeML: one DURATION); the decimals of the seconds had kept them apart. A decimal length
# before another ("2.5 seconds ahead after 10 minutes") and seconds that do not fit in a minute
# ("5 minutes 75.2 seconds") stay two.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He crossed the line in a time of 50 minutes 55.154 seconds, reported SAPA.",
            {"50 minutes 55.154 seconds": "PT50M55.154S"},
        ),
        ("The record is 3 minutes 43.13 seconds.", {"3 minutes 43.13 seconds": "PT3M43.13S"}),
        ("He won in 1 hour 2 minutes 3.5 seconds.", {"1 hour 2 minutes 3.5 seconds": "PT1H2M3.5S"}),
        # counter-examples
        (
            "He was 2.5 seconds ahead after 10 minutes.",
            {"2.5 seconds": "PT2.5S", "10 minutes": "PT10M"},
        ),
        ("He waited 5 minutes 75.2 seconds.", {"5 minutes": "PT5M", "75.2 seconds": "PT75.2S"}),
    ],
)
def test_race_time_with_decimal_seconds_one_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the fall" right after a verb of timex_fall_verbs.txt ("witnessed", "survived", "halt",
# "re-starting") and before punctuation, a conjunction or a preposition is the tumble or the
# decline, no season; "spent the fall at home", "halted the fall campaign" (a noun after it)
# and "witnessed the fall 2004 elections" keep their season.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("His brother witnessed the fall and had to spend the night in a hut.", {}),
        ("We remain at 8.8 percent with the firm intention of re-starting the fall, he said.", {}),
        ("The climber survived the fall.", {}),
        # counter-examples
        ("They spent the fall at home.", {"the fall": "2005-FA"}),
        ("The board halted the fall campaign.", {"the fall": "2005-FA"}),
        ("He witnessed the fall 2004 elections.", {"the fall 2004": "2004-FA"}),
    ],
)
def test_fall_after_a_tumble_verb_is_no_season(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the fall guy" (the scapegoat): a season before "guy" is no date (timex_season_kinds.txt).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Overseas investors will be the fall guy just like in 1985.", {"1985": "1985"}),
        # counter-example
        ("The guy left in the fall.", {"the fall": "2005-FA"}),
    ],
)
def test_fall_guy_is_no_season(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "The euro traded at 1.1728-1730 dollars": after a decimal number and a dash, four digits are
# the short end of the quote, no year (XIN forex reports); "the 2005-2006 season", "from
# 1998-2000" have no decimals before the dash and keep their years.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The euro traded at 1.1728-1730 dollars and 139.61-65 yen, against quotes of "
            "1.1721-1731 dollars.",
            {},
        ),
        ("The euro was quoted at 1.1752 - 1754 dollars.", {}),
        # counter-examples
        ("In the 2005-2006 season he scored.", {"2005": "2005", "2006": "2006"}),
        ("From 1998-2000 he ruled.", {"1998": "1998", "2000": "2000"}),
    ],
)
def test_short_end_of_a_decimal_quote_is_no_year(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# Programmes named with a day or a time word (timex_day_names.txt, case-sensitive): "CBS This
# Morning" (also in capitals, as its captions write it), "CBS Sunday Morning", "Fox News
# Sunday", "Sunday Morning Futures" are no dates; "Fox News said Sunday", "CBS said this
# morning" and "on Fox News on Sunday" keep them.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He told CBS This Morning that he would run.", {}),
        ("He told CBS THIS MORNING that he would run.", {}),
        ("She was interviewed on CBS Sunday Morning.", {}),
        ("Fox News Sunday host Chris Wallace asked him about it.", {}),
        ("He said on Sunday Morning Futures that talks failed.", {}),
        # counter-examples
        ("Fox News said Sunday that it was over.", {"Sunday": "2005-12-11"}),
        ("CBS said this morning that it would sell.", {"this morning": "2005-12-12TMO"}),
        ("He spoke on Fox News on Sunday.", {"Sunday": "2005-12-11"}),
    ],
)
def test_programme_names_are_no_dates(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the same period of 1996", "the same quarter of 2004", "the same period in 2004": the year
# after "of"/"in" belongs to the period, one DATE valued as "the same period last year" is
# (quarter.ctx: the report's quarter in that year, or the year itself after a longer period);
# it was the year alone (and "the same quarter" on the DCT's quarter). "the same period of
# 2005-2006" and "the period of 1996" (no "same") stay apart.
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "Pre-tax profits in the first quarter of 1997 slumped to 65 million pounds, from "
            "202 million in the same period of 1996.",
            dt.date(1997, 4, 24),
            {"the first quarter of 1997": "1997-Q1", "the same period of 1996": "1996-Q1"},
        ),
        (
            "In the first ten months of this year exports rose over the same period of 2004.",
            dt.date(2005, 11, 20),
            {
                "the first ten months": "P10M",
                "this year": "2005",
                "the same period of 2004": "2004",
            },
        ),
        (
            "Sales rose from the same quarter of 2004.",
            dt.date(2005, 11, 20),
            {"the same quarter of 2004": "2004-Q3"},
        ),
        # counter-examples
        (
            "During the period of 1996 prices rose.",
            dt.date(2005, 11, 20),
            {"1996": "1996"},
        ),
        (
            "The same period of 2005-2006 was calm.",
            dt.date(2005, 11, 20),
            {"2005": "2005", "2006": "2006"},
        ),
    ],
)
def test_same_period_of_a_year_is_one_date(
    text: str, dct: dt.date, expected: dict[str, str]
) -> None:
    assert found(text, dct) == expected


# "the year ahead", "the week ahead", "the month to come": the stretch from now, one DURATION
# with "ahead" inside, as "the months ahead" is (dur.ahead); it was "the year" = this year with
# "ahead" outside (session 10's item). "a year ahead of schedule", "the year ahead of the
# election" keep their own readings.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Personal financial prospects for the year ahead fell to the lowest level.",
            {"the year ahead": "P1Y"},
        ),
        (
            "The main body of troops is due to arrive in the week ahead.",
            {"the week ahead": "P1W"},
        ),
        ("In the month to come prices may rise.", {"the month to come": "P1M"}),
        ("Markets in the months ahead may fall.", {"the months ahead": "PXM"}),
        # counter-examples
        ("The poll came a year ahead of schedule.", {"a year": "P1Y"}),
        ("The year ahead of the election was calm.", {"The year": "2005"}),
    ],
)
def test_the_year_ahead_is_one_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "the equivalent period last year" is "the same period last year" (quarter.ctx): one DATE, the
# report's quarter a year back; it was "last year" alone. "the equivalent period" with nothing
# after names no period (as "the period" alone).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Growth accelerated during the third quarter to reach 2.3 percent over the figure "
            "for the equivalent period last year.",
            {"the third quarter": "2005-Q3", "the equivalent period last year": "2004-Q3"},
        ),
        # counter-example
        ("Sales rose over the equivalent period.", {}),
    ],
)
def test_equivalent_period_is_the_same_period(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


# "two or three days later": the alternative count is one DURATION with "later" outside, as
# "three days later" is (TBAQ: "Three days" later); dur.range no longer stops before "later", so
# it was "three days" alone. "ago" and "earlier" keep their dates ("three years earlier").
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The troops are expected to arrive in Durres two or three days later.",
            {"two or three days": "PXD"},
        ),
        ("They came two to three weeks later.", {"two to three weeks": "PXW"}),
        # counter-examples
        ("They came three days later.", {"three days": "P3D"}),
        ("Sales rose three years earlier.", {"three years earlier": "2002"}),
    ],
)
def test_count_range_before_later_is_one_length(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
