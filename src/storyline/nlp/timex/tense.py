"""Which way an underspecified date points: the tense of the clause it sits in.

"expired on Friday" is the past Friday, "will meet on Friday" the next one. With a spaCy parse
(``analyze()`` hands one in) we read the tense of the verb that governs the expression: its tag
(VBD = past), its auxiliaries (will/shall = future, has + VBN = past), climbing through "to"
infinitives ("plans to meet Friday"). Without a parse, the nearest tense cue word in the sentence
decides (``timex_tense_cues.tsv`` plus regular -ed forms).
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING, Literal

from storyline.nlp.timex.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = Literal["past", "present", "future"] | None

# Sentence ends for the no-parse path: . ! ? (and closing quotes) before a capital, or a blank line.
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?|'ll")
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}


class Sentences:
    """Sentence bounds of a text, from a parse or from punctuation."""

    def __init__(self, text: str, doc: Doc | None = None) -> None:
        if doc is not None:
            bounds = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            bounds = []
            start = 0
            for m in _SENT_END.finditer(text):
                bounds.append((start, m.start()))
                start = m.end()
            bounds.append((start, len(text)))
        self.bounds = bounds or [(0, len(text))]
        self.starts = [b[0] for b in self.bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        return self.bounds[self.index(offset)]


def _lexical(text: str, sentence: tuple[int, int], start: int, end: int) -> Tense:
    cues = lexicon().tense_cues
    best: tuple[int, int, str] | None = None  # (distance, after?, tense)
    for m in _WORD.finditer(text, sentence[0], sentence[1]):
        if start <= m.start() < end:
            continue
        word = m.group(0).lower()
        tense = cues.get(word)
        if tense is None and len(word) > 4 and word.endswith("ed"):
            tense = "past"
        if tense is None or tense == "none":
            continue
        if m.end() <= start:
            distance = len(_WORD.findall(text, m.end(), start))
            after = 0
        else:
            distance = len(_WORD.findall(text, end, m.start()))
            after = 1
        key = (distance, after, tense)
        if best is None or key < best:
            best = key
    return best[2] if best else None  # type: ignore[return-value]


def _verb_tense(verb: Token) -> Tense:
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in aux}
    if lowers & _FUTURE_AUX:
        return "future"
    if any(c.lower_ == "going" for c in aux) or (verb.lower_ == "going" and any(
        c.lower_ == "to" for c in verb.subtree
    )):
        return "future"
    if any(c.tag_ == "VBD" for c in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and (not aux or any(c.lemma_ == "have" for c in aux)):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return "present"
    if any(c.tag_ == "MD" for c in aux):
        return "future" if lowers & {"would", "could", "might", "may", "can"} else None
    return None


def _parsed(doc: Doc, start: int, end: int) -> Tense:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    for _ in range(4):
        verb = token
        # spaCy makes a new Token object on each access: compare positions, never identity.
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        tense = _verb_tense(verb)
        if tense is not None:
            return tense
        # "to meet Friday" / a bare verb: ask the verb it depends on.
        if verb.head.i == verb.i:
            return None
        token = verb.head
    return None


def tense_at(
    text: str, sentences: Sentences, start: int, end: int, doc: Doc | None = None
) -> Tense:
    """The tense governing ``text[start:end]``: past, present, future or None (unknown)."""
    sentence = sentences.around(start)
    if doc is not None:
        tense = _parsed(doc, start, end)
        if tense is not None:
            return tense
    return _lexical(text, sentence, start, end)
