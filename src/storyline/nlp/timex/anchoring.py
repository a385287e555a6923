"""Deadlines and event anchoring.

"told Maduro he had a week to leave", after "the call, on Nov 21": the week is counted from the
call, so the deadline is 2025-11-28. A duration that the text presents as a time limit
(``timex_deadline_cues.tsv``) is anchored on the explicit day-precise date of the event it
refers to, found in this order:

1. a dated expression earlier in the same sentence ("On Nov 21 he gave him a week");
2. "within 30 days of the ruling": the nearest earlier sentence that dates a "ruling";
3. the nearest earlier sentence (up to ``WINDOW`` back) that has a day-precise date and shares
   a content word with the duration's sentence ("the call" ... "on the call");
4. the sentence just before, when it has a day-precise date;
5. the publication date, when the sentence speaks in the present or future ("has 48 hours to").

Otherwise the duration stays unanchored: a wrong deadline is worse than none.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from fractions import Fraction

from storyline.model import Timex
from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.normalise import Norm
from storyline.nlp.timex.tense import Sentences, Tense
from storyline.rules import load_list, load_table

WINDOW = 6  # sentences to look back for the event's date
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
_DURATION = re.compile(r"^PT?(\d+)(Y|M|W|D|H)$")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_OF_EVENT = re.compile(r"^\s+of\s+(?:the|a|an|his|her|its|their|this|that)\s+([A-Za-z-]{3,})")


@dataclass(frozen=True, slots=True)
class DeadlineCue:
    kind: str
    before: re.Pattern[str] | None
    after: re.Pattern[str] | None


@functools.cache
def deadline_cues() -> tuple[DeadlineCue, ...]:
    def compile_(p: str) -> re.Pattern[str] | None:
        return re.compile(p, re.IGNORECASE) if p else None

    return tuple(
        DeadlineCue(r["kind"], compile_(r["before"]), compile_(r["after"]))
        for r in load_table("timex_deadline_cues.tsv")
    )


def is_deadline(text: str, sentence: tuple[int, int], t: Timex) -> bool:
    kind = "duration" if t.type == "DURATION" else "date" if t.type == "DATE" else None
    if kind is None:
        return False
    before = text[max(sentence[0], t.start - 60) : t.start]
    after = text[t.end : min(sentence[1], t.end + 60)]
    return any(
        cue.kind == kind
        and (cue.before is None or cue.before.search(before))
        and (cue.after is None or cue.after.search(after))
        for cue in deadline_cues()
    )


_SUFFIX = re.compile(r"(?:ings?|ed|es|s|ions?|ments?|ers?)$")


def _stem(word: str) -> str:
    """A crude stem, enough to tie "the ruling" to "ruled" and "calls" to "call"."""
    stem = _SUFFIX.sub("", word.lower())
    return stem if len(stem) >= 3 else word.lower()


def _content_words(text: str) -> set[str]:
    stop = set(load_list("timex_anchor_stopwords.txt", lower=True))
    return {_stem(w) for w in _WORD.findall(text) if w.lower() not in stop}


def _end_of(anchor: str, value: str) -> str | None:
    m = _DURATION.match(value)
    if not m:
        return None
    n, code = int(m.group(1)), m.group(2)
    if value.startswith("PT"):
        code = "MIN" if code == "M" else code
        if code != "H":
            return None
    start = dt.date.fromisoformat(anchor[:10])
    try:
        end = cal.add(start, n, code)
    except (ValueError, OverflowError):
        return None  # "a year to leave" said in 9999: past the calendar, no end date
    return end.isoformat()[:10]


def _find_anchor(text: str, sentences: Sentences, t: Timex, dated: list[Timex]) -> str | None:
    here = sentences.index(t.start)
    s_start, _ = sentences.bounds[here]
    same = [d for d in dated if s_start <= d.start < t.start]
    if same:
        return same[-1].value[:10]
    earlier = [d for d in dated if d.start < t.start and here - sentences.index(d.start) <= WINDOW]
    event = _OF_EVENT.match(text[t.end : t.end + 60])
    if event:
        noun = _stem(event.group(1))
        for d in reversed(earlier):
            if noun in _content_words(text[slice(*sentences.around(d.start))]):
                return d.value[:10]
    words = _content_words(text[slice(*sentences.bounds[here])])
    for d in reversed(earlier):
        if words & _content_words(text[slice(*sentences.around(d.start))]):
            return d.value[:10]
    # The sentence just before, when it is dated, usually sets the scene the limit belongs to.
    previous = [d for d in earlier if sentences.index(d.start) == here - 1]
    return previous[-1].value[:10] if previous else None


def anchor_deadlines(
    text: str,
    sentences: Sentences,
    timexes: list[Timex],
    dct: dt.date | None,
    tense_of: Callable[[Timex], Tense],
) -> None:
    """Mark deadlines among ``timexes`` (in place) and anchor durations on their event."""
    dated = [t for t in timexes if t.type in ("DATE", "TIME") and _DAY.match(t.value)]
    for t in timexes:
        sentence = sentences.around(t.start)
        if not is_deadline(text, sentence, t):
            continue
        t.deadline = True
        if t.type == "DATE":
            if _DAY.match(t.value):
                t.resolved_end = t.value[:10]
            continue
        anchor = _find_anchor(text, sentences, t, dated)
        if anchor is None and dct is not None and tense_of(t) in ("present", "future"):
            anchor = dct.isoformat()
        if anchor is None:
            continue
        end = _end_of(anchor, t.value)
        if end is not None:
            t.anchor = anchor
            t.resolved_end = end


EVENT_WINDOW = 15  # sentences to look back for the date of "the shooting"


def resolve_events(text: str, sentences: Sentences, items: list[tuple[int, int, Norm]]) -> None:
    """ "ten days before the shooting": count from the date of the shooting when an earlier
    sentence that mentions it has a day-precise date; sets the norm's anchor and resolved_end.
    ``items`` are (start, end, norm) in text order."""
    for i, (start, end, norm) in enumerate(items):
        if not (norm.ctx_ref or "").startswith("event:"):
            continue
        _, amount_s, code, clock = (norm.ctx_ref or "").split(":")
        m = _OF_EVENT_NOUN.match(text, end)
        if not m:
            continue
        noun = _stem(m.group(1))
        here = sentences.index(start)
        for j in range(i - 1, -1, -1):
            d_start, _, d_norm = items[j]
            if here - sentences.index(d_start) > EVENT_WINDOW:
                break
            if not _DAY.match(d_norm.value) or (
                # resolved against the story day ("at 10 p.m.", "the previous Friday") they are
                # dates like any other; other context references are not day-precise facts
                d_norm.ctx_ref
                and not d_norm.ctx_ref.startswith(("narrday:", "narrwd:", "narrthat:"))
            ):
                continue
            if noun in _content_words(text[slice(*sentences.around(d_start))]):
                amount = Fraction(amount_s)
                anchor = dt.date.fromisoformat(d_norm.value[:10])
                moved = cal.add(
                    anchor, float(amount), "MIN" if clock == "1" and code == "M" else code
                )
                norm.anchor = anchor.isoformat()
                norm.resolved_end = moved.isoformat()[:10]
                break


_OF_EVENT_NOUN = re.compile(r"\s+(?:the|a|an|his|her|its|their)\s+([A-Za-z-]{3,})")
