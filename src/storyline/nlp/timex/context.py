"""Resolving expressions that lean on the document's other expressions.

In company reports "the quarter" is the quarter the report is about, and "a year ago" or "the
year-earlier period" is that same quarter one year back ("third-quarter profit rose from a year
ago" -> 1988-Q3 when the report is on 1989-Q3). The normaliser marks such expressions
(``Norm.ctx_ref``); this pass gives them the value of the last explicit quarter mentioned
before them, when there is one close enough.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from fractions import Fraction

from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.normalise import Norm
from storyline.nlp.timex.values import quarter_value, weekday_from

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
SAME_WINDOW = 2500  # characters back for "the quarter"
# characters back for "a year ago" (about two paragraphs; "the quarter" on the way renews it):
# TBAQ 600 -> 1000 gives +3 and loses none, 1500 the same, 2500 one less
YEARBACK_WINDOW = 1000
# characters back from "the same period last year" to a month it compares (one sentence)
MONTH_BACK_WINDOW = 200
NARRATIVE_WINDOW = 400  # characters back for the date "a year earlier" counts from
# "the previous Friday" looks further back for its day than "a year earlier" for its date: a
# weekday story keeps to one day over several paragraphs.
WEEKDAY_WINDOW = 1000
# "At 10 p.m." takes the story's day only from close by (about two sentences): further on, a
# day named in the background ("passed on March 3") is no longer the day being told.
CLOCK_WINDOW = 500
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ABSOLUTE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_DAY_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")
# A part of a year told with its year ("summer 1972" = 1972-SU, "the third quarter of 2005"):
# no date for "a year earlier" to count from, but the year that "that summer" or "In March
# that year" after it refer to.
_YEAR_PART = re.compile(r"^(\d{4})-(?:SP|SU|FA|WI|Q[1-4]|H[12])$")
_SMALL_HOURS = re.compile(r"^T0[0-5]")


def _night_after(value: str) -> str:
    """The day a TIME gives later clock times: "last night" (…TNI) marks its day with "+", as
    "At 2 a.m." after it is in the small hours of the day after."""
    return value[:10] + ("+" if value.endswith("TNI") else "")


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
    if parts[0] == "narrel" and code == "W":
        # "from 171 million dollars the previous week", after "close on Friday": the week
        # before the story's, not a day of it
        norm.value = cal.iso_week(moved)
        return
    value = moved.isoformat()[: {1: 4, 2: 7, 3: 10}[precision]]
    if parts[3:] == ["streak"] and _DAY.match(norm.value) and value > norm.value:
        return  # a run of days ends no later than the report: not on a day still to come
    norm.value = value


def _weekday_of(day: str) -> int | None:
    """The ISO weekday of a YYYY-MM-DD value, None past the calendar."""
    try:
        return dt.date.fromisoformat(day).isoweekday()
    except ValueError:
        return None


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


_MONTH = re.compile(r"^\d{4}-\d{2}$")


def _month_since(last_date: tuple[int, str] | None, quarter_at: int, start: int) -> bool:
    """True when a month was named after the last quarter and close before ``start``: "core
    consumer prices up 0.1 percent in October from a year earlier" (after "third-quarter
    growth") compares Octobers, not quarters."""
    return (
        last_date is not None
        and last_date[0] > quarter_at
        and start - last_date[0] <= NARRATIVE_WINDOW
        and _MONTH.match(last_date[1]) is not None
    )


# "the next day" / "the previous day" / "later that day" look as far back for the story's day as
# "the previous Friday" does for its own (WEEKDAY_WINDOW): a told day keeps over a few
# paragraphs. ("the same day" without "that" is as often "one and the same day".)
_NEXT_DAY_REFS = frozenset({"narrel:1:D", "narrel:-1:D", "narrel:0:D:that"})


def _story_day(
    ref: str,
    last_date: tuple[int, str] | None,
    clock_day: tuple[int, str] | None,
    start: int,
    value: str,
) -> str | None:
    """The day "the next day" / "the previous day" / "later that day" counts from when no
    date was named close before it: the last day the story told (a date or a clock time's
    day, "Monday night"), within ``WEEKDAY_WINDOW``, if nothing less precise was named since
    ("in March" leaves the day unknown) and that day is before the DCT's own next/previous
    day (``value``): a story that has moved back in time."""
    if ref not in _NEXT_DAY_REFS or clock_day is None or start - clock_day[0] > WEEKDAY_WINDOW:
        return None
    if last_date is not None and last_date[0] > clock_day[0]:
        return None
    day = clock_day[1].rstrip("+")
    return day if _DAY.match(day) and _DAY.match(value) and day < value[:10] else None


