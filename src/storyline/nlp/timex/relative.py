"""Normalising expressions relative to the DCT or to the story: "last week", "three years ago",
"Friday", "10:30 a.m.", "every Monday", "a week", "now". (Calendar names and numbers are in
``normalise.py``, which registers these functions too.)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from fractions import Fraction

from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.lexicon import Unit, alternation, key, lexicon, month_names
from storyline.nlp.timex.patterns import group
from storyline.nlp.timex.tense import (
    ahead_cue,
    new_date_words,
    past_after,
    past_word,
    plan_of_past_at,
    prospect_clause,
    tense_after,
    tense_at,
    tense_past_aside,
)
from storyline.nlp.timex.values import (
    Ctx,
    Norm,
    event_set_for,
    fmt_duration,
    in_game,
    in_longer_period,
    in_smaller_unit,
    number,
    read_day,
    read_mod,
    read_month,
    read_weekday,
    read_year,
    resolve_month_day,
    resolve_weekday,
    shifted,
    since_before,
    stretch_before,
    update_stamp,
    weekday_from,
)
from storyline.rules import load_list, load_table

_PERIOD_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|that\s+ends)\b", re.I)


@functools.cache
def _period_to_month() -> re.Pattern[str]:
    """ "the year to February 1997", "the year up to the end of March": as "the year ended",
    the twelve months up to that month."""
    # the month capitalised: "the week to may" is no month
    return re.compile(
        rf"\s+(?i:up\s+)?to\s+(?i:(?:the\s+)?end(?:\s+of|-)\s*)?(?=[A-Z])(?i:{month_names()})"
        r"\b(?!-)"
    )


_REL_SHIFT = {
    "preceding": -1,
    "this past": -1,
    "this coming": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "prior": -1,
    "this": 0,
    "current": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "upcoming": 1,
}


@functools.cache
def _attendance() -> re.Pattern[str]:
    words = alternation(load_list("timex_attendance_words.txt", lower=True))
    return re.compile(rf"(?<!\bafter\s)(?<![\w-])(?:{words})\s+(?:all\s+)?$", re.IGNORECASE)


def _attending_before(before: str) -> bool:
    """True for a possessive weekday right after a word of taking part with no tense of its
    own (``timex_attendance_words.txt``): the event is still to come."""
    return _attendance().search(before) is not None


_STREAK = re.compile(r"\b(?:straight|consecutive|successive)\s+day\b", re.I)


def norm_rel(m: re.Match[str], ctx: Ctx) -> Norm | None:
    unit = key(group(m, "runit") or "")
    if unit in ("financial year", "budget year"):
        unit = "fiscal year"  # "the last financial year", "the current budget year"
    mod = read_mod(m)
    multiple = lexicon().units.get(unit)
    if (
        multiple is not None
        and multiple.factor != 1
        and multiple.code != "Y"
        and ctx.rule == "rel.unit"
    ):
        # "the past fortnight" is a stretch of two weeks, valued like "the past two weeks"
        # (P2W): there is no calendar fortnight to name. A decade or a century is a calendar
        # one ("this century" is 20, TBAQ), so it keeps its date.
        return Norm(
            "DURATION",
            fmt_duration(Fraction(1), multiple.code, multiple.clock, multiple.factor),
            mod,
        )
    # "the year ended Sept. 30" is the twelve months up to that day and "over the year" a
    # stretch of time; "for the year" and "in the year" are the current calendar one (TimeBank:
    # 5 of 6 "the year ended/ending" are P1Y, 3 of 3 "for the year/week" are dates).
    if ctx.rule == "rel.the" and (
        _PERIOD_ENDED.match(ctx.text, ctx.end)
        or _period_to_month().match(ctx.text, ctx.end)
        # a part of it is a date ("throughout the end of the year", "over the middle of the
        # month"): the stretch is the whole unit only
        or (stretch_before(ctx.before) and not group(m, "bound") and mod is None)
    ):
        return Norm("DURATION", {"year": "P1Y", "week": "P1W", "month": "P1M"}[unit], mod)
    if ctx.rule == "rel.yearend":
        # "since year-end" can only be the end of last year; "by year-end" is this year's.
        back = since_before(ctx.before)
        return Norm("DATE", str(ctx.dct.year - back) if ctx.dct else "XXXX", "END")
    eoff = key(group(m, "eoff") or "")
    bound = key(group(m, "bound") or "")
    rel = key(group(m, "rel") or "")
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
        shift = _REL_SHIFT.get(rel, 0)
    if shift == 0 and mod == "END" and not eoff and since_before(ctx.before):
        shift = -1  # "since the end of the month" is last month's end: "since" only points back
    dct = ctx.dct
    if dct is None:
        return Norm("DATE", "XXXX", mod)
    if ctx.rule == "rel.narrative":
        # "the following year": counted from the date the story is at (context.py), which is
        # the DCT until an earlier expression says otherwise.
        code = {"day": "D", "week": "W", "month": "M", "year": "Y"}[unit]
        norm = shifted(dct, Fraction(1), Unit(code, False, 1), shift, mod)
        if norm is not None:
            # "that same day", "later that day" point back at the day the story is at; "the
            # same day" is as often "one and the same day" ("strikes in 20 cities all on the
            # same day"), so only "that" marks the anaphor (context.py)
            that = ":that" if "that" in m.group(0).lower().split() else ""
            if _STREAK.search(m.group(0)):
                that = ":streak"  # "for the third straight day": a run up to a day gone by
            elif ctx.text[ctx.end : ctx.end + 2] in ("'s", "’s"):
                # "showing up for the next day's practice": any day's, no story day a page
                # back (context.py counts it from a date close before it only)
                that = ":poss"
            norm.ctx_ref = f"narrel:{shift}:{code}{that}"
        return norm
    # "in mid-April. Later in the month, the council issued a statement" (said in May): in a
    # past clause the month (or year) the story is at, as "later that month" is (context.py);
    # the DCT's when no date is close before, or when the clause looks ahead ("expects a
    # rebound later in the year")
    story_ref = (
        f"narrel:0:{'Y' if unit == 'year' else 'M'}"
        if eoff and unit in ("year", "month") and ctx.tense() == "past"
        else None
    )
    if unit in ("year", "fiscal year"):
        return Norm(
            "DATE", str(dct.year + _school_year_ahead(m, dct) + shift), mod, ctx_ref=story_ref
        )
    if unit == "month":
        d = cal.add_months(dct, shift)
        return Norm("DATE", f"{d.year}-{d.month:02d}", mod, ctx_ref=story_ref)
    if unit == "week":
        return Norm("DATE", cal.iso_week(dct + dt.timedelta(weeks=shift)), mod)
    if ctx.rule == "rel.weekend" or unit == "weekend":
        return Norm("DATE", _weekend(dct, shift, ctx), mod)
    # "the 1950s ... the following decade": counted from the decade (or year) the story is
    # at (context.py), the DCT's when it names none; "next/last decade" are the DCT's
    story = ctx.rule == "rel.unit" and rel in _STORY_RELS
    if unit == "decade":
        ref = f"narrdec:{shift}:3" if story else None
        return Norm("DATE", str(dct.year // 10 + shift), mod, ctx_ref=ref)
    if unit == "century":
        ref = f"narrdec:{shift}:2" if story else None
        return Norm("DATE", f"{dct.year // 100 + shift:02d}", mod, ctx_ref=ref)
    return None


_SCHOOL_YEAR = re.compile(r"\b(?:school|academic)\s+year\b", re.I)
# The month a school or academic year starts in (a northern one: August/September).
_SCHOOL_YEAR_START = 8


def _school_year_ahead(m: re.Match[str], dct: dt.date) -> int:
    """A school or academic year is named by the year it ends in (year.school: "the 2020-21
    school year" is 2021), so from August on "this school year" is the next calendar year's
    and "next school year" the one after (said in December 2020: 2021 and 2022; in May 2020:
    2020 and 2021). 1 when the DCT is in such a year's first calendar year, else 0."""
    return int(dct.month >= _SCHOOL_YEAR_START and _SCHOOL_YEAR.search(m.group(0)) is not None)


# Words that count from the time the story is at, not from the DCT.
_STORY_RELS = frozenset({"following", "previous", "preceding", "prior"})


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
    mod = read_mod(m)
    direction = key(group(m, "dir") or "")
    sign = -1 if direction in ("ago", "earlier", "before", "back") else 1  # "a few months back"
    vague = group(m, "vague")
    n = number(group(m, "num") or "")
    unit = lexicon().units.get(key(vague or group(m, "unit") or ""))
    half = bool(group(m, "andhalf"))
    if n is not None and half:
        n += Fraction(1, 2)  # "a year and a half ago"
    unit_end = m.end("andhalf" if half else "unit") if "unit" in m.re.groupindex else m.end()
    if direction in ("before", "later") and unit is not None and (vague or n is None):
        # "weeks later", "a few days before": TimeML tags the vague length, not the signal.
        value = fmt_duration(None, unit.code, unit.clock, unit.factor)
        return Norm("DURATION", value, mod, end=m.end("vague" if vague else "unit"))
    if vague:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if unit is None:
        return None
    if n is None:
        return Norm("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", mod)
    if direction in ("earlier", "later") and re.match(r"\s+than\b", ctx.text[ctx.end :]):
        # "a month earlier than usual" measures a difference: the duration "a month".
        value = fmt_duration(n, unit.code, unit.clock, unit.factor)
        return Norm("DURATION", value, mod, end=unit_end)
    amount = sign * n * unit.factor
    if direction in ("before", "later"):
        # TimeML reads "ten days before the ruling" and "three days later" as the duration
        # "ten days" plus a signal word. The end point is kept in anchor/resolved_end when the
        # text dates what it counts from: the ruling (anchoring.py) or the story's last date.
        value = fmt_duration(n, unit.code, unit.clock, unit.factor)
        if direction == "before" and _EVENT_AFTER.match(ctx.text, ctx.end):
            ref: str | None = f"event:{amount}:{unit.code}:{int(unit.clock)}"
        else:
            ref = f"narrend:{amount}:{unit.code}" if not unit.clock else None
        return Norm("DURATION", value, mod, ctx_ref=ref, end=unit_end)
    if ctx.dct is None:
        return Norm("DATE", "XXXX", mod)
    norm = shifted(ctx.dct, *(in_smaller_unit(n, unit) if half else (n, unit)), sign, mod)
    if norm is not None and unit.clock:
        # "about an hour ago": counted from a DCT with no clock time, its day (values.shifted)
        # is a guess that says nothing about the day the story is at (context.py)
        norm.kind = "offset"
    if norm is not None and norm.ctx_ref == "yearback" and in_longer_period(ctx):
        norm.ctx_ref = None  # "for the nine months, ... a year ago": the year, no quarter
    if norm is not None and direction == "earlier" and not unit.clock:
        # "a year earlier": from the story's last date (context.py).
        yearback = ":yearback" if norm.ctx_ref == "yearback" else ""
        norm.ctx_ref = f"narr:{amount}:{unit.code}{yearback}"
    return norm


# "before the shooting", "after his arrest": the event a "N units before/after" counts from.
_EVENT_AFTER = re.compile(r"\s+(?:the|a|an|his|her|its|their)\s+[A-Za-z-]{3,}")


def _clock(m: re.Match[str]) -> str | None:
    noon = key(group(m, "noon") or "")
    if noon:
        return "24:00" if noon == "midnight" else "12:00"
    hour_s = group(m, "hour")
    if hour_s is None:
        return None
    # "five o'clock": a spelled hour (timex_numbers.tsv); a word that is no number fails here.
    hour = int(hour_s if hour_s.isdigit() else lexicon().numbers.get(key(hour_s), "x"))
    minute = int(group(m, "minute") or 0)
    ampm = key(group(m, "ampm") or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        # "4 in the morning" is a.m.; "10 in the evening", "11 at night" p.m.
        pm = ampm == "pm" or ampm.endswith(("afternoon", "evening", "night"))
        hour = hour % 12 + (12 if pm else 0)
    return f"{hour:02d}:{minute:02d}"


def norm_time(m: re.Match[str], ctx: Ctx) -> Norm | None:
    dct = ctx.dct
    mod = read_mod(m)
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
            "the following": 1,
            "the previous": -1,
            "the preceding": -1,
        }.get(prel, 0)
        if prel == "last" and code != "NI":
            shift = -1
        norm = Norm("TIME", f"{dct + dt.timedelta(days=shift)}T{code}", mod)
        if ctx.rule == "time.thepart" or prel.startswith("the "):
            # "in the morning", "the next morning" are on (or after) the day the story is at
            # (context.py), the DCT by default
            norm.ctx_ref = f"narrday:{shift}:T{code}"
        return norm
    clock = _clock(m)
    if clock is None:
        return None
    # "14:30" alone: only after a time preposition or before a time zone, not a score or ratio;
    # "between 06:00 and 09:00" names two clock times ("between 2:1 and 3:1" has no minutes)
    if (
        group(m, "hour")
        and not group(m, "ampm")
        and not group(m, "tz")
        and not re.search(
            r"\b(?:at|by|until|from|before|after|around|about|between)\s+$", ctx.before, re.I
        )
    ):
        return None
    if group(m, "minute") and not group(m, "ampm") and not group(m, "tz") and in_game(ctx):
        return None  # "he scored at 7:14" of a period: the game clock, no time of day
    weekday = read_weekday(m)
    month, day_of_month = read_month(m), read_day(m)
    if month and day_of_month:
        year = read_year(m)  # "10 a.m. Friday, Dec. 6, 2019"
        if year is not None:
            on = cal.safe_date(year, month, day_of_month)
        elif dct is None:
            return Norm("TIME", f"XXXX-{month:02d}-{day_of_month:02d}T{clock}", mod)
        else:
            on = resolve_month_day(month, day_of_month, dct, ctx.tense())
        return Norm("TIME", f"{on.isoformat()}T{clock}", mod) if on else None
    if weekday is None:
        weekday = _day_after(ctx)
    if dct is None:
        day = f"XXXX-WXX-{weekday}" if weekday else "XXXX-XX-XX"
        return Norm("TIME", f"{day}T{clock}", mod)
    if weekday is None and _in_schedule(ctx):
        return Norm("TIME", f"XXXX-XX-XXT{clock}", mod)  # "every afternoon around 4 o'clock"
    d = resolve_weekday(weekday, dct, ctx.tense(), None) if weekday else dct
    norm = Norm("TIME", f"{d.isoformat()}T{clock}", mod)
    if read_weekday(m) is not None:
        # "8 a.m.-5 p.m., Monday-Friday": a list's first day (context.coordinate)
        norm.kind, norm.free = "weekday", True
    if weekday is None and update_stamp(ctx.before):
        # "Editor's note: This story was updated at 5:45 p.m. ET": an update is on the
        # publication day (or after it), not on the day the story last told of
        norm.ctx_ref = "stamp"
    elif weekday is None and not _opens_paragraph(ctx):
        # "at 10 p.m." with no day of its own: the day the story is at (TimeML's reference
        # time, context.py), the DCT when no day has been named. A time that opens a
        # paragraph is a live blog's time stamp, on the publication day whatever the
        # paragraph before it told ("release date isn't until Sept. 14, 2025").
        norm.ctx_ref = f"narrday:0:T{clock}"
        norm.kind = "clock"  # "from 10:30 a.m. to noon on Saturday" (context.coordinate)
    elif weekday is None:
        # the stamp also starts the entry's story afresh on that day: "at 11 p.m." below it
        # is no longer on the day the entry before it told (context.py)
        norm.ctx_ref = "stamp"
    return norm


@functools.cache
def _schedule() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a frequency right before a clock time, one right after it, one opening the
    sentence)."""
    rows = load_table("timex_schedule_words.tsv")
    quantifiers = "|".join(re.escape(r["word"]) for r in rows if r["role"] == "quantifier")
    adverbs = "|".join(re.escape(r["word"]) for r in rows if r["role"] == "adverb")
    lex = lexicon()
    # "every afternoon", "each Monday", "every weekday": the quantified word is a time word
    # ("every witness said" is no schedule)
    time_words = {*lex.weekdays, *lex.day_parts, *lex.units, "weekday", "weeknight"}
    names = "|".join(re.escape(w) for w in sorted(time_words, key=len, reverse=True))
    frequency = rf"(?:(?:{quantifiers})\s+(?:{names})s?|{adverbs})"
    # the other end of a range may stand between: "open daily from 8 a.m. to 8 p.m.", "from
    # 1AM to 5AM every evening"
    other_end = r"[\d:.]+\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,3}\b)?"
    before = re.compile(
        rf"\b{frequency}\s*,?\s+(?:(?:at|around|about|from|until|by|between)\s+)?"
        rf"(?:{other_end}\s*(?:to|and|-|–)\s*)?$",
        re.IGNORECASE,
    )
    after = re.compile(
        rf"(?:\s*(?:to|and|-|–)\s*{other_end})?\s*,?\s+(?:on\s+)?{frequency}\b",
        re.IGNORECASE,
    )
    # "Every day, shops must open by 8 a.m.": a frequency that opens the sentence, before the
    # time, sets the whole sentence's schedule
    opening = re.compile(rf"[\W_]*{frequency}\b", re.IGNORECASE)
    return before, after, opening


def _in_schedule(ctx: Ctx) -> bool:
    """ "every afternoon around 4 o'clock", "at 4 p.m. ET every weekday", "Each day, the shops
    open by 8 a.m.": a clock time of a repeated schedule, on no one day."""
    before, after, opening = _schedule()
    lead = ctx.text[max(0, ctx.start - 60) : ctx.start]
    if before.search(lead) is not None or after.match(ctx.text, ctx.end) is not None:
        return True
    begin = ctx.sentence()[0]
    return begin < ctx.start and opening.match(ctx.text, begin, ctx.start) is not None


