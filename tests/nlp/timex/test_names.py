"""Seventh round: dates that are names (people, titles, groups), month-days that name a past
event ("Sept. 11 attacks"), and quarters that are shares or lengths of a report, each with a
counter-example showing why the rule is no wider (storyline.nlp.timex.names, relative)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

MAY_2020 = dt.date(2020, 5, 18)
OCT_1990 = dt.date(1990, 10, 20)


def found(text: str, dct: dt.date = MAY_2020) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("It should not apply to cloth bags, according to May.", "May"),
        ("The risk, according to June, is to the grocery worker.", "June"),
        ("The deal was signed, an aide to May said.", "May"),
        ("Sister Marie June Skender, 83, died on April 7.", "June"),
        ("As the admiral said in The Hunt for Red October, it gets out of control.", "October"),
        ("Registered nurse April Lewis prepares a test.", "April"),
        ("I never expected this, owner April Arellano told the paper.", "April"),
        ("The rally was organised by the October Revolution group.", "October"),
    ],
)
def test_lone_month_in_a_name_is_no_date(text: str, word: str) -> None:
    assert word not in [t for t, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # counter-examples: a cue word, a determiner, a range or a deadline keep the month
        ("Sharyl highlights it in an April Facebook post.", "April", "2020-04"),
        ("By mid-April most signs of flu had gone.", "mid-April", "2020-04"),
        ("Prices rose from March to May.", "May", "2020-05"),
        ("The vote was postponed to May.", "May", "2020-05"),
        ("In June Apple said it would reopen.", "June", "2020-06"),
        # a plain past right before "in": last June, said in May (session 11)
        ("Talks resumed in June, the ministry said.", "June", "2019-06"),
    ],
)
def test_month_with_cue_or_determiner_stays_a_date(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in found(text)


@pytest.mark.parametrize(
    "text",
    [
        "The march was organised by a group called the October 3 Platform.",
        "Members of the April 6 Youth Movement were arrested.",
    ],
)
def test_month_day_before_a_name_head_is_no_date(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # counter-examples: a lower-case noun, or a capitalised word that heads no name
        ("The Nov. 3 platform debate will go ahead.", "Nov. 3", "2020-11-03"),
        ("The October 3 rally will go ahead.", "October 3", "2020-10-03"),
    ],
)
def test_month_day_before_other_nouns_stays_a_date(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in found(text)


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Robert Cardona was an NYPD detective and a Sept. 11 cancer survivor.", "Sept. 11"),
        ("The Sept. 11 attacks changed the city.", "Sept. 11"),
        ("The Sept. 11 memorial will reopen next month.", "Sept. 11"),
        ("She met the September 11 families.", "September 11"),
    ],
)
def test_sept_11_as_a_modifier_is_2001(text: str, phrase: str) -> None:
    assert (phrase, "2001-09-11") in found(text)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "dct"),
    [
        # counter-examples: the day alone, or before another noun, is this year's
        ("The vote is set for Sept. 11.", "Sept. 11", "2020-09-11", MAY_2020),
        ("The Sept. 11 deadline will not move.", "Sept. 11", "2020-09-11", MAY_2020),
        # ... and before 2001 "Sept. 11 attacks" cannot be those of 2001
        (
            "He fears Sept. 11 attacks on the embassy.",
            "Sept. 11",
            "1998-09-11",
            dt.date(1998, 5, 1),
        ),
    ],
)
def test_sept_11_otherwise_follows_the_calendar(
    text: str, phrase: str, value: str, dct: dt.date
) -> None:
    assert (phrase, value) in found(text, dct)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # TBAQ: one expression, TimeBank's values
        (
            "Net income rose, compared with the year-earlier nine months.",
            "the year-earlier nine months",
            "P9M",
        ),
        (
            "Sales dropped in the first two quarters of 1990.",
            "the first two quarters of 1990",
            "1990-H1",
        ),
        (
            "Costs rose in the last two quarters of 1990.",
            "the last two quarters of 1990",
            "1990-H2",
        ),
    ],
)
def test_report_periods_are_one_expression(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in found(text, OCT_1990)


@pytest.mark.parametrize(
    "text",
    [
        "A survey found that nearly one quarter reported being told not to wear masks.",
        "The index has fallen by nearly one quarter.",
        "The resort attracts nearly a quarter million visitors per day.",
        "We weren't shocked when a quarter million people were dying.",
        "She has studied food security for more than a quarter century.",
    ],
)
def test_a_quarter_as_a_share_is_no_length(text: str) -> None:
    assert [v for _, v in found(text) if "Q" in v] == []


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # counter-examples: after a preposition of time it is three months
        ("In a quarter he would make an average of three trades.", "a quarter"),
        ("The economy won't recover in only a quarter or two.", "a quarter"),
        ("The plant was idle for one quarter.", "one quarter"),
    ],
)
def test_a_quarter_after_a_time_preposition_is_a_length(text: str, phrase: str) -> None:
    assert (phrase, "P1Q") in found(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("“That is exactly what we need,” says Easter.", "Easter"),
        ("“It is a combination,” Easter tells The Verge.", "Easter"),
        ("“We will leave,” said June, “before the storm.”", "June"),
    ],
)
def test_holiday_or_month_next_to_a_speech_verb_is_a_person(text: str, word: str) -> None:
    assert word not in [t for t, _ in found(text)]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # counter-examples: a month or holiday that a speech verb reports on, or a clause
        # that goes on after it
        ("Cass Information Systems said April freight volumes fell.", "April", "2020-04"),
        # (the value: an anticipated day said in its year is this year's, see
        # test_values_coordination.py; the news story meant a primary, which no rule reaches)
        (
            "Voters avoided the precincts on Election Day, said Matt Dietrich.",
            "Election Day",
            "2020-11-03",
        ),
        ("Sources said January's shootdown was inept.", "January", "2020-01"),
        ("He wished them a Happy Easter.", "Easter", "2020-04-12"),
    ],
)
def test_speech_verb_next_to_a_date_keeps_it(text: str, phrase: str, value: str) -> None:
    assert (phrase, value) in found(text)
