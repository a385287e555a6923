"""Where a follow's timeline comes from: the one place the follow package talks to the stories
package and the article store.

* a ``story`` follow reads that story's timeline;
* an ``entity`` follow reads the timeline over the articles that mention the entity;
* a ``query`` follow reads the timeline over the articles the saved search matches.

All three give Timeline JSON (design.md); ``article_refs`` says what the digest needs to know
about the articles the timeline's mentions name, including which are syndicated copies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from storyline.errors import StorylineError
from storyline.follow.digest import ArticleRef


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
    raise StorylineError("timelines are not available yet in this build")


def article_refs(workspace: Any, ids: Iterable[str]) -> dict[str, ArticleRef]:
    return {i: ArticleRef(id=i) for i in ids}


def label_for(workspace: Any, kind: str, target: str) -> str | None:
    return None
