"""Across articles: syndication, stories, cross-article entities and sourced timelines.

The cores are pure and work on ``Analysis`` objects (``dedup``, ``cluster``, ``resolve``,
``timeline``, ``novelty``); ``service`` runs them over a workspace. ``Workspace`` calls
``update(workspace, new_article_ids)`` after each stored batch.

The service's functions are loaded on first use: the service imports the store (SQLAlchemy),
while ``storyline timeline`` reads a cached timeline with ``keys`` alone.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from storyline.stories.service import (
        get_story,
        list_stories,
        live_story_ref,
        query_timeline,
        resolve_story,
        story_timeline,
        syndication_of,
        timeline_for,
        timeline_json,
        update,
    )

__all__ = [
    "get_story",
    "list_stories",
    "live_story_ref",
    "query_timeline",
    "resolve_story",
    "story_timeline",
    "syndication_of",
    "timeline_for",
    "timeline_json",
    "update",
]


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'storyline.stories' has no attribute {name!r}")
    from storyline.stories import service

    value = getattr(service, name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
