"""What is new in a followed timeline: a pure diff between what a follow has already seen and the
timeline as it stands now.

A follow remembers, per timeline entry, what it has seen (``SeenEntry``: the entry's mentions, its
claims, its status). ``diff_timeline`` compares the current Timeline JSON (design.md) with that
memory and returns the digest items plus the updated memory. It touches no database and no clock
(``today`` is passed in), so the same inputs always give the same items with the same keys; that
determinism is what the outbox's exactly-once delivery rests on.

Item kinds:

* ``new_entry``          an entry the follow has never seen;
* ``new_claim``          a new independent source on an entry it has seen;
* ``status``             confirmed / denied / contested changed on an entry it has seen;
* ``deadline_upcoming``  a deadline entry due within ``horizon_days`` from today;
* ``deadline_expired``   a deadline entry that passed within the last ``horizon_days``.

Entries are matched across recomputations by their mentions (article + sentence), which survive
re-clustering better than summaries do; an entry with no shared mention falls back to matching
by date and summary. Syndicated copies never count as news: a claim that only reappears through
another outlet without raising the entry's number of independent sources is absorbed silently,
and articles are listed once per syndication group.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

ItemKind = Literal["new_entry", "new_claim", "status", "deadline_upcoming", "deadline_expired"]
ITEM_KINDS: tuple[str, ...] = (
    "new_entry",
    "new_claim",
    "status",
    "deadline_upcoming",
    "deadline_expired",
)

# How far ahead a deadline counts as "coming up", and how far back as "just expired".
DEFAULT_HORIZON_DAYS = 7


@dataclass(frozen=True, slots=True)
class ArticleRef:
    """What a digest says about an article; ``copy_of`` names the original of a syndicated copy."""

    id: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    copy_of: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "outlet": self.outlet,
            "published": self.published,
            "copy_of": self.copy_of,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> ArticleRef:
        return cls(
            id=str(d["id"]),
            title=d.get("title"),
            url=d.get("url"),
            outlet=d.get("outlet"),
            published=d.get("published"),
            copy_of=d.get("copy_of"),
        )


@dataclass(slots=True)
class SeenEntry:
    """What a follow has already seen of one timeline entry."""

    key: str
    date: str | None
    precision: str | None
    summary: str
    status: str
    mentions: set[str] = field(default_factory=set)
    claims: set[str] = field(default_factory=set)
    # (type, text) of every claim, whatever the outlet: a copy of a known claim is not news.
    claim_texts: set[str] = field(default_factory=set)
    independent_sources: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "date": self.date,
            "precision": self.precision,
            "summary": self.summary,
            "status": self.status,
            "mentions": sorted(self.mentions),
            "claims": sorted(self.claims),
            "claim_texts": sorted(self.claim_texts),
            "independent_sources": self.independent_sources,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> SeenEntry:
        return cls(
            key=d["key"],
            date=d.get("date"),
            precision=d.get("precision"),
            summary=d.get("summary") or "",
            status=d.get("status") or "reported",
            mentions=set(d.get("mentions", [])),
            claims=set(d.get("claims", [])),
            claim_texts=set(d.get("claim_texts", [])),
            independent_sources=int(d.get("independent_sources") or 0),
        )


@dataclass(slots=True)
class DigestItem:
    """One thing a digest reports; ``key`` is stable: follow id + entry key + change kind."""

    key: str
    follow_id: int
    entry_key: str
    kind: str
    date: str | None
    precision: str | None
    summary: str
    status: str
    previous_status: str | None = None
    sources: list[dict[str, Any]] = field(default_factory=list)
    independent_sources: int = 0
    articles: list[dict[str, Any]] = field(default_factory=list)
    first_reported: dict[str, Any] | None = None
    created: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "follow_id": self.follow_id,
            "entry_key": self.entry_key,
            "kind": self.kind,
            "date": self.date,
            "precision": self.precision,
            "summary": self.summary,
            "status": self.status,
            "previous_status": self.previous_status,
            "sources": [dict(s) for s in self.sources],
            "independent_sources": self.independent_sources,
            "articles": [dict(a) for a in self.articles],
            "first_reported": dict(self.first_reported) if self.first_reported else None,
            "created": self.created,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DigestItem:
        return cls(
            key=d["key"],
            follow_id=int(d["follow_id"]),
            entry_key=d["entry_key"],
            kind=d["kind"],
            date=d.get("date"),
            precision=d.get("precision"),
            summary=d.get("summary") or "",
            status=d.get("status") or "reported",
            previous_status=d.get("previous_status"),
            sources=[dict(s) for s in d.get("sources", [])],
            independent_sources=int(d.get("independent_sources") or 0),
            articles=[dict(a) for a in d.get("articles", [])],
            first_reported=dict(d["first_reported"]) if d.get("first_reported") else None,
            created=d.get("created"),
        )


@dataclass(slots=True)
class Diff:
    """The outcome of one diff: items to report and the follow's updated memory."""

    items: list[DigestItem]
    seen: list[SeenEntry]
    # Items that were new but older than ``since``: remembered, not reported.
    absorbed: int = 0