def _opens_paragraph(ctx: Ctx) -> bool:
    """True when only blanks stand between the last line break and the expression."""
    line_start = ctx.text.rfind("\n", 0, ctx.start)
    return line_start >= 0 and not ctx.text[line_start + 1 : ctx.start].strip()


@functools.cache
def _quarter_fractions() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = load_table("timex_quarter_fractions.tsv")
    amounts = "|".join(re.escape(r["word"]) for r in rows if r["kind"] == "amount")
    lengths = "|".join(re.escape(r["word"]) for r in rows if r["kind"] == "length")
    return (
        re.compile(rf"[\s-]+(?:{amounts})\b", re.I),
        re.compile(rf"(?<![\w-])(?:{lengths})\s+(?:[a-z]+\s+)?$", re.I),
    )


def _quarter_is_fraction(ctx: Ctx, num_word: str) -> bool:
    """ "A quarter" or "one quarter" is a share unless a preposition of time comes before
    it ("in a quarter"), and always before an amount word ("a quarter million")."""
    if key(num_word) not in ("a", "an", "one"):
        return False
    amount, length = _quarter_fractions()
    if amount.match(ctx.text, ctx.end):
        return True
    return length.search(ctx.before) is None


@functools.cache
def _day_after_pattern() -> re.Pattern[str]:
    names = "|".join(sorted(lexicon().weekdays, key=len, reverse=True))
    return re.compile(
        rf"(?:\s+local\s+time)?(?:\s*\([^()\n]{{1,24}}\))?,?\s+(?:on\s+)?(?P<wd>{names})\b",
        re.IGNORECASE,
    )


