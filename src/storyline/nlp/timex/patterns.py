"""Finding time expressions: the rules of ``timex_patterns.tsv`` compiled into regexes.

A rule's pattern uses ``{NAME}`` pieces from the lexicon. A piece used twice in one pattern gets
its group renamed (``year``, ``year1``) because Python's ``re`` refuses repeated group names;
``group()`` below reads whichever matched.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TypeVar

from storyline.errors import RuleFileError
from storyline.nlp.timex.lexicon import alternation, key, lexicon
from storyline.rules import load_list, load_table

# A time expression starts and ends at a word edge; "$1998" or "#2000" are not years. A rule
# named "*.glued" sets its own edges: a clock glued to the day before it ("Thursday6:45 a.m." in
# a scraped diary, its heading run into its first entry) is two words that meet at the seam.
_LEFT = r"(?<![\w$€£#@/])"
_RIGHT = r"(?![\w%])"
_OWN_EDGES = ".glued"
_MACRO = re.compile(r"\{([A-Z]+)\}")
TYPES = ("DATE", "TIME", "DURATION", "SET")
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    family: str  # the normaliser: the part of the name before the dot
    type: str
    regex: re.Pattern[str]
    order: int


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def _expand(name: str, template: str, macros: dict[str, str]) -> str:
    seen: dict[str, int] = {}

    def sub(m: re.Match[str]) -> str:
        macro = m.group(1)
        if macro not in macros:
            raise RuleFileError(f"timex_patterns.tsv: rule {name}: unknown piece {{{macro}}}")
        n = seen.get(macro, 0)
        seen[macro] = n + 1
        body = macros[macro]
        if n:
            # Rename every named group of the repeated piece: (?P<year> -> (?P<year1>
            body = re.sub(r"\(\?P<(\w+)>", lambda g: f"(?P<{g.group(1)}{n}>", body)
        return body

    return _MACRO.sub(sub, template)


@functools.cache
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order (which breaks ties between equally long matches)."""
    macros = lexicon().macros
    out = []
    for order, row in enumerate(load_table("timex_patterns.tsv")):
        name, typ, template = row["rule"], row["type"], row["pattern"]
        if typ not in TYPES:
            raise RuleFileError(f"timex_patterns.tsv: rule {name}: type {typ!r} not in {TYPES}")
        body = _expand(name, template, macros)
        source = body if name.endswith(_OWN_EDGES) else _LEFT + "(?:" + body + ")" + _RIGHT
        try:
            regex = re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise RuleFileError(f"timex_patterns.tsv: rule {name}: bad pattern ({exc})") from exc
        out.append(Rule(name, name.split(".", 1)[0], typ, regex, order))
    return tuple(out)


# What may come right before the first word of a sentence, a quotation, a line or a list item:
# a capital there says nothing about names.
OPENING = re.compile(
    r"(?:^|[.!?:;\n_|*>\u2022]|--|[\u2013\u2014]|[\"\u201c\u2018`(\[]|(?<=\s)['-])"
    r"[\s\"'`(\[_\u201c\u2018-]*$"
    # a sentence that ends inside a quotation: '... right there.” Now, she is ...'
    r"|[.!?][\u201d\u2019)\]]+\s+$"
)
_WORD = re.compile(r"[A-Za-z]+")
_YEAR_DIGITS = re.compile(r"\d{4}")


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(load_list("timex_title_words.txt", lower=True))


def _line_around(text: str, start: int) -> tuple[int, int]:
    """The start and end of the line holding ``start``."""
    hi = text.find("\n", start)
    return text.rfind("\n", 0, start) + 1, hi if hi >= 0 else len(text)


# "Celebrate Christmas Day With Us.": a one-sentence line whose every word is capitalised, a
# short function word after its first included, is set in title case although it ends in a
# stop (an advert's or a caption's line); prose capitalises no "With" or "Us" mid-sentence.
_TITLE_FUNCTION_WORD = re.compile(
    r"(?<=\s)(?:With|For|On|In|At|To|Of|The|And|Or|By|From|Us|Our|Your|This|Is|Are)(?![\w'’])"
)
_INNER_STOP = re.compile(r"[.!?]\s")


def _stopped_title(line: str) -> bool:
    words = _WORD.findall(line)
    return (
        len(words) >= 4
        and all(w[0].isupper() for w in words)
        and _INNER_STOP.search(line) is None
        and _TITLE_FUNCTION_WORD.search(line) is not None
    )


def headline(text: str, start: int) -> bool:
    """A line set in title case ("Talks Resume Next Week"): no sentence-final stop, and most
    of its longer words capitalised; or every word capitalised, a function word too
    ("Celebrate Christmas Day With Us.")."""
    lo, hi = _line_around(text, start)
    line = text[lo:hi].rstrip()
    if line.endswith("."):
        return _stopped_title(line[:-1])
    if line.endswith(("?", "!", '"', "'", "\u201d")):
        return False
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)


# "ENTERTAINER OF THE YEAR", "PLAYER OF THE MONTH": an award or category set in capitals (a
# list of winners); "Album of the Year" in title case is caught by the capital word itself.
_CAPS_AWARD = re.compile(r"\b[A-Z][A-Z'&/-]+\s+OF\s+$")
_CAPS_UNIT = re.compile(r"THE\s+(?:YEAR|MONTH|WEEK|DAY|NIGHT|DECADE|CENTURY)")
# The same award in title case on a title-case line ("2020 Commonwealth Young Person of the
# Year"), where the headline rule would otherwise let "the Year" through.
_TITLE_AWARD = re.compile(r"\b[A-Z][\w'&/-]+\s+of\s+$")
_TITLE_UNIT = re.compile(r"[Tt]he\s+(?:Year|Month|Week|Decade|Century)")
# A quoted title: up to 60 characters between quotation marks on one line.
_QUOTE_OPEN = re.compile(r"[\"\u201c]([^\"\u201c\u201d\n]{0,60})$")
_QUOTE_CLOSE = re.compile(r"([^\"\u201c\u201d\n]{0,60})[\"\u201d]")


def _caps_award(text: str, start: int, end: int) -> bool:
    if _TITLE_UNIT.fullmatch(text, start, end):
        return _TITLE_AWARD.search(text, max(0, start - 40), start) is not None
    if not _CAPS_UNIT.fullmatch(text, start, end):
        return False
    return _CAPS_AWARD.search(text, max(0, start - 40), start) is not None


# "the year" and the other units an award is "of" ("player of the month", "coach of the season").
_AWARD_UNIT = re.compile(r"the\s+(?:year|month|week|season|decade|century)", re.I)


@functools.cache
def _award_roles() -> re.Pattern[str]:
    roles = alternation(load_list("timex_award_roles.txt", lower=True))
    return re.compile(rf"(?<![\w-])(?:{roles})\s+of\s+$", re.I)


