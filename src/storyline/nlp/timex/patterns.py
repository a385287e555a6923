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
from storyline.nlp.timex.lexicon import lexicon
from storyline.rules import load_table

# A time expression starts and ends at a word edge; "$1998" or "#2000" are not years.
_LEFT = r"(?<![\w$€£#@/])"
_RIGHT = r"(?![\w%])"
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
        source = _LEFT + "(?:" + _expand(name, template, macros) + ")" + _RIGHT
        try:
            regex = re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise RuleFileError(f"timex_patterns.tsv: rule {name}: bad pattern ({exc})") from exc
        out.append(Rule(name, name.split(".", 1)[0], typ, regex, order))
    return tuple(out)


def candidates(text: str) -> list[Candidate]:
    """Every match of every rule (overlapping ones included), in text order."""
    found = []
    for rule in rules():
        for m in rule.regex.finditer(text):
            if m.end() > m.start():
                found.append(Candidate(m.start(), m.end(), rule, m))
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