def _day_after(ctx: Ctx) -> int | None:
    """ "at 10:35 a.m. (0735 GMT) Friday", "at 7 a.m. local time on Sunday": the clock time's
    day is named just after it, past a time zone aside the expression does not take in."""
    m = _day_after_pattern().match(ctx.text, ctx.end)
    return lexicon().weekdays.get(m.group("wd").lower()) if m else None


def norm_weekday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    weekday = read_weekday(m)
    if weekday is None:
        return None
    rel = key(group(m, "wrel") or "") or None
    mod = read_mod(m)
    part_word = group(m, "part")
    code = lexicon().day_parts.get(key(part_word)) if part_word else None
    story = _STORY_WEEKDAY.match(m.group(0))
    after = key(group(m, "wafter") or "")
    if (story or after) and not code:
        # "the previous Friday", "the following Monday", "previous Friday", "the Friday
        # before": counted from the day the story is at (context.py), which is the DCT until a
        # day-precise date says otherwise; never that day itself.
        word = story.group(1).lower() if story else after
        sign = 1 if word in ("following", "after") else -1
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-WXX-{weekday}", mod)
        day = weekday_from(ctx.dct, weekday, sign)
        return Norm("DATE", day.isoformat(), mod, ctx_ref=f"narrwd:{sign}:{weekday}")
    # "Wednesday's ruling" names something that has happened: the tense of the clause around
    # it says nothing about it.
    possessive = ctx.text[ctx.end : ctx.end + 2] in ("'s", "’s")
    past = False
    if ctx.dct is None or (
        _ON_A.search(ctx.before) and not _NOUN_AFTER_DAY.match(ctx.text, ctx.end)
    ):
        # "see 250 people on a Friday", "was diagnosed on a Wednesday": some Friday, of no
        # week the text names (the publication week is a guess); "on a Thursday interview"
        # is that week's interview
        value = f"XXXX-WXX-{weekday}"
    elif possessive and rel is None and _new_date(ctx, possessive):
        # "Saturday's rescheduled race": the new date, before the schedule words' own rule
        value = resolve_weekday(weekday, ctx.dct, "future", None).isoformat()
    elif possessive and rel is None and (scheduled := _scheduled_after(ctx)) is not None:
        value = _scheduled_weekday(weekday, ctx.dct, ctx, scheduled).isoformat()
    elif rel is None and not possessive and update_stamp(ctx.before):
        # "Updated at 10:05 a.m. ET on Friday": an update is never before the publication
        value = resolve_weekday(weekday, ctx.dct, "future", None).isoformat()
    elif rel is None and _event_to_come(ctx, possessive):
        value = resolve_weekday(weekday, ctx.dct, "future", None).isoformat()
    elif rel is None and possessive and _purpose_of_past(ctx):
        value = _nearest_weekday(weekday, ctx.dct).isoformat()
    elif rel is None and not possessive and _local_next_day(ctx, weekday):
        value = (ctx.dct + dt.timedelta(days=1)).isoformat()
    elif rel is None and not possessive and _planned_in_past(ctx):
        value = _nearest_weekday(weekday, ctx.dct).isoformat()
    else:
        tense = None if possessive else ctx.tense()
        past = tense == "past" and not _announced_range(ctx)
        reported = _reported_plan(ctx, weekday) if tense == "future" and rel is None else None
        value = (reported or resolve_weekday(weekday, ctx.dct, tense, rel)).isoformat()
    # a weekday that follows the tense may follow the weekday before it instead ("will close
    # on Tuesday and Wednesday", context.coordinate); "next Monday" is fixed by its word
    free = rel is None and not possessive and not value.startswith("X")
    # "I woke up on Thursday, March 26 ... But that Thursday was different": the Thursday the
    # text has named, however far back (context.py); the tense's Thursday when it named none
    that = f"narrthat:{weekday}" if rel is None and _demonstrative(ctx, possessive) else None
    if that and not value.startswith("X"):
        free = False
    else:
        that = None
    typ, value = ("TIME", f"{value}T{code}") if code else ("DATE", value)
    return Norm(typ, value, mod, kind="weekday", free=free, ctx_ref=that, past=past)


