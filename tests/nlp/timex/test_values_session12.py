"""Session 12 of values and tense, from whole ReCOVery stories read through (``Random(1212)``)
and the open items of session 11. One family per commit: "slated to"/"poised to" as plans like
"set to" however far the date ("is slated to take up the funding bill, as well as the hearings
bill, on Thursday"); a possessive weekday after "for"/"before" in a clause that looks ahead ("to
ready the measures for Friday's floor action"); a participle after "than" and its subject
("earlier than she planned in March"); "extension" moving a date ("An extension of the benefit
through January"); a season joined to the season before it ("in the late fall and early
winter", said in May); a noun in "-ly" before a past ("The family posted a message"); what a
past message urged ("urging supporters to gather for a funeral on Wednesday"); a perfect
passive as a past ("have been captured overnight on Thursday"); a quarter's year in four
digits ("0501-Q3"); months listed across the year's end ("beginning in November, December and
January", said in May); "earlier/later in the month" in a past clause as the story's month
("in mid-April. Later in the month, ..."); a coordinated verb spelled like its base form
("had ruled that the ballots must be returned, and set Friday as the deadline"). Each family
has counter-examples that must not change; every case runs without and with a parse."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a plan told with "slated to"/"poised to" looks ahead however far the date stands
        (
            "The Rules Committee is slated to take up the relief package, as well as a "
            "separate bill on remote voting, on Thursday.",
            "2020-05-12",
            ("Thursday", "2020-05-14"),
        ),
        (
            "The Senate is poised to approve the measure, along with two other spending "
            "bills, on Friday.",
            "2020-05-12",
            ("Friday", "2020-05-15"),
        ),
        # counter-examples: no "to"/"for" after it, the "-ed" past; a plain past stays back
        ("The film was slated by critics on Friday.", "2020-05-12", ("Friday", "2020-05-08")),
        (
            "The committee took up the relief package, as well as a separate bill on remote "
            "voting, on Thursday.",
            "2020-05-12",
            ("Thursday", "2020-05-07"),
        ),
    ],
)
def test_slated_and_poised_look_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # what a plan readies or waits for is still to come, whatever its noun
        (
            "The committee will meet to ready the measures for Friday's floor action.",
            "2020-05-12",
            ("Friday", "2020-05-15"),
        ),
        (
            "He does not expect a deal to come before Monday's announcement.",
            "2020-05-15",
            ("Monday", "2020-05-18"),
        ),
        # counter-examples: a past clause, or no "for"/"before", keep the day gone
        (
            "The government paid for Monday's first airlift, officials said.",
            "2020-05-12",
            ("Monday", "2020-05-11"),
        ),
        (
            "Investigators will examine the damage from Friday's storm.",
            "2020-05-12",
            ("Friday", "2020-05-08"),
        ),
    ],
)
def test_possessive_weekday_a_plan_readies_for(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a participle after "than" and its subject compares; the clause's own verb decides
        (
            "She took family leave earlier than she planned in March to stay home with her son.",
            "2020-05-17",
            ("March", "2020-03"),
        ),
        (
            "The plant reopened later than managers had expected in April.",
            "2020-05-17",
            ("April", "2020-04"),
        ),
        # counter-example: a plan of the clause's own still looks ahead
        ("The company planned a launch in March.", "2020-05-17", ("March", "2021-03")),
    ],
)
def test_participle_after_than_and_subject(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "extension" moves a date as "extended" does
        (
            "An extension of the $600 per week federal jobless benefit through January.",
            "2020-05-15",
            ("January", "2021-01"),
        ),
        # counter-example: no word of moving, the month before
        (
            "Claims for the $600 per week federal jobless benefit rose through January.",
            "2020-05-15",
            ("January", "2020-01"),
        ),
    ],
)
def test_extension_moves_a_date(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a season joined to the one before it runs on from it
        (
            "We hope to know the results in the late fall and early winter.",
            "2020-05-18",
            ("early winter", "2020-WI"),
        ),
        # counter-examples: the first member is unchanged; a member with its own year keeps it
        (
            "We hope to know the results in the late fall and early winter.",
            "2020-05-18",
            ("the late fall", "2020-FA"),
        ),
        (
            "Cases rose last winter and early spring.",
            "2020-05-18",
            ("last winter", "2019-WI"),
        ),
        (
            "Sales rose in the fall of 2019 and the winter of 2018.",
            "2020-05-18",
            ("the winter of 2018", "2018-WI"),
        ),
    ],
)
def test_season_list_runs_on(text: str, dct: str, expected: tuple[str, str], parse: bool) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "The <noun in -ly> <verb>ed": a verb with its object after it, no "the newly elected"
        ("The family posted a message on Wednesday.", "2020-05-19", ("Wednesday", "2020-05-13")),
        ("The rally ended on Sunday.", "2020-05-19", ("Sunday", "2020-05-17")),
        # counter-example: an adverb and a participle before a noun stay an adjective
        (
            "The newly elected council will meet on Friday.",
            "2020-05-19",
            ("Friday", "2020-05-22"),
        ),
    ],
)
def test_noun_in_ly_before_a_past(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # what a past message urged may fall on either side: the nearest such day
        (
            "The family posted a message urging supporters to gather for a funeral on Wednesday.",
            "2005-12-13",
            ("Wednesday", "2005-12-14"),
        ),
        (
            "Crowds gathered after calls by the ruling majority in parliament urging them to "
            "mobilise for a national funeral on Wednesday.",
            "2005-12-13",
            ("Wednesday", "2005-12-14"),
        ),
        # counter-examples: no urging, the day gone; no past plan, no intent
        (
            "The family posted a message about the funeral on Wednesday.",
            "2005-12-13",
            ("Wednesday", "2005-12-07"),
        ),
        (
            "The group would be ready to leave as soon as Tuesday, Castro said.",
            "2000-04-03",
            ("Tuesday", "2000-04-04"),
        ),
        (
            "The flight was cancelled due to the storm on Wednesday.",
            "2006-12-04",
            ("Wednesday", "2006-11-29"),
        ),
    ],
)
def test_urged_in_the_past_is_the_nearest_day(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a perfect passive tells of a deed gone
        (
            "At least 78 people have been detained overnight on Thursday around the suburbs of "
            "Paris, police said.",
            "2005-11-05",
            ("Thursday", "2005-11-03"),
        ),
        ("Two suspects have been arrested on Thursday.", "2005-11-05", ("Thursday", "2005-11-03")),
        # counter-examples: a state until a day, a plan, a move to a new date stay ahead
        ("The store has been closed until Monday.", "2020-05-15", ("Monday", "2020-05-18")),
        ("The talks have been scheduled for Thursday.", "2005-11-05", ("Thursday", "2005-11-10")),
        (
            "The measures have been extended until Thursday.",
            "2005-11-05",
            ("Thursday", "2005-11-10"),
        ),
    ],
)
def test_perfect_passive_is_a_past(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a quarter's year has four digits like every other year
        ("Sales rose in the third quarter.", "0502-05-19", ("the third quarter", "0501-Q3")),
        ("Sales will rise next quarter.", "0502-05-19", ("next quarter", "0502-Q3")),
        (
            "Profit rose in the third quarter from a year earlier.",
            "0502-11-19",
            ("a year earlier", "0501-Q3"),
        ),
        # counter-example: a year of four digits is as it was
        ("Sales rose in the third quarter.", "2020-11-19", ("the third quarter", "2020-Q3")),
    ],
)
def test_quarter_year_has_four_digits(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # months listed across the year's end are one stretch from the first
        (
            "The league must also plan for games beginning in November, December and January.",
            "2020-05-02",
            ("January", "2021-01"),
        ),
        (
            "The league will play games in November, December and January.",
            "2020-05-02",
            ("December", "2020-12"),
        ),
        (
            "The company reported strong sales in November, December and January.",
            "2020-05-02",
            ("November", "2019-11"),
        ),
        # counter-example: months far apart out of order stay two of their own
        ("Sales rose in April and February.", "2020-05-02", ("April", "2020-04")),
    ],
)
def test_month_list_over_the_year_end(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # in a past clause "earlier/later in the month (year)" is the story's month (year)
        (
            "Online grocery orders jumped in mid-March and drove a 25% uptick compared to a "
            "period earlier in the month.",
            "2020-05-14",
            ("earlier in the month", "2020-03"),
        ),
        (
            "The journal asked for evidence of the study in mid-April. Later in the month, "
            "the French Medical Council issued a statement.",
            "2020-05-12",
            ("Later in the month", "2020-04"),
        ),
        (
            "Sales rose 5 percent in 2019. Later in the year, the company closed two plants.",
            "2020-05-14",
            ("Later in the year", "2019"),
        ),
        # counter-examples: a clause that looks ahead, or no date close before: the DCT's
        (
            "Scientists met on May 2. The company expects a rebound later in the month.",
            "2020-05-14",
            ("later in the month", "2020-05"),
        ),
        (
            "Sales rose 5 percent in 2019. The company expects a rebound later in the year.",
            "2020-05-14",
            ("later in the year", "2020"),
        ),
        (
            "Earlier in the month, scientific advisers told the White House.",
            "2020-04-24",
            ("Earlier in the month", "2020-04"),
        ),
    ],
)
def test_earlier_in_the_month_of_the_story(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a verb spelled like its base form after "and", right before the date, has the
        # tense of the clause's first verb, not of a modal between them
        (
            "A judge had ruled that the ballots must be returned to the county clerk, and set "
            "Friday as the deadline.",
            "2020-05-19",
            ("Friday", "2020-05-15"),
        ),
        # counter-examples: a past without the coordination, a modal's own verb
        ("The board set Friday as the deadline.", "2020-05-19", ("Friday", "2020-05-15")),
        ("The ballots must be returned by Friday.", "2020-05-19", ("Friday", "2020-05-22")),
        ("The judge will set Friday as the deadline.", "2020-05-19", ("Friday", "2020-05-22")),
    ],
)
def test_coordinated_base_form_past(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)
