"""Named-day rules of timex_holidays.tsv, computed by storyline.nlp.timex.calendar.holiday."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex.calendar import holiday
from storyline.rules import load_table


@pytest.mark.parametrize(
    ("rule", "year", "expected"),
    [
        ("12-25", 2025, "2025-12-25"),
        ("11-TH4", 2025, "2025-11-27"),  # Thanksgiving: the fourth Thursday
        ("05-MOL", 2025, "2025-05-26"),  # Memorial Day: the last Monday
        ("easter", 2025, "2025-04-20"),
        ("easter-2", 2025, "2025-04-18"),  # Good Friday
        # Election Day: the Tuesday after the first Monday. In 2022 November began on a Tuesday,
        # so "the first Tuesday" (Nov 1) would be a week early.
        ("11-MO1+1", 2022, "2022-11-08"),
        ("11-MO1+1", 2024, "2024-11-05"),
        ("02-30", 2025, None),  # no such day: no value rather than a crash
    ],
)
def test_holiday_rules(rule, year, expected):
    day = holiday(rule, year)
    assert (day.isoformat() if day else None) == expected


def test_every_holiday_rule_in_the_data_file_computes():
    for row in load_table("timex_holidays.tsv"):
        assert isinstance(holiday(row["date"], 2023), dt.date), row
