"""A timeline as Markdown: one table row per entry, with who says so and how many sources."""

from __future__ import annotations

from typing import Any


def _cell(text: Any) -> str:
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ").strip()


def source_label(src: dict[str, Any]) -> str:
    """ "4 anonymous (four sources briefed on the call)", "Mr Trump (named_person)"."""
    text = src.get("text") or src.get("outlet") or "unattributed"
    kind = src.get("type") or "reporter"
    count = src.get("count")
    extra = f", {src['polarity']}" if src.get("polarity") else ""
    if kind.startswith("anonymous"):
        return f"{count or ''} anonymous ({text}{extra})".strip()
    return f"{text} ({kind}{extra})"


def date_label(entry: dict[str, Any]) -> str:
    date = entry.get("date") or "undated"
    if entry.get("deadline"):
        date += (
            f" (deadline{', ' + entry['deadline_status'] if entry.get('deadline_status') else ''})"
        )
    return date


def to_markdown(timeline: dict[str, Any]) -> str:
    story = timeline.get("story") or {}
    title = story.get("title") or "Timeline"
    lines = [f"# {_cell(title)}", ""]
    if story.get("id") is not None:
        n = story.get("articles", "?")
        lines += [f"Story {story['id']} · {n} article{'' if n == 1 else 's'}", ""]
    lines += [
        "| Date | Event | Status | Independent sources | Who says so | First reported |",
        "|---|---|---|---|---|---|",
    ]
    for e in timeline.get("entries", []):
        first = e.get("first_reported") or {}
        first_text = " ".join(
            x for x in (first.get("outlet") or "", first.get("published") or "") if x
        ) or _cell(first.get("article"))
        sources = "; ".join(source_label(s) for s in e.get("sources", []))
        lines.append(
            f"| {_cell(date_label(e))} | {_cell(e.get('summary'))} | {_cell(e.get('status'))} "
            f"| {e.get('independent_sources', 0)} | {_cell(sources)} | {_cell(first_text)} |"
        )
    return "\n".join(lines) + "\n"
