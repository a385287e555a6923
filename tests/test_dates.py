"""Dates users and readers give (storyline.dates): ISO everywhere; written forms in readers'
own date fields, because sources print them their own way."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.dates import parse_date, parse_written_date
from storyline.errors import InvalidDate


@pytest.mark.parametrize(
    ("given", "day"),
    [
        ("2020-05-19", dt.date(2020, 5, 19)),
        ("2020-05-19T14:03:00Z", dt.date(2020, 5, 19)),
        ("2020/05/19", dt.date(2020, 5, 19)),  # a CMS's own format
        ("Tue, 19 May 2020 14:03:00 GMT", dt.date(2020, 5, 19)),  # RSS / e-mail
        ("May 19, 2020", dt.date(2020, 5, 19)),  # as printed under a headline
        ("19 May 2020", dt.date(2020, 5, 19)),
        ("19/05/2020", dt.date(2020, 5, 19)),  # 19 cannot be a month
        ("05/19/2020", dt.date(2020, 5, 19)),
    ],
)
def test_parse_written_date_reads_the_forms_sources_print(given, day):
    assert parse_written_date(given, what="published date") == day


@pytest.mark.parametrize(
    "given",
    [
        "0000-00-00",  # a CMS's empty date
        "2025-02-30",  # no such day
        "05/06/2020",  # May 6 or 5 June: not guessed
        "2020-05",  # no day
        "2020",
        "yesterday",  # relative: against what?
        "May 19",  # no year
        "Friday",
    ],
)
def test_parse_written_date_refuses_what_names_no_single_day(given):
    with pytest.raises(InvalidDate, match="give a real calendar date as YYYY-MM-DD"):
        parse_written_date(given, what="published date")


def test_parse_date_stays_iso_only():
    # Command-line dates and DCTs stay strict: a written form there is a typo to report.
    with pytest.raises(InvalidDate):
        parse_date("May 19, 2020", what="--published date")