def award_title(text: str, start: int, end: int) -> bool:
    """ "the reigning national player of the year", "named coach of the month": the unit
    after a role of ``timex_award_roles.txt`` and "of" names an award, no date; "the worst
    month of the year" keeps its year."""
    if not _AWARD_UNIT.fullmatch(text, start, end):
        return False
    return _award_roles().search(text, max(0, start - 40), start) is not None


def _quoted_title(text: str, start: int, end: int) -> bool:
    """ "10,000 Hours" (a song): the match fills a short quotation whose longer words all
    start with a capital, so a title-case line around it is no headline excuse."""
    before = _QUOTE_OPEN.search(text, max(0, start - 60), start)
    after = _QUOTE_CLOSE.match(text, end)
    if before is None or after is None:
        return False
    words = [w for w in _WORD.findall(before.group(1) + text[start:end] + after.group(1))]
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and all(w[0].isupper() for w in long_words)


def names_a_title(text: str, start: int, end: int) -> bool:
    """A time word capitalised inside a sentence makes the match part of a name or title
    (ABC's "This Week", "60 Minutes", USA Today); the first word after a sentence, quotation
    or line opening does not count, nor does a title-case headline unless the match fills a
    quoted title ("10,000 Hours"). "ENTERTAINER OF THE YEAR" in capitals is an award."""
    if _caps_award(text, start, end):
        return True
    words = _title_words()
    for m in _WORD.finditer(text, start, end):
        w = m.group(0)
        if not w[0].isupper() or w.isupper() or w.lower() not in words:
            continue
        if m.start() == start and OPENING.search(text, max(0, start - 12), start):
            continue
        if w.lower() in lexicon().seasons and _YEAR_DIGITS.search(text, start, end):
            continue  # "new series for Fall 2009": a season with its year is a date
        return _quoted_title(text, start, end) or not headline(text, start)
    return False


_DAY_WORDS = frozenset({"today", "tomorrow", "yesterday"})


@functools.cache
def _generic_contexts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = "|".join(re.escape(w) for w in load_list("timex_generic_nouns.txt", lower=True))
    after = re.compile(rf"['\u2019]s\s+(?:[a-z]+\s+)?(?:{nouns})\b")
    before = re.compile(rf"\b(?:{nouns})\s+of\s+$", re.I)
    return after, before


def generic_day(text: str, start: int, end: int) -> bool:
    """ "today's youth", "the leaders of tomorrow": the age, not the day."""
    if text[start:end].lower() not in _DAY_WORDS:
        return False
    after, before = _generic_contexts()
    return bool(after.match(text, end) or before.search(text, max(0, start - 30), start))


@functools.cache
def _day_names() -> re.Pattern[str]:
    names = sorted(load_list("timex_day_names.txt"), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, names)) + r")(?![\w-])")


@functools.cache
def _idioms() -> re.Pattern[str]:
    words = alternation(load_list("timex_idioms.txt", lower=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)


# "between now and then": "now" and "then" bound a stretch of time, no idiom for "from time to
# time" ("every now and then", "now and again").
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$", re.I)


def day_name_spans(text: str) -> list[tuple[int, int]]:
    """Where ``text`` names a newspaper or programme with a day in it ("The Sunday Times"),
    or says an idiom with a time word in it ("once in a while")."""
    spans = [m.span() for m in _day_names().finditer(text)]
    return spans + [
        m.span()
        for m in _idioms().finditer(text)
        if not _BETWEEN_BEFORE.search(text, max(0, m.start() - 12), m.start())
    ]


@functools.cache
def _holiday_kinds() -> frozenset[str]:
    return frozenset(load_list("timex_holiday_kinds.txt", lower=True))


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]+)\b(?!-)")  # "home-buying" is no "home"


def _kind_noun_after(text: str, end: int, kinds: frozenset[str]) -> bool:
    """True when the word right after the expression is one of ``kinds``; never after a year
    (with "2024" the name is a date again)."""
    if text[end - 1 : end].isdigit():
        return False
    m = _NEXT_WORD.match(text, end)
    return m is not None and m.group(1).lower() in kinds


def holiday_modifier(text: str, start: int, end: int) -> bool:
    """ "Christmas ornaments", "Easter eggs": a holiday name before a noun of
    ``timex_holiday_kinds.txt`` names a kind of thing, not a day; "a Memorial Day visit" and
    "Christmas 2024 sales" (a year makes it a date) stay dates."""
    return _kind_noun_after(text, end, _holiday_kinds())


# A capitalised word right after a named day, with only spaces between ("the Mardi Gras
# Indians", "the Victory Day Parade", "the Easter Rising", "the Good Friday Agreement").
_CAPITAL_WORD_AFTER = re.compile(r"[ \t]+([A-Z][a-z]+)\b(?![-'’])")
# A preposition before the day makes it the day even before a capital ("on Memorial Day
# President Trump laid a wreath", "during Mardi Gras New Orleans fills up").
_DAY_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w-])(?:on|in|at|by|during|before|after|since|until|till|through|throughout|for|"
    r"over|from|to|around|ahead\s+of)\s+(?:the\s+)?$",
    re.I,
)


@functools.cache
def _time_words() -> frozenset[str]:
    lex = lexicon()
    rites = load_list("timex_holiday_rites.txt", lower=True)
    return date_words() | frozenset(lex.units) | frozenset(lex.day_parts) | frozenset(rites)


def holiday_in_name(text: str, start: int, end: int) -> bool:
    """ "The Mardi Gras Indians paraded", "the Victory Day Parade", "the Easter Rising": a
    named day before a capitalised word that is no time word is part of a proper name, and
    TimeML tags no date inside a name (as "the October Revolution", names.names_a_thing).
    "Super Tuesday primaries" and "Christmas Day services" (lower case: the day modifies an
    event) stay dates, and so do "Easter Mass" (a rite of ``timex_holiday_rites.txt``),
    "Memorial Day Presented by" (a participle), "the Memorial Day Weekend" (a time word),
    "on Memorial Day President Trump ..." (a preposition before the day) and a title-case
    headline."""
    m = _CAPITAL_WORD_AFTER.match(text, end)
    if m is None or m.group(1).lower() in _time_words():
        return False
    if len(m.group(1)) > 4 and m.group(1).endswith("ed"):
        return False  # "A strange, quiet Memorial Day Presented by ...": a participle
    if _DAY_PREPOSITION_BEFORE.search(text, max(0, start - 20), start):
        return False
    return not headline(text, start)


@functools.cache
def _generic_days() -> frozenset[str]:
    return frozenset(load_list("timex_generic_days.txt", lower=True))


