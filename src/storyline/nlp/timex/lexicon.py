"""The tagger's vocabulary, loaded from ``storyline/data/timex_*`` files.

Each family (months, weekdays, number words, units, parts of day, holidays, modifiers, fixed
phrases) is a table a non-programmer can extend; this module turns them into lookup dicts and
into the named regex pieces (``{MONTH}``, ``{NUM}`` ...) that ``timex_patterns.tsv`` uses.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from storyline.errors import RuleFileError
from storyline.rules import load_list, load_table


@dataclass(frozen=True, slots=True)
class Unit:
    code: str  # ISO 8601 duration letter: Y M W D H S (or WE for weekends, Q for quarters)
    clock: bool  # written after "T" in a duration
    factor: int  # a decade is 10 years


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    weekdays: dict[str, int]
    numbers: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, Unit]
    day_parts: dict[str, str]
    seasons: dict[str, str]
    holidays: dict[str, str]
    modifiers: dict[str, str]
    positions: dict[str, str]
    refs: dict[str, tuple[str, str]]
    tense_cues: dict[str, str]
    macros: dict[str, str]


def alternation(words: Iterable[str]) -> str:
    """A regex alternation, longest first so that "twenty-first" wins over "first"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=lambda w: (-len(w), w))
    )


def _abbreviable(names: dict[str, int]) -> str:
    """Full names as they are, abbreviations with an optional full stop ("Nov.", "Tues.")."""
    full = {max((w for w, v in names.items() if v == n), key=len) for n in set(names.values())}
    short = [w for w in names if w not in full]
    return rf"(?:{alternation(list(full))}|(?:{alternation(short)})\.?)"


def _int(name: str, row: dict[str, str], column: str) -> int:
    try:
        return int(row[column])
    except ValueError as exc:
        raise RuleFileError(f"{name}: {column} {row[column]!r} is not a whole number") from exc


_APOSTROPHES = ("'", "\u2019")
_BOUNDARY = r"\b"


def _build_macros(lex: Lexicon) -> dict[str, str]:
    months, weekdays, numbers, ordinals = lex.months, lex.weekdays, lex.numbers, lex.ordinals
    units, day_parts, seasons = lex.units, lex.day_parts, lex.seasons
    tens = [
        w for w, v in numbers.items() if v.isdigit() and 20 <= int(v) <= 90 and int(v) % 10 == 0
    ]
    ones = [
        w for w, v in numbers.items() if v.isdigit() and 1 <= int(v) <= 9 and w not in ("a", "an")
    ]
    compound = rf"(?:{alternation(tens)})(?:[\s-]+(?:{alternation(ones)}))?"
    teens = [w for w, v in numbers.items() if v.isdigit() and 10 <= int(v) <= 19]
    # Only the centuries news speaks of: 17xx-19xx ("twelve fifteen" is a count or a time).
    centuries_spoken = [w for w, v in numbers.items() if v.isdigit() and 17 <= int(v) <= 19]
    # Spoken years, as broadcast transcripts write them: "nineteen ninety-six", "nineteen
    # oh five", "twenty twenty-four"; "two thousand (and) one" has a group of its own because
    # "two thousand" alone is more often a count (norm_year). Never before a unit or a
    # hyphen ("nineteen twenty-year-olds", "nineteen ninety days").
    below_hundred = rf"(?:{compound}|{alternation(teens)}|oh[\s-]+(?:{alternation(ones)}))"
    spoken_year = (
        rf"(?:(?:{alternation(centuries_spoken)})[\s-]+{below_hundred}"
        rf"|twenty[\s-]+(?:{compound}|{alternation(teens)})"
        rf"|(?P<thousand>two[\s-]+thousand"
        rf"(?:[\s-]+(?:and[\s-]+)?(?:{below_hundred}|{alternation(ones)}))?))"
        rf"(?![\s-]+(?:hundred|thousand|million|billion|percent|{alternation(list(units))})\b)"
        r"(?!-)"
    )
    digits = r"\d+(?:[.,]\d+)?(?:\s+\d/\d|\s?[½¼¾])?"  # "3 1/2", "3½"
    number_words = alternation(list(numbers))
    centuries = alternation([w for w, v in ordinals.items() if v <= 21])
    ordinal_days = alternation([w for w, v in ordinals.items() if 1 <= v <= 31])
    # "last" as in "the last two weeks", not the verb of "expected to last two weeks".
    verb_cues = load_list("timex_last_verb_cues.txt", lower=True)
    # A contraction ("won't") is the end of a word, so it gets no word boundary.
    # The checks look back from after "last" so that they run only where "last" is.
    # An adverb may stand between them ("will likely last"); each pair is its own fixed-width
    # look-behind.
    adverbs = [
        "",
        *(rf"{re.escape(a)}\s" for a in load_list("timex_last_verb_adverbs.txt", lower=True)),
    ]
    last = "".join(
        rf"(?<!{'' if any(q in w for q in _APOSTROPHES) else _BOUNDARY}{re.escape(w)}\s{a}last)"
        for w in verb_cues
        for a in adverbs
    )
    return {
        "LAST": rf"last{last}",
        "MONTH": rf"(?P<month>{_abbreviable(months)})",
        "WEEKDAY": rf"(?P<weekday>{_abbreviable(weekdays)})",
        "DAY": rf"(?P<day>(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)|{ordinal_days})",
        "YEAR": rf"(?P<year>(?:1[0-9]|20)\d\d(?![\d,]\d)|{spoken_year})",
        # "four and a half", "three-and-a-half" (hyphened before its unit: "years" alone
        # was PXY)
        "NUM": rf"(?P<num>(?:{digits}|{compound}|{number_words})(?:[\s-]+and[\s-]+a[\s-]+half)?)",
        "UNIT": rf"(?P<unit>{alternation(list(units))})",
        "PART": rf"(?P<part>{alternation(list(day_parts))})",
        "SEASON": rf"(?P<season>{alternation(list(seasons))})",
        "HOLIDAY": rf"(?P<holiday>{alternation(list(lex.holidays))})",
        "MOD": rf"(?P<mod>{alternation(list(lex.modifiers))})",
        # a capitalised position word ending a line is a headline's last word, no prefix of
        # the stamp on the next line ("... Checks Out Two Minutes Later" above "May 2, 2013",
        # ECB+ 1); wrapped prose ("in late\nMay") keeps it
        "POS": rf"(?P<pos>(?-i:(?![A-Z][a-z]*[ \t]*[\r\n]))(?:{alternation(list(lex.positions))}))",
        "REF": rf"(?P<ref>{alternation(list(lex.refs))})",
        "QORD": r"(?P<qord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)",
        "CENT": rf"(?P<cent>\d{{1,2}}(?:st|nd|rd|th)|{centuries})",
    }


