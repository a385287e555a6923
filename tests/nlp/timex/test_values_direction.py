"""Which way an unyeared date or a weekday points, fifth round (values).

* a month and day that is the subject of a past event verb ("after September 11th happened")
  names a past event: it points back however far, past the tense window
  (``timex_event_subject_verbs.txt``);
* a present perfect ("has tested") is past, and "as planned" no plan to come;
* a fronted "until" phrase set off by a comma takes the past of the clause after it ("Until
  Thursday, they had not called him a suspect").
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag


def value(text: str, phrase: str, dct: dt.date) -> str:
    found = {t.text: t.value for t in tag(text, dct)}
    assert phrase in found, (phrase, found)
    return found[phrase]


MAY_2020 = dt.date(2020, 5, 10)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Travel changed after September 11th happened.", "September 11th", "2019-09-11"),
        ("After September 11 happened, airports changed.", "September 11", "2019-09-11"),
        ("Since Sept. 11 changed everything, we fly less.", "Sept. 11", "2019-09-11"),
        ("The raid, after Nov. 20 took place, was forgotten.", "Nov. 20", "2019-11-20"),
    ],
)
def test_date_naming_a_past_event_points_back(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, MAY_2020) == expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # a date after a preposition is no subject of the verb; a plain past event verb right
        # before "on" and the day still reaches 300 days back (tense.plain_past_on, session 8),
        # so 242 days back is the past one
        ("The vote happened on September 11.", "September 11", "2019-09-11"),
        ("Shares changed hands on September 11.", "September 11", "2019-09-11"),
        # counter-example: further back than that reach, the nearer occurrence wins as before
        ("Shares changed hands on July 1.", "July 1", "2020-07-01"),
        # counter-example: the verb of another clause says nothing
        ("September 11 is when the vote happens.", "September 11", "2020-09-11"),
    ],
)
def test_date_naming_a_past_event_counter_examples(text: str, phrase: str, expected: str) -> None:
    assert value(text, phrase, MAY_2020) == expected


FRIDAY = dt.date(1999, 5, 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Until Thursday, they had not called Kopp a suspect.", "1999-05-06"),
        ("Until Thursday, police said nothing.", "1999-05-06"),
        # counter-examples: a future or present main clause, or "until" inside the clause
        ("Until Thursday, the store will be closed.", "1999-05-13"),
        ("They will wait until Thursday.", "1999-05-13"),
        ("The polls stay open until Thursday, officials said.", "1999-05-13"),
    ],
)
def test_fronted_until_takes_the_main_clause_past(text: str, expected: str) -> None:
    assert value(text, "Thursday", FRIDAY) == expected


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "expected"),
    [
        # a present perfect tells of the past (Monday 2020-03-16)
        (
            "Following a briefing on Saturday, the premier, whose wife has tested positive, "
            "said decisions were needed.",
            dt.date(2020, 3, 16),
            "Saturday",
            "2020-03-14",
        ),
        (
            "The data, which include loans through Thursday, show firms have received less.",
            dt.date(2020, 4, 17),
            "Thursday",
            "2020-04-16",
        ),
        # "as planned" is a manner phrase, not a plan still to come
        (
            "In France, elections went ahead as planned on Sunday.",
            dt.date(2020, 3, 16),
            "Sunday",
            "2020-03-15",
        ),
        # counter-examples: "has" with no participle is a present, a plan is still to come
        ("He has until Saturday to decide.", dt.date(2020, 3, 16), "Saturday", "2020-03-21"),
        ("Firms have a deadline on Thursday.", dt.date(2020, 4, 17), "Thursday", "2020-04-23"),
        ("Elections are planned for Sunday.", dt.date(2020, 3, 16), "Sunday", "2020-03-22"),
    ],
)
def test_present_perfect_and_as_planned(
    text: str, dct: dt.date, phrase: str, expected: str
) -> None:
    assert value(text, phrase, dct) == expected


MAY_19 = dt.date(2020, 5, 19)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # "as early as" yields to a past verb just before it, like "until"
        ("We began to see an impact as early as February.", "February", "2020-02"),
        ("Consumers spotted deposits as early as Saturday.", "Saturday", "2020-05-16"),
        # counter-examples: a modal between the past verb and the date keeps it open ahead
        (
            "Pfizer announced the vaccine may be ready as early as September.",
            "September",
            "2020-09",
        ),
        ("They told us we might not get work again until June.", "June", "2020-06"),
        ("The vote could come as early as Friday.", "Friday", "2020-05-22"),
    ],
)
def test_as_early_as_and_until_yield_to_a_past_verb_not_a_modal(
    text: str, phrase: str, expected: str
) -> None:
    assert value(text, phrase, MAY_19) == expected


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "expected"),
    [
        # the first end of a range takes the year the second end names, also a relative one
        (
            "Wages will jump from March through May of this year.",
            dt.date(2020, 5, 6),
            "March",
            "2020-03",
        ),
        # ... or the year before, when its month comes later
        ("From November to January 2021, it rained.", dt.date(2021, 5, 6), "November", "2020-11"),
        (
            "From November to January next year, it will rain.",
            dt.date(2020, 5, 6),
            "November",
            "2020-11",
        ),
        ("It ran from Dec. 3 to Jan. 10, 2019.", dt.date(2020, 5, 6), "Dec. 3", "2018-12-03"),
        # counter-example: a first end with a year of its own keeps it
        (
            "Wages rose from March 2019 through May of this year.",
            dt.date(2020, 5, 6),
            "March 2019",
            "2019-03",
        ),
    ],
)
def test_range_takes_the_year_of_its_second_end(
    text: str, dct: dt.date, phrase: str, expected: str
) -> None:
    assert value(text, phrase, dct) == expected


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "expected"),
    [
        # a date that names a scheduled event: a past clause says nothing about it
        (
            "Warren was poised to challenge Trump in the Nov. 3 election.",
            dt.date(2020, 5, 18),
            "Nov. 3",
            "2020-11-03",
        ),
        (
            "McConnell refused to extend the benefits past the July deadline.",
            dt.date(2020, 5, 22),
            "July",
            "2020-07",
        ),
        # counter-examples: no event noun, the past clause decides; a future clause still does
        (
            "The search was carried out on Nov. 3 at the village hall.",
            dt.date(2020, 5, 18),
            "Nov. 3",
            "2019-11-03",
        ),
        (
            "Voters will decide in the November election.",
            dt.date(2020, 1, 10),
            "November",
            "2020-11",
        ),
    ],
)
def test_date_naming_a_scheduled_event_ignores_a_past_clause(
    text: str, dct: dt.date, phrase: str, expected: str
) -> None:
    assert value(text, phrase, dct) == expected


def test_clock_time_opening_a_paragraph_is_a_live_blog_stamp() -> None:
    text = (
        "His release date isn't until Sept. 14, 2025, records show.\n\n"
        "5:53 p.m. Stories from Six Feet documents the search for connection."
    )
    assert value(text, "5:53 p.m.", dt.date(2020, 5, 15)) == "2020-05-15T17:53"
    # counter-example: inside a sentence, a clock time is on the day the story is at
    told = "The raid began on Sept. 14, 2019. Police arrived at 5:53 p.m. with dogs."
    assert value(told, "5:53 p.m.", dt.date(2020, 5, 15)) == "2019-09-14T17:53"