_DECADE = re.compile(r"^\d{2,3}$")


def _story_decade(
    norm: Norm,
    start: int,
    decade: tuple[int, str] | None,
    last_date: tuple[int, str] | None,
) -> tuple[int, str] | None:
    """ "The city grew in the 1950s, and the following decade saw riots": the decade (or
    century) after the one told last, or after the year of the last date, within the
    narrative window; with neither, the DCT's reading stays. Returns the new story decade."""
    _, shift, digits = (norm.ctx_ref or "").split(":")
    width = int(digits)
    told: list[tuple[int, str]] = []
    if decade is not None and len(decade[1]) == width:
        told.append(decade)
    if last_date is not None and _ABSOLUTE.match(last_date[1]):
        told.append((last_date[0], last_date[1][:width]))
    told = [t for t in told if start - t[0] <= NARRATIVE_WINDOW]
    if not told:
        return None
    _, base = max(told)
    norm.value = f"{int(base) + int(shift):0{width}d}"
    return (start, norm.value)


def resolve(items: list[tuple[int, Norm]]) -> None:
    """``items``: (start offset, norm) in text order; values are updated in place."""
    last: tuple[int, int, int] | None = None  # (offset, year, quarter)
    last_date: tuple[int, str] | None = None  # (offset, value) of the last absolute date
    last_day: tuple[int, str] | None = None  # (offset, YYYY-MM-DD) of the last day named
    # A clock time ("arrived at about 8 p.m.") also takes the day of a time before it that has
    # its own day ("at 1 a.m. Tuesday", "on Friday evening"); "the previous Friday" does not
    # count from such a time (TimeBank wsj_0586 loses its value if it does).
    clock_day: tuple[int, str] | None = None
    days: list[str] = []  # every day-precise date named so far (for "that Thursday")
    year_part: tuple[int, str] | None = None  # (offset, value) of the last season/quarter/half
    decade: tuple[int, str] | None = None  # (offset, value) of the last decade or century
    for start, norm in items:
        ref = norm.ctx_ref
        if ref is None and _DECADE.match(norm.value):
            decade = (start, norm.value)
        if ref is not None and ref.startswith("narrdec:"):
            decade = _story_decade(norm, start, decade, last_date) or decade
            continue
        if ref is None and norm.kind == "offset":
            continue  # "about an hour ago" from a DCT with no clock: a guessed day, no story day
        if ref is None:
            m = _QUARTER.match(norm.value)
            if m and norm.quarter_role != "upcoming":
                last = _reported(last, start, int(m.group(1)), int(m.group(2)), norm)
            if _ABSOLUTE.match(norm.value):
                last_date = (start, norm.value)
            elif _YEAR_PART.match(norm.value):
                year_part = (start, norm.value)
            if _DAY.match(norm.value):
                last_day = clock_day = (start, norm.value[:10])
                days.append(norm.value[:10])
            elif _DAY_TIME.match(norm.value):
                clock_day = (start, _night_after(norm.value))
            continue
        if ref == "stamp":  # a live blog's "11:45 am:": the entry is on that day
            last_day = clock_day = (start, norm.value[:10])
            continue
        if ref.startswith("narrday:"):
            if clock_day is not None and start - clock_day[0] <= CLOCK_WINDOW:
                _, shift, suffix = ref.split(":", 2)
                day_value = clock_day[1]
                if day_value.endswith("+"):  # after a night: the small hours are the next day
                    day_value = day_value[:-1]
                    shift = str(int(shift) + (1 if _SMALL_HOURS.match(suffix) else 0))
                try:
                    day = dt.date.fromisoformat(day_value) + dt.timedelta(days=int(shift))
                except OverflowError:  # the small hours after 9999-12-31: past the calendar
                    continue
                norm.value = day.isoformat() + suffix
            continue
        if ref == "thatyear":
            # "SARS emerged in 2003. In March that year": the month of the year named last
            told = max(
                (t for t in (last_date, year_part) if t is not None),
                key=lambda t: t[0],
                default=None,
            )
            if told is not None and start - told[0] <= NARRATIVE_WINDOW:
                norm.value = told[1][:4] + norm.value[4:]
            if _ABSOLUTE.match(norm.value):
                last_date = (start, norm.value)
            elif _YEAR_PART.match(norm.value):
                year_part = (start, norm.value)
            continue
        if ref.startswith("narrthat:"):
            # "that Thursday": the last day named before it on that weekday, however far
            weekday = int(ref.split(":")[1])
            named = next((d for d in reversed(days) if _weekday_of(d) == weekday), None)
            if named is not None:
                norm.value = named + norm.value[10:]
                last_day = clock_day = (start, named)
                last_date = (start, named)
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
            if (
                ref.endswith(":yearback")
                and last
                and start - last[0] <= YEARBACK_WINDOW
                and not _month_since(last_date, last[0], start)
            ):
                norm.value = quarter_value(last[1] - 1, last[2])
            elif last_date is not None and start - last_date[0] <= NARRATIVE_WINDOW:
                _narrative(norm, last_date[1])
                if ref in _NEXT_DAY_REFS and _DAY.match(last_date[1]) and _DAY.match(norm.value):
                    # "on March 14 ... the next day ... The following day": the day told
                    # moves on with the story
                    last_day = clock_day = last_date = (start, norm.value)
            elif (story := _story_day(ref, last_date, clock_day, start, norm.value)) is not None:
                _narrative(norm, story)
                last_day = clock_day = last_date = (start, norm.value)
            continue
        if (
            ref == "yearback:month"
            and last_date is not None
            and start - last_date[0] <= MONTH_BACK_WINDOW
            and _month_since(last_date, last[0] if last else -1, start)
        ):
            # "Car sales fell 20 percent in April from the same period last year": that month
            # a year back, not the last quarter's
            year_text, month_text = last_date[1].split("-")
            norm.value = f"{int(year_text) - 1:04d}-{month_text}"
            continue
        if last is None:
            continue
        offset, year, quarter = last
        if ref.startswith("same") and start - offset <= SAME_WINDOW:
            _, _, given_year = ref.partition(":")
            norm.value = quarter_value(int(given_year or year), quarter)
            if not given_year:
                last = (start, year, quarter)  # "the quarter" keeps the report going
        elif ref in ("yearback", "yearback:month") and start - offset <= YEARBACK_WINDOW:
            norm.value = quarter_value(year - 1, quarter)


