"""Time expressions: find TIMEX3 expressions and normalise them against the publication date.

A rule-based tagger in the manner of HeidelTime, in pure Python:

1. ``patterns``: the rules of ``data/timex_patterns.tsv`` (built from the vocabulary files
   ``data/timex_*.tsv``) propose candidate spans;
2. ``normalise`` (with ``relative`` and ``values``): each candidate's family turns it into a
   TIMEX3 type/value/mod against the DCT, asking ``tense`` which way an underspecified date
   points ("on Friday" in "expired on Friday" is the past Friday), or rejects it;
3. overlapping survivors are resolved longest-first;
4. ``context`` gives "the quarter", "a year ago" in a report, and "the following month" the
   date the story is at; ``anchoring`` counts "ten days before the ruling" from the ruling's
   date, marks deadlines and anchors them on the event they count from.

``tag(text, dct, doc=None)`` is the interface ``analyze()`` uses; with a spaCy ``doc`` the tense
comes from the parse, without one from cue words (fast enough for TimeML batches).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from storyline.dates import parse_date
from storyline.model import Timex
from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex import context
from storyline.nlp.timex.anchoring import anchor_deadlines, resolve_events
from storyline.nlp.timex.calendar import iso_week
from storyline.nlp.timex.lexicon import alternation, key, lexicon, month_names
from storyline.nlp.timex.names import lunar_holiday_is_name
from storyline.nlp.timex.normalise import NORMALISERS, PART_OF, Ctx, Norm
from storyline.nlp.timex.patterns import Candidate, candidates, date_words, group, select
from storyline.nlp.timex.tense import Sentences, Tense, tense_at
from storyline.rules import load_list, load_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "timex.rules.v1"

__all__ = ["VERSION", "tag"]


def _normalise(
    text: str, cand: Candidate, dct: dt.date | None, sentences: Sentences, doc: Doc | None
) -> Norm | None:
    cache: list[Tense] = []

    def tense() -> Tense:
        if not cache:
            cache.append(tense_at(text, sentences, cand.start, cand.end, doc))
        return cache[0]

    ctx = Ctx(text, cand.start, cand.end, dct, cand.rule.name, tense, sentences=sentences)
    try:
        norm = NORMALISERS[cand.rule.family](cand.match, ctx)
    except (ValueError, OverflowError, KeyError):
        # A calendar impossibility ("Feb 30", year 9999 + 1) is not a time expression.
        return None
    if norm is not None and norm.mod is None and cand.rule.family == "half":
        # "by the end of the first half of this year": the position before a half-year is
        # inside its extent (timex_patterns.tsv half.ord) and gives its mod, as for a quarter
        pos = group(cand.match, "pos")
        norm.mod = lexicon().positions.get(key(pos or "")) if pos else None
    if norm is not None and cand.rule.family == "ref" and norm.value == "XXXX":
        return _lunar_holiday(text, cand, norm, dct)
    if norm is not None and _that_season(cand):
        # "In 2005 the river flooded. That summer ...": the season of the year told before, as
        # "In March that year" (context.resolve); with none close before, the DCT's reading.
        norm.ctx_ref = "thatyear"
    return norm


def _that_season(cand: Candidate) -> bool:
    """A season after the demonstrative "that" and without a year of its own."""
    m = cand.match
    return (
        cand.rule.family == "season"
        and m.group(0)[:5].lower() in ("that ", "that\t", "that\n")
        and group(m, "year") is None
        and not m.group(0)[-1].isdigit()
    )


def _lunar_holiday(text: str, cand: Candidate, norm: Norm, dct: dt.date | None) -> Norm | None:
    """ "during Ramadan", "Eid al-Fitr", "Lunar New Year" (timex_refs.tsv's XXXX rows): a holiday
    of a lunar calendar, which storyline cannot place on a Gregorian day; news names the one
    of its own season, so its value is the DCT's year (TimeML allows a coarser value than the
    expression's). A surname ("Taha Yassin Ramadan") is none."""
    if lunar_holiday_is_name(text, cand.start, cand.end):
        return None
    year = _LUNAR_YEAR_AFTER.match(text, cand.end)
    if year is not None:
        return Norm(norm.type, year.group(1))  # "the lunar new year in 2002", "Ramadan 2020"
    return Norm(norm.type, str(dct.year)) if dct is not None else norm


def _is_lunar_holiday(t: Timex) -> bool:
    """A tag of a lunar-calendar holiday (timex_refs.tsv's XXXX rows), whose value is only the
    year it falls in."""
    entry = lexicon().refs.get(key(t.text))
    return entry is not None and entry[1] == "XXXX"


def _lunar_holiday_years(text: str, timexes: list[Timex]) -> list[Timex]:
    """ "Ramadan 2020": a lunar holiday and the bare year right after it are one date, as
    "Christmas 1950" is (holiday.named); "the lunar new year in 2002" stays two."""

    def merge(prev: Timex, t: Timex) -> Timex | None:
        entry = lexicon().refs.get(key(prev.text))
        if entry is None or entry[1] != "XXXX" or not _bare_year(t) or prev.value != t.value:
            return None
        return _joined(text, prev, t) if re.fullmatch(r"[ \t]+", text[prev.end : t.start]) else None

    return _merge_neighbours(timexes, merge)


_LUNAR_YEAR_AFTER = re.compile(r",?\s+(?:(?:in|of)\s+)?((?:1[6-9]|20)\d\d)(?![\w,.-]\d|[\w-])")


# "a third-quarter loss", "the 30-day period", "the two day rally" (a count before a singular
# unit), "The 6,000-year figure" (a count with a comma or a point): a modifier is tagged
# without its noun phrase's determiner (TimeML's extent rule).
# "the mid-1990s" is a noun, not a modifier. Any count in words ("the fourteen day quarantine",
# "the forty-five minute drive"; it was "the fourteen day" with the determiner inside).
_DETERMINER_OF_MODIFIER = re.compile(
    r"(?:the|a|an|its|their|his|her)\s+"
    r"(?=\d[\d,.]*\d-[\w-]+$|[\w']+-[\w-]+$"
    r"|(?:\d{1,3}(?:,\d{3})+|\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
    r"|(?:thir|four|fif|six|seven|eigh|nine)teen|(?:(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
    r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?))"
    r"\s+(?:minute|hour|day|week|month|year|decade)$)(?![\w]+-'?\d*0'?s$)",
    re.I,
)


# "Easter week", "the Memorial Day weekend": a holiday and the week or weekend it falls in
# are one expression, the holiday's ISO week (TimeML: "Easter week" = 2000-W16 when Easter is
# 2000-04-23) or the weekend next to it (a Monday holiday ends its weekend, a Friday one
# starts it: Memorial Day 2020-05-25 -> 2020-W21-WE). "the Memorial Day holiday weekend" is
# the same weekend.
_HOLIDAY_WEEK = re.compile(
    r"\s+(?:holiday\s+)?(week|weekend)(?![\w-])(?:\s+((?:19|20)\d\d)(?![\w-]))?", re.I
)
_DAY = re.compile(r"^\d{4}-\d\d-\d\d$")


# "ahead of the Memorial Day weekend": with "week"/"weekend" as its head the holiday phrase is
# a time noun phrase, and its determiner is part of it (TIDES/TimeML: premodifiers such as
# determiners are included; TimeBank "[the weekend]" 38 : 3 for "the" + a unit). In "the
# Memorial Day recess" the "the" belongs to "recess" and stays out.
_THE_BEFORE = re.compile(r"(?<![\w-])the\s+$", re.I)


def _holiday_the(text: str, cand: Candidate, start: int, end: int, lo: int) -> int:
    if cand.rule.family != "holiday" or _HOLIDAY_WEEK.match(text, end) is None:
        return start
    if group(cand.match, "rel"):
        return start  # "this Easter weekend" already has its determiner
    m = _THE_BEFORE.search(text, max(lo, start - 8), start)
    return m.start() if m else start


def _holiday_week(text: str, cand: Candidate, norm: Norm, end: int, hi: int) -> int:
    m = _HOLIDAY_WEEK.match(text, end, hi)
    if cand.rule.family != "holiday" or m is None or not _DAY.match(norm.value):
        return end
    day = dt.date.fromisoformat(norm.value)
    if m.group(1).lower() == "week":
        norm.value = iso_week(day)
    else:
        shift = {1: -1, 5: 1}.get(day.isoweekday(), 0)  # Monday: the weekend before it
        norm.value = iso_week(day + dt.timedelta(days=shift)) + "-WE"
    if m.group(2) and day.year != int(m.group(2)):
        return m.end(1)  # a year _holiday_week_year did not join
    return m.end()


def _holiday_in(cand: Candidate, year: int) -> dt.date | None:
    """The day of the named day ``cand`` matched in ``year`` (None for no rule or no such day)."""
    rule = lexicon().holidays.get(key(group(cand.match, "holiday") or ""))
    return cal.holiday(rule, year) if rule else None


# "Memorial Day weekend 2019", "Easter week 2000": a year right after the holiday's week or
# weekend is that phrase's year, as in "Memorial Day 2019", and one expression with it (TE3: a
# single time is one TIMEX3; "the weekend of Memorial Day in 2019"). The year's own tag goes and
# the holiday is that year's; _holiday_week then takes the year into the extent.
_WEEK_THEN_YEAR = re.compile(r"\s+(?:holiday\s+)?(?:week|weekend)\s+", re.I)
_BARE_YEAR = re.compile(r"(?:19|20)\d\d")


