"""Session 9, values and tense on modern news (the items session 8 left, then a fresh audit of
ReCOVery articles no session had read): rules for general errors of direction and anchoring.
Each rule has parametrised cases in the shape of the real sentences and a counter-example;
cases run with and without a spaCy parse (the path analyze() uses and the path of the
benchmark)."""

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
        # a plain past deed at a holiday still to come this year: the last one, a year back
        ("The family met at Easter.", "2020-03-01", ("Easter", "2019-04-21")),
        ("They met over Christmas.", "2020-10-01", ("Christmas", "2019-12-25")),
        ("She visited her mother at Christmas.", "2020-10-01", ("Christmas", "2019-12-25")),
        ("The stores closed on Christmas Day.", "2020-10-01", ("Christmas Day", "2019-12-25")),
        # within the usual reach the past already held
        ("The stores closed on Thanksgiving.", "2020-12-01", ("Thanksgiving", "2020-11-26")),
    ],
)
def test_plain_past_at_a_holiday_is_the_last_one(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-examples: the future, a saying with a deadline, "for", and a habit
        ("The family will meet at Easter.", "2020-03-01", ("Easter", "2020-04-12")),
        (
            "Trump said he wants the country opened up by Easter.",
            "2020-03-25",
            ("Easter", "2020-04-12"),
        ),
        ("Shoppers stocked up for Christmas.", "2020-10-01", ("Christmas", "2020-12-25")),
        ("The lockdown was extended until Easter.", "2020-03-01", ("Easter", "2020-04-12")),
        # the coming one within a month: a slip of tense is likelier than a year back
        ("The family met at Easter.", "2020-03-25", ("Easter", "2020-04-12")),
    ],
)
def test_holiday_not_after_a_plain_past_keeps_the_coming_one(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


_FILLER = (
    " Parents scrambled to find child care, and many of them had to take leave from work"
    " without pay. Teachers were told to prepare lessons for online classes, and districts"
    " handed out laptops to students who had none at home. Some families had no internet at"
    " all, and the district sent buses with hotspots into their neighbourhoods. Nobody knew"
    " how long it would last. Grocery shelves were empty and hand sanitiser had sold out."
)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the story's day named a paragraph back (beyond 400 characters): counted from it
        (
            "On March 20, the governor closed all schools." + _FILLER + " The next day, the"
            " mayor ordered restaurants to close.",
            "2020-04-10",
            ("The next day", "2020-03-21"),
        ),
        (
            "On March 20, the governor closed all schools." + _FILLER + " Later that day, the"
            " mayor ordered restaurants to close.",
            "2020-04-10",
            ("Later that day", "2020-03-20"),
        ),
        # the day told moves on with the story: "the next day", then "the following day"
        (
            "Two days earlier, on March 14, she finished her sixth shift. She woke up the next"
            " day feeling unwell." + _FILLER + " The following day, she felt fine.",
            "2020-03-30",
            ("The following day", "2020-03-16"),
        ),
    ],
)
def test_next_day_counts_from_the_story_day_a_paragraph_back(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-examples: a month named since leaves the day unknown (the DCT's next day, as
        # before); a day further back than about a page is not the story's any more
        (
            "On March 20, the governor closed all schools. The order ran into late March."
            + _FILLER
            + " The next day, the mayor ordered restaurants to close.",
            "2020-04-10",
            ("The next day", "2020-04-11"),
        ),
        (
            "On March 20, the governor closed all schools." + _FILLER * 3 + " The next day,"
            " the mayor ordered restaurants to close.",
            "2020-04-10",
            ("The next day", "2020-04-11"),
        ),
    ],
)
def test_next_day_without_a_story_day_keeps_the_dct(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a likelihood looks ahead: the coming winter, not the one gone
        (
            "We will not do a lockdown for the second wave that is likely to come in the winter.",
            "2020-05-22",
            ("the winter", "2020-WI"),
        ),
        ("Sales are unlikely to recover before September.", "2020-05-19", ("September", "2020-09")),
        # counter-example: a likelihood of the past
        ("The virus is likely to have spread in December.", "2020-05-22", ("December", "2019-12")),
    ],
)
def test_likely_to_looks_ahead(text: str, dct: str, expected: tuple[str, str], parse: bool) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the new date of a rescheduled event is ahead
        (
            "She had been training for the Boston Marathon, before it was rescheduled for"
            " September.",
            "2020-03-30",
            ("September", "2020-09"),
        ),
        ("The league rescheduled the game for Saturday.", "2020-03-30", ("Saturday", "2020-04-04")),
        # counter-examples: "for" after no word of a new date
        ("She gave him a watch for Christmas.", "2020-10-01", ("Christmas", "2020-12-25")),
        ("The race was held on Saturday.", "2020-05-20", ("Saturday", "2020-05-16")),
    ],
)
def test_rescheduled_for_names_the_new_date(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an "-ed" word right after "will"/a modal and its verb is no past
        (
            "Restaurants located in one of 17 northern Michigan counties that — along with the"
            " entire Upper Peninsula — will see lessened restrictions on Friday.",
            "2020-05-18",
            ("Friday", "2020-05-22"),
        ),
        ("Workers could face reduced hours on Friday.", "2020-05-18", ("Friday", "2020-05-22")),
        # counter-examples: a perfect after the modal, a past verb
        ("The plant would have closed on Friday.", "2020-05-18", ("Friday", "2020-05-15")),
        (
            "The counties saw lessened restrictions on Friday.",
            "2020-05-18",
            ("Friday", "2020-05-15"),
        ),
    ],
)
def test_participle_after_a_modal_and_its_verb_is_no_past(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a figure compared with an earlier one is the earlier day's
        (
            "The agency said 2.0 million people have so far been tested for the virus, against"
            " 1.959 million on Monday, out of a population of around 60 million.",
            "2020-05-19",
            ("Monday", "2020-05-18"),
        ),
        (
            "There are 1,239 ICU patients, up slightly from 1,300 on Friday.",
            "2020-05-18",
            ("Friday", "2020-05-15"),
        ),
        # counter-examples: no figure, a future
        ("The store is open from 9 on Friday.", "2020-05-18", ("Friday", "2020-05-22")),
        ("The team will play against 10 men on Friday.", "2020-05-18", ("Friday", "2020-05-22")),
    ],
)
def test_figure_compared_names_a_day_gone(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a plan reported with "would" after a saying dated by a weekday: the first such
        # weekday after the saying's day
        (
            "The governor said Tuesday that beaches would reopen on Friday.",
            "2020-05-17",
            ("Friday", "2020-05-15"),
        ),
        (
            "The governor announced on Tuesday that beaches would reopen Friday.",
            "2020-05-17",
            ("Friday", "2020-05-15"),
        ),
        (
            "On Tuesday, the governor said beaches would reopen Friday.",
            "2020-05-17",
            ("Friday", "2020-05-15"),
        ),
        # still ahead of the DCT when the saying was this week
        (
            "Officials said Monday that the beaches would reopen on Friday.",
            "2020-05-19",
            ("Friday", "2020-05-22"),
        ),
        # counter-examples: "will" keeps the report's future; no day of the saying
        (
            "The governor said Tuesday that beaches will reopen Friday.",
            "2020-05-17",
            ("Friday", "2020-05-22"),
        ),
        ("The governor said the store would open Friday.", "2020-05-17", ("Friday", "2020-05-22")),
    ],
)
def test_reported_plan_counts_from_the_saying_day(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a meeting on an agenda is still to come
        (
            "The bare-bones capital plan is on the agenda for Monday’s Finance Committee meeting.",
            "2020-05-14",
            ("Monday", "2020-05-18"),
        ),
        ("The plan is on the agenda for Monday.", "2020-05-14", ("Monday", "2020-05-18")),
        # counter-example: a past clause keeps the meeting gone
        (
            "The plan was on the agenda for Monday’s Finance Committee meeting.",
            "2020-05-14",
            ("Monday", "2020-05-11"),
        ),
    ],
)
def test_agenda_for_a_weekday_is_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)
