"""Session 9: recognition and extent classes found in an audit of ECB+ dev-topic news (topics
1-35) and a fresh ReCOVery sample, judged by the TimeML 1.2.1 (TE3) extent rules; every class
has counter-examples.

DCT for every case: Wednesday 2020-04-15 (a ReCOVery story's date) unless a case says.
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2020, 4, 15)


def found(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


# "at 1100 hours", "about 1100 hrs IST" (Indian Navy reports in ECB+ topic 12): four digits
# before hours/hrs are a 24-hour clock time, not a length of 1,100 hours (was PT1100H).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The ship put out a message at 1100 hours that it was under attack.",
            {"1100 hours": "2020-04-15T11:00"},
        ),
        (
            "Pirates attacked the merchant ship about 1100 hrs IST, 150 miles west of Aden.",
            {"about 1100 hrs IST": "2020-04-15T11:00"},
        ),
        (
            "Commandos boarded the dhow at 1230 hours and arrested the pirates.",
            {"1230 hours": "2020-04-15T12:30"},
        ),
        (
            "Troops must be in place by 0630 hrs on Monday.",
            {"0630 hrs on Monday": "2020-04-20T06:30"},
        ),
    ],
)
def test_military_hours_are_clock_times(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count of hours with no time preposition or zone stays a length
        ("He completed 1200 hours of community service.", {"1200 hours": "PT1200H"}),
        ("She logged about 1100 hours of flight time.", {"about 1100 hours": "PT1100H"}),
        # a zero-led clock time is never a length, even where it is not tagged as a time
        ("The curfew ran between 2100 and 0600 hours.", {}),
        # wire style with GMT as before
        ("The blast came at 1700 GMT on Thursday.", {"1700 GMT on Thursday": "2020-04-09T17:00"}),
    ],
)
def test_military_hours_counter_examples(text: str, expected: dict[str, str]) -> None:
    assert found(text) == expected
