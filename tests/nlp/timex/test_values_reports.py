"""Company reports: which quarter "the quarter", "the year-ago period" and "that quarter" mean.

The reported quarter is the last quarter named before (context.py), except a quarter that is
only talked about: one not yet closed at the DCT outside a past-tense clause, or an earlier
quarter of the same year named as the report's history. A quarter named with the day it ended
takes that day's year; "the quarter ended July 31" alone is the calendar quarter holding most
of its three months. In a sentence about nine or six months (or the first half), the year
back is a year, not the reported quarter a year back. Counts on TBAQ are in
docs/benchmarks.md (fifth round, values).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(1989, 10, 26)


def values(text: str, dct: dt.date = DCT) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, dct)}


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a quarter still to come is no report: "the year-ago period" leans on the third
        (
            "Bethlehem posted a drop in third-quarter profit. Analysts expect losses through "
            "the third quarter of 1990. In the year-ago period, Bethlehem earned $101 million.",
            DCT,
            {"the third quarter of 1990": "1990-Q3", "the year-ago period": "1988-Q3"},
        ),
        # "this quarter" counts from the DCT: the current quarter, never the one reported on
        (
            "It lost $8 million for the third quarter. This quarter's loss includes charges. "
            "U.K. sales for last year's quarter were $3 million.",
            dt.date(1989, 11, 1),
            {"This quarter": "1989-Q4", "last year's quarter": "1988-Q3"},
        ),
        # an earlier quarter of the same year is the report's history
        (
            "Kimberly posted a gain in third-quarter net income. After a flat second quarter, "
            "results improved. Charges were taken in the year-earlier period.",
            DCT,
            {"second quarter": "1989-Q2", "the year-earlier period": "1988-Q3"},
        ),
    ],
)
def test_reported_quarter_skips_quarters_only_talked_about(
    text: str, dct: dt.date, expected: dict[str, str]
) -> None:
    got = values(text, dct)
    for phrase, value in expected.items():
        assert got.get(phrase) == value, (phrase, got)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # counter-example: a fiscal quarter reported on in the past tense is the report's,
        # though the calendar has not closed it yet
        (
            "Ralston reported a decline in fourth-quarter earnings. It earned $45 million, "
            "compared with $84 million a year earlier.",
            dt.date(1989, 11, 2),
            {"fourth-quarter": "1989-Q4", "a year earlier": "1988-Q4"},
        ),
        # counter-example: a company's fiscal quarter starts a new report, earlier or not
        (
            "Bethlehem posted lower third-quarter profit. National posted net income for the "
            "fiscal second quarter of $8.6 million. The latest period includes gains.",
            DCT,
            {"the fiscal second quarter": "1989-Q2", "The latest period": "1989-Q2"},
        ),
        # counter-example: another year's quarter is named for itself
        (
            "It expects a third-quarter profit. In the comparable year-ago quarter, the second "
            "quarter ended Oct. 31, it had a loss. Results for that quarter included a charge.",
            dt.date(1989, 10, 27),
            {"the second quarter": "1988-Q2", "that quarter": "1988-Q2"},
        ),
    ],
)
def test_reported_quarter_counter_examples(
    text: str, dct: dt.date, expected: dict[str, str]
) -> None:
    got = values(text, dct)
    for phrase, value in expected.items():
        assert got.get(phrase) == value, (phrase, got)


@pytest.mark.parametrize(
    ("text", "dct", "phrase", "value"),
    [
        # May to July: mostly the second quarter
        (
            "In the quarter ended July 31, Jayark had 5.6 million shares.",
            DCT,
            "the quarter",
            "1989-Q2",
        ),
        ("For the quarter ended Sept. 30, it earned $5 million.", DCT, "the quarter", "1989-Q3"),
        ("For the quarter ended Jan. 31, it earned $5 million.", DCT, "the quarter", "1988-Q4"),
        # the quarter of the year it ended in (Oct. 31 is still to come in late October)
        (
            "The second quarter ended Oct. 31 brought a loss.",
            dt.date(1989, 10, 27),
            "The second quarter",
            "1988-Q2",
        ),
        (
            "Profit rose for the fourth quarter ended Aug. 26.",
            dt.date(1989, 11, 1),
            "the fourth quarter",
            "1989-Q4",
        ),
        # counter-example: without the day it ended, the second quarter is this year's
        (
            "The second quarter brought a loss.",
            dt.date(1989, 10, 27),
            "The second quarter",
            "1989-Q2",
        ),
    ],
)
def test_quarter_named_with_its_end(text: str, dct: dt.date, phrase: str, value: str) -> None:
    assert values(text, dct).get(phrase) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "ending" a day still to come: that quarter, not the one reported on before it
        (
            "Profit rose in the third quarter. It expects a loss for the quarter ending Dec. 31.",
            "1989-Q4",
        ),
        ("In the quarter ending Jan. 31, it expects a loss.", "1989-Q4"),
        # counter-example: "ended" is past, and a report's own quarter named before it wins
        (
            "Profit rose in the third quarter. For the quarter ended Sept. 30, sales rose.",
            "1989-Q3",
        ),
    ],
)
def test_quarter_ending_a_day_to_come(text: str, expected: str) -> None:
    assert values(text, dt.date(1989, 11, 20)).get("the quarter") == expected


def test_quarter_to_quarter_is_no_quarter() -> None:
    text = "The quarter-to-quarter comparison was enhanced by charges."
    assert [t.text for t in tag(text, DCT)] == []
    # counter-example: the quarter itself is one
    assert values("The quarter was strong.", DCT).get("The quarter") == "1989-Q3"


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (
            "Profit rose in the third quarter. In the first nine months, net was $306 million, "
            "compared with a loss of $195 million in the 1988 period.",
            "the 1988 period",
            "1988",
        ),
        (
            "Profit rose in the third quarter. For the nine months, it lost $608,413, compared "
            "with year-earlier net income of $967,809.",
            "year-earlier",
            "1988",
        ),
        (
            "Profit rose in the third quarter. Its share was 45% in the latest nine months, "
            "compared with 40% a year earlier.",
            "a year earlier",
            "1988",
        ),
        # counter-examples: a sentence about the quarter keeps the quarter a year back
        (
            "Profit rose in the third quarter. Net was $5 million, compared with $4 million a "
            "year earlier.",
            "a year earlier",
            "1988-Q3",
        ),
        (
            "Profit rose in the third quarter. It lost money in the 1988 period.",
            "the 1988 period",
            "1988-Q3",
        ),
    ],
)
def test_year_back_of_a_nine_month_stretch_is_the_year(
    text: str, phrase: str, expected: str
) -> None:
    assert values(text).get(phrase) == expected


FILLER = " Analysts had expected weaker results from the company and its rivals." * 10


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # about two paragraphs after the reported quarter, "a year ago" still leans on it
        ("Profit rose in the third quarter." + FILLER + " Sales rose from a year ago.", "1988-Q3"),
        # "the quarter" on the way keeps the report going
        (
            "Profit rose in the third quarter."
            + FILLER
            + " Sales rose in the quarter."
            + FILLER
            + " Net fell from a year ago.",
            "1988-Q3",
        ),
        # counter-example: far from any quarter, "a year ago" is the year
        (
            "Profit rose in the third quarter." + FILLER * 2 + " Sales rose from a year ago.",
            "1988",
        ),
    ],
)
def test_year_back_leans_on_the_report_nearby(text: str, expected: str) -> None:
    assert values(text).get("a year ago") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "last quarter" without "the" is the quarter before the DCT's
        ("It was the top-selling phone last quarter worldwide.", "2020-Q1"),
        ("Last quarter was unlike anything I have seen.", "2020-Q1"),
        # counter-example: "the last quarter of 2019" is that year's fourth
        ("Sales rose in the last quarter of 2019.", "2019-Q4"),
    ],
)
def test_last_quarter_without_the_is_the_previous_quarter(text: str, expected: str) -> None:
    got = [t.value for t in tag(text, dt.date(2020, 5, 20)) if "quarter" in t.text.lower()]
    assert got == [expected]