@functools.cache
def lexicon() -> Lexicon:
    """The vocabulary, loaded once per process."""
    months: dict[str, int] = {}
    ambiguous: set[str] = set()
    for row in load_table("timex_months.tsv"):
        months[row["name"].lower()] = _int("timex_months.tsv", row, "month")
        if row.get("ambiguous") == "1":
            ambiguous.add(row["name"].lower())
    weekdays = {
        r["name"].lower(): _int("timex_weekdays.tsv", r, "weekday")
        for r in load_table("timex_weekdays.tsv")
    }
    numbers = {r["word"].lower(): r["value"] for r in load_table("timex_numbers.tsv")}
    ordinals = {
        r["word"].lower(): _int("timex_ordinals.tsv", r, "value")
        for r in load_table("timex_ordinals.tsv")
    }
    units = {
        r["word"].lower(): Unit(r["code"], r["clock"] == "1", _int("timex_units.tsv", r, "factor"))
        for r in load_table("timex_units.tsv")
    }
    parts = load_table("timex_day_parts.tsv")
    day_parts = {r["word"].lower(): r["code"] for r in parts if r["kind"] == "day"}
    seasons = {r["word"].lower(): r["code"] for r in parts if r["kind"] == "season"}
    holidays = {r["name"].lower(): r["date"] for r in load_table("timex_holidays.tsv")}
    modifiers = {r["phrase"].lower(): r["mod"] for r in load_table("timex_modifiers.tsv")}
    positions = {r["phrase"].lower(): r["mod"] for r in load_table("timex_positions.tsv")}
    refs = {r["phrase"].lower(): (r["type"], r["value"]) for r in load_table("timex_refs.tsv")}
    tense_cues = {r["word"].lower(): r["tense"] for r in load_table("timex_tense_cues.tsv")}
    lex = Lexicon(
        months=months,
        ambiguous_months=frozenset(ambiguous),
        weekdays=weekdays,
        numbers=numbers,
        ordinals=ordinals,
        units=units,
        day_parts=day_parts,
        seasons=seasons,
        holidays=holidays,
        modifiers=modifiers,
        positions=positions,
        refs=refs,
        tense_cues=tense_cues,
        macros={},
    )
    lex.macros.update(_build_macros(lex))
    return lex


@functools.cache
def month_names() -> str:
    """The month names and abbreviations as one regex alternation, longest first, without a
    group or the abbreviations' optional full stop (the ``MONTH`` macro has both)."""
    return alternation(list(lexicon().months))


def key(text: str) -> str:
    """A matched word as a lookup key: lower case, single spaces, no trailing full stop."""
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".")
