"""The building blocks of normalisation: what a rule's match says (month, day, year, number,
modifier), how a TIMEX3 duration is spelled, and which occurrence of an underspecified date
(weekday, month and day) the tense points to. ``normalise.py`` builds the values from these.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.lexicon import Unit, alternation, key, lexicon, month_names
from storyline.nlp.timex.patterns import group
from storyline.nlp.timex.tense import Sentences, Tense
from storyline.rules import load_list, load_table

_DIGITS = re.compile(r"^(\d+)(?:[.,](\d+))?(?:\s+(\d)/(\d))?$")


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
    # For a duration counted from a dated event: that date and the end point it gives.
    anchor: str | None = None
    resolved_end: str | None = None
    # What a named quarter is to a report (see context.py): "upcoming" = not yet closed at the
    # DCT ("the fourth quarter" in October), talked about but never the quarter reported on;
    # "fiscal" = a company's own quarter ("its fiscal second quarter"), which starts a new
    # report even when it is earlier than the quarter reported on before it.
    quarter_role: str | None = None
    # For coordination (context.coordinate): the kind of calendar date ("month", "weekday",
    # "day" = a month and day) and whether its year or week came from the tense alone, so that
    # a later member of "in May and June" can follow the first one instead.
    kind: str | None = None
    free: bool = False
    # A weekday whose day a past tense chose ("were closed from Monday to May 30"): a range
    # after it that is still running does not move it ahead (context._range_start_ahead).
    past: bool = False


@dataclass(slots=True)
class Ctx:
    text: str
    start: int
    end: int
    dct: dt.date | None
    rule: str
    tense_of: Callable[[], Tense]
    # The text's sentences as the tense reader splits them (from the parse when there is one)
    sentences: Sentences

    @property
    def before(self) -> str:
        return self.text[max(0, self.start - 30) : self.start]

    def tense(self) -> Tense:
        return self.tense_of()

    def sentence(self, back: int = 0) -> tuple[int, int]:
        """The (start, end) offsets of the expression's sentence, from ``back`` sentences
        before it."""
        here = self.sentences.index(self.start)
        return self.sentences.bounds[max(0, here - back)][0], self.sentences.bounds[here][1]


@functools.cache
def _game_words() -> re.Pattern[str]:
    words = alternation(load_list("timex_game_words.txt", lower=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)


def in_game(ctx: Ctx) -> bool:
    """Whether the expression's sentence, or the one before it, reports a game (a word of
    ``timex_game_words.txt``): there "the third quarter" and "at 7:14" are the game's."""
    start, end = ctx.sentence(back=1)
    return _game_words().search(ctx.text, start, end) is not None


# --- small readers ---------------------------------------------------------------------------


def read_mod(m: re.Match[str]) -> str | None:
    lex = lexicon()
    pos = group(m, "pos")
    if pos:
        return lex.positions.get(key(pos)) or lex.positions.get(key(pos).rstrip("-"))
    mod = group(m, "mod")
    if mod:
        return lex.modifiers.get(key(mod))
    return None


_VULGAR_FRACTIONS = {"½": "1/2", "¼": "1/4", "¾": "3/4"}


def number(text: str) -> Fraction | None:
    """A quantity word or figure as a number; None for a vague one ("several")."""
    t = key(text).replace("-", " ")
    for glyph, spelled in _VULGAR_FRACTIONS.items():
        t = t.replace(glyph, f" {spelled}").replace("  ", " ")  # "3½" -> "3 1/2"
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


def full_month_name(month: int) -> str:
    return max((w for w, n in lexicon().months.items() if n == month), key=len)


def read_month(m: re.Match[str]) -> int | None:
    word = group(m, "month")
    return lexicon().months.get(key(word)) if word else None


def read_day(m: re.Match[str]) -> int | None:
    word = group(m, "day")
    if word is None:
        return None
    k = key(word)
    if k in lexicon().ordinals:
        return lexicon().ordinals[k]
    digits = re.match(r"\d+", k)
    return int(digits.group(0)) if digits else None


def read_year(m: re.Match[str]) -> int | None:
    y = group(m, "year")
    if not y:
        return None
    return int(y) if y.isdigit() else spoken_year(y)


