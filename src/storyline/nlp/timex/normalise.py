"""Normalisation: from a rule's match to a TIMEX3 type, value and mod, against the DCT.

One function per rule family (the part of a rule's name before the dot), registered in
``NORMALISERS``. This module holds the calendar families (dates, months, years, decades,
centuries, quarters, halves, seasons, holidays); ``relative.py`` the ones relative to the DCT or
the story; ``values.py`` the shared readers. Each returns a ``Norm`` or None to reject the match
(a month name that is really a verb, "1500 people"...). Without a DCT, relative expressions keep
TimeML's unknown digits ("XXXX-11-21").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable

from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.lexicon import key, lexicon, month_names
from storyline.nlp.timex.names import (
    event_day_year,
    lone_month_is_name,
    names_a_thing,
    speaker_name,
)
from storyline.nlp.timex.patterns import era_marker, group
from storyline.nlp.timex.relative import (
    norm_ago,
    norm_dur,
    norm_ref,
    norm_rel,
    norm_set,
    norm_time,
    norm_weekday,
)
from storyline.nlp.timex.tense import (
    Tense,
    past_verb_owns,
    plain_future_on,
    plain_past_at_holiday,
    plain_past_in,
    plain_past_on,
    present_deadline,
    tense_only_after,
)
from storyline.nlp.timex.values import (
    PLAIN_MONTH_REACH_DAYS,
    Ctx,
    Norm,
    after_event_noun,
    before_event_noun,
    capitalised,
    direction,
    explicit_direction,
    full_month_name,
    in_game,
    in_longer_period,
    names_event,
    names_past_event,
    outcome_of_event,
    quarter_value,
    range_year,
    read_day,
    read_mod,
    read_month,
    read_weekday,
    read_year,
    resolve_month,
    resolve_month_day,
    shifted,
    since_before,
    stretch_before,
    timetable_before,
    update_stamp,
)
from storyline.rules import load_list

__all__ = ["NORMALISERS", "PART_OF", "Ctx", "Norm", "shifted"]

# Words before a lone ambiguous month name ("May", "March") that make it a month.
_MONTH_CUES = re.compile(
    r"(?:\b(?:in|since|until|till|by|of|from|to|through|during|before|after|last|next|this|"
    r"early|late|mid|end|beginning|between|and|or|each|every|since|for|on|throughout"
    r"|as\s+(?:early|late|soon)\s+as"
    # "extended into May", "well into March", not "laid into May" (Theresa May)
    r"|(?:well|deep|extend(?:ed|ing|s)?|stretch(?:ed|es|ing)?|last(?:ed|ing|s)?|run(?:s|ning)?"
    r"|ran|continu(?:e|ed|es|ing)|go(?:es|ing)?|went|head(?:ed|ing|s)?|spill(?:ed|ing|s)?"
    r"|drag(?:ged|ging|s)?|push(?:ed|es|ing)?)\s+into)\s*-?\s*)$",
    re.IGNORECASE,
)
# "in a disastrous March,", "It was a cold, wet May.": a time preposition and a determiner,
# or a form of "be" and "a", then one to three lower-case words before the month, and a comma,
# a stop or a clause word after it. A person takes an adjective too ("the embattled May, who",
# "talks with the weakened May, and"), but seldom after "in/during/since" or "was a" ("was the
# embattled May, the leader"); the last word is no preposition ("in the talks with May,") nor
# a role ("is the prime minister May,"). Not "a peaceful March on Washington", "the Women's
# March" (no clause after). The window is ctx.before's 30 characters, so the search stays
# short whatever the text's length.
_ADJ_BEFORE = re.compile(
    r"\b(?:(?i:in|during|through|throughout|since|until|till|into)\s+"
    r"(?:a|an|the|its|their|his|her|our|that|this)|(?:is|was|were|be|been)\s+an?)\s+"
    r"(?:[a-z]{3,},?\s+){0,2}"
    r"(?!(?:with|from|for|about|against|into|over|under|after|before|than|and|but|said|says)\s)"
    r"([a-z]{3,}),?\s+$"
)
_CLAUSE_AFTER = re.compile(
    r"(?!\s*,\s*(?:who|whose)\b)(?:\s*[,.;:!?]|\s+(?:when|as|and|but|that|which)\b)"
)
# "Entering March,", "Heading into May,": an -ing word opening the sentence, the month, a comma.
_ING_OPENING = re.compile(
    r"(?:^|[.!?]\s+|\n)(?:Entering|Starting|Beginning|Ending|Closing\s+out|Finishing"
    r"|(?:Heading|Going|Moving|Coming)\s+into)\s+$"
)


@functools.cache
def _role_words() -> frozenset[str]:
    # the role nouns the attribution side reads ("minister", "leader"): "the prime minister May,"
    return frozenset(load_list("attribution_role_titles.txt", lower=True))


def _described_month(ctx: Ctx) -> bool:
    """A lone "March"/"May" described as a stretch of time: after "in a disastrous", "was a
    cold, wet", or opening the sentence after "Entering"; then a comma, a stop or a clause."""
    if _ING_OPENING.search(ctx.before) is not None:
        return ctx.text[ctx.end : ctx.end + 1] == ","
    adj = _ADJ_BEFORE.search(ctx.before)
    if adj is None or adj.group(1) in _role_words():
        return False
    return _CLAUSE_AFTER.match(ctx.text, ctx.end) is not None


# "the March accession", "the May jobs report", "a March general election": "the" or "a" and a
# month before a lower-case noun
# make it a month, not "the March for Our Lives" or a person ("the May government" is rare).
# A possessive determines the noun as "the" does: "its March low", "his May address", "the
# government's March data".
_THE_BEFORE = re.compile(
    r"(?:\b(?:the|a|its|his|her|their|our|my|your)|\w['’]s|\ws['’])\s+$", re.IGNORECASE
)
# A verb after it makes the month the subject, a name: "The Women's March could change politics".
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:for|of|on|to|in|at|and|or|by|with|from|could|would|will|was|were|is|are|has"
    r"|have|had|can|may|might|must|should|shall|did|does)\b)[a-z]{3,}\b"
)


