"""Session 14: a clock range that runs past midnight. When the closing clock time of a range
("to"/"until"/a dash) has its half of the day said and no day of its own, and is earlier on
the clock than the opening time, it falls on the next day: "no inmate checks were made from
10:30 p.m. Aug. 9 to 6:30 a.m." ends on Aug. 10, "a 10 p.m. to 5 a.m. curfew" ends the next
morning. Counter-examples: a range within one day ("from 9 a.m. to 5 p.m. on Saturday"), a
closing time with its own day ("between 11 p.m. and 1 a.m. on Saturday") and a list ("at 10
p.m. and 6 a.m.") keep their day. Both paths are tested."""

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
        (
            "Prosecutors alleged that no inmate checks were made from 10:30 p.m. Aug. 9 to "
            "6:30 a.m.",
            [("10:30 p.m. Aug. 9", "2019-08-09T22:30"), ("6:30 a.m.", "2019-08-10T06:30")],
        ),
        (
            "The party at the house ran from 8 p.m. Friday until 2 a.m., neighbors said.",
            [("8 p.m. Friday", "2019-11-15T20:00"), ("2 a.m.", "2019-11-16T02:00")],
        ),
        (
            "Los Angeles County on Sunday announced new rules. A 10 p.m. to 5 a.m. curfew took "
            "effect.",
            [
                ("Sunday", "2019-11-17"),
                ("10 p.m.", "2019-11-17T22:00"),
                ("5 a.m.", "2019-11-18T05:00"),
            ],
        ),
        # counter-examples: a range within a day, an end with its own day, a list
        (
            "The store is open from 9 a.m. to 5 p.m. on Saturday.",
            [("9 a.m.", "2019-11-23T09:00"), ("5 p.m. on Saturday", "2019-11-23T17:00")],
        ),
        (
            "The shooting happened between 11 p.m. and 1 a.m. on Saturday.",
            [("11 p.m.", "2019-11-16T23:00"), ("1 a.m. on Saturday", "2019-11-16T01:00")],
        ),
        (
            "On Friday the guards checked the cells at 10 p.m. and 6 a.m.",
            [
                ("Friday", "2019-11-15"),
                ("10 p.m.", "2019-11-15T22:00"),
                ("6 a.m.", "2019-11-15T06:00"),
            ],
        ),
    ],
)
def test_range_past_midnight(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2019-11-19", parse) == expected