def spoken_year(text: str) -> int | None:
    """ "nineteen ninety-six" -> 1996, "two thousand and one" -> 2001, "eighteen hundred" ->
    1800, "nineteen oh five" -> 1905; None when the words are no year."""
    numbers = lexicon().numbers
    words = [w for w in re.split(r"[\s-]+", text.lower()) if w and w != "and"]
    if words[:2] == ["two", "thousand"]:
        return 2000 + _spoken_below_hundred(words[2:], numbers)
    head = numbers.get(words[0], "")
    if not head.isdigit() or len(words) < 2:
        return None
    if words[1:] == ["hundred"]:
        return int(head) * 100
    return int(head) * 100 + _spoken_below_hundred(words[1:], numbers)


def _spoken_below_hundred(words: list[str], numbers: dict[str, str]) -> int:
    if words[:1] == ["oh"]:
        words = words[1:]
    return sum(int(numbers[w]) for w in words if numbers.get(w, "").isdigit())


def read_weekday(m: re.Match[str]) -> int | None:
    w = group(m, "weekday")
    return lexicon().weekdays.get(key(w)) if w else None


def capitalised(m: re.Match[str], name: str) -> bool:
    word = group(m, name)
    return word is not None and word[:1].isupper()


def fmt_duration(n: Fraction | None, code: str, clock: bool, factor: int = 1) -> str:
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


def in_smaller_unit(n: Fraction, unit: Unit) -> tuple[Fraction, Unit]:
    """ "a year and a half" counted back is 18 months: a half unit is whole in the next smaller
    unit (P1Y6M back is a month, as "18 months ago" is); left as is when there is none."""
    smaller = _SMALLER.get((unit.code, unit.clock))
    if smaller is None or (n * unit.factor).denominator == 1:
        return n, unit
    small_code, mult, small_clock = smaller
    if small_clock and not unit.clock:
        return n, unit  # "a day and a half ago" stays a day: the DCT has no clock time
    return n * unit.factor * mult, Unit(small_code, small_clock, 1)


# --- resolving underspecified dates ------------------------------------------------------------


def weekday_from(day: dt.date, weekday: int, sign: int) -> dt.date:
    """The nearest ``weekday`` strictly after (sign 1) or before (sign -1) ``day``."""
    if sign > 0:
        return day + dt.timedelta(days=(weekday - day.isoweekday()) % 7 or 7)
    return day - dt.timedelta(days=(day.isoweekday() - weekday) % 7 or 7)


def resolve_weekday(weekday: int, dct: dt.date, tense: Tense, rel: str | None) -> dt.date:
    diff = weekday - dct.isoweekday()
    if rel in ("last", "past", "this past"):
        return dct + dt.timedelta(days=diff - 7 if diff >= 0 else diff)
    if rel in ("next", "coming", "this coming"):
        return dct + dt.timedelta(days=diff + 7 if diff <= 0 else diff)
    if rel == "this":
        # "this Friday" is the week's Friday, unless the tense says it is gone or to come:
        # "he will speak this Monday" said on a Wednesday is the Monday ahead.
        if tense == "future" and diff < 0:
            diff += 7
        elif tense == "past" and diff > 0:
            diff -= 7
        return dct + dt.timedelta(days=diff)
    if diff == 0:
        return dct
    # A weekday in the present tense is a schedule: "the committee meets Friday".
    if tense in ("future", "present"):
        return dct + dt.timedelta(days=diff if diff > 0 else diff + 7)
    return dct + dt.timedelta(days=diff if diff < 0 else diff - 7)


# "since January", "since shortly after the Oct. 23 slaying" and "the quarter ended Sept. 30"
# can only point back, however far: the tense window does not apply (TBAQ: all 19 "ended
# <month day>" are in the past).
_SINCE = re.compile(
    r"\b(?:since(?:\s+(?:shortly|just|soon|right|immediately)\s+(?:after|before))?|ended)"
    r"\s+(?:the\s+)?(?:(?:early|mid|late|end\s+of)[\s-]+)?$",
    re.IGNORECASE,
)
_FULL_YEAR = 366


# "over the year", "throughout the fiscal year": the whole stretch, a duration.
_STRETCH = re.compile(r"\b(?:over|within|throughout)\s+$", re.IGNORECASE)


def stretch_before(before: str) -> bool:
    """True when the expression follows a word that makes "the year" a stretch of time."""
    return _STRETCH.search(before[-20:]) is not None