def _the_month_noun(ctx: Ctx) -> bool:
    return bool(_THE_BEFORE.search(ctx.before) and _NOUN_AFTER.match(ctx.text, ctx.end))


_SEASON_CUES = re.compile(
    r"\b(?:in|the|this|last|next|past|coming|early|late|mid|by|until|since|during)\s+$",
    re.IGNORECASE,
)
_SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}
_SEASON_DAYS = 92
# A season whose end lies more than this many days before the DCT is long gone (start + 92 + 90)
_SEASON_GONE = 182


# --- the families ------------------------------------------------------------------------------


def _event_tense(ctx: Ctx) -> Tense:
    """The tense for an unyeared date: a past clause says nothing about a date that names an
    event ("poised to challenge Trump in the Nov. 3 election", said in May, is the one to
    come); a future one, or "ahead of November's election", still points ahead."""
    tense = ctx.tense()
    if tense == "past" and _names_event(ctx) and not _outcome_past(ctx):
        return None
    return tense


def _names_event(ctx: Ctx) -> bool:
    return names_event(ctx.text, ctx.end) or after_event_noun(ctx.before)


def _past_only(ctx: Ctx) -> bool:
    """Only the past is possible for the date: after "since", naming a past event ("after
    September 11th happened", "the Feb. 14 assassination") or the outcome of one ("won the
    elections in January")."""
    return (
        since_before(ctx.before)
        or names_past_event(ctx.text, ctx.end, ctx.before)
        or _outcome_past(ctx)
    )


def _outcome_past(ctx: Ctx) -> bool:
    """ "following Hamas won the legislative elections in January": in a past clause an
    outcome of a scheduled event has taken place, however far back (a year at most)."""
    return (
        ctx.tense() == "past"
        and _names_event(ctx)
        and outcome_of_event(ctx.text[max(0, ctx.start - 80) : ctx.start])
    )


def norm_date(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month = read_month(m)
    if month is None:
        nmonth = group(m, "nmonth")
        month = int(nmonth) if nmonth else None
    day = read_day(m)
    if day is None and group(m, "nday"):
        day = int(group(m, "nday") or 0)
    if ctx.rule == "date.wdom" and day is not None:
        return _weekday_the_day(m, ctx, day)
    if ctx.rule == "date.wkoff":
        return _weeks_off_weekday(m, ctx)
    if month is None or day is None:
        return None
    if group(m, "month") and not capitalised(m, "month"):
        return None
    year = read_year(m)
    mod = read_mod(m)
    yrel = group(m, "yrel")
    if yrel and ctx.dct is not None:  # "Aug 31 last year"
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}[yrel.lower()]
    if year is not None:
        d = cal.safe_date(year, month, day)
        return Norm("DATE", d.isoformat(), mod) if d else None
    if yrel:
        return None  # no DCT: "next year" has no value
    if cal.safe_date(2000, month, day) is None:  # 2000 is a leap year: Feb 29 passes
        return None
    if group(m, "month") and names_a_thing(ctx.text, ctx.end):
        return None  # "the October 3 Platform"
    year = range_year(ctx.text, ctx.end, ctx.dct, month)
    if year is None and group(m, "month"):
        year = event_day_year(ctx.text, ctx.end, month, day, ctx.dct)  # "Sept. 11 attacks"
    if year is not None:
        d = cal.safe_date(year, month, day)
        return Norm("DATE", d.isoformat(), mod, kind="day") if d else None
    if ctx.dct is None:
        return Norm("DATE", f"XXXX-{month:02d}-{day:02d}", mod)
    # "next Nov. 4" (the weekday form "next Friday, Nov. 4" already names its day)
    explicit = None if group(m, "weekday") else explicit_direction(ctx.before)
    # "after September 11th happened": the date names a past event, however far back
    past_only = _past_only(ctx)
    tense = _event_tense(ctx)
    if _upcoming_event(ctx, month):
        tense = "future"  # "looking to come back for the Sept. 26 match", said in March
    # "would take place in London on August 31", said in December: "would" in the day's own
    # clause is trusted beyond the usual reach
    if explicit is None and update_stamp(ctx.before):
        # "This article was last updated on May 18": on or after the publication date
        d = resolve_month_day(month, day, ctx.dct, "future", reach=366)
        return Norm("DATE", d.isoformat(), mod, kind="day") if d else None
    deadline = (
        explicit is None
        and not past_only
        and _month_gone(month, day, ctx.dct)
        and present_deadline(ctx.text, ctx.sentences, ctx.start)
    )
    if deadline:
        # "is required to deliver ... by Dec. 31", said in March: the deadline to come,
        # trusted as far as a plain "will"
        tense = "future"
    # "were detained soon after mass riots in Jakarta on July 27", said 269 days later: so
    # is a plain past event verb
    reach = (
        cal.PLAIN_TENSE_REACH_DAYS
        if deadline
        or (tense == "future" and plain_future_on(ctx.text, ctx.sentences, ctx.start))
        or (tense == "past" and plain_past_on(ctx.text, ctx.sentences, ctx.start))
        else cal.TENSE_REACH_DAYS
    )
    d = resolve_month_day(month, day, ctx.dct, tense, past_only, explicit=explicit, reach=reach)
    free = explicit is None and not past_only and not group(m, "weekday")
    return Norm("DATE", d.isoformat(), mod, kind="day", free=free) if d else None


