"""Session 12, round 2: extent classes found reading unseen news (ReCOVery unreliable articles,
Random(1212) TE3-silver stories, and a comparison of all TE3-silver extents with ours), judged by
the TimeML 1.2.1 (TE3) rules; every class has counter-examples, each run without and with a
parse.
"""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> dict[str, str]:
    doc = get_nlp()(text) if parse else None
    return {t.text: t.value for t in tag(text, dct, doc=doc)}


# Two positions joined before a date ("mid-to-late June", "early-to-mid 2021", "mid to late
# April") are one expression with it, the later position's mod; it was "late June" with
# "mid-to-" left outside. A range of ages is no date.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The court suspended operations in March and is not set to reopen until "
            "mid-to-late June.",
            {"March": "2020-03", "mid-to-late June": "2020-06"},
        ),
        ("A vaccine could be ready by early-to-mid 2021, he said.", {"early-to-mid 2021": "2021"}),
        ("Cases peaked in mid to late April in New York.", {"mid to late April": "2020-04"}),
        # counter-examples: one position alone, an age range
        ("The court will reopen in late June.", {"late June": "2020-06"}),
        ("The patients were in their mid-to-late 30s.", {}),
    ],
)
def test_two_positions_before_a_date(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-22", parse) == expected


# A count in words of any size before a singular unit is a modifier of the noun after it, tagged
# without the noun phrase's determiner ("the fourteen day quarantine", "the forty-five minute
# drive"), as "the two day rally" and "the 14-day quarantine" already were; it was "the
# fourteen day". A plural unit is the head: "the fourteen days" keeps its "the".
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Instead of introducing the fourteen day quarantine now, they should have done it "
            "at the start.",
            {"fourteen day": "P14D", "now": "PRESENT_REF"},
        ),
        ("It was the forty-five minute drive that hurt.", {"forty-five minute": "PT45M"}),
        # counter-examples: a plural unit is the head of its noun phrase
        ("He spent the fourteen days at home.", {"the fourteen days": "P14D"}),
        ("They imposed the two day ban.", {"two day": "P2D"}),
    ],
)
def test_counted_modifier_without_determiner(
    text: str, expected: dict[str, str], parse: bool
) -> None:
    assert found(text, "2020-05-13", parse) == expected


