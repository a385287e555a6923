"""A timeline as TimelineJS JSON (Knight Lab's format: ``{"title", "events": [...]}`` with
``start_date`` split into year/month/day); undated entries are left out (TimelineJS needs a
date)."""

from __future__ import annotations

import html
import json
from typing import Any

from storyline.export.markdown import source_label


def _date(value: str) -> dict[str, str] | None:
    parts = value[:10].split("-")
    if not parts or not parts[0].isdigit():
        return None
    keys = ("year", "month", "day")
    return {k: str(int(p)) for k, p in zip(keys, parts, strict=False) if p.isdigit()}


def to_timelinejs(timeline: dict[str, Any]) -> str:
    story = timeline.get("story") or {}
    events = []
    for e in timeline.get("entries", []):
        start = _date(e.get("date") or "")
        if start is None:
            continue
        sources = ", ".join(source_label(s) for s in e.get("sources", []))
        first = e.get("first_reported") or {}
        body = (
            f"<p>{html.escape(sources or 'unattributed')}</p>"
            f"<p>{e.get('independent_sources', 0)} independent source(s) · {e.get('status')}"
            f" · first reported by {html.escape(str(first.get('outlet') or first.get('article')))}"
            "</p>"
        )
        events.append(
            {
                "start_date": start,
                "text": {"headline": html.escape(e.get("summary") or ""), "text": body},
                "group": e.get("status"),
            }
        )
    doc = {
        "title": {"text": {"headline": html.escape(story.get("title") or "Timeline"), "text": ""}},
        "events": events,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
