"""Timelines as files: JSON (design.md), Markdown, CSV and TimelineJS JSON; plus the article
view (``export.article``). ``render(timeline, fmt)`` is the one entry point the CLI and the web
use; each format lives in its own module."""

from __future__ import annotations

from typing import Any

from storyline.errors import InputError

FORMATS = ("json", "md", "csv", "timelinejs")
MEDIA_TYPES = {
    "json": "application/json",
    "md": "text/markdown; charset=utf-8",
    "csv": "text/csv; charset=utf-8",
    "timelinejs": "application/json",
}


def render(timeline: dict[str, Any], fmt: str) -> str:
    """A timeline (Timeline JSON) in one of ``FORMATS``."""
    if fmt == "json":
        from storyline.export.timeline_json import to_json

        return to_json(timeline)
    if fmt == "md":
        from storyline.export.markdown import to_markdown

        return to_markdown(timeline)
    if fmt == "csv":
        from storyline.export.csv_table import to_csv

        return to_csv(timeline)
    if fmt == "timelinejs":
        from storyline.export.timelinejs import to_timelinejs

        return to_timelinejs(timeline)
    raise InputError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
