"""Session 10, third round of values and tense: a season right after its past verb is the
season gone, not the one ahead ("He left in the summer", said in May, as "He left in July"
is last July); and "that summer" after a season told with its year ("in summer 1972") takes
that year. Every case runs with and without a parse and must read the same."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the past verb's own season, not yet reached this year: last year's, as a month is
        ("He left in the summer.", ("the summer", "2019-SU")),
        ("He left that summer.", ("that summer", "2019-SU")),
        ("He left in the fall.", ("the fall", "2019-FA")),
        ("He ran cross country in the fall.", ("the fall", "2019-FA")),
        ("The school said it reopened in the fall.", ("the fall", "2019-FA")),
        ("He left in July.", ("July", "2019-07")),
        # a passive past is finite too (TE3-silver: "pandas ... were inseminated in spring")
        ("More than 30 pandas were inseminated in the summer.", ("the summer", "2019-SU")),
        # counter-examples: a future stays ahead; a past that is a saying or a wish, with an
        # infinitive, a gerund or a modal between it and the season, keeps the one ahead
        ("They will meet that summer.", ("that summer", "2020-SU")),
        (
            "He said colleges had to decide whether to reopen in the fall.",
            ("the fall", "2020-FA"),
        ),
        ("He said he hoped to travel in the fall.", ("the fall", "2020-FA")),
        (
            "Pavia said it was about letting kids go back to school in the fall.",
            ("the fall", "2020-FA"),
        ),
        (
            "Constable assumed most of the summer season might be lost.",
            ("the summer", "2020-SU"),
        ),
        # nor a participle, a condition, a count or a deadline (news of May 2020)
        (
            'Paxson wrote, "remaining closed in the fall means losing revenue."',
            ("the fall", "2020-FA"),
        ),
        (
            "Students said that if colleges reopened in the fall, they would attend online.",
            ("the fall", "2020-FA"),
        ),
        ("Of 78 events this year, I still have nine left in the fall.", ("the fall", "2020-FA")),
        (
            "Schools should be open now, and fully reopened by late summer.",
            ("late summer", "2020-SU"),
        ),
    ],
)
def test_season_after_its_past_verb_is_gone(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-05-10", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a season or quarter told with its year gives "that summer" / "that year" its year
        (
            "He was born in summer 1972. One evening that summer, he met her.",
            ("that summer", "1972-SU"),
        ),
        (
            "Profits fell in the third quarter of 2005. In March that year, the chief left.",
            ("March", "2005-03"),
        ),
        (
            "The drought began in the spring of 1998. That summer, crops failed.",
            ("That summer", "1998-SU"),
        ),
        # counter-examples: the year told last wins; a plain year still counts
        (
            "Sales rose in the summer of 1999. In 2003 the plant closed. That winter, he left.",
            ("That winter", "2003-WI"),
        ),
        ("In 2005 the river flooded. That summer, crops failed.", ("That summer", "2005-SU")),
    ],
)
def test_that_season_takes_the_year_of_a_season_told(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2012-06-15", parse)


@pytest.mark.parametrize("parse", [False, True])
def test_that_season_without_a_year_told_reads_from_the_dct(parse: bool) -> None:
    # nothing told before: the season normaliser's reading (in season on 15 June)
    assert ("that summer", "2012-SU") in found("He left that summer.", "2012-06-15", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "will" more than twelve words back, and after the date only an untensed purpose
        # and the attribution that closes the sentence: the attribution dates the saying
        (
            "US President George W. Bush will make a rare address to the nation from his Oval "
            "Office at 9:00 pm Sunday (0200 GMT Monday) to discuss the way forward in Iraq, his "
            "spokesman said Friday.",
            ("9:00 pm Sunday", "2005-12-18T21:00"),
        ),
        (
            "Bush will make a rare address to the nation from his Oval Office on Monday to "
            "discuss Iraq, his spokesman said.",
            ("Monday", "2005-12-19"),
        ),
        # counter-examples: a past verb of the date's own clause still decides
        (
            "The troops that will be sent to the region by the government of the country left "
            "on Monday for the border, officials said.",
            ("Monday", "2005-12-12"),
        ),
        (
            "Officials who will lead the inquiry into the crash of the plane met on Monday to "
            "discuss it, a spokesman said.",
            ("Monday", "2005-12-12"),
        ),
    ],
)
def test_closing_attribution_leaves_the_date_to_the_clause(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2005-12-16", parse)