# "local time" right after a weekday (or after its clock time): "died early Friday local time"
_LOCAL_TIME_AFTER = re.compile(
    r"[\s,]*(?:(?:at\s+)?(?:about\s+|around\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?\s*)?"
    r"\(?local\s+time\b",
    re.IGNORECASE,
)


def _local_next_day(ctx: Ctx, weekday: int) -> bool:
    """True for the weekday after the DCT told in some place's "local time": a story dated in
    one time zone tells of the next day where the event was ("A Chinese doctor ... has died,
    the hospital said on social media early Friday local time", dated Thursday in the US);
    a week back would be "last Friday"."""
    assert ctx.dct is not None
    return (weekday - ctx.dct.isoweekday()) % 7 == 1 and bool(
        _LOCAL_TIME_AFTER.match(ctx.text, ctx.end)
    )


def _planned_in_past(ctx: Ctx) -> bool:
    """True for a weekday of a plan made in the past ("Mottaki -- who was due to arrive in
    Pakistan on Wednesday --", "The Italian flag was scheduled to be lowered on Friday"): the
    plan may fall before or after the DCT, so the nearest such weekday is meant, as for a
    month ("was scheduled to fight Ribas in March"), not the one gone that a weekday of no
    tense takes."""
    # "The vote was expected on Thursday but was postponed": a past after the date tells
    # that the day has come and gone
    return (
        ctx.tense() is None
        and plan_of_past_at(ctx.text, ctx.sentences, ctx.start)
        and not past_after(ctx.text, ctx.sentences, ctx.end)
    )


def _nearest_weekday(weekday: int, dct: dt.date) -> dt.date:
    """The weekday nearest the DCT (the DCT itself on its own weekday; a week has no tie)."""
    ahead = (weekday - dct.isoweekday()) % 7
    return dct + dt.timedelta(days=ahead if ahead <= 3 else ahead - 7)


_THAT_BEFORE = re.compile(r"(?<![\w-])(\w+\s+)?that\s+$", re.IGNORECASE)


def _demonstrative(ctx: Ctx, possessive: bool) -> bool:
    """True for "that" as a determiner before the weekday ("But that Thursday was
    different"), not a conjunction after a saying ("officials said that Thursday's vote",
    "announced that Friday ...") nor before a possessive."""
    m = _THAT_BEFORE.search(ctx.before[-40:])
    if m is None or possessive:
        return False
    word = (m.group(1) or "").strip().lower()
    return word not in _speech_words()


# "announced a lockdown from": a saying whose object is a stretch starting at the date
_OBJECT_FROM = re.compile(
    r"\b([a-z]+)\s+(?:a|an|the|its|their|his|her)\s+(?:[\w-]+\s+){1,3}from\s+$"
)


def _announced_range(ctx: Ctx) -> bool:
    """True for a weekday that starts a stretch a past saying announced ("Kuwait announced a
    lockdown from Sunday through May 30"): the past is the saying's, not the stretch's (a
    later end still ahead moves it to the coming day, context._range_start_ahead)."""
    m = _OBJECT_FROM.search(ctx.text, max(0, ctx.start - 80), ctx.start)
    return m is not None and m.group(1) in _speech_words()


@functools.cache
def _speech_words() -> frozenset[str]:
    return frozenset(
        load_list("timex_speech_verbs.txt", lower=True)
        + load_list("timex_reporting_verbs.txt", lower=True)
    )


def _event_to_come(ctx: Ctx, possessive: bool) -> bool:
    """True for a weekday whose event is still to come, whatever the clause's tense: the day
    an event is set for ("A countrywide hartal for Thursday was called"), or a possessive after
    a word of taking part ("will all be at Friday's draw", "barred from attending Wednesday
    night's game") or after a cue that points ahead ("clear of the relegation zone ahead of
    Saturday's matches")."""
    if not possessive:
        return event_set_for(ctx.before) or _new_date(ctx, possessive)
    return (
        _attending_before(ctx.before)
        or ahead_cue(ctx.text, ctx.sentences, ctx.start)
        or _event_in_prospect(ctx)
        or _readied_for(ctx)
    )


_FOR_BEFORE = re.compile(r"\b(?:for|before)\s+$", re.IGNORECASE)


def _readied_for(ctx: Ctx) -> bool:
    """True for a possessive weekday after "for" or "before" in a clause that looks ahead:
    what a plan readies or waits for is still to come, whatever its noun ("is slated to take
    up the bill on Thursday to ready the measures for Friday's floor action", "does not
    expect it before Monday's announcement"). In a past or present clause the possessive
    keeps its usual reading, the day gone ("paid for Monday's first airlift")."""
    return _FOR_BEFORE.search(ctx.before[-8:]) is not None and ctx.tense() == "future"


_IN_EVENT = re.compile(r"\b(?:in|into|at|for)\s+$", re.IGNORECASE)


# Words that cannot stand between a possessive weekday and its event noun.
_NOT_MODIFIER = (
    r"(?:in|on|at|of|for|to|and|or|but|the|a|an|was|is|were|are|will|would|has|had|have|be)"
)


@functools.cache
def _contest_round() -> re.Pattern[str]:
    """A possessive and a noun of a scheduled event (``timex_event_nouns.txt``) or a round
    of a contest (``timex_contest_rounds.txt``), with up to two words naming it between
    ("Wednesday's group G match", "Sunday's World Cup final")."""
    nouns = load_list("timex_contest_rounds.txt", lower=True) + load_list(
        "timex_event_nouns.txt", lower=True
    )
    words = alternation(nouns)
    modifier = rf"(?!{_NOT_MODIFIER}\b)[\w-]+\s+"
    return re.compile(rf"['’]s\s+(?:{modifier}){{0,2}}(?:{words})\b", re.IGNORECASE)


def _event_in_prospect(ctx: Ctx) -> bool:
    """True for a possessive weekday before a noun of a scheduled event
    (``timex_event_nouns.txt``) or a round of a contest (``timex_contest_rounds.txt``), up to
    two words naming it between, after "in/into/at/for", in a clause whose verbs before it are
    all future or simple present: "China will face the DPRK in Sunday's final", "Argentina
    are one of the eight seeds for Friday's draw", "as they head into Wednesday's group G
    match against SV Hamburg" (the event to come). A past or a perfect ("scored twice in Sunday's
    final", "has been rejected in Monday's referendum"), a verb only after the date
    ("Turnout in Sunday's election is put at 60 percent") or no event noun ("will
    investigate the deaths in Friday's attack") leave the possessive to its usual reading,
    the day gone."""
    return (
        (
            _IN_EVENT.search(ctx.before[-10:]) is not None
            or _TO_VERB.search(ctx.before[-40:]) is not None
        )
        and _contest_round().match(ctx.text, ctx.end) is not None
        and prospect_clause(ctx.text, ctx.sentences, ctx.start)
    )


# An infinitive right before a possessive weekday and its event: "is widely expected to win
# Sunday's elections", "a move to try and stop Saturday's meeting", "won three stages to head
# into Sunday's final leg" (lower case: "lost to Spain in Sunday's final" is no infinitive).
_TO_VERB = re.compile(r"\bto\s+(?:try\s+and\s+)?[a-z]+\s+(?:(?:in|into|at|for)\s+)?$")


def _purpose_of_past(ctx: Ctx) -> bool:
    """True for a possessive weekday of a scheduled event after an infinitive in a past
    clause ("Gronholm won three of Saturday's six stages to head into Sunday's final leg",
    "Bongo was expected to win Sunday's elections"): the event follows the past deed or
    plan, which may be just before the DCT, so the event may fall either side of it; the
    nearest such weekday, as for a plan made in the past (``_planned_in_past``)."""
    m = _TO_VERB.search(ctx.before[-40:])
    if m is None or _contest_round().match(ctx.text, ctx.end) is None:
        return False
    if plan_of_past_at(ctx.text, ctx.sentences, ctx.start):
        return True
    # "The party returned to power in Sunday's elections", "swept to victory in": a past verb
    # right before "to" goes somewhere, no infinitive follows it
    verb = _LAST_WORD.search(ctx.before[-40:], 0, m.start())
    return ctx.tense() == "past" and not (verb is not None and past_word(verb.group(1)))


