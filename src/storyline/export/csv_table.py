"""A timeline as CSV: one row per entry (spreadsheet users sort and filter it)."""

from __future__ import annotations

import csv
import io
from typing import Any

from storyline.export.markdown import source_label

COLUMNS = (
    "date",
    "precision",
    "summary",
    "status",
    "independent_sources",
    "mentions",
    "sources",
    "first_reported_article",
    "first_reported_outlet",
    "first_reported_published",
    "deadline",
)


def to_csv(timeline: dict[str, Any]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in timeline.get("entries", []):
        first = e.get("first_reported") or {}
        writer.writerow(
            [
                e.get("date") or "",
                e.get("precision") or "",
                e.get("summary") or "",
                e.get("status") or "",
                e.get("independent_sources", 0),
                len(e.get("mentions", [])),
                "; ".join(source_label(s) for s in e.get("sources", [])),
                first.get("article") or "",
                first.get("outlet") or "",
                first.get("published") or "",
                "yes" if e.get("deadline") else "",
            ]
        )
    return out.getvalue()
