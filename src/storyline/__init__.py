"""storyline: follow a developing news story as a sourced timeline."""

from typing import TYPE_CHECKING, Any

from storyline.analysis import AnalysisOptions, analyze, analyze_article
from storyline.errors import StorylineError
from storyline.model import (
    Analysis,
    Article,
    Attribution,
    Entity,
    EventDate,
    EventMention,
    Money,
    Quote,
    Source,
    Span,
    Timex,
)

if TYPE_CHECKING:
    from storyline.workspace import Workspace

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    # Workspace pulls in SQLAlchemy and Alembic: load it on first use, not on every import.
    if name == "Workspace":
        from storyline.workspace import Workspace

        return Workspace
    raise AttributeError(f"module 'storyline' has no attribute {name!r}")


__all__ = [
    "Analysis",
    "AnalysisOptions",
    "Article",
    "Attribution",
    "Entity",
    "EventDate",
    "EventMention",
    "Money",
    "Quote",
    "Source",
    "Span",
    "StorylineError",
    "Timex",
    "Workspace",
    "analyze",
    "analyze_article",
]