_LAST_WORD = re.compile(r"([A-Za-z]+)\s*$")


@functools.cache
def _new_date_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = alternation(new_date_words())
    after = re.compile(rf"['’]s\s+(?:{words})\s+([a-z]+)\b", re.IGNORECASE)
    before = re.compile(
        rf"\bthe\s+(?:{words})\s+[a-z]+(?:\s+[a-z]+)?\s+(?:on|for)\s+$", re.IGNORECASE
    )
    return after, before


def _new_date(ctx: Ctx, possessive: bool) -> bool:
    """True for the weekday of an event moved to a new date (``timex_new_date_words.txt``):
    "Saturday's rescheduled race", "the rescheduled race on Saturday". Still to come unless
    the event's own verb after it is past ("Saturday's rescheduled race was won by Alonso")."""
    after, before = _new_date_regexes()
    if possessive:
        m = after.match(ctx.text, ctx.end)
        if m is None:
            return False
        end = m.end()
    elif before.search(ctx.before[-60:]):
        end = ctx.end
    else:
        return False
    return tense_after(ctx.text, ctx.sentences, end) != "past"


@functools.cache
def _scheduled_regex() -> re.Pattern[str]:
    words = "|".join(
        re.escape(w).replace(r"\ ", r"\s+")
        for w in load_list("timex_scheduled_words.txt", lower=True)
    )
    # "Wednesday's scheduled launch", "Friday's vote, now set for", "Monday's launch is expected"
    return re.compile(rf"['’]s(?:\s*,?\s+[\w-]+){{0,3}}?,?\s+(?:{words})\b", re.IGNORECASE)


def _scheduled_after(ctx: Ctx) -> int | None:
    """Where the schedule word after a weekday's possessive ends, or None."""
    m = _scheduled_regex().match(ctx.text, ctx.end)
    return m.end() if m else None


def _past_clause(ctx: Ctx, end: int) -> bool:
    """The clause's tense, the schedule word left out ("Wednesday's scheduled launch was
    scrubbed": "was scrubbed", not "scheduled", which reads as a future cue)."""
    if ctx.tense() == "past":
        return True
    return tense_at(ctx.text, ctx.sentences, ctx.start, end) == "past"


def _scheduled_weekday(weekday: int, dct: dt.date, ctx: Ctx, end: int) -> dt.date:
    """ "Wednesday's scheduled launch": the coming Wednesday, unless the clause is past; then
    the Wednesday after a weekday the sentence names before it (the day it was said or
    decided: "NASA announced Friday that a review of Wednesday's scheduled launch"), or the
    past one, as any possessive ("postponed Wednesday's scheduled launch")."""
    if not _past_clause(ctx, end):
        return resolve_weekday(weekday, dct, "future", None)
    begin, _ = ctx.sentence()
    said = [
        lexicon().weekdays[w.lower()]
        for w in re.findall(r"\b[A-Z][a-z]+\b", ctx.text[begin : ctx.start])
        if w.lower() in lexicon().weekdays
    ]
    if not said:
        return resolve_weekday(weekday, dct, None, None)
    day = resolve_weekday(said[-1], dct, "past", None)
    return weekday_from(day, weekday, 1)


_SAID_ON = re.compile(r"\b([a-z]+)\s+(?:on\s+)?([A-Z][a-z]+day)\b")
_ON_DAY_OPENING = re.compile(r"\s*On\s+([A-Z][a-z]+day)\s*,")
_WOULD = re.compile(r"\bwould\b")
_WILL = re.compile(r"\b(?:will|'ll|shall)\b", re.IGNORECASE)


def _reported_plan(ctx: Ctx, weekday: int) -> dt.date | None:
    """ "The governor said Tuesday that beaches would reopen Friday", said on a Sunday: a plan
    reported with "would" after a saying dated by a weekday is the first such weekday after
    the saying's day (the Friday gone), not the one after the DCT. "will" keeps the future of
    the report ("said Tuesday that beaches will reopen Friday"); with no day of the saying,
    the tense decides (None)."""
    assert ctx.dct is not None
    begin, _ = ctx.sentence()
    before = ctx.text[begin : ctx.start]
    said_at: tuple[int, str] | None = None
    for m in _SAID_ON.finditer(before):
        if m.group(1) in _speech_words() and m.group(2).lower() in lexicon().weekdays:
            said_at = (m.end(), m.group(2))
    opening = _ON_DAY_OPENING.match(before)
    if said_at is None and opening is not None:
        spoken = any(w in _speech_words() for w in re.findall(r"[a-z]+", before[opening.end() :]))
        if opening.group(1).lower() in lexicon().weekdays and spoken:
            # "On Tuesday, the governor said beaches would reopen Friday"
            said_at = (opening.end(), opening.group(1))
    if said_at is None:
        return None
    between = before[said_at[0] :]
    if not _WOULD.search(between) or _WILL.search(between):
        return None
    day = resolve_weekday(lexicon().weekdays[said_at[1].lower()], ctx.dct, "past", None)
    return weekday_from(day, weekday, 1)


_ON_A = re.compile(r"\bon\s+an?\s+$", re.IGNORECASE)
_NOUN_AFTER_DAY = re.compile(
    r"\s+(?!(?:and|or|in|at|of|for|to|near|by|when|with|after|before|but|the|this|that)\b)"
    r"[a-z]{3,}\b"
)
_STORY_WEEKDAY = re.compile(r"(?:the\s+)?(previous|prior|preceding|following)\s", re.I)


def norm_set(m: re.Match[str], ctx: Ctx) -> Norm | None:
    weekday = read_weekday(m)
    part_word = group(m, "part")
    part = lexicon().day_parts.get(key(part_word)) if part_word else None
    if weekday:
        return Norm("SET", f"XXXX-WXX-{weekday}" + (f"T{part}" if part else ""), freq="1W")
    month = read_month(m)
    if month:
        return Norm("SET", f"XXXX-{month:02d}", freq="1Y")
    if ctx.rule == "set.everyn":
        unit = lexicon().units.get(key(group(m, "unit") or ""))
        count = group(m, "num") or ""
        n = number(count)
        # "every few days", "every several weeks": a vague count is a SET all the same, its
        # period unknown (PXD), as "several days" is the length PXD; it was "few days" alone,
        # a length with "every" left outside
        vague = n is None and lexicon().numbers.get(key(count)) == "X"
        if unit is None or (n is None and not vague) or unit.code in ("WE", "Q"):
            return None
        return Norm("SET", fmt_duration(n, unit.code, unit.clock, unit.factor), quant="EVERY")
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
        "afternoon": "XXXX-XX-XXTAF",
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
    if whole.split()[1:2] == ["other"] and value.startswith("P"):
        # "every other day" skips one: the period is two units ("P1D" -> "P2D")
        value = value.replace("1", "2", 1)
    return Norm("SET", value, quant=quant, freq=_times(whole))


def _times(whole: str) -> str | None:
    """TimeML's freq for "twice a week" (2X), "three times a year" (3X)."""
    head = whole.split()[0]
    if head in ("once", "twice"):
        return "1X" if head == "once" else "2X"
    n = number(head) if whole.split()[1:2] == ["times"] else None
    return f"{int(n)}X" if n is not None and n.denominator == 1 else None


