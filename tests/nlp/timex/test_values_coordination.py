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
