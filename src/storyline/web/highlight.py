"""An article's cleaned text cut into segments for the page: each segment carries the CSS
classes of the annotations covering it (time expression, entity, source, cue, quote) and the
hover text (the normalised date, who the source is).

Annotations overlap (a date inside a quote, a source inside an attribution), so the text is cut
at every span boundary and each piece lists everything that covers it; the page never nests
markup built from article text. Segments hold plain text: escaping is the template's job.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from storyline.export.article import TYPE_LABELS
from storyline.model import Analysis


@dataclass(frozen=True, slots=True)
class Mark:
    """One annotation over ``text[start:end]``."""

    start: int
    end: int
    kind: str  # timex | entity | source | cue | quote
    css: str
    tip: str


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    classes: tuple[str, ...] = ()
    tips: tuple[str, ...] = ()

    @property
    def tip(self) -> str:
        return " · ".join(self.tips)


def _timex_marks(analysis: Analysis) -> list[Mark]:
    marks = []
    for t in analysis.timexes:
        tip = f"{t.type.lower()} {t.value}"
        if t.mod:
            tip += f" ({t.mod.lower()})"
        if t.resolved_end:
            tip += f" → {t.resolved_end}"
        if t.deadline:
            tip += ", deadline"
        css = "hl-timex hl-deadline" if t.deadline else "hl-timex"
        marks.append(Mark(t.start, t.end, "timex", css, tip))
    return marks


def _entity_marks(analysis: Analysis) -> list[Mark]:
    marks = []
    for ent in analysis.entities:
        css = f"hl-entity hl-entity-{ent.type.lower()}" if ent.type.isalpha() else "hl-entity"
        for m in ent.mentions:
            marks.append(Mark(m.start, m.end, "entity", css, f"{ent.type}: {ent.name}"))
    return marks


def _attribution_marks(analysis: Analysis) -> list[Mark]:
    marks = []
    for att in analysis.attributions:
        src = att.source
        stance = att.polarity + (", hedged" if att.hedged else "")
        if src is not None:
            who = analysis.entity(src.entity_id)
            kind = TYPE_LABELS.get(src.type, src.type)
            count = f"{src.count} " if src.count else ""
            name = f" = {who.name}" if who and who.name != src.text else ""
            tip = f"source: {count}{kind}{name}"
            if src.description:
                tip += f", {src.description}"
            marks.append(Mark(src.start, src.end, "source", f"hl-source hl-{src.type}", tip))
            said_by = src.text
        else:
            said_by = "unattributed"
        marks.append(Mark(att.cue.start, att.cue.end, "cue", "hl-cue", f"{said_by}: {stance}"))
    return marks


def _quote_marks(analysis: Analysis) -> list[Mark]:
    marks = []
    for q in analysis.quotes:
        who = analysis.entity(q.speaker_entity_id)
        speaker = who.name if who else None
        if (
            speaker is None
            and q.attribution is not None
            and 0 <= q.attribution < len(analysis.attributions)
        ):
            src = analysis.attributions[q.attribution].source
            speaker = src.text if src else None
        marks.append(Mark(q.start, q.end, "quote", "hl-quote", f"quote: {speaker or 'unknown'}"))
    return marks


def marks_for(analysis: Analysis) -> list[Mark]:
    """Every annotation of the analysis that lies inside the text (bad offsets are dropped)."""
    n = len(analysis.article.text)
    marks = (
        _quote_marks(analysis)
        + _attribution_marks(analysis)
        + _entity_marks(analysis)
        + _timex_marks(analysis)
    )
    return [m for m in marks if 0 <= m.start < m.end <= n]


def segments(text: str, marks: list[Mark]) -> list[Segment]:
    """Cut ``text`` at every mark boundary; adjacent pieces with the same cover are merged."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    # Sweep: marks sorted by start enter the active list, and leave it once passed.
    pending = sorted(marks, key=lambda m: (m.start, m.end))
    active: list[Mark] = []
    out: list[Segment] = []
    i = 0
    for a, b in itertools.pairwise(cuts):
        while i < len(pending) and pending[i].start <= a:
            active.append(pending[i])
            i += 1
        active = [m for m in active if m.end > a]
        cover = [m for m in active if m.start <= a and m.end >= b]
        classes = tuple(dict.fromkeys(c for m in cover for c in m.css.split()))
        tips = tuple(dict.fromkeys(m.tip for m in cover))
        piece = text[a:b]
        if out and out[-1].classes == classes and out[-1].tips == tips:
            out[-1] = Segment(out[-1].text + piece, classes, tips)
        else:
            out.append(Segment(piece, classes, tips))
    return out


def article_segments(analysis: Analysis) -> list[Segment]:
    return segments(analysis.article.text, marks_for(analysis))
