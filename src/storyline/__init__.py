"""storyline: follow a developing news story as a sourced timeline."""

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

__version__ = "0.1.0"

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
    "analyze",
    "analyze_article",
]
