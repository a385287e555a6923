"""Resolving expressions that lean on the document's other expressions.

In company reports "the quarter" is the quarter the report is about, and "a year ago" or "the
year-earlier period" is that same quarter one year back ("third-quarter profit rose from a year
ago" -> 1988-Q3 when the report is on 1989-Q3). The normaliser marks such expressions
(``Norm.ctx_ref``); this pass gives them the value of the last explicit quarter mentioned
before them, when there is one close enough.
"""

from __future__ import annotations

import datetime as dt
import re
from fractions import Fraction

from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.normalise import Norm
from storyline.nlp.timex.values import weekday_from

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
SAME_WINDOW = 2500  # characters back for "the quarter"
# characters back for "a year ago" (about two paragraphs; "the quarter" on the way renews it):
# TBAQ 600 -> 1000 gives +3 and loses none, 1500 the same, 2500 one less
YEARBACK_WINDOW = 1000
NARRATIVE_WINDOW = 400  # characters back for the date "a year earlier" counts from
# "the previous Friday" looks further back for its day than "a year earlier" for its date: a
# weekday story keeps to one day over several paragraphs.
WEEKDAY_WINDOW = 1000
# "At 10 p.m." takes the story's day only from close by (about two sentences): further on, a
# day named in the background ("passed on March 3") is no longer the day being told.
CLOCK_WINDOW = 500
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ABSOLUTE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def _narrative_end(norm: Norm, ref: str) -> None:
    """ "Three days later": the end point, counted from a day-precise story date."""
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", ref):
        return
    _, amount, code = (norm.ctx_ref or "").split(":")
    start = dt.date.fromisoformat(ref)
    try:
        moved = cal.add(start, float(Fraction(amount)), code)
    except (OverflowError, ValueError):
        return
    norm.anchor, norm.resolved_end = ref, moved.isoformat()[:10]


def _narrative(norm: Norm, ref: str) -> None:
    """Shift ``ref`` (YYYY, YYYY-MM or YYYY-MM-DD) as ``norm.ctx_ref`` says. "A year earlier"
    keeps the reference's precision; "the following month" is at most a month precise."""
    parts = (norm.ctx_ref or "").split(":")
    amount, code = Fraction(parts[1]), parts[2]
    m = _ABSOLUTE.match(ref)
    if not m:
        return
    precision = 3 if m.group(3) else 2 if m.group(2) else 1
    if parts[0] == "narrel" and parts[3:] == ["that"] and code == "D" and precision == 2:
        # "killed last October ... crossed out that same day": a day of that month, which one
        # the text does not say (TimeML's unknown digits), not the publication day (TBAQ 1 : 0)
        norm.value = f"{ref}-XX"
        return
    if code in ("D", "W") and precision < 3:
        return  # "three days later" than a month or a year says nothing precise
    if parts[0] == "narrel":
        precision = min(precision, {"Y": 1, "M": 2}.get(code, 3))
    start = dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    try:
        moved = cal.add(start, float(amount), code)
    except (OverflowError, ValueError):
        return
    norm.value = moved.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]]


def _narrative_weekday(norm: Norm, ref: str) -> None:
    """ "The previous Friday": the named weekday before (or after) a day-precise story date."""
    _, sign, weekday = (norm.ctx_ref or "").split(":")
    norm.value = weekday_from(dt.date.fromisoformat(ref), int(weekday), int(sign)).isoformat()


def _reported(
    last: tuple[int, int, int] | None, start: int, year: int, quarter: int, norm: Norm
) -> tuple[int, int, int]:
    """The quarter a report is on after a quarter named at ``start``: an earlier quarter of the
    same year named while a report goes on is its history ("after a flat second quarter" in a
    report on the third), which keeps the reported one (and its distance) going; another
    year's quarter is named for itself ("the year-ago quarter, the second quarter ended Oct.
    31, 1988" ... "that quarter")."""
    if (
        last is not None
        and year == last[1]
        and quarter < last[2]
        and norm.quarter_role != "fiscal"
        and start - last[0] <= SAME_WINDOW
    ):
        return (start, last[1], last[2])
    return (start, year, quarter)


def resolve(items: list[tuple[int, Norm]]) -> None:
    """``items``: (start offset, norm) in text order; values are updated in place."""
    last: tuple[int, int, int] | None = None  # (offset, year, quarter)
    last_date: tuple[int, str] | None = None  # (offset, value) of the last absolute date
    last_day: tuple[int, str] | None = None  # (offset, YYYY-MM-DD) of the last day named
    for start, norm in items:
        ref = norm.ctx_ref
        if ref is None:
            m = _QUARTER.match(norm.value)
            if m and norm.quarter_role != "upcoming":
                last = _reported(last, start, int(m.group(1)), int(m.group(2)), norm)
            if _ABSOLUTE.match(norm.value):
                last_date = (start, norm.value)
            if _DAY.match(norm.value):
                last_day = (start, norm.value[:10])
            continue
        if ref.startswith("narrday:"):
            if last_day is not None and start - last_day[0] <= CLOCK_WINDOW:
                _, shift, suffix = ref.split(":", 2)
                day = dt.date.fromisoformat(last_day[1]) + dt.timedelta(days=int(shift))
                norm.value = day.isoformat() + suffix
            continue
        if ref.startswith("narrwd:"):
            if last_day is not None and start - last_day[0] <= WEEKDAY_WINDOW:
                _narrative_weekday(norm, last_day[1])
            continue
        if ref.startswith("narrend:"):
            if last_date is not None and start - last_date[0] <= NARRATIVE_WINDOW:
                _narrative_end(norm, last_date[1])
            continue
        if ref.startswith("narr"):
            if ref.endswith(":yearback") and last and start - last[0] <= YEARBACK_WINDOW:
                norm.value = f"{last[1] - 1}-Q{last[2]}"
            elif last_date is not None and start - last_date[0] <= NARRATIVE_WINDOW:
                _narrative(norm, last_date[1])
            continue
        if last is None:
            continue
        offset, year, quarter = last
        if ref.startswith("same") and start - offset <= SAME_WINDOW:
            _, _, given_year = ref.partition(":")
            norm.value = f"{given_year or year}-Q{quarter}"
            if not given_year:
                last = (start, year, quarter)  # "the quarter" keeps the report going
        elif ref == "yearback" and start - offset <= YEARBACK_WINDOW:
            norm.value = f"{year - 1}-Q{quarter}"
