"""Where a follow's timeline comes from: the one place the follow package talks to the stories
package and the article store.

* a ``story`` follow reads that story's timeline;
* an ``entity`` follow reads the timeline over the articles that mention the entity;
* a ``query`` follow reads the timeline over the articles the saved search matches.

All three give Timeline JSON (design.md), built by ``storyline.stories`` (which counts a
syndication group as one independent source). ``article_refs`` says what a digest needs to know
about the articles the mentions name, including which are syndicated copies of which.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from storyline.errors import NotFound
from storyline.follow.digest import ArticleRef

# Articles a query or entity follow reads at most (the best matches first).
MAX_ARTICLES = 500


def mentioned_articles(timeline: Mapping[str, Any]) -> list[str]:
    """Every article a timeline's entries name (mentions and first reports), once each."""
    ids: dict[str, None] = {}
    for entry in timeline.get("entries", []):
        for mention in entry.get("mentions", []):
            if mention.get("article") is not None:
                ids.setdefault(str(mention["article"]), None)
        first = entry.get("first_reported") or {}
        if first.get("article") is not None:
            ids.setdefault(str(first["article"]), None)
    return list(ids)


def timeline_for(workspace: Any, follow: Any) -> dict[str, Any]:
    """The follow's current timeline as Timeline JSON (from ``storyline.stories``)."""
    from storyline.stories import query_timeline, story_timeline

    if follow.kind == "story":
        return dict(story_timeline(workspace, follow.target))
    return dict(query_timeline(workspace, matching_articles(workspace, follow.kind, follow.target)))


def matching_articles(workspace: Any, kind: str, target: str) -> list[int]:
    """Workspace ids of the articles a query or entity follow covers."""
    hits = [h.article.id for h in workspace.search(target, limit=MAX_ARTICLES)]
    if kind != "entity" or not hits:
        return hits
    # A full-text hit on the words is not yet a mention of the entity: keep the articles whose
    # analysis found an entity of that name (or an alias of it).
    wanted = _name(target)
    analyses = workspace.analyses(hits)
    keep = []
    for aid in hits:
        analysis = analyses.get(aid)
        if analysis and any(
            wanted in {_name(e.name), *(_name(a) for a in e.aliases)} for e in analysis.entities
        ):
            keep.append(aid)
    return keep


def _name(text: str) -> str:
    return re.sub(r"\s+", " ", text.casefold()).strip()


def article_refs(workspace: Any, ids: Iterable[str]) -> dict[str, ArticleRef]:
    """What a digest shows of each article (by the id the timeline uses); ``copy_of`` names the
    original a syndicated copy was grouped under."""
    from storyline.stories import syndication_of

    out: dict[str, ArticleRef] = {}
    for ref in ids:
        try:
            record = workspace.article(ref)
        except NotFound:
            out[ref] = ArticleRef(id=ref)
            continue
        original = syndication_of(workspace, record.id)
        out[ref] = ArticleRef(
            id=ref,
            title=record.title,
            url=record.url,
            outlet=record.outlet,
            published=record.published,
            copy_of=str(original) if original not in (None, ref) else None,
        )
    return out


def label_for(workspace: Any, kind: str, target: str) -> str | None:
    """A name for what is followed: the story's title (``NotFound`` for an unknown story)."""
    if kind != "story":
        return None
    from storyline.stories import get_story

    story = get_story(workspace, target)
    if story is None:
        raise NotFound(f"no story {target!r}: see `storyline stories`")
    title = story.get("title") if isinstance(story, Mapping) else getattr(story, "title", None)
    return str(title) if title else None