def common_noun_day(text: str, start: int, end: int) -> bool:
    """ "security on the election day" of a Chechen vote, "as election day approaches" in a
    British story: a named day of ``timex_generic_days.txt`` written in lower case is some
    country's own day, not the US holiday, which news writes "Election Day"."""
    name = text[start:end]
    return name.islower() and re.sub(r"\s+", " ", name) in _generic_days()


@functools.cache
def _cricket_words() -> re.Pattern[str]:
    entries = load_list("timex_cricket_words.txt")
    lower = alternation(w for w in entries if w.islower())
    exact = alternation(w for w in entries if not w.islower())
    return re.compile(rf"(?<![\w-])(?:(?i:{lower})|{exact})(?![\w-])")


_CENTURY = re.compile(r"centur", re.I)


def cricket_century(text: str, start: int, end: int) -> bool:
    """ "raising his half-century off 69 balls", "unbeaten centuries in his previous two
    innings": within 250 characters before or 150 after a word of ``timex_cricket_words.txt``
    a century is a batsman's hundred runs, no time."""
    if not _CENTURY.search(text, start, end):
        return False
    return _cricket_words().search(text, max(0, start - 250), end + 150) is not None


# "all in their 20's", "mostly in their 40's and 50's": a two-digit decade after "in" and a
# possessive (and "early"/"mid"/"late", or another such decade and "and") is an age, no date.
_AGE_DECADE_BEFORE = re.compile(
    r"(?<![\w-])in\s+(?:my|your|his|her|its|our|their)\s+(?:(?:early|mid|late)[\s-]+)?"
    r"(?:\d0['’]?s,?\s+(?:and|or|to)\s+(?:(?:early|mid|late)[\s-]+)?)?$",
    re.I,
)
_TWO_DIGIT_DECADE = re.compile(r"(?P<pos>(?:early|mid|late)[\s-]+)?\d0['’]?s", re.I)


def age_decade(text: str, start: int, end: int) -> bool:
    """ "in their 20's", "in his late 30's": a two-digit decade after "in" and a possessive
    is an age ("the 1940s", "the '60s" and "their 60's hits" stay dates)."""
    m = _TWO_DIGIT_DECADE.fullmatch(text, start, end)
    if m is None:
        return False
    first = m.start("pos") if m.group("pos") else start
    return _AGE_DECADE_BEFORE.search(text, max(0, first - 40), first) is not None


@functools.cache
def _fall_accident() -> re.Pattern[str]:
    words = alternation(load_list("timex_fall_accidents.txt", lower=True))
    return re.compile(rf"\b(?:{words})\s+in\s+(?:a\s+)?$", re.I)


_YEAR_NEXT = re.compile(r"\s+(?:of\s+)?(?:\d{4}|['’]\d\d)\b")


@functools.cache
def _fall_verb() -> re.Pattern[str]:
    words = alternation(load_list("timex_fall_verbs.txt", lower=True))
    return re.compile(rf"(?<![\w-])(?:{words})\s+$", re.I)


# after "witnessed the fall": punctuation, a conjunction or a preposition, no noun it modifies
_FALL_OBJECT_END = re.compile(
    r"\s*[.,;:!?)\"'\u201d]|\s+(?:and|but|or|as|when|after|before|of|in|from|at|on|with)\b",
    re.I,
)


def fall_accident(text: str, start: int, end: int) -> bool:
    """ "Climber Killed In Fall", "dies in fall from ridge": a bare "fall" after a word of an
    accident (``timex_fall_accidents.txt``) and "in" is the tumble, not the season; so is
    "the fall" right after a verb of ``timex_fall_verbs.txt`` ("His brother witnessed the fall
    and ...", "re-starting the fall")."""
    phrase = text[start:end].lower()
    if phrase == "the fall":
        if not _FALL_OBJECT_END.match(text, end):
            return False
        return _fall_verb().search(text, max(0, start - 30), start) is not None
    if phrase != "fall" or _YEAR_NEXT.match(text, end):
        return False
    return _fall_accident().search(text, max(0, start - 30), start) is not None


# "0900 hours", "0630 hrs": four digits with a leading zero before hours are a 24-hour clock
# time (time.military), never a length; a length is not written "0900".
_ZERO_HOURS = re.compile(r"0\d[0-5]\d\s*(?:hours|hrs)\b", re.I)


def military_hours(text: str, start: int, end: int) -> bool:
    """Whether a length's match holds a zero-led four-digit clock time before hours/hrs, or
    starts at the minutes of a clock time ("at 17:06 hours", "01:19 hrs": no six hours)."""
    if start >= 2 and text[start - 1] in ":." and text[start - 2].isdigit():
        return True
    return _ZERO_HOURS.search(text, start, end) is not None


@functools.cache
def date_words() -> frozenset[str]:
    """Words of the lexicon that name a time: months, weekdays, seasons, holiday words."""
    lex = lexicon()
    words = set(lex.months) | set(lex.weekdays) | set(lex.seasons)
    words |= {w for name in lex.holidays for w in name.split()}
    return frozenset(words)


@functools.cache
def _year_name_words() -> tuple[frozenset[str], frozenset[str]]:
    rows = load_table("timex_year_names.tsv")
    heads = frozenset(r["word"].lower() for r in rows if r["kind"] == "head")
    dates = {r["word"].lower() for r in rows if r["kind"] == "date"} | date_words()
    return heads, frozenset(dates)


_WORD_BEFORE_YEAR = re.compile(r"(?<![\w'’.-])([A-Za-z]+) $")
_BARE_YEAR = re.compile(r"\d{4}")
_LOWER_WORD_AFTER = re.compile(r"[ \t]+[a-z]")


# A year inside a sentence with a colon and a title after it is the title's first word: an
# article and two capitalised words ("movies from 2001: A Space Odyssey to Alien"). A year
# that opens its line or sentence heads a chronology entry ("2000: The Gates Foundation
# funds ...") and stays a date.
_TITLE_AFTER_YEAR = re.compile(r":\s+(?:A|An|The)\s+[A-Z][\w'-]*\s+[A-Z]")
_WORD_RIGHT_BEFORE = re.compile(r"[A-Za-z'\u2019]\s+\Z")


# "The euro traded at 1.1728-1730 dollars", "quotes of 1.1743-1753 dollars": after a decimal
# number and a dash, four digits are the quote's other end written short, no year (XIN forex
# reports; "the 2005-2006 season", "in 1998-2000" have no decimals before the dash).
_DECIMAL_RANGE_BEFORE = re.compile(r"\d[.,]\d+\s?[-\u2013]\s?$")


def quote_range_end(text: str, start: int, end: int) -> bool:
    """ "1.1728-1730 dollars": the match is the short end of a decimal quote."""
    if not _BARE_YEAR.match(text, start, end):
        return False
    return _DECIMAL_RANGE_BEFORE.search(text, max(0, start - 20), start) is not None