# How many months either side of the DCT "Friday the 13th" looks for a month whose 13th is a
# Friday (there is one at least every 14 months).
_WEEKDAY_DAY_REACH = 14
_QUOTE_OPEN = re.compile(r"[\"\u201c]$")
_QUOTE_CLOSE = re.compile(r",?[\"\u201d]")


def _weekday_the_day(m: re.Match[str], ctx: Ctx, day: int) -> Norm | None:
    """ "Friday the 13th", "on Tuesday the 15th": the day of that number nearest the DCT that
    falls on that weekday, the last one gone in a past clause and the next one in a future
    one; with no DCT the day of an unknown month."""
    weekday = read_weekday(m)
    if weekday is None or not 1 <= day <= 31:
        return None
    if _QUOTE_OPEN.search(ctx.text, max(0, ctx.start - 2), ctx.start) and _QUOTE_CLOSE.match(
        ctx.text, ctx.end
    ):
        return None  # the horror series ("Friday the 13th," "Halloween"), a title
    dct = ctx.dct
    if dct is None:
        return Norm("DATE", f"XXXX-XX-{day:02d}")
    tense = ctx.tense()
    options = []
    for shift in range(-_WEEKDAY_DAY_REACH, _WEEKDAY_DAY_REACH + 1):
        first = cal.add_months(dct.replace(day=1), shift)
        d = cal.safe_date(first.year, first.month, day)
        if d is None or d.isoweekday() != weekday:
            continue
        if (tense == "past" and d > dct) or (tense == "future" and d < dct):
            continue
        options.append(d)
    if not options:
        return None
    best = min(options, key=lambda d: abs((d - dct).days))
    return Norm("DATE", best.isoformat(), kind="day")


_WEEK_COUNTS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4}


def _weeks_off_weekday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "a week ago Friday": the last Friday on or before the DCT, a week earlier; "two weeks
    from Monday": the next Monday on or after the DCT, two weeks later."""
    weekday = read_weekday(m)
    word = (group(m, "wcount") or "").lower()
    weeks = int(word) if word.isdigit() else _WEEK_COUNTS.get(word)
    if weekday is None or not weeks:
        return None
    dct = ctx.dct
    if dct is None:
        return Norm("DATE", "XXXX-XX-XX")
    if (group(m, "wdir") or "").lower() == "ago":
        base = dct - dt.timedelta(days=(dct.isoweekday() - weekday) % 7)
        return Norm("DATE", (base - dt.timedelta(weeks=weeks)).isoformat(), kind="day")
    base = dct + dt.timedelta(days=(weekday - dct.isoweekday()) % 7)
    return Norm("DATE", (base + dt.timedelta(weeks=weeks)).isoformat(), kind="day")


_DEADLINE_GONE_DAYS = 31


def _month_gone(month: int, day: int, dct: dt.date) -> bool:
    """True when the day's last occurrence is more than a month before the DCT: a present
    requirement "by Dec. 31" said in March is the one to come, while "the figures are by
    May 10", said on May 16, may well be the days just gone."""
    last = resolve_month_day(month, day, dct, "past", since=True)
    return last is not None and (dct - last).days > _DEADLINE_GONE_DAYS


def norm_week(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the week of March 6": the ISO week holding that day; "the weekend of May 2-3": that
    week's weekend."""
    day = norm_date(m, ctx)
    if day is None or not re.match(r"^\d{4}-\d\d-\d\d$", day.value):
        return day
    week = cal.iso_week(dt.date.fromisoformat(day.value))
    return Norm("DATE", week + "-WE" if ctx.rule == "week.weekend" else week)


def norm_month(m: re.Match[str], ctx: Ctx) -> Norm | None:
    month = read_month(m)
    if month is None or not capitalised(m, "month"):
        return None
    word = key(group(m, "month") or "")
    mod = read_mod(m)
    year = read_year(m)
    rel = group(m, "rel")
    yrel = group(m, "yrel")
    if year is None and rel is None and yrel is None:
        year = range_year(ctx.text, ctx.end, ctx.dct, month)
    if year is not None:
        return Norm("DATE", f"{year}-{month:02d}", mod, kind="month")
    if rel is None and yrel is None:
        raw = group(m, "month") or ""
        # An abbreviation alone needs its full stop ("Aug."), and "May"/"March" alone need a
        # cue word before them ("in May"), or they are too often a verb or a name.
        if word != full_month_name(month) and not raw.endswith("."):
            return None
        cued = bool(
            mod
            or _MONTH_CUES.search(ctx.before)
            or _the_month_noun(ctx)
            or _described_month(ctx)
            or _THE_MONTH.match(m.group(0)) is not None  # "the (whole) month of May"
        )
        if word in lexicon().ambiguous_months and not cued:
            return None
        if lone_month_is_name(ctx.text, ctx.start, ctx.end, cued) or (
            not cued and speaker_name(ctx.text, ctx.start, ctx.end)
        ):
            return None  # "according to May", "Marie June Skender", "Red October"
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
        tense = _event_tense(ctx)
        if _upcoming_event(ctx, month) or _deadline_ahead(ctx, month, tense):
            tense = "future"
        # "February's killing of Hariri": a month naming an unscheduled event is gone
        past_only = _past_only(ctx)
        # "The current parliament, elected in January, ...", said in December: a plain past
        # right before "in" reaches the whole year back
        plain = tense == "past" and plain_past_in(ctx.text, ctx.sentences, ctx.start)
        reach = PLAIN_MONTH_REACH_DAYS if plain else None
        year = resolve_month(month, dct, tense, past_only, timetable_before(ctx.before), reach)
        norm = Norm("DATE", f"{year}-{month:02d}", mod, kind="month", free=True)
        if _THAT_YEAR.match(ctx.text, ctx.end):
            norm.ctx_ref = "thatyear"  # "In March that year": the year named before (context.py)
        return norm
    return Norm("DATE", f"{year}-{month:02d}", mod, kind="month")


# "the month of May", "the whole/entire month of May": the month word is the cue that makes
# an ambiguous "May"/"March" a month
_THE_MONTH = re.compile(r"the\s+(?:(?:whole|entire)\s+)?month\b", re.IGNORECASE)
# "In March that year", "In June of that year": the month of a year the text named before
_THAT_YEAR = re.compile(r",?\s+(?:of\s+)?that\s+(?:same\s+)?year\b", re.IGNORECASE)

_BY_BEFORE = re.compile(r"(?<![\w-])by\s+(?:(?:early|mid|late)[\s-]+)?$", re.I)


def _deadline_ahead(ctx: Ctx, month: int, tense: Tense) -> bool:
    """ "a vaccine should be available by January", said in May: a month after "by" four
    or more months back is not what a past clause (the saying) or no tense reaches for; the
    deadline is the one ahead. "By March, we knew" (two months back) stays the past one."""
    return (
        tense != "future"
        and ctx.dct is not None
        and (ctx.dct.month - month) % 12 >= 4
        and _BY_BEFORE.search(ctx.before) is not None
    )


def _upcoming_event(ctx: Ctx, month: int) -> bool:
    """ "to face Trump in the November election" (or "in the election in November") said in
    May, with no past or future tense
    to go by: as near back as ahead, a scheduled event named by its month (and day) is the
    one to come. Only six months off the DCT's month ("the July deadline" missed, said in
    September, stays the nearer one gone); a past clause keeps the nearest ("The November
    election was close")."""
    return (
        ctx.dct is not None
        and (month - ctx.dct.month) % 12 == 6
        # "the November election" or "its elections in November"
        and (before_event_noun(ctx.text, ctx.end) or after_event_noun(ctx.before))
        and direction(ctx.tense()) is None
    )


@functools.cache
def _street() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_list("timex_street_words.txt", lower=True))
    return re.compile(rf"\s+(?:[A-Z][\w'.-]*\s+){{1,3}}(?i:{words})\b")


