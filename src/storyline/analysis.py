"""``analyze()``: one article in, an ``Analysis`` out. Pure: no database, no network, no globals
other than the loaded spaCy model.

The per-article steps are named components that declare which ``Analysis`` fields they read and
write, run in the order of ``COMPONENTS``; ``check_components`` refuses an order in which a step
reads what no earlier step wrote. Each component's version is stored with the analysis so
``storyline reanalyze`` can tell what is stale.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.dates import parse_date
from storyline.model import Analysis, Article, Span
from storyline.nlp import attribution, entities, events, money, timex
from storyline.nlp.pipeline import get_nlp

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


@dataclass(frozen=True, slots=True)
class AnalysisOptions:
    """Every knob of the per-article step, in one object that travels to worker processes."""

    # Steps to skip by name (e.g. {"events"} for a fast entity-only pass).
    skip: frozenset[str] = frozenset()


@dataclass(slots=True)
class Context:
    """What the steps share while analysing one article."""

    article: Article
    doc: Doc
    dct: dt.date | None
    analysis: Analysis
    options: AnalysisOptions = field(default_factory=AnalysisOptions)


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    version: str
    reads: tuple[str, ...]
    writes: tuple[str, ...]
    run: Callable[[Context], None]


def _sentences(ctx: Context) -> None:
    ctx.analysis.sentences = [
        Span(s.start_char, s.end_char, s.text) for s in ctx.doc.sents if s.text.strip()
    ]


def _timex(ctx: Context) -> None:
    ctx.analysis.timexes = timex.tag(ctx.article.text, ctx.dct, doc=ctx.doc)


def _entities(ctx: Context) -> None:
    ctx.analysis.entities = entities.extract(ctx.doc)


def _attribution(ctx: Context) -> None:
    ctx.analysis.attributions, ctx.analysis.quotes = attribution.extract(
        ctx.doc, ctx.analysis.entities
    )


def _money(ctx: Context) -> None:
    ctx.analysis.money = money.extract(ctx.article.text)


def _events(ctx: Context) -> None:
    ctx.analysis.events = events.extract(
        ctx.doc,
        timexes=ctx.analysis.timexes,
        entities=ctx.analysis.entities,
        attributions=ctx.analysis.attributions,
        dct=ctx.dct,
    )


COMPONENTS: tuple[Component, ...] = (
    Component("sentences", "sentences.spacy.v1", ("doc",), ("sentences",), _sentences),
    Component("timex", timex.VERSION, ("doc", "dct"), ("timexes",), _timex),
    Component("entities", entities.VERSION, ("doc",), ("entities",), _entities),
    Component(
        "attribution",
        attribution.VERSION,
        ("doc", "entities"),
        ("attributions", "quotes"),
        _attribution,
    ),
    Component("money", money.VERSION, ("doc",), ("money",), _money),
    Component(
        "events",
        events.VERSION,
        ("doc", "dct", "timexes", "entities", "attributions"),
        ("events",),
        _events,
    ),
)


def check_components(components: tuple[Component, ...] = COMPONENTS) -> None:
    """Fail at start-up when a step reads a field that no earlier step writes."""
    available = {"doc", "dct", "article"}
    for comp in components:
        missing = [r for r in comp.reads if r not in available]
        if missing:
            raise RuntimeError(f"component {comp.name!r} reads {missing} before any step writes it")
        available.update(comp.writes)


check_components()


def component_versions() -> dict[str, str]:
    return {c.name: c.version for c in COMPONENTS}


def analyze_article(
    article: Article,
    *,
    options: AnalysisOptions | None = None,
    nlp: Language | None = None,
    doc: Doc | None = None,
) -> Analysis:
    """Run every component on an already extracted article.

    ``doc`` lets a caller that parsed many texts with ``nlp.pipe`` hand the parse in.
    """
    options = options or AnalysisOptions()
    if doc is None:
        doc = (nlp or get_nlp())(article.text)
    dct = parse_date(article.published, what="publication date")
    analysis = Analysis(article=article, warnings=list(article.warnings))
    ctx = Context(article=article, doc=doc, dct=dct, analysis=analysis, options=options)
    for comp in COMPONENTS:
        if comp.name in options.skip:
            continue
        comp.run(ctx)
        analysis.versions[comp.name] = comp.version
    return analysis


def analyze(
    text_or_html: str | bytes,
    *,
    published: str | dt.date | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    content_type: str | None = None,
    options: AnalysisOptions | None = None,
) -> Analysis:
    """Analyse one article given as plain text or HTML.

    >>> a = analyze(open("article.txt").read(), published="2025-12-02")  # doctest: +SKIP
    >>> [t.value for t in a.timexes]  # doctest: +SKIP
    """
    from storyline.ingest import load_article

    if isinstance(published, dt.date):
        published = published.isoformat()
    article = load_article(
        text_or_html,
        published=published,
        url=url,
        outlet=outlet,
        title=title,
        content_type=content_type,
    )
    return analyze_article(article, options=options)
