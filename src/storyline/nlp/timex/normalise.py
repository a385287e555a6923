"""Normalisation: from a rule's match to a TIMEX3 type, value and mod, against the DCT.

One function per rule family (the part of a rule's name before the dot). Each returns a
``Norm`` or None to reject the match (a month name that is really a verb, "1500 people"...).
Without a DCT, relative expressions keep TimeML's unknown digits ("XXXX-11-21").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.lexicon import Unit, key, lexicon
from storyline.nlp.timex.patterns import group
from storyline.nlp.timex.tense import Tense

# Words before a lone ambiguous month name ("May", "March") that make it a month.
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|last|next|this|"
    r"early|late|mid|end|beginning|between|and|or|each|every|since|for|on)\s*-?\s*)$",
    re.IGNORECASE,
)
_SEASON_CUES = re.compile(
    r"\b(?:in|the|this|last|next|past|coming|early|late|mid|by|until|since|during)\s+$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"^(\d+)(?:[.,](\d+))?(?:\s+(\d)/(\d))?$")
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(slots=True)
class Norm:
    type: str
    value: str
    mod: str | None = None
    quant: str | None = None
    freq: str | None = None
    # Resolved later from the document's other expressions (see context.py): "same" = the
    # quarter last talked about, "yearback" = that quarter a year earlier.
    ctx_ref: str | None = None
    # A shorter extent than the rule matched (the match ends with a word that is not part of
    # the expression, as "earlier" in "a month earlier than usual").
    end: int | None = None


@dataclass(slots=True)
class Ctx:
    text: str
    start: int
    end: int
    dct: dt.date | None
    rule: str
    tense_of: Callable[[], Tense]

    @property
    def before(self) -> str:
        return self.text[max(0, self.start - 30) : self.start]

    def tense(self) -> Tense:
        return self.tense_of()


# --- small readers ---------------------------------------------------------------------------


def _mod(m: re.Match[str]) -> str | None:
    lex = lexicon()
    pos = group(m, "pos")
    if pos:
        return lex.positions.get(key(pos)) or lex.positions.get(key(pos).rstrip("-"))
    mod = group(m, "mod")
    if mod:
        return lex.modifiers.get(key(mod))
    return None


def number(text: str) -> Fraction | None:
    """A quantity word or figure as a number; None for a vague one ("several")."""
    t = key(text).replace("-", " ")
    if t.endswith(" and a half"):
        whole = number(t[: -len(" and a half")])
        return None if whole is None else whole + Fraction(1, 2)
    lex = lexicon()
    if t in lex.numbers:
        v = lex.numbers[t]
        return None if v == "X" else Fraction(v)
    m = _DIGITS.match(t)
    if m:
        digits, frac, num, den = m.groups()
        if frac is not None and "," in text and len(frac) == 3:
            value = Fraction(int(digits + frac))  # "1,000"
        elif frac is not None:
            value = Fraction(f"{digits}.{frac}")
        else:
            value = Fraction(int(digits))
        if num and den and int(den):
            value += Fraction(int(num), int(den))
        return value
    parts = t.split()
    if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
        return Fraction(lex.numbers[parts[0]]) + Fraction(lex.numbers[parts[1]])
    return None


def _full_month_name(month: int) -> str:
    return max((w for w, n in lexicon().months.items() if n == month), key=len)


def _month(m: re.Match[str]) -> int | None:
    word = group(m, "month")
    return lexicon().months.get(key(word)) if word else None


def _day(m: re.Match[str]) -> int | None:
    word = group(m, "day")
    if word is None:
        return None
    k = key(word)
    if k in lexicon().ordinals:
        return lexicon().ordinals[k]
    digits = re.match(r"\d+", k)
    return int(digits.group(0)) if digits else None


def _year(m: re.Match[str]) -> int | None:
    y = group(m, "year")
    return int(y) if y else None


def _weekday(m: re.Match[str]) -> int | None:
    w = group(m, "weekday")
    return lexicon().weekdays.get(key(w)) if w else None


def _capitalised(m: re.Match[str], name: str) -> bool:
    word = group(m, name)
    return word is not None and word[:1].isupper()


def _fmt_duration(n: Fraction | None, code: str, clock: bool, factor: int = 1) -> str:
    """P3M, PT15M, P10Y (a decade), PXW for a vague quantity; a fraction is spelled out in the
    next smaller unit: 2 1/2 years = P2Y6M, a minute and a half = PT1M30S."""
    prefix = "PT" if clock else "P"
    if n is None:
        return f"{prefix}X{code}"
    n = n * factor
    whole = int(n)
    rest = n - whole
    if rest == 0:
        return f"{prefix}{whole}{code}"
    smaller = _SMALLER.get((code, clock))
    if smaller is None or (rest * smaller[1]).denominator != 1:
        return f"{prefix}{float(n):g}{code}"
    small_code, mult, small_clock = smaller
    part = f"{int(rest * mult)}{small_code}"
    if not whole:
        return f"{'PT' if small_clock else 'P'}{part}"
    if small_clock and not clock:
        return f"P{whole}{code}T{part}"
    return f"{prefix}{whole}{code}{part}"


# The unit a fraction of a unit is spelled in: (code, clock) -> (smaller code, how many, clock).
_SMALLER: dict[tuple[str, bool], tuple[str, int, bool]] = {
    ("Y", False): ("M", 12, False),
    ("M", False): ("D", 30, False),
    ("W", False): ("D", 7, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, True),
    ("M", True): ("S", 60, True),
}


# --- resolving underspecified dates ------------------------------------------------------------


def resolve_weekday(weekday: int, dct: dt.date, tense: Tense, rel: str | None) -> dt.date:
    diff = weekday - dct.isoweekday()
    if rel in ("last", "past", "this past"):
        return dct + dt.timedelta(days=diff - 7 if diff >= 0 else diff)
    if rel in ("next", "coming", "this coming"):
        return dct + dt.timedelta(days=diff + 7 if diff <= 0 else diff)
    if rel == "this":
        return dct + dt.timedelta(days=diff)
    if diff == 0:
        return dct
    # A weekday in the present tense is a schedule: "the committee meets Friday".
    if tense in ("future", "present"):
        return dct + dt.timedelta(days=diff if diff > 0 else diff + 7)
    return dct + dt.timedelta(days=diff if diff < 0 else diff - 7)


def resolve_month_day(month: int, day: int, dct: dt.date, tense: Tense) -> dt.date | None:
    options = [
        d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := cal.safe_date(y, month, day))
    ]
    return cal.choose(options, dct, _direction(tense)) if options else None


def resolve_month(month: int, dct: dt.date, tense: Tense) -> int:
    if month == dct.month:
        return dct.year
    options = [dt.date(y, month, 15) for y in (dct.year - 1, dct.year, dct.year + 1)]
    return cal.choose(options, dct.replace(day=15), _direction(tense)).year


def _direction(tense: Tense) -> str | None:
    # News reports the past; the present tense of a date is usually a schedule ("meets Friday")
    # but is too mixed to trust, so it counts as unknown.
    return tense if tense in ("past", "future") else None


# --- the families ------------------------------------------------------------------------------


def norm_date(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month = _month(m)
    if month is None:
        nmonth = group(m, "nmonth")
        month = int(nmonth) if nmonth else None
    day = _day(m)
    if day is None and group(m, "nday"):
        day = int(group(m, "nday") or 0)
    if month is None or day is None:
        return None
    if group(m, "month") and not _capitalised(m, "month"):
        return None
    year = _year(m)
    mod = _mod(m)
    if year is not None:
        d = cal.safe_date(year, month, day)
        return Norm("DATE", d.isoformat(), mod) if d else None
    if cal.safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 passes
        return None
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", mod)
    d = resolve_month_day(month, day, ctx.dct, ctx.tense())
    return Norm("DATE", d.isoformat(), mod) if d else None


def norm_week(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the week of March 6": the ISO week holding that day."""
    day = norm_date(m, ctx)
    if day is None or not re.match(r"^\d{4}-\d\d-\d\d$", day.value):
        return day
    return Norm("DATE", cal.iso_week(dt.date.fromisoformat(day.value)))