# A page's own update stamp: "Updated March 15 at 6:47 p.m. ET", "This article was last
# updated on May 18", "Updated at 10:05 a.m. ET on Friday". "Updated" capitalised as a stamp,
# or after the page itself; only "on", "at" and a clock time between it and the date.
_UPDATE_STAMP = re.compile(
    r"(?:\bUpdated|\b(?:article|story|page|post|blog|report)\s+(?:was\s+|has\s+been\s+|is\s+)?"
    r"(?:last\s+)?updated)\s+"
    r"(?:(?:on|at)\s+|\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?\s+(?:[A-Z]{2,4}\s+)?)*$"
)


def update_stamp(before: str) -> bool:
    """True for a date in a page's update stamp: an update is never before the publication
    date, so the date is the DCT or the first occurrence after it ("This article was last
    updated on May 18", said on March 4: 2020-05-18, not the May 18 of the year before)."""
    return _UPDATE_STAMP.search(before[-80:]) is not None


def since_before(before: str) -> bool:
    """True when the expression follows "since" or "ended" (only the past is possible)."""
    return _SINCE.search(before[-30:]) is not None


@functools.cache
def _event_subject() -> re.Pattern[str]:
    verbs = alternation(load_list("timex_event_subject_verbs.txt", lower=True))
    return re.compile(rf"(?:st|nd|rd|th)?,?\s+(?:{verbs})\b", re.IGNORECASE)


@functools.cache
def _event_noun() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in load_list("timex_event_nouns.txt", lower=True))
    # One adjective may come between ("the November general election", "the Nov. 3
    # presidential election"), not a function word ("voted in March in the election").
    adjective = r"(?:(?!(?:in|on|at|of|for|to|and|or|but|the|a|an|was|is|were|are)\b)[a-z]+\s+)?"
    return re.compile(rf"(?:['’]s)?\s+{adjective}(?:{nouns})\b")


def names_event(text: str, end: int) -> bool:
    """True for a date that names an event: a possessive ("November's election") or one
    right before a noun of ``timex_event_nouns.txt`` ("the Nov. 3 election"). The tense of
    the clause says nothing about which occurrence it is."""
    return text.startswith(("'s", "’s"), end) or before_event_noun(text, end)


@functools.cache
def _event_noun_before() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in load_list("timex_event_nouns.txt", lower=True))
    return re.compile(
        rf"\b(?:{nouns})\s+(?:in|on|for)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE
    )


def after_event_noun(before: str) -> bool:
    """True for a date right after a noun of ``timex_event_nouns.txt`` and "in"/"on"/"for"
    ("ahead of its elections in August", "the vote on Nov. 3"): like "the November
    election", it names the event, about which a past clause says nothing."""
    return _event_noun_before().search(before[-40:]) is not None


@functools.cache
def _event_noun_for() -> re.Pattern[str]:
    nouns = "|".join(re.escape(w) for w in load_list("timex_event_nouns.txt", lower=True))
    return re.compile(rf"\b(?:{nouns})\s+for\s+$", re.IGNORECASE)


def event_set_for(before: str) -> bool:
    """True for a date right after a noun of ``timex_event_nouns.txt`` and "for" ("a
    countrywide hartal for Thursday was called", "a vote for Sunday"): the day the event is
    set for, still to come whatever the clause's tense."""
    return _event_noun_for().search(before[-40:]) is not None


@functools.cache
def _outcome() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = alternation(load_list("timex_outcome_words.txt", lower=True))
    nouns = alternation(load_list("timex_event_nouns.txt", lower=True))
    head = rf"\b(?:{words})\s+(?:of\s+)?(?:(?:the|a|an|its|their|his|her|this|last)\s+)?"
    after = (
        rf"{head}(?:[a-z]+\s+){{0,2}}?(?:{nouns})\s+(?:in|on|for)\s+(?:(?:early|mid|late)[\s-]+)?$"
    )
    return re.compile(after, re.IGNORECASE), re.compile(rf"{head}$", re.IGNORECASE)


def outcome_of_event(before: str) -> bool:
    """True when a word of ``timex_outcome_words.txt`` governs the event a date names: "won
    the legislative elections in January" (the date after the noun) or "won the January
    election" (the date before it)."""
    after, ahead = _outcome()
    return after.search(before) is not None or ahead.search(before) is not None


def before_event_noun(text: str, end: int) -> bool:
    """True for a date right before a noun of ``timex_event_nouns.txt`` ("the November
    election", "November's presidential election"), not for any possessive."""
    return _event_noun().match(text, end) is not None


