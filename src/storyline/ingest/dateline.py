"""Datelines: where (and sometimes when, and from which wire) a story was filed.

Forms recognised at the start of the first body paragraph::

    WASHINGTON - ...                      place
    WASHINGTON (Reuters) - ...            place, wire
    LONDON, Dec 1 (Reuters) - ...         place, month/day, wire
    SAN JUAN, Puerto Rico (AP) — ...      place with region, wire
    Dec 1 (Reuters) - ...                 month/day, wire (no place)
    Hong Kong (CNN Business)A ...         CNN's style, no separator
    Washington, Dec. 1, 2025 (AP) -- ...  title-case place: only with a date or a wire after it

The place is stored title-cased as a reader would write it ("WASHINGTON" -> "Washington",
"SAN JUAN, Puerto Rico" -> "San Juan, Puerto Rico"). The dateline stays in the article text:
the temporal tagger must still see "Dec 1 (Reuters)".
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from storyline.rules import load_list, load_table


@functools.cache
def months() -> dict[str, int]:
    """Month names and abbreviations (lower case) -> month number."""
    return {row["name"].lower(): int(row["month"]) for row in load_table("dateline_months.tsv")}


def month_pattern() -> str:
    names = sorted(months(), key=len, reverse=True)
    # Case-insensitive inside otherwise case-sensitive patterns ("Dec", "DEC", "dec").
    return "(?i:" + "|".join(re.escape(n) for n in names) + r")\.?"


# The separator; a dateline can also stand alone as its own paragraph ("WASHINGTON —").
# A web domain ("TRIBUNNEWS.COM"); abbreviations such as "N.C." or "ST." end in a full stop.
_DOMAIN = re.compile(r"\w\.[A-Za-z]{2,}\b(?!\.)")
_SEP = r"\s*(?:-{1,2}|[–—:])(?:\s+|$)"
_UPPER_WORD = r"[A-Z][A-Z'’.]*(?:-[A-Z][A-Z'’.]*)*"
_TITLE_WORD = r"[A-Z][a-zA-Z'’.]*(?:-[A-Z][a-zA-Z'’.]*)*"


@functools.cache
def _regexes() -> tuple[re.Pattern[str], ...]:
    month = month_pattern()
    date = rf"(?P<month>{month})\s+(?P<day>\d{{1,2}})(?:,\s*(?P<year>\d{{4}}))?"
    wire = r"\((?P<wire>[A-Za-z][A-Za-z .&'-]{0,38})\)"
    region = rf"(?:,\s*(?P<region>{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}}))?"
    upper = rf"(?P<place>{_UPPER_WORD}(?:\s+{_UPPER_WORD}){{0,3}})"
    title = rf"(?P<place>{_TITLE_WORD}(?:\s+{_TITLE_WORD}){{0,2}})"
    flags = re.IGNORECASE  # month names only; places are checked for case below
    return (
        # ALL-CAPS place, optional region, optional date, optional wire.
        re.compile(rf"{upper}{region}(?:,?\s+{date})?(?:\s*{wire})?{_SEP}"),
        # Date and wire without a place: "Dec 1 (Reuters) -".
        re.compile(rf"{date}\s*{wire}{_SEP}", flags),
        # Title-case place only when a date or a wire follows it.
        re.compile(rf"{title}{region},?\s+{date}(?:\s*{wire})?{_SEP}"),
        re.compile(rf"{title}{region}\s*{wire}{_SEP}"),
        # CNN's house style runs the text on after the credit: "Hong Kong (CNN Business)A ...".
        re.compile(rf"{title}{region}\s*\((?P<wire>CNN[A-Za-z ]{{0,20}})\)\s*"),
    )


@dataclass(frozen=True, slots=True)
class Dateline:
    place: str | None
    month: int | None = None
    day: int | None = None
    year: int | None = None
    wire_text: str | None = None
    end: int = 0  # where the dateline ends in the paragraph


def _title_case(place: str) -> str:
    words = []
    for word in place.split():
        # "ST." -> "St.", but initials such as "U.S." stay as they are.
        if word.isupper() and len(word) > 1 and "." not in word[:-1]:
            word = "-".join(part.capitalize() for part in word.split("-"))
        words.append(word)
    return " ".join(words)


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline at the start of a paragraph, or None."""
    text = paragraph.lstrip()
    not_places = set(load_list("dateline_not_places.txt", lower=True))
    for regex in _regexes():
        m = regex.match(text)
        if not m:
            continue
        groups = m.groupdict()
        place = groups.get("place")
        if place and place.lower().strip(".") in not_places:
            continue
        if place and months().get(place.lower().rstrip(".")):
            continue  # "Dec 1 (Reuters)" is the date form, not a place called "Dec"
        if place and _DOMAIN.search(place):
            continue  # "TRIBUNNEWS.COM - ..." credits a site, it names no place
        if place and regex is _regexes()[0] and len(place.replace(".", "")) < 2:
            continue
        region = groups.get("region")
        full_place = None
        if place:
            full_place = _title_case(place) + (f", {region}" if region else "")
        month = months().get((groups.get("month") or "").lower().rstrip(".")) or None
        day = int(groups["day"]) if groups.get("day") else None
        year = int(groups["year"]) if groups.get("year") else None
        if month and day and not 1 <= day <= 31:
            continue
        return Dateline(full_place, month, day, year, groups.get("wire"), m.end())
    return None