# What comes before "a year" when it is the "per" of a rate. A unit word may close a bracket:
# "450 kilometers (280 miles) an hour" (a digit may not: "(in 2005) a year later").
_RATE_UNITS = (
    r"percent|cents?|dollars?|euros?|pounds?|yen|barrels|tons|times|hours|days|miles"
    r"|kilometers|shares"
)
# The unit is a whole word: "sometimes more than a decade" is no "times a decade". A bracketed
# sum may close on its scale or on "US" after a figure: "30 billion dollars (3.8 billion US) a
# year", "(US$2 million) a year" ("(up from 2,000 in the US) a year later" has no figure there).
# A hyphen may join the figure to a rate used as a modifier: "Disney's $6.99-a-month service",
# "a $15-an-hour minimum wage" (a spaced dash does not: "in 2005 - a year later").
_RATE_BEFORE = re.compile(
    rf"(?:\d|%)-$|(?:\d|%|\b(?:{_RATE_UNITS}))\s*$|\b(?:{_RATE_UNITS})\)\s*$"
    r"|\d\s*(?:(?:thousand|million|billion|trillion)(?:\s+US)?|US)\)\s*$"
)


def _spelled_counts(least: int) -> list[str]:
    """The spelled numbers of ``timex_numbers.tsv`` worth ``least`` or more ("two",
    "twenty-one"), longest first so that an alternation of them takes the whole word."""
    return sorted(
        (w for w, v in lexicon().numbers.items() if v.isdigit() and int(v) >= least),
        key=len,
        reverse=True,
    )


@functools.cache
def _rate_count() -> re.Pattern[str]:
    """ "4,000 tests a day", "three meals a day", "3,000 children a day": a counted plural
    noun (up to two words before it; in "-s" or an irregular plural from
    timex_irregular_plurals.txt; perhaps with an "of" phrase after it, "2 million barrels of
    oil a day") makes it the "per" of a rate."""
    irregular = "|".join(re.escape(w) for w in load_list("timex_irregular_plurals.txt", lower=True))
    # spelled counts of two or more ("twelve people a week"), any case
    counts = "|".join(
        re.escape(w) for w in [*_spelled_counts(2), "dozens", "hundreds", "thousands"]
    )
    # a scale word after "a"/"half a" counts too ("half a million people a year", "a dozen
    # eggs a week"), and so does "how many" ("How many vaccines a week")
    scaled = r"(?:half\s+)?an?\s+(?:dozen|hundred|thousand|million|billion)|how\s+many"
    # the counted noun may be a capitalised people ("91 Americans a day", "40 New Yorkers")
    return re.compile(
        rf"(?<![\w.,])(?:\d[\d,.]*|(?i:{counts})|(?i:{scaled}))\s+(?:[A-Za-z-]+\s+){{0,2}}"
        r"(?!(?:was|has|is|this|its|as|his|hers|does|thus|plus|less|unless|across|us)\s)"
        # an "of" phrase may name what is counted: "16 billion doses of vaccine a year", "20
        # liters of clean water a day", as "3 million tonnes a year" (it was a length P1Y)
        rf"(?:[A-Za-z][a-z]+s|{irregular})(?:\s+of\s+(?:[A-Za-z-]+\s+)?[A-Za-z-]+)?\s*$"
        r"|(?:million|billion|trillion)\s*$"  # "$80 billion a year" (TimeBank: SET P1Y EVERY)
        # a length spent in each unit: "half an hour a day", "an hour a day", as "30 minutes a day"
        r"|\b(?:(?i:half|one)\s+an?|an?|(?i:one))\s+(?:hour|minute)\s*$"
    )


@functools.cache
def _spelled_count_before() -> re.Pattern[str]:
    """A spelled count of two or more right before "a day"/"a week" ("He takes at least six a
    day", "several hundred a day"): the counted noun is left out, a rate as "6 a day" is
    (``_RATE_BEFORE``). "two a week later" counts on (``_COUNTED_ON``)."""
    counts = "|".join(
        [*(re.escape(w) for w in _spelled_counts(2)), r"(?:dozen|hundred|thousand)s?"]
    )
    return re.compile(rf"\b(?i:{counts})\s+$")


# How far back a rate's count may stand: "three gallons of electrolyte water a day", "two
# million barrels of crude oil a day" (30 characters cut the count off: a length P1D).
_RATE_REACH = 60

# "two policy reversals a day after the report": a length counted on, no rate.
# "a day into June" is the rate running on into a month ("50 to 150 deaths a day into June"),
# not "a day into the strike".
_COUNTED_ON = re.compile(
    rf"\s+(?:after|before|later|earlier|ago|into\b(?!\s+(?i:{month_names()})\b))\b"
)


# "could one day replace": "one day" right after a modal is an unknown future day.
_MODAL_BEFORE = re.compile(r"\b(?:will|would|could|may|might|can|should|shall)\s+$", re.I)


# "One day the debris around it could evolve": a modal and its verb after a few words of
# subject (no verb of its own between), some day to come. A negation ("One day he could not
# walk") is a past inability, left to the tense.
_MODAL_AFTER = re.compile(
    r"\s*,?\s+(?:(?!(?:was|were|had|did|is|are|has)\b)[a-z]+\s+){0,5}?"
    r"(?:could|may|might|can|will|would|shall|should)\s+(?!not\b|never\b)[a-z]+\b"
)
# "who hopes one day to visit the Holy Land": "one day" between a word of intent and its "to"
# is some day to come, not a length ("wants one day to rest" may be a day of rest: left).
_INTENT_ONE_DAY = re.compile(
    r"\b(?:hopes?|hoped|hoping|plans?|planned|aims?|aimed|intends?|intended|vows?|vowed|"
    r"dreams?|dreamed)\s+$",
    re.IGNORECASE,
)


def _intent_before(ctx: Ctx) -> bool:
    return (
        _INTENT_ONE_DAY.search(ctx.before[-20:]) is not None
        and re.match(r"\s+to\s+[a-z]", ctx.text[ctx.end : ctx.end + 8]) is not None
    )


# "would love to one day purchase a water cooler", "itching to one day soon resume dine-in
# service": "one day" split into an infinitive, before its verb, is some day to come; a length
# the infinitive reaches goes on with a count word ("cut to one day a week", "limited to one
# day each month") or stops ("limited the race to one day.").
_TO_ONE_DAY = re.compile(r"\bto\s+$", re.I)
_SPLIT_VERB = re.compile(
    r"\s+(?!(?:a|an|the|of|per|each|every|and|or|at|in|on|from|for|after|before|later|"
    r"earlier|ago|sooner|weekly|off|out|with|without|when|this|that|to)\b)[a-z]+\b"
)
# "someone's going to uncover your login info one day", "the conversations I might have one
# day with my future children", "expects Terry to be the England skipper one day": a future,
# a modal or a word of hope earlier in the sentence, and "one day" ending its phrase (a stop,
# "with"/"that"/"when", "to" and a verb, "or another"), is some day to come. Lengths keep a
# word of their own before ("in one day", "just one day") or after ("one day after", "one
# day a week", "one day at a time"); "needed one day to reach" has no such cue.
_SOME_DAY_CUE = re.compile(
    r"\b(?:will|would|could|may|might|can|shall|should|going\s+to|gonna|hopes?|hoped|"
    r"hoping|dreams?|dreamed|dreaming|expects?|expected|wants?|wanted|wish(?:es)?)\b|\w['’]ll\b",
    re.I,
)
_LENGTH_WORD_BEFORE = re.compile(
    r"\b(?:in|on|for|within|of|over|during|just|only|than|about|around|nearly|almost|least|"
    r"most|by|from|per|every|each|that|this|the|a|single|first|last|after|before|until|till|"
    r"off|to|spend|spent|take|takes|took|taking|lasts?|lasted|needs?|needed)\s+$",
    re.I,
)
_SOME_DAY_END = re.compile(
    r"\s*(?:[.,;:!?\u2014\u2013\"\u201d)]|--|$)|\s+(?:with|that|when|or\s+another)\b"
    r"|\s+to\s+[a-z]+",
)