_DETERMINER_END = re.compile(r"\b(?:the|a|an|its|his|her|their|this|that)\s+$", re.IGNORECASE)


@functools.cache
def _past_event_noun() -> re.Pattern[str]:
    nouns = alternation(load_list("timex_past_event_nouns.txt", lower=True))
    # One word may come between ("the Dec. 26 Asian tsunami"), not a function word.
    between = r"(?:(?!(?:in|on|at|of|for|to|and|or|but|the|a|an|was|is|were|are)\b)[A-Za-z]+\s+)?"
    return re.compile(rf"(?:st|nd|rd|th)?(?P<possessive>['’]s)?\s+{between}(?:{nouns})\b")


def names_past_event(text: str, end: int, before: str) -> bool:
    """True for a date that is the subject of a past event verb ("after September 11th
    happened") or names an unscheduled event by the noun after it ("the Feb. 14
    assassination", "February's killing"): only the past is possible. Not after a preposition
    of time ("on Nov. 20 changed hands" is when something changed, and may still follow the
    tense window)."""
    if re.search(r"\b(?:on|by|until|till|from|to|in)\s+$", before, re.IGNORECASE):
        return False
    if _event_subject().match(text, end) is not None:
        return True
    # The noun's own date, after a determiner or as a possessive: "the Feb. 14 assassination",
    # "February's killing"; "fears Sept. 11 attacks on the embassy" is a threat still to come.
    m = _past_event_noun().match(text, end)
    return m is not None and (
        m.group("possessive") is not None or _DETERMINER_END.search(before) is not None
    )


@functools.cache
def _explicit_directions() -> tuple[re.Pattern[str], dict[str, str]]:
    table = {
        re.sub(r"\s+", " ", r["phrase"].lower()): r["direction"]
        for r in load_table("timex_explicit_direction.tsv")
    }
    words = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(table, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w-])({words})\s+$", re.IGNORECASE), table


@functools.cache
def _range_year() -> re.Pattern[str]:
    months = month_names()
    day = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?"
    # The second end is a month (and day) or, after a dash, a bare day ("July 15-24, 2022");
    # a dash needs no space ("July-August 2022"); "in" may come before the year ("August 6-15
    # in 2021").
    return re.compile(
        rf"\s*(?:(?:and|to|through|until|till)\s+(?:early\s+|mid-?|late\s+)?({months})\.?"
        rf"(?:\s+{day})?|\s*[-–]\s*(?:(?:early\s+|mid-?|late\s+)?({months})\.?(?:\s+{day})?"
        rf"|{day}(?![\d:.]|\s*(?:[ap]\.?m\b|%|per\b))))"
        r",?\s+(?:in\s+)?(?:((?:1[0-9]|20)\d\d)(?![\d-])|(?:of\s+)?(this|last|next)\s+year\b)",
        re.IGNORECASE,
    )


def range_year(
    text: str, end: int, dct: dt.date | None = None, month: int | None = None
) -> int | None:
    """ "between March and August 2016", "from Nov. 3 to Dec. 1, 2019", "from March through
    May of this year", "July-August 2022", "July 15-24 in 2022": the first end of a range
    takes the year the second end names, or the year before when its ``month`` comes later
    ("from November to January 2021")."""
    m = _range_year().match(text, end)
    if m is None:
        return None
    if m.group(3):
        year = int(m.group(3))
    elif dct is not None:
        year = dct.year + {"last": -1, "this": 0, "next": 1}[m.group(4).lower()]
    else:
        return None
    word = m.group(1) or m.group(2)
    second = lexicon().months.get(key(word)) if word else month  # a bare day: the same month
    if month is not None and second is not None and month > second:
        year -= 1
    return year


def explicit_direction(before: str) -> str | None:
    """ "next"/"last"/"this coming" right before a month and day: "future", "past" or None."""
    regex, table = _explicit_directions()
    m = regex.search(before[-20:])
    return table[re.sub(r"\s+", " ", m.group(1).lower())] if m else None


