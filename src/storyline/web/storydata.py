"""The web's reading of stories, timelines and cross-article entities, over ``storyline.stories``
and the tables of ``storyline.store.stories``. Kept apart from ``queries`` because it follows the
stories package's API.

Story summaries (article counts, outlets, coverage per day) are computed for every story in one
query and cached per workspace version (``cache.AnswerCache``): a list page then costs a sort
and a slice, whatever the size of the workspace.
"""

from __future__ import annotations

import gzip
import json
from collections import Counter
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from storyline.errors import InputError, NotFound
from storyline.model import Analysis, Span
from storyline.store.engine import storable_id
from storyline.web.views import coverage_by_day

if TYPE_CHECKING:
    from storyline.web.cache import AnswerCache
    from storyline.web.queries import Filters, Listing, Page

# File name endings of the timeline exports (the CLI's --format values).
EXPORT_SUFFIXES = {"timelinejs": "timelinejs.json"}
# Articles read to find an entity's claims (the most recent first).
MAX_CLAIM_ARTICLES = 60
MAX_CLAIMS = 50


def available() -> bool:
    """True once ``storyline.stories`` offers what the web reads."""
    import storyline.stories as stories

    return all(hasattr(stories, n) for n in ("timeline_for", "list_stories", "get_story"))


def _cached(cache: AnswerCache | None, key: Any, compute: Any) -> Any:
    return compute() if cache is None else cache.get_or_compute(key, compute)


# ---- stories ------------------------------------------------------------------------------


def all_story_summaries(ws: Any) -> list[dict[str, Any]]:
    """Every story with its article count, outlets (most articles first), first and last
    publication and coverage per day; most recently active first."""
    from storyline.store.schema import articles
    from storyline.store.stories import stories, story_articles

    per_story: dict[int, list[tuple[str | None, str | None]]] = {}
    with ws.connect() as conn:
        heads = conn.execute(sa.select(stories.c.id, stories.c.title)).all()
        rows = conn.execute(
            sa.select(story_articles.c.story_id, articles.c.outlet, articles.c.published).join(
                articles, articles.c.id == story_articles.c.article_id
            )
        )
        for sid, outlet, published in rows:
            per_story.setdefault(int(sid), []).append((outlet, published))
    out = []
    for sid, title in heads:
        members = per_story.get(int(sid), [])
        if not members:
            continue
        outlets = Counter(o for o, _ in members if o)
        dates = sorted(p[:10] for _, p in members if p)
        out.append(
            {
                "id": int(sid),
                "title": title,
                "article_count": len(members),
                "outlets": [o for o, _ in outlets.most_common()],
                "first_published": dates[0] if dates else None,
                "last_published": dates[-1] if dates else None,
                "coverage": coverage_by_day([p for _, p in members]),
            }
        )
    out.sort(key=lambda s: (s["last_published"] or "", s["article_count"]), reverse=True)
    return out


def _summaries(ws: Any, cache: AnswerCache | None) -> list[dict[str, Any]]:
    return _cached(cache, ("story-summaries",), lambda: all_story_summaries(ws))


def _story_passes(s: dict[str, Any], filters: Filters) -> bool:
    # A story is in a date range when its coverage overlaps it.
    if filters.since and (s["last_published"] or "") < filters.since:
        return False
    if filters.until and (not s["first_published"] or s["first_published"] > filters.until):
        return False
    if filters.outlet:
        wanted = filters.outlet.lower()
        return any(o.lower() == wanted for o in s["outlets"])
    return True


def stories_page(
    ws: Any, page: Page, filters: Filters, cache: AnswerCache | None = None
) -> Listing:
    from storyline.web.queries import Listing

    if filters.source_type:
        raise InputError(
            "stories cannot be filtered by source type: filter a story's timeline instead"
        )
    kept = [s for s in _summaries(ws, cache) if _story_passes(s, filters)]
    return Listing(kept[page.offset : page.offset + page.limit], len(kept))


