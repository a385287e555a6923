"""Attribution: who says so (cue, source, content), how many of them, and how sure.

``extract(doc, entities)`` finds, in one parsed article:

1. *verb cues* ("said", "told", "denied", "confirmed", ... from ``attribution_verbs.tsv``): the
   source is the verb's subject (climbing from "adding"/"saying" to the clause it hangs on), the
   content its complement clause, its object ("denied the accusations"), or an adjacent direct
   quote, extended over a quote split by the cue ("We will not leave," he said, "ever.");
2. *phrase cues* (``attribution_phrases.tsv``): "according to X" (content: the rest of the
   sentence), "declined to comment"/"did not immediately reply" (polarity decline), "did not
   rule out" (hedged), and the reporter's own "It is unclear if ..." (source type reporter);
3. sources typed, counted and pooled (``sources.py``) and linked to ``entities``;
4. every quoted stretch as a ``Quote``, tied to the attribution whose content holds it.

A cue with no content of its own in a short sentence ("That is what two officials said.") takes
the previous sentence as its content, which is how attributions span sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.model import Attribution, Entity, Quote, Source, Span
from storyline.nlp.attribution.finder import Finder
from storyline.nlp.attribution.lexicon import lexicon
from storyline.nlp.attribution.sources import (
    EntityIndex,
    SourceInfo,
    assign_pools,
    link_entity,
    to_source,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "attribution.rules.v1"

__all__ = ["VERSION", "extract"]


def extract(doc: Doc, entities: list[Entity]) -> tuple[list[Attribution], list[Quote]]:
    """Attributions and quotes in one parsed article (see the module docstring)."""
    text = doc.text
    if not text.strip():
        return [], []
    lex = lexicon()
    finder = Finder(doc, lex)
    finder.phrases()
    finder.verbs()
    index = EntityIndex.build(entities)
    found = sorted(finder.found, key=lambda f: f.cue)
    attributions: list[Attribution] = []
    pooled: list[tuple[Source, SourceInfo]] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if f.cue in seen:
            continue
        seen.add(f.cue)
        source = None
        if f.source is not None:
            f.source.entity_id = link_entity(f.source, index)
            source = to_source(f.source, text)
            pooled.append((source, f.source))
        content = (
            Span(f.content[0], f.content[1], text[f.content[0] : f.content[1]])
            if f.content
            else None
        )
        direct = content is not None and any(
            s < content.end and content.start < e for s, e in finder.quotes.spans
        )
        attributions.append(
            Attribution(
                cue=Span(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]]),
                source=source,
                content=content,
                polarity=f.polarity,
                hedged=f.hedged,
                direct_quote=direct,
                cue_lemma=f.cue_lemma,
            )
        )
    assign_pools(pooled)
    quotes = _quotes(finder.quotes.spans, attributions, text)
    return attributions, quotes


def _quotes(
    spans: list[tuple[int, int]], attributions: list[Attribution], text: str
) -> list[Quote]:
    out = []
    for start, end in spans:
        owner = None
        for i, att in enumerate(attributions):
            c = att.content
            if c is not None and c.start <= start and end <= c.end + 1:
                owner = i
                break
        speaker = None
        if owner is not None:
            src = attributions[owner].source
            speaker = src.entity_id if src else None
        out.append(Quote(start, end, text[start:end], speaker, owner))
    return out