# --- coordinated dates --------------------------------------------------------------------------

# What joins two members of one list or range of dates: "May and June", "Monday or Tuesday",
# "from May to July", "May 30 through June 2", "June-July"; a preposition or a position word
# may be repeated ("in May and in June", "in May and early June").
_JOINT = re.compile(
    # "on Monday in Northern Ireland and Tuesday in Scotland": each member may carry its place
    r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}(?=\s*(?:,|and\b|or\b)))?"
    r"\s*(?:(,)\s*(?:(and|or)\s+)?|(and|or|&)\s+|(to|through|until|till)\s+|(-|–)\s*)"
    r"(?:(?:in|on|of)\s+)?(?:(?:early|mid|late|the\s+end\s+of)[\s-]+)?",
    re.IGNORECASE,
)
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
_DAY_VALUE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)(T.*)?$")


def _joint(text: str, end: int, start: int) -> str | None:
    """ "," for a bare comma, "list" for "and"/"or", "range" for "to", "through", a dash;
    None when the gap is no joint."""
    m = _JOINT.fullmatch(text, end, start)
    if m is None:
        return None
    if m.group(1) and not m.group(2):
        return ","
    return "range" if m.group(4) or m.group(5) else "list"


def _day(norm: Norm) -> dt.date | None:
    """The date a month ("2020-06": its first day), a day or a weekday stands for."""
    if norm.kind == "month":
        m = _MONTH_VALUE.match(norm.value)
        return dt.date(int(m.group(1)), int(m.group(2)), 1) if m else None
    m = _DAY_VALUE.match(norm.value)
    return cal.safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _calendar_key(kind: str, day: dt.date) -> tuple[int, int]:
    return (day.isoweekday(), 0) if kind == "weekday" else (day.month, day.day)