# "Easter Day" is Easter Sunday, one named day (it was "Easter" with "Day" left outside, as
# "Christmas Day" never was).
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Cummings was spotted in Durham on 19 April, and at Barnard Castle on Easter Day.",
            {"19 April": "2020-04-19", "Easter Day": "2020-04-12"},
        ),
        ("He was seen at church on Easter Sunday.", {"Easter Sunday": "2020-04-12"}),
        # a named day before a noun is still the day; a holiday kind noun makes it none
        (
            "He missed the Easter Day parade in April.",
            {"Easter Day": "2020-04-12", "April": "2020-04"},
        ),
        ("Children hunted Easter eggs in the park.", {}),
    ],
)
def test_easter_day(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-24", parse) == expected


# A year of another calendar ("the current school year", "next academic year", "the current
# Iranian year" in TE3-silver) is one expression with its word; it was "current" PRESENT_REF
# alone, or nothing. "a school year" (any one) and "school-year" as an adjective stay untagged.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Schools will stay closed for the rest of the current school year, Cuomo said.",
            {"the current school year": "2020"},
        ),
        (
            "The academy is aiming to start next school year on July 23.",
            {"next school year": "2021", "July 23": "2020-07-23"},
        ),
        (
            "Iran plans to install 3,000 centrifuges by the end of the current Iranian year.",
            {"the end of the current Iranian year": "2020"},
        ),
        ("Enrolment fell in the last academic year.", {"the last academic year": "2019"}),
        # counter-examples: any school year; a plain "current" before another noun
        ("He had to repeat a school year.", {}),
        ("The current school-year calendar ends early.", {"current": "PRESENT_REF"}),
    ],
)
def test_year_of_another_calendar(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-13", parse) == expected


# "the past half-century", "the last quarter-century", "the next half century": the stretch is
# one length with its "the past" (TE3-silver), as "the past 50 years" is; it was "the past"
# PAST_REF and "half-century" apart, and "the past quarter" a calendar quarter.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Around 10,000 have reached the South in the past half-century, Noland said.",
            {"the past half-century": "P50Y"},
        ),
        (
            "Over the past quarter-century, the city grew fast.",
            {"the past quarter-century": "P25Y"},
        ),
        ("Growth will slow over the next half century.", {"the next half century": "P50Y"}),
        # counter-examples: a calendar quarter; a fraction alone
        ("Sales fell in the past quarter.", {"the past quarter": "2006-Q3"}),
        ("He ruled for a quarter-century.", {"a quarter-century": "P25Y"}),
    ],
)
def test_past_fraction_of_a_unit(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2006-12-14", parse) == expected


# A position before a half-year is inside it with its mod, as before a quarter: "by the end of
# the first half of this year" (TE3-silver XIN); it was "the first half of this year" with "the
# end of" left outside.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "By the end of the first half of this year, China's netizens totaled 123 million.",
            {"the end of the first half of this year": ("2006-H1", "END")},
        ),
        (
            "The plant will open by the end of the second half of 2007.",
            {"the end of the second half of 2007": ("2007-H2", "END")},
        ),
        # counter-examples: no position; a position word that is no part of the date
        (
            "Sales rose in the first half of this year.",
            {"the first half of this year": ("2006-H1", None)},
        ),
        (
            "Sales rose early in the first half of 2007.",
            {"the first half of 2007": ("2007-H1", None)},
        ),
    ],
)
def test_position_before_a_half_year(
    text: str, expected: dict[str, tuple[str, str | None]], parse: bool
) -> None:
    doc = get_nlp()(text) if parse else None
    assert {t.text: (t.value, t.mod) for t in tag(text, "2006-11-26", doc=doc)} == expected