def norm_month(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month = _month(m)
    if month is None or not _capitalised(m, "month"):
        return None
    word = key(group(m, "month") or "")
    mod = _mod(m)
    year = _year(m)
    rel = group(m, "rel")
    yrel = group(m, "yrel")
    if year is not None:
        return Norm("DATE", f"{year}-{month:02d}", mod)
    if rel is None and yrel is None:
        raw = group(m, "month") or ""
        # An abbreviation alone needs its full stop ("Aug."), and "May"/"March" alone need a
        # cue word before them ("in May"), or they are too often a verb or a name.
        if word != _full_month_name(month) and not raw.endswith("."):
            return None
        if word in lexicon().ambiguous_months and not mod and not _MONTH_CUES.search(ctx.before):
            return None
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}", mod)
    dct = ctx.dct
    if yrel:
        year = dct.year + {"last": -1, "this": 0, "next": 1}[yrel.lower()]
    elif rel:
        r = rel.lower()
        if r == "this":
            year = dct.year
        elif r in ("last", "past", "previous"):
            year = dct.year if month < dct.month else dct.year - 1
        else:
            year = dct.year if month > dct.month else dct.year + 1
    else:
        year = resolve_month(month, dct, ctx.tense())
    return Norm("DATE", f"{year}-{month:02d}", mod)