def resolve_month_day(
    month: int,
    day: int,
    dct: dt.date,
    tense: Tense,
    since: bool = False,
    explicit: str | None = None,
    reach: int = cal.TENSE_REACH_DAYS,
) -> dt.date | None:
    options = [
        d for y in (dct.year - 1, dct.year, dct.year + 1) if (d := cal.safe_date(y, month, day))
    ]
    if not options:
        return None
    if explicit is not None:
        # "next Nov. 4" in December: the next one, however far, and never the DCT itself.
        others = [d for d in options if d != dct]
        return cal.choose(others, dct, explicit, _FULL_YEAR) if others else None
    if since:
        return cal.choose(options, dct, "past", _FULL_YEAR)
    return cal.choose(options, dct, direction(tense), reach)


# A month name alone follows the tense a little further than a day of the month ("in January"
# said in October is the January just gone). 330 days since the fourth round, when "agreed to
# buy it in February" stopped counting as past (tense.py): TBAQ +2 against 300, while a full
# year loses 4 (reported plans: "the Saudis told oil companies of a cutback in September").
MONTH_REACH_DAYS = 330
# A plain past event verb right before "in <Month>" ("The current parliament, elected in
# January, ...", said in mid-December) is trusted the whole year back, as
# ``PLAIN_TENSE_REACH_DAYS`` trusts it for a day after "on" (tense.plain_past_in).
PLAIN_MONTH_REACH_DAYS = _FULL_YEAR


# "The vote is in November", "the elections are in September": "is"/"are" right before "in"
# and a month is a timetable, not a report.
_TIMETABLE = re.compile(r"\b(?:is|are)\s+(?:(?:now|still|also)\s+)?in\s+$", re.IGNORECASE)


def timetable_before(before: str) -> bool:
    return _TIMETABLE.search(before) is not None


def resolve_month(
    month: int,
    dct: dt.date,
    tense: Tense,
    since: bool = False,
    timetable: bool = False,
    reach: int | None = None,
) -> int:
    if month == dct.month:
        return dct.year
    if timetable and tense != "past" and not since:
        # A timetable ("The vote is in November", said in May) looks ahead, within the month
        # reach; the present tense alone counts as unknown, and an exact half year was a tie
        # the nearest rule gives to the past. Only with "is in"/"are in": a present main verb
        # alone is no timetable ("Kopp is a suspect in shootings that injured doctors in
        # November", TBAQ, was the last one).
        tense = "future"
    options = [dt.date(y, month, 15) for y in (dct.year - 1, dct.year, dct.year + 1)]
    if since:
        return cal.choose(options, dct.replace(day=15), "past", _FULL_YEAR).year
    reach = MONTH_REACH_DAYS if reach is None else reach
    return cal.choose(options, dct.replace(day=15), direction(tense), reach).year


# A report's nine months or half year: "For the nine months, net rose from $5 million a year
# earlier" compares two nine-month stretches, so the year back is a year, not the reported
# quarter a year back (TBAQ: 6 of 8 such sentences are annotated with the year).
_LONGER_PERIOD = re.compile(
    r"\b(?:nine|six)[\s-]months?\b|\bfirst\s+half\b|\bfirst\s+(?:nine|six)\b", re.IGNORECASE
)


@functools.cache
def _months_so_far() -> re.Pattern[str]:
    """Some months of a year counted from its start, which a report compares with the same
    months a year back: "in the first five months of this year, ... over the same period last
    year", "the first three quarters", "the January-September period", "from January to
    September 2006"."""
    months = month_names()
    return re.compile(
        r"\bfirst\s+(?:two|three|four|five|seven|eight|ten|eleven|[2-9]|1[01])\s+months\b"
        r"|\bfirst\s+(?:two|three)\s+quarters\b"
        rf"|\b(?:{months})\.?\s*(?:[-–]|to|through)\s*(?:{months})\b\.?(?:\s+(?:\d{{4}}\s+)?period\b"
        rf"|\s+\d{{4}}\b)|\bfrom\s+(?:{months})\b\.?\s+(?:to|through)\s+(?:{months})\b",
        re.IGNORECASE,
    )


# A stretch named in the expression's own sentence before it ("Third-quarter net was $5
# million, against $4 million a year ago"): then the sentence before does not count.
_OWN_PERIOD = re.compile(r"\bquarter|\bQ[1-4]\b|\bmonths?\b|\bhalf\b|\bweeks?\b", re.IGNORECASE)