# "from 3000 B.C. to 2000 B.C.", "dating to 1750 BCE": a figure before an era marker of the
# years before our era is no year of it (it was "2000" = the year 2000). "BC"/"B.C." is also
# British Columbia ("In 1996 BC Hydro raised rates", "the 2017 B.C. election", "2005 BC's
# premier" keep their year): without the E it counts only before punctuation or a preposition
# or conjunction ("1200 BC and", "2000 B.C. by farmers", "in 776BC."), or when another B.C. year
# comes just before ("from 3000 B.C. to 2000 B.C. Egyptians").
_BC_AFTER = re.compile(r"\s?(?:B\.\s?C\.?\s?E\b\.?|BCE\b|(?P<bc>B\.\s?C\.?|BC\b))")
_ERA_END = re.compile(
    r"\s*(?:[,;:)\]!?\u2013-]|\.?\s*$|(?<=\.)\s*\n)|\.?\s+(?:and|or|to|until|till|by|in|at|when|"
    r"through|with|from|during|on|as|for|of|after|before)\b"
)
# "founded in 753 BC. In March ...", "in 753 B.C. The city ...": a period and a capitalised
# function word after the marker end a sentence; "the 2017 B.C. Election" is a name.
_ERA_SENTENCE_END = re.compile(
    r"\.\s+(?:The|A|An|It|He|She|They|We|This|That|These|Those|There|But|Its|His|Her|Their)\b"
    r"|\.\s+(?i:and|or|to|until|till|by|in|at|when|through|with|from|during|on|as|for|of|"
    r"after|before)\b"
)
_NAME_BEFORE = re.compile(r"(?<![\w'’])([A-Z][a-z]+)\s+$")
_BC_BEFORE = re.compile(r"\d\s?(?:B\.\s?C\.?|BCE?\b)\s*(?:to|and|or|-|\u2013|until|till)\s*$")


def _after_bc_year(text: str, start: int) -> bool:
    """True for a match right after another B.C. year and a joint ("1354 B.C. to 1345")."""
    return _BC_BEFORE.search(text, max(0, start - 30), start) is not None


def bc_year(text: str, start: int, end: int) -> bool:
    """ "2000 B.C.", "1750 BCE": the match ends in a year of the era before ours."""
    if not text[end - 1 : end].isdigit():
        return False
    m = _BC_AFTER.match(text, end)
    if m is None:
        return False
    if m.group("bc") is None or _ERA_END.match(text, m.end()):
        return True
    return _after_bc_year(text, start)


def era_marker(text: str, start: int, end: int, era: str | None, year: int) -> bool:
    """ "776 BC at Olympia", "around 2000 BCE", "AD 79", "555 AD by": the era marker after the
    figure (``era``; None when "AD" comes before it) makes the match ``text[start:end]`` a
    year. BCE and an AD before the figure always do; "BC" and "CE" only before punctuation, a
    preposition or a conjunction, or after another B.C. year ("In 1996 BC Hydro", "the 2017
    B.C. election" are British Columbia); "AD" after a year below 1000 too ("200 AD patients"
    is a disease)."""
    if era is None:
        # "Flight AD 123" is a code; "In AD 79", "the AD 79 eruption" are years
        name = _NAME_BEFORE.search(text, max(0, start - 20), start)
        return name is None or _ERA_END.match(" " + name.group(1).lower()) is not None
    if era.startswith("B") and "E" in era:
        return True
    if era in ("AD", "A.D.") and (year >= 1000 or era.endswith(".")):
        return True
    if _ERA_END.match(text, end) or _ERA_SENTENCE_END.match(text, end - era.endswith(".")):
        return True
    return _after_bc_year(text, start)


def year_in_name(text: str, start: int, end: int) -> bool:
    """ "coronavirus disease 2019", "a venture called Orion 1980", "the Tokyo 2020 Olympics":
    a bare year straight after a name word (no comma, no preposition) is part of the name,
    not a date. After a capitalised word only when no lower-case word follows the year: in
    "the Democratic 2020 presidential debate" the year dates the debate."""
    if not _BARE_YEAR.fullmatch(text, start, end):
        return False
    if _TITLE_AFTER_YEAR.match(text, end) and _WORD_RIGHT_BEFORE.search(
        text, max(0, start - 8), start
    ):
        return True  # "movies from 2001: A Space Odyssey to Alien"
    m = _WORD_BEFORE_YEAR.search(text, max(0, start - 30), start)
    if not m:
        return False
    word = m.group(1)
    heads, dates = _year_name_words()
    if word.lower() in heads:
        return True
    if not word[0].isupper() or word.isupper() or word.lower() in dates:
        return False
    if _LOWER_WORD_AFTER.match(text, end):
        return False  # "the Democratic 2020 presidential debate": the year dates the noun
    if OPENING.search(text, max(0, m.start() - 12), m.start()):
        return False  # "Since 2019 ...", "In 1990 ...": a capital that opens a sentence
    return not headline(text, start)


# "nCoV-2019", "COVID-19 minutes after": a number hyphened to a word with a capital in it is
# part of that name; "pre-2008", "mid-1990s" (a lower-case prefix) stay dates.
_NAME_HYPHEN = re.compile(r"(?<![\w-])[A-Za-z]*[A-Z][A-Za-z]*-$")


# "2019-nCoV": a figure hyphened to a lower-case word with a capital inside it is that name's
# head ("1993-94", "2009-present", "mid-2019-style" stay dates).
_NAME_AFTER_HYPHEN = re.compile(r"-[a-z]+[A-Z][A-Za-z]*\b")


def number_in_name(text: str, start: int, end: int | None = None) -> bool:
    """True when the match starts with a figure hyphened to a capitalised name ("COVID-19"),
    or, given its ``end``, is a figure a mixed-case name follows after a hyphen ("2019-nCoV")."""
    if not text[start : start + 1].isdigit():
        return False
    if _NAME_HYPHEN.search(text, max(0, start - 20), start):
        return True
    return (
        end is not None
        and text[end - 1 : end].isdigit()
        and _NAME_AFTER_HYPHEN.match(text, end) is not None
    )


def _named_day(rule: Rule, m: re.Match[str]) -> bool:
    """A holiday, of the Gregorian calendar ("Memorial Day") or a lunar one ("Lunar New Year",
    timex_refs.tsv's XXXX rows): its capitals are its name's, no title's."""
    if rule.family == "holiday":
        return True
    entry = lexicon().refs.get(key(group(m, "ref") or "")) if rule.family == "ref" else None
    return entry is not None and entry[1] == "XXXX"