def _holiday_week_year(text: str, kept: list[tuple[Candidate, Norm]]) -> None:
    i = 0
    while i + 1 < len(kept):
        (cand, norm), (nxt, nxt_norm) = kept[i], kept[i + 1]
        i += 1
        if cand.rule.family != "holiday" or not _DAY.match(norm.value):
            continue
        if group(cand.match, "year") or group(cand.match, "rel") or nxt_norm.mod:
            continue
        if (
            not _BARE_YEAR.fullmatch(text, nxt.start, nxt.end)
            or nxt_norm.value != text[nxt.start : nxt.end]
        ):
            continue
        if not _WEEK_THEN_YEAR.fullmatch(text, cand.end, nxt.start):
            continue
        day = _holiday_in(cand, int(nxt_norm.value))
        if day is None:
            continue
        norm.value = day.isoformat()
        del kept[i]


# "every Christmas", "each Thanksgiving", "every Memorial Day weekend": a named day after
# "every"/"each" recurs each year, a SET with "every" in its extent (TimeML: "every Tuesday"
# is SET XXXX-WXX-2, quant EVERY). Its value keeps what the rule fixes: a fixed date
# (XXXX-12-25), the month of a weekday rule (Thanksgiving XXXX-11-XX), a weekend or week
# (XXXX-WXX-WE); a calendar day keeps its month and day ("every Fourth of July", "every March
# 15" = XXXX-07-04, XXXX-03-15). "last/next Christmas" and a named year are one day, and stay
# dates.
_EVERY_BEFORE = re.compile(r"(?<![\w-])(?:every|each)\s+$", re.I)
_FIXED_RULE = re.compile(r"(\d\d)-(\d\d)")
_MONTH_RULE = re.compile(r"(\d\d)-")
_EVERY_FAMILIES = frozenset({"holiday", "date"})


def _every_holiday(text: str, kept: list[tuple[Candidate, Norm]]) -> None:
    for cand, norm in kept:
        if cand.rule.family not in _EVERY_FAMILIES or not _DAY.match(norm.value):
            continue
        if group(cand.match, "year") or group(cand.match, "rel") or group(cand.match, "yrel"):
            continue
        if _EVERY_BEFORE.search(text, max(0, cand.start - 8), cand.start) is None:
            continue
        if cand.rule.family == "date":
            # "every Fourth of July", "every March 15": the calendar day of each year
            if cand.rule.name in ("date.dm", "date.md") and not group(cand.match, "weekday"):
                norm.type, norm.value, norm.quant = "SET", "XXXX" + norm.value[4:], "EVERY"
            continue
        week = _HOLIDAY_WEEK.match(text, cand.end)
        if week is not None and week.group(2):
            continue  # "Thanksgiving weekend 2019" is one weekend
        rule = lexicon().holidays.get(key(group(cand.match, "holiday") or "")) or ""
        if week is not None:
            value = "XXXX-WXX" + ("-WE" if week.group(1).lower() == "weekend" else "")
        elif m := _FIXED_RULE.fullmatch(rule):
            value = f"XXXX-{m.group(1)}-{m.group(2)}"
        elif m := _MONTH_RULE.match(rule):
            value = f"XXXX-{m.group(1)}-XX"
        else:
            value = "XXXX-XX-XX"  # Easter and the days counted from it
        norm.type, norm.value, norm.quant = "SET", value, "EVERY"


# "marked St. Patrick's Day Tuesday", "on Independence Day Saturday": a bare weekday right
# after a named day (a space or a comma between) that is the weekday the named day falls on
# restates it, and is that day (it was the weekday nearest the DCT). Two expressions, as two
# noun phrases are; only the weekday's value changes.
_HOLIDAY_THEN_WEEKDAY = re.compile(r",?[ \t]+")


def _holiday_weekday(text: str, kept: list[tuple[Candidate, Norm]]) -> None:
    for (cand, norm), (nxt, nxt_norm) in itertools.pairwise(kept):
        if cand.rule.family != "holiday" or not _DAY.match(norm.value):
            continue
        if nxt.rule.family != "weekday" or not _HOLIDAY_THEN_WEEKDAY.fullmatch(
            text, cand.end, nxt.start
        ):
            continue
        weekday = lexicon().weekdays.get(text[nxt.start : nxt.end].lower())
        if weekday is None:
            continue
        day = dt.date.fromisoformat(norm.value)
        if day.isoweekday() != weekday:
            # "on Independence Day Saturday" said in May 2020: the year next to the holiday's
            # in which it falls on that weekday, if just one does (2020-07-04, a Saturday)
            if group(cand.match, "year") or group(cand.match, "rel"):
                continue
            days = [_holiday_in(cand, day.year + k) for k in (-1, 1)]
            fits = [d for d in days if d is not None and d.isoweekday() == weekday]
            if len(fits) != 1:
                continue
            day = fits[0]
            norm.value = day.isoformat()
        nxt_norm.value = day.isoformat()


# "Thanksgiving weekend in November 2018", "Christmas Day in 2016": a holiday followed by "in"
# or "of" and a year (or a month and year that holds the holiday) falls in that year. TimeML
# keeps the two noun phrases as two expressions (a prepositional phrase after a TIMEX3 is not
# part of it); only the holiday's year changes, which the DCT alone would have picked.
_HOLIDAY_IN = re.compile(r"(?:\s+(?:week|weekend))?\s+(?:in|of)\s+$", re.I)
_YEAR_VALUE = re.compile(r"^(\d{4})(?:-(\d\d))?$")


# "On Election Day, November 8, 2016, Frank Luntz ...": a date set off by a comma right after
# a holiday restates it; when it is the holiday's own day of its year, that is the holiday's
# value (the DCT alone would have picked another year's).
_APPOSITION = re.compile(r"\s*,\s*")


def _apposed_day(text: str, cand: Candidate, norm: Norm, nxt: Candidate, nxt_norm: Norm) -> bool:
    if not _DAY.match(nxt_norm.value) or not _APPOSITION.fullmatch(text, cand.end, nxt.start):
        return False
    name = key(group(cand.match, "holiday") or "")
    rule = lexicon().holidays.get(name)
    day = dt.date.fromisoformat(nxt_norm.value)
    if rule is None or (cal.holiday(rule, day.year) != day and name not in _movable_days()):
        return False
    norm.value = day.isoformat()
    return True


@functools.cache
def _movable_days() -> frozenset[str]:
    return frozenset(key(w) for w in load_list("timex_movable_days.txt", lower=True))


def _holiday_year(
    text: str, cand: Candidate, norm: Norm, after: tuple[Candidate, Norm] | None
) -> None:
    if cand.rule.family != "holiday" or after is None or not _DAY.match(norm.value):
        return
    if group(cand.match, "year") or group(cand.match, "rel"):
        return  # "Christmas 2016", "last Christmas": the expression says its own year
    nxt, nxt_norm = after
    if _apposed_day(text, cand, norm, nxt, nxt_norm):
        return
    value = _YEAR_VALUE.match(nxt_norm.value)
    if nxt_norm.type != "DATE" or value is None or nxt_norm.mod:
        return
    if not _HOLIDAY_IN.fullmatch(text, cand.end, nxt.start):
        return
    day = _holiday_in(cand, int(value.group(1)))
    if day is None or (value.group(2) and int(value.group(2)) != day.month):
        return  # "Easter in March 2019" when Easter 2019 is in April: leave it
    norm.value = day.isoformat()


# "a quarter-century", "a half-hour": a fraction of a unit hyphened is a noun, and its "a" is
# inside as in "a week" ("for a half-hour.", "a quarter-century of rule"), unless a word of
# the noun it qualifies follows ("a half-hour drive", "its quarter-century low").
_FRACTION_NOUN = re.compile(r"an?\s+(?:half|quarter)-(?:hour|day|year|decade|century)", re.I)
_AFTER_NOUN = re.compile(
    r"\s*(?:[^\w\s]|$|(?:of|ago|in|on|at|and|or|to|for|before|after|later|"
    r"earlier|since|when|as|that|with|by|from|than|is|was|has|had)\b)",
    re.I,
)


# "released at the end of today's hearing", "at the start of Monday's session", "the end of
# last week's trading": before a possessive the position word belongs to the noun the
# expression qualifies (the end of the hearing), not to the day; the day alone is the expression
# (it was "the end of today" END). TE3-silver AFP_ENG_19970414.0512.
@functools.cache
def _position_of() -> re.Pattern[str]:
    words = [w for w in lexicon().positions if w.endswith(" of")]
    return re.compile(rf"(?:{alternation(words)})\s+", re.I)


def _possessive_position(text: str, start: int, end: int, norm: Norm) -> int:
    if text[end : end + 2] not in ("'s", "\u2019s") or norm.mod not in _POSITION_MODS:
        return start
    m = _position_of().match(text, start, end)
    if m is None or m.end() >= end:
        return start
    norm.mod = None
    return m.end()


def _trim_determiner(text: str, start: int, end: int) -> int:
    if _FRACTION_NOUN.fullmatch(text, start, end) and _AFTER_NOUN.match(text, end):
        return start
    m = _DETERMINER_OF_MODIFIER.match(text, start, end)
    if m is None and _THIS_DATED.match(text, start, end) and _caption_noun().match(text, end):
        m = _THIS_DATED.match(text, start, end)  # "In this Friday, July 8, 2011 file photo"
    return m.end() if m else start


# "this" before a date that ends in its year: a caption's determiner when a picture noun
# follows the date (timex_caption_nouns.txt)
_THIS_DATED = re.compile(r"this\s+(?=[^\n]*\d{4}$)", re.I)


