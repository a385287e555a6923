"""What the API and the pages ask of the workspace, answered once for both, so a page and its
JSON twin under /api never disagree. Each function takes the ``Workspace`` and returns plain,
JSON-ready data; lookups that miss raise ``NotFound`` (404).

Stories, timelines and cross-article entities come from ``storyline.stories``; articles and
search from the ``Workspace`` itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from storyline.errors import InputError, NotFound
from storyline.model import Analysis

if TYPE_CHECKING:
    from storyline.web.cache import AnswerCache


@dataclass(frozen=True, slots=True)
class Page:
    """Which slice of a list to return: ``limit`` items after skipping ``offset``."""

    limit: int
    offset: int


@dataclass(frozen=True, slots=True)
class Filters:
    """Filters shared by list endpoints: a date range on publication, outlet, source type."""

    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    source_type: str | None = None


@dataclass(slots=True)
class Listing:
    """One page of a list; ``total`` is the size of the whole (filtered) list when known."""

    items: list[dict[str, Any]]
    total: int | None = None

    def to_dict(self, page: Page) -> dict[str, Any]:
        return {
            "items": self.items,
            "total": self.total,
            "limit": page.limit,
            "offset": page.offset,
        }


@dataclass(slots=True)
class ArticleDetail:
    """A stored article with its analysis, its stories and what it added that was new."""

    record: dict[str, Any]
    analysis: Analysis
    stories: list[dict[str, Any]] = field(default_factory=list)
    novelty: list[str] = field(default_factory=list)
    # Per-article entity id -> workspace-wide entity id, for links to entity pages.
    entity_links: dict[str, str] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.record,
            "analysis": self.analysis.to_dict(),
            "stories": self.stories,
            "novelty": self.novelty,
        }


@dataclass(frozen=True, slots=True)
class NewArticle:
    raw: str
    content_type: str | None
    fields: dict[str, Any]


# ---- articles -----------------------------------------------------------------------------


def article_summary(record: Any) -> dict[str, Any]:
    """The short form of an article used in lists (no text)."""
    return {
        "id": record.id,
        "external_id": record.external_id,
        "title": record.title,
        "outlet": record.outlet,
        "published": record.published,
        "url": record.url,
    }


def articles_page(ws: Any, page: Page, filters: Filters) -> Listing:
    if filters.source_type:
        raise InputError("articles cannot be filtered by source type yet: filter a timeline")
    # One more than asked tells whether there is a next page without counting the whole table.
    records = ws.articles(
        limit=page.limit + 1,
        offset=page.offset,
        outlet=filters.outlet,
        since=filters.since,
        until=filters.until,
    )
    items = [article_summary(r) for r in records[: page.limit]]
    unfiltered = not (filters.outlet or filters.since or filters.until)
    if unfiltered:
        total = ws.count()
    elif len(records) <= page.limit:
        total = page.offset + len(records)
    else:
        total = None
    return Listing(items, total)


def _article_id(ref: str) -> int | str:
    return int(ref) if ref.isdigit() else ref


def article(ws: Any, ref: str, cache: AnswerCache | None = None) -> ArticleDetail:
    record = ws.article(_article_id(ref))
    analysis = ws.analysis(record.id)
    summary = record.to_dict()
    summary.pop("text", None)  # the analysis carries the text
    detail = ArticleDetail(record=summary, analysis=analysis)
    stories_api = _stories_api()
    if stories_api is not None:
        detail.stories, detail.novelty, detail.entity_links = stories_api.article_context(
            ws, record.id, record.external_id or str(record.id), cache
        )
    return detail


def add_articles(ws: Any, docs: list[NewArticle]) -> list[dict[str, Any]]:
    out = []
    for doc in docs:
        f = doc.fields
        added = ws.add(
            doc.raw,
            origin="api",
            published=f.get("published"),
            url=f.get("url"),
            outlet=f.get("outlet"),
            title=f.get("title"),
            content_type=doc.content_type,
        )
        out.append({"id": added.article_id, "created": added.created})
    return out


# ---- search -------------------------------------------------------------------------------


def snippet_pieces(snippet: str) -> list[tuple[str, bool]]:
    """Split a store snippet into (text, matched) pieces; the page wraps matched ones in <mark>
    after escaping, so article text never becomes markup."""
    from storyline.store.search import MARK_END, MARK_START

    pieces: list[tuple[str, bool]] = []
    rest = snippet
    while rest:
        i = rest.find(MARK_START)
        j = rest.find(MARK_END, i + 1) if i >= 0 else -1
        if i < 0 or j < 0:
            pieces.append((rest, False))
            break
        if i:
            pieces.append((rest[:i], False))
        pieces.append((rest[i + len(MARK_START) : j], True))
        rest = rest[j + len(MARK_END) :]
    return pieces


def search(ws: Any, q: str, page: Page, filters: Filters) -> Listing:
    q = q.strip()
    if not q:
        raise InputError("give some words to search for: /api/search?q=...")
    if len(q) > 500:
        raise InputError("the search is longer than 500 characters: use fewer words")
    # The store ranks the best hits; filters and the page are applied to its answer.
    hits = ws.search(q, limit=page.offset + page.limit + 200)
    kept = [h for h in hits if _passes(h.article, filters)]
    items = [
        {
            "article": article_summary(h.article),
            "snippet": snippet_pieces(h.snippet),
            "score": round(float(h.score), 4),
        }
        for h in kept[page.offset : page.offset + page.limit]
    ]
    return Listing(items, len(kept))


def _passes(record: Any, filters: Filters) -> bool:
    day = (record.published or "")[:10]
    if filters.since and (not day or day < filters.since):
        return False
    if filters.until and (not day or day > filters.until):
        return False
    return not (filters.outlet and (record.outlet or "").lower() != filters.outlet.lower())


# ---- stories, timelines, entities (storyline.stories) --------------------------------------


def _stories_api() -> Any:
    """The web adapter of ``storyline.stories`` (``storyline.web.storydata``), or None while
    the stories package has no store yet."""
    from storyline.web import storydata

    return storydata if storydata.available() else None


def _no_stories(what: str) -> NotFound:
    return NotFound(f"no {what}: this workspace has no stories yet")


def stories_page(
    ws: Any, page: Page, filters: Filters, cache: AnswerCache | None = None
) -> Listing:
    api = _stories_api()
    if api is None:
        return Listing([], 0)
    return api.stories_page(ws, page, filters, cache)


def story(ws: Any, story_id: str, cache: AnswerCache | None = None) -> dict[str, Any]:
    api = _stories_api()
    if api is None:
        raise _no_stories(f"story {story_id!r}")
    return api.story(ws, story_id, cache)


def timeline(
    ws: Any,
    story_id: Any,
    *,
    max_dates: int | None = None,
    per_date: int | None = None,
    cache: AnswerCache | None = None,
) -> dict[str, Any]:
    api = _stories_api()
    if api is None:
        raise _no_stories(f"story {story_id!r}")
    return api.timeline(ws, story_id, max_dates=max_dates, per_date=per_date, cache=cache)


def timeline_json(
    ws: Any,
    story_id: Any,
    *,
    max_dates: int | None = None,
    per_date: int | None = None,
    gzipped: bool = False,
    cache: AnswerCache | None = None,
) -> bytes:
    api = _stories_api()
    if api is None:
        raise _no_stories(f"story {story_id!r}")
    return api.timeline_json(
        ws, story_id, max_dates=max_dates, per_date=per_date, gzipped=gzipped, cache=cache
    )


def peek_timeline_json(
    story_id: Any,
    max_dates: int | None,
    per_date: int | None,
    gzipped: bool,
    cache: AnswerCache | None,
) -> bytes | None:
    """The serialised timeline if the cache holds a current one (never touches the store)."""
    if cache is None or _stories_api() is None:
        return None
    from storyline.web.storydata import timeline_key

    key = timeline_key(story_id, max_dates, per_date, gzipped)
    return None if key is None else cache.peek(key)


def export(
    ws: Any, story_id: Any, fmt: str, cache: AnswerCache | None = None
) -> tuple[bytes, str, str]:
    api = _stories_api()
    if api is None:
        raise _no_stories(f"story {story_id!r}")
    return api.export(ws, story_id, fmt, cache)


def entities_page(
    ws: Any, page: Page, *, q: str | None = None, entity_type: str | None = None
) -> Listing:
    api = _stories_api()
    if api is None:
        return Listing([], 0)
    return api.entities_page(ws, page, q=q, entity_type=entity_type)


def entity(ws: Any, entity_id: str, cache: AnswerCache | None = None) -> dict[str, Any]:
    api = _stories_api()
    if api is None:
        raise NotFound(f"no entity {entity_id!r}: this workspace has no entities yet")
    return api.entity(ws, entity_id, cache)


def story_articles(
    ws: Any, story: dict[str, Any], cache: AnswerCache | None = None
) -> dict[str, dict[str, Any]]:
    api = _stories_api()
    return {} if api is None else api.story_articles(ws, story, cache)


def filter_timeline(data: dict[str, Any], filters: Filters) -> dict[str, Any]:
    """The timeline with only the entries that pass the filters (same JSON shape)."""

    def keep(entry: dict[str, Any]) -> bool:
        day = str(entry.get("date") or "")
        if filters.since and (not day or day[:10] < filters.since[: len(day[:10])]):
            return False
        if filters.until and (not day or day[:10] > filters.until[: len(day[:10])]):
            return False
        sources = entry.get("sources") or []
        if filters.source_type and not any(s.get("type") == filters.source_type for s in sources):
            return False
        if filters.outlet:
            wanted = filters.outlet.lower()
            outlets = {str(s.get("outlet") or "").lower() for s in sources}
            first = entry.get("first_reported") or {}
            outlets.add(str(first.get("outlet") or "").lower())
            return wanted in outlets
        return True

    return {**data, "entries": [e for e in data.get("entries", []) if keep(e)]}