# "late-night hosts", "a late-night talk show", "late-night crowds": a part of the day hyphened
# to its position word before a noun of ``timex_daypart_genres.txt`` names a kind of thing, no
# time of the DCT's day, as "a night raid" is none (timex_unit_compounds.txt). Other nouns
# leave it a time ("in mid-afternoon trading", "a late-night ceasefire"), and so does no noun
# ("until late-night", "late-night on Friday").
# The rule's match may take "the" in ("the late-night talk show").
_HYPHENED_PART = re.compile(r"(?:the\s+)?[A-Za-z]+-(?:night|morning|afternoon|evening)", re.I)
# "late-night TV": an abbreviation in capitals is a noun like any other
_NEXT_WORDS = re.compile(r"[ \t]+([a-z]+|[A-Z]{2,})(?:[ \t]+([a-z]+|[A-Z]{2,}))?")


@functools.cache
def _daypart_genres() -> frozenset[str]:
    return frozenset(load_list("timex_daypart_genres.txt", lower=True))


def attributive_part(text: str, start: int, end: int) -> bool:
    """ "late-night host", "late-night talk show": the noun may be one word on ("talk show")."""
    if not _HYPHENED_PART.fullmatch(text, start, end):
        return False
    m = _NEXT_WORDS.match(text, end)
    return m is not None and any(w.lower() in _daypart_genres() for w in m.groups() if w)


# A time word in capitals ("NOW", "TODAY", "THIS MORNING"), the capital word before it if
# there is one ("ID NOW"), and what follows.
_CAPS_TIME = re.compile(r"[A-Z][A-Z ]*[A-Z]")
_CAPS_BEFORE = re.compile(r"(?<![\w'\u2019&.-])([A-Z][A-Z0-9&-]*[A-Z0-9])[ \t]+$")
_HEAD_AFTER = re.compile(r"[ \t]+([A-Za-z-]+)\b")
_LINE_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]+")


@functools.cache
def _caps_name_heads() -> frozenset[str]:
    return frozenset(load_list("timex_caps_name_heads.txt", lower=True))


def _mixed_line(text: str, start: int) -> bool:
    """The line holding ``start`` is mostly lower case: capitals in it are a name or
    emphasis, not a headline or a label set in capitals."""
    words = _LINE_WORD.findall(text, *_line_around(text, start))
    return sum(not w.isupper() for w in words) * 2 >= len(words)


def _caps_keys(text: str, start: int, end: int) -> tuple[str, str]:
    """The match with the capital word before it ("ID NOW"), and the match alone."""
    word = text[start:end]
    before = _CAPS_BEFORE.search(text, max(0, start - 20), start)
    return (before.group(1) + " " + word if before else word), word


def caps_names(text: str, spans: list[tuple[int, int]]) -> frozenset[tuple[int, int]]:
    """The spans among ``spans`` (matches of time words) that are set in capitals inside a
    mixed-case line and name a product or programme: the same capitals (with the capital
    word before them, "ID NOW") stand right before a name head of
    ``timex_caps_name_heads.txt`` somewhere in the text ("the Abbott ID NOW test", "on TODAY
    Show"). "FROM TODAY:" is the show's in a text that says "TODAY Show", and "START MAKING
    VENTILATORS, NOW" or "do NOW to protect yourself" stay time words without one."""
    caps = [
        (s, e)
        for s, e in spans
        if _CAPS_TIME.fullmatch(text, s, e) and e - s > 1 and _mixed_line(text, s)
    ]
    if not caps:
        return frozenset()
    heads = _caps_name_heads()
    named = set()
    for s, e in caps:
        after = _HEAD_AFTER.match(text, e)
        if after and after.group(1).lower() in heads:
            named.add(_caps_keys(text, s, e)[0])
    return frozenset((s, e) for s, e in caps if named & set(_caps_keys(text, s, e)))


# "with 3:08 to play", "with about 10:00 left", "with just 2:30 remaining": a bare h:mm after
# "with" and before what is left of a game is the game clock, no time of day ("at 10:00 to go
# home" keeps its clock: no "with").
_GAME_CLOCK = re.compile(r"\d{1,2}:[0-5]\d")
_GAME_CLOCK_BEFORE = re.compile(
    r"(?<![\w-])with\s+(?:(?:about|around|roughly|nearly|almost|just|only|under|over|"
    r"less\s+than|more\s+than)\s+)*$",
    re.I,
)
_GAME_CLOCK_AFTER = re.compile(r"\s+(?:to\s+(?:play|go)|left|remaining)\b")


def game_clock(text: str, start: int, end: int) -> bool:
    """ "with about 10:00 to play": the match is a game clock ("about 10:00")."""
    m = _GAME_CLOCK.search(text, start, end)
    if m is None or m.end() != end or not _GAME_CLOCK_AFTER.match(text, end):
        return False
    return _GAME_CLOCK_BEFORE.search(text, max(0, m.start() - 30), m.start()) is not None


# "headed Bayern ahead on 23 minutes", "was taken off on 65 minutes": "on" and a count of
# minutes in a match report (a word of ``timex_match_words.txt`` near) is the minute of the
# match a goal or a card came in, a point of the game's clock, no length and no time of day
# (TE3-silver AFP/XIN football reports). A length after "on" is followed by what it measures
# or a rate: "on 30 minutes of footage", "on 10 minutes' notice", "on 15 minutes a day".
_GAME_MINUTE = re.compile(r"\d{1,3}\s+minutes")
_GAME_MINUTE_BEFORE = re.compile(r"(?<![\w-])on\s+$", re.I)
_LENGTH_AFTER = re.compile(r"\s*(?:['\u2019]|(?:of|a|an|per|each|every|notice)\b)", re.I)


@functools.cache
def _match_words() -> re.Pattern[str]:
    words = alternation(load_list("timex_match_words.txt", lower=True))
    return re.compile(rf"(?<![\w-])(?:{words})(?![\w-])", re.I)


def game_minute(text: str, start: int, end: int) -> bool:
    """ "Sissoko was dismissed on 65 minutes following two yellow cards": the match's minute,
    not a length; "They agreed on 30 minutes." (no match words near) keeps its length."""
    # the whole match, or its start ("on 57 minutes before Jemaa's late goal" is ago.num's)
    m = _GAME_MINUTE.match(text, start, end)
    if m is None or _LENGTH_AFTER.match(text, m.end()):
        return False
    if _GAME_MINUTE_BEFORE.search(text, max(0, start - 10), start) is None:
        return False
    return _match_words().search(text, max(0, start - 300), min(len(text), end + 150)) is not None