def norm_year(m: re.Match[str], ctx: Ctx) -> Norm | None:
    year = _year(m)
    if year is None:
        return None
    mod = _mod(m)
    whole = m.group(0)
    if group(m, "pos") is None and whole.strip().isdigit():
        # A bare number is a year only in a plausible range and not a count ("1500 people").
        if not 1600 <= year <= 2099:
            return None
        after = ctx.text[ctx.end : ctx.end + 12]
        before = ctx.text[max(0, ctx.start - 3) : ctx.start]
        if re.match(r"\s*(?:[-–]\s*\d|\.\d|,\d)", after) and not re.match(
            r"[-–/](?:1[0-9]|20)?\d\d(?!\d)", after
        ):
            return None  # "2024-555", "2013.5", but "2009-2010" and "2009-10" are years
        if re.search(r"(?:No\.|[#$€£]|\d[,.])\s*$", before):
            return None
    return Norm("DATE", str(year), mod)


def norm_decade(m: re.Match[str], ctx: Ctx) -> Norm | None:
    raw = group(m, "decade") or ""
    whole = m.group(0).lower()
    digits = raw.lstrip("'")
    if len(digits) == 4:
        return Norm("DATE", digits[:3], _mod(m))
    if not (raw.startswith("'") or whole.startswith("the") or "'" in whole):
        return None  # "in their 90s" is an age
    if not (raw.startswith("'") or whole.rstrip("s").endswith("'")):
        return None
    century = "19"
    if ctx.dct is not None and int(digits) <= ctx.dct.year % 100:
        century = str(ctx.dct.year // 100)
    return Norm("DATE", century + digits[0], _mod(m))


def norm_century(m: re.Match[str], ctx: Ctx) -> Norm | None:
    raw = key(group(m, "cent") or "")
    n = lexicon().ordinals.get(raw)
    if n is None:
        digits = re.match(r"\d+", raw)
        n = int(digits.group(0)) if digits else None
    if not n or n > 21:
        return None
    return Norm("DATE", f"{n - 1:02d}", _mod(m))


_QORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _previous_quarter(dct: dt.date | None) -> str:
    if dct is None:
        return "XXXX-QX"
    y, q0 = divmod(dct.year * 4 + (dct.month - 1) // 3 - 1, 4)
    return f"{y}-Q{q0 + 1}"


def norm_quarter_context(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the quarter", "the 1988 period", "the year-ago quarter": the quarter a report is on."""
    whole = key(m.group(0))
    year = _year(m)
    back = "year-ago" in whole or "year-earlier" in whole
    if whole.endswith("period") and year is None and not back and "comparable" not in whole:
        return None  # "the period" alone is anything
    default = _previous_quarter(ctx.dct)
    if back:
        y, q = default.split("-", 1)
        default = f"{int(y) - 1}-{q}" if y.isdigit() else default
        return Norm("DATE", default, ctx_ref="yearback")
    if year is not None:
        return Norm("DATE", f"{year}-{default.split('-', 1)[1]}", ctx_ref=f"same:{year}")
    return Norm("DATE", default, ctx_ref="same")


def norm_yearback(m: re.Match[str], ctx: Ctx) -> Norm | None:
    value = str(ctx.dct.year - 1) if ctx.dct else "XXXX"
    return Norm("DATE", value, ctx_ref="yearback")


def norm_quarter(m: re.Match[str], ctx: Ctx) -> Norm | None:
    if ctx.rule == "quarter.ctx":
        return norm_quarter_context(m, ctx)
    year = _year(m)
    dct = ctx.dct
    cur_q = (dct.month - 1) // 3 + 1 if dct else None
    qword = key(group(m, "qord") or "")
    qnum = group(m, "qnum")
    if qnum:
        qword = {"1": "first", "2": "second", "3": "third", "4": "fourth"}[qnum[1]]
    rel = key(group(m, "rel") or "")
    yrel = key(group(m, "yrel") or "")
    if qword:
        q = _QORD.get(qword, 4)
        if year is None and dct is not None and cur_q is not None:
            if yrel:
                year = dct.year + {"last": -1, "this": 0, "next": 1}[yrel]
            else:
                # Reports look back: a later quarter is last year's, unless the clause is in
                # the future; an earlier (or the current) quarter is this year's.
                year = dct.year if q <= cur_q or ctx.tense() == "future" else dct.year - 1
        return Norm("DATE", f"{year if year else 'XXXX'}-Q{q}", _mod(m))
    if dct is None or cur_q is None:
        return Norm("DATE", "XXXX-QX")
    index = dct.year * 4 + cur_q - 1
    shift = {
        "latest": -1,
        "past": -1,
        "last": -1,
        "previous": -1,
        "current": 0,
        "this": 0,
        "next": 1,
        "same": -5,
        "year-ago": -5,
        "year-earlier": -5,
    }.get(rel)
    if shift is None:
        return None
    y, q0 = divmod(index + shift, 4)
    return Norm("DATE", f"{y}-Q{q0 + 1}")


def norm_half(m: re.Match[str], ctx: Ctx) -> Norm | None:
    half = key(group(m, "half") or "")
    h = 1 if half == "first" else 2
    year = _year(m)
    yrel = key(group(m, "yrel") or "")
    if year is None:
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-H{h}")
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}.get(yrel, 0)
    return Norm("DATE", f"{year}-H{h}")


def norm_season(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = key(group(m, "season") or "")
    code = lexicon().seasons.get(word)
    if code is None:
        return None
    whole = key(m.group(0))
    year = _year(m)
    has_det = whole != word
    if (
        not has_det
        and year is None
        and not (_SEASON_CUES.search(ctx.before) or ctx.text[ctx.start].isupper())
    ):
        return None  # "prices fall", "hot spring"
    if (
        word in ("fall", "spring")
        and not has_det
        and year is None
        and not re.search(r"\b(?:in|by|until|since|during)\s+$", ctx.before, re.I)
    ):
        return None
    mod = _mod(m)
    if year is not None:
        return Norm("DATE", f"{year}-{code}", mod)
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{code}", mod)
    dct = ctx.dct
    rel = next(
        (
            w
            for w in ("last", "next", "this", "past", "coming")
            if whole.startswith(w) or f" {w} " in f" {whole} "
        ),
        None,
    )
    month = _SEASON_MONTH[code]
    # The season's year is the year it starts in (winter 2025 = Dec 2025 - Feb 2026).
    season_start = [dt.date(y, month, 1) for y in (dct.year - 1, dct.year, dct.year + 1)]
    current = (
        max(d for d in season_start if d <= dct)
        if any(d <= dct for d in season_start)
        else season_start[0]
    )
    in_season = (dct - current).days < 92
    if rel in ("last", "past"):
        chosen = max(
            d for d in season_start if d < (current if in_season else dct + dt.timedelta(days=1))
        )
    elif rel in ("next", "coming"):
        chosen = min(d for d in season_start if d > dct)
    elif in_season:
        chosen = current
    elif rel == "this":
        # "this summer" in October is the summer just gone, in April the one to come: the
        # season of the DCT's year (a winter counts from its December).
        year = dct.year - 1 if code == "WI" and dct.month <= 3 else dct.year
        chosen = dt.date(year, month, 1)
    else:
        tense = _direction(ctx.tense())
        chosen = min(d for d in season_start if d > dct) if tense == "future" else current
    return Norm("DATE", f"{chosen.year}-{code}", mod)


_REL_SHIFT = {
    "preceding": -1,
    "this past": -1,
    "this coming": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "upcoming": 1,
}


def norm_rel(m: re.Match[str], ctx: Ctx) -> Norm | None:
    unit = key(group(m, "runit") or "")
    mod = _mod(m)
    # "for the year" is a stretch of time; "in the year" the current calendar one.
    if ctx.rule == "rel.the" and re.search(
        r"\b(?:for|over|during|through|throughout|within)\s+$", ctx.before, re.I
    ):
        return Norm("DURATION", {"year": "P1Y", "week": "P1W", "month": "P1M"}[unit], mod)
    if ctx.rule == "rel.yearend":
        return Norm("DATE", str(ctx.dct.year) if ctx.dct else "XXXX", "END")
    eoff = key(group(m, "eoff") or "")
    bound = key(group(m, "bound") or "")
    if eoff:
        mod = "START" if eoff == "earlier" else "END"
        shift = 0
    elif bound:
        mod = {
            "the end": "END",
            "the beginning": "START",
            "the start": "START",
            "the middle": "MID",
        }[bound]
        shift = 0
    else:
        rel = key(group(m, "rel") or "")
        shift = _REL_SHIFT.get(rel, 0)
    dct = ctx.dct
    if dct is None:
        return Norm("DATE", "XXXX", mod)
    if ctx.rule == "rel.narrative":
        # "the following year": counted from the date the story is at (context.py), which is
        # the DCT until an earlier expression says otherwise.
        code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
        norm = shifted(dct, Fraction(1), Unit(code, False, 1), shift, mod)
        if norm is not None:
            norm.ctx_ref = f"narrel:{shift}:{code}"
        return norm
    if unit in ("year", "fiscal year"):
        return Norm("DATE", str(dct.year + shift), mod)
    if unit == "month":
        d = cal.add_months(dct, shift)
        return Norm("DATE", f"{d.year}-{d.month:02d}", mod)
    if unit == "week":
        return Norm("DATE", cal.iso_week(dct + dt.timedelta(weeks=shift)), mod)
    if ctx.rule == "rel.weekend" or unit == "weekend":
        return Norm("DATE", _weekend(dct, shift, ctx), mod)
    if unit == "decade":
        return Norm("DATE", str(dct.year // 10 + shift), mod)
    if unit == "century":
        return Norm("DATE", f"{dct.year // 100 + shift:02d}", mod)
    return None


def _weekend(dct: dt.date, shift: int, ctx: Ctx) -> str:
    """ISO week of the weekend meant: on a weekday, "last weekend" is the one before the DCT,
    "this/next weekend" the coming one, and "the weekend" the one just past unless the clause
    speaks of the future; on a Saturday or Sunday, "the weekend" is the DCT's own."""
    saturday = dct + dt.timedelta(days=6 - dct.isoweekday())
    if dct.isoweekday() < 6:
        if ctx.rule == "rel.weekend" or (shift == 0 and ctx.tense() == "past"):
            shift = 0 if ctx.tense() == "future" else -1
        elif shift > 0:
            shift = 0
    return cal.iso_week(saturday + dt.timedelta(weeks=shift)) + "-WE"


def norm_ago(m: re.Match[str], ctx: Ctx) -> Norm | None:
    mod = _mod(m)
    direction = key(group(m, "dir") or "")
    sign = -1 if direction in ("ago", "earlier", "before") else 1
    vague = group(m, "vague")
    if vague:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    n = number(group(m, "num") or "")
    unit = lexicon().units.get(key(group(m, "unit") or ""))
    if unit is None:
        return None
    if n is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if direction in ("earlier", "later") and re.match(r"\s+than\b", ctx.text[ctx.end :]):
        # "a month earlier than usual" measures a difference: the duration "a month".
        value = _fmt_duration(n, unit.code, unit.clock, unit.factor)
        return Norm("DURATION", value, mod, end=m.end("unit"))
    event = None
    if direction in ("before", "after") and _EVENT_AFTER.match(ctx.text, ctx.end):
        # "ten days before the shooting": counted from the event, resolved in anchoring.py;
        # until then (and if the event has no date) from the DCT.
        event = f"event:{sign * n * unit.factor}:{unit.code}:{int(unit.clock)}"
    if ctx.dct is None:
        return Norm("DATE", "XXXX", mod, ctx_ref=event)
    norm = shifted(ctx.dct, n, unit, sign, mod)
    if norm is not None:
        norm.ctx_ref = event or norm.ctx_ref
        if direction in ("earlier", "later") and not unit.clock and event is None:
            # "a year earlier" / "three days later": from the story's last date (context.py).
            norm.ctx_ref = f"narr:{sign * n * unit.factor}:{unit.code}" + (
                ":yearback" if norm.ctx_ref == "yearback" else ""
            )
    return norm


# "before the shooting", "after his arrest": the event a "N units before/after" counts from.
_EVENT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their)\s+[A-Za-z-]{3,}")


def shifted(dct: dt.date, n: Fraction, unit: Unit, sign: int, mod: str | None) -> Norm | None:
    """The date ``n`` units before (sign -1) or after ``dct``, at the unit's precision."""
    amount = float(n * unit.factor) * sign
    code = unit.code
    if unit.clock:
        clock_time = cal.add(dct, amount, "MIN" if code == "M" else code)
        assert isinstance(clock_time, dt.datetime)
        return Norm("TIME", clock_time.isoformat(timespec="minutes"), mod)
    moved = cal.add(dct, amount, code)
    assert isinstance(moved, dt.date)
    if code == "Y":
        if n == 1 and unit.factor == 1 and sign < 0:
            # "a year ago" in a quarterly report is the same quarter a year back.
            return Norm("DATE", str(moved.year), mod, ctx_ref="yearback")
        return Norm(
            "DATE", str(moved.year) if unit.factor < 100 else f"{moved.year // 100:02d}", mod
        )
    if code in ("M", "Q"):
        return Norm("DATE", f"{moved.year}-{moved.month:02d}", mod)
    if code == "W":
        return Norm("DATE", cal.iso_week(moved), mod)
    return Norm("DATE", moved.isoformat(), mod)


def _clock(m: re.Match[str]) -> str | None:
    noon = key(group(m, "noon") or "")
    if noon:
        return "24:00" if noon == "midnight" else "12:00"
    hour_s = group(m, "hour")
    if hour_s is None:
        return None
    hour = int(hour_s)
    minute = int(group(m, "minute") or 0)
    ampm = key(group(m, "ampm") or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    return f"{hour:02d}:{minute:02d}"


def norm_time(m: re.Match[str], ctx: Ctx) -> Norm | None:
    dct = ctx.dct
    mod = _mod(m)
    part_word = group(m, "part")
    if part_word:
        code = lexicon().day_parts.get(key(part_word))
        prel = key(group(m, "prel") or "")
        if code is None or (not prel and not group(m, "pos") and ctx.rule != "time.thepart"):
            return None
        if ctx.rule == "time.thepart" and not re.search(
            r"\b(?:in|during|on|throughout|early|late)\s+$", ctx.before, re.I
        ):
            return None  # "the morning papers"
        if dct is None:
            return Norm("TIME", f"XXXX-XX-XXT{code}", mod)
        shift = {
            "this": 0,
            "tomorrow": 1,
            "yesterday": -1,
            "last": -1,
            "the next": 1,
            "the previous": -1,
        }.get(prel, 0)
        if prel == "last" and code != "NI":
            shift = -1
        return Norm("TIME", f"{dct + dt.timedelta(days=shift)}T{code}", mod)
    clock = _clock(m)
    if clock is None:
        return None
    # "14:30" alone: only after a time preposition or before a time zone, not a score or ratio.
    if (
        group(m, "hour")
        and not group(m, "ampm")
        and not group(m, "tz")
        and not re.search(r"\b(?:at|by|until|from|before|after|around|about)\s+$", ctx.before, re.I)
    ):
        return None
    weekday = _weekday(m)
    month, day_of_month = _month(m), _day(m)
    if month and day_of_month:
        if dct is None:
            return Norm("TIME", f"XXXX-{month:02d}-{day_of_month:02d}T{clock}", mod)
        on = resolve_month_day(month, day_of_month, dct, ctx.tense())
        return Norm("TIME", f"{on.isoformat()}T{clock}", mod) if on else None
    if dct is None:
        day = f"XXXX-WXX-{weekday}" if weekday else "XXXX-XX-XX"
        return Norm("TIME", f"{day}T{clock}", mod)
    d = resolve_weekday(weekday, dct, ctx.tense(), None) if weekday else dct
    return Norm("TIME", f"{d.isoformat()}T{clock}", mod)


def norm_weekday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    weekday = _weekday(m)
    if weekday is None:
        return None
    rel = key(group(m, "wrel") or "") or None
    mod = _mod(m)
    part_word = group(m, "part")
    code = lexicon().day_parts.get(key(part_word)) if part_word else None
    # "Wednesday's ruling" names something that has happened: the tense of the clause around
    # it says nothing about it.
    possessive = ctx.text[ctx.end : ctx.end + 2] in ("'s", "’s")
    if ctx.dct is None:
        value = f"XXXX-WXX-{weekday}"
    else:
        tense = None if possessive else ctx.tense()
        value = resolve_weekday(weekday, ctx.dct, tense, rel).isoformat()
    if code:
        return Norm("TIME", f"{value}T{code}", mod)
    return Norm("DATE", value, mod)


def norm_set(m: re.Match[str], ctx: Ctx) -> Norm | None:
    weekday = _weekday(m)
    part_word = group(m, "part")
    part = lexicon().day_parts.get(key(part_word)) if part_word else None
    if weekday:
        return Norm("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), freq="1W")
    month = _month(m)
    if month:
        return Norm("SET", f"XXXX-{month:02d}", freq="1Y")
    if ctx.rule == "set.everyn":
        unit = lexicon().units.get(key(group(m, "unit") or ""))
        n = number(group(m, "num") or "")
        if unit is None or n is None or unit.code in ("WE", "Q"):
            return None
        return Norm("SET", _fmt_duration(n, unit.code, unit.clock, unit.factor), quant="EVERY")
    sunit = key(group(m, "sunit") or "")
    codes = {
        "day": "P1D",
        "week": "P1W",
        "month": "P1M",
        "year": "P1Y",
        "quarter": "P1Q",
        "hour": "PT1H",
        "minute": "PT1M",
        "weekend": "XXXX-WXX-WE",
        "morning": "XXXX-XX-XXTMO",
        "night": "XXXX-XX-XXTNI",
        "evening": "XXXX-XX-XXTEV",
        "summer": "XXXX-SU",
        "winter": "XXXX-WI",
        "spring": "XXXX-SP",
        "fall": "XXXX-FA",
    }
    value = codes.get(sunit)
    if value is None:
        return None
    whole = key(m.group(0))
    quant = "EVERY" if whole.startswith(("every", "each")) else None
    return Norm("SET", value, quant=quant)


def norm_holiday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    name = key(group(m, "holiday") or "")
    rule = lexicon().holidays.get(name)
    if rule is None:
        return None
    year = _year(m)
    rel = key(group(m, "rel") or "")
    if year is None:
        if ctx.dct is None:
            d0 = cal.holiday(rule, 2000)
            return Norm(
                "DATE", f"XXXX-{d0:%m-%d}" if d0 and not rule.startswith("easter") else "XXXX"
            )
        options = [
            d
            for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
            if (d := cal.holiday(rule, y))
        ]
        if rel == "last":
            d = max(o for o in options if o < ctx.dct)
        elif rel == "next":
            d = min(o for o in options if o > ctx.dct)
        elif rel == "this":
            d = next(o for o in options if o.year == ctx.dct.year)
        else:
            d = cal.choose(options, ctx.dct, _direction(ctx.tense()))
        return Norm("DATE", d.isoformat())
    d = cal.holiday(rule, year)
    return Norm("DATE", d.isoformat()) if d else None


def norm_dur(m: re.Match[str], ctx: Ctx) -> Norm | None:
    mod = _mod(m)
    lex = lexicon()
    hunit = key(group(m, "hunit") or "")
    if hunit:
        value = {
            "hour": "PT30M",
            "day": "PT12H",
            "year": "P6M",
            "century": "P50Y",
            "decade": "P5Y",
        }[hunit]
        return Norm("DURATION", value, mod)
    drel = key(group(m, "drel") or "")
    vague = key(group(m, "vague") or "")
    if vague:
        vague_unit = lex.units[vague]
        if drel == "coming":
            return Norm("DATE", "FUTURE_REF", mod)
        if drel == "recent" and vague == "years":
            return Norm("DATE", "PAST_REF", mod)  # "in recent years": TimeBank's reading
        code = vague_unit.code if vague_unit.factor == 1 else "Y"
        if code in ("WE", "Q"):
            return None
        return Norm("DURATION", _fmt_duration(None, code, vague_unit.clock), mod)
    unit_word = key(group(m, "unit") or "")
    unit = lex.units.get(unit_word)
    num_word = group(m, "num") or ""
    if unit is None or unit.code == "WE":
        return None
    if key(num_word) in ("a", "an") and unit_word in ("second", "min"):
        return None  # "a second term"
    if key(num_word) in ("a", "an", "per") and re.search(
        r"(?:\d|%|percent|cents?|dollars?|euros?|pounds?|yen|barrels|tons|times)\s*$", ctx.before
    ):
        return None  # "$5 a year", "10% a year": a rate, not a stretch of time
    n = number(num_word)
    if n is not None and group(m, "andhalf"):
        n += Fraction(1, 2)
    if n is not None and n == 0:
        return None
    if unit.code == "Q":
        if n is not None and n > 12:
            return None  # "the 1988 quarter" is a date
        return Norm("DURATION", f"P{int(n) if n is not None else 'X'}Q", mod)
    if n is None and unit.factor > 1:
        return Norm("DURATION", "PXY", mod)
    return Norm("DURATION", _fmt_duration(n, unit.code, unit.clock, unit.factor), mod)


def norm_ref(m: re.Match[str], ctx: Ctx) -> Norm | None:
    phrase = key(group(m, "ref") or "")
    entry = lexicon().refs.get(phrase)
    if entry is None:
        return None
    typ, value = entry
    if not value.startswith("DCT"):
        return Norm(typ, value)
    if ctx.dct is None:
        return Norm(typ, "XXXX-XX-XX")
    spec, _, part = value.partition(":")
    d = ctx.dct
    shift = re.match(r"DCT([+-]\d+)D", spec)
    if shift:
        d = d + dt.timedelta(days=int(shift.group(1)))
    return Norm(typ, d.isoformat() + (f"T{part}" if part else ""))


NORMALISERS: dict[str, Callable[[re.Match[str], Ctx], Norm | None]] = {
    "date": norm_date,
    "month": norm_month,
    "year": norm_year,
    "decade": norm_decade,
    "century": norm_century,
    "quarter": norm_quarter,
    "half": norm_half,
    "season": norm_season,
    "rel": norm_rel,
    "ago": norm_ago,
    "time": norm_time,
    "weekday": norm_weekday,
    "set": norm_set,
    "holiday": norm_holiday,
    "dur": norm_dur,
    "ref": norm_ref,
    "yearback": norm_yearback,
    "week": norm_week,
}