@functools.cache
def _measure() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in load_list("timex_measure_units.txt", lower=True))
    return re.compile(rf"[ \t]+(?:{words})\b")  # lower case only: "2018 TB cases" is a year


_YEAR_PREP = re.compile(r"\b(?:in|since|until|during|by)\s+$", re.I)
_MEASURE_BY = re.compile(r"\d\s+[a-z]+\s+by\s+$", re.I)


def _measured(before: str) -> bool:
    """A number before a measure word (``timex_measure_units.txt``) is a quantity unless a
    time preposition is before it ("In 2019 miles driven fell", "by 2030 tons"); "by" between
    two measures is the dimension's ("1080 pixels by 1920 pixels")."""
    return _YEAR_PREP.search(before) is None or _MEASURE_BY.search(before) is not None


def _fiscal_span(m: re.Match[str]) -> int | None:
    """ "FY2019-20" -> 2020 (the year the fiscal year ends in), 0 when the two years do not
    follow each other ("FY2019-22"), None when the match is no such span."""
    start = group(m, "fys") or group(m, "fys1")
    end = group(m, "fye") or group(m, "fye1")
    if start is None or end is None:
        return None
    first = int(start) if len(start) == 4 else 2000 + int(start)
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    return last if last == first + 1 else 0


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
# a spaced span of years closed by punctuation, "and" or "to": "(1982 - 87)", "1997 – 2001,"
_SPACED_SPAN = re.compile(
    r"\s+[-–]\s+(?:1[0-9]|20)?\d\d(?!\d)(?=\s*(?:[),.;:!?](?!\d)|and\b|to\b|$))", re.MULTILINE
)
# what __init__'s span rule reads as a span's second year
_SPAN_SHAPE = re.compile(r"(?:1[0-9]|20)?\d\d(?![\w-]|[/.,:]\d)")
_TIME_PREP = re.compile(r"\b(?:in|since|until|by|during|for|of)\s+$", re.IGNORECASE)


def _dash_as_punctuation(ctx: Ctx) -> bool:
    """A year after a time preposition with a spaced dash after it: "in 2019 - 158.1"."""
    dash = _SPACED_DASH.match(ctx.text, ctx.end)
    return (
        dash is not None
        and _TIME_PREP.search(ctx.before) is not None
        and _SPAN_SHAPE.match(ctx.text, dash.end()) is None
    )


