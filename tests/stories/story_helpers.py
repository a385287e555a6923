"""Hand-built analyses for the pure cores: an article text with its timexes, entities,
attributions and events placed by searching the text, so offsets are always right."""

from __future__ import annotations

from storyline.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    EventDate,
    EventMention,
    Source,
    Span,
    Timex,
)


def span(text: str, part: str, start: int = 0) -> Span:
    i = text.index(part, start)
    return Span(i, i + len(part), part)


def sentence_of(text: str, part: str) -> Span:
    i = text.index(part)
    s = text.rfind(". ", 0, i)
    s = 0 if s < 0 else s + 2
    e = text.find(". ", i)
    e = len(text) if e < 0 else e + 1
    return Span(s, e, text[s:e])


def make(
    text: str,
    *,
    published: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    dates: dict[str, str] | None = None,
    events: list[dict] | None = None,
    entities: list[tuple[str, str, list[str]]] | None = None,
) -> Analysis:
    """``dates``: timex text -> value; ``events``: {"at": text in the sentence, "summary",
    "date": timex text, "source": (text, type, polarity), "deadline": bool}."""
    a = Analysis(article=Article(text=text, published=published, outlet=outlet, title=title))
    for t, value in (dates or {}).items():
        sp = span(text, t)
        a.timexes.append(Timex(sp.start, sp.end, t, "DATE", value))
    for n, (name, etype, mentions) in enumerate(entities or []):
        a.entities.append(
            Entity(f"e{n}", name, etype, [span(text, m) for m in mentions], aliases=list(mentions))
        )
    for ev in events or []:
        sent = sentence_of(text, ev["at"])
        atts = []
        if ev.get("source"):
            stext, stype, polarity = ev["source"]
            ssp = span(text, stext)
            cue = span(text, ev.get("cue", "said"), sent.start)
            a.attributions.append(
                Attribution(
                    cue=cue,
                    source=Source(ssp.start, ssp.end, stext, stype),
                    content=None,
                    polarity=polarity,
                )
            )
            atts.append(len(a.attributions) - 1)
        date = None
        if ev.get("date"):
            value = (dates or {})[ev["date"]]
            idx = next(i for i, t in enumerate(a.timexes) if t.text == ev["date"])
            precision = "day" if len(value) == 10 else "month" if len(value) == 7 else "year"
            date = EventDate(value, precision, idx)  # type: ignore[arg-type]
        a.events.append(
            EventMention(
                sentence=sent,
                summary=ev["summary"],
                date=date,
                attributions=atts,
                deadline=bool(ev.get("deadline")),
            )
        )
    a.sentences = [sentence_of(text, text[: min(10, len(text))])]
    return a


# Two look-alike events (two earthquakes: the same words, other places, tolls and magnitudes),
# three reports each: the clusterer must keep them apart.
QUAKE_A = [
    "A magnitude 6.1 earthquake struck Aceh province in Indonesia on Tuesday, killing five "
    "people in Bener Meriah district, the US Geological Survey said.",
    "The Aceh earthquake flattened houses in Bener Meriah and Central Aceh; rescuers searched "
    "the rubble in Indonesia for survivors of the magnitude 6.1 quake.",
    "Indonesia's disaster agency said the Aceh quake killed five in Bener Meriah district.",
]
QUAKE_B = [
    "A magnitude 5.9 earthquake hit southern Iran near Qeshm island on Sunday, killing ten "
    "people, Iranian state television reported.",
    "Rescuers on Qeshm island in Iran searched villages after the magnitude 5.9 earthquake "
    "killed ten, Iranian officials said.",
    "Iran's Red Crescent sent tents to Qeshm after the earthquake destroyed villages.",
]
