"""One article's analysis as a reader sees it: a dated timeline of its events, each with who
says so, and the list of its sources. Shared by the CLI (text, Markdown) and the web page."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyline.model import Analysis, Attribution, EventMention

# How a source type reads in a badge: "4 anonymous", "Trump (named)", "Miami Herald (report)".
TYPE_LABELS = {
    "named_person": "named",
    "named_organization": "named org",
    "anonymous_person": "anonymous",
    "anonymous_group": "anonymous",
    "press_report": "report",
    "document": "document",
    "statement": "statement",
    "social_media": "social media",
    "reporter": "reporter",
}


# A badge says when its source denies or declines rather than asserts.
STANCE_SUFFIX = {"deny": ", denies", "decline": ", declines to say"}


@dataclass(slots=True)
class SourceBadge:
    text: str
    type: str
    count: int | None
    polarity: str
    hedged: bool

    @property
    def label(self) -> str:
        kind = TYPE_LABELS.get(self.type, self.type)
        if self.type.startswith("anonymous"):
            n = f"{self.count} " if self.count else ""
            label = f"{n}anonymous ({self.text})"
        elif self.type == "reporter":
            # The article's own voice ("It is unclear if ..."): no one else is cited.
            label = "the reporter"
        else:
            label = f"{self.text} ({kind})"
        return label + STANCE_SUFFIX.get(self.polarity, "") + (", hedged" if self.hedged else "")


@dataclass(slots=True)
class Row:
    date: str | None
    precision: str | None
    summary: str
    sources: list[SourceBadge] = field(default_factory=list)
    deadline: bool = False


def _badge(att: Attribution) -> SourceBadge:
    src = att.source
    if src is None:
        return SourceBadge("unattributed", "reporter", None, att.polarity, att.hedged)
    return SourceBadge(src.text, src.type, src.count, att.polarity, att.hedged)


def _date_key(ev: EventMention) -> tuple[int, str]:
    # Undated events go last, dated ones in calendar order (ISO strings sort correctly).
    return (0, ev.date.value) if ev.date else (1, "")


def timeline_rows(analysis: Analysis) -> list[Row]:
    rows = []
    for ev in sorted(analysis.events, key=_date_key):
        badges = [
            _badge(analysis.attributions[i])
            for i in ev.attributions
            if 0 <= i < len(analysis.attributions)
        ]
        rows.append(
            Row(
                date=ev.date.value if ev.date else None,
                precision=ev.date.precision if ev.date else None,
                summary=ev.summary,
                sources=badges,
                deadline=ev.deadline,
            )
        )
    return rows


def source_list(analysis: Analysis) -> list[SourceBadge]:
    """Each distinct source once, in order of first appearance."""
    seen: dict[tuple[str, str], SourceBadge] = {}
    for att in analysis.attributions:
        badge = _badge(att)
        key = (badge.text.lower(), badge.type)
        seen.setdefault(key, badge)
    return list(seen.values())


def _md_escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(analysis: Analysis) -> str:
    art = analysis.article
    lines = [f"# {art.title or 'Untitled article'}", ""]
    meta = [
        f"Published: {art.published or 'unknown'} ({art.published_source or 'unknown source'})",
    ]
    if art.outlet:
        meta.append(f"Outlet: {art.outlet}")
    if art.wire:
        meta.append(f"Wire: {art.wire}")
    if art.dateline:
        meta.append(f"Dateline: {art.dateline}")
    lines += [
        " · ".join(meta),
        "",
        "## Timeline",
        "",
        "| Date | Event | Sources |",
        "|---|---|---|",
    ]
    for row in timeline_rows(analysis):
        date = row.date or "undated"
        if row.deadline:
            date += " (deadline)"
        sources = "; ".join(_md_escape(b.label) for b in row.sources) or "unattributed"
        lines.append(f"| {date} | {_md_escape(row.summary)} | {sources} |")
    lines += ["", "## Sources", ""]
    for badge in source_list(analysis):
        lines.append(f"- {_md_escape(badge.label)}")
    for w in analysis.warnings:
        lines += ["", f"> Warning: {w}"]
    return "\n".join(lines) + "\n"