def _over_weekend(kind: str, a: dt.date, b: dt.date) -> bool:
    """ "on Sunday or Monday", "Friday and Monday": weekdays a few days apart across the week's
    end are one list ("Monday and Sunday", six days on, stay two days of their own)."""
    return kind == "weekday" and (b.isoweekday() - a.isoweekday()) % 7 <= 3


def _over_year_end(kind: str, a: dt.date, b: dt.date) -> bool:
    """ "beginning in November, December and January": months a few apart across the year's
    end are one list ("April and February" stay two months of their own)."""
    return kind == "month" and b.month < a.month and (b.month - a.month) % 12 <= 3


def _moved(kind: str, ref: dt.date, own: dt.date, sign: int) -> dt.date | None:
    """``own``'s month, day or weekday in the first occurrence after (sign 1) or before (-1)
    ``ref``, or ``ref``'s own when they are the same."""
    if kind == "weekday":
        step = sign * ((own.isoweekday() - ref.isoweekday()) * sign % 7)
        try:
            return ref + dt.timedelta(days=step)
        except OverflowError:  # "Friday and Monday" at the calendar's end: no stretch to lay out
            return None
    key_ref, key_own = (ref.month, ref.day), (own.month, own.day)
    year = ref.year + (sign if (key_own < key_ref if sign > 0 else key_own > key_ref) else 0)
    return cal.safe_date(year, own.month, own.day)


def _set_day(norm: Norm, day: dt.date) -> None:
    if norm.kind == "month":
        norm.value = f"{day.year}-{day.month:02d}"
        return
    m = _DAY_VALUE.match(norm.value)
    norm.value = day.isoformat() + ((m.group(4) or "") if m else "")


def _distance(days: list[dt.date], dct: dt.date) -> int:
    """Days from the DCT to the stretch the members cover (0 inside it)."""
    if days[0] <= dct <= days[-1]:
        return 0
    return min(abs((days[0] - dct).days), abs((days[-1] - dct).days))


def _spread(kind: str, days: list[dt.date], anchor: int, sign: int) -> list[dt.date] | None:
    """The members' dates laid out in order from the member at ``anchor``: each one after the
    member before it (sign 1, from the first) or before the member after it (sign -1)."""
    out = list(days)
    order = range(anchor + 1, len(days)) if sign > 0 else range(anchor - 1, -1, -1)
    for i in order:
        moved = _moved(kind, out[i - sign], days[i], sign)
        if moved is None:
            return None
        out[i] = moved
    return out


def _lay_out(members: list[Norm], dct: dt.date | None) -> None:
    """Give the members of one list or range the years (or weeks) of one stretch: those that
    follow the tense alone follow the first member, or, when the first follows the tense as
    well, whichever of the first and the last gives the stretch nearest the DCT ("from January
    to July, this figure will reach" said in May: January to July of this year; a week's
    days always follow the first)."""
    kind = members[0].kind or ""
    days = [_day(n) for n in members]
    if any(d is None for d in days) or not any(n.free for n in members):
        return
    known = [d for d in days if d is not None]
    options = []
    forward = _spread(kind, known, 0, 1)
    if forward is not None:
        options.append(forward)
    # A week's days are not laid back over the DCT: "will be open on Monday through Friday"
    # said on a Friday is next week's, though this week's would hold the DCT.
    # Months across the year's end ("in November, December and January") follow their first
    # member, as its tense read it: laid back from January they would be last winter's
    # whatever the clause says.
    wraps = kind == "month" and any(b.month < a.month for a, b in itertools.pairwise(known))
    if kind != "weekday" and not wraps and members[0].free and members[-1].free and dct is not None:
        backward = _spread(kind, known, len(known) - 1, -1)
        if backward is not None:
            options.append(backward)
    if not options:
        return
    best = min(options, key=lambda o: _distance(o, dct)) if dct is not None else options[0]
    for norm, old, new in zip(members, known, best, strict=True):
        if norm.free and new != old:
            _set_day(norm, new)


_BETWEEN = re.compile(r"\bbetween\s+$", re.IGNORECASE)


