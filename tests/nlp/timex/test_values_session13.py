"""Session 13 of values and tense (vals13): items left open by session 12 and classes found
reading ReCOVery reliable stories. Each family has counter-examples that must not change, and
both paths (cue words, ``storyline timeml``; and a spaCy parse) are asserted."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an hours/minutes offset from a DCT with no clock time names no clock time: the day
        # is all that is known, the DCT's (it was T02:00, counted from midnight; "an hour
        # ago" the day before at T23:00)
        (
            "Four assignments due, and a Zoom meeting scheduled for two hours from now.",
            "2020-05-15",
            ("two hours from now", "DATE", "2020-05-15"),
        ),
        (
            "We were looking at it, literally, about an hour ago, officials said.",
            "2020-05-11",
            ("about an hour ago", "DATE", "2020-05-11"),
        ),
        # a count of whole days (24 hours and more) lands on the day it reaches
        (
            "The result will be known 48 hours from now, the commission said.",
            "2020-12-20",
            ("48 hours from now", "DATE", "2020-12-22"),
        ),
        (
            "The ministry said 36 hours ago that the talks had failed.",
            "2020-12-20",
            ("36 hours ago", "DATE", "2020-12-19"),
        ),
        # counter-examples: "N minutes later" stays a length; a named clock time stays exact
        ("Police arrived 30 minutes later.", "2020-12-20", ("30 minutes", "DURATION", "PT30M")),
        (
            "The meeting is scheduled for 2 p.m. on Monday.",
            "2020-12-20",
            ("2 p.m. on Monday", "TIME", "2020-12-21T14:00"),
        ),
    ],
)
def test_clock_offset_from_a_dct_without_clock(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "overnight" tied to a day named right after or before it is that day's night
        (
            "Two men have been captured overnight on Thursday, police said.",
            "2020-12-20",
            ("overnight", "TIME", "2020-12-17TNI"),
        ),
        (
            "Heavy storms hit the coast overnight Tuesday to Wednesday, the agency said.",
            "2020-12-20",
            ("overnight", "TIME", "2020-12-15TNI"),
        ),
        # "overnight into Friday": the night that ends on Friday
        (
            "Heavy rain is expected overnight into Friday, forecasters said.",
            "2020-12-22",
            ("overnight", "TIME", "2020-12-24TNI"),
        ),
        # counter-examples: no day next to it, or a day further off, leaves the DCT's night
        (
            "Business dried up overnight, and on Thursday the store closed.",
            "2020-12-20",
            ("overnight", "TIME", "2020-12-20TNI"),
        ),
        (
            "But the overnight death toll reported on Monday was 59.",
            "2020-05-19",
            ("overnight", "TIME", "2020-05-19TNI"),
        ),
    ],
)
def test_overnight_takes_the_day_named_next_to_it(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a present of an office taken, an event held or a trip started on a weekday is a
        # timetable: the coming day (was the one gone)
        (
            "The newly elected mayor takes office on Friday.",
            "2020-12-16",
            ("Friday", "DATE", "2020-12-18"),
        ),
        ("The vote takes place on Sunday.", "2020-12-16", ("Sunday", "DATE", "2020-12-20")),
        (
            "The prime minister leaves for Washington on Monday.",
            "2020-12-16",
            ("Monday", "DATE", "2020-12-21"),
        ),
        (
            "The mayor, who takes office on Friday, said he would act quickly.",
            "2020-12-16",
            ("Friday", "DATE", "2020-12-18"),
        ),
        # counter-examples: a past, a "to" before the phrase, or a habit stay as they were
        ("The mayor took office on Friday.", "2020-12-16", ("Friday", "DATE", "2020-12-11")),
        (
            "The vote that took place on Sunday was declared void.",
            "2020-12-16",
            ("Sunday", "DATE", "2020-12-13"),
        ),
        (
            "Residents said the market takes place every Friday.",
            "2020-12-16",
            ("every Friday", "SET", "XXXX-WXX-5"),
        ),
    ],
)
def test_scheduled_present_phrases(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # school and academic years are named by the year they end in (year.school): from
        # August on the current one ends in the next calendar year
        (
            "Students will return to classrooms next school year, the district said.",
            "2020-12-20",
            ("next school year", "DATE", "2022"),
        ),
        (
            "Enrollment dropped last school year.",
            "2020-12-20",
            ("last school year", "DATE", "2020"),
        ),
        (
            "Standardized tests are canceled for this school year.",
            "2020-12-20",
            ("this school year", "DATE", "2021"),
        ),
        (
            "Schools stay closed through the end of the academic year.",
            "2020-09-02",
            ("the end of the academic year", "DATE", "2021"),
        ),
        # counter-examples: said in spring the current school year ends that year; a plain
        # "next year" is the calendar's
        (
            "She has a job somewhere within the district next school year.",
            "2020-05-16",
            ("next school year", "DATE", "2021"),
        ),
        (
            "Standardized tests are canceled for this school year.",
            "2020-05-06",
            ("this school year", "DATE", "2020"),
        ),
        ("Sales will rise next year.", "2020-12-20", ("next year", "DATE", "2021")),
    ],
)
def test_relative_school_year_named_by_its_end(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a weekday starting a range whose end is ahead is the coming one (said on Saturday)
        (
            "The lockdown in the city runs from Sunday through May 30.",
            "2020-05-16",
            ("Sunday", "DATE", "2020-05-17"),
        ),
        (
            "The sale at the store runs from Monday until June 1.",
            "2020-05-16",
            ("Monday", "DATE", "2020-05-18"),
        ),
        (
            "The order is in effect from Monday through June.",
            "2020-05-16",
            ("Monday", "DATE", "2020-05-18"),
        ),
        # a past saying that announced the stretch is the saying's past, not the stretch's
        (
            "Kuwait, in the Middle East, announced a lockdown from Sunday through May 30.",
            "2020-05-09",
            ("Sunday", "DATE", "2020-05-10"),
        ),
        # counter-examples: a range that ended, a past tense, "last Monday"
        (
            "The lockdown ran from Sunday through May 10.",
            "2020-05-16",
            ("Sunday", "DATE", "2020-05-10"),
        ),
        (
            "Schools were closed from Monday to May 30, officials said last week.",
            "2020-05-16",
            ("Monday", "DATE", "2020-05-11"),
        ),
        (
            "The order has been in effect from last Monday through May 30.",
            "2020-05-16",
            ("last Monday", "DATE", "2020-05-11"),
        ),
    ],
)
def test_range_start_ahead_of_its_end(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a count of years that is no whole century is a year, as "a decade ago" is (it was
        # the century "19")
        (
            "It was almost exactly a quarter-century ago that I wrote my first column.",
            "2020-04-07",
            ("a quarter-century ago", "DATE", "1995"),
        ),
        (
            "Doctors say the efforts more than half a century ago may provide lessons.",
            "2020-05-18",
            ("more than half a century ago", "DATE", "1970"),
        ),
        (
            "The railway reached the town a century and a half ago.",
            "2020-05-18",
            ("a century and a half ago", "DATE", "1870"),
        ),
        # counter-examples: whole centuries stay centuries; decades stay years
        (
            "The town was built two centuries ago.",
            "2020-05-18",
            ("two centuries ago", "DATE", "18"),
        ),
        ("It was founded a century ago.", "2020-05-18", ("a century ago", "DATE", "19")),
        ("It was founded a decade ago.", "2020-05-18", ("a decade ago", "DATE", "2010")),
    ],
)
def test_fraction_of_a_century_ago_is_a_year(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a bracketed date right after a weekday or a day counted from the DCT dates it (an
        # interview published weeks later; it was the DCT's week or day)
        (
            "Correctional Officer 1: Then probably Thursday [March 26], I went to the hospital.",
            "2020-04-18",
            ("Thursday", "DATE", "2020-03-26"),
        ),
        (
            "When I come to work Monday morning [March 23], his wife tells me he was sick.",
            "2020-04-18",
            ("Monday morning", "TIME", "2020-03-23TMO"),
        ),
        (
            "He hasn't called me today [April 3]. So I'm a little worried.",
            "2020-04-18",
            ("today", "DATE", "2020-04-03"),
        ),
        (
            "Mayor Paul: As of last week [the week of March 30], they were still bringing them in.",
            "2020-04-18",
            ("last week", "DATE", "2020-W14"),
        ),
        (
            "The vote is on Thursday (March 26), officials said.",
            "2020-03-20",
            ("Thursday", "DATE", "2020-03-26"),
        ),
        # counter-examples: a date on another weekday, a weekday in the brackets, no brackets
        (
            "Officials met on Thursday (March 25), the paper said.",
            "2020-04-18",
            ("Thursday", "DATE", "2020-04-16"),
        ),
        (
            "The talks resumed today (Tuesday) in Geneva.",
            "2020-04-18",
            ("today", "DATE", "2020-04-18"),
        ),
        (
            "He hasn't called me today, and on April 3 he was fine.",
            "2020-04-18",
            ("today", "DATE", "2020-04-18"),
        ),
    ],
)
def test_bracketed_date_after_a_relative_day(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a clock range ending in a weekday's time is one member of a weekday list ("4 to 7
        # p.m. Friday, and 11 a.m. to 2 p.m. Saturday and Sunday", said on a Tuesday): the
        # weekend after that Friday (it was the weekend gone, the clock between broke the list)
        (
            "Pick-up hours are 4 to 7 p.m. Friday, and 11 a.m. to 2 p.m. Saturday and Sunday.",
            "2020-04-28",
            ("2 p.m. Saturday", "TIME", "2020-05-02T14:00"),
        ),
        (
            "Pick-up hours are 4 to 7 p.m. Friday, and 11 a.m. to 2 p.m. Saturday and Sunday.",
            "2020-04-28",
            ("11 a.m.", "TIME", "2020-05-02T11:00"),
        ),
        (
            "Pick-up hours are 4 to 7 p.m. Friday, and 11 a.m. to 2 p.m. Saturday and Sunday.",
            "2020-04-28",
            ("Sunday", "DATE", "2020-05-03"),
        ),
        # counter-examples: a past list stays in the week gone; no range, no change
        (
            "The store opened at 9 a.m. Friday, and at 10 a.m. Saturday.",
            "2020-04-28",
            ("10 a.m. Saturday", "TIME", "2020-04-25T10:00"),
        ),
        (
            "He arrived at 7 p.m. Friday, and 11 a.m. to 2 p.m. Saturday he worked.",
            "2020-04-28",
            ("2 p.m. Saturday", "TIME", "2020-04-25T14:00"),
        ),
    ],
)
def test_clock_range_is_one_member_of_a_weekday_list(
    text: str, dct: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)
