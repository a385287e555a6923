"""The data storyline passes between its steps.

Every span is a pair of character offsets into ``Article.text`` (the cleaned text), so the
per-article steps, the store, the web page highlighting and the evaluators all speak one language.
``to_dict`` on each class gives exactly the JSON contract of ``storyline analyze --format json``
(see docs/schema.md); fields may be added there, never renamed or removed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Polarity = Literal["assert", "deny", "decline"]
SourceType = Literal[
    "named_person",
    "named_organization",
    "anonymous_person",
    "anonymous_group",
    "press_report",
    "document",
    "statement",
    "social_media",
    "reporter",
]
SOURCE_TYPES: tuple[str, ...] = (
    "named_person",
    "named_organization",
    "anonymous_person",
    "anonymous_group",
    "press_report",
    "document",
    "statement",
    "social_media",
    "reporter",
)
# How precise a resolved date is: a whole year, a month, a day, or a time of day.
Precision = Literal["year", "month", "day", "time"]


@dataclass(frozen=True, slots=True)
class Span:
    """A contiguous stretch of the cleaned text: ``text == article.text[start:end]``."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Article:
    """One article after extraction: the cleaned text plus what we know about where it came from."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    wire: str | None = None
    # ISO date (YYYY-MM-DD) or datetime; the document creation time every relative date hangs on.
    published: str | None = None
    # given | html | feed | url | dateline | text | estimated
    published_source: str | None = None
    dateline: str | None = None
    byline: str | None = None
    language: str | None = None
    # Which extraction stage produced ``text`` (text, trafilatura, fallback, baseline).
    extractor: str | None = None
    warnings: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "wire": self.wire,
            "published": self.published,
            "published_source": self.published_source,
            "dateline": self.dateline,
            "byline": self.byline,
            "extractor": self.extractor,
            "text": self.text,
        }


@dataclass(slots=True)
class Timex:
    """A TIMEX3 time expression, normalised against the publication date."""

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None
    # For a duration anchored on an event in the text ("a week" counted from the call):
    # the anchor's value and the end point it gives (``deadline`` when it is a time limit).
    anchor: str | None = None
    resolved_end: str | None = None
    deadline: bool = False
    # A TIMEX3 quant/freq for SETs ("every Monday" -> freq "1W").
    quant: str | None = None
    freq: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "mod": self.mod,
        }
        if self.anchor is not None:
            d["anchor"] = self.anchor
        if self.resolved_end is not None:
            d["resolved_end"] = self.resolved_end
        if self.deadline:
            d["deadline"] = True
        if self.quant is not None:
            d["quant"] = self.quant
        if self.freq is not None:
            d["freq"] = self.freq
        return d


@dataclass(slots=True)
class Entity:
    """One person, organisation or place in an article, with all the mentions that refer to it."""

    id: str
    name: str
    # PERSON | ORG | GPE | LOC | NORP | FAC | EVENT ...
    type: str
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    # Titles or roles the text gives the entity ("President", "Interior Minister").
    titles: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "aliases": list(self.aliases),
            "titles": list(self.titles),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass(slots=True)
class Source:
    """Who an attribution credits: the mention the cue attaches to, typed and counted."""

    start: int
    end: int
    text: str
    type: SourceType
    entity_id: str | None = None
    # How many people stand behind it: "four sources" = 4, "officials" = None (unknown).
    count: int | None = None
    anonymous: bool = False
    # What the text says about an anonymous source ("briefed on the call").
    description: str | None = None
    # Sources that are the same pool or a subset of one ("three of the sources" within "four
    # sources") share a pool id; ``pool_size`` is the size of the whole pool when known.
    pool: str | None = None
    pool_size: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entity_id": self.entity_id,
            "type": self.type,
            "count": self.count,
            "anonymous": self.anonymous,
            "description": self.description,
            "pool": self.pool,
            "pool_size": self.pool_size,
        }


@dataclass(slots=True)
class Attribution:
    """A claim and who makes it: cue ("said"), source ("four sources") and content."""

    cue: Span
    source: Source | None
    content: Span | None
    polarity: Polarity = "assert"
    hedged: bool = False
    direct_quote: bool = False
    # A normalised cue lemma ("say", "according to", "decline to comment") for grouping.
    cue_lemma: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "cue": self.cue.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "content": self.content.to_dict() if self.content else None,
            "polarity": self.polarity,
            "hedged": self.hedged,
            "direct_quote": self.direct_quote,
            "cue_lemma": self.cue_lemma,
        }


@dataclass(slots=True)
class Quote:
    """A stretch of text inside quotation marks, and who said it when we know."""

    start: int
    end: int
    text: str
    speaker_entity_id: str | None = None
    attribution: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "speaker_entity_id": self.speaker_entity_id,
            "attribution": self.attribution,
        }


@dataclass(slots=True)
class Money:
    """An amount of money, normalised: "US$50 million" -> 50_000_000 USD."""

    start: int
    end: int
    text: str
    amount: float
    currency: str

    def to_dict(self) -> dict[str, Any]:
        amount: float | int = int(self.amount) if float(self.amount).is_integer() else self.amount
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "amount": amount,
            "currency": self.currency,
        }


@dataclass(frozen=True, slots=True)
class EventDate:
    """When an event happened: an ISO value ("2025-11-21", "2025-11", "2024") and its precision."""

    value: str
    precision: Precision
    # The timex that dates the event, as an index into Analysis.timexes, when there is one.
    timex: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"value": self.value, "precision": self.precision}
        if self.timex is not None:
            d["timex"] = self.timex
        return d


@dataclass(slots=True)
class EventMention:
    """Something reported as happening, with when, who, and which attributions back it."""

    sentence: Span
    summary: str
    date: EventDate | None = None
    actors: list[str] = field(default_factory=list)
    attributions: list[int] = field(default_factory=list)
    # The clause the summary was compressed from.
    clause: Span | None = None
    # The event's main verb lemma ("reject", "expire"): used to match mentions across articles.
    trigger: str | None = None
    deadline: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence.to_dict(),
            "clause": self.clause.to_dict() if self.clause else None,
            "summary": self.summary,
            "trigger": self.trigger,
            "date": self.date.to_dict() if self.date else None,
            "deadline": self.deadline,
            "actors": list(self.actors),
            "attributions": list(self.attributions),
        }


@dataclass(slots=True)
class Analysis:
    """Everything the per-article step finds in one article."""

    article: Article
    sentences: list[Span] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    attributions: list[Attribution] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    money: list[Money] = field(default_factory=list)
    events: list[EventMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Component name -> version ({"timex": "timex.rules.v1"}), so reanalyze knows what is stale.
    versions: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article.to_dict(),
            "timexes": [t.to_dict() for t in self.timexes],
            "entities": [e.to_dict() for e in self.entities],
            "attributions": [a.to_dict() for a in self.attributions],
            "quotes": [q.to_dict() for q in self.quotes],
            "money": [m.to_dict() for m in self.money],
            "events": [e.to_dict() for e in self.events],
            "sentences": [s.to_dict() for s in self.sentences],
            "warnings": list(self.warnings),
            "versions": dict(self.versions),
        }

    def entity(self, entity_id: str | None) -> Entity | None:
        for ent in self.entities:
            if ent.id == entity_id:
                return ent
        return None


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None


def analysis_from_dict(d: dict[str, Any]) -> Analysis:
    """Rebuild an ``Analysis`` from its ``to_dict`` form (what the store keeps)."""
    a = d["article"]
    article = Article(
        text=a["text"],
        title=a.get("title"),
        url=a.get("url"),
        outlet=a.get("outlet"),
        wire=a.get("wire"),
        published=a.get("published"),
        published_source=a.get("published_source"),
        dateline=a.get("dateline"),
        byline=a.get("byline"),
        extractor=a.get("extractor"),
    )
    timexes = [
        Timex(
            start=t["start"],
            end=t["end"],
            text=t["text"],
            type=t["type"],
            value=t["value"],
            mod=t.get("mod"),
            anchor=t.get("anchor"),
            resolved_end=t.get("resolved_end"),
            deadline=bool(t.get("deadline", False)),
            quant=t.get("quant"),
            freq=t.get("freq"),
        )
        for t in d.get("timexes", [])
    ]
    entities = [
        Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            mentions=[Span(m["start"], m["end"], m["text"]) for m in e.get("mentions", [])],
            aliases=list(e.get("aliases", [])),
            titles=list(e.get("titles", [])),
        )
        for e in d.get("entities", [])
    ]
    attributions = []
    for at in d.get("attributions", []):
        s = at.get("source")
        source = (
            Source(
                start=s["start"],
                end=s["end"],
                text=s["text"],
                type=s["type"],
                entity_id=s.get("entity_id"),
                count=s.get("count"),
                anonymous=bool(s.get("anonymous", False)),
                description=s.get("description"),
                pool=s.get("pool"),
                pool_size=s.get("pool_size"),
            )
            if s
            else None
        )
        cue = _span(at["cue"])
        assert cue is not None
        attributions.append(
            Attribution(
                cue=cue,
                source=source,
                content=_span(at.get("content")),
                polarity=at.get("polarity", "assert"),
                hedged=bool(at.get("hedged", False)),
                direct_quote=bool(at.get("direct_quote", False)),
                cue_lemma=at.get("cue_lemma"),
            )
        )
    quotes = [
        Quote(q["start"], q["end"], q["text"], q.get("speaker_entity_id"), q.get("attribution"))
        for q in d.get("quotes", [])
    ]
    money = [
        Money(m["start"], m["end"], m["text"], float(m["amount"]), m["currency"])
        for m in d.get("money", [])
    ]
    events = []
    for ev in d.get("events", []):
        date = ev.get("date")
        sentence = _span(ev["sentence"])
        assert sentence is not None
        events.append(
            EventMention(
                sentence=sentence,
                summary=ev["summary"],
                date=EventDate(date["value"], date["precision"], date.get("timex"))
                if date
                else None,
                actors=list(ev.get("actors", [])),
                attributions=list(ev.get("attributions", [])),
                clause=_span(ev.get("clause")),
                trigger=ev.get("trigger"),
                deadline=bool(ev.get("deadline", False)),
            )
        )
    return Analysis(
        article=article,
        sentences=[Span(s["start"], s["end"], s["text"]) for s in d.get("sentences", [])],
        timexes=timexes,
        entities=entities,
        attributions=attributions,
        quotes=quotes,
        money=money,
        events=events,
        warnings=list(d.get("warnings", [])),
        versions=dict(d.get("versions", {})),
    )
