"""The web's reading of stories, timelines and cross-article entities, over
``storyline.stories``. Kept apart from ``queries`` because it follows the stories package's API.
"""

from __future__ import annotations


def available() -> bool:
    """True once ``storyline.stories`` offers what the web reads."""
    import storyline.stories as stories

    return hasattr(stories, "timeline_for")