# "afraid that the Church one day may operate normally", "robots which one day could replace
# nurses": a modal right after "one day" (an adverb may stand between) is its verb's, ahead.
_MODAL_RIGHT_AFTER = re.compile(
    r"\s+(?:[a-z]+ly\s+)?(?:could|may|might|will|would|shall|should)\s+(?!not\b|never\b)[a-z]+\b"
)


def _some_day_ahead(ctx: Ctx) -> bool:
    """ "one day" as an unknown day to come (see ``_TO_ONE_DAY``, ``_SOME_DAY_CUE``)."""
    if _TO_ONE_DAY.search(ctx.before[-4:]) and _SPLIT_VERB.match(ctx.text, ctx.end):
        return True
    if _LENGTH_WORD_BEFORE.search(ctx.before[-12:]):
        return False
    if _MODAL_RIGHT_AFTER.match(ctx.text, ctx.end):
        return True  # "afraid that the Church one day may operate normally"
    if not _SOME_DAY_END.match(ctx.text, ctx.end):
        return False
    # the sentence so far, from its last stop, semicolon or dash
    clause = re.split(r"[.!?;\n\u2014]\s", ctx.text[max(0, ctx.start - 160) : ctx.start])[-1]
    return _SOME_DAY_CUE.search(clause) is not None