def in_longer_period(ctx: Ctx, period: bool = False) -> bool:
    """True when the expression's sentence names a nine- or six-month stretch or a half year;
    for an expression that opens its sentence, the sentence before it counts too ("In the
    first nine months, net was $306 million ... The year-ago results included": the nine
    months a year back)."""
    begin, finish = ctx.sentence()
    if len(ctx.text[begin : ctx.start].split()) <= 1 or (
        period and not _OWN_PERIOD.search(ctx.text, begin, ctx.start)
    ):
        # and so does the sentence before for "the same period" when its own names no
        # stretch before it ("The population increased by less than 25,000 in the first nine
        # months of 2005. This is 7,000 less than in the same period of 2004": the nine
        # months of 2004; "Sales were up, and the year-ago results ..." is the quarter)
        begin = ctx.sentence(back=1)[0]
    finish = max(finish, ctx.end)
    return (
        _LONGER_PERIOD.search(ctx.text, begin, finish) is not None
        or _months_so_far().search(ctx.text, begin, finish) is not None
    )


def direction(tense: Tense) -> str | None:
    # News reports the past; the present tense of a date is usually a schedule ("meets Friday")
    # but is too mixed to trust, so it counts as unknown.
    return tense if tense in ("past", "future") else None


def _year_value(year: int, century: bool = False) -> str:
    """A year (or its century) as TimeML writes it: four digits ("0006"), and before year 1
    the year BC with "BC" before it ("BC0495"; the calendar has no year 0, which is 1 BC)."""
    if year >= 1:
        return f"{year // 100:02d}" if century else f"{year:04d}"
    bc = 1 - year
    return f"BC{bc // 100:02d}" if century else f"BC{bc:04d}"


def quarter_value(year: int, quarter: int) -> str:
    """A calendar quarter as TimeML writes it, its year of four digits like every other year
    ("0502-Q3", not "502-Q3")."""
    return f"{_year_value(year)}-Q{quarter}"


def shifted(dct: dt.date, n: Fraction, unit: Unit, sign: int, mod: str | None) -> Norm | None:
    """The date ``n`` units before (sign -1) or after ``dct``, at the unit's precision."""
    amount = float(n * unit.factor) * sign
    code = unit.code
    if unit.clock and not isinstance(dct, dt.datetime):
        # "two hours from now", "about an hour ago" from a DCT with no clock time: counting
        # from its midnight would invent a clock time (T02:00, the day before at T23:00). All
        # that is known is the day, a DATE: the DCT's, or the day a count of whole days (24
        # hours and more) lands on ("36 hours ago": the day before).
        hours = amount / {"H": 1, "M": 60, "S": 3600}.get(code, 1)
        return Norm("DATE", (dct + dt.timedelta(days=int(hours / 24))).isoformat(), mod)
    if unit.clock:
        clock_time = cal.add(dct, amount, "MIN" if code == "M" else code)
        assert isinstance(clock_time, dt.datetime)
        return Norm("TIME", clock_time.isoformat(timespec="minutes"), mod)
    whole_years = n * unit.factor
    if code == "Y" and whole_years.denominator == 1:
        # "2,500 years ago", "2,000 years ago": counted in years, not on the calendar, which
        # ends at year 1 (2006 - 2,500 is 495 BC: year 0 is 1 BC)
        year = dct.year + sign * int(whole_years)
        if year > 9999:
            return None  # past the calendar's end, as cal.add would say
        if year < -9998:
            # "eight hundred centuries ago": before 9999 BC the value has no four-digit year
            return Norm("DATE", "PAST_REF", mod)
        if n == 1 and unit.factor == 1 and sign < 0 and year >= 1:
            # "a year ago" in a quarterly report is the same quarter a year back.
            return Norm("DATE", _year_value(year), mod, ctx_ref="yearback")
        # "two centuries ago" is a century ("18"); "a quarter-century ago", "half a century
        # ago", "a century and a half ago" count years that are no whole century: a year, as
        # "a decade ago" is ("1995", not the century "19")
        century = unit.factor >= 100 and whole_years % 100 == 0
        return Norm("DATE", _year_value(year, century=century), mod)
    moved = cal.add(dct, amount, code)
    assert isinstance(moved, dt.date)
    if code == "Y":
        return Norm("DATE", _year_value(moved.year, century=unit.factor >= 100), mod)
    if code in ("M", "Q"):
        return Norm("DATE", f"{moved.year}-{moved.month:02d}", mod)
    if code == "W":
        return Norm("DATE", cal.iso_week(moved), mod)
    return Norm("DATE", moved.isoformat(), mod)