@functools.cache
def _caption_noun() -> re.Pattern[str]:
    words = alternation(load_list("timex_caption_nouns.txt", lower=True))
    return re.compile(rf",?\s+(?:(?:file|handout|AP)\s+)?(?:{words})\b", re.I)


@functools.cache
def _extensions() -> tuple[tuple[re.Pattern[str], str, frozenset[str], frozenset[str]], ...]:
    """(regex, mod, types, starts): "before" regexes end at the expression, "after" ones
    start there; ``starts`` (lower case), if any, are the words the expression must begin with."""
    out = []
    for row in load_table("timex_extensions.tsv"):
        words = r"\s+".join(re.escape(w) for w in row["phrase"].split())
        if row["side"] == "before":
            regex = re.compile(rf"(?<![\w-])({words})\s+$", re.I)
        elif row["side"] == "prefix":  # "post-1959": joined to the expression by a hyphen
            regex = re.compile(rf"(?<![\w-])({words})-$", re.I)
        else:
            regex = re.compile(rf"\s+({words})(?![\w-])", re.I)
        starts = frozenset(row.get("starts", "").lower().split())
        out.append((regex, row["mod"], frozenset(row["types"].split()), starts))
    return tuple(out)


_FIRST_WORD = re.compile(r"[\w']+")
# "around year end": TIMEX3 has one mod, and TimeBank gives the approximation (APPROX) rather
# than the position in the year (END) when both are said; the word goes inside the extent.
_POSITION_MODS = frozenset({"START", "MID", "END"})


def _extend(text: str, start: int, end: int, norm: Norm, lo: int, hi: int) -> tuple[int, int]:
    """Widen [start, end) over an edge word of ``timex_extensions.tsv`` ("1994 or later"),
    setting its mod; ``lo``/``hi`` are the neighbouring expressions' edges, never crossed."""
    first = _FIRST_WORD.match(text, start)
    for regex, mod, types, starts in _extensions():
        if norm.type not in types:
            continue
        if starts and (first is None or first.group(0).lower() not in starts):
            continue
        if regex.pattern.endswith("$"):
            if text.startswith(("'s", "’s"), end):
                continue  # "get around Wednesday's ruling": the word governs the noun phrase
            m = regex.search(text, max(lo, start - 20), start)
            if m and (not norm.mod or (mod == "APPROX" and norm.mod in _POSITION_MODS)):
                start, norm.mod = m.start(1), mod
        else:
            m = regex.match(text, end, min(hi, end + 20))
            if m:
                end, norm.mod = m.end(1), mod
    return start, end


# One length said in two units: "2 hours 15 minutes", "three years and two months" (TimeML:
# one DURATION, PT2H15M). Only from a larger unit to a smaller one that fits in it, so "10
# years, 5 years" or "ten days, two weeks later" stay apart.
# ("50 minutes 55.154 seconds", a race time: the seconds may have decimals)
_LENGTH = re.compile(r"^P((?:\d+[YMWD])*)(?:T((?:\d+[HM])*(?:\d+(?:\.\d+)?S)?))?$")
_LENGTH_JOINT = re.compile(r"\s*(?:,\s*)?(?:and\s+)?")
# "watching football for 20 years, five days a week": a count of a unit before "a week" is
# how often, not a second part of the first length.
_RATE_AFTER = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b", re.I)
_UNIT_RANK = {"Y": 0, "M": 1, "W": 2, "D": 3, "TH": 4, "TM": 5, "TS": 6}
# How many of the smaller unit fit in the larger: "three months, 120 days, or 180 days" is a
# list of choices, not one length, because 120 days do not fit in a month.
_FITS = {
    ("Y", "M"): 12,
    ("Y", "W"): 53,
    ("Y", "D"): 366,
    ("M", "W"): 5,
    ("M", "D"): 31,
    ("W", "D"): 7,
    ("D", "TH"): 24,
    ("D", "TM"): 1440,
    ("TH", "TM"): 60,
    ("TH", "TS"): 3600,
    ("TM", "TS"): 60,
}


def _length_parts(value: str) -> list[tuple[int, str, str]] | None:
    """ "PT2H15M" -> [(4, "2", "TH"), (5, "15", "TM")]: whole numbers only (but for seconds:
    "PT55.154S"), else None."""
    m = _LENGTH.match(value)
    if not m or not (m.group(1) or m.group(2)):
        return None
    date = [(n, u) for n, u in re.findall(r"(\d+)([YMWD])", m.group(1))]
    clock = [(n, "T" + u) for n, u in re.findall(r"(\d+(?:\.\d+)?)([HMS])", m.group(2) or "")]
    return [(_UNIT_RANK[u], n, u) for n, u in date + clock]


def _merge_neighbours(
    timexes: list[Timex], merge: Callable[[Timex, Timex], Timex | None]
) -> list[Timex]:
    """Each timex and the (possibly merged) one kept before it: ``merge(prev, t)`` gives the
    one timex that stands for both, or None to keep them apart. Merges chain, so the result of
    one merge meets the next timex."""
    out: list[Timex] = []
    for t in timexes:
        merged = merge(out[-1], t) if out else None
        if merged is None:
            out.append(t)
        else:
            out[-1] = merged
    return out


def _joined(text: str, prev: Timex, t: Timex, **changes: object) -> Timex:
    """``prev`` stretched over ``t``: one expression from both, counted from the text again
    (no event anchor or end date of its own)."""
    return dataclasses.replace(
        prev,
        end=t.end,
        text=text[prev.start : t.end],
        anchor=None,
        resolved_end=None,
        **changes,  # type: ignore[arg-type]
    )


