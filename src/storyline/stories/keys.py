"""The cache keys of built timelines, apart from the code that builds them.

``storyline timeline STORY --format json`` reads a cached timeline straight from a SQLite file
(``storyline.store.quick``) without importing the store or the rest of this package, and must
name the row exactly as ``stories.service`` wrote it: both take the key from here.
"""

from __future__ import annotations

# The version of what a built timeline holds. Workspaces cache built timelines under it, so a
# storyline that counts or summarises differently never serves a timeline an older one cached:
# bump it whenever build_timeline or the summariser gives different output for the same input.
VERSION = "timeline.v2"


def timeline_key(story_id: int | None, max_dates: int | None, per_date: int | None) -> str:
    """The cache key of a story's timeline (or, with no story, the whole workspace's); it holds
    the timeline format's version, so a newer storyline ignores what an older one cached."""
    what = f"story:{story_id}" if story_id is not None else "all"
    return f"{VERSION}|{what}:{max_dates}:{per_date}"
