"""What the pages show, built from the library's objects: plain data for the templates, so the
templates hold no logic beyond loops and ifs, and the same numbers can be tested without HTML."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from storyline.export.article import TYPE_LABELS, Row, SourceBadge, source_list, timeline_rows
from storyline.model import Analysis, Entity
from storyline.web.highlight import Segment, article_segments

# The highlight legend, in the order the page lists it.
LEGEND = (
    ("hl-timex", "time expression (hover: normalised date)"),
    ("hl-entity", "person, organisation, place"),
    ("hl-source", "source (hover: who, how many)"),
    ("hl-cue", "attribution cue"),
    ("hl-quote", "quotation"),
)


@dataclass(slots=True)
class ArticleView:
    analysis: Analysis
    segments: list[Segment]
    rows: list[Row]
    sources: list[SourceBadge]
    entities: list[tuple[Entity, int]]
    counts: dict[str, int]
    legend: tuple[tuple[str, str], ...] = LEGEND
    extra: dict[str, Any] = field(default_factory=dict)


def article_view(analysis: Analysis) -> ArticleView:
    """Highlighted text, the article's own timeline, its sources and its entities by mentions."""
    entities = sorted(
        ((e, len(e.mentions)) for e in analysis.entities), key=lambda pair: (-pair[1], pair[0].name)
    )
    counts = {
        "time expressions": len(analysis.timexes),
        "entities": len(analysis.entities),
        "attributions": len(analysis.attributions),
        "quotes": len(analysis.quotes),
        "events": len(analysis.events),
    }
    return ArticleView(
        analysis=analysis,
        segments=article_segments(analysis),
        rows=timeline_rows(analysis),
        sources=source_list(analysis),
        entities=entities,
        counts=counts,
    )


def coverage_by_day(dates: list[str | None]) -> list[tuple[str, int]]:
    """Articles per calendar day from first to last day (days without articles count 0), for
    the sparkline; dates are ISO strings, only their day part is used."""
    days = Counter(d[:10] for d in dates if d and len(d) >= 10)
    parsed: list[dt.date] = []
    for key in days:
        try:
            parsed.append(dt.date.fromisoformat(key))
        except ValueError:
            continue
    if not parsed:
        return []
    first, last = min(parsed), max(parsed)
    # A story spread over years would make a huge series: cap at the last 120 days.
    first = max(first, last - dt.timedelta(days=119))
    out = []
    current = first
    while current <= last:
        out.append((current.isoformat(), days.get(current.isoformat(), 0)))
        current += dt.timedelta(days=1)
    return out


# The timeline exports the story page offers (the CLI's --format values).
EXPORT_FORMATS = ("json", "md", "csv", "timelinejs")
STATUSES = ("reported", "confirmed", "denied", "contested", "deadline expired", "deadline upcoming")


@dataclass(slots=True)
class Badge:
    label: str
    type: str


@dataclass(slots=True)
class EntryView:
    index: int
    date: str | None
    precision: str | None
    summary: str
    status: str
    statuses: list[str]
    badges: list[Badge]
    independent_sources: int | None
    first_reported: dict[str, Any] | None
    mentions: list[MentionGroup]
    mention_count: int
    actors: list[str]
    source_types: list[str]


@dataclass(slots=True)
class MentionGroup:
    """One sentence as the articles that carry it told it (wire copies share a sentence)."""

    sentence: str
    articles: list[dict[str, Any]]
    more: int = 0


# The story page stays light however big the story: this many distinct sentences per entry,
# this many article links per sentence; the rest is counted (the JSON has everything).
MAX_SENTENCES = 4
MAX_LINKS = 2


def group_mentions(
    mentions: list[dict[str, Any]], articles: dict[str, dict[str, Any]]
) -> list[MentionGroup]:
    groups: dict[str, MentionGroup] = {}
    for m in mentions:
        sentence = str(m.get("sentence") or "")
        key = " ".join(sentence.lower().split())
        group = groups.get(key)
        if group is None:
            if len(groups) >= MAX_SENTENCES:
                continue
            group = groups[key] = MentionGroup(sentence, [])
        if len(group.articles) < MAX_LINKS:
            group.articles.append({**articles.get(str(m.get("article")), {}), **m})
        else:
            group.more += 1
    return list(groups.values())