@functools.cache
def _game_periods() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = load_table("timex_game_periods.tsv")
    whole = alternation(r["word"] for r in rows if r["role"] == "whole")
    after = alternation(r["word"] for r in rows if r["role"] == "after")
    of_game = re.compile(
        r"\s+of\s+(?:the|this|that|a|an|his|her|its|their|our|last|next|[\w.-]+['\u2019]s?)\s+"
        rf"(?:[\w'\u2019-]+\s+){{0,2}}?(?:{whole})(?![\w-]|['\u2019]s\b)",
        re.I,
    )
    return of_game, re.compile(rf"[\s-]+(?:{after})(?![\w-])", re.I)


# A game's score: two small counts with a dash, not inside a longer figure, a date or a range
# of a unit ("37-of-85", "1998-99", "10-15 years", "10-15 percent" are none), nor a court's or a
# chamber's split ("a 5-4 ruling", "a 71-29 vote").
_SCORE = (
    r"(?<![\w.,$/-])\d{1,3}\s?[-\u2013]\s?\d{1,3}(?![\w%/-]|[.,]\d|\s+(?:[a-z]+\s+)?"
    r"(?:per\s?cent|percent|%|ruling|votes?|decision|majority|split)\b)"
)
_SCORE_RIGHT_AFTER = re.compile(rf"\s+{_SCORE}")
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019]?(?:\s|$)")


@functools.cache
def _score_near() -> re.Pattern[str]:
    words = alternation(load_list("timex_score_words.txt", lower=True))
    near = r"(?:[\w'\u2019-]+\s+){0,4}?"
    return re.compile(
        rf"(?<![\w-])(?:{words})\s+{near}{_SCORE}|{_SCORE}\s+{near}(?:{words})(?![\w-])", re.I
    )


def _sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    """Rough bounds of the sentence around text[start:end] (full stop, ! or ? then a space)."""
    left = max(0, start - 400)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, left, start)]
    m = _SENTENCE_END.search(text, end, min(len(text), end + 400))
    return (ends[-1] if ends else left), (m.end() if m else min(len(text), end + 400))


def scored_quarter(text: str, start: int, end: int) -> bool:
    """ "a comfortable 71-39 lead after three quarters", "the fourth quarter of Seattle's 106-90
    victory", "close the third quarter 54-43": a sentence that gives a score next to a game word
    (``timex_score_words.txt``), or a score right after the quarter, reports a game."""
    if _SCORE_RIGHT_AFTER.match(text, end):
        return True
    s, e = _sentence_of(text, start, end)
    return _score_near().search(text, s, e) is not None


# "two-and-three-quarter percent", "a three-quarter point cut", "one and three-quarter per
# cent": a quarter before a unit of measure, or after a whole number and "and", is a fraction
# of that number, no length of three months ("three quarters of an hour", "waited three
# quarters" keep theirs).
_MEASURE_AFTER = re.compile(
    r"[\s-]+(?:percent|per\s?cent|percentage|points?|basis|%|miles?|inch(?:es)?|pounds?|"
    r"ounces?|gallons?|liters?|litres?|kilos?|acres?)\b",
    re.I,
)
_WHOLE_AND_BEFORE = re.compile(
    r"(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})[\s-]+and[\s-]+$", re.I
)


def fraction_quarter(text: str, start: int, end: int) -> bool:
    """ "two-and-three-quarter percent": the quarters are a fraction of a number."""
    if not text[start:end].lower().endswith(("quarter", "quarters")):
        return False
    if _MEASURE_AFTER.match(text, end):
        return True
    return _WHOLE_AND_BEFORE.search(text, max(0, start - 20), start) is not None


def scored_quarters(text: str, start: int, end: int) -> bool:
    """ "a 71-39 lead after three quarters": a count of quarters in a scored game is no
    length of months ("three quarters of the vote" is no match of the dur rules)."""
    return text[start:end].lower().endswith("quarters") and scored_quarter(text, start, end)


def game_quarter(text: str, start: int, end: int) -> bool:
    """ "the first quarter of the season", "another fourth quarter victory": a quarter that
    ends the match and is of a game or season, or before a noun only a game has
    (``timex_game_periods.tsv``), or in a sentence that gives a game's score, is the game's,
    no calendar quarter."""
    if not text[start:end].lower().endswith(("quarter", "quarters")):
        return False
    of_game, after = _game_periods()
    return bool(of_game.match(text, end) or after.match(text, end)) or scored_quarter(
        text, start, end
    )


@functools.cache
def _press_before() -> re.Pattern[str]:
    kinds = alternation(load_list("timex_press_kinds.txt", lower=True))
    return re.compile(rf"\bthe\s+(?:[\w.'-]+\s+){{0,2}}(?:{kinds}|(?P<news>news))\s+$", re.I)


_PRESS_FREQUENCY = frozenset({"daily", "weekly", "monthly"})
# the stop after the paper; "the daily, weekly and monthly figures" is a list of SETs
_PRESS_STOP = re.compile(r"\s*[,.;:](?!\s*(?:and\s+|or\s+)?(?:daily|weekly|monthly)\b)", re.I)


def press_frequency(text: str, start: int, end: int) -> bool:
    """ "told the national news weekly.", "according to the business daily, ...": a frequency
    word after "the" and a press kind (``timex_press_kinds.txt``), closed by punctuation, is
    the paper itself; "the weekly." alone is ref.word's (timex_patterns.tsv), and a paper's
    name or a verb after it ("the business daily Les Echos said") the values side's."""
    if text[start:end].lower() not in _PRESS_FREQUENCY or not _PRESS_STOP.match(text, end):
        return False
    m = _press_before().search(text[max(0, start - 80) : start])
    # "a news weekly" is a magazine, "he watches the news daily." a habit
    return m is not None and not (m.group("news") and text[start:end].lower() == "daily")


# A paper's capitalised name after "the" or a possessive "'s": up to two lower-case words first
# ("the state-run Herald"), then one to four capitalised words, a particle allowed between them
# ("the Folha de Sao Paulo", "Friday's The Edge").
_CAPS_NAME_WORD = r"[A-Z][\w'\u2019.-]*"
_PAPER_NAME = (
    r"(?:(?<![\w-])(?i:the)|(?<![\w-])[\w.-]*\w['\u2019]s)\s+(?:[a-z][\w-]*\s+){0,2}?"
    rf"{_CAPS_NAME_WORD}(?:\s+(?:(?:de|da|do|di|del|della|der|du|des|van|von|la|le|el|al)\s+)?"
    rf"{_CAPS_NAME_WORD}){{0,3}}\s+$"
)
# what may follow the paper when a cue word stands before it: punctuation, "on"/"in" + a time
_PAPER_CLOSE = re.compile(r"\s*[,.;:)\"'\u201d\u2019]|\s+(?:on|in)\s")