def _clock_ranges(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """ "from 10:30 a.m. to noon on Saturday", "between 8 a.m. and 5 p.m. Monday": a clock
    time with no day of its own that opens a range takes the day of the time that closes it,
    not the day the story is at."""
    for (start, end, first), (nstart, _, second) in itertools.pairwise(items):
        if first.kind != "clock" or second.type != "TIME" or second.kind == "clock":
            continue
        joint = _joint(text, end, nstart)
        between = joint == "list" and _BETWEEN.search(text, max(0, start - 10), start)
        day, clock = _DAY_VALUE.match(second.value), first.value.partition("T")[2]
        if day is None or not day.group(4) or not clock or not (joint == "range" or between):
            continue
        first.value = f"{second.value[:10]}T{clock}"
        first.ctx_ref = None


# "from 11 a.m. to 1:30 yesterday": a bare h:mm closing the range, then the range's day (the
# h:mm itself is joined to the day later, in the tagger's post-passes)
_BARE_END_BEFORE_DAY = re.compile(
    r"\s*(?:to|until|till|through|[-\u2013])\s*(?:1[0-2]|0?[1-9]):[0-5]\d\s+(?:on\s+)?"
)
_ON_DAY = re.compile(r"\s+(?:on\s+)?")
# a clock time whose half of the day is said: "9:15 p.m.", "9 am", "noon"
_MERIDIEM = re.compile(r"\d\s*(?:[ap]\.m\.?|[ap]m\b)|\bnoon\b|\bmidday\b", re.IGNORECASE)
# a clock time that leaves its half of the day open: "11:45", "2:30" (not "06:30", a 24-hour
# clock, nor "14:30")
# A bare clock may carry its own day after it ("until 11:45 on Tuesday"): still no half of the day.
_BARE_CLOCK = re.compile(
    r"(?:at\s+|by\s+)?(?:1[0-2]|[1-9]):[0-5]\d(?:,?\s+(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?"
)
_CLOCK_VALUE = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d):(\d\d)$")
# a sentence ends between two clock times (then the second is not read from the first)
_SENTENCE_END = re.compile(r"[.!?;]\s|\n")


