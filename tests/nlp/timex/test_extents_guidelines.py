"""Session 4 extents round: extent conventions justified by the TimeML / TempEval guidelines.

Each class has parametrised cases and a counter-example. The guideline text and the TBAQ
counts behind each convention are in docs/benchmarks.md ("Session 4, extents round").
DCT for every case: Tuesday 2025-12-02 (the seed's publication date) unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2025, 12, 2)


def found(text: str, dct: dt.date = DCT) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.value, t.mod) for t in tag(text, dct)}


# TimeML's mod list gives BEFORE/AFTER to points ("more than a decade ago" = BEFORE); TBAQ
# tags "post-1959" with the prefix inside and mod AFTER (1 : 0).
@pytest.mark.parametrize(
    ("text", "phrase", "mod"),
    [
        ("Families split by the post-1959 politics.", "post-1959", "AFTER"),
        ("Output returns to the pre-2008 trend.", "pre-2008", "BEFORE"),
        ("It is back to its post-2009 path.", "post-2009", "AFTER"),
    ],
)
def test_hyphened_pre_post_joins_a_year_with_its_mod(text: str, phrase: str, mod: str) -> None:
    assert found(text)[phrase][1] == mod


@pytest.mark.parametrize(
    "text", ["It runs at 80% of its pre-strike schedule.", "The post-war order held."]
)
def test_pre_post_before_no_date_tags_nothing(text: str) -> None:
    assert found(text) == {}


# TIMEX3 has one mod: TimeBank annotates "around year end" as APPROX (1 : 0), the word inside.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The transaction is expected to close around year end.", "around year end"),
        ("Cases could peak around mid-April.", "around mid-April"),
    ],
)
def test_around_a_position_in_a_period_is_approx(text: str, phrase: str) -> None:
    assert found(text)[phrase][1] == "APPROX"


def test_a_position_without_around_keeps_its_mod() -> None:
    assert found("Cases could peak by mid-April.")["mid-April"][1] == "MID"


# Determiners are part of the expression (TIDES/TimeML: premodifiers such as determiners are
# included); "over the years" is tagged with its "the" in TimeBank (1 : 0). A relative clause
# or "of"-phrase after the noun is a postmodifier, and there the plural alone is the length
# (AQUAINT: "In the [years] that followed").
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Over the years many more patients survived.", "the years"),
        ("He had many infections over the years.", "the years"),
        ("But over the weeks, the law has been tightened.", "the weeks"),
    ],
)
def test_over_the_plural_takes_its_determiner(text: str, phrase: str) -> None:
    assert phrase in found(text)


@pytest.mark.parametrize(
    "text",
    ["In the years that followed, the party split.", "Over the years of the war, it grew."],
)
def test_the_plural_with_a_postmodifier_is_the_plural_alone(text: str) -> None:
    assert "years" in found(text)


# "Thanksgiving weekend in November 2018": the holiday falls in the year the phrase after it
# names (two expressions: the prepositional phrase is no part of the first).
@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        (
            "The first match over Thanksgiving weekend in November 2018 was free.",
            "Thanksgiving weekend",
            "2018-W47-WE",
        ),
        ("He visited on Christmas Day in 2016.", "Christmas Day", "2016-12-25"),
        ("They met on Thanksgiving in 2018.", "Thanksgiving", "2018-11-22"),
    ],
)
def test_holiday_takes_the_year_named_after_it(text: str, phrase: str, value: str) -> None:
    tags = found(text, dt.date(2020, 5, 2))
    assert tags[phrase][0] == value


def test_holiday_keeps_its_year_when_the_month_after_it_cannot_hold_it() -> None:
    # Easter 2019 was in April: "Easter in March 2019" says nothing about Easter's year.
    tags = found("Easter in March 2019 was cold.", dt.date(2020, 5, 2))
    assert tags["Easter"][0] == "2020-04-12"


# "the second and fourth quarters": each ordinal is a quarter of its own, as TimeBank tags it
# (the [second] and [fourth quarters]); the shared "the" stays outside.
@pytest.mark.parametrize(
    ("text", "first", "second"),
    [
        ("Results for the second and fourth quarters were weak.", "second", "fourth quarters"),
        (
            "Deliveries in the third and fourth quarters of 2020 will rise.",
            "third",
            "fourth quarters of 2020",
        ),
        (
            "It could come in the first or second quarter of 2026.",
            "first",
            "second quarter of 2026",
        ),
    ],
)
def test_coordinated_quarters_are_two_expressions(text: str, first: str, second: str) -> None:
    tags = found(text)
    assert first in tags and second in tags
    assert tags[first][0][:4] == tags[second][0][:4]  # the year named after the pair


@pytest.mark.parametrize(
    "text", ["He finished second and third in the races.", "The first and second rounds ended."]
)
def test_ordinals_without_quarters_tag_nothing(text: str) -> None:
    assert found(text) == {}


# A holiday with "week"/"weekend" as its head is a time noun phrase, its "the" inside (TIDES/
# TimeML: determiners are part of the expression); before another noun the "the" is that noun's.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        (
            "Safety groups expect the Memorial Day weekend, typically busy.",
            "the Memorial Day weekend",
        ),
        ("Life continues over the Easter weekend.", "the Easter weekend"),
    ],
)
def test_the_holiday_weekend_takes_its_determiner(text: str, phrase: str) -> None:
    assert phrase in found(text, dt.date(2020, 5, 2))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("No more aid until after the Memorial Day recess.", "Memorial Day"),
        ("Plans for this Easter weekend changed.", "this Easter weekend"),
    ],
)
def test_the_before_a_holiday_modifier_stays_out(text: str, phrase: str) -> None:
    assert phrase in found(text, dt.date(2020, 5, 2))


# "a week or more" is EQUAL_OR_MORE and "13 minutes or less" EQUAL_OR_LESS, the words inside,
# as TimeML writes "at least 10 days" and "no more than 10 days"; "a week or two ago" is one
# date, like TimeBank's "[a week or so ago]".
@pytest.mark.parametrize(
    ("text", "phrase", "mod"),
    [
        ("Results will not arrive for a week or more.", "a week or more", "EQUAL_OR_MORE"),
        ("Some vaccines have taken a decade or longer.", "a decade or longer", "EQUAL_OR_MORE"),
        ("The test gives results in 13 minutes or less.", "13 minutes or less", "EQUAL_OR_LESS"),
        ("A week or two ago, I attacked it.", "A week or two ago", None),
    ],
)
def test_or_more_or_less_joins_the_length(text: str, phrase: str, mod: str | None) -> None:
    assert found(text)[phrase][1] == mod


@pytest.mark.parametrize("text", ["People aged 65 or more are at risk.", "Ten or more people met."])
def test_or_more_after_no_length_tags_nothing(text: str) -> None:
    assert found(text) == {}


# "the morning of March 3": only the date is tagged, as AQUAINT tags "the night of [Oct. 23]"
# (3 : 0); "the morning" alone would take the publication day's morning.
@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The sites closed on the afternoon of March 15.", "March 15"),
        ("On the evening of May 9, a fire broke out.", "May 9"),
    ],
)
def test_part_of_day_of_a_date_is_the_date_alone(text: str, phrase: str) -> None:
    assert list(found(text, dt.date(2020, 5, 20))) == [phrase]


def test_part_of_day_alone_is_still_a_time() -> None:
    assert "the morning" in found("The talks resume in the morning.")
