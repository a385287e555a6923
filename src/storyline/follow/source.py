"""Where a follow's timeline comes from: the one place the follow package talks to the stories
package and the article store.

* a ``story`` follow reads that story's timeline;
* an ``entity`` follow reads the timeline over the articles that mention the entity;
* a ``query`` follow reads the timeline over the articles the saved search matches.

All three give Timeline JSON (design.md). The stories package builds timelines when it offers
them; until then (and for a workspace whose articles were never grouped) ``basic_timeline``
builds a plain one from the stored analyses: one entry per dated event, grouped across articles
by date and event, with the attributions behind it as sources. ``article_refs`` says what a
digest needs to know about the articles the mentions name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storyline.errors import NotFound, StorylineError
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


def _stories_function(name: str) -> Any:
    import storyline.stories as stories

    return getattr(stories, name, None)


def timeline_for(workspace: Any, follow: Any) -> dict[str, Any]:
    """The follow's current timeline as Timeline JSON."""
    if follow.kind == "story":
        story_timeline = _stories_function("story_timeline")
        if story_timeline is None:
            raise StorylineError(
                "stories are not built in this workspace yet: follow an --entity or a --query"
            )
        return dict(story_timeline(workspace, follow.target))
    query_timeline = _stories_function("query_timeline")
    ids = matching_articles(workspace, follow.kind, follow.target)
    if query_timeline is not None:
        return dict(query_timeline(workspace, ids))
    return basic_timeline(workspace, ids, title=follow.title)


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


def _external(record: Any) -> str:
    return str(record.external_id or record.id)


def basic_timeline(workspace: Any, article_ids: Sequence[int], *, title: str) -> dict[str, Any]:
    """Timeline JSON from stored analyses, without the stories package.

    An entry is a dated event: mentions in several articles with the same date and the same event
    (main verb, else summary) are one entry. Sources are the attributions the event rests on;
    articles of one wire service count as one independent source.
    """
    analyses = workspace.analyses(article_ids)
    records = {aid: workspace.article(aid) for aid in analyses}
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for aid in sorted(analyses, key=lambda a: (records[a].published or "", a)):
        analysis, record = analyses[aid], records[aid]
        for event in analysis.events:
            if event.date is None:
                continue
            what = event.trigger or _name(event.summary)
            entry = groups.setdefault(
                (event.date.value, what),
                {
                    "date": event.date.value,
                    "precision": event.date.precision,
                    "summary": event.summary,
                    "mentions": [],
                    "sources": [],
                    "origins": set(),
                    "polarities": set(),
                    "first_reported": {
                        "article": _external(record),
                        "outlet": record.outlet or record.wire,
                        "published": record.published,
                    },
                    "deadline": False,
                },
            )
            entry["mentions"].append(
                {"article": _external(record), "sentence": event.sentence.start}
            )
            entry["origins"].add(_name(record.wire or record.outlet or _external(record)))
            entry["deadline"] = entry["deadline"] or event.deadline
            for index in event.attributions:
                if not 0 <= index < len(analysis.attributions):
                    continue
                attribution = analysis.attributions[index]
                entry["polarities"].add(attribution.polarity)
                source = attribution.source
                if source is None:
                    continue
                item = {
                    "outlet": record.wire or record.outlet,
                    "type": source.type,
                    "count": source.count,
                    "text": source.text,
                }
                if item not in entry["sources"]:
                    entry["sources"].append(item)
    entries = []
    for entry in groups.values():
        origins, polarities = entry.pop("origins"), entry.pop("polarities")
        entry["independent_sources"] = len(origins)
        entry["status"] = _status(polarities, len(origins))
        entries.append(entry)
    entries.sort(key=lambda e: (e["date"], e["summary"]))
    return {"story": {"id": None, "title": title}, "entries": entries}


def _status(polarities: set[str], independent: int) -> str:
    if "deny" in polarities and "assert" in polarities:
        return "contested"
    if "deny" in polarities:
        return "denied"
    return "confirmed" if independent >= 2 else "reported"


def article_refs(workspace: Any, ids: Iterable[str]) -> dict[str, ArticleRef]:
    """What a digest shows of each article (by the id the timeline uses); ``copy_of`` from the
    stories package's syndication links when it offers them."""
    copies = _stories_function("syndication_of")
    out: dict[str, ArticleRef] = {}
    for ref in ids:
        try:
            record = workspace.article(ref)
        except NotFound:
            out[ref] = ArticleRef(id=ref)
            continue
        original = copies(workspace, record.id) if copies is not None else None
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
    get_story = _stories_function("get_story")
    if get_story is None:
        return None
    story = get_story(workspace, target)
    if story is None:
        raise NotFound(f"no story {target!r}: see `storyline stories`")
    title = story.get("title") if isinstance(story, Mapping) else getattr(story, "title", None)
    return str(title) if title else None
