"""Session 11, second round of values and tense: requests of the extents engineer and whole
ReCOVery articles read through. A money rate whose bracketed sum closes on "US" or on its scale
("30 billion dollars (3.8 billion US) a year") is a rate, no duration; "the same period of 2004"
in a sentence after the one naming "the first nine months" is the nine months, so the year; a
weekday the day after the DCT told in "local time" is that next day ("said early Friday local
time" in a US story dated Thursday); "the same period last year" right after a month is that
month a year back ("fell 20 percent in April from the same period last year"); "next summer"
said in May is a year on ("from this summer for next summer"). Cases are reshaped from the
stories; each family has counter-examples that must not change. The cue-word path (``storyline
timeml``) is tested unless a case says so."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bracketed sum in "US" or ending on its scale is a money rate's "per"
        ("Japan will spend 30 billion dollars (3.8 billion US) a year on it.", None),
        ("He earns 8,000 Singapore dollars (5,714 US) a month.", None),
        ("It costs 41.6 billion yuan (US$5 billion) a year.", None),
        ("It costs 41.6 billion yuan (5 billion dollars) a year.", None),
        # counter-examples: no figure before "US", or a bare year, in the bracket
        ("Visits rose to 3,000 (up from 2,000 in the US) a year later.", "P1Y"),
        ("The war began (in 2005) a year later.", "P1Y"),
        ("They sold 3 million (up 2 million) a year ago.", "2005"),
    ],
)
def test_bracketed_money_rate(text: str, expected: str | None) -> None:
    values = [value for word, value in found(text, "2006-12-01") if word.startswith("a year")]
    values += [value for word, value in found(text, "2006-12-01") if word == "a month"]
    assert values == ([] if expected is None else [expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nine months named in the sentence before: the same nine months of that year
        (
            "The population increased by less than 25,000 in the first nine months of 2005. "
            "This is 7,000 less than in the same period of 2004, CBS figures show.",
            ("the same period of 2004", "2004"),
        ),
        (
            "Net rose 5% in the first nine months to $30 million. This compares with $25 "
            "million in the same period of 2004.",
            ("the same period of 2004", "2004"),
        ),
        # counter-examples: a quarter named in its own sentence, or a quarter before, is the
        # period meant
        (
            "Net rose 5% in the first nine months. Third-quarter net was $5 million, against "
            "$4 million in the same period last year.",
            ("the same period last year", "2004-Q3"),
        ),
        (
            "Net rose 5% in the second quarter. This compares with $25 million in the same "
            "period of 2004.",
            ("the same period of 2004", "2004-Q2"),
        ),
    ],
)
def test_longer_period_of_the_sentence_before(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, "2005-11-10")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the day after the DCT in some place's local time: that day, not a week back
        (
            "A Chinese doctor has died from the disease, the hospital treating him said on "
            "social media early Friday local time.",
            ("early Friday", "2020-02-07"),
        ),
        ("The quake struck on Friday (local time), officials said.", ("Friday", "2020-02-07")),
        # counter-examples: no "local time", or another weekday, keep the tense's day
        ("The quake struck on Friday, officials said.", ("Friday", "2020-01-31")),
        ("The quake struck on Wednesday local time.", ("Wednesday", "2020-02-05")),
        ("The quake struck last Friday local time.", ("last Friday", "2020-01-31")),
    ],
)
def test_weekday_in_local_time_after_the_dct(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, "2020-02-06")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a month named just before "the same period last year": that month a year back
        (
            "Car sales fell 20 percent in April from the same period last year.",
            ("the same period last year", "2019-04"),
        ),
        (
            "Through the first five days of April, 31 percent of tenants had failed to pay, "
            "compared with 18 percent in the same period a year ago.",
            ("the same period a year ago", "2019-04"),
        ),
        # counter-examples: a quarter named after the month, or none, keeps the quarter
        (
            "Sales rose in April. In the first quarter, sales fell from the same period last year.",
            ("the same period last year", "2019-Q1"),
        ),
        (
            "Sales in the first quarter fell from the same period last year.",
            ("the same period last year", "2019-Q1"),
        ),
    ],
)
def test_same_period_after_a_month(text: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, "2020-05-08")


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # the season about to begin is "this summer": "next summer" is a year on
        (
            "We hope the festival will return next summer stronger than ever.",
            "2020-05-04",
            ("next summer", "2021-SU"),
        ),
        (
            "Keep as much in place from this summer for next summer.",
            "2020-05-01",
            ("next summer", "2021-SU"),
        ),
        # counter-examples: a season months away, or in the next calendar year, is the coming
        (
            "Eriksson will stay as head coach after next summer's World Cup finals.",
            "2005-11-08",
            ("next summer", "2006-SU"),
        ),
        ("The election is next spring.", "2005-12-10", ("next spring", "2006-SP")),
        ("It will be ready by this summer.", "2020-05-04", ("this summer", "2020-SU")),
        (
            "Sales will pick up in the coming summer.",
            "2020-05-04",
            ("the coming summer", "2020-SU"),
        ),
    ],
)
def test_next_season_said_just_before_it(text: str, dct: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "A Chinese doctor has died from the disease, the hospital treating him said on "
            "social media early Friday local time.",
            "2020-02-06",
            ("early Friday", "2020-02-07"),
        ),
        (
            "We hope the festival will return next summer stronger than ever.",
            "2020-05-04",
            ("next summer", "2021-SU"),
        ),
        (
            "Car sales fell 20 percent in April from the same period last year.",
            "2020-05-08",
            ("the same period last year", "2019-04"),
        ),
    ],
)
def test_round_two_values_with_a_parse(
    nlp: object, text: str, dct: str, expected: tuple[str, str]
) -> None:
    """The same values when the parse decides the tense (``analyze``'s path)."""
    assert expected in found(text, dct, parse=True)


def test_same_period_after_a_quarter_of_months() -> None:
    """ "the ongoing quarter (April-June)": the months spell out the quarter compared, so the
    value stays a quarter (which quarter is the quarter reader's business), not June."""
    text = (
        "We are expecting a 26 percent contraction in growth in the ongoing quarter "
        "(April-June) in comparison to the same period last year."
    )
    values = dict(found(text, "2020-05-22"))
    assert "-Q" in values["the same period last year"]
