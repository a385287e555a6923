"""Session 13 (round 2) of values and tense, from TE3-silver stories: a sitting adjourned,
suspended or recessed until a day ("Constitutional talks were adjourned until Monday", said on
a Wednesday) resumes on the day ahead; a date at the end of the noun phrase after "since" ("a
sharp escalation in violence since the bombing of a shrine in Samarra in February", said in
November) is gone; a possessive weekday of a scheduled event after an infinitive is ahead in a
present clause ("is widely expected to win Sunday's elections") and the nearest one in a past
clause ("won three of Saturday's six stages to head into Sunday's final leg"); a short name in
brackets ("500,000 barrels per day (bpd) from February") does not cut the clause; "won’t" with a
curly apostrophe is no past "won"; leave given in the past ("gave bars the green light to
reopen on Friday") falls on the nearest such day; an "-ing" noun in a list ("bowling alleys,
skating rinks, bingo halls") is no participle adjunct. Each family
has counter-examples; both the cue-word path and the parsed path are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


PARSE = pytest.mark.parametrize("parse", [False, True])


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # adjourned/suspended/recessed until a day: the day the sitting resumes, ahead
        (
            "Constitutional talks were adjourned until Monday to allow for a two-day meeting "
            "of the Great Council of Chiefs.",
            "1997-04-09",
            ("Monday", "1997-04-14"),
        ),
        (
            "The trial of Saddam Hussein on genocide charges was adjourned till Tuesday after "
            "the court heard two Kurdish witnesses.",
            "2006-11-27",
            ("Tuesday", "2006-11-28"),
        ),
        (
            "The court then adjourned the session until Tuesday.",
            "2006-11-27",
            ("Tuesday", "2006-11-28"),
        ),
        (
            "The case was adjourned to February to await a decision by the justice minister.",
            "2005-12-17",
            ("February", "2006-02"),
        ),
        (
            "The Senate recessed until Monday without a vote.",
            "2006-11-29",
            ("Monday", "2006-12-04"),
        ),
        # counter-examples: the day of the adjournment itself, and a stretch that ended
        (
            "The court adjourned on Monday after hearing two witnesses.",
            "2006-11-29",
            ("Monday", "2006-11-27"),
        ),
        ("Trading in the shares was suspended on Monday.", "2006-11-29", ("Monday", "2006-11-27")),
        (
            "The talks were held until Monday, when they broke down.",
            "2006-11-29",
            ("Monday", "2006-11-27"),
        ),
    ],
)
def test_adjourned_until_a_day_is_ahead(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "It shows a sharp escalation in sectarian violence since the bombing of a Shiite "
            "shrine in Samarra in February, and tracks a further worsening this month.",
            "2006-11-01",
            ("February", "2006-02"),
        ),
        (
            "The index has fallen since the start of trading in February.",
            "2006-11-01",
            ("February", "2006-02"),
        ),
        # counter-examples: "since" as "because", with a verb of its own before the date
        (
            "Since the vote is in February, the parties have little time.",
            "2006-11-01",
            ("February", "2007-02"),
        ),
        (
            "Since the company plans to cut jobs in February, the union is worried.",
            "2006-11-01",
            ("February", "2007-02"),
        ),
        (
            "Violence has risen since then, and the vote will take place in February.",
            "2006-11-01",
            ("February", "2007-02"),
        ),
    ],
)
def test_date_in_a_since_phrase_is_gone(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an infinitive before a possessive weekday's scheduled event, in a present clause
        (
            "Bongo is widely expected to win Sunday's elections that are seen as one-sided.",
            "2005-11-26",
            ("Sunday", "2005-11-27"),
        ),
        (
            '"This is a political move to try and stop Saturday\'s meeting," said a party '
            "official.",
            "2005-12-15",
            ("Saturday", "2005-12-17"),
        ),
        # in a past clause: the nearest such weekday, either side of the DCT
        (
            "Gronholm won three of Saturday's six stages around Waikato to head into Sunday's "
            "final leg with a commanding 50.3 second lead.",
            "2006-11-18",
            ("Sunday", "2006-11-19"),
        ),
        (
            "Gronholm won three stages to head into Sunday's final leg with a commanding lead.",
            "2006-11-21",
            ("Sunday", "2006-11-19"),
        ),
        ("Bongo was expected to win Sunday's elections.", "2005-11-26", ("Sunday", "2005-11-27")),
        # counter-examples: no infinitive, or no scheduled event after the possessive
        (
            "The ruling party won 60 percent of the vote in Sunday's elections.",
            "2006-11-18",
            ("Sunday", "2006-11-12"),
        ),
        ("Spain lost to Germany in Sunday's final.", "2006-11-18", ("Sunday", "2006-11-12")),
        (
            "The party returned to power in Sunday's elections.",
            "2006-11-16",
            ("Sunday", "2006-11-12"),
        ),
        (
            "Police are trying to identify the victims of Friday's attack.",
            "2006-11-18",
            ("Friday", "2006-11-17"),
        ),
    ],
)
def test_possessive_event_after_an_infinitive(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "OPEC's decision to cut output by 500,000 barrels per day (bpd) from February "
            "showed the oil cartel's resolve, dealers said.",
            "2006-12-15",
            ("February", "2007-02"),
        ),
        (
            "The World Health Organization (WHO) will meet on Monday.",
            "2006-12-15",
            ("Monday", "2006-12-18"),
        ),
        # counter-examples: a bracket of words is still a break; a past stays past
        (
            "The cut in output (see chart) from February showed the cartel's resolve.",
            "2006-12-15",
            ("February", "2006-02"),
        ),
        (
            "The World Health Organization (WHO) met on Monday.",
            "2006-12-15",
            ("Monday", "2006-12-11"),
        ),
    ],
)
def test_short_name_in_brackets_keeps_the_clause(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # "won’t" with a curly apostrophe is the future "won't", not the past "won"
        (
            "But on Sunday, Pope Francis won’t impart his Easter message and blessing from a "
            "window in the apostolic palace.",
            "2020-04-11",
            ("Sunday", "2020-04-12"),
        ),
        ("The store won’t open until Monday.", "2020-04-08", ("Monday", "2020-04-13")),
        # counter-examples: the past "won" and "didn’t" stay past
        ("The team won on Sunday.", "2020-04-08", ("Sunday", "2020-04-05")),
        ("The team didn’t play on Sunday.", "2020-04-08", ("Sunday", "2020-04-05")),
    ],
)
def test_curly_contraction_keeps_its_tense(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # leave given in the past to do something on a day: the nearest such day
        (
            "Abbott also gave bars, wine tasting rooms and bowling alleys the green light to "
            "reopen on Friday so long as they stay under 25% of their maximum occupancy rate.",
            "2020-05-20",
            ("Friday", "2020-05-22"),
        ),
        (
            "The airline got the go-ahead to resume flights on Monday.",
            "2020-05-16",
            ("Monday", "2020-05-18"),
        ),
        # counter-examples: the deed itself, and a light that is no leave
        ("The bars reopened on Friday.", "2020-05-20", ("Friday", "2020-05-15")),
        ("The bars were given a green light on Friday.", "2020-05-20", ("Friday", "2020-05-15")),
    ],
)
def test_leave_given_in_the_past_is_the_nearest_day(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@PARSE
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # an "-ing" noun compound in a list is no participle adjunct taking the main verb's past
        (
            "Abbott also gave bars, wine tasting rooms, bowling alleys, skating rinks, bingo "
            "halls, aquariums, and equestrian events the green light to reopen on Friday so "
            "long as they stay under 25% of their maximum occupancy rate.",
            "2020-05-20",
            ("Friday", "2020-05-22"),
        ),
        # counter-example: a participle adjunct keeps the main clause's tense
        (
            "Trump has elevated the theory that Harris is ineligible, citing the claim on "
            "Thursday.",
            "2020-05-20",
            ("Thursday", "2020-05-14"),
        ),
    ],
)
def test_ing_noun_in_a_list_is_no_adjunct(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)