def norm_year(m: re.Match[str], ctx: Ctx) -> Norm | None:
    fyear = group(m, "fyear")
    if fyear is not None:
        # "the full year", "the fiscal year" in a report: the year being reported on (the
        # DCT's); "the latest fiscal year" is the last one closed.
        if stretch_before(ctx.before):
            return Norm("DURATION", "P1Y")  # "throughout the fiscal year"
        if ctx.dct is None:
            return Norm("DATE", "XXXX")
        return Norm("DATE", str(ctx.dct.year - ("latest" in fyear.lower())))
    span = _fiscal_span(m)
    if span is not None:
        return Norm("DATE", str(span)) if span else None
    if ctx.rule == "year.new":
        # "the new year": said in January or February the year just begun, else the next one
        if ctx.dct is None:
            return Norm("DATE", "XXXX", read_mod(m))
        return Norm("DATE", str(ctx.dct.year + (ctx.dct.month > 2)), read_mod(m))
    era_year = group(m, "eyear")
    if era_year is not None:
        # "776 BC" = BC0776, "555 AD" / "AD 79" = 0555 / 0079 (HeidelTime, TIMEX2); "1354"
        # before "to 1345 B.C." is BC1354
        era = group(m, "era") or group(m, "bcnext")
        end = m.end("bcnext") if group(m, "bcnext") else ctx.end  # the span's marker
        if not era_marker(ctx.text, ctx.start, end, era, int(era_year)):
            return None
        prefix = "BC" if era is not None and era.startswith("B") else ""
        return Norm("DATE", f"{prefix}{int(era_year):04d}", read_mod(m))
    fy = group(m, "fy")
    if fy is not None:
        # "FY2024", "FY24": the fiscal year is named by its year (two digits = 20xx).
        return Norm("DATE", fy if len(fy) == 4 else f"20{fy}")
    year = read_year(m)
    if year is None:
        return None
    mod = read_mod(m)
    whole = m.group(0)
    if (
        ctx.rule == "year.alone"
        and group(m, "thousand") is not None
        and not (
            re.search(r"\b(?:in|since|until)\s+$", ctx.before)
            and re.match(r"\s*(?:[,.;:!?)]|$)", ctx.text[ctx.end : ctx.end + 3])
        )
    ):
        # "two thousand (and five)" alone is a count ("two thousand people", "rose by two
        # thousand") unless it ends a phrase after a time preposition ("in two thousand.");
        # "the year two thousand" is year.fiscal.
        return None
    if group(m, "pos") is None and whole.strip().isdigit():
        # A bare number is a year only in a plausible range and not a count ("1500 people").
        if not 1600 <= year <= 2099:
            return None
        after = ctx.text[ctx.end : ctx.end + 12]
        before = ctx.text[max(0, ctx.start - 5) : ctx.start]
        if (
            re.match(r"\s*(?:[-–]\s*\d|\.\d|,\d)", after)
            and not re.match(r"[-–/](?:1[0-9]|20)?\d\d(?!\d)", after)
            and not _SPACED_SPAN.match(ctx.text, ctx.end)
            and not _dash_as_punctuation(ctx)
        ):
            # "2024-555", "2013.5", but "2009-2010", "2009-10", "(1997 - 2001)", "1997 – 2001,"
            # are years, and so is one after a time preposition with a spaced dash after it,
            # punctuation ("in 2019 - 158.1"); not when a two-digit span end could follow
            # ("in 2020 - 28 tons": the span rule of __init__ would read 2028)
            return None
        if re.search(r"(?:(?:No\.|[#$€£])\s*|\d[,.])$", before):
            return None  # "No. 1995", "$1995", "1,995"; but "in 1994, 1995 and 1997" are years
        if re.search(r"(?<!\d)\d{3}[-.]$", before):
            return None  # "1-800-2020", "555-1999": a phone number; "2019-2020" stays a range
        if _street().match(ctx.text, ctx.end) and not re.search(
            r"\b(?:in|since|until|by|during)\s+$", ctx.before, re.I
        ):
            return None  # "at 1600 Pennsylvania Avenue" is an address; "in 2024 Main St..." is not
        if _measure().match(ctx.text, ctx.end) and _measured(ctx.before):
            return None  # "1080 pixels by 1920 pixels", "2000 meters away", "1721 million"
    return Norm("DATE", str(year), mod)


