"""Session 13b of recognition and extents: classes of time expressions the tagger took where
the text names none, or typed wrongly, judged by the TimeML 1.2.1 (TE3) rules; every class has
counter-examples. Both paths (cue words and a spaCy parse) must agree."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


# "overnight" meaning "suddenly" names no night: after an adverb of degree ("almost
# overnight"), a verb of sudden change in its clause ("changed overnight"), or a negated
# happening ("will not happen overnight"); an adjective before a kind of food or trip
# ("overnight oatmeal", "overnight camping"). The night stays when it dates what happened.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sales at the store dried up almost overnight.", []),
        ("Testing capacity grew virtually overnight in the city.", []),
        ("It's not going to happen overnight, but I am hopeful.", []),
        ("There is broad consensus that reopening will not happen overnight.", []),
        ("Rome wasn't built overnight.", []),
        ("She became a star overnight after the film.", []),
        (
            "The internet turned office workers into remote employees overnight, and then more.",
            [],
        ),
        ("Those jobs could disappear overnight.", []),
        ("She made overnight oatmeal and stuffed peppers.", []),
        ("The park will issue permits for overnight camping in the backcountry.", []),
        # counter-examples: the night before the DCT
        ("Rebels attacked the town overnight.", [("overnight", "TIME", "2020-05-19TNI")]),
        (
            "Nine people were arrested here overnight following a fight.",
            [("overnight", "TIME", "2020-05-19TNI")],
        ),
        (
            "The attack happened overnight near the border.",
            [("overnight", "TIME", "2020-05-19TNI")],
        ),
        (
            "The death toll rose to 60 overnight as more victims died.",
            [("overnight", "TIME", "2020-05-19TNI")],
        ),
        (
            "Shares fell after metal prices fell in overnight trading.",
            [("overnight", "TIME", "2020-05-19TNI")],
        ),
        ("The storm turned north overnight.", [("overnight", "TIME", "2020-05-19TNI")]),
        (
            "It was not immediately known what happened overnight.",
            [("overnight", "TIME", "2020-05-19TNI")],
        ),
        (
            "Wall Street's pullback overnight hit Asian shares.",
            [("overnight", "TIME", "2020-05-19TNI")],
        ),
    ],
)
def test_overnight_idiom(text: str, expected: list[tuple[str, str, str]], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected


# A season joined to another before a noun of a kind ("the winter and spring sports", "the
# fall and winter collections") names the kind for both seasons, no date; a pair of seasons
# said as times keeps them.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rule covers college athletes in the winter and spring sports.", []),
        ("The fall and winter collections were cancelled.", []),
        ("Designers showed their spring or summer collections online.", []),
        # counter-examples
        (
            "Schools closed in the winter and spring of 2020.",
            [("the winter", "DATE", "2019-WI"), ("spring of 2020", "DATE", "2020-SP")],
        ),
        (
            "Sales fell in the winter and recovered in the spring.",
            [("the winter", "DATE", "2019-WI"), ("the spring", "DATE", "2020-SP")],
        ),
    ],
)
def test_season_pair_kind(text: str, expected: list[tuple[str, str, str]], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected


# "every"/"each" before a named day makes it recur each year: one SET with "every" in its
# extent, valued by what the day's rule fixes (a date, a month, a weekend). "last Christmas",
# a named year and a bare holiday stay one day.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The family drives to the lake every Memorial Day weekend.",
            [("every Memorial Day weekend", "SET", "XXXX-WXX-WE")],
        ),
        ("Every Christmas, we visit my grandmother.", [("Every Christmas", "SET", "XXXX-12-25")]),
        (
            "They celebrate each Thanksgiving with a feast.",
            [("each Thanksgiving", "SET", "XXXX-11-XX")],
        ),
        # counter-examples
        (
            "The family drove to the lake on Memorial Day weekend.",
            [("Memorial Day weekend", "DATE", "2020-W21-WE")],
        ),
        ("Last Christmas we stayed home.", [("Last Christmas", "DATE", "2019-12-25")]),
        (
            "Every Thanksgiving weekend 2019 was busy.",
            [("Thanksgiving weekend 2019", "DATE", "2019-W48-WE")],
        ),
    ],
)
def test_every_holiday(text: str, expected: list[tuple[str, str, str]], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected


# "next"/"last" after a month that closes its phrase ("due in January next", "since June
# last": South Asian and formal British English) is one expression, the next or last such month;
# before a noun it belongs to that noun ("in May last week"), and "may next" is a verb.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Awami League had staged blockades demanding fair elections due in January next.",
            [("January next", "DATE", "2007-01")],
        ),
        (
            "The polls will be held in March next, officials said.",
            [("March next", "DATE", "2007-03")],
        ),
        (
            "The law has been in force since June last, the minister said.",
            [("June last", "DATE", "2006-06")],
        ),
        # counter-examples
        ("The talks will resume in January next year.", [("January next year", "DATE", "2007-01")]),
        (
            "The minister said in May last week that the plan was ready.",
            [("May", "DATE", "2006-05"), ("last week", "DATE", "2006-W47")],
        ),
        ("He may next visit Paris.", []),
    ],
)
def test_month_then_next(text: str, expected: list[tuple[str, str, str]], parse: bool) -> None:
    assert found(text, "2006-11-29", parse) == expected


# "every" before a calendar day without a year: the day of each year, one SET ("every March
# 15" was "every March" XXXX-03 with the day left out).
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The town holds a parade every Fourth of July.",
            [("every Fourth of July", "SET", "XXXX-07-04")],
        ),
        (
            "Supporters gather at the grave every March 15 in his honour.",
            [("every March 15", "SET", "XXXX-03-15")],
        ),
        # counter-examples
        ("The town fills up every May.", [("every May", "SET", "XXXX-05")]),
        ("He died on March 15 in his home.", [("March 15", "DATE", "2020-03-15")]),
    ],
)
def test_every_calendar_day(text: str, expected: list[tuple[str, str, str]], parse: bool) -> None:
    assert found(text, "2020-05-19", parse) == expected