@functools.cache
def _narrative_day() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(sentence start with an optional opener word before it, a clause start after it)."""
    rows = load_table("timex_narrative_day.tsv")
    openers = "|".join(re.escape(r["word"]) for r in rows if r["role"] == "opener")
    subjects = "|".join(re.escape(r["word"]) for r in rows if r["role"] == "subject")
    before = re.compile(
        rf"(?:[.!?][\"'\u201d\u2019)\]]*\s+|\n\s*|[\"\u201c\u2018]\s*)(?:(?:{openers})\s+)?$",
        re.IGNORECASE,
    )
    after = re.compile(rf"\s*,|\s+(?:{subjects})\b", re.IGNORECASE)
    return before, after


# "One day last month, the couple decided", "One day in early March, Maniya woke up": a short
# phrase placing the day (a date, "in the break room") before the comma that ends the opener.
# "One day in five, workers stayed home" is a share.
_OPENER_PLACE = re.compile(
    r"\s+(?!in\s+(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|every)\b)"
    r"(?:last|this|that|in|on|at|during|early|late)\b[^,.;:!?\n]{1,25},"
)


def _opens_a_story(ctx: Ctx) -> bool:
    """ "One day, he left the house": "one day" opening a sentence and its clause is some
    day, not a length ("One day later", "One day is enough" keep the length)."""
    before, after = _narrative_day()
    lead = ("" if ctx.start > 40 else "\n") + ctx.text[max(0, ctx.start - 40) : ctx.start]
    return before.search(lead) is not None and (
        after.match(ctx.text, ctx.end) is not None
        or _OPENER_PLACE.match(ctx.text, ctx.end) is not None
    )


@functools.cache
def _unit_compound() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_list("timex_unit_compounds.txt", lower=True))
    return re.compile(rf"[\s-]+(?:{words})\b", re.IGNORECASE)


# "people aged 18 to 55 years", "aged between 18 and 65 years": an age, which TimeBank leaves
# untagged like "48-years-old". Every candidate inside the age phrase is dropped. The noun "age"
# says it too: "all individuals above age 6 months", "Viewing age of 48 months and above",
# "children under the age of five years", "men age 65 to 80 years". "The Ice Age 20,000 years
# ago" is a date back ("ago").
@functools.cache
def _age() -> re.Pattern[str]:
    n = rf"(?:\d+|(?i:{'|'.join(re.escape(w) for w in _spelled_counts(1))}))"
    return re.compile(
        rf"\b(?:(?i:aged)|(?:[Aa]ges?)(?:\s+of)?)\s+(?:between\s+)?{n}"
        rf"(?:\s*(?:to|and|or|-|–)\s*{n})?[\s-]+(?i:years?|months?|weeks?)\b(?!\s+ago\b)"
    )


def _inside_age(ctx: Ctx) -> bool:
    lo, hi = max(0, ctx.start - 40), min(len(ctx.text), ctx.end + 10)
    for m in _age().finditer(ctx.text, lo, hi):
        if m.start() <= ctx.start and ctx.end <= m.end():
            return True
    return False


@functools.cache
def _work_hours() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_list("timex_work_hours.txt", lower=True))
    possessive = r"\b(?:my|your|his|her|its|our|their)|\w['’]s|\ws['’]"
    return re.compile(rf"(?:{possessive}|(?<![\w-])(?:{words}))[\s-]+$", re.IGNORECASE)


_HOURS_OF_CLOCK = re.compile(
    r"\s+of\s+(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.?m\b|p\.?m\b)|noon|midnight)", re.I
)


def _hours_worked(m: re.Match[str], ctx: Ctx) -> bool:
    """ "had their hours cut", "reduced hours", "visiting hours": a bare "hours" that is the
    time someone works or a place is open, not a length ("waited for hours" is one)."""
    if key(m.group(0)) != "hours":
        return False
    if _HOURS_OF_CLOCK.match(ctx.text, ctx.end):
        return True  # "between the hours of 10 a.m. and 6 p.m.": the clock times say it
    if re.match(r"\s+of\b", ctx.text[ctx.end :]):
        return False  # "lost hours of sleep", "endless hours of darkness" are lengths
    return _work_hours().search(ctx.before[-40:]) is not None


def norm_dur(m: re.Match[str], ctx: Ctx) -> Norm | None:
    if _inside_age(ctx):
        return None
    if ctx.rule == "dur.pastday":
        return Norm("DURATION", "P1D", read_mod(m))  # "in the past day": the day just gone
    if _hours_worked(m, ctx):
        return None
    if re.fullmatch(r"(?:an?\s+)?\w+", m.group(0), re.I) and _unit_compound().match(
        ctx.text, ctx.end
    ):
        # "a day care center", "day traders": a compound noun, no length ("a one-year school
        # program" keeps its counted length)
        return None
    mod = read_mod(m)
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
    qunit = key(group(m, "qunit") or "")
    if qunit:
        # "a quarter of an hour", "three quarters of an hour", "a quarter-century"
        three = key(group(m, "qn") or "") == "three"
        quarter = {"hour": ("PT15M", "PT45M"), "century": ("P25Y", "P75Y")}[qunit]
        return Norm("DURATION", quarter[three], mod)
    lunit = key(group(m, "lunit") or "")
    if lunit:
        # "a decade-long war" lasts one decade; "decades-long" an unknown number of them.
        unit_l = lex.units[lunit]
        n_l = None if lunit.endswith(("s", "centuries")) else Fraction(1)
        if n_l is None and unit_l.factor > 1:
            return Norm("DURATION", "PXY", mod)
        return Norm("DURATION", fmt_duration(n_l, unit_l.code, unit_l.clock, unit_l.factor), mod)
    drel = key(group(m, "drel") or "")
    vague = key(group(m, "vague") or "")
    if vague:
        vague_unit = lex.units[vague]
        if drel in ("coming", "future"):
            return Norm("DATE", "FUTURE_REF", mod)
        if drel == "recent" and vague == "years":
            return Norm("DATE", "PAST_REF", mod)  # "in recent years": TimeBank's reading
        code = vague_unit.code if vague_unit.factor == 1 else "Y"
        if code == "WE" or (code == "Q" and not drel):
            return None  # bare "quarters" are rooms; "recent quarters" is a length
        return Norm("DURATION", fmt_duration(None, code, vague_unit.clock), mod)
    unit_word = key(group(m, "unit") or "")
    unit = lex.units.get(unit_word)
    num_word = group(m, "num") or ""
    if unit is None or unit.code == "WE":
        return None
    if key(num_word) in ("a", "an") and unit_word in ("second", "min"):
        return None  # "a second term"
    if key(num_word) in ("a", "an", "per") and _RATE_BEFORE.search(ctx.before):
        return None  # "$5 a year", "10% a year", "24 hours a day": a rate, not a stretch
    if (
        key(num_word) in ("a", "an", "per")
        and _spelled_count_before().search(ctx.before)
        and not _COUNTED_ON.match(ctx.text, ctx.end)
    ):
        return None  # "at least six a day": a spelled count, its noun left out, as "6 a day"
    if (
        key(num_word) in ("a", "an", "per")
        and unit.code != "WE"
        # a wider look back than ``ctx.before``: an "of" phrase may stand between the count
        # and the unit ("drink three gallons of electrolyte water a day")
        and _rate_count().search(ctx.text, max(0, ctx.start - _RATE_REACH), ctx.start)
        and not _COUNTED_ON.match(ctx.text, ctx.end)
    ):
        # "4,000 tests a day": each day, a set (TimeBank: "$1 billion a year" SET P1Y EVERY)
        return Norm("SET", fmt_duration(Fraction(1), unit.code, unit.clock), quant="EVERY")
    n = number(num_word)
    if key(m.group(0)) == "one day" and _MODAL_BEFORE.search(ctx.before):
        return Norm("DATE", "FUTURE_REF", mod)  # "Islam will one day be ...": some day to come
    if key(m.group(0)) == "one day" and _intent_before(ctx):
        return Norm("DATE", "FUTURE_REF", mod)  # "who hopes one day to visit the Holy Land"
    if key(m.group(0)) == "one day" and _some_day_ahead(ctx):
        return Norm("DATE", "FUTURE_REF", mod)  # "going to uncover your login info one day"
    if key(m.group(0)) == "one day" and _opens_a_story(ctx):
        # "One day the debris around it could evolve into tiny planets ..., said a research
        # team": the modal's verb is the clause's; a closing saying dates only the saying
        modal = _MODAL_AFTER.match(ctx.text, ctx.end) is not None
        tense = "future" if modal else tense_past_aside(ctx.text, ctx.end) or ctx.tense()
        return Norm("DATE", "FUTURE_REF" if tense == "future" else "PAST_REF", mod)
    if n is not None and group(m, "andhalf"):
        n += Fraction(1, 2)
    if n is not None and n == 0:
        return None
    if ctx.rule == "dur.range":
        # "two to three weeks", "12 to 18 months": one expression whose length is not one
        # number (TimeML writes the unknown amount as X).
        if unit.code in ("Q", "WE") or (
            key(num_word) in ("a", "an") and _RATE_BEFORE.search(ctx.before)
        ):
            return None
        return Norm("DURATION", fmt_duration(None, unit.code, unit.clock, unit.factor), mod)
    if unit.code == "Q":
        if n is not None and n > 12:
            return None  # "the 1988 quarter" is a date
        if n == 1 and _quarter_is_fraction(ctx, num_word):
            return None  # "a quarter million", "nearly one quarter reported being told"
        if re.match(r"\s+of\b", ctx.text[ctx.end :]) and n in (1, 3) and drel != "first":
            # "more than a quarter of the votes", "three quarters of them" are fractions;
            # "several quarters of losses" is a stretch of time, and so are "the first three
            # quarters of this year" (a fraction has no first)
            return None
        return Norm("DURATION", f"P{int(n) if n is not None else 'X'}Q", mod)
    if n is None and unit.factor > 1:
        return Norm("DURATION", "PXY", mod)
    if drel in ("last", "past") and unit.code == "H" and unit.clock and n == 24:
        # "the last twenty four hours" is the day just gone (TimeBank: P1D); a count of hours
        # that is no day ("the past 36 hours", "at least 72 hours") keeps its hours.
        return Norm("DURATION", "P1D", mod)
    return Norm("DURATION", fmt_duration(n, unit.code, unit.clock, unit.factor), mod)


@functools.cache
def _publication_verbs() -> str:
    return alternation(load_list("timex_publication_verbs.txt", lower=True))


@functools.cache
def _paper_after() -> re.Pattern[str]:
    return re.compile(rf"[ \t]+(?:(?P<name>[A-Z][\w'-]*)|(?i:{_publication_verbs()})\b)")


# an all-caps or digit-bearing word before a lower-case word that is no publication verb
# ("his daily COVID-19 press conference", "the weekly US jobless claims report"), or a
# capitalised one before a routine noun ("the daily Coronavirus press conference"): a
# modifier of the routine's noun, not a paper ("the daily Granma said", "daily CBN reported")
_CAPS_OR_DIGITS = re.compile(r"(?:[A-Z][A-Z0-9-]+|[A-Z][\w-]*\d[\w-]*)")


_FUNCTION_WORDS = (
    "in|on|at|of|for|to|by|with|from|and|or|but|the|a|an|as|that|which|who|is|was|has|had"
)


@functools.cache
def _modified_noun() -> re.Pattern[str]:
    # no function word either: "sent to DAILY POST in Abuja" names the paper
    return re.compile(rf"[ \t]+(?!(?:{_publication_verbs()}|{_FUNCTION_WORDS})\b)[a-z]+\b")


@functools.cache
def _routine_noun() -> re.Pattern[str]:
    words = alternation(load_list("timex_routine_nouns.txt", lower=True))
    return re.compile(rf"[ \t]+(?:{words})\b")


def _modifies_a_noun(text: str, name: re.Match[str]) -> bool:
    if _CAPS_OR_DIGITS.fullmatch(name.group("name")):
        return _modified_noun().match(text, name.end()) is not None
    return _routine_noun().match(text, name.end()) is not None


def _names_a_paper(ctx: Ctx) -> bool:
    """ "the Communist Party daily Granma", "the business weekly said": a newspaper. A
    capitalised word after the frequency word counts only inside a sentence ("rallies are
    held daily. Police ..." has a full stop in between), and not when it modifies a noun
    after it ("Thursday's weekly US jobless claims report" keeps its SET)."""
    m = _paper_after().match(ctx.text, ctx.end)
    if m is None:
        return False
    return m.group("name") is None or not _modifies_a_noun(ctx.text, m)


@functools.cache
def _overnight_noun() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_list("timex_overnight_nouns.txt", lower=True))
    return re.compile(rf"\s+(?:{words})\b", re.IGNORECASE)


@functools.cache
def _current_noun() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_list("timex_current_nouns.txt", lower=True))
    return re.compile(rf"(?:\s+(?:and|or|&)\s+[a-z]+)?\s+(?:{words})\b", re.IGNORECASE)


def norm_ref(m: re.Match[str], ctx: Ctx) -> Norm | None:
    phrase = key(group(m, "ref") or "")
    entry = lexicon().refs.get(phrase)
    if entry is None:
        return None
    typ, value = entry
    mod = read_mod(m)
    if phrase == "overnight" and _overnight_noun().match(ctx.text, ctx.end):
        return None  # "overnight bags", "an overnight success": an adjective
    if phrase == "the other day" and re.match(r"\s+of\b", ctx.text[ctx.end :]):
        return None  # "the other day of the fair": the second of two days, no past time
    if phrase == "current" and _current_noun().match(ctx.text, ctx.end):
        return None  # "the current account deficit": a term of the balance of payments
    if typ == "SET" and _names_a_paper(ctx):
        return None
    if not value.startswith("DCT"):
        # "late now" is not a thing: a position word only places a day ("late yesterday").
        return None if mod else Norm(typ, value)
    spec, _, part = value.partition(":")
    if ctx.dct is None:
        return Norm(typ, "XXXX-XX-XX" + (f"T{part}" if part else ""), mod)
    d = ctx.dct
    shift = re.match(r"DCT([+-]\d+)D", spec)
    if shift:
        d = d + dt.timedelta(days=int(shift.group(1)))
    return Norm(typ, d.isoformat() + (f"T{part}" if part else ""), mod)
