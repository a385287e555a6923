"""Calendar arithmetic for normalisation: shifting dates, ISO weeks, holidays, choosing the
past or future occurrence of an underspecified date."""

from __future__ import annotations

import calendar
import datetime as dt


def add_months(d: dt.date, months: int) -> dt.date:
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int) -> dt.date:
    """The month's last day (December 9999's too, which has no next month to count back from)."""
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add(d: dt.date, n: float, code: str) -> dt.date | dt.datetime:
    """``d`` moved by ``n`` units (Y M W D, or H/MIN/S for clock units)."""
    if code == "Y":
        return add_months(d, round(12 * n))
    if code == "M":
        return add_months(d, round(n))
    if code == "Q":
        return add_months(d, round(3 * n))
    if code == "W":
        return d + dt.timedelta(weeks=n)
    if code in ("D", "WE"):
        return d + dt.timedelta(days=n)
    base = dt.datetime(d.year, d.month, d.day) if not isinstance(d, dt.datetime) else d
    if code == "H":
        return base + dt.timedelta(hours=n)
    if code == "MIN":
        return base + dt.timedelta(minutes=n)
    return base + dt.timedelta(seconds=n)


def iso_week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year}-W{week:02d}"


# How far the tense may pull an underspecified date from the nearest occurrence: "Nov 20" in a
# past-tense sentence of a late-October article is next month, not eleven months ago.
TENSE_REACH_DAYS = 240
# "will"/"would" right before "... on" and the day ("would take place in London on August
# 31") reaches further (tense.plain_future_on), and so does a plain past event verb ("were
# detained soon after mass riots in Jakarta on July 27", tense.plain_past_on; on all 2,452
# TE3-silver stories it changes that tag alone). A reach of 300 for every tense breaks more
# than it fixes (TBAQ value -0.1; most of 16 news and 8 silver tags wrong: timetables in the
# present, reported plans, "was ... on July 1"): the 240 days guard against mis-read tenses.
PLAIN_TENSE_REACH_DAYS = 300


def choose(
    candidates: list[dt.date], dct: dt.date, tense: str | None, reach: int = TENSE_REACH_DAYS
) -> dt.date:
    """The occurrence the tense points to (the latest not after the DCT for the past, the first
    not before it for the future) when it is within ``TENSE_REACH_DAYS``; otherwise the nearest
    (ties to the past)."""
    past = [c for c in candidates if c <= dct]
    future = [c for c in candidates if c >= dct]
    if tense == "past" and past and (dct - max(past)).days <= reach:
        return max(past)
    if tense == "future" and future and (min(future) - dct).days <= reach:
        return min(future)
    return min(candidates, key=lambda c: (abs((c - dct).days), c > dct))


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def next_day(day: str) -> str | None:
    """The day after ``day`` (YYYY-MM-DD), for a clock range run past midnight; None after
    9999-12-31, where the calendar ends."""
    try:
        return (dt.date.fromisoformat(day) + dt.timedelta(days=1)).isoformat()
    except OverflowError:
        return None


def easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


_WEEKDAY_CODES = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}


def holiday(rule: str, year: int) -> dt.date | None:
    """A date from a ``timex_holidays.tsv`` rule: MM-DD, MM-<weekday><n|L>[+d], easter[-n]."""
    if rule.startswith("easter"):
        shift = int(rule[6:] or 0)
        return easter(year) + dt.timedelta(days=shift)
    if "+" in rule:  # a day counted from a weekday: US Election Day is "11-MO1+1"
        base, shift_s = rule.split("+", 1)
        day = holiday(base, year)
        return day + dt.timedelta(days=int(shift_s)) if day else None
    month_s, rest = rule.split("-", 1)
    month = int(month_s)
    if rest.isdigit():
        return safe_date(year, month, int(rest))
    weekday, nth = _WEEKDAY_CODES[rest[:2]], rest[2:]
    days = [
        dt.date(year, month, day)
        for day in range(1, calendar.monthrange(year, month)[1] + 1)
        if dt.date(year, month, day).weekday() == weekday
    ]
    return days[-1] if nth == "L" else days[int(nth) - 1]