# Named days whose name ends in a weekday ("Super Bowl Sunday", "Super Tuesday", "Giving
# Tuesday") are one named day; it was the weekday alone with the nearest such weekday's date.
# Movable feasts and named days the table lacked ("Mardi Gras", "Pentecost", "Victory Day")
# are dates too ("International Women's Day" is left out: TimeBank leaves it untagged). A word
# that only begins like one is none.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Fans gathered for Super Bowl Sunday in Miami.", {"Super Bowl Sunday": "2020-02-02"}),
        (
            "The charity marked Giving Tuesday with a fundraiser last year.",
            {"Giving Tuesday": "2019-12-03", "last year": "2019"},
        ),
        ("Russia postponed its Victory Day parade.", {"Victory Day": "2020-05-09"}),
        ("Revellers celebrated Mardi Gras in New Orleans.", {"Mardi Gras": "2020-02-25"}),
        ("Worshippers marked Pentecost at home.", {"Pentecost": "2020-05-31"}),
        # counter-examples: a weekday after a name that is no named day; a longer word
        ("He watched Super Bowl LIV on Sunday.", {"Sunday": "2020-05-17"}),
        ("A Pentecostal church in Sacramento reopened.", {}),
    ],
)
def test_named_days_ending_in_a_weekday(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-20", parse) == expected


# A bare weekday between a verb of a rule or a habit and a noun of a weekly religious practice
# is that practice of every such day, no date (timex_weekly_practices.tsv): ReCOVery "the
# government canceled Friday prayers", "move Sunday services into the virtual sphere". After no
# such verb, or with a possessive, the weekday is the day.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "After a jump in cases this week, the government canceled Friday prayers and "
            "announced a lockdown.",
            {"this week": "2020-W16"},
        ),
        (
            "The restrictions forced most churches to suspend in-person worship or move Sunday "
            "services into the virtual sphere.",
            {},
        ),
        ("Their faith requires men to gather for Friday prayers.", {}),
        # counter-examples: the weekday of one event
        ("The rally was held following Friday prayers.", {"Friday": "2020-04-17"}),
        ("Thousands attended Friday prayers at the mosque.", {"Friday": "2020-04-17"}),
        (
            "On Monday, Lightfoot responded to Sunday services held the day before.",
            {"Monday": "2020-04-13", "Sunday": "2020-04-12"},
        ),
        ("The ministry canceled Friday's prayers.", {"Friday": "2020-04-17"}),
    ],
)
def test_weekday_of_a_weekly_practice(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-04-17", parse) == expected


# "a day match", "a day game": a game played by day (timex_unit_compounds.txt), no length of a
# day; "a day trip" and "lasted a day" keep theirs.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Originally scheduled as a day match, it became a day-night affair.", {}),
        ("The Cubs won a day game at Wrigley.", {}),
        # counter-examples
        ("He took a day trip to Paris.", {"a day": "P1D"}),
        ("The match lasted a day.", {"a day": "P1D"}),
    ],
)
def test_day_game(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-04-17", parse) == expected


# Before a possessive the position phrase belongs to the noun the day qualifies: "released at
# the end of today's hearing" (TE3-silver AFP), "at the start of Monday's session", "the end of
# last week's trading"; the day alone is the expression (it was "the end of today" END).
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Bozlak and 12 others were released at the end of today's hearing.",
            {"today": ("1997-04-14", None)},
        ),
        ("He spoke at the start of Monday's session.", {"Monday": ("1997-04-14", None)}),
        ("Prices rose at the end of last week's trading.", {"last week": ("1997-W15", None)}),
        # counter-examples: no possessive; a position with no "of"
        ("He was fired at the end of last year.", {"the end of last year": ("1996", "END")}),
        ("Late Monday's vote was close.", {"Late Monday": ("1997-04-14", "END")}),
    ],
)
def test_position_before_a_possessive_day(
    text: str, expected: dict[str, tuple[str, str | None]], parse: bool
) -> None:
    doc = get_nlp()(text) if parse else None
    assert {t.text: (t.value, t.mod) for t in tag(text, "1997-04-14", doc=doc)} == expected


# "these past few weeks", "these last two months": the demonstrative is the length's
# determiner, inside it as "the" is (ReCOVery unreliable "These past few weeks we've seen how
# our rulers ..."; it was "past few weeks" with "These" outside). "These two weeks" (no
# past/last) keeps "These" outside.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "These past few weeks we've seen how our rulers treat us.",
            {"These past few weeks": "PXW"},
        ),
        ("In these last two months, prices rose.", {"these last two months": "P2M"}),
        # counter-examples
        ("These two weeks were hard.", {"two weeks": "P2W"}),
        ("The past few weeks were hard.", {"The past few weeks": "PXW"}),
    ],
)
def test_these_past_weeks(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-22", parse) == expected


# "in the early morning hours", "the late night hours": the hours of a part of the day are that
# part, one TIME (it was "the early morning" and "hours" PTXH apart). Before "of" and a date only
# the date is tagged, as "the morning of March 3" is (AQUAINT), and no "hours" length is left.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attack took place in the early morning hours, police said.",
            {"the early morning hours": "2020-05-22TMO"},
        ),
        ("Shots were fired in the late night hours.", {"the late night hours": "2020-05-22TNI"}),
        (
            "The attack took place in the early morning hours of Friday.",
            {"Friday": "2020-05-22"},
        ),
        ("It happened in the early morning of March 3.", {"March 3": "2020-03-03"}),
        # counter-examples: a length of hours after a weekday and a part of the day
        (
            "He arrived Friday morning, hours before the vote.",
            {"Friday morning": "2020-05-22TMO", "hours": "PTXH"},
        ),
    ],
)
def test_hours_of_a_part_of_the_day(text: str, expected: dict[str, str], parse: bool) -> None:
    assert found(text, "2020-05-22", parse) == expected