def norm_decade(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = group(m, "dword")
    if word is not None:
        # "the nineties", "nineteen eighties": the tens word of timex_numbers.tsv ("ninety").
        tens = lexicon().numbers.get(key(word)[:-3] + "y", "")
        if not tens.isdigit():
            return None
        spoken = {"nineteen": "19", "twenty": "20"}.get(key(group(m, "dcent") or ""))
        if spoken:
            return Norm("DATE", spoken + tens[0], read_mod(m))
        century = "19"
        if ctx.dct is not None and int(tens) <= ctx.dct.year % 100:
            century = str(ctx.dct.year // 100)
        return Norm("DATE", century + tens[0], read_mod(m))
    raw = group(m, "decade") or ""
    whole = m.group(0).lower()
    digits = raw.lstrip("'")
    if len(digits) == 4:
        return Norm("DATE", digits[:3], read_mod(m))
    if not (raw.startswith("'") or whole.startswith("the") or "'" in whole):
        return None  # "in their 90s" is an age
    if not (raw.startswith("'") or whole.rstrip("s").endswith("'")):
        return None
    century = "19"
    if ctx.dct is not None and int(digits) <= ctx.dct.year % 100:
        century = str(ctx.dct.year // 100)
    return Norm("DATE", century + digits[0], read_mod(m))


def norm_century(m: re.Match[str], ctx: Ctx) -> Norm | None:
    raw = key(group(m, "cent") or "")
    n = lexicon().ordinals.get(raw)
    if n is None:
        digits = re.match(r"\d+", raw)
        n = int(digits.group(0)) if digits else None
    if not n or n > 21:
        return None
    # "the 5th century BC" = BC04 (HeidelTime: "the 2nd century BC" = BC01)
    prefix = "BC" if (group(m, "cera") or "").startswith("B") else ""
    return Norm("DATE", f"{prefix}{n - 1:02d}", read_mod(m))


_QORD = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}


def _previous_quarter(dct: dt.date | None) -> str:
    if dct is None:
        return "XXXX-QX"
    y, q0 = divmod(dct.year * 4 + (dct.month - 1) // 3 - 1, 4)
    return quarter_value(y, q0 + 1)


@functools.cache
def _ended_regex() -> re.Pattern[str]:
    months = month_names()
    return re.compile(
        rf"\s+(?:ended|ending)\s+({months})\.?\s+(3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
        r"(?:,?\s+((?:1[6-9]|20)\d\d)(?!\d))?",
        re.IGNORECASE,
    )


@functools.cache
def _to_month_end_regex() -> re.Pattern[str]:
    return re.compile(
        rf"\s+(?:to|through)\s+the\s+end\s+of\s+({month_names()})\b(?!\.?\s+\d)",
        re.IGNORECASE,
    )


def _ended_on(ctx: Ctx) -> dt.date | None:
    """ "the second quarter ended Oct. 31": the day a quarter named with its end closed (the
    last such day on or before the DCT when the year is not given); "ending Dec. 31" follows
    the clause's tense, as it may still be to come; "the quarter to the end of June" ends on
    that month's last day, the nearest one."""
    m = _ended_regex().match(ctx.text, ctx.end)
    if m is None:
        to_end = _to_month_end_regex().match(ctx.text, ctx.end)
        month = lexicon().months.get(key(to_end.group(1))) if to_end else None
        if month is None or ctx.dct is None:
            return None
        year = resolve_month(month, ctx.dct, None)
        return cal.add_months(dt.date(year, month, 1), 1) - dt.timedelta(days=1)
    month, day = lexicon().months.get(key(m.group(1))), int(m.group(2))
    if month is None:
        return None
    if m.group(3):
        return cal.safe_date(int(m.group(3)), month, day)
    if ctx.dct is None:
        return None
    if m.group(0).strip().lower().startswith("ending"):
        return resolve_month_day(month, day, ctx.dct, ctx.tense())
    return resolve_month_day(month, day, ctx.dct, "past", since=True)


def _quarter_ended(end: dt.date) -> str:
    """The calendar quarter holding most of the three months that end on ``end``: "the quarter
    ended July 31" (May to July) is the second."""
    middle = end.replace(day=1) - dt.timedelta(days=1)  # a day of the month before the last
    return quarter_value(middle.year, (middle.month - 1) // 3 + 1)


def _quarter_role(
    m: re.Match[str] | None, year: int | None, quarter: int, dct: dt.date | None, ctx: Ctx
) -> str | None:
    """ "upcoming": a quarter not closed at the DCT, outside a past-tense clause ("the trend
    will continue into the fourth quarter" said in October; "reported a decline in
    fourth-quarter earnings" in November is a fiscal quarter already reported on). "fiscal":
    the quarter is called the company's fiscal one."""
    if m is not None and "fiscal" in m.group(0).lower():
        return "fiscal"
    if year is None or dct is None:
        return None
    if year * 4 + quarter < dct.year * 4 + (dct.month - 1) // 3 + 1:
        return None
    return "upcoming" if ctx.tense() != "past" else None


@functools.cache
def _month_or_quarter() -> re.Pattern[str]:
    return re.compile(rf"\b(?:({month_names()})\b|(quarter|Q[1-4]\b))", re.IGNORECASE)


def _month_compared(ctx: Ctx) -> bool:
    """True when the expression's sentence names a month before it and no quarter ("gun
    fatalities rose 14 percent in the first two weeks of April this year compared to the same
    period last year"); "a quarterly loss ... the same period last year", "in the ongoing
    quarter (April-June) in comparison to the same period last year" are the quarter's."""
    begin = ctx.sentence()[0]
    found = list(_month_or_quarter().finditer(ctx.text, begin, ctx.start))
    return bool(found) and all(f.group(1) is not None for f in found)


def norm_quarter_context(m: re.Match[str], ctx: Ctx) -> Norm | None:
    """ "the quarter", "the 1988 period", "the year-ago quarter": the quarter a report is on."""
    whole = key(m.group(0))
    year = read_year(m)
    if re.match(r"-to-", ctx.text[ctx.end : ctx.end + 4]):
        return None  # "the quarter-to-quarter comparison" names no quarter
    # "the year-ago quarter", "the quarter a year ago", "the corresponding period last year",
    # "last year's quarter": the reported quarter one year back.
    back = any(w in whole for w in ("year-ago", "year-earlier", "year ago", "year earlier"))
    back = back or any(w in whole for w in ("last year", "previous year", "prior year"))
    latest = "latest" in whole or "most recent" in whole
    if (
        whole.endswith("period")
        and year is None
        and not back
        and not latest
        and ("comparable" not in whole and "corresponding" not in whole)
    ):
        return None  # "the period" alone is anything
    default = _previous_quarter(ctx.dct)
    ended = _ended_on(ctx) if not back and year is None else None
    if ended is not None and ctx.dct is not None and ended > ctx.dct:
        # "the quarter ending Dec. 31" said in November: that quarter, still to come
        return Norm("DATE", _quarter_ended(ended), quarter_role="upcoming")
    if ended is not None:
        default = _quarter_ended(ended)  # unless a report's own quarter was named before it
    if latest and not back and year is None and whole.endswith("quarter"):
        # "the latest quarter" is the last one closed before the report, whatever quarter was
        # named last ("a fourth-quarter charge" is still to come): TimeBank 8 of 9. "The latest
        # period" stays with the report's own (fiscal) quarter named before it.
        return Norm("DATE", default)
    # "the same period last year" is a period too, however it ends
    if (back or year is not None) and " period" in whole and in_longer_period(ctx, period=True):
        # "In the first nine months, net was $306 million, against $195 million in the 1988
        # period": the same nine months of that year, so the year
        if year is None and ctx.dct is None:
            return Norm("DATE", "XXXX")
        return Norm("DATE", str(year if year is not None else ctx.dct.year - 1))  # type: ignore[union-attr]
    if back:
        y, q = default.split("-", 1)
        default = f"{int(y) - 1}-{q}" if y.isdigit() else default
        # "fell 20 percent in April from the same period last year": the month a year back
        # (context.py takes the month's own year), when the sentence names no quarter
        month = " period" in whole and _month_compared(ctx)
        return Norm("DATE", default, ctx_ref="yearback:month" if month else "yearback")
    if year is not None:
        return Norm("DATE", f"{year}-{default.split('-', 1)[1]}", ctx_ref=f"same:{year}")
    return Norm("DATE", default, ctx_ref="same")


def norm_yearback(m: re.Match[str], ctx: Ctx) -> Norm | None:
    value = str(ctx.dct.year - 1) if ctx.dct else "XXXX"
    if in_longer_period(ctx):
        return Norm("DATE", value)  # "for the nine months, ... year-earlier net": the year
    return Norm("DATE", value, ctx_ref="yearback")


def norm_quarter(m: re.Match[str], ctx: Ctx) -> Norm | None:
    if ctx.rule == "quarter.ctx":
        return norm_quarter_context(m, ctx)
    year = read_year(m)
    dct = ctx.dct
    cur_q = (dct.month - 1) // 3 + 1 if dct else None
    qword = key(group(m, "qord") or "")
    whole_q = m.group(0).lower()
    qnum = group(m, "qnum")
    if qnum:
        qword = {"1": "first", "2": "second", "3": "third", "4": "fourth"}[qnum[1]]
    rel = key(group(m, "rel") or "")
    yrel = key(group(m, "yrel") or "")
    if qword in ("last", "final") and year is None and not key(m.group(0)).startswith("the"):
        return None  # "sold best last quarter" is the quarter before the DCT's (quarter.rel)
    if qword and year is None and not yrel and not group(m, "yback") and in_game(ctx):
        return None  # "24 points in the third quarter": the game's quarter, no date
    if qword:
        q = _QORD.get(qword, 4)
        ended = _ended_on(ctx) if year is None and not group(m, "yback") else None
        if ended is not None:
            # "the second quarter ended Oct. 31" (said in late October): the quarter of the
            # year it ended in, however a fiscal year numbers it.
            year = ended.year
        if year is None and dct is not None and cur_q is not None:
            if yrel:
                year = dct.year + {"last": -1, "this": 0, "next": 1}[yrel]
            else:
                # Reports look back: a later quarter is last year's, unless the clause is in
                # the future; an earlier (or the current) quarter is this year's.
                year = dct.year if q <= cur_q or ctx.tense() == "future" else dct.year - 1
                if cur_q - q >= 2 and ctx.tense() == "future" and "fiscal" not in whole_q:
                    # "The deal is expected to close in the first quarter", said in December:
                    # a quarter half a year or more gone is no plan's; next year's ("will
                    # report first-quarter results" in April is the one just closed)
                    year = dct.year + 1
        if group(m, "yback") and year is not None:
            # "the year-ago third quarter": that quarter one year before the one reported on.
            return Norm("DATE", quarter_value(year - 1, q), read_mod(m))
        return Norm(
            "DATE",
            quarter_value(year, q) if year else f"XXXX-Q{q}",
            read_mod(m),
            quarter_role=_quarter_role(m, year, q, dct, ctx),
        )
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
    # "this quarter", "next quarter" count from the DCT: never closed, never the one reported on.
    return Norm("DATE", quarter_value(y, q0 + 1), quarter_role="upcoming" if shift >= 0 else None)


def norm_half(m: re.Match[str], ctx: Ctx) -> Norm | None:
    half = key(group(m, "half") or "")
    hnum = group(m, "hnum")
    h = int(hnum[1]) if hnum else 1 if half == "first" else 2
    year = read_year(m)
    yrel = key(group(m, "yrel") or "")
    if year is None:
        if ctx.dct is None:
            return Norm("DATE", f"XXXX-H{h}")
        year = ctx.dct.year + {"last": -1, "this": 0, "next": 1}.get(yrel, 0)
    return Norm("DATE", f"{year}-H{h}")


# A bare season followed by a capitalised word (not a year) is the start of a name.
_NAME_AFTER = re.compile(r" (?!(?:of|in)\b)[A-Z][a-z]+")


@functools.cache
def _season_list() -> re.Pattern[str]:
    seasons = "|".join(sorted(lexicon().seasons, key=len, reverse=True))
    return re.compile(
        rf"\b(next|coming|last|past)\s+({seasons})\s*,?\s+(?:and|or)\s+"
        rf"(?:(?:the\s+)?(?:early|mid|late)[\s-]+)?$",
        re.IGNORECASE,
    )


def _listed_season(before: str, dct: dt.date) -> dt.date | None:
    """The start of the season named with "next"/"last" right before "and"/"or" and this
    season ("next fall or early winter", "last spring and summer"): a list of seasons runs
    on from its first member. None when no such member stands before."""
    m = _season_list().search(before[-40:])
    if m is None:
        return None
    code = lexicon().seasons.get(key(m.group(2)))
    if code is None:
        return None
    starts = [
        dt.date(y, _SEASON_MONTH[code], 1)
        for y in (dct.year - 2, dct.year - 1, dct.year, dct.year + 1)
    ]
    if m.group(1).lower() in ("next", "coming"):
        return min(d for d in starts if d > dct)
    current = max(d for d in starts if d <= dct)
    in_season = (dct - current).days < _SEASON_DAYS
    return max(d for d in starts if d < (current if in_season else dct + dt.timedelta(days=1)))


def norm_season(m: re.Match[str], ctx: Ctx) -> Norm | None:
    word = key(group(m, "season") or "")
    code = lexicon().seasons.get(word)
    if code is None:
        return None
    whole = key(m.group(0))
    year = read_year(m)
    has_det = whole != word
    if (
        not has_det
        and year is None
        and not (_SEASON_CUES.search(ctx.before) or ctx.text[ctx.start].isupper())
    ):
        return None  # "prices fall", "hot spring"
    if word in ("fall", "spring") and re.match(r"-[a-z]", ctx.text[ctx.end : ctx.end + 2]):
        return None  # "the fall-out", "spring-loaded": another word
    if not has_det and year is None and _NAME_AFTER.match(ctx.text, ctx.end):
        return None  # "Autumn Klein said", "Winter Storm Uri": a capitalised name goes on
    if (
        word in ("fall", "spring")
        and not has_det
        and year is None
        and not re.search(r"\b(?:in|by|until|since|during)\s+$", ctx.before, re.I)
    ):
        return None
    mod = read_mod(m)
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
    listed = _listed_season(ctx.before, dct) if rel is None else None
    if listed is not None:
        # "another one is likely next fall or early winter", said in April: the winter after
        # that fall, not the one gone
        chosen = min((d for d in season_start if d > listed), default=season_start[-1])
        return Norm("DATE", f"{chosen.year}-{code}", mod)
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
        if rel == "next" and chosen.year == dct.year and (chosen - dct).days <= _SEASON_DAYS:
            # "keeping as much in place from this summer for next summer", "helping the
            # festival to return next summer" (said in May): the season about to begin is
            # "this summer", so "next" is a year on; in December "next spring" is the coming
            # one (it is next year's)
            chosen = chosen.replace(year=chosen.year + 1)
    elif in_season:
        chosen = current
    elif rel == "this":
        # "this summer" in October is the summer just gone, in April the one to come: the
        # season of the DCT's year (a winter counts from its December).
        year = dct.year - 1 if code == "WI" and dct.month <= 3 else dct.year
        chosen = dt.date(year, month, 1)
    else:
        tense = direction(ctx.tense())
        upcoming = min(d for d in season_start if d > dct)
        if tense is None and (upcoming - dct) < (dct - current):
            # "colleges are expecting a shock in the fall" said in May: with no tense to go
            # by, the nearer season (the one coming, not the one eight months gone).
            chosen = upcoming
        elif (
            tense == "past"
            and not since_before(ctx.before)
            and not tense_only_after(ctx.text, ctx.sentences, ctx.start)
            and not past_verb_owns(ctx.text, ctx.sentences, ctx.start)
            and (dct - current).days > _SEASON_GONE
            and (upcoming - dct).days < (dct - current).days - _SEASON_DAYS
        ):
            # "said colleges had to decide whether to reopen in the fall", said in May: the
            # past clause is the saying; a season over for months, nearer ahead than gone,
            # is the one to come ("last fall" names the one gone); a past only after the date
            # is the season's own ("The ordination ... in the spring led the pope to ..."),
            # and so is a season right after its past verb ("He left in the summer")
            chosen = upcoming
        else:
            chosen = upcoming if tense == "future" else current
    return Norm("DATE", f"{chosen.year}-{code}", mod)


@functools.cache
def _anticipated_days() -> frozenset[str]:
    return frozenset(load_list("timex_anticipated_days.txt", lower=True))


# How long after an anticipated day its name stops meaning the one gone: "since Election
# Day" in January is the November before; from March the news talks of the coming one.
_ANTICIPATION_AFTER_DAYS = 120


def _anticipated(options: list[dt.date], dct: dt.date) -> bool:
    """True when the day's last occurrence is long gone and the next one is still to come in
    the DCT's year."""
    gone = [o for o in options if o < dct]
    ahead = [o for o in options if o >= dct]
    return (
        bool(gone and ahead)
        and ahead[0].year == dct.year
        and (dct - max(gone)).days > _ANTICIPATION_AFTER_DAYS
    )


# How near the holiday gone must be to hold the future to the usual reach.
_HOLIDAY_NEAR_DAYS = 30


def _holiday_reach(options: list[dt.date], ctx: Ctx) -> int:
    """A holiday comes once a year, so the future names its next occurrence however far
    ("Shops will reopen before Christmas" in March: the coming one, not the one gone),
    unless the one gone is within a month. The past is left to the usual reach: a past
    saying or habit governs as often a holiday ahead ("Trump said he wants the country
    opened up by Easter", "was presented each year between Memorial Day and Labor Day")."""
    if ctx.dct is None:
        return cal.TENSE_REACH_DAYS
    if direction(ctx.tense()) == "past":
        # "The family met at Easter", said in March before Easter: a plain past event verb
        # right before "at/on/over/during" names the last one, however far back, as a plain
        # past does a month-day (tense.plain_past_on); a saying, a habit or "by Easter" keeps
        # the usual reach
        ahead = [(o - ctx.dct).days for o in options if o > ctx.dct]
        near = ahead and min(ahead) <= _HOLIDAY_NEAR_DAYS
        past = not near and plain_past_at_holiday(ctx.text, ctx.sentences, ctx.start)
        return 366 if past else cal.TENSE_REACH_DAYS
    if direction(ctx.tense()) != "future":
        return cal.TENSE_REACH_DAYS
    gone = [(ctx.dct - o).days for o in options if o < ctx.dct]
    return 366 if gone and min(gone) > _HOLIDAY_NEAR_DAYS else cal.TENSE_REACH_DAYS


def norm_holiday(m: re.Match[str], ctx: Ctx) -> Norm | None:
    name = key(group(m, "holiday") or "")
    rule = lexicon().holidays.get(name)
    if rule is None:
        return None
    year = read_year(m)
    rel = key(group(m, "rel") or "")
    if year is None and not rel and speaker_name(ctx.text, ctx.start, ctx.end):
        return None  # "says Easter", "Michelle Easter": a person
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
        elif name in _anticipated_days() and _anticipated(options, ctx.dct):
            # "250,000 dead by Election Day" said in March: this year's, still ahead
            d = min(o for o in options if o >= ctx.dct)
        else:
            d = cal.choose(options, ctx.dct, direction(ctx.tense()), _holiday_reach(options, ctx))
        return Norm("DATE", d.isoformat())
    d = cal.holiday(rule, year)
    return Norm("DATE", d.isoformat()) if d else None


# The value an ordinal day or week before "of <month or year>" keeps until storyline.nlp.timex
# joins it to that month or year (it is dropped when there is none).
PART_OF = "PARTOF"


def norm_partof(m: re.Match[str], ctx: Ctx) -> Norm | None:
    return Norm("DATE", PART_OF)


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
    "partof": norm_partof,
}