class StoryMoved(Exception):
    """A story id that merged away: the app answers a permanent redirect to the same route
    for the story it lives on in (``app._story_moved``), so old links keep working."""

    def __init__(self, old_id: int, new_id: int) -> None:
        super().__init__(f"story {old_id} was merged into story {new_id}")
        self.old_id = old_id
        self.new_id = new_id


def _moved_or(ws: Any, sid: int, error: NotFound) -> Exception:
    """``StoryMoved`` when story ``sid`` merged away, else ``error`` (it never was a story)."""
    import storyline.stories as stories

    live = stories.resolve_story(ws, sid)
    if live is not None and live != sid:
        return StoryMoved(sid, live)
    return error


def _story_id(story_id: Any) -> int:
    try:
        return int(story_id)
    except (TypeError, ValueError):
        raise NotFound(f"no story {story_id!r}: story ids are numbers (see /api/stories)") from None


def story(ws: Any, story_id: Any, cache: AnswerCache | None = None) -> dict[str, Any]:
    import storyline.stories as stories

    sid = _story_id(story_id)
    found = stories.get_story(ws, sid)
    if found is None:
        raise _moved_or(ws, sid, NotFound(f"no story {story_id!r}: see /api/stories"))
    summary = next((s for s in _summaries(ws, cache) if s["id"] == sid), None) or {}
    return {**summary, **found, "id": sid}


def timeline(
    ws: Any,
    story_id: Any,
    *,
    max_dates: int | None = None,
    per_date: int | None = None,
    cache: AnswerCache | None = None,
) -> dict[str, Any]:
    """The same JSON as ``storyline timeline STORY --format json``."""
    import storyline.stories as stories

    sid = _story_id(story_id)
    try:
        data: dict[str, Any] = _cached(
            cache,
            ("timeline", sid, max_dates, per_date),
            lambda: stories.timeline_for(ws, story_id=sid, max_dates=max_dates, per_date=per_date),
        )
    except NotFound as exc:
        raise _moved_or(ws, sid, exc) from None
    return data


def timeline_json(
    ws: Any,
    story_id: Any,
    *,
    max_dates: int | None = None,
    per_date: int | None = None,
    gzipped: bool = False,
    cache: AnswerCache | None = None,
) -> bytes:
    """The timeline serialised (and, for clients that accept it, gzipped) once per workspace
    version: the API's hot path. A big story's timeline is megabytes of JSON; compressing it
    once instead of on every request keeps the server's CPU for serving."""
    sid = _story_id(story_id)

    def plain() -> bytes:
        data = timeline(ws, sid, max_dates=max_dates, per_date=per_date, cache=cache)
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()

    body: bytes = _cached(cache, timeline_key(sid, max_dates, per_date, False), plain)
    if not gzipped:
        return body
    return _cached(
        cache,
        timeline_key(sid, max_dates, per_date, True),
        lambda: gzip.compress(body, compresslevel=6, mtime=0),
    )


def timeline_key(
    story_id: Any, max_dates: int | None, per_date: int | None, gzipped: bool
) -> tuple[Any, ...] | None:
    """The cache key of a serialised timeline (None for an id that is no story id)."""
    try:
        sid = int(story_id)
    except (TypeError, ValueError):
        return None
    return ("timeline-json-gzip" if gzipped else "timeline-json", sid, max_dates, per_date)


def export(
    ws: Any, story_id: Any, fmt: str, cache: AnswerCache | None = None
) -> tuple[bytes, str, str]:
    """The timeline as a file in one of the CLI's formats (``storyline.export.render``, the
    same code as ``storyline timeline --format``): (content, media type, file name)."""
    from storyline.export import FORMATS, MEDIA_TYPES, render

    if fmt not in FORMATS:
        raise NotFound(f"no export format {fmt!r}: use one of {', '.join(FORMATS)}")
    data = timeline(ws, story_id, cache=cache)
    name = f"story-{_story_id(story_id)}.{EXPORT_SUFFIXES.get(fmt, fmt)}"
    return render(data, fmt).encode(), MEDIA_TYPES[fmt], name