def item_key(follow_id: int, entry_key: str, change: str) -> str:
    """The stable key of a digest item: follow id + entry key + change kind."""
    return f"{follow_id}:{entry_key}:{change}"


def _norm(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").casefold()).strip()


def mention_id(mention: Mapping[str, Any]) -> str:
    """A mention (article + sentence, whatever shape the sentence has) as a comparable string."""
    return json.dumps([mention.get("article"), mention.get("sentence")], sort_keys=True)


def claim_id(source: Mapping[str, Any]) -> str:
    return json.dumps(
        [_norm(source.get("outlet")), source.get("type"), _norm(source.get("text"))],
        sort_keys=True,
    )


def claim_text_id(source: Mapping[str, Any]) -> str:
    return json.dumps([source.get("type"), _norm(source.get("text"))], sort_keys=True)


def _summary_id(entry: Mapping[str, Any]) -> tuple[Any, Any, str]:
    return (entry.get("date"), entry.get("precision"), _norm(entry.get("summary")))


def new_entry_key(entry: Mapping[str, Any], taken: set[str]) -> str:
    """A short key for an entry seen for the first time, from its date and earliest mention."""
    mentions = sorted(mention_id(m) for m in entry.get("mentions", []))
    basis = json.dumps(
        [entry.get("date"), entry.get("precision"), mentions[:1] or [_norm(entry.get("summary"))]]
    )
    digest = hashlib.sha1(basis.encode("utf-8")).hexdigest()
    key = digest[:12]
    n = 1
    while key in taken:  # two entries with one basis: disambiguate, still deterministically
        n += 1
        key = f"{digest[:12]}-{n}"
    return key


def _day(value: Any) -> dt.date | None:
    """The day a timeline date stands for, when it names one (``2025-11-28``, ``2025-11-28T..``)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _match(
    entries: Sequence[Mapping[str, Any]], seen: Sequence[SeenEntry]
) -> list[SeenEntry | None]:
    """For each current entry, the remembered entry it continues (or None).

    Greedy by mention overlap, largest first, so a remembered entry is continued by at most one
    current entry; what is left is matched on date + summary.
    """
    by_mention: dict[str, list[int]] = {}
    for j, s in enumerate(seen):
        for m in s.mentions:
            by_mention.setdefault(m, []).append(j)
    # One sentence can hold two events (two entries naming the same mention): among equal
    # overlaps, the remembered entry with the same date and summary wins.
    pairs: list[tuple[int, int, int, int, int]] = []
    for i, entry in enumerate(entries):
        counts: dict[int, int] = {}
        for m in entry.get("mentions", []):
            for j in by_mention.get(mention_id(m), []):
                counts[j] = counts.get(j, 0) + 1
        for j, c in counts.items():
            same_day = int(seen[j].date == entry.get("date"))
            same_summary = int(_norm(seen[j].summary) == _norm(entry.get("summary")))
            pairs.append((-c, -same_day, -same_summary, i, j))
    out: list[SeenEntry | None] = [None] * len(entries)
    used: set[int] = set()
    for *_rank, i, j in sorted(pairs):
        if out[i] is None and j not in used:
            out[i] = seen[j]
            used.add(j)
    by_summary: dict[tuple[Any, Any, str], int] = {}
    for j, s in enumerate(seen):
        if j not in used:
            by_summary.setdefault((s.date, s.precision, _norm(s.summary)), j)
    for i, entry in enumerate(entries):
        if out[i] is None:
            j2 = by_summary.pop(_summary_id(entry), None)
            if j2 is not None and j2 not in used:
                out[i] = seen[j2]
                used.add(j2)
    return out


def _article_refs(ids: Iterable[str], articles: Mapping[str, ArticleRef]) -> list[dict[str, Any]]:
    """Articles once per syndication group: the original (or earliest copy) with its copies."""
    groups: dict[str, list[ArticleRef]] = {}
    for aid in dict.fromkeys(ids):
        ref = articles.get(aid) or ArticleRef(id=aid)
        groups.setdefault(ref.copy_of or ref.id, []).append(ref)
    out = []
    for root, refs in groups.items():
        lead = next((r for r in refs if r.id == root), None)
        if lead is None:
            lead = articles.get(root) or min(refs, key=lambda r: (r.published or "", r.id))
        d = lead.to_dict()
        d["copies"] = sorted(
            {r.outlet or r.id for r in refs if r.id != lead.id} - {lead.outlet or lead.id}
        )
        out.append(d)
    out.sort(key=lambda d: (d.get("published") or "", d["id"]))
    return out


def _published_before(
    ids: Iterable[str], articles: Mapping[str, ArticleRef], since: dt.date
) -> bool:
    """True when every article is known to be published before ``since`` (old news)."""
    days = [_day((articles.get(a) or ArticleRef(id=a)).published) for a in ids]
    return bool(days) and all(d is not None and d < since for d in days)


def diff_timeline(
    follow_id: int,
    timeline: Mapping[str, Any],
    seen: Sequence[SeenEntry],
    *,
    articles: Mapping[str, ArticleRef] | None = None,
    today: dt.date,
    since: dt.date | None = None,
    horizon_days: int = DEFAULT_HORIZON_DAYS,
    created: str | None = None,
) -> Diff:
    """Items new to a follow in ``timeline`` (Timeline JSON) given what it has ``seen``.

    ``articles`` describes the articles the mentions name (title, outlet, date, syndication);
    ``since`` absorbs, without reporting, changes that only come from articles published before
    it; deadline items are relative to ``today``.
    """
    articles = articles or {}
    entries = list(timeline.get("entries", []))
    matches = _match(entries, seen)
    remembered = {s.key: s for s in seen}
    taken = set(remembered)
    items: list[DigestItem] = []
    absorbed = 0
    updated: dict[str, SeenEntry] = dict(remembered)
    known_mentions: set[str] = set()
    for s in seen:
        known_mentions |= s.mentions

    def make(
        entry: Mapping[str, Any], key: str, change: str, kind: str, **extra: Any
    ) -> DigestItem:
        return DigestItem(
            key=item_key(follow_id, key, change),
            follow_id=follow_id,
            entry_key=key,
            kind=kind,
            date=entry.get("date"),
            precision=entry.get("precision"),
            summary=entry.get("summary") or "",
            status=entry.get("status") or "reported",
            independent_sources=int(entry.get("independent_sources") or 0),
            first_reported=entry.get("first_reported"),
            created=created,
            **extra,
        )

    for entry, old in zip(entries, matches, strict=True):
        mentions = {mention_id(m) for m in entry.get("mentions", [])}
        sources = list(entry.get("sources", []))
        status = entry.get("status") or "reported"
        independent = int(entry.get("independent_sources") or 0)
        if old is None:
            key = new_entry_key(entry, taken)
            taken.add(key)
            mention_articles = [str(m.get("article")) for m in entry.get("mentions", [])]
            state = SeenEntry(
                key=key,
                date=entry.get("date"),
                precision=entry.get("precision"),
                summary=entry.get("summary") or "",
                status=status,
                mentions=mentions,
                claims={claim_id(s) for s in sources},
                claim_texts={claim_text_id(s) for s in sources},
                independent_sources=independent,
            )
            updated[key] = state
            if mentions and mentions <= known_mentions:
                continue  # a split of entries already reported: nothing new to say
            # The articles that brought the entry are those whose mentions the follow has not
            # seen: an entry regrouped from old and new mentions credits only the new articles.
            adding = [
                str(m.get("article"))
                for m in entry.get("mentions", [])
                if mention_id(m) not in known_mentions
            ] or mention_articles
            if since and _published_before(adding, articles, since):
                absorbed += 1
            else:
                items.append(
                    make(
                        entry,
                        key,
                        "new_entry",
                        "new_entry",
                        sources=[dict(s) for s in sources],
                        articles=_article_refs(adding, articles),
                    )
                )
        else:
            key = old.key
            new_mentions = [
                m for m in entry.get("mentions", []) if mention_id(m) not in old.mentions
            ]
            # Credit the articles whose mentions the follow has never seen anywhere: a mention
            # that moved here from another entry came with an article that is old news.
            unseen = [m for m in new_mentions if mention_id(m) not in known_mentions]
            new_articles = [str(m.get("article")) for m in (unseen or new_mentions)]
            fresh = [s for s in sources if claim_id(s) not in old.claims]
            # A known claim reappearing through another outlet is a syndicated copy unless the
            # entry really gained an independent source.
            if independent <= old.independent_sources:
                fresh = [s for s in fresh if claim_text_id(s) not in old.claim_texts]
            old_news = since is not None and _published_before(new_articles, articles, since)
            if fresh:
                if old_news:
                    absorbed += 1
                else:
                    basis = "|".join(sorted(claim_id(s) for s in fresh))
                    change = "claim:" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:10]
                    items.append(
                        make(
                            entry,
                            key,
                            change,
                            "new_claim",
                            sources=[dict(s) for s in fresh],
                            articles=_article_refs(new_articles, articles),
                        )
                    )
            if status != old.status:
                if old_news:
                    absorbed += 1
                else:
                    items.append(
                        make(
                            entry,
                            key,
                            f"status:{old.status}>{status}",
                            "status",
                            previous_status=old.status,
                            sources=[dict(s) for s in sources],
                            articles=_article_refs(new_articles, articles),
                        )
                    )
            updated[key] = SeenEntry(
                key=key,
                date=entry.get("date"),
                precision=entry.get("precision"),
                summary=entry.get("summary") or old.summary,
                status=status,
                mentions=old.mentions | mentions,
                claims=old.claims | {claim_id(s) for s in sources},
                claim_texts=old.claim_texts | {claim_text_id(s) for s in sources},
                independent_sources=max(independent, old.independent_sources),
            )
        items.extend(_deadline_items(entry, key, make, today, horizon_days))

    # By kind, then by date with undated entries last, then by key: a stable reading order.
    items.sort(key=lambda it: (ITEM_KINDS.index(it.kind), it.date is None, it.date or "", it.key))
    ordered = sorted(updated.values(), key=lambda s: (s.date or "", s.key))
    return Diff(items=items, seen=ordered, absorbed=absorbed)


def _deadline_items(
    entry: Mapping[str, Any], key: str, make: Any, today: dt.date, horizon_days: int
) -> list[DigestItem]:
    """A deadline due soon or just passed. Its key carries no date, so each is reported once."""
    if not entry.get("deadline"):
        return []
    day = _day(entry.get("date"))
    if day is None:
        return []
    horizon = dt.timedelta(days=horizon_days)
    if today <= day <= today + horizon:
        return [make(entry, key, "deadline_upcoming", "deadline_upcoming")]
    if today - horizon <= day < today:
        return [make(entry, key, "deadline_expired", "deadline_expired")]
    return []