def _range_day_at_end(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """ "from 11 a.m. to 1:30 yesterday": the day named at a range's end is the day of its
    start too, as in "from 10:30 a.m. to noon on Saturday" (``_clock_ranges``)."""
    for (fstart, end, first), (nstart, _, second) in itertools.pairwise(items):
        if first.kind != "clock" or second.type != "DATE" or second.mod:
            continue
        clock = first.value.partition("T")[2]
        if not clock or not _DAY.match(second.value):
            continue
        said = _MERIDIEM.search(text, fstart, end) is not None
        if said and _BARE_END_BEFORE_DAY.fullmatch(text, end, nstart):
            first.value = f"{second.value}T{clock}"
            first.ctx_ref = None
    # "from 11 a.m. to 1:30 p.m. yesterday": the end is a clock time of its own
    for (_, end, first), (mstart, mend, middle), (nstart, _, last) in zip(
        items, items[1:], items[2:], strict=False
    ):
        if first.kind != "clock" or middle.kind != "clock" or last.type != "DATE" or last.mod:
            continue
        clock = first.value.partition("T")[2]
        if not clock or not _DAY.match(last.value) or _joint(text, end, mstart) != "range":
            continue
        if _ON_DAY.fullmatch(text, mend, nstart):
            first.value = f"{last.value}T{clock}"
            first.ctx_ref = None


def first_after(start: tuple[int, int], hour: int, minute: int) -> int | None:
    """The hour (0-23) of the first reading of a bare ``hour:minute`` (1:30 or 13:30) that is
    later than ``start`` (hour, minute) on the same day, or None when neither reading is."""
    later = [h for h in (hour % 12, hour % 12 + 12) if (h, minute) > start]
    return later[0] if later else None


def _bare_clocks(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """A clock time with no a.m./p.m. after one with its half of the day said, in the same
    sentence and on the same day, is its first reading after it: "school now starts at 9 am
    and we end at 2:30" -> 14:30, "the game began at 7:30 p.m. ... at 8:04" -> 20:04. A range
    ("from 9:15 p.m. until 11:45") runs past midnight when neither reading is later ("from
    10 p.m. until 1:30" -> 01:30 the next day); outside a range the reading is then left as it
    is ("at 9 p.m., having left at 4:30"). A 24-hour clock ("06:30") is no bare clock."""
    said: set[int] = set()  # the bare clocks read here: their half of the day is now known
    for (fstart, end, first), (nstart, nend, second) in itertools.pairwise(items):
        # the second may name its own day ("until 11:45 on Tuesday": kind "weekday")
        if first.kind != "clock" or second.kind not in ("clock", "weekday"):
            continue
        a, b = _CLOCK_VALUE.match(first.value), _CLOCK_VALUE.match(second.value)
        if a is None or b is None or a.group(1) != b.group(1):
            continue
        if not _BARE_CLOCK.fullmatch(text, nstart, nend) or _SENTENCE_END.search(text, end, nstart):
            continue
        if not _MERIDIEM.search(text, fstart, end) and id(first) not in said:
            continue
        start = (int(a.group(2)), int(a.group(3)))
        hour, minute = int(b.group(2)), int(b.group(3))
        new_hour = first_after(start, hour, minute)
        day = a.group(1)
        if new_hour is None:
            if second.kind == "weekday":
                continue  # "from 10 p.m. until 1:30 on Tuesday": its day is said; left as it is
            if _joint(text, end, nstart) != "range":
                continue
            new_hour = hour % 12
            after = cal.next_day(day)
            if after is None:
                continue  # past midnight after 9999-12-31: the reading is left as it is
            day = after
        second.value = f"{day}T{new_hour:02d}:{minute:02d}"
        said.add(id(second))


def _range_past_midnight(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """ "from 10:30 p.m. Aug. 9 to 6:30 a.m.", "a 10 p.m. to 5 a.m. curfew": a range whose
    closing clock time, its half of the day said and no day of its own, is earlier on the
    clock than the time that opens it runs past midnight into the next day. The closing time
    takes its day from the story later (``resolve``, "narrday"), so the shift goes into its
    reference. (A bare "1:30" closing such a range is read in ``_bare_clocks``.)"""
    for (_, end, first), (nstart, nend, second) in itertools.pairwise(items):
        if second.kind != "clock" or first.type != "TIME":
            continue
        a, b = _CLOCK_VALUE.match(first.value), _CLOCK_VALUE.match(second.value)
        if a is None or b is None:
            continue
        if _joint(text, end, nstart) != "range" or not _MERIDIEM.search(text, nstart, nend):
            continue
        if (int(b.group(2)), int(b.group(3))) >= (int(a.group(2)), int(a.group(3))):
            continue
        ref = second.ctx_ref
        if ref is not None and not ref.startswith("narrday:0:"):
            continue
        if ref is None and a.group(1) != b.group(1):
            continue
        after = cal.next_day(b.group(1))
        if after is None:
            continue
        second.value = f"{after}T{b.group(2)}:{b.group(3)}"
        if ref is not None:
            second.ctx_ref = "narrday:1:" + ref.split(":", 2)[2]


_APPOSITION = re.compile(r"\s*,\s*")
# "Thursday [March 26]", "today [April 3]", "about an hour ago [on April 2]": an editor's (or a
# writer's) bracketed date right after the expression, the bracket closed right after it
_BRACKET_OPEN = re.compile(r"\s*[\[(]\s*(?:on\s+)?")
_BRACKET_CLOSE = re.compile(r"\s*[\])]")
_WEEK_VALUE = re.compile(r"^\d{4}-W\d\d$")
_WRITTEN = re.compile(r"\d")


def _bracketed(text: str, end: int, nstart: int, nend: int) -> bool:
    return bool(_BRACKET_OPEN.fullmatch(text, end, nstart) and _BRACKET_CLOSE.match(text, nend))


def _weekday_apposition(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """ "Tuesday afternoon, April 28, 2020": a weekday (with a part of the day, which keeps it
    a tag of its own) followed by a comma and a date on that weekday is that date, whatever the
    tense says ("Shoppers wait in line Tuesday afternoon, April 28, 2020" in a photo caption was
    the coming Tuesday with a parse). A date on another weekday leaves it alone. A date in
    brackets right after it is one too ("Then probably Thursday [March 26], I went", "When I
    come to work Monday morning [March 23]" in an interview published in April)."""
    for (_, end, first), (nstart, nend, second) in itertools.pairwise(items):
        if first.kind != "weekday":
            continue
        if not _APPOSITION.fullmatch(text, end, nstart) and not _bracketed(text, end, nstart, nend):
            continue
        own, written = _day(first), _day(second)
        # only a calendar date ("April 28", "April 28, 2020"): a clock time after the comma
        # ("Monday - Friday, 8:30 a.m.") still has the DCT's day here, not one of its own
        if second.kind not in (None, "day") or second.ctx_ref is not None:
            continue
        if second.type != "DATE" or own is None or written is None:
            continue
        if written.isoweekday() == own.isoweekday() and written != own:
            _set_day(first, written)
            first.free = False


def _bracketed_day(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """ "He hasn't called me today [April 3]", "as of about an hour ago [on April 2]", "As of
    last week [the week of March 30]": a day or week counted from the DCT, written in words,
    with a bracketed date of the same kind right after it is that date (the quote was said
    then, not on the DCT). A weekday is ``_weekday_apposition``'s; a written date keeps its
    own value."""
    for (start, end, first), (nstart, nend, second) in itertools.pairwise(items):
        if first.kind not in (None, "offset") or first.ctx_ref is not None or second.mod:
            continue
        if second.type != "DATE" or not _bracketed(text, end, nstart, nend):
            continue
        if any(c.isdigit() for c in text[start:end]) or not _WRITTEN.search(text, nstart, nend):
            continue  # "today (Tuesday)": no written date in the brackets
        if _DAY_VALUE.match(first.value) and _DAY.match(second.value):
            _set_day(first, dt.date.fromisoformat(second.value))
        elif _WEEK_VALUE.match(first.value) and _WEEK_VALUE.match(second.value):
            first.value = second.value


# "overnight on Thursday", "overnight Tuesday", "overnight into Friday": a day right after it
_OVERNIGHT_BEFORE = re.compile(r"\s+(?:on\s+|into\s+)?")


def _overnight_day(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """ "Two men have been captured overnight on Thursday", "overnight Tuesday to Wednesday",
    "Tuesday overnight": "overnight" (the DCT's night alone) tied to a day named right after or
    before it is that day's night, as "Thursday night" is (…TNI of the day named). A day
    further off ("overnight, and on Thursday") leaves it the DCT's night."""
    for k, (start, end, norm) in enumerate(items):
        if text[start:end].lower() != "overnight" or not norm.value.endswith("TNI"):
            continue
        day: dt.date | None = None
        joint = (
            _OVERNIGHT_BEFORE.fullmatch(text, end, items[k + 1][0]) if k + 1 < len(items) else None
        )
        if joint is not None and items[k + 1][2].type == "DATE":
            day = _day(items[k + 1][2]) if _DAY_VALUE.fullmatch(items[k + 1][2].value) else None
            if day is not None and "into" in joint.group(0):
                day -= dt.timedelta(days=1)  # "overnight into Friday": Thursday's night
        if day is None and k and re.fullmatch(r"\s+", text[items[k - 1][1] : start]):
            prev = items[k - 1][2]
            if prev.type == "DATE" and _DAY_VALUE.fullmatch(prev.value):
                day = _day(prev)
        if day is not None:
            norm.value = f"{day.isoformat()}TNI"


def _range_start_ahead(text: str, items: list[tuple[int, int, Norm]], dct: dt.date | None) -> None:
    """ "The lockdown runs from Sunday through May 30" (said on Saturday 16 May), "from Monday
    until June 1": a weekday whose day came from the tense alone, starting a range whose end
    (a date or a month) is still ahead, is the coming one when that is not past the end; the
    tense had taken the one gone (a week before). A range that ended already, a weekday with
    "last"/"next" or one a past tense chose ("were closed from Monday to May 30") keeps its
    value."""
    if dct is None:
        return
    for (_, end, first), (start, _, second) in itertools.pairwise(items):
        if first.kind != "weekday" or not first.free or first.past:
            continue
        if second.kind not in ("day", "month"):
            continue
        if second.type != "DATE" or second.mod or _joint(text, end, start) != "range":
            continue
        own, until = _day(first), _day(second)
        if own is None or until is None or own >= dct:
            continue
        if second.kind == "month":
            until = cal.month_end(until.year, until.month)
        coming = own + dt.timedelta(weeks=-(-(dct - own).days // 7))
        if until > dct and coming <= until:
            _set_day(first, coming)


_SEASON_VALUE = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_SEASON_ORDER = {"SP": 0, "SU": 1, "FA": 2, "WI": 3}
_OWN_YEAR = re.compile(r"\d|\b(?:last|next|this|past|coming|previous|following)\b", re.I)


def _season_lists(text: str, items: list[tuple[int, int, Norm]]) -> None:
    """A season joined to the season before it by "and", "or", "to", "through" ("we hope to
    know that in the late fall and early winter", said in May; "from fall to spring") runs on
    from it: the first such season at or after it, not the one the tense alone gave (the
    winter gone). A member with its own year or "last"/"next" keeps its value."""
    for (_, end, prev), (start, stop, nxt) in itertools.pairwise(items):
        a, b = _SEASON_VALUE.match(prev.value), _SEASON_VALUE.match(nxt.value)
        if a is None or b is None or _OWN_YEAR.search(text, start, stop):
            continue
        joint = _joint(text, end, start)
        if joint not in ("list", "range"):
            continue
        first, second = _SEASON_ORDER[a.group(2)], _SEASON_ORDER[b.group(2)]
        if (int(b.group(1)), second) >= (int(a.group(1)), first):
            continue
        year = int(a.group(1)) + (0 if second > first else 1)
        nxt.value = f"{year:04d}-{b.group(2)}"


def _member_after(text: str, items: list[tuple[int, int, Norm]], k: int) -> int:
    """The index of the list member after ``items[k]``: the next item, or past a clock time
    that starts a range ending in a weekday's time ("4 to 7 p.m. Friday, and 11 a.m. to 2 p.m.
    Saturday and Sunday": Saturday follows Friday; the 11 a.m. takes its day from 2 p.m.
    Saturday, ``_clock_ranges``)."""
    k1 = k + 1
    if (
        items[k][2].kind == "weekday"
        and items[k1][2].kind == "clock"
        and k1 + 1 < len(items)
        and items[k1 + 1][2].kind == "weekday"
        and _joint(text, items[k1][1], items[k1 + 1][0]) == "range"
    ):
        return k1 + 1
    return k1


def coordinate(text: str, items: list[tuple[int, int, Norm]], dct: dt.date | None) -> None:
    """Dates of one kind in a list or a range ("to cut output in May and June", "elections in
    August and November", "from Saturday to Monday"): the members whose year or week came from
    the tense alone are laid out as one stretch (``_lay_out``), which the tense read member by
    member may split ("in August" untensed, "November" the nearest, a year back).

    A bare comma joins only inside a list that ends with "and"/"or" ("May, June and July"):
    "On Monday, Tuesday's vote" is no list. In a list (not a range) a member earlier in the
    calendar than the one before it ends the list: "died April 15 and April 7" is two days of
    one April, not April 7 of the next year. ``items``: (start, end, norm) in text order."""
    i = 0
    while i < len(items):
        chain = [i]
        joints: list[str] = []
        while chain[-1] + 1 < len(items):
            following = _member_after(text, items, chain[-1])
            (_, end, prev), nxt = items[chain[-1]], items[following][2]
            joint = _joint(text, end, items[chain[-1] + 1][0])  # to the range's clock, if any
            if joint is None or prev.kind in (None, "clock", "offset") or nxt.kind != prev.kind:
                break
            if joint != "range":
                a, b = _day(prev), _day(nxt)
                if a is None or b is None:
                    break
                if (
                    _calendar_key(prev.kind, b) < _calendar_key(prev.kind, a)
                    and not _over_weekend(prev.kind, a, b)
                    and not _over_year_end(prev.kind, a, b)
                ):
                    break
            chain.append(following)
            joints.append(joint)
        while joints and joints[-1] == ",":  # "On Monday, Tuesday's": a trailing bare comma
            joints.pop()
            chain.pop()
        if len(chain) > 1:
            _lay_out([items[k][2] for k in chain], dct)
        i = chain[-1] + 1
    _season_lists(text, items)
    _clock_ranges(text, items)
    _range_day_at_end(text, items)
    _bare_clocks(text, items)
    _range_past_midnight(text, items)
    _weekday_apposition(text, items)
    _bracketed_day(text, items)
    _overnight_day(text, items)
    _range_start_ahead(text, items, dct)
