"""Across articles: syndication, stories, cross-article entities and sourced timelines.

The cores are pure and work on ``Analysis`` objects (``dedup``, ``cluster``, ``resolve``,
``timeline``, ``novelty``); ``service`` runs them over a workspace. ``Workspace`` calls
``update(workspace, new_article_ids)`` after each stored batch.
"""

from storyline.stories.service import (
    get_story,
    list_stories,
    query_timeline,
    story_timeline,
    syndication_of,
    timeline_for,
    timeline_json,
    update,
)

__all__ = [
    "get_story",
    "list_stories",
    "query_timeline",
    "story_timeline",
    "syndication_of",
    "timeline_for",
    "timeline_json",
    "update",
]
