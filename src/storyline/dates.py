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
    day = _real(*(int(g) for g in m.group(1, 2, 3))) if m else None
    if day is not None:
        return day
    raise InvalidDate(f"invalid {what} {text!r}: give a real calendar date as YYYY-MM-DD")


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


# A reader's own date field (a JSONL "published") is often written the way its source printed
# it: "2020/05/19", "Tue, 19 May 2020 14:03:00 GMT", "May 19, 2020". Each names its year, month
# and day, so each is read; a day and a month that could be either ("05/06/2020") are not.
_SLASHED_YMD = re.compile(r"^\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*$")
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")
_MONTH_WORD = re.compile(r"[A-Za-z]{3,}")
_YEAR = re.compile(r"\b\d{4}\b")


def parse_written_date(value: str, *, what: str = "date") -> dt.date:
    """A date field as people and feeds write it, for reader hints only (never for text: dates
    in prose are the timex tagger's). ISO first; then ``YYYY/MM/DD``; an e-mail/RSS date; a
    written date with a month name, a day and a four-digit year; a numeric ``D/M/YYYY`` only
    when the day cannot be the month. Anything else is ``InvalidDate``, as with ``parse_date``."""
    try:
        day = parse_date(value, what=what)
    except InvalidDate:
        day = _written(value)
        if day is None:
            raise
    if day is None:
        raise InvalidDate(f"invalid {what} {value!r}: give a real calendar date as YYYY-MM-DD")
    return day


def _written(text: str) -> dt.date | None:
    m = _SLASHED_YMD.match(text)
    if m:
        return _real(*(int(g) for g in m.groups()))
    m = _NUMERIC_DMY.match(text)
    if m:
        a, b, year = (int(g) for g in m.groups())
        if a > 12 >= b:
            return _real(year, b, a)
        if b > 12 >= a:
            return _real(year, a, b)
        return None  # "05/06/2020": May 6 or 5 June
    if not (_MONTH_WORD.search(text) and _YEAR.search(text)):
        return None
    from email.utils import parsedate_to_datetime

    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        pass
    import dateparser

    found = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return found.date() if found and found.year >= 1 else None


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year >= 1 else None
    except ValueError:
        return None