@functools.cache
def _press_cues() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rows = load_table("timex_press_cues.tsv")
    before = alternation(r["word"] for r in rows if r["role"] == "before")
    after = alternation(r["word"] for r in rows if r["role"] == "after")
    return (
        re.compile(rf"(?<![\w-])(?i:{before})\s+{_PAPER_NAME}"),
        re.compile(_PAPER_NAME),
        re.compile(rf"[ \t]+(?i:{after})\b"),
    )


def press_name(text: str, start: int, end: int) -> bool:
    """ "told the Sabah daily.", "the Vremya Novostei daily echoed": a frequency word after a
    paper's capitalised name is the paper, when a cue of ``timex_press_cues.tsv`` stands before
    the name (and punctuation or "on"/"in" after the word) or a reporting verb right after it;
    "briefs the President daily.", "Israeli daily offensives" keep their SET."""
    if text[start:end].lower() not in _PRESS_FREQUENCY:
        return False
    cued, named, verb = _press_cues()
    window = text[max(0, start - 120) : start]
    if verb.match(text, end):
        return named.search(window) is not None
    return _PAPER_CLOSE.match(text, end) is not None and cued.search(window) is not None


@functools.cache
def _weekly_practices() -> tuple[re.Pattern[str], re.Pattern[str]]:
    rows = load_table("timex_weekly_practices.tsv")
    nouns = alternation(r["word"] for r in rows if r["role"] == "noun")
    verbs = alternation(r["word"] for r in rows if r["role"] == "verb")
    return (
        re.compile(rf"[ \t]+(?i:{nouns})\b"),
        re.compile(rf"(?<![\w-])(?i:{verbs})[ \t]+$"),
    )


_WEEKDAY_ONLY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)


# "said on the Sunday talk show", "appeared on the Sunday shows", "a Sunday morning news
# programme", "on Sunday talk shows": a weekday after an article, or before a talk, news ...
# word, before a show names the kind of show that airs that day, no date. "during his Monday
# show" (that Monday's), "Images from Sunday morning show ..." (a verb) keep it.
_SHOW_AFTER = re.compile(
    r"(?:[ \t]+(?:morning|afternoon|evening|night))?"
    r"(?P<kind>(?:[ \t]+(?:talk|news|political|interview|chat|public[ \t]+affairs))*)"
    r"[ \t]+(?:shows?|programs?|programmes?)\b",
    re.I,
)
_WEEKDAY_PART = re.compile(
    _WEEKDAY_ONLY.pattern + r"(?:[ \t]+(?:morning|afternoon|evening|night))?", re.I
)
_ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)[ \t]+$", re.I)


def weekday_show(text: str, start: int, end: int) -> bool:
    """ "the Sunday talk shows": the weekday names the shows of every such day, no date."""
    if _WEEKDAY_PART.fullmatch(text, start, end) is None:
        return False
    m = _SHOW_AFTER.match(text, end)
    if m is None:
        return False
    return (
        bool(m.group("kind")) or _ARTICLE_BEFORE.search(text, max(0, start - 6), start) is not None
    )


# "on NBC's \"Today\" show", "on ABC's \u201cThis Week\u201d programme": a time word that fills a
# quotation right before show/programme is the show's name (a quote opening otherwise lets a
# capital through as a sentence's first word).
_SHOW_AFTER_QUOTE = re.compile(r"[\"\u201d][ \t]+(?:shows?|programs?|programmes?)\b", re.I)


def quoted_show(text: str, start: int, end: int) -> bool:
    """ "NBC's \"Today\" show": the quoted time word is the show's name."""
    before = _QUOTE_OPEN.search(text, max(0, start - 60), start)
    if before is None or before.group(1).strip():
        return False
    return _SHOW_AFTER_QUOTE.match(text, end) is not None and text[start].isupper()


def weekly_practice(text: str, start: int, end: int) -> bool:
    """ "the government canceled Friday prayers", "move Sunday services online": a bare weekday
    before a noun of a weekly practice, after a verb of a rule or a habit
    (``timex_weekly_practices.tsv``), is the practice of every such day, no date; "was held
    following Friday prayers" and "attended Friday prayers" keep their day."""
    if not _WEEKDAY_ONLY.fullmatch(text, start, end):
        return False
    noun, verb = _weekly_practices()
    return (
        noun.match(text, end) is not None
        and verb.search(text, max(0, start - 30), start) is not None
    )


@functools.cache
def _overnight_idioms() -> tuple[re.Pattern[str], ...]:
    rows = load_table("timex_overnight_idioms.tsv")

    def words(role: str) -> str:
        return alternation(r["word"] for r in rows if r["role"] == role)

    # the verb and "overnight" share a clause: up to five words between, no punctuation
    between = r"(?:[ \t]+[\w'\u2019-]+){0,5}[ \t]+$"
    return (
        re.compile(rf"(?<![\w-])(?i:{words('adverb')})[ \t]+$"),
        re.compile(rf"(?<![\w-])(?i:{words('change')}){between}"),
        # "turned office workers into remote employees overnight"; "turned north" is a move
        re.compile(
            rf"(?<![\w-])(?i:{words('into')})(?:[ \t]+[\w'\u2019-]+){{0,3}}[ \t]+(?i:into)"
            rf"{between}"
        ),
        re.compile(
            r"(?:(?<![\w-])(?i:not|never|cannot)|(?i:n['\u2019]t))"
            # no clause opens between: "It was not known what happened overnight" is the night
            r"(?:[ \t]+(?!(?i:what|how|where|who|when|which|that|whether|if)\b)[\w'\u2019-]+){0,4}?"
            rf"[ \t]+(?i:{words('negated')}|{words('change')}){between}"
        ),
    )


_OVERNIGHT = re.compile(r"overnight", re.I)


def overnight_idiom(text: str, start: int, end: int) -> bool:
    """ "Daily life changed overnight", "dry up almost overnight", "will not happen
    overnight": "overnight" meaning "suddenly" names no night (``timex_overnight_idioms.tsv``);
    "Rebels attacked overnight" and "The attack happened overnight" keep it."""
    if _OVERNIGHT.fullmatch(text, start, end) is None:
        return False
    before = text[max(0, start - 80) : start]
    return any(p.search(before) is not None for p in _overnight_idioms())


@functools.cache
def _season_kinds() -> frozenset[str]:
    return frozenset(load_list("timex_season_kinds.txt", lower=True))


# A second season joined to the first: "in the winter and spring sports", "fall or winter
# collections" name one kind for both seasons.
_SEASON_PAIR = re.compile(
    r",?[ \t]+(?:and|or|&)[ \t]+(?:spring|summer|fall|autumn|winter)\b(?![-'\u2019])", re.I
)


def season_kind(text: str, start: int, end: int) -> bool:
    """ "the winter capital", "the summer Olympics": a season right before a noun of
    ``timex_season_kinds.txt`` names a kind of thing; "the summer months" keeps its date. A
    year after the season ("the summer 2012 collection") makes it a date."""
    pair = _SEASON_PAIR.match(text, end)
    if pair is not None:
        end = pair.end()  # "the winter and spring sports": the kind follows the second season
    return _kind_noun_after(text, end, _season_kinds())


