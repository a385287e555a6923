"""Session 5, second news audit: general errors found by judging every tag of 25 random pages
of the article-extraction benchmark (news and blogs of many outlets, 2014-2019, DCT = the page's
publication date) by the TimeML rules. Each class has parametrised cases and a counter-example."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

NOV_18 = dt.date(2019, 11, 18)  # a Monday; Thanksgiving 2019 is Thursday 28 November


def found(text: str, dct: dt.date = NOV_18) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct)]


@pytest.mark.parametrize(
    ("text", "expected", "dct"),
    [
        # was "Friday" alone, the weekday before or after the DCT
        (
            "Black Friday pricing on ecobee is now live.",
            ("Black Friday", "DATE", "2019-11-29"),
            NOV_18,
        ),
        (
            "Skip the Black Friday rush and buy early.",
            ("Black Friday", "DATE", "2019-11-29"),
            NOV_18,
        ),
        (
            "Black Friday 2019 is going to be huge.",
            ("Black Friday 2019", "DATE", "2019-11-29"),
            NOV_18,
        ),
        (
            "We head into the season of Black Friday and Cyber Monday.",
            ("Cyber Monday", "DATE", "2019-12-02"),
            NOV_18,
        ),
        # the Friday after the fourth Thursday, also when November starts on a Friday
        (
            "Black Friday sales were up.",
            ("Black Friday", "DATE", "2018-11-23"),
            dt.date(2018, 12, 3),
        ),
    ],
)
def test_shopping_days_are_named_days(
    text: str, expected: tuple[str, str, str], dct: dt.date
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counter-examples: a plain weekday is still the weekday
        ("He arrived on Friday.", ("Friday", "DATE", "2019-11-15")),
        ("The store opens Monday.", ("Monday", "DATE", "2019-11-18")),
    ],
)
def test_plain_weekdays_are_unchanged(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]
