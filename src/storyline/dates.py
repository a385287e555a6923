"""Parsing the dates users and documents give us (publication dates, --since)."""

from __future__ import annotations

import datetime as dt
import re

from storyline.errors import InvalidDate

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?.*)?\s*$")


def parse_date(value: str | dt.date | None, *, what: str = "date") -> dt.date | None:
    """An ISO date (``YYYY-MM-DD``, optionally with a time) as a ``date``; None stays None.

    A value that is not a real calendar date ("0000-00-00", "2025-02-30", "yesterday") is an
    ``InvalidDate`` whose message says what was given and what is expected.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    if not text:
        return None
    m = _ISO.match(text)
    if m:
        year, month, day = (int(g) for g in m.group(1, 2, 3))
        if year >= 1:
            try:
                return dt.date(year, month, day)
            except ValueError:
                pass
    raise InvalidDate(f"invalid {what} {text!r}: give a real calendar date as YYYY-MM-DD")


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None
