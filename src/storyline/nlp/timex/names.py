"""Dates that are names or parts of names, and month-day names of past events.

A month name is also a first name ("virologist June Almeida"), a surname ("according to May",
Theresa May) or a word of a title ("The Hunt for Red October"); a month and day can head a
name ("the October 3 Platform"); and "Sept. 11" before "attacks" or "survivor" is the day of
2001, not this year's. The word lists are data: ``timex_name_heads.txt``,
``timex_person_cues.txt``, ``timex_event_days.tsv``, ``timex_faith_words.txt``.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from storyline.nlp.timex.lexicon import alternation
from storyline.nlp.timex.patterns import OPENING, date_words, headline
from storyline.rules import load_list, load_table

__all__ = [
    "event_day_year",
    "lone_month_is_name",
    "lunar_holiday_is_name",
    "names_a_thing",
    "speaker_name",
]

_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Za-z][a-z]+) $")
_DETERMINER_BEFORE = re.compile(
    r"(?<![\w-])(?:a|an|the|its|his|her|their|our|this|that|last)\s+$", re.I
)
_WORD_AFTER = re.compile(r" ([A-Z][a-z]+)\b(?!['’.]?\s*\d)")
# A middle initial and a surname after the month ("April S. Stempien"): a name's shape; two
# initials ("April U.S. sales") are an abbreviation.
_INITIAL_AFTER = re.compile(r" [A-Z]\. [A-Z][a-z]+\b")
# After the date, or after a month alone when its day is the next word (the month-alone rule
# also matches the "October" of "October 3 Platform").
_NAME_HEAD_AFTER = re.compile(
    r"(?:\.?\s*(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?)? (?:[A-Z][a-z]+ )?([A-Z][a-z]+)\b"
)


@functools.cache
def _person_cues() -> re.Pattern[str]:
    words = alternation(load_list("timex_person_cues.txt", lower=True))
    return re.compile(rf"(?<![\w-])(?:{words})\s+$", re.I)


@functools.cache
def _name_heads() -> frozenset[str]:
    return frozenset(load_list("timex_name_heads.txt", lower=True))


# A sentence that ends in a closing quotation mark ('... “Lagrippe.” By mid-April'), which
# OPENING does not take for an opening.
_QUOTED_STOP = re.compile(r"[.!?]['’\"”]\s+$")


def _opens(text: str, start: int) -> bool:
    lo = max(0, start - 12)
    return OPENING.search(text, lo, start) is not None or bool(_QUOTED_STOP.search(text, lo, start))


def lone_month_is_name(text: str, start: int, end: int, cued: bool) -> bool:
    """A month name alone (no day, no year) that is a name: after a person cue ("according
    to May", "Dr. April"), after a capitalised word inside a sentence ("Marie June Skender",
    "The Hunt for Red October"), or, with no cue word before it ("in June"), before a
    capitalised word ("virologist June Almeida") or a middle initial ("April S. Stempien"); a
    name head after it ("the October Revolution") always.
    Not in a title-case headline ("Sales Slump In June")."""
    if _person_cues().search(text, max(0, start - 30), start):
        return True
    if names_a_thing(text, end):
        return True
    after = _WORD_AFTER.match(text, end)
    if cued or headline(text, start):
        return False  # "in June Apple said", "By mid-April most signs": a month
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if (
        before
        and before.group(1)[0].isupper()
        and before.group(1).lower() not in date_words()
        and not _opens(text, before.start())
    ):
        return True
    # "an April Facebook post", "its June Board meeting": after a determiner the month
    # modifies the noun; a first name takes none.
    if _DETERMINER_BEFORE.search(text, max(0, start - 12), start):
        return False
    if _INITIAL_AFTER.match(text, end):
        return True
    return after is not None and after.group(1).lower() not in date_words()


@functools.cache
def _speech() -> tuple[re.Pattern[str], re.Pattern[str]]:
    verbs = "|".join(re.escape(w) for w in load_list("timex_speech_verbs.txt", lower=True))
    return (
        re.compile(rf"(?<![\w-])(?:{verbs}),?\s+$", re.I),
        re.compile(rf"\s+(?:{verbs})\b"),
    )


# After "says Easter" the name ends the clause; "said April freight volumes" and "said
# January's shootdown" are months.
_CLAUSE_END = re.compile(r"\s*(?:[.,;:!?\"”)]|$)")
_PREPOSITION_BEFORE = re.compile(
    r"(?<![\w-])(?:in|on|at|by|since|until|of|for|before|after)\s+$", re.I
)


def speaker_name(text: str, start: int, end: int) -> bool:
    """ "says Easter", "Easter tells The Verge" (Michelle Easter): a holiday or month name
    alone right after a speech verb, ending the clause, or right before one, is a person.
    "said April freight volumes", "on Election Day, said Matt Dietrich" keep their dates; a
    capitalised word before a holiday is no evidence ("Orthodox Easter", "Happy Easter")."""
    before, after = _speech()
    if before.search(text, max(0, start - 20), start) and _CLAUSE_END.match(text, end):
        return True
    return bool(
        after.match(text, end) and not _PREPOSITION_BEFORE.search(text, max(0, start - 12), start)
    )


def names_a_thing(text: str, end: int) -> bool:
    """ "the October 3 Platform", "the April 6 Youth Movement": a month and day before a
    capitalised name head is part of the name."""
    m = _NAME_HEAD_AFTER.match(text, end)
    return m is not None and m.group(1).lower() in _name_heads()


@functools.cache
def _event_days() -> dict[tuple[int, int], tuple[int, re.Pattern[str]]]:
    out = {}
    for row in load_table("timex_event_days.tsv"):
        month, day = (int(x) for x in row["day"].split("-"))
        nouns = "|".join(re.escape(w) for w in row["nouns"].lower().split())
        noun = re.compile(rf"[\s-]+(?:[a-z]+\s+)?(?:{nouns})\b")
        out[(month, day)] = (int(row["year"]), noun)
    return out


def event_day_year(text: str, end: int, month: int, day: int, dct: dt.date | None) -> int | None:
    """The year of a past event a month and day names before one of its nouns ("a Sept. 11
    cancer survivor" = 2001), if the publication date is after it; else None."""
    row = _event_days().get((month, day))
    if row is None:
        return None
    year, noun = row
    if dct is not None and dct <= dt.date(year, month, day):
        return None
    return year if noun.match(text, end) else None


@functools.cache
def _faith_words() -> frozenset[str]:
    return frozenset(load_list("timex_faith_words.txt", lower=True))


_CAPITAL_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][\w'’-]*)[ \t]+$")


def _after_a_name(text: str, start: int, end: int) -> bool:
    if speaker_name(text, start, end):
        return True
    m = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m.group(1).lower() in _faith_words():
        return False
    return not OPENING.search(text, max(0, m.start() - 12), m.start()) and not headline(text, start)


# Words right before a lunar holiday that make it the holiday even in a text where the same
# word is someone's name ("during Ramadan" in a story about Taha Yassin Ramadan).
_HOLIDAY_CUE_BEFORE = re.compile(
    r"(?<![\w-])(?:during|in|of|before|after|since|until|till|through|throughout|for|over|"
    r"on|at|by|the|this|last|next|holy|fasting|month|start|end|eve)\s+$",
    re.I,
)


def lunar_holiday_is_name(text: str, start: int, end: int) -> bool:
    """ "Taha Yassin Ramadan", "coach Salman Ramadan", "Tariq Ramadan said": a lunar holiday's
    name right after a capitalised word inside a sentence (not a faith word, "the Muslim
    holy month", "Happy Diwali") or next to a speech verb is a surname, not the holiday; and
    once the text uses it as a surname, so is the word alone elsewhere ("Aside from Saddam
    and Ramadan") unless a time word comes before it ("during Ramadan"). "During Ramadan,
    ..." (a capital that opens the sentence) stays the holiday."""
    if _after_a_name(text, start, end):
        return True
    if _HOLIDAY_CUE_BEFORE.search(text, max(0, start - 12), start):
        return False
    word = re.compile(rf"(?<![\w-]){re.escape(text[start:end])}(?![\w-])")
    # a surname ends its name ("Taha Yassin Ramadan,"); "the Socially Distant Eid Comedy Night"
    # (a capital after it too) is a title, which says nothing about the word elsewhere
    return any(
        _after_a_name(text, m.start(), m.end()) and not _CAPITAL_AFTER.match(text, m.end())
        for m in word.finditer(text)
        if m.start() != start
    )


_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