def _join_lengths(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        if not (
            prev.type == t.type == "DURATION"
            and not t.mod
            # "91 Americans a day Fifteen minutes into the film" (a lost full stop between
            # two paragraphs): a capital opens a new sentence, not the rest of one length
            and not (t.text[:1].isupper() and not prev.text[:1].isupper())
            and _LENGTH_JOINT.fullmatch(text, prev.end, t.start)
            and not _RATE_AFTER.match(text, t.end)
        ):
            return None
        a, b = _length_parts(prev.value), _length_parts(t.value)
        fits = _FITS.get((a[-1][2], b[0][2]), 0) if a and b else 0
        if not (a and b and len(b) == 1 and float(b[0][1]) < fits):
            return None
        parts = a + b
        date = "".join(n + u for _, n, u in parts if not u.startswith("T"))
        clock = "".join(n + u[1:] for _, n, u in parts if u.startswith("T"))
        value = "P" + date + (f"T{clock}" if clock else "")
        return dataclasses.replace(prev, end=t.end, text=text[prev.start : t.end], value=value)

    return _merge_neighbours(timexes, merge)


# "the summit on April 24 and 25.": the second day of a pair is a date of its own (TimeML tags
# each day), in the month of the first. Only before punctuation, so "April 24 and 25 people
# died" keeps its count.
_SECOND_DAY = re.compile(
    r"\s+(?:and|or|&)\s+((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)(?=\s*(?:[.,;:!?)\"'\u201d]|$))"
)
# "the Nov. 6-17 conference", "on Nov. 4-5", "from December 4 to 14.": the end of a range of
# days is a date of its own too, as each year of "1948-1951" is; after a dash whatever follows
# ("the Nov. 18-19 APEC forum"), after "to"/"through" only before punctuation ("rose on May 3
# to 15 percent" is an amount). It must come after the first day.
_RANGE_END_DAY = re.compile(
    r"(?:\s?[-\u2013]\s?((?:3[01]|[12]\d|0?[1-9]))(?![\d:.,]\d|\s*(?:%|percent\b|per\b|[ap]\.?m\b))"
    r"|\s+(?:to|through|until|till)\s+((?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)"
    r"(?=\s*(?:[.,;:!?)\"'\u201d]|$)))(?![\w-])"
)
_DAY_VALUE = re.compile(r"^(\d{4}|XXXX)-(\d\d)-\d\d$")
_ENDS_WITH_DAY = re.compile(r"(?<!\d)\d{1,2}(?:st|nd|rd|th)?$")


# "Nov. 4-5, 2006": the year after the end day is that day's ("5, 2006"), not a tag of its own.
_YEAR_AFTER_DAY = re.compile(r",?\s+((?:1[0-9]|20)\d\d)(?![\w-])")


def _day_number(written: str) -> int:
    """The day a written day gives ("9th" -> 9)."""
    return int(re.sub(r"\D", "", written))


def _range_member(text: str, t: Timex, start: int, end: int, value: str) -> Timex:
    """Another member of the pair or range ``t`` belongs to, a tag of its own over
    ``text[start:end]``: ``t``'s type with ``value``, and none of ``t``'s mod, anchor or
    deadline, which were said of ``t`` alone."""
    return dataclasses.replace(
        t,
        start=start,
        end=end,
        text=text[start:end],
        value=value,
        mod=None,
        anchor=None,
        resolved_end=None,
        deadline=False,
    )


def _other_day(text: str, t: Timex, start: int, end: int, day: int) -> Timex:
    """``day`` of the month of ``t`` (a day-precise date): the other day of a pair or range
    ("April 24 and [25]")."""
    return _range_member(text, t, start, end, f"{t.value[:7]}-{day:02d}")


def _second_days(text: str, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    skip = -1
    for i, t in enumerate(timexes):
        if i == skip:
            continue
        out.append(t)
        value = _DAY_VALUE.match(t.value)
        ends = _ENDS_WITH_DAY.search(t.text)
        if t.type != "DATE" or value is None or ends is None:
            continue  # "Nov. 21, 2025 and 22": a year, not a day, comes before "and"
        m = _SECOND_DAY.match(text, t.end) or _RANGE_END_DAY.match(text, t.end)
        if m is None or (i + 1 < len(timexes) and timexes[i + 1].start < m.end()):
            continue
        g = m.lastindex or 1
        day = _day_number(m.group(g))
        if m.re is _RANGE_END_DAY and day <= _day_number(ends.group(0)):
            continue  # "Nov. 16-4" is no range of days
        year, month = value.groups()
        if year != "XXXX" and cal.safe_date(int(year), int(month), day) is None:
            continue  # "Feb. 28 and 30": no such day
        end = m.end(g)
        y = _YEAR_AFTER_DAY.match(text, end)
        if y and y.group(1) == year and i + 1 < len(timexes):
            nxt = timexes[i + 1]
            if (nxt.start, nxt.end, nxt.value) == (y.start(1), y.end(1), year):
                end, skip = y.end(1), i + 1
        out.append(_other_day(text, t, m.start(g), end, day))
    return out


def _range_ends(
    text: str, timexes: list[Timex], end_of: Callable[[str, Timex], Timex | None]
) -> list[Timex]:
    """``timexes`` with the closing member ``end_of`` finds right after each one, where the
    text has no tag of its own there already."""
    out: list[Timex] = []
    for i, t in enumerate(timexes):
        out.append(t)
        member = end_of(text, t)
        if member is not None and (i + 1 == len(timexes) or timexes[i + 1].start >= member.end):
            out.append(member)
    return out


# "the recession of 1990-91", "in 2002/03", "the 2005/06 season": a span of years written with
# the second year cut to two digits is a range, and TimeML tags a range as two dates (as it
# does "1948-[1951]" and "from 1991 to 1997"), so the two digits are the second year, in the
# first's century; a whole second year after a slash ("2002/2003.", which year.alone leaves
# out after "/" for the paths of web addresses) is one too. It must come later, within ten
# years (so "2002-01" is no span of years), and be no part of a longer number or date
# ("2002-03-15", "2002/03/15"). "fiscal 2004-05" stays one fiscal year (year.fyspan).
_YEAR_SPAN_END = re.compile(r"\s?[-\u2013/]\s?((?:1[0-9]|20)?\d\d)(?![\w-]|[/.,:]\d)")


def _year_span_end(text: str, t: Timex) -> Timex | None:
    m = _YEAR_SPAN_END.match(text, t.end)
    if t.type != "DATE" or not _bare_year(t) or m is None:
        return None
    first, cut = int(t.value), int(m.group(1))
    second = cut if cut > 99 else first - first % 100 + cut + (100 if cut < first % 100 else 0)
    if not first < second <= first + 10:
        return None  # "2002-01" (a year and month), "1990-85": no span of years
    return _range_member(text, t, m.start(1), m.end(1), str(second))


# "from 11 a.m. to 1:30", "8 a.m.-5:30": a bare h:mm closing a range whose start is a clock
# time with its meridiem is a clock time too (alone "1:30" is read as a score or a ratio, and
# so is left out); it is on the start's day, at the first of its two readings (1:30 or
# 13:30) after the start, or past midnight on the next day. A meridiem or a zone after it
# makes it the clock rule's own match.
_CLOCK_RANGE_END = re.compile(
    r"\s*(?:to|until|till|through|[-\u2013])\s*(?P<h>1[0-2]|0?[1-9]):(?P<m>[0-5]\d)(?![\d:])"
    r"(?!\s*(?:[ap]\.?m\b|[ap]\.m\.|[ECMP][SD]?T\b|GMT|UTC))"
)
_MERIDIEM = re.compile(r"\d\s*(?:[ap]\.m\.?|[ap]m\b)", re.I)
_RANGE_START_VALUE = re.compile(r"(.*T)(\d\d):(\d\d)")


def _clock_range_end(text: str, t: Timex) -> Timex | None:
    m = _CLOCK_RANGE_END.match(text, t.end)
    value = _RANGE_START_VALUE.fullmatch(t.value)
    if t.type != "TIME" or m is None or value is None or not _MERIDIEM.search(t.text):
        return None
    hour, minute = int(m.group("h")) % 12, int(m.group("m"))
    later = context.first_after((int(value.group(2)), int(value.group(3))), hour, minute)
    day = value.group(1)
    if later is None and re.fullmatch(r"\d{4}-\d\d-\d\dT", day):
        # "from 10 p.m. to 1:30": past midnight, the next day
        after = cal.next_day(day[:-1])
        if after is None:
            return None  # after 9999-12-31 there is no next day to put it on
        day = f"{after}T"
    end_hour = hour if later is None else later
    value_end = f"{day}{end_hour:02d}:{minute:02d}"
    return _range_member(text, t, m.start("h"), m.end("m"), value_end)


# "at 12:45 and 17:45 weekdays" (a BBC page), "from 09:00 to 17:30": a bare 24-hour h:mm
# after a tagged 24-hour clock time and "and"/"or"/"to"/a dash is the second clock time of
# the pair or range, on the first's day (past midnight the next, for a range). Alone it is
# left out as a score might be.
_CLOCK_PAIR_END = re.compile(
    r"[ \t]*(?P<sep>and|or|to|until|till|through|[-\u2013])[ \t]*"
    r"(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)"
    r"(?![\d:.]\d|\s*(?:[ap]\.?m\b|[ap]\.\s?m\.|%|percent\b|hours\b|hrs\b))"
)
_CLOCK_24 = re.compile(r"(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d$")


def _clock_pair_end(text: str, t: Timex) -> Timex | None:
    m = _CLOCK_PAIR_END.match(text, t.end)
    value = _RANGE_START_VALUE.fullmatch(t.value)
    if t.type != "TIME" or m is None or value is None or _MERIDIEM.search(t.text):
        return None
    if not _CLOCK_24.search(t.text):
        return None
    hour, minute = int(m.group("h")), int(m.group("m"))
    day = value.group(1)
    start = (int(value.group(2)), int(value.group(3)))
    if (hour, minute) <= start:
        if m.group("sep") in ("and", "or") or not re.fullmatch(r"\d{4}-\d\d-\d\dT", day):
            return None  # "at 17:45 and 12:45": no order to read a pair by
        after = cal.next_day(day[:-1])
        if after is None:
            return None
        day = f"{after}T"
    return _range_member(text, t, m.start("h"), m.end("m"), f"{day}{hour:02d}:{minute:02d}")


_FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")


def _stamp_day(t: Timex) -> bool:
    """A day written out with its year ("March 11, 2013", "14/09/2013"), no mod: the date of a
    page's time stamp, whose clock time next to it is that day's. A day without its year
    ("on March 3 10:30") may be anything else beside a number."""
    return (
        t.type == "DATE"
        and not t.mod
        and _FULL_DATE.match(t.value) is not None
        and re.search(r"\d{4}", t.text) is not None
    )


# "Monday, March 11, 2013 23:51", "9 September 2013, 14:08", "17 September 2013 - 21:29",
# "Tuesday 28 April 2009 22.34 BST", "2019-11-19T08:57:40+01:00" (ISO 8601: "T", seconds, "Z" or
# an east offset): a page's time stamp with a 24-hour clock. A bare h:mm is
# otherwise left alone (a score, a ratio), but right after a full date with its year it is that
# day's clock time; _date_and_clock then makes both one TIME, as it does "Apr 26, 2020 21:43
# IST". "22.34" needs its zone (a bare "3.50" after a date may be an amount); a.m./p.m. after
# it make it the clock rule's own.
_STAMP_CLOCK = re.compile(
    r"(?:T(?=\d\d:)|[ \t]*(?:,[ \t]*)?(?:(?:at|@|[-\u2013|])[ \t]*)?)"
    r"(?:(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(?:Z\b|\+(?:0\d|1[0-4]):?[0-5]\d(?!\d))?"
    r"|(?P<dh>[01]?\d|2[0-3])\.(?P<dm>[0-5]\d)(?=\s+(?:GMT|UTC|BST|CET|CEST|IST|[ECMP][SD]?T)\b))"
    r"(?![\d:.]\d|\s*(?:[ap]\.?m\b|[ap]\.\s?m\.|%|percent\b))"
    # "Dec 23 2012, 5:03p" (a sports site's stamp): a bare "p"/"a" is the half of the day
    r"(?:(?P<ap>[ap])(?![\w.]))?"
    r"(?:\s+(?:hours|hrs)\b)?"
    r"(?:\s+(?:GMT|UTC|BST|CET|CEST|IST|JST|KST|HKT|SGT|AEST|AEDT|MSK|SAST|PKT|[ECMP][SD]?T)\b)?"
)


def _stamp_clock(text: str, t: Timex) -> Timex | None:
    m = _STAMP_CLOCK.match(text, t.end)
    if m is None or not _stamp_day(t):
        return None
    hour, minute = (m.group("h"), m.group("m")) if m.group("h") else (m.group("dh"), m.group("dm"))
    start = m.start("h") if m.group("h") else m.start("dh")
    h = int(hour)
    if m.group("ap"):
        if not 1 <= h <= 12:
            return None
        h = h % 12 + (12 if m.group("ap") == "p" else 0)
    clock = _range_member(text, t, start, m.end(), f"{t.value}T{h:02d}:{minute}")
    return dataclasses.replace(clock, type="TIME")


# "from 7th to 9th December", "7-9 December", "on 7 and 8 December": a day before a range's
# or pair's second day in day-month order is a date of its own, in the month of the second.
# After a dash whatever comes before; after "to"/"and"/"or" only after a time preposition
# ("between 1 and 5 June"), so "won 2 and 8 December" is not read as days. It must come first.
_FIRST_DAY = re.compile(
    r"(?:(?<![\w$.,/-])(?P<dash>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)\s?[-\u2013]\s?"
    r"|(?<![\w-])(?:from|between|on|of)\s+(?P<word>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)"
    r"\s+(?:to|through|until|till|and|or|&)\s+)$",
    re.I,
)
_STARTS_WITH_DAY = re.compile(r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\s+[A-Za-z]")


def _first_days(text: str, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    for t in timexes:
        value = _DAY_VALUE.match(t.value)
        starts = _STARTS_WITH_DAY.match(t.text)
        lo = out[-1].end if out else 0
        if t.type == "DATE" and value is not None and starts is not None:
            m = _FIRST_DAY.search(text, max(lo, t.start - 24), t.start)
            g = "dash" if m is not None and m.group("dash") else "word"
            if m is not None:
                day = _day_number(m.group(g))
                if day < _day_number(starts.group(0)):
                    out.append(_other_day(text, t, m.start(g), m.end(g), day))
        out.append(t)
    return out


# "in 1958, the year I was born", "November of 2019, which is the month in which ...": "the
# year" / "the month" set off by a comma right after a year or month restates it (was the
# DCT's); the unit must fit the date before it.
_APPOSED_UNIT = re.compile(r"the\s+(year|month)$", re.I)
_APPOSITION_GAP = re.compile(r",\s+(?:which\s+(?:is|was)\s+)?")
_UNIT_VALUE = {"year": re.compile(r"^\d{4}$"), "month": re.compile(r"^\d{4}-\d\d$")}


def _apposed_units(text: str, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    for t in timexes:
        unit = _APPOSED_UNIT.fullmatch(t.text)
        prev = out[-1] if out else None
        if (
            unit is not None
            and prev is not None
            and prev.type == t.type == "DATE"
            and _UNIT_VALUE[unit.group(1).lower()].match(prev.value)
            and _APPOSITION_GAP.fullmatch(text, prev.end, t.start)
        ):
            t = dataclasses.replace(t, value=prev.value, mod=None, anchor=None, resolved_end=None)
        out.append(t)
    return out


# "In 1945, the Kentucky Derby was held on June 9": a sentence that opens with "In <year>"
# sets that year for the months and days it names without one (the DCT's year, or the one the
# tense picks, would be wrong; TimeML values them in the frame's year). Only a bare year frames
# ("In 2019 and 2020" or "In 2019-20" are spans), only up to the sentence's next expression of
# another kind ("In 2008 ..., recently ... in April" leaves the frame), and only a month or
# month-day takes it, not "last March" or "this April", which count from the DCT.
_FRAME_OPENER = re.compile(r"[\s\"'“‘(]*(?:back\s+)?in\s+$", re.I)
_FRAME_AFTER = re.compile(r"\s*,|\s+(?!(?:and|or|to|through|until)\b)[A-Za-z]")
# "The 2022 Commonwealth Games are scheduled ... on July 27": a sentence about an event its
# year names (the year opens the sentence before a capitalised name) frames it the same way;
# "the 2016 campaign" (a lower-case noun) or a year further into the sentence does not.
_EVENT_OPENER = re.compile(r"[\s\"'“‘(]*the\s+$", re.I)
_EVENT_NAME_AFTER = re.compile(r"\s+[A-Z][\w'’-]*")
_YEARLESS_VALUE = re.compile(r"^(\d{4})(-\d\d(?:-\d\d)?(?:T[\d:]+|T[A-Z]{2})?)$")
_RELATIVE_WORD = re.compile(r"\b(?:last|next|this|that|coming|past|previous|following|ago)\b", re.I)


@functools.cache
def _month_word() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{month_names()})\b", re.I)


def _bare_year(t: Timex) -> bool:
    """A year written alone ("2003"), valued as itself."""
    return re.fullmatch(r"\d{4}", t.text) is not None and t.value == t.text


def _yearless_month(t: Timex) -> re.Match[str] | None:
    """The value of a month or month-day named without a year ("June 9", "in March"), as year
    and rest; None for any other expression, or one that counts from the DCT ("last March")."""
    value = _YEARLESS_VALUE.match(t.value)
    if (
        value is None
        or not _month_word().search(t.text)
        or re.search(r"\d{4}|'\d\d", t.text)
        or _RELATIVE_WORD.search(t.text)
    ):
        return None
    return value


def _in_year(t: Timex, year: str, value: re.Match[str]) -> Timex:
    """``t`` (a match of ``_yearless_month``) moved into ``year``, unless no such day exists."""
    new = year + value.group(2)
    day = _DAY_VALUE.match(new[:10])
    if day is None or cal.safe_date(int(new[:4]), int(new[5:7]), int(new[8:10])):
        return dataclasses.replace(t, value=new, anchor=None, resolved_end=None)
    return t


# "since '86", "the class of '99", "June '86", "(1983, '86, '87)", "1990-'91": a year cut to
# two digits after an apostrophe. Alone it is a year only after a time preposition (a quoted
# "'99 Problems" is a title); after a month without a year it is that month's year; after a
# year (or another such year) in a list or span it is the next member, in the century that
# keeps the list going forward ("1998, '02" = 2002). Alone, the century is the one that puts
# the year no later than the year after the DCT's ("in '86" = 1986, "class of '21" in 2020 =
# 2021); without a DCT the twentieth. "the '90s" is a decade's own rule.
_APOS_YEAR = re.compile(r"['\u2019](\d\d)(?![\w'\u2019]|[-\u2013/.,:]\d)")
_APOS_ALONE = re.compile(
    r"(?<![\w-])(?:in|since|until|till|from|before|after|through|of|by|circa)\s+$", re.I
)
_APOS_NEXT = re.compile(r"\s*(?:,|,?\s*and|,?\s*or|&|[-\u2013/]|to|through)\s*(?=['\u2019]\d\d)")
# "the '16 election cycle", "my '02 letter": a determiner before and a lower-case noun after
_APOS_DETERMINER = re.compile(r"(?<![\w-])(?:the|my|his|her|its|their|our|your)\s+$", re.I)
_APOS_NOUN_AFTER = re.compile(r"[ \t]+[a-z]")
_APOS_BEFORE = re.compile(r"(?<![\w'\u2019])$")


def _apos_year(cut: int, dct: dt.date | None, after: int | None = None) -> int:
    if after is not None:
        year = after - after % 100 + cut
        # "1998, '02" = 2002, but "in '15 and '13" (a list going back) stays in the century
        return year + 100 if year < after and (dct is None or year + 100 <= dct.year + 1) else year
    if dct is None:
        return 1900 + cut
    year = dct.year - dct.year % 100 + cut
    return year - 100 if year > dct.year + 1 else year


def _apos_match(text: str, pos: int) -> re.Match[str] | None:
    m = _APOS_YEAR.match(text, pos)
    if m is None or not _APOS_BEFORE.search(text, max(0, pos - 1), pos):
        return None
    return m


def _apostrophe_years(text: str, timexes: list[Timex], dct: dt.date | None) -> list[Timex]:
    taken = [(t.start, t.end) for t in timexes]

    def free(start: int, end: int) -> bool:
        return not any(start < e and s < end for s, e in taken)

    alone = []
    for m in _APOS_YEAR.finditer(text):
        if (
            _APOS_BEFORE.search(text, max(0, m.start() - 1), m.start())
            and (
                _APOS_ALONE.search(text, max(0, m.start() - 12), m.start())
                or (
                    _APOS_DETERMINER.search(text, max(0, m.start() - 8), m.start())
                    and _APOS_NOUN_AFTER.match(text, m.end())
                )
            )
            and free(m.start(), m.end())
        ):
            year = str(_apos_year(int(m.group(1)), dct))
            alone.append(
                Timex(start=m.start(), end=m.end(), text=m.group(0), type="DATE", value=year)
            )
            taken.append((m.start(), m.end()))
    out: list[Timex] = []
    for t in sorted(timexes + alone, key=lambda t: t.start):
        month = _yearless_month(t)
        gap = re.compile(r"[ \t]+").match(text, t.end)
        cut = _apos_match(text, gap.end()) if month is not None and gap else None
        if month is not None and cut is not None and free(t.end, cut.end()):
            year = str(_apos_year(int(cut.group(1)), dct))
            t = dataclasses.replace(
                _in_year(t, year, month), end=cut.end(), text=text[t.start : cut.end()]
            )
            taken.append((t.start, t.end))
        out.append(t)
        if not (_bare_year(t) or _APOS_YEAR.fullmatch(t.text)):
            continue
        prev, end = int(t.value), t.end
        while (sep := _APOS_NEXT.match(text, end)) and (nxt := _apos_match(text, sep.end())):
            if not free(nxt.start(), nxt.end()):
                break
            prev = _apos_year(int(nxt.group(1)), dct, prev)
            out.append(_range_member(text, t, nxt.start(), nxt.end(), str(prev)))
            taken.append((nxt.start(), nxt.end()))
            end = nxt.end()
    return out


def _framed_year(text: str, sentences: Sentences, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    frame: tuple[int, str] | None = None  # (sentence end, year)
    for t in timexes:
        if frame is not None and t.start >= frame[0]:
            frame = None
        if _bare_year(t):
            start, end = sentences.around(t.start)
            opens = _FRAME_OPENER.fullmatch(text, start, t.start) is not None
            named = (
                _EVENT_OPENER.fullmatch(text, start, t.start) is not None
                and _EVENT_NAME_AFTER.match(text, t.end) is not None
            )
            framed = (opens and _FRAME_AFTER.match(text, t.end)) or named
            frame = (end, t.value) if framed else None
            out.append(t)
            continue
        if frame is not None:
            value = _yearless_month(t)
            if value is None:
                # "In 2008 there was ..., recently there has been ... April": a time of another
                # kind between the frame and the date starts another time
                frame = None
            elif value.group(1) != frame[1]:
                t = _in_year(t, frame[1], value)
        out.append(t)
    return out


# A chronology set under year headings ("2003" alone on its line, then "October 28: A paper
# ..."): each heading sets the year of the months and days named below it without one, up to
# the next heading (TimeML values them in that year, not by the DCT). Only with two headings
# or more: one line holding a year alone may be anything (a caption, a table cell).
_HEADING_YEAR = re.compile(r"(?:^|\n)[ \t]*$")
_HEADING_END = re.compile(r"[ \t]*:?[ \t]*(?:\n|$)")


def _year_headings(text: str, timexes: list[Timex]) -> list[Timex]:
    heads = [
        i
        for i, t in enumerate(timexes)
        if _bare_year(t)
        and _HEADING_YEAR.search(text, max(0, t.start - 20), t.start)
        and _HEADING_END.match(text, t.end)
    ]
    if len(heads) < 2:
        return timexes
    out = list(timexes)
    for n, i in enumerate(heads):
        year = timexes[i].value
        stop = heads[n + 1] if n + 1 < len(heads) else len(timexes)
        for k in range(i + 1, stop):
            value = _yearless_month(out[k])
            if value is not None:
                out[k] = _in_year(out[k], year, value)
    return out


@functools.cache
def _monthly_days() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(the words before the weekday, the weekday in lower case, the rule) per named day of
    ``timex_monthly_days.tsv``."""
    out: list[tuple[re.Pattern[str], str, str]] = []
    for row in load_table("timex_monthly_days.tsv"):
        first, _, weekday = row["name"].rpartition(" ")
        out.append((re.compile(rf"\b{re.escape(first)}[ \t]+$"), weekday.lower(), row["day"]))
    return tuple(out)


def _monthly_day_value(rule: str, day: dt.date, dct: dt.date) -> str | None:
    """The named day in the month nearest the DCT on the weekday's side: after the DCT when
    the weekday was read as coming, else the last one on or before it. None at the calendar's
    ends, where that month does not exist."""
    days = []
    for k in (-1, 0, 1, 2):
        try:
            month = cal.add_months(dct.replace(day=1), k)
        except ValueError:  # before year 1 or after 9999
            continue
        named = cal.holiday(f"{month.month:02d}-{rule}", month.year)
        if named is not None:
            days.append(named)
    side = [d for d in days if d > dct] if day > dct else [d for d in days if d <= dct]
    if not side:
        return None
    return (min(side) if day > dct else max(side)).isoformat()


_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
_POSSESSIVE = re.compile(r"(?:['’]s)?[ \t]+")  # "next month's", "September 2013"


def _monthly_named_days(text: str, timexes: list[Timex], dct: dt.date | None) -> list[Timex]:
    """ "on Patch Tuesday": a weekday after the words of a monthly named day is that day (one
    DATE with the words), no longer this week's weekday."""
    out: list[Timex] = []
    for t in timexes:
        for before, weekday, rule in _monthly_days():
            if t.type != "DATE" or t.text.lower() != weekday:
                continue
            m = before.search(text, max(0, t.start - 40), t.start)
            if m is None:
                continue
            start, value = m.start(), t.value
            prev = out[-1] if out else None
            month = _MONTH_VALUE.match(prev.value) if prev is not None else None
            if prev is not None and month and _POSSESSIVE.fullmatch(text, prev.end, start):
                # "next month's Patch Tuesday", "its September 2013 Patch Tuesday updates":
                # that month's named day, one DATE
                day = cal.holiday(f"{month.group(2)}-{rule}", int(month.group(1)))
                start, value = prev.start, day.isoformat() if day else value
                out.pop()
            elif dct is not None and _DAY.match(t.value):
                named = _monthly_day_value(rule, dt.date.fromisoformat(t.value), dct)
                value = named or value
            t = dataclasses.replace(
                t, start=start, text=text[start : t.end], value=value, anchor=None
            )
            break
        out.append(t)
    return out


# "two Sundays ago", "three Mondays ago": a weekday counted back from the DCT is one DATE, the
# n-th such weekday before the DCT's day (it was a SET "Sundays" and the count left out).
_COUNT_BEFORE = re.compile(r"\b([A-Za-z]+|\d{1,2})[ \t]+$")
_AGO_AFTER = re.compile(r"[ \t]+ago\b", re.I)


def _weekdays_ago(text: str, timexes: list[Timex], dct: dt.date | None) -> list[Timex]:
    lex = lexicon()
    out: list[Timex] = []
    for t in timexes:
        word = t.text.lower()
        # the cheap tests first: this pass sees every expression of the text
        weekday = lex.weekdays.get(word[:-1]) if t.type == "SET" and word.endswith("s") else None
        ago = _AGO_AFTER.match(text, t.end) if weekday is not None else None
        count = _COUNT_BEFORE.search(text, max(0, t.start - 20), t.start) if ago else None
        if weekday is None or ago is None or count is None:
            out.append(t)
            continue
        number = lex.numbers.get(count.group(1).lower(), count.group(1))
        if not number.isdigit() or int(number) < 2:
            out.append(t)
            continue
        value = "XXXX-XX-XX"
        if dct is not None:
            back = (dct.isoweekday() - weekday - 1) % 7 + 1 + 7 * (int(number) - 1)
            if back >= dct.toordinal():  # "two Sundays ago" in the first days of year 1
                out.append(t)
                continue
            value = (dct - dt.timedelta(days=back)).isoformat()
        start, end = count.start(1), ago.end()
        out.append(
            dataclasses.replace(
                t,
                start=start,
                end=end,
                text=text[start:end],
                type="DATE",
                value=value,
                quant=None,
                freq=None,
                mod=None,
                anchor=None,
                resolved_end=None,
            )
        )
    return out


# "In March that year", "Good Friday that year": "that year" right after a date places that
# date in the story's year; it is no second expression (and would take the wrong year: the
# date before it is the story's last one).
_THAT_YEAR = re.compile(r"that\s+year$", re.I)


def _drop_that_year_after_date(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        after_date = prev.type in ("DATE", "TIME") and not text[prev.end : t.start].strip()
        return prev if after_date and _THAT_YEAR.match(t.text) else None

    return _merge_neighbours(timexes, merge)


# "the first day of March", "the last week of June", "first day of 2020", "the final weekend
# of the month": an ordinal day, week or weekend of the month or year tagged right after "of"
# is one date inside it (alone, "the first day" took the DCT and "the last week" the DCT's
# week). A week is the ISO week holding the middle of its seven days; a weekend the one of the
# month's first (or last) Saturday.
_PART_OF = re.compile(
    r"(?:the\s+)?(?P<ord>last|final|[a-z]+|\d{1,2}(?:st|nd|rd|th))\s+(?P<unit>[a-z]+)$", re.I
)
_OF_GAP = re.compile(r"\s+(?:of|in)\s+")
_MONTH_OR_YEAR = re.compile(r"^(\d{4})(?:-(\d\d))?$")


def _part_index(word: str) -> int | None:
    """1 for "first"/"1st", -1 for "last"/"final", None for no ordinal."""
    w = word.lower()
    if w in ("last", "final"):
        return -1
    if w[:1].isdigit():
        return int(re.sub(r"\D", "", w))
    return lexicon().ordinals.get(w)


def _part_value(unit: str, n: int, year: int, month: int | None) -> str | None:
    first = dt.date(year, month or 1, 1)
    # the month's own last day: the day before the next month's first does not exist in
    # December 9999
    last = dt.date(year, 12, 31) if month is None else cal.month_end(year, month)
    weekday = lexicon().weekdays.get(unit)
    if weekday is not None:  # "the first Saturday in May", "the last Friday of June"
        if n < 0:
            return (last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)).isoformat()
        offset = (weekday - first.isoweekday()) % 7 + 7 * (n - 1)
        if offset > (last - first).days:
            return None  # "the fifth Friday" of a month with four
        return (first + dt.timedelta(days=offset)).isoformat()
    if month is None and unit in ("quarter", "half"):
        # "in the first quarter of the next year": the year's quarter or half, whatever tag
        # gave the year ("of next year", "of 2007" are read by the quarter rule itself)
        count = 4 if unit == "quarter" else 2
        k = count if n < 0 else n
        return f"{year}-{unit[0].upper()}{k}" if 1 <= k <= count else None
    if unit not in ("day", "week", "weekend"):
        return None
    if unit == "day":
        day = last if n < 0 else first + dt.timedelta(days=n - 1)
        return day.isoformat() if day <= last else None
    if unit == "week":
        mid = last - dt.timedelta(days=3) if n < 0 else first + dt.timedelta(days=7 * (n - 1) + 3)
        return iso_week(mid) if mid <= last else None
    saturdays = [first + dt.timedelta(days=(5 - first.weekday()) % 7 + 7 * k) for k in range(54)]
    saturdays = [d for d in saturdays if d <= last]
    if n < 0:
        return iso_week(saturdays[-1]) + "-WE"
    return iso_week(saturdays[n - 1]) + "-WE" if n <= len(saturdays) else None


def _ordinal_parts(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        period = _MONTH_OR_YEAR.match(t.value) if t.type == "DATE" and not t.mod else None
        part = _PART_OF.fullmatch(prev.text) if prev.type == "DATE" else None
        if not (part and period and _OF_GAP.fullmatch(text, prev.end, t.start)):
            return None
        n = _part_index(part.group("ord"))
        if n is None or n == 0 or n > 31:
            return None
        if _is_lunar_holiday(t):
            # "the last Friday of the holy month of Ramadan": the holiday's year is only a
            # coarse value, no calendar to count its Fridays in; one date, that coarse year
            return _joined(text, prev, t, value=t.value, mod=None)
        month = int(period.group(2)) if period.group(2) else None
        value = _part_value(part.group("unit").lower(), n, int(period.group(1)), month)
        return None if value is None else _joined(text, prev, t, value=value, mod=None)

    return [t for t in _merge_neighbours(timexes, merge) if t.value != PART_OF]


# "growth in the July-September quarter", "the July-to-September quarter": the first and last
# month of a calendar quarter joined before "quarter" name that quarter, one date; "the
# September quarter" (Australian and company usage) is the quarter that ends in that month.
# Apart, the months were two dates and "quarter" nothing.
_MONTH_VALUE = re.compile(r"^(\d{4})-(\d\d)$")
_MONTH_SPAN_GAP = re.compile(r"\s*(?:-|–|to|through)\s*|-to-", re.I)
_QUARTER_AFTER = re.compile(r"[ \t]+quarter(?![\w-])", re.I)
_THE_BEFORE_MONTH = re.compile(r"(?<![\w-])the\s+$", re.I)


def _month_of(t: Timex) -> re.Match[str] | None:
    plain = t.type == "DATE" and not t.mod and not re.search(r"\d", t.text)
    return _MONTH_VALUE.match(t.value) if plain else None


def _quarter_by_months(text: str, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    for t in timexes:
        last = _month_of(t)
        quarter = _QUARTER_AFTER.match(text, t.end) if last else None
        if last is None or quarter is None or int(last.group(2)) % 3:
            out.append(t)
            continue
        start = t.start
        prev = out[-1] if out else None
        first = _month_of(prev) if prev is not None else None
        if prev is not None and _MONTH_SPAN_GAP.fullmatch(text, prev.end, t.start):
            if not (
                first is not None
                and int(first.group(2)) == int(last.group(2)) - 2
                and first.group(1) == last.group(1)
            ):
                out.append(t)  # "the May-June quarter" is no calendar quarter
                continue
            start = out.pop().start
        elif re.search(r"[-–]\s*$", text[max(0, start - 3) : start]):
            out.append(t)  # "the mid-September quarter", a span from a day
            continue
        the = _THE_BEFORE_MONTH.search(text, max(0, start - 6), start)
        start = the.start() if the else start
        end = quarter.end()
        out.append(
            dataclasses.replace(
                t,
                start=start,
                end=end,
                text=text[start:end],
                value=f"{last.group(1)}-Q{int(last.group(2)) // 3}",
                anchor=None,
                resolved_end=None,
            )
        )
    return out


# "by spring next year", "the summer of last year": a season with no year of its own and the
# year said relative to the DCT right after it are one date in that year, as "April next year"
# is (apart, the season took the nearest one and the year was a tag of its own).
_SEASON_VALUE = re.compile(r"^(?:\d{4}|XXXX)-(SP|SU|FA|WI)$")
_RELATIVE_YEAR = re.compile(r"(?:last|this|next)\s+year", re.I)
_SEASON_GAP = re.compile(r"[ \t]+(?:of[ \t]+)?")


def _season_and_year(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        season = _SEASON_VALUE.match(prev.value) if prev.type == "DATE" else None
        if (
            season is not None
            and not re.search(r"\d", prev.text)
            and t.type == "DATE"
            and not t.mod
            and re.fullmatch(r"\d{4}", t.value)
            and (_RELATIVE_YEAR.fullmatch(t.text) or _APOS_YEAR.fullmatch(t.text))
            and _SEASON_GAP.fullmatch(text, prev.end, t.start)
        ):
            return _joined(text, prev, t, value=f"{t.value}-{season.group(1)}")
        return None

    return _merge_neighbours(timexes, merge)


# "the same month of last year", "the same week a year ago", "the same day in 2019": the day,
# week or month a story talks about, in the year named after it, is one date (TE3-silver "same
# month of last year"; "the same month of 2001"; as "the same period of 1996" and "the quarter a
# year ago" are one): the unit's value moved to that year ("the same month" in a November
# story was 2020-11 and "last year" 2019 apart; now one 2019-11).
_SAME_UNIT = re.compile(r"(?:the|that)\s+same\s+(?:day|week|month)$", re.I)
_SAME_GAP = re.compile(r"[ \t]+(?:(?:of|in)[ \t]+)?")
_SAME_YEAR = re.compile(
    r"(?:last|this)\s+year|an?\s+year\s+(?:ago|earlier|before)|(?:the\s+)?(?:previous|prior)\s+year"
    r"|\d{4}",
    re.I,
)
_SAME_VALUE = re.compile(r"^\d{4}(-W\d\d|-\d\d(?:-\d\d)?)$")


def _same_unit_year(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        unit = _SAME_VALUE.match(prev.value) if prev.type == "DATE" and not prev.mod else None
        if (
            unit is None
            or t.type != "DATE"
            or t.mod
            or not re.fullmatch(r"\d{4}", t.value)
            or not _SAME_UNIT.search(prev.text)
            or not _SAME_YEAR.fullmatch(t.text)
            or not _SAME_GAP.fullmatch(text, prev.end, t.start)
        ):
            return None
        value = t.value + unit.group(1)
        if len(value) == 10:
            try:
                dt.date.fromisoformat(value)
            except ValueError:
                value = value[:7]  # "the same day last year" on 29 February: that month
        return _joined(text, prev, t, value=value)

    return _merge_neighbours(timexes, merge)


# "Oct 2, 2020, 3:45 PM ET", "Apr 26, 2020 21:43 IST", "January 13, 2020 at 3:45 p.m.": a full
# date with its year and the clock time right after it on that day are one TIME (a page's
# time stamp; TimeBank writes "1998-11-20 19:30" as one), as "3:45 p.m. Oct. 2" already is.
# A spaced dash may stand between the two too: "17 September 2013 - 21:29", and ISO 8601's "T"
# ("2019-11-19T08:57:40+01:00").
_STAMP_GAP = re.compile(r"T|\s*(?:,\s*)?(?:\bat\b|@|/|\||(?<=\s)[-\u2013](?=\s))?\s*")


def _date_and_clock(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        if (
            _stamp_day(prev)
            and t.type == "TIME"
            and t.value.startswith(prev.value + "T")
            and "\n" not in text[prev.end : t.start]
            and _STAMP_GAP.fullmatch(text, prev.end, t.start)
        ):
            # the clock's tag over both
            return dataclasses.replace(
                t, start=prev.start, text=text[prev.start : t.end], anchor=None, resolved_end=None
            )
        return None

    return _merge_neighbours(timexes, merge)


# "Last updated 13:26 14/09/2013", "14:25 Sun Sep 15 2013" (New Zealand pages in ECB+): a bare
# 24-hour clock right before a full date with its year is that day's clock time, one TIME, as
# after it (_stamp_clock); "14:00 Nov. 3, 2005" is the time.hm rule's own already.
_CLOCK_BEFORE = re.compile(
    r"(?<![\w:.])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?::[0-5]\d)?[ \t]+"
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?[ \t]+)?$"
)


def _clock_before_date(text: str, timexes: list[Timex]) -> list[Timex]:
    out: list[Timex] = []
    for t in timexes:
        lo = out[-1].end if out else 0
        m = _CLOCK_BEFORE.search(text, max(lo, t.start - 30), t.start) if _stamp_day(t) else None
        if m is not None:
            value = f"{t.value}T{int(m.group('h')):02d}:{m.group('m')}"
            t = dataclasses.replace(
                t,
                start=m.start(),
                text=text[m.start() : t.end],
                type="TIME",
                value=value,
                anchor=None,
                resolved_end=None,
            )
        out.append(t)
    return out


# "PUBLISHED: 22:07 GMT, 7 July 2012" (the Daily Mail's stamp), "14:21 BST, 3 May 2020": a bare
# clock time with its zone, a comma and a full date with its year are one TIME on that date, as
# the same clock before the date without the comma is (time.hm); apart, the clock took the
# DCT's day. Without a zone the two stay apart ("opened at 14:00, Nov. 3, 2006, in Lima").
_CLOCK_ONLY = re.compile(r"\d{1,2}[:.]\d\d(?::\d\d)?(?:\s*(?:[ap]\.?m\.?|[AP]M))?\s+[A-Z]{2,4}")
_CLOCK_OF = re.compile(r"T(\d\d:\d\d)$")
# a space alone as well: "8:44AM BST 16 Sep 2013" (the Telegraph's stamp, ECB+ 23)
_COMMA_GAP = re.compile(r",[ \t]*|[ \t]+")


def _clock_then_date(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        clock = _CLOCK_OF.search(prev.value) if prev.type == "TIME" else None
        if (
            clock is not None
            and _stamp_day(t)
            and _CLOCK_ONLY.fullmatch(prev.text)
            and _COMMA_GAP.fullmatch(text, prev.end, t.start)
        ):
            return _joined(text, prev, t, value=f"{t.value}T{clock.group(1)}")
        return None

    return _merge_neighbours(timexes, merge)


# "arrested at around 11.30pm last night", "It happened at 3 p.m. yesterday": a clock time
# followed right away by a day with no clock of its own (a relative day, or such a day and a
# part of it) is one TIME on that day, as "10 a.m. Friday" is (apart, the clock took the DCT's
# day and the day was a tag of its own).
_CLOCK_VALUE = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)T(\d\d:\d\d)$")
_DAY_OR_PART = re.compile(r"^(\d{4}-\d\d-\d\d)(?:T(?:MO|AF|EV|NI|DT))?$")


def _opens_sentence(day: str) -> bool:
    """ "5:25 p.m. Today got busy": a capital that no name of a day explains starts a new
    sentence (a diary's time stamp), not the clock time's day."""
    first = day.split()[0]
    return first[0].isupper() and first.lower() not in date_words()


def _clock_and_day(text: str, timexes: list[Timex]) -> list[Timex]:
    def merge(prev: Timex, t: Timex) -> Timex | None:
        clock = _CLOCK_VALUE.match(prev.value) if prev.type == "TIME" else None
        day = _DAY_OR_PART.match(t.value) if t.type in ("DATE", "TIME") else None
        if (
            clock is not None
            and day is not None
            and not t.mod
            and not re.search(r"\d", t.text)
            and not _opens_sentence(t.text)
            and _DAY_GAP.fullmatch(text, prev.end, t.start)
        ):
            return _joined(text, prev, t, value=f"{day.group(1)}T{clock.group(1)}")
        return None

    return _pair_on_day(text, _merge_neighbours(timexes, merge))


# "between 14:30 and [16:00 on Friday]": the first clock of a range whose second one carries
# its day is on that day too (it was on the DCT's); a written first clock only ("about
# 2 p.m."), earlier than the second (past midnight, "from 22:00 to 01:30 on Tuesday", the first
# is the day before and is left alone).
_DAY_GAP = re.compile(r"[^\S\n]+(?:on[^\S\n]+)?")
_PAIR_GAP = re.compile(r"[^\S\n]*(?:and|to|until|till|through|[-\u2013])[^\S\n]*", re.I)
# "and" joins a range only after "between" ("Doors opened at 8 a.m. and 5 p.m. Monday" is two
# times, the first of no known day).
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+(?:(?:about|around|roughly)\s+)?$", re.I)
_BARE_CLOCK = re.compile(
    r"(?:(?:about|around|approximately|roughly)\s+)?(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?"
    r"(?:\s*(?:[ap]\.?\s?m\.?))?",
    re.I,
)
_CLOCK_WITH_DAY = re.compile(r"^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)$")


def _pair_on_day(text: str, timexes: list[Timex]) -> list[Timex]:
    out = list(timexes)
    for i in range(len(out) - 1):
        first, second = out[i], out[i + 1]
        day = _CLOCK_WITH_DAY.match(second.value) if second.type == "TIME" else None
        clock = _CLOCK_VALUE.match(first.value) if first.type == "TIME" else None
        if day is None or clock is None or first.mod or first.value.startswith(day.group(1)):
            continue
        if not _ends_in_weekday().search(second.text) or not _BARE_CLOCK.fullmatch(first.text):
            continue
        gap = _PAIR_GAP.fullmatch(text, first.end, second.start)
        if gap is None or clock.group(1) >= day.group(2):
            continue
        if "and" in gap.group(0).lower() and not _BETWEEN_BEFORE.search(
            text, max(0, first.start - 30), first.start
        ):
            continue
        out[i] = dataclasses.replace(first, value=f"{day.group(1)}T{clock.group(1)}")
    return out


# "at about 6am on Sunday morning" (ECB+ topic 14): the clock and its weekday win the longest
# match over "Sunday morning", which left the part of the day outside; it belongs to the
# expression (TimeML takes the whole phrase, valued by the clock time).
_PART_AFTER_DAY = re.compile(r"[ \t]+(?:morning|afternoon|evening|night)\b", re.I)
_CLOCK_VALUE_END = re.compile(r".*T\d\d:\d\d$")
# "10:30 on Saturday night" may be 22:30: only a clock that says its half of the day (a
# meridiem, a 24-hour hour) takes the part in without the value being in doubt.
_UNAMBIGUOUS_24H = re.compile(r"(?<![\d:.])(?:0\d|1[3-9]|2[0-3])[:.][0-5]\d")


@functools.cache
def _ends_in_weekday() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{alternation(list(lexicon().weekdays))})$", re.I)


def _clock_day_part(text: str, timexes: list[Timex]) -> list[Timex]:
    out = []
    for i, t in enumerate(timexes):
        m = _PART_AFTER_DAY.match(text, t.end)
        nxt = timexes[i + 1].start if i + 1 < len(timexes) else len(text)
        if (
            m is not None
            and m.end() <= nxt
            and t.type == "TIME"
            and _CLOCK_VALUE_END.match(t.value)
            and _ends_in_weekday().search(t.text)
            and (_MERIDIEM.search(t.text) or _UNAMBIGUOUS_24H.search(t.text))
        ):
            t = dataclasses.replace(t, end=m.end(), text=text[t.start : m.end()])
        out.append(t)
    return out


def tag(text: str, dct: dt.date | str | None, *, doc: Doc | None = None) -> list[Timex]:
    """The TIMEX3 expressions in ``text``, normalised against ``dct`` (the publication date).

    Offsets are character offsets into ``text``. ``dct`` may be a date or an ISO string; an
    impossible date is an ``InvalidDate`` error. Without a DCT relative expressions keep
    unknown digits ("XXXX-11-21").
    """
    if not isinstance(dct, dt.date) and dct is not None:
        dct = parse_date(dct, what="document creation time")
    elif isinstance(dct, dt.datetime):
        dct = dct.date()
    if doc is not None and doc.text != text:
        doc = None  # a parse of some other text cannot tell us anything here
    sentences = Sentences(text, doc)
    scored: list[tuple[Candidate, Norm]] = []
    for cand in candidates(text):
        norm = _normalise(text, cand, dct, sentences, doc)
        if norm is not None:
            scored.append((cand, norm))
    kept = select(scored)
    _holiday_week_year(text, kept)
    _holiday_weekday(text, kept)
    _every_holiday(text, kept)
    for i, (cand, norm) in enumerate(kept):  # before the story dates are read from them
        _holiday_year(text, cand, norm, kept[i + 1] if i + 1 < len(kept) else None)
    context.coordinate(text, [(cand.start, cand.end, norm) for cand, norm in kept], dct)
    context.resolve([(cand.start, norm) for cand, norm in kept])
    resolve_events(text, sentences, [(c.start, c.end, n) for c, n in kept])
    timexes = []
    for i, (cand, norm) in enumerate(kept):
        end = norm.end if norm.end is not None and cand.start < norm.end < cand.end else cand.end
        if norm.quant == "EVERY" and cand.rule.family in _EVERY_FAMILIES:
            # "every Christmas", "every Memorial Day weekend" (_every_holiday)
            every = _EVERY_BEFORE.search(text, max(0, cand.start - 8), cand.start)
            start = every.start() if every else cand.start
            week = _HOLIDAY_WEEK.match(text, end)
            if week is not None and norm.value.startswith("XXXX-W"):
                end = week.end()  # "every Memorial Day weekend"
            timexes.append(
                Timex(
                    start=start,
                    end=end,
                    text=text[start:end],
                    type="SET",
                    value=norm.value,
                    quant=norm.quant,
                )
            )
            continue
        start = _possessive_position(text, _trim_determiner(text, cand.start, end), end, norm)
        lo = kept[i - 1][0].end if i else 0
        hi = kept[i + 1][0].start if i + 1 < len(kept) else len(text)
        start, end = _extend(text, start, end, norm, lo, hi)
        if _DAY.match(norm.value):
            start = _holiday_the(text, cand, start, end, lo)
        end = _holiday_week(text, cand, norm, end, hi)
        timexes.append(
            Timex(
                start=start,
                end=end,
                text=text[start:end],
                type=norm.type,  # type: ignore[arg-type]
                value=norm.value,
                mod=norm.mod,
                quant=norm.quant,
                freq=norm.freq,
                anchor=norm.anchor,
                resolved_end=norm.resolved_end,
            )
        )

    timexes = _first_days(text, _second_days(text, _join_lengths(text, timexes)))
    timexes = _range_ends(text, timexes, _year_span_end)
    timexes = _range_ends(text, timexes, _clock_range_end)
    timexes = _range_ends(text, timexes, _clock_pair_end)
    timexes = _range_ends(text, timexes, _stamp_clock)
    timexes = _apposed_units(text, timexes)
    timexes = _lunar_holiday_years(text, timexes)
    timexes = _apostrophe_years(text, timexes, dct)
    timexes = _drop_that_year_after_date(text, timexes)
    timexes = _framed_year(text, sentences, timexes)
    timexes = _year_headings(text, timexes)
    timexes = _season_and_year(text, _ordinal_parts(text, timexes))
    timexes = _same_unit_year(text, timexes)
    timexes = _quarter_by_months(text, timexes)
    timexes = _clock_before_date(text, timexes)
    timexes = _clock_and_day(text, _date_and_clock(text, _clock_then_date(text, timexes)))
    timexes = _clock_day_part(text, timexes)
    timexes = _monthly_named_days(text, timexes, dct)
    timexes = _weekdays_ago(text, timexes, dct)

    def tense_of(t: Timex) -> Tense:
        return tense_at(text, sentences, t.start, t.end, doc)

    anchor_deadlines(text, sentences, timexes, dct, tense_of)
    return timexes
