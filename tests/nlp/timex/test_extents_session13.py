"""Session 13 of recognition and extents: classes of time expressions the tagger missed,
split or took inside names, judged by the TimeML 1.2.1 (TE3) rules and HeidelTime's values;
every class has counter-examples. Both paths (cue words and a spaCy parse) must agree."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


# Era years: a year of any size with its era marker is one DATE, valued as HeidelTime does
# ("190 BC" = BC0190, "the 2nd century BC" = BC01, a three-digit year as four digits). "BC"
# without an E is also British Columbia, and "AD" a disease or a code: they count before
# punctuation or a preposition, or when the marker comes first after no name.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The games began in 776 BC at Olympia.", [("776 BC", "BC0776")]),
        ("The temple was built in 555 AD by the king.", [("555 AD", "0555")]),
        ("Pompeii was destroyed in AD 79 by Vesuvius.", [("AD 79", "0079")]),
        ("In AD 79, Vesuvius erupted.", [("AD 79", "0079")]),
        ("The city was founded around 2000 BCE near the river.", [("around 2000 BCE", "BC2000")]),
        ("In 44 B.C., Caesar was killed.", [("44 B.C.", "BC0044")]),
        ("Rome was founded in 753 B.C. The king died.", [("753 B.C.", "BC0753")]),
        (
            "He lived from 100 BC to 44 BC in Rome.",
            [("100 BC", "BC0100"), ("44 BC", "BC0044")],
        ),
        ("The tomb dates to the 5th century BC and was looted.", [("the 5th century BC", "BC04")]),
        ("The coins date to the 1st century AD.", [("the 1st century AD", "00")]),
        # the first figure of a span or pair ending in B.C. is of that era too
        (
            "The boy king governed Egypt from 1354 to 1345 B.C. He died young.",
            [("1354", "BC1354"), ("1345 B.C.", "BC1345")],
        ),
        ("It dates to 190 or 180 BC, experts say.", [("190", "BC0190"), ("180 BC", "BC0180")]),
        # counter-examples: British Columbia, a disease, a code, a mark, a count
        ("He moved to BC in 2010.", [("2010", "2010")]),
        ("In 1996 BC Hydro raised rates.", [("1996", "1996")]),
        ("In 1996 B.C. Hydro raised rates.", [("1996", "1996")]),
        ("The trial enrolled 200 AD patients in 2019.", [("2019", "2019")]),
        ("Flight AD 123 was delayed.", []),
        ("The AD said the budget would be cut.", []),
        ("The CE mark was granted to 300 CE devices.", []),
        ("He earned 555 points in 2010.", [("2010", "2010")]),
        ("Between 2000 and 2010 BC Hydro grew.", [("2000", "2000"), ("2010", "2010")]),
    ],
)
def test_era_years(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-12-10", parse) == expected


# "the weekend of May 2-3": one DATE, the weekend of that date's ISO week (it was "the weekend"
# of the DCT's week and the days apart); a weekend of something else stays as it was.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sales were strong over the weekend of May 2-3.",
            [("the weekend of May 2-3", "2020-W18-WE")],
        ),
        (
            "Sales were strong over the weekend of March 14.",
            [("the weekend of March 14", "2020-W11-WE")],
        ),
        (
            "The race was held the weekend of 14-15 March.",
            [("the weekend of 14-15 March", "2020-W11-WE")],
        ),
        (
            "The concert is the weekend of May 9 and 10.",
            [("the weekend of May 9 and 10", "2020-W19-WE")],
        ),
        (
            "The festival is the weekend of June 6, 2021.",
            [("the weekend of June 6, 2021", "2021-W22-WE")],
        ),
        # counter-examples: the weekend of an event, the weekend then a date
        ("He spent the weekend of his birthday at home.", [("the weekend", "2020-W19-WE")]),
        (
            "Over the weekend, on May 3, sales rose.",
            [("the weekend", "2020-W19-WE"), ("May 3", "2020-05-03")],
        ),
    ],
)
def test_weekend_of_a_date(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-10", parse) == expected


# "the new year": the calendar year about to begin (said from March on) or just begun (said in
# January or February) is a DATE; the holiday and its events, another calendar's new year and
# "a new year of ..." are not that year.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("They hope to reopen in the new year.", "2020-12-10", [("the new year", "2021")]),
        (
            "Bush will deliver a speech sometime early in the New Year.",
            "2006-12-28",
            [("the New Year", "2007")],
        ),
        (
            "Ministers could publish the list early in the new year.",
            "2005-11-16",
            [("the new year", "2006")],
        ),
        ("So far in the new year, sales are down.", "2021-01-20", [("the new year", "2021")]),
        # counter-examples
        ("Police were mobilized for the New Year holiday.", "2006-12-28", []),
        ("They throw water during the new year festival.", "2006-12-28", []),
        ("It was a new year of hope.", "2006-12-28", []),
        ("The Jewish New Year begins at sundown.", "2006-09-20", []),
        ("The new year's budget was approved.", "2006-12-28", []),
        ("We wish you a happy new year.", "2006-12-28", []),
        ("He visited on New Year's Day.", "2006-12-28", [("New Year's Day", "2007-01-01")]),
    ],
)
def test_the_new_year(text: str, dct: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, dct, parse) == expected


# A programme's name: a bare weekday before a (talk, news ...) show names the shows that air
# that day ("the Sunday talk shows"), and a quoted time word right before "show" is the show
# ("NBC's \"Today\" show"); a possessive weekday, or one that is a sentence's date, stays.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said on the Sunday talk show that he would run.", []),
        ("He appeared on the Sunday shows to defend the plan.", []),
        ("She spoke on a Sunday morning news programme.", []),
        ('She said on NBC\'s "Today" show that she was fine.', []),
        ("She said on NBC\u2019s \u201cToday\u201d show that she was fine.", []),
        ("She appeared on NBC's Today to discuss it.", []),
        # counter-examples
        ("He said on Sunday's show that he would run.", [("Sunday", "2020-12-06")]),
        ("He will be on the show Sunday.", [("Sunday", "2020-12-13")]),
        ("On Sunday, the show aired again.", [("Sunday", "2020-12-06")]),
        ('"Today is a sad day," she said on the show.', [("Today", "2020-12-10")]),
        ("Cavuto said during his Monday show that it was bad.", [("Monday", "2020-12-07")]),
        (
            "Images from Sunday morning show the restaurant had a line.",
            [("Sunday morning", "2020-12-06TMO")],
        ),
        ("A video from the restaurant Sunday shows a morning rush.", [("Sunday", "2020-12-06")]),
        ("Today the company said it was fine.", [("Today", "2020-12-10")]),
    ],
)
def test_show_names(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-12-10", parse) == expected


# A season before a home ("Tanglewood, the summer home of the orchestra") names the home kept
# for that season, no date; a season of the year stays ("spent the summer at his home", "the
# spring home-buying season").
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tanglewood, the summer home of the orchestra, is closed.", []),
        ("The winter home of the Yankees is in Tampa.", []),
        ("The mansion, his summer house, was sold.", []),
        # counter-examples
        ("He spent the summer at his home.", [("the summer", "2020-SU")]),
        (
            "He went to his summer home in the summer.",
            [("the summer", "2020-SU")],
        ),
        (
            "Supply was tight going into the spring home-buying season.",
            [("the spring", "2021-SP")],
        ),
    ],
)
def test_season_home(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-12-10", parse) == expected


# A one-sentence line whose every word is capitalised, a function word after the first
# included, is set in title case although it ends in a stop (an advert's line): its capitals
# make no name of a named day or a time word; prose keeps its names.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Celebrate Christmas Day With Us.", [("Christmas Day", "2020-12-25")]),
        (
            "Spend Christmas Day With Family This Year.",
            [("Christmas Day", "2020-12-25"), ("This Year", "2020")],
        ),
        # counter-examples: prose with a name, a sentence that capitalises no function word
        ("The Christmas Day Massacre shocked the town.", []),
        ("He watched This Week With George Stephanopoulos on Sunday.", [("Sunday", "2020-12-06")]),
    ],
)
def test_title_case_line_with_stop(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-12-10", parse) == expected


# "the past couple months" (American, no "of") is the couple of months; a bare "couple" with
# no position word or "a" before it is the noun.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Store owners I've spoken to over the past couple months are sheepish.",
            [("the past couple months", "P2M")],
        ),
        ("In the next couple days we will know more.", [("the next couple days", "P2D")]),
        ("The first couple weeks were hard.", [("The first couple weeks", "P2W")]),
        # counter-examples: "a couple" as before, the noun "couple"
        ("A couple weeks ago we left.", [("A couple weeks ago", "2020-W17")]),
        ("The couple moved here in 2019.", [("2019", "2019")]),
        ("The couple days later left town.", [("days", "PXD")]),
    ],
)
def test_couple_without_of(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-10", parse) == expected


# "the past" before a count of things that are no time units ("won the past five elections",
# "for the past two seasons") is an adjective of them, no PAST_REF; "in the past" and a length
# of time units ("the past 10 years") are as before.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Golkar has won the past five elections since 1971.", [("1971", "1971")]),
        ("He has been on the fringes for the past two seasons.", []),
        # counter-examples
        ("In the past, it was fine.", [("the past", "PAST_REF")]),
        ("In the past 10 years, it grew.", [("the past 10 years", "P10Y")]),
        ("For the past three years it grew.", [("the past three years", "P3Y")]),
    ],
)
def test_the_past_before_a_count(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-10", parse) == expected


# "four or five years ago", "2 to 3 weeks ago": the pair of counts is one expression (valued by
# the second), as "one or two days" is one length; "one or two days later" stays that length.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "It is better than four or five years ago, when we had lethal attacks.",
            [("four or five years ago", "2001")],
        ),
        ("It happened 2 to 3 weeks ago.", [("2 to 3 weeks ago", "2006-W49")]),
        # counter-examples
        ("He scored two or three goals a week ago.", [("a week ago", "2006-W51")]),
        ("He will be moved in one or two days.", [("one or two days", "PXD")]),
        ("It was one or two days later.", [("one or two days", "PXD")]),
    ],
)
def test_pair_of_counts_ago(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2006-12-29", parse) == expected


# "by the <unit>" ending a clause is a rate ("getting fewer by the day", "increasing by the
# year in Nepal"), a SET; a deadline ("by the year 2000", "by the day he leaves") is not.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our rights are getting fewer and fewer by the day.", [("the day", "P1D")]),
        (
            "Violence against women is increasing by the year in Nepal.",
            [("the year", "P1Y")],
        ),
        ("The situation changes by the minute, he said.", [("the minute", "PT1M")]),
        # counter-examples
        ("We will finish by the year 2000.", [("the year 2000", "2000")]),
        ("It will be done by the day he leaves.", []),
        ("The plan was approved by the week of March 3.", [("the week of March 3", "2006-W09")]),
    ],
)
def test_by_the_unit_rate(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2005-11-26", parse) == expected


# A day and month with the year said relative to the DCT is one date in either order ("on 30
# December last year", as "Dec 30 last year"); "September 19,2020" (no space after the comma,
# web copy) is one date with its year.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The institute received the sample on 30 December last year, she said.",
            [("30 December last year", "2019-12-30")],
        ),
        ("It will open on 3 March next year.", [("3 March next year", "2021-03-03")]),
        (
            "The summit was held on September 19,2020, in New York.",
            [("September 19,2020", "2020-09-19")],
        ),
        # counter-examples: a count after a month, a day and month alone
        ("In May 1,500 people died.", [("May", "2020-05")]),
        ("It opened on 3 March.", [("3 March", "2020-03-03")]),
        ("On May 3, 2020 it rained.", [("May 3, 2020", "2020-05-03")]),
    ],
)
def test_day_month_year_forms(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-20", parse) == expected
