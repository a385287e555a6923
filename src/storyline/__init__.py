"""storyline: follow a developing news story as a sourced timeline."""

from typing import TYPE_CHECKING, Any

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
    from storyline.analysis import AnalysisOptions, analyze, analyze_article
    from storyline.workspace import Workspace

__version__ = "0.1.0"

# Names loaded on first use, not on every ``import storyline``: ``analyze`` pulls in spaCy
# (≈0.7 s of imports) and ``Workspace`` SQLAlchemy and Alembic. Every ``storyline`` command
# imports this package, and most of them (``stories``, ``timeline``, ``--help``) need neither.
_LAZY = {
    "AnalysisOptions": "storyline.analysis",
    "analyze": "storyline.analysis",
    "analyze_article": "storyline.analysis",
    "Workspace": "storyline.workspace",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'storyline' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


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