# ---- the article page's context ----------------------------------------------------------


def article_context(
    ws: Any, article_id: int, key: str, cache: AnswerCache | None = None
) -> tuple[list[dict[str, Any]], list[str], dict[str, str]]:
    """The stories an article is in, what it added that was new, and its entities' ids."""
    from storyline.store.stories import entity_mentions, story_articles

    with ws.connect() as conn:
        story_ids = [
            int(s)
            for s in conn.execute(
                sa.select(story_articles.c.story_id).where(
                    story_articles.c.article_id == article_id
                )
            ).scalars()
        ]
        links = {
            str(local): str(eid)
            for local, eid in conn.execute(
                sa.select(entity_mentions.c.local_id, entity_mentions.c.entity_id).where(
                    entity_mentions.c.article_id == article_id
                )
            )
        }
    summaries = {s["id"]: s for s in _summaries(ws, cache)}
    in_stories = [summaries[s] for s in story_ids if s in summaries]
    novelty: list[str] = []
    for sid in story_ids:
        for item in timeline(ws, sid, cache=cache).get("novelty") or []:
            if str(item.get("article")) != key:
                continue
            for entry in item.get("new") or []:
                novelty.append(f"{entry.get('date') or 'undated'}: {entry.get('summary') or ''}")
    return in_stories, novelty, links


# ---- entities -----------------------------------------------------------------------------


def entities_page(
    ws: Any,
    page: Page,
    *,
    q: str | None = None,
    entity_type: str | None = None,
) -> Listing:
    from storyline.store.stories import entities, entity_mentions
    from storyline.web.queries import Listing

    cond: sa.ColumnElement[bool] = sa.true()
    if q:
        cond = sa.and_(cond, sa.func.lower(entities.c.name).contains(q.lower(), autoescape=True))
    if entity_type:
        cond = sa.and_(cond, entities.c.type == entity_type.upper())
    mentions = (
        sa.select(sa.func.count())
        .where(entity_mentions.c.entity_id == entities.c.id)
        .scalar_subquery()
    )
    with ws.connect() as conn:
        total = conn.execute(sa.select(sa.func.count()).select_from(entities).where(cond)).scalar()
        rows = conn.execute(
            sa.select(
                entities.c.id,
                entities.c.name,
                entities.c.type,
                entities.c.aliases,
                entities.c.articles,
                mentions.label("mentions"),
            )
            .where(cond)
            .order_by(entities.c.articles.desc(), entities.c.name)
            .limit(page.limit)
            .offset(page.offset)
        ).all()
    items = [
        {
            "id": int(r.id),
            "name": r.name,
            "type": r.type,
            "aliases": list(r.aliases or []),
            "articles": int(r.articles),
            "mentions": int(r.mentions),
        }
        for r in rows
    ]
    return Listing(items, int(total or 0))


