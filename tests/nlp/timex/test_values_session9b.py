"""Session 9, round 2 of values and tense: a fresh audit of the last ReCOVery articles no
session had read. Rules for general errors of direction; each has parametrised cases in the
shape of the real sentences and a counter-example, run with and without a spaCy parse (the
path analyze() uses and the default path of ``storyline timeml``)."""

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
        # a modal and its bare verb look ahead for a month too, whatever saying stands before
        (
            "He added that the playoffs could begin in mid-November.",
            "2020-03-30",
            ("mid-November", "2020-11"),
        ),
        (
            "He added that the playoffs could begin in November.",
            "2020-03-30",
            ("November", "2020-11"),
        ),
        (
            "Officials said the first doses might also arrive in January.",
            "2020-05-12",
            ("January", "2021-01"),
        ),
    ],
)
def test_modal_before_a_month_looks_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-examples: a modal perfect looks back
        (
            "He said the virus could have arrived in November.",
            "2020-03-30",
            ("November", "2019-11"),
        ),
    ],
)
def test_modal_perfect_before_a_month_keeps_the_past(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a fronted "Beginning in"/"Starting in" of two words: the clause after it decides
        (
            "Beginning in January, when the genome was first published, the institute bought"
            " new machines.",
            "2020-05-12",
            ("January", "2020-01"),
        ),
        (
            "Starting in March, hospitals canceled elective surgeries.",
            "2020-05-12",
            ("March", "2020-03"),
        ),
        # counter-example: a future after it keeps the month ahead
        (
            "Beginning in January, the law will require masks on buses.",
            "2020-05-12",
            ("January", "2021-01"),
        ),
    ],
)
def test_fronted_cue_of_two_words_takes_the_clause_after(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "said that starting Wednesday, ...": the reported clause decides, not the saying
        (
            "The prime minister said that starting Wednesday, Britons will be allowed to"
            " exercise outdoors.",
            "2020-05-10",
            ("Wednesday", "2020-05-13"),
        ),
        # counter-examples: a past reported clause, and a past verb with no "that"
        (
            "The minister said that starting Wednesday, shops were allowed to open.",
            "2020-05-10",
            ("Wednesday", "2020-05-06"),
        ),
        (
            "The city closed its parks starting Wednesday.",
            "2020-05-10",
            ("Wednesday", "2020-05-06"),
        ),
    ],
)
def test_cue_opening_a_reported_clause_takes_its_tense(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the "-ing" form of a timetable phrase in an absolute clause: the coming day
        (
            "With his modified stay-at-home order taking effect on Friday, Pritzker made it"
            " clear that testing is key.",
            "2020-04-30",
            ("Friday", "2020-05-01"),
        ),
        (
            "With the new rules going into effect Monday, stores scrambled to adapt.",
            "2020-05-14",
            ("Monday", "2020-05-18"),
        ),
        # counter-example: with an auxiliary the other cues decide
        (
            "The order was taking effect on Friday, but the judge blocked it.",
            "2020-04-30",
            ("Friday", "2020-04-24"),
        ),
    ],
)
def test_timetable_phrase_in_ing_looks_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a past "when" clause right after the date says when it was, after a modal too
        (
            "Alice Police thought she could ride out the virus at home in late March when she"
            " was hit with flu-like symptoms.",
            "2020-05-18",
            ("late March", "2020-03"),
        ),
        # counter-examples: a future "when" clause, and a future before the date
        (
            "Voters could choose a new mayor in November, when the polls will open early.",
            "2020-05-18",
            ("November", "2020-11"),
        ),
        (
            "He will travel on Friday when the talks were supposed to end.",
            "2020-05-18",
            ("Friday", "2020-05-22"),
        ),
    ],
)
def test_past_when_clause_after_the_date_looks_back(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a month half a year off after a scheduled-event noun and "in", with no tense to go
        # by, is the event to come, as "the November election" is
        (
            "Democrats are preparing for the elections in November as the pandemic drags on.",
            "2020-05-05",
            ("November", "2020-11"),
        ),
        (
            "Democrats are preparing for the November election as the pandemic drags on.",
            "2020-05-05",
            ("November", "2020-11"),
        ),
        # counter-example: a past clause keeps the nearest, the one gone
        ("Democrats lost the elections in November.", "2020-05-05", ("November", "2019-11")),
    ],
)
def test_event_noun_in_a_month_half_a_year_off_is_the_one_to_come(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a relative aside of the subject closed right before the date: the verb after the
        # date is the clause's, the aside's tense says nothing
        (
            "Maoist rebels, who have been fighting for a communist republic in Nepal since 1996,"
            " on Friday extended their three-month unilateral ceasefire by one month.",
            "2005-12-07",
            ("Friday", "2005-12-02"),
        ),
        (
            "The governor, who is running for reelection, on Friday announced new rules.",
            "2020-05-13",
            ("Friday", "2020-05-08"),
        ),
        # counter-example: a future verb after the date keeps the coming day
        (
            "The governor, who has been criticized for the lockdown, on Friday will announce"
            " new rules.",
            "2020-05-13",
            ("Friday", "2020-05-15"),
        ),
    ],
)
def test_relative_aside_before_the_date_leaves_it_to_the_verb_after(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # after "back in" the modal of a clause further back says nothing of the date
        (
            "His PR person pitched him as an expert who could explain the virus back in March.",
            "2020-05-14",
            ("March", "2020-03"),
        ),
        # counter-example: with no "back in" the modal still looks ahead
        (
            "His PR person said he could explain the virus in March.",
            "2020-05-14",
            ("March", "2021-03"),
        ),
    ],
)
def test_modal_does_not_reach_past_back_in(text: str, dct: str, expected: tuple[str, str]) -> None:
    # the cue-word path (the default of ``storyline timeml``)
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "hosts"/"visits" after a determiner are nouns: the past "told" dates the weekday
        (
            "Wen told his hosts Tuesday that more effort was needed.",
            "2005-12-07",
            ("Tuesday", "2005-12-06"),
        ),
        # counter-examples: without a determiner they are schedule verbs, the day ahead
        ("China hosts the talks on Friday.", "2020-05-12", ("Friday", "2020-05-15")),
        ("The president visits Paris on Friday.", "2020-05-12", ("Friday", "2020-05-15")),
    ],
)
def test_hosts_after_a_determiner_is_a_noun(text: str, dct: str, expected: tuple[str, str]) -> None:
    # the cue-word path (the default of ``storyline timeml``)
    assert expected in found(text, dct)
