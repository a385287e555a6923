"""Session 14, rates after counts: a count that is "half a million", "a million" or "a dozen"
("Malaria kills half a million people a year", "with a million visitors a year") or "how
many" ("How many vaccines a week are you giving?") before the counted plural makes the unit
the "per" of a rate, a SET, as "500,000 people a year" already was. A spelled count right
before the unit, its noun left out ("vulnerable to earthquakes, at least six a day", "two or
three a day"), is a rate as "6 a day" is: no length, untagged. Counter-examples: a length
counted on ("scored two a week later"), a count in another sentence ("about a million
people on Friday. It is a day of reconciliation") and a plain length stay lengths. Both paths
are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.type, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "That's absolutely correct. Malaria kills half a million people a year.",
            ("a year", "SET", "P1Y"),
        ),
        (
            "The museum draws more visitors than anywhere else in the world, with a million "
            "visitors a year.",
            ("a year", "SET", "P1Y"),
        ),
        ("How many vaccines a week are you giving?", ("a week", "SET", "P1W")),
        # counter-examples: a count in another sentence and a plain length stay lengths
        (
            'They entered the city of about a million people on Friday. "It is a day of '
            'reconciliation," he said.',
            ("a day", "DURATION", "P1D"),
        ),
        ("A million people attended the rally, which lasted a day.", ("a day", "DURATION", "P1D")),
    ],
)
def test_scaled_count_makes_a_rate(text: str, expected: tuple[str, str, str], parse: bool) -> None:
    assert expected in found(text, "2020-05-16", parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    "text",
    [
        "The archipelago nation is also vulnerable to earthquakes, at least six a day, and "
        "volcanic eruptions.",
        "We had inmates going to the hospital by ambulance, two or three a day.",
        "There were three new cases per day this week compared with several hundred a day "
        "in March.",
    ],
)
def test_spelled_count_before_unit_is_a_rate(text: str, parse: bool) -> None:
    assert not any(t[0] == "a day" for t in found(text, "2020-05-16", parse))


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # counted on from the count, not a rate
        ("He scored two a week later against Everton.", ("a week", "DURATION", "P1W")),
        ("The meeting lasted a day.", ("a day", "DURATION", "P1D")),
    ],
)
def test_spelled_count_counted_on_is_no_rate(
    text: str, expected: tuple[str, str, str], parse: bool
) -> None:
    assert expected in found(text, "2020-05-16", parse)