def entity(ws: Any, entity_id: Any, cache: AnswerCache | None = None) -> dict[str, Any]:
    """An entity with its stories and the claims it made or that were made about it."""
    from storyline.store.schema import articles
    from storyline.store.stories import entities, entity_mentions, story_articles

    try:
        eid = int(entity_id)
    except (TypeError, ValueError):
        raise NotFound(f"no entity {entity_id!r}: entity ids are numbers") from None
    with ws.connect() as conn:
        # An id past 64 bits names no row, and the database driver would overflow on it.
        row = (
            conn.execute(sa.select(entities).where(entities.c.id == eid)).first()
            if storable_id(eid)
            else None
        )
        if row is None:
            raise NotFound(f"no entity {entity_id!r}: see /api/entities")
        local = conn.execute(
            sa.select(entity_mentions.c.article_id, entity_mentions.c.local_id)
            .join(articles, articles.c.id == entity_mentions.c.article_id)
            .where(entity_mentions.c.entity_id == eid)
            .order_by(articles.c.published.desc(), articles.c.id.desc())
        ).all()
        article_ids = list(dict.fromkeys(int(a) for a, _ in local))
        story_ids: set[int] = set()
        for start in range(0, len(article_ids), 500):
            story_ids.update(
                int(s)
                for s in conn.execute(
                    sa.select(story_articles.c.story_id).where(
                        story_articles.c.article_id.in_(article_ids[start : start + 500])
                    )
                ).scalars()
            )
    summaries = _summaries(ws, cache)
    locals_by_article: dict[int, set[str]] = {}
    for a, loc in local:
        locals_by_article.setdefault(int(a), set()).add(str(loc))
    claims_by, claims_about = _claims(ws, article_ids[:MAX_CLAIM_ARTICLES], locals_by_article)
    return {
        "id": eid,
        "name": row.name,
        "type": row.type,
        "aliases": list(row.aliases or []),
        "articles": int(row.articles),
        "stories": [s for s in summaries if s["id"] in story_ids],
        "claims_by": claims_by[:MAX_CLAIMS],
        "claims_about": claims_about[:MAX_CLAIMS],
    }


def _sentence_of(analysis: Analysis, span: Span) -> str:
    for s in analysis.sentences:
        if s.start <= span.start < s.end:
            return s.text
    text = analysis.article.text
    start = text.rfind("\n", 0, span.start) + 1
    end = text.find("\n", span.end)
    return text[start : end if end >= 0 else len(text)].strip()


def _claims(
    ws: Any, article_ids: list[int], locals_by_article: dict[int, set[str]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Attributions whose source is the entity (claims by it) and whose content mentions it
    (claims about it), newest articles first."""
    if not article_ids:
        return [], []
    analyses = ws.analyses(article_ids)
    records = {r.id: r for r in _records(ws, article_ids)}
    by: list[dict[str, Any]] = []
    about: list[dict[str, Any]] = []
    for aid in article_ids:
        analysis, rec = analyses.get(aid), records.get(aid)
        if analysis is None or rec is None:
            continue
        mine = locals_by_article.get(aid, set())
        mention_spans = [m for e in analysis.entities if e.id in mine for m in e.mentions]
        for att in analysis.attributions:
            base = {
                "sentence": _sentence_of(analysis, att.cue),
                "polarity": att.polarity,
                "source": att.source.text if att.source else None,
                "article": rec.external_id or str(rec.id),
                "outlet": rec.outlet,
                "published": rec.published,
            }
            if att.source is not None and att.source.entity_id in mine:
                by.append(base)
            elif att.content is not None and any(
                att.content.start <= m.start < att.content.end for m in mention_spans
            ):
                about.append(base)
    return by, about


def _records(ws: Any, ids: list[int]) -> list[Any]:
    from storyline.store import articles as repo

    with ws.connect() as conn:
        return repo.list_articles(conn, limit=None, ids=ids)


def story_articles(
    ws: Any, story: dict[str, Any], cache: AnswerCache | None = None
) -> dict[str, dict[str, Any]]:
    """The story's articles by the key timelines use (external id, else workspace id)."""

    def build() -> dict[str, dict[str, Any]]:
        from storyline.store.schema import articles
        from storyline.store.stories import story_articles

        # Only the columns a link needs: a big story has thousands of articles.
        with ws.connect() as conn:
            rows = conn.execute(
                sa.select(
                    articles.c.id,
                    articles.c.external_id,
                    articles.c.title,
                    articles.c.outlet,
                    articles.c.published,
                )
                .join(story_articles, story_articles.c.article_id == articles.c.id)
                .where(story_articles.c.story_id == int(story["id"]))
            ).all()
        return {
            (r.external_id or str(r.id)): {
                "id": r.id,
                "title": r.title,
                "outlet": r.outlet,
                "published": r.published,
            }
            for r in rows
        }

    return _cached(cache, ("story-articles", int(story["id"])), build)