@dataclass(slots=True)
class StoryView:
    entries: list[EntryView]
    actors: list[str]
    source_types: list[str]
    statuses: list[str]


def source_badges(sources: list[dict[str, Any]]) -> list[Badge]:
    """Badges as a reader scans them: "4 anonymous", "Trump (named)", "Miami Herald (report)".

    Anonymous sources are summed into one badge (distinct descriptions, each counting its stated
    number or one); every other source appears once under its own name.
    """
    anonymous: dict[str, int] = {}
    named: dict[tuple[str, str], Badge] = {}
    for src in sources:
        kind = str(src.get("type") or "")
        if kind == "reporter":
            # The outlet's own account, with no one else cited.
            outlet = src.get("outlet") or src.get("text")
            label = f"{outlet} (own reporting)" if outlet else "own reporting"
            named.setdefault((label.lower(), kind), Badge(label, kind))
            continue
        text = str(src.get("text") or src.get("outlet") or "unnamed")
        if kind.startswith("anonymous"):
            key = text.lower()
            anonymous[key] = max(anonymous.get(key, 0), int(src.get("count") or 1))
            continue
        if kind == "press_report" and src.get("outlet") and not src.get("text"):
            text = str(src["outlet"])
        label = f"{text} ({TYPE_LABELS.get(kind, kind.replace('_', ' ') or 'source')})"
        named.setdefault((text.lower(), kind), Badge(label, kind))
    badges = []
    if anonymous:
        badges.append(Badge(f"{sum(anonymous.values())} anonymous", "anonymous_person"))
    badges.extend(named.values())
    return badges


def entry_statuses(entry: dict[str, Any], today: str) -> list[str]:
    """The status badge(s): the entry's status, plus "deadline expired/upcoming" for deadlines.
    The timeline's own ``deadline_status`` wins; else a deadline is expired once its date is
    before today (the reader's today, not the story's)."""
    status = str(entry.get("status") or "reported")
    out = [status]
    if entry.get("deadline"):
        given = entry.get("deadline_status")
        if given in ("expired", "upcoming"):
            out.append(f"deadline {given}")
        else:
            date = str(entry.get("date") or "")
            out.append("deadline expired" if date and date[:10] < today else "deadline upcoming")
    return out


def _with_article(
    ref: dict[str, Any] | None, articles: dict[str, dict[str, Any]]
) -> dict[str, Any] | None:
    if not ref:
        return None
    return {**articles.get(str(ref.get("article")), {}), **ref}


def story_view(
    story: dict[str, Any],
    timeline: dict[str, Any],
    *,
    today: str | None = None,
    articles: dict[str, dict[str, Any]] | None = None,
) -> StoryView:
    """The story page's entries; ``articles`` (by the keys the timeline's mentions use) adds
    each mention's outlet, date and title for the expanded entry."""
    articles = articles or {}
    today = today or dt.date.today().isoformat()
    entries = []
    all_actors: Counter[str] = Counter()
    all_types: set[str] = set()
    for i, entry in enumerate(timeline.get("entries", [])):
        sources = list(entry.get("sources") or [])
        actors = [str(a) for a in entry.get("actors") or []]
        actors += [
            str(s["text"])
            for s in sources
            if str(s.get("type", "")).startswith("named") and s.get("text")
        ]
        actors = list(dict.fromkeys(actors))
        types = sorted({str(s.get("type")) for s in sources if s.get("type")})
        statuses = entry_statuses(entry, today)
        all_actors.update(actors)
        all_types.update(types)
        entries.append(
            EntryView(
                index=i,
                date=entry.get("date"),
                precision=entry.get("precision"),
                summary=str(entry.get("summary") or ""),
                status=statuses[0],
                statuses=statuses,
                badges=source_badges(sources),
                independent_sources=entry.get("independent_sources"),
                first_reported=_with_article(entry.get("first_reported"), articles),
                mentions=group_mentions(entry.get("mentions") or [], articles),
                mention_count=len(entry.get("mentions") or []),
                actors=actors,
                source_types=types,
            )
        )
    present = {s for e in entries for s in e.statuses}
    return StoryView(
        entries=entries,
        actors=[a for a, _ in all_actors.most_common(40)],
        source_types=sorted(all_types),
        statuses=[s for s in STATUSES if s in present],
    )