@functools.cache
def _that_predicates() -> frozenset[str]:
    return frozenset(load_list("timex_that_predicates.txt", lower=True))


_THAT_START = re.compile(r"that\s")
_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|during|by|until|till|since|through|throughout|of|for|from|over|after|before)\s+$",
    re.I,
)


def that_clause(text: str, start: int, end: int) -> bool:
    """ "said that summer is the best time", "fears that winter will be hard": a lower-case
    "that" before a season followed by a verb of ``timex_that_predicates.txt`` opens a clause
    whose subject is the season word, no demonstrative; "during that summer", "he left that
    winter and", a sentence-opening "That summer was dry" stay dates."""
    if not _THAT_START.match(text, start):
        return False
    if _PREPOSITION_BEFORE.search(text, max(0, start - 20), start):
        return False
    return _kind_noun_after(text, end, _that_predicates())


_THE_PAST = re.compile(r"the\s+past", re.I)


@functools.cache
def _count_after() -> re.Pattern[str]:
    words = [w for w, v in lexicon().numbers.items() if v.isdigit() and " " not in w]
    return re.compile(rf"\s+(?:\d|(?:{alternation(words)})\b)", re.I)


def past_before_count(text: str, start: int, end: int) -> bool:
    """ "won the past five elections", "for the past two seasons": "the past" before a count
    is an adjective of the counted things, no PAST_REF (a length of time units is a longer
    match of its own: "the past two years")."""
    return _THE_PAST.fullmatch(text, start, end) is not None and bool(
        _count_after().match(text, end)
    )


# "couple" without "a" or "of" is a number only after a position word ("the past couple
# months", "the first couple weeks", timex_numbers.tsv); elsewhere it is the noun ("The couple
# days later left"), and a match holding it is none.
_BARE_COUPLE = re.compile(
    r"(?<![\w-])(?<!\ba\s)(?<!\bpast\s)(?<!\blast\s)(?<!\bnext\s)(?<!\bcoming\s)"
    r"(?<!\bprevious\s)(?<!\bfirst\s)(?<!\bfinal\s)couple\b(?!\s+of\b)",
    re.I,
)


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule (overlapping ones included), in text order; a match that is
    part of a title ("This Week" on ABC) or of a paper's name ("The Sunday Times") is none, a
    named day ("Election Day") always is, "today's youth" speaks of the age, not the day, and
    capitals a text uses for a product or show ("the Abbott ID NOW test") are no time word."""
    found = []
    in_names: list[tuple[int, int]] = []
    names = day_name_spans(text)
    for rule in rules():
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                if names and any(m.start() < e and s < m.end() for s, e in names):
                    continue
                if (
                    not _named_day(rule, m)
                    and rule.name != "year.new"  # "early in the New Year"
                    and names_a_title(text, m.start(), m.end())
                ):
                    continue
                if number_in_name(text, m.start(), m.end()):
                    continue
                if generic_day(text, m.start(), m.end()):
                    continue
                if _named_day(rule, m) and holiday_modifier(text, m.start(), m.end()):
                    continue
                if _named_day(rule, m) and holiday_in_name(text, m.start(), m.end()):
                    in_names.append(m.span())
                    continue
                if rule.family == "holiday" and common_noun_day(text, m.start(), m.end()):
                    continue
                if rule.name == "time.part" and attributive_part(text, m.start(), m.end()):
                    continue
                if rule.family == "weekday" and weekly_practice(text, m.start(), m.end()):
                    continue
                if weekday_show(text, m.start(), m.end()) or quoted_show(text, m.start(), m.end()):
                    continue
                if overnight_idiom(text, m.start(), m.end()):
                    continue
                if rule.family == "quarter" and game_quarter(text, m.start(), m.end()):
                    continue
                if award_title(text, m.start(), m.end()):
                    continue
                if cricket_century(text, m.start(), m.end()):
                    continue
                if press_frequency(text, m.start(), m.end()):
                    continue
                if press_name(text, m.start(), m.end()):
                    continue
                if rule.family == "season" and season_kind(text, m.start(), m.end()):
                    continue
                if rule.family == "season" and fall_accident(text, m.start(), m.end()):
                    continue
                if rule.family == "season" and that_clause(text, m.start(), m.end()):
                    continue
                if rule.family == "dur" and fraction_quarter(text, m.start(), m.end()):
                    continue
                if rule.family == "dur" and scored_quarters(text, m.start(), m.end()):
                    continue
                if rule.family == "dur" and military_hours(text, m.start(), m.end()):
                    continue
                if rule.family == "decade" and age_decade(text, m.start(), m.end()):
                    continue
                if rule.family == "year" and year_in_name(text, m.start(), m.end()):
                    continue
                if bc_year(text, m.start(), m.end()):
                    continue
                if quote_range_end(text, m.start(), m.end()):
                    continue
                if rule.family == "ref" and past_before_count(text, m.start(), m.end()):
                    continue
                if _BARE_COUPLE.search(text, m.start(), m.end()):
                    continue  # "The couple days later left": no number without past/a
                if game_clock(text, m.start(), m.end()):
                    continue
                if game_minute(text, m.start(), m.end()):
                    continue
                found.append(Candidate(m.start(), m.end(), rule, m))
    if in_names:
        # "the Good Friday Agreement": no weekday inside the name either
        found = [c for c in found if not any(s <= c.start and c.end <= e for s, e in in_names)]
    named = caps_names(text, [(c.start, c.end) for c in found])
    if named:
        found = [c for c in found if (c.start, c.end) not in named]
    found.sort(key=lambda c: (c.start, -c.end, c.rule.order))
    return found


def group(m: re.Match[str], name: str) -> str | None:
    """The first of ``name``, ``name1``, ``name2`` ... that took part in the match."""
    groups = m.groupdict()
    for suffix in ("", "1", "2", "3"):
        value = groups.get(name + suffix)
        if value is not None:
            return value
    return None


def select(scored: list[tuple[Candidate, T]]) -> list[tuple[Candidate, T]]:
    """Keep the longest of overlapping candidates (ties: the rule listed first)."""
    ranked = sorted(
        scored, key=lambda cs: (-(cs[0].end - cs[0].start), cs[0].rule.order, cs[0].start)
    )
    taken: list[tuple[int, int]] = []
    kept = []
    for cand, result in ranked:
        if any(cand.start < e and s < cand.end for s, e in taken):
            continue
        taken.append((cand.start, cand.end))
        kept.append((cand, result))
    kept.sort(key=lambda cs: cs[0].start)
    return kept
