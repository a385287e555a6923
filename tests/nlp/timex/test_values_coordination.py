"""Coordinated dates (issue 3): the members of a list or range of one kind of date ("in May
and June", "from Monday through Friday", "June 12-Sept. 16") are one stretch, not dates the
tense reads one by one (context.coordinate).

* a later member whose year or week came from the tense alone follows the member before it;
* a range of months or days whose both ends follow the tense is laid out nearest the DCT
  ("from January to July, this figure will reach" said in May is this year's);
* counter-examples: a list member earlier in the calendar than the one before it starts no
  new year ("April 15 and April 7"); a bare comma is no joint ("On Monday, Tuesday's vote");
  a member with its own year or word ("next", "last") keeps it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag


def values(text: str, dct: dt.date) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the second month followed the tense a year back; now it follows the first
        (
            "Output was cut about 10 percent, in May and June, said this person.",
            dt.date(2020, 4, 10),
            [("May", "2020-05"), ("June", "2020-06")],
        ),
        (
            "The country is preparing ahead of its elections in August and November.",
            dt.date(2020, 4, 10),
            [("August", "2020-08"), ("November", "2020-11")],
        ),
        (
            "The virus may once again begin to spread widely from October to November.",
            dt.date(2020, 5, 20),
            [("October", "2020-10"), ("November", "2020-11")],
        ),
        (
            "The country hits the peak in June-July.",
            dt.date(2020, 5, 20),
            [("June", "2020-06"), ("July", "2020-07")],
        ),
        # both ends follow the tense: the stretch nearest the DCT
        (
            "In total, from January to July, this figure will reach 10%.",
            dt.date(2020, 5, 22),
            [("January", "2020-01"), ("July", "2020-07")],
        ),
        # a list of three, commas and "and"
        (
            "Votes in August, October and November are on the calendar.",
            dt.date(2020, 4, 10),
            [("August", "2020-08"), ("October", "2020-10"), ("November", "2020-11")],
        ),
        # days of the month across a year end; a week's days across a weekend
        (
            "The lineup was announced March 12 for shows June 12-Sept. 16.",
            dt.date(2020, 5, 1),
            [("March 12", "2020-03-12"), ("June 12", "2020-06-12"), ("Sept. 16", "2020-09-16")],
        ),
        (
            "The office will be open on Monday through Friday.",
            dt.date(2020, 5, 15),
            [("Monday", "2020-05-18"), ("Friday", "2020-05-22")],
        ),
        # a clock time's weekday opens a range of days too
        (
            "Staff will answer questions between 8 a.m.-5 p.m., Monday-Friday.",
            dt.date(2020, 5, 7),
            [
                ("8 a.m.", "2020-05-11T08:00"),
                ("5 p.m., Monday", "2020-05-11T17:00"),
                ("Friday", "2020-05-15"),
            ],
        ),
        (
            "When Li was in critical condition late Thursday and early Friday, people mourned.",
            dt.date(2020, 2, 6),
            [("late Thursday", "2020-02-06"), ("early Friday", "2020-02-07")],
        ),
    ],
)
def test_coordinate_later_members_follow_the_first(
    text: str, dct: dt.date, expected: list[tuple[str, str]]
) -> None:
    assert values(text, dct) == expected


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "expected"),
    [
        # counter-example: an earlier day after "and" is a day of the same stretch, not a new
        # year (obituary lists: "died April 15 and April 7")
        (
            "Lawrence and Minnette Nokes died April 2 and March 29.",
            dt.date(2020, 4, 6),
            "March 29",
            "2020-03-29",
        ),
        # counter-example: a bare comma is no list
        ("On Monday, Tuesday's vote was moved.", dt.date(2020, 4, 8), "Tuesday", "2020-04-07"),
        # counter-example: a member with its own year keeps it
        (
            "The plant closed in May 2019 and June 2018.",
            dt.date(2020, 4, 10),
            "June 2018",
            "2018-06",
        ),
        # counter-example: dates of two kinds are no list
        ("It met on May 30 and in June.", dt.date(2020, 7, 10), "June", "2020-06"),
    ],
)
def test_coordinate_leaves_what_is_no_stretch(
    text: str, dct: dt.date, phrase: str, expected: str
) -> None:
    found = dict(values(text, dct))
    assert found[phrase] == expected


SATURDAY = dt.date(2020, 5, 23)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a scheduled event named by its weekday's possessive is still to come
        ("Wednesday's scheduled launch will go ahead.", SATURDAY, "2020-05-27"),
        ("Wednesday's launch, now set for 4:33 p.m., is a go.", SATURDAY, "2020-05-27"),
        ("Fans await Tuesday's planned vote.", SATURDAY, "2020-05-26"),
        # a past clause: the day after the one the sentence names (the saying's day)
        (
            "NASA announced Friday that a review of Wednesday's scheduled launch had "
            "determined that the mission could proceed.",
            SATURDAY,
            "2020-05-27",
        ),
        (
            "Officials on Monday postponed Wednesday's scheduled vote.",
            dt.date(2020, 5, 21),
            "2020-05-20",
        ),
        # counter-examples: a past clause with no day named keeps the past one; a plain
        # possessive names what happened; "set" with no "for"/"to" is the verb
        ("Wednesday's scheduled launch was scrubbed.", SATURDAY, "2020-05-20"),
        ("Wednesday's ruling upset the defense.", SATURDAY, "2020-05-20"),
        ("Wednesday's vote set a record.", SATURDAY, "2020-05-20"),
    ],
)
def test_scheduled_possessive_weekday_points_ahead(text: str, dct: dt.date, expected: str) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    weekday = found.get("Wednesday") or found.get("Tuesday")
    assert weekday == expected, found


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an anticipated day (timex_anticipated_days.txt) said in its year, long after the
        # last one: this year's, whatever the tense
        (
            "If there are 250,000 people dead by Election Day, it will be hard to win.",
            dt.date(2020, 3, 11),
            "2020-11-03",
        ),
        (
            "Fewer young people expressed a willingness to vote in person on Election Day.",
            dt.date(2020, 5, 17),
            "2020-11-03",
        ),
        (
            "He picked a number that wouldn't be exceeded until after Election Day.",
            dt.date(2020, 5, 19),
            "2020-11-03",
        ),
        # counter-example: soon after the day it is still the one gone
        ("Turnout since Election Day has been studied.", dt.date(2021, 1, 10), "2020-11-03"),
        # counter-example: other holidays follow the tense ("It was New Year's Eve when")
        (
            "It was New Year's Eve when the computer spat out an alert.",
            dt.date(2020, 4, 27),
            "2019-12-31",
        ),
        # a date set off by a comma that is the holiday's own day of its year restates it
        (
            "On Election Day, November 8, 2016, the pollster was wrong.",
            dt.date(2020, 5, 19),
            "2016-11-08",
        ),
    ],
)
def test_anticipated_day_is_this_years(text: str, dct: dt.date, expected: str) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    holiday = found.get("Election Day") or found.get("New Year's Eve")
    assert holiday == expected, found


def test_apposed_date_of_another_day_leaves_the_holiday() -> None:
    # counter-example: "Christmas, March 3, 2016" is no restatement of Christmas
    found = {
        t.text: t.value for t in tag("On Christmas, March 3, 2016, we met.", dt.date(2020, 5, 19))
    }
    assert found["Christmas"] == "2019-12-25"


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "expected"),
    [
        # "followed by" adds a step and carries no tense; a clock time's colon is no clause
        # break, so the clause's "is first" (a schedule) decides
        (
            "South Shore is first, on Thursday from 4:30 to 6 p.m., followed by Auburn "
            "Gresham from 10:30 a.m. to noon on Saturday.",
            dt.date(2020, 4, 20),
            "noon on Saturday",
            "2020-04-25T12:00",
        ),
        (
            "Staff will return at 8:30 a.m. and patients on Tuesday.",
            dt.date(2020, 5, 15),
            "Tuesday",
            "2020-05-19",
        ),
        # counter-examples: a past clause before "followed by" still decides; a colon that
        # ends a clause still breaks it
        (
            "The Mass was held on Sunday, followed by a procession on Monday.",
            dt.date(2020, 4, 22),
            "Monday",
            "2020-04-20",
        ),
        (
            "Officials will review it: the board met on Tuesday.",
            dt.date(2020, 5, 15),
            "Tuesday",
            "2020-05-12",
        ),
    ],
)
def test_followed_by_and_clock_colons_carry_no_tense(
    text: str, dct: dt.date, phrase: str, expected: str
) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    assert found.get(phrase) == expected, found


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "expected"),
    [
        # a dayless clock time that opens a range takes the day of the time that closes it
        (
            "Auburn Gresham is next, from 10:30 a.m. to noon on Saturday.",
            dt.date(2020, 4, 20),
            "10:30 a.m.",
            "2020-04-25T10:30",
        ),
        (
            "Staff will answer questions between 8 a.m. and 5 p.m. Monday.",
            dt.date(2020, 5, 7),
            "8 a.m.",
            "2020-05-11T08:00",
        ),
        # counter-examples: the closing time has no day of its own; "and" without "between"
        # is no range
        (
            "The rally ran from 4 p.m. to 6 p.m. and ended on Monday.",
            dt.date(2020, 5, 7),
            "4 p.m.",
            "2020-05-07T16:00",
        ),
        (
            "Doors opened at 8 a.m. and 5 p.m. Monday.",
            dt.date(2020, 5, 7),
            "8 a.m.",
            "2020-05-07T08:00",
        ),
    ],
)
def test_clock_range_takes_the_day_of_its_end(
    text: str, dct: dt.date, phrase: str, expected: str
) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    assert found.get(phrase) == expected, found


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "expected"),
    [
        # a month after an event noun and "in"/"for" names the event: a past clause says
        # nothing about it (as "the November election"), the nearest is taken
        (
            "On Tuesday, the state announced a plan to send ballots to all voters ahead of "
            "its elections in August and November.",
            dt.date(2020, 5, 20),
            "August",
            "2020-08",
        ),
        (
            "Travel restrictions forced the cancellation of the festival in late June.",
            dt.date(2020, 3, 31),
            "late June",
            "2020-06",
        ),
        (
            "He said there was a way to conduct a convention in August.",
            dt.date(2020, 5, 20),
            "August",
            "2020-08",
        ),
        # counter-example: a past clause with no event noun before the month points back
        ("He said the factory closed in August.", dt.date(2020, 5, 20), "August", "2019-08"),
    ],
)
def test_month_after_an_event_noun_ignores_a_past_clause(
    text: str, dct: dt.date, phrase: str, expected: str
) -> None:
    found = {t.text: t.value for t in tag(text, dct)}
    assert found.get(phrase) == expected, found
