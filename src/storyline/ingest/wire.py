"""Wire agencies: who originally wrote a story another outlet republished.

Evidence, strongest first:

1. the dateline's parentheses: "LONDON, Dec 1 (Reuters) -", "NEW YORK (AP) —";
2. a closing credit: a last paragraph "REUTERS" / "— AFP" / "(AP)", or the same at the very end
   of the last paragraph ("... the three sources. REUTERS", as The Straits Times prints it);
3. a credit line in the agency's house style ("Reporting by ...; Editing by ..." is Reuters);
4. a byline that is an agency ("The Associated Press", "Reuters"), see ``wire_from_byline``.

The agencies and their spellings are ``wire_agencies.tsv``; credit-line styles are
``wire_credit_lines.tsv``. Closing credits and credit lines are REMOVED from the article text
(they are not news, and "REUTERS" glued to the last sentence would end up in its span); the
dateline, "(Reuters)" included, is kept.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from storyline.errors import RuleFileError
from storyline.rules import load_list, load_table

# Credit lines are looked for among the last few paragraphs only.
CREDIT_WINDOW = 4


@functools.cache
def _spellings() -> tuple[tuple[str, str, bool], ...]:
    rows = []
    for row in load_table("wire_agencies.tsv"):
        case = row.get("case") or "any"
        if case not in ("any", "exact"):
            raise RuleFileError(f"wire_agencies.tsv: case must be 'any' or 'exact', not {case!r}")
        rows.append((row["spelling"], row["wire"], case == "exact"))
    # Longest first so "Associated Press" wins over "AP" in an alternation.
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


def wire_for(name: str) -> str | None:
    """The canonical agency for a spelling ("REUTERS" -> "Reuters"), or None."""
    name = " ".join(name.split()).strip(" .")
    for spelling, wire, exact in _spellings():
        if name == spelling or (not exact and name.lower() == spelling.lower()):
            return wire
        if exact and name.upper() == spelling and name.isupper():
            return wire
    return None


@functools.cache
def _credit_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    exact = "|".join(re.escape(s) for s, _w, ex in _spellings() if ex)
    anycase = "|".join(re.escape(s) for s, _w, ex in _spellings() if not ex)
    agency = rf"(?:(?:{exact})|(?i:{anycase}))"
    agencies = rf"{agency}(?:\s*[,/&]\s*{agency})*"
    # A paragraph that is only a credit: "REUTERS", "— AFP", "(AP)", "Reuters", "Source: AFP".
    prefixes = "|".join(
        re.escape(p.rstrip(":"))
        for p in sorted(load_list("wire_credit_prefixes.txt", lower=True), key=len, reverse=True)
    )
    alone = re.compile(
        rf"\s*[-–—(]*\s*(?:(?i:{prefixes})\s*:?\s*)?(?P<credit>{agencies})\s*\)?\.?\s*"
    )
    # A credit glued to the last sentence: ALL CAPS, or set off by a dash or parentheses.
    upper = "|".join(re.escape(s.upper()) for s, _w, _ex in _spellings())
    caps = rf"(?:{upper})(?:\s*[,/&]\s*(?:{upper}))*"
    trailing = re.compile(
        rf"(?<=[.!?\"”’'])\s+(?:(?P<caps>{caps})|[-–—]\s*(?P<dash>{agencies})|\((?P<paren>{agencies})\))\s*$"
    )
    return alone, trailing


@functools.cache
def _credit_lines() -> tuple[tuple[re.Pattern[str], str], ...]:
    out = []
    for row in load_table("wire_credit_lines.tsv"):
        try:
            out.append((re.compile(row["pattern"], re.IGNORECASE), row.get("wire") or ""))
        except re.error as exc:
            raise RuleFileError(
                f"wire_credit_lines.tsv: bad pattern {row['pattern']!r}: {exc}"
            ) from exc
    return tuple(out)


def _first_wire(credit: str) -> str | None:
    for part in re.split(r"\s*[,/&]\s*", credit):
        wire = wire_for(part)
        if wire:
            return wire
    return None


@dataclass(slots=True)
class WireResult:
    wire: str | None
    paragraphs: list[str]
    removed: list[str] = field(default_factory=list)


def wire_from_byline(byline: str | None) -> str | None:
    """An agency named as the whole byline or one part of it ("Jane Doe; Reuters")."""
    if not byline:
        return None
    for part in re.split(r"\s*[;,|]\s*|\s+and\s+", byline):
        wire = wire_for(part)
        if wire:
            return wire
    return None


@functools.cache
def _any_agency() -> re.Pattern[str]:
    exact = "|".join(re.escape(s) for s, _w, ex in _spellings() if ex)
    anycase = "|".join(re.escape(s) for s, _w, ex in _spellings() if not ex)
    return re.compile(rf"\b(?:{exact}|(?i:{anycase}))\b")


def credit_line_wire(line: str) -> tuple[bool, str]:
    """(is a credit line, the agency it implies or "").

    A credit line whose style names no agency may name one itself: "The Associated Press
    contributed to this report." is AP's, "Additional reporting by Reuters" Reuters'.
    """
    s = " ".join(line.split())
    if len(s) > 300:
        return False, ""
    for pattern, wire in _credit_lines():
        if pattern.fullmatch(s):
            if not wire:
                named = _any_agency().search(s)
                wire = (wire_for(named.group()) or "") if named else ""
            return True, wire
    return False, ""


def find_wire(paragraphs: list[str], *, dateline_wire: str | None = None) -> WireResult:
    """The wire agency, and the paragraphs without closing credits and credit lines."""
    paras = list(paragraphs)
    result = WireResult(wire=wire_for(dateline_wire) if dateline_wire else None, paragraphs=paras)
    alone, trailing = _credit_regexes()
    style_wire = ""
    # Credit lines and stand-alone credits among the last paragraphs, from the end.
    start = max(0, len(paras) - CREDIT_WINDOW)
    for i in range(len(paras) - 1, start - 1, -1):
        if i == 0:
            break  # never remove the whole article
        para = paras[i]
        m = alone.fullmatch(para)
        if m:
            result.wire = result.wire or _first_wire(m.group("credit"))
            result.removed.append(paras.pop(i))
            continue
        is_credit, wire = credit_line_wire(para)
        if is_credit:
            style_wire = style_wire or wire
            result.removed.append(paras.pop(i))
    if paras:
        m = trailing.search(paras[-1])
        if m:
            credit = m.group("caps") or m.group("dash") or m.group("paren")
            closing = _first_wire(credit) if credit else None
            if closing:
                result.wire = result.wire or closing
                result.removed.append(paras[-1][m.start() :].strip())
                paras[-1] = paras[-1][: m.start()].rstrip()
    result.wire = result.wire or style_wire or None
    return result
