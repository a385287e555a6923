"""A story's timeline: the event mentions of all its articles merged into dated entries.

Pure: ``build_timeline`` takes ``TimelineArticle`` objects (an analysis plus what the store knows
about the article: its id, outlet, publication date, syndication group and the facts it changed)
and returns a ``Timeline``; no database. The steps:

1. mentions: each article's dated events (``Analysis.events``); an article without events (an
   older analysis) gives one mention per sentence holding a date;
2. entries: mentions of one date whose summaries share most of their content words are one
   entry ("the call was on Nov 21" in ten outlets is one entry with ten mentions);
3. conflicts: two mentions whose sentences are near-identical but whose dates or numbers differ
   are one account told two ways; their entries are merged and marked ``contested``;
4. per entry: sources (who says so, syndicated copies once), independent sources (syndication
   groups; unchanged copies crediting one wire together), the first report (the earliest
   copy), a status and the deadline flag;
5. summary timelines (``max_dates``/``per_date``): dates ranked by how many independent
   sources and mentions point at them, entries within a date by the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from storyline.model import Analysis, Attribution, Span
from storyline.stories.features import content_terms

NAMED_TYPES = frozenset({"named_person", "named_organization", "statement", "document"})
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Content words two mentions must share (Jaccard) to be one event on one date.
SAME_EVENT = 0.34
# Sentences this alike (word Jaccard) are one account, even when their dates differ.
SAME_ACCOUNT = 0.6


@dataclass(slots=True)
class TimelineArticle:
    """One article as the timeline sees it."""

    key: str
    analysis: Analysis
    outlet: str | None = None
    published: str | None = None
    # Articles of one syndication group are one independent source (the group's original key).
    group: str | None = None
    # Facts this article changed against the copy it was made from: (kind, new text), e.g.
    # ("date", "nov 27") or ("number", "five").
    changed: list[tuple[str, str]] = field(default_factory=list)
    # The article it was found to copy or rewrite (its key), when it is one.
    copy_of: str | None = None
    # The earliest copy of this very text when another document of it (the same text under
    # another id or outlet) was published before the article's own: (key, outlet, published).
    earliest: tuple[str, str | None, str | None] | None = None
    # Its independent source (``build_timeline`` sets it): the credited wire for an unchanged
    # copy of a wire story, else its syndication group.
    source: str | None = None


@dataclass(slots=True)
class Mention:
    article: TimelineArticle
    date: str | None
    precision: str | None
    summary: str
    sentence: Span
    attributions: list[Attribution]
    deadline: bool
    terms: frozenset[str]
    words: frozenset[str]
    # The words of the time expression that dates the mention ("nov 27"), when known.
    date_text: str = ""
    # Numbers its sentence states outside time expressions ("four sources", "US$50 million").
    numbers: frozenset[str] = frozenset()
    # Dated by its article's publication day for want of a date of its own (summaries only).
    assumed: bool = False


@dataclass(slots=True)
class Entry:
    date: str | None
    precision: str | None
    summary: str
    mentions: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    independent_sources: int
    first_reported: dict[str, Any] | None
    status: str
    deadline: bool
    deadline_status: str | None = None
    conflicts: list[dict[str, Any]] = field(default_factory=list)
    score: float = 0.0
    # How a summary timeline dated the entry: "text" (its own date) or "published" (its
    # article's publication day, for want of one); None in full timelines.
    dated_by: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "date": self.date,
            "precision": self.precision,
            "summary": self.summary,
            "mentions": self.mentions,
            "sources": self.sources,
            "independent_sources": self.independent_sources,
            "first_reported": self.first_reported,
            "status": self.status,
            "deadline": self.deadline,
        }
        if self.deadline_status:
            d["deadline_status"] = self.deadline_status
        if self.dated_by:
            d["dated_by"] = self.dated_by
        if self.conflicts:
            d["conflicts"] = self.conflicts
        return d


@dataclass(slots=True)
class Timeline:
    story: dict[str, Any]
    entries: list[Entry]
    # Per article, in publication order: the entries it was first to report.
    novelty: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "story": self.story,
            "entries": [e.to_dict() for e in self.entries],
            "novelty": self.novelty,
        }


# -- 1. mentions --------------------------------------------------------------------------------


def _precision(value: str) -> str | None:
    if re.fullmatch(r"\d{4}", value):
        return "year"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T.*", value):
        return "time"
    return None


# Copies of one wire story repeat the same sentences and summaries: each text is read once.
@functools.lru_cache(maxsize=65536)
def _words(text: str) -> frozenset[str]:
    return frozenset(re.findall(r"[^\W_]+", text.lower().replace("\u00a0", " ")))


@functools.lru_cache(maxsize=65536)
def _terms(text: str) -> frozenset[str]:
    return frozenset(content_terms(text))


@functools.lru_cache(maxsize=65536)
def _numbers_outside(text: str, holes: tuple[tuple[int, int], ...]) -> frozenset[str]:
    pieces, pos = [], 0
    for start, end in holes:
        pieces.append(text[pos : max(pos, start)])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return frozenset(_NUMBER.findall(" ".join(pieces)))


def _inside(span: Span, att: Attribution) -> bool:
    return span.start <= att.cue.start < span.end


def _sentence_numbers(a: Analysis, sent: Span) -> frozenset[str]:
    """Numbers of a sentence outside its time expressions."""
    holes = tuple(
        sorted(
            (max(t.start, sent.start) - sent.start, min(t.end, sent.end) - sent.start)
            for t in a.timexes
            if t.end > sent.start and t.start < sent.end
        )
    )
    return _numbers_outside(sent.text, holes)


def mentions_of(article: TimelineArticle) -> list[Mention]:
    """The dated (and undated) event mentions of one article."""
    a = article.analysis
    out = []
    for ev in a.events:
        atts = [a.attributions[i] for i in ev.attributions if 0 <= i < len(a.attributions)]
        date = ev.date.value if ev.date else None
        precision = (ev.date.precision if ev.date else None) or (date and _precision(date))
        tx = ev.date.timex if ev.date else None
        date_text = a.timexes[tx].text if tx is not None and 0 <= tx < len(a.timexes) else ""
        out.append(
            Mention(
                article=article,
                date=date,
                precision=precision,
                summary=ev.summary,
                sentence=ev.sentence,
                attributions=atts,
                deadline=ev.deadline,
                terms=_terms(ev.summary),
                words=_words(ev.sentence.text),
                date_text=_flat(date_text),
                numbers=_sentence_numbers(a, ev.sentence),
            )
        )
    if out or not a.sentences:
        return out
    # An analysis without events: every sentence that holds a calendar date is a mention.
    for sent in a.sentences:
        for t in a.timexes:
            if t.type != "DATE" or not (sent.start <= t.start < sent.end):
                continue
            precision = _precision(t.value)
            if precision is None:
                continue
            out.append(
                Mention(
                    article=article,
                    date=t.value,
                    precision=precision,
                    summary=sent.text.strip(),
                    sentence=sent,
                    attributions=[x for x in a.attributions if _inside(sent, x)],
                    deadline=t.deadline,
                    terms=_terms(sent.text),
                    words=_words(sent.text),
                    date_text=_flat(t.text),
                    numbers=_sentence_numbers(a, sent),
                )
            )
            break
    return out


# -- 2./3. grouping -----------------------------------------------------------------------------


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


class _Groups:
    """Union-find over mention indexes."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def _rarity(df: Counter[str]) -> dict[str, int]:
    """Each word's rank, rarest first (ties by the word): ``_prefix``'s order, looked up once."""
    return {w: k for k, w in enumerate(sorted(df, key=lambda w: (df[w], w)))}


def _prefix(items: frozenset[str], rank: dict[str, int], threshold: float) -> list[str]:
    """The rarest words of a set that any set at least ``threshold``-similar (Jaccard) to it
    must share one of (prefix filtering): with an overlap of at least ``a`` needed, any
    ``len - a + 1`` of its words hold one of the shared ones."""
    need = max(1, math.ceil(threshold * len(items)))
    return sorted(items, key=rank.__getitem__)[: len(items) - need + 1]


def _same_event_pairs(mentions: list[Mention], groups: _Groups) -> None:
    """Join mentions of one date whose summaries share most content words. Identical summaries
    (a wire story on fifty sites) are joined first, so only distinct summaries are compared."""
    by_key: dict[tuple[str | None, frozenset[str]], list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        by_key[(m.date, m.terms)].append(i)
    reps: dict[str | None, list[tuple[frozenset[str], int]]] = defaultdict(list)
    for (date, terms), idxs in by_key.items():
        for j in idxs[1:]:
            groups.union(idxs[0], j)
        reps[date].append((terms, idxs[0]))
    for items in reps.values():
        _join_alike([terms for terms, _ in items], [i for _, i in items], groups)


# A set with fewer candidates than this is compared in Python; with more, in numpy (whose
# per-call cost only pays off over many candidates).
_VECTOR_FROM = 12


def _join_alike(sets: list[frozenset[str]], roots: list[int], groups: _Groups) -> None:
    """Join ``roots[x]`` and ``roots[y]`` for every pair of ``sets`` at least ``SAME_EVENT``
    alike (Jaccard). Candidates are the sets sharing one of the rarest words (prefix
    filtering); the undated mentions of a whole workspace give millions of them, so their
    overlaps are counted in numpy: the words of all candidates are looked up at once in a mask
    of the set's own words. Same pairs, same arithmetic as ``_jaccard``."""
    import numpy as np

    vocab = _rarity(Counter(t for terms in sets for t in terms))
    sizes = np.fromiter((len(terms) for terms in sets), dtype=np.int64, count=len(sets))
    indptr = np.zeros(len(sets) + 1, dtype=np.int64)
    np.cumsum(sizes, out=indptr[1:])
    flat = np.fromiter(
        (vocab[t] for terms in sets for t in terms), dtype=np.int64, count=int(indptr[-1])
    )
    mask = np.zeros(len(vocab), dtype=np.int64)
    index: dict[str, list[int]] = defaultdict(list)
    for x, terms in enumerate(sets):
        candidates = {y for t in _prefix(terms, vocab, SAME_EVENT) for y in index.get(t, ())}
        if len(candidates) < _VECTOR_FROM:
            for y in candidates:
                if _jaccard(terms, sets[y]) >= SAME_EVENT:
                    groups.union(roots[x], roots[y])
        else:
            ys = np.fromiter(candidates, dtype=np.int64, count=len(candidates))
            lens = sizes[ys]  # never 0: a candidate shares a word
            offsets = np.cumsum(lens) - lens
            # Where each candidate's words sit in ``flat``, all candidates one after another.
            pos = np.repeat(indptr[ys] - offsets, lens) + np.arange(int(lens.sum()))
            own = flat[indptr[x] : indptr[x + 1]]
            mask[own] = 1
            overlap = np.add.reduceat(mask[flat[pos]], offsets)
            mask[own] = 0
            alike = overlap / (sizes[x] + lens - overlap) >= SAME_EVENT
            for y in ys[alike].tolist():
                groups.union(roots[x], roots[y])
        for t in terms:
            index[t].append(x)


@dataclass(slots=True)
class _Account:
    """Mentions telling one sentence the same way (same words, date and numbers)."""

    words: frozenset[str]
    terms: frozenset[str]
    date: str | None
    numbers: frozenset[str]
    members: list[int] = field(default_factory=list)
    articles: set[str] = field(default_factory=set)
    ends: set[str] = field(default_factory=set)
    copies_of: set[str] = field(default_factory=set)
    changed: bool = False


def _accounts(mentions: list[Mention]) -> list[_Account]:
    by_key: dict[tuple[frozenset[str], str | None, frozenset[str]], _Account] = {}
    for i, m in enumerate(mentions):
        key = (m.words, m.date, m.numbers)
        acc = by_key.get(key)
        if acc is None:
            acc = by_key[key] = _Account(m.words, m.terms, m.date, m.numbers)
        acc.members.append(i)
        acc.articles.add(m.article.key)
        acc.ends.update((m.article.key, _group(m.article)))
        if m.article.copy_of:
            acc.copies_of.add(m.article.copy_of)
        acc.changed = acc.changed or _changed(m)
    return list(by_key.values())


def _accounts_related(a: _Account, b: _Account) -> bool:
    groups_a = a.ends
    groups_b = b.ends
    return bool(groups_a & groups_b) or bool(a.copies_of & groups_b) or bool(b.copies_of & groups_a)


class _RelatedIndex:
    """The accounts seen so far, by their ends and by what they copy: ``related(a)`` gives
    exactly those for which ``_accounts_related(a, b)`` holds, without comparing ``a`` to
    every account (only copies of one text can tell one account two ways, and a text has
    few sentences, so a whole workspace's accounts are compared in near-linear time)."""

    def __init__(self) -> None:
        self.by_end: dict[str, list[int]] = defaultdict(list)
        self.by_copy: dict[str, list[int]] = defaultdict(list)

    def related(self, a: _Account) -> set[int]:
        found: set[int] = set()
        for e in a.ends:
            found.update(self.by_end.get(e, ()))  # a shared article or group
            found.update(self.by_copy.get(e, ()))  # b copies a
        for c in a.copies_of:
            found.update(self.by_end.get(c, ()))  # a copies b
        return found

    def size(self, a: _Account) -> int:
        """How many entries ``related(a)`` reads (an upper bound on what it returns)."""
        ends = sum(len(self.by_end.get(e, ())) + len(self.by_copy.get(e, ())) for e in a.ends)
        return ends + sum(len(self.by_end.get(c, ())) for c in a.copies_of)

    def add(self, x: int, a: _Account) -> None:
        for e in a.ends:
            self.by_end[e].append(x)
        for c in a.copies_of:
            self.by_copy[c].append(x)


def group_mentions(mentions: list[Mention]) -> tuple[list[list[int]], set[int]]:
    """Mention indexes grouped into entries, and the roots of groups holding a conflict."""
    groups = _Groups(len(mentions))
    _same_event_pairs(mentions, groups)
    # One account told two ways: near-identical sentences in copies of one text with a
    # different date or different numbers. Identical tellings are collapsed first, and the
    # rest compared only when they are copies of one text (``_RelatedIndex``) and share one of
    # their rarest words (prefix filtering: a pair lacking one cannot be ``SAME_ACCOUNT``-alike),
    # the pairs found from whichever of the two indexes gives fewer (many small articles: the
    # copies; the edited copies of one big wire story: the words).
    accounts = _accounts(mentions)
    for acc in accounts:
        for j in acc.members[1:]:
            groups.union(acc.members[0], j)
    conflicts: list[int] = [acc.members[0] for acc in accounts if acc.changed]
    words_rank = _rarity(Counter(w for acc in accounts for w in acc.words))
    related = _RelatedIndex()
    index: dict[str, list[int]] = defaultdict(list)
    for x, a in enumerate(accounts):
        prefix = frozenset(_prefix(a.words, words_rank, SAME_ACCOUNT))
        if sum(len(index.get(w, ())) for w in prefix) < related.size(a):
            candidates = {y for w in prefix for y in index.get(w, ())}
            candidates = {y for y in candidates if _accounts_related(a, accounts[y])}
        else:
            candidates = related.related(a)
            candidates = {y for y in candidates if not prefix.isdisjoint(accounts[y].words)}
        related.add(x, a)
        for w in a.words:
            index[w].append(x)
        for y in candidates:
            b = accounts[y]
            if _jaccard(a.words, b.words) < SAME_ACCOUNT:
                continue
            # One sentence can report several events ("expired on Nov 28, prompting Trump
            # to declare on Nov 29 ..."): only the same event told two ways conflicts.
            if _jaccard(a.terms, b.terms) < SAME_EVENT:
                continue
            numbers_differ = bool(
                a.numbers and b.numbers and (a.numbers - b.numbers) and (b.numbers - a.numbers)
            )
            # The very same words and figures dated apart are one text rerun on another day:
            # each copy reads "last Friday" against its own page date, which tells nothing new.
            verbatim = a.words == b.words and a.numbers == b.numbers
            if not verbatim and (_dates_differ(a.date, b.date) or numbers_differ):
                conflicts.append(a.members[0])
            groups.union(a.members[0], b.members[0])
    contested = {groups.find(i) for i in conflicts}
    out: dict[int, list[int]] = defaultdict(list)
    for i in range(len(mentions)):
        out[groups.find(i)].append(i)
    contested |= _independent_date_conflicts(mentions, list(out.values()), groups)
    return list(out.values()), contested


# Independent accounts of one event (different articles, not copies of each other) that date it
# a few days apart conflict; further apart, it is more likely the event happened twice.
CONFLICT_DAYS = 3


def _independent_date_conflicts(
    mentions: list[Mention], entries: list[list[int]], groups: _Groups
) -> set[int]:
    """Roots of entries whose event another entry dates differently: same summary words, day
    dates at most ``CONFLICT_DAYS`` apart, and no article giving both dates (an article that
    reports the event on both days reports a recurring event, not a conflict; neither do two
    sentences giving different figures, a count updated day by day). The entries stay
    apart (both dates are shown); both are marked contested."""
    reps = []
    for idxs in entries:
        dated = [mentions[i] for i in idxs if mentions[i].precision == "day" and mentions[i].date]
        if not dated or any(m.assumed for m in dated):
            continue
        first = dated[0]
        reps.append(
            (
                groups.find(idxs[0]),
                first.date,
                first.terms,
                {m.article.key for m in dated},
                first.numbers,
            )
        )
    index: dict[str, list[int]] = defaultdict(list)
    found: set[int] = set()
    for x, (root, date, terms, arts, numbers) in enumerate(reps):
        seen: set[int] = set()
        for t in terms:
            for y in index.get(t, ()):
                if y in seen:
                    continue
                seen.add(y)
                oroot, odate, oterms, oarts, onumbers = reps[y]
                if odate == date or arts & oarts or _jaccard(terms, oterms) < SAME_ACCOUNT:
                    continue
                if numbers and onumbers and numbers != onumbers:
                    continue  # a quantity reported day by day ("the toll rose to 12")
                if date is None or odate is None:
                    continue
                try:
                    gap = abs(
                        (dt.date.fromisoformat(date[:10]) - dt.date.fromisoformat(odate[:10])).days
                    )
                except (TypeError, ValueError):
                    continue
                if gap <= CONFLICT_DAYS:
                    found.update((root, oroot))
        for t in terms:
            index[t].append(x)
    return found


def _related(a: TimelineArticle, b: TimelineArticle) -> bool:
    """Copies of one text: the same syndication group, or one copies or rewrites the other.
    Only their accounts can conflict sentence by sentence; formulaic sentences in unrelated
    articles ("the toll rose to 12 on Monday") are different events."""
    if _group(a) == _group(b):
        return True
    ends_a = {a.key, _group(a)}
    ends_b = {b.key, _group(b)}
    return (a.copy_of in ends_b) or (b.copy_of in ends_a)


def _dates_differ(a: str | None, b: str | None) -> bool:
    """Two dates that cannot both be right ("2025-11" and "2025-11-21" can)."""
    if a is None or b is None:
        return False
    return not (a.startswith(b) or b.startswith(a))


def _flat(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+", text.lower()))


def _changed(m: Mention) -> bool:
    """Does this mention carry a fact its article changed against its original? A changed date
    counts where it dates this mention; a changed number anywhere in its sentence."""
    if not m.article.changed:
        return False  # most articles changed nothing: their sentences need not be read
    sentence = _flat(m.sentence.text)
    for kind, after in m.article.changed:
        if not after:
            continue
        if kind == "date" and m.date_text and after in m.date_text:
            return True
        if kind != "date" and re.search(rf"\b{re.escape(after)}\b", sentence):
            return True
    return False


# -- 4. entries ---------------------------------------------------------------------------------


def _pub_key(article: TimelineArticle) -> tuple[str, str]:
    return (_first_copy(article)[2] or "9999", article.key)


def _first_copy(article: TimelineArticle) -> tuple[str, str | None, str | None]:
    """(key, outlet, published) of the article's earliest copy: who reported it first."""
    return article.earliest or (article.key, article.outlet, article.published)


def _group(article: TimelineArticle) -> str:
    """Its syndication group: copies of one text. Conflicts are looked for within these."""
    return article.group or article.key


def _source(article: TimelineArticle) -> str:
    """Its independent source: what every count of sources counts once."""
    return article.source or _group(article)


def assign_sources(articles: list[TimelineArticle]) -> None:
    """Set each article's independent source. Copies of one wire story are one source even
    when dedup could not match their texts (a translation and back shares few word runs with
    the wire): an article that credits a wire ("(Reuters)", ``Article.wire``) counts with every
    group whose copies credit the same wire. An article that changed a fact against the copy it
    was made from (a rewrite) is its own account and keeps its own group, so the changed fact
    is still told apart; so is an article in its own words citing the wire ("Reuters
    reported"), which has no wire credit."""
    wire_of: dict[str, str] = {}
    for a in sorted(articles, key=_pub_key):
        wire = " ".join((a.analysis.article.wire or "").lower().split())
        if wire and not a.changed:
            wire_of.setdefault(_group(a), wire)
    for a in articles:
        credited = wire_of.get(_group(a))
        a.source = f"wire:{credited}" if credited and not a.changed else None


_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "his", "her", "their", "its"})


def _source_text(m: Mention, att: Attribution) -> str:
    """The source as written, or the entity's name when the text is a pronoun ("he said")."""
    src = att.source
    if src is None:
        return m.article.outlet or ""
    if src.entity_id and src.text.strip().lower() in _PRONOUNS:
        ent = m.article.analysis.entity(src.entity_id)
        if ent is not None:
            return ent.name
    return src.text


def _sources(ms: list[Mention]) -> list[dict[str, Any]]:
    """Who says so: each source once, with the outlet that first carried it and how many
    independent groups (syndicated copies once) carry it. An article that credits no one is
    its own (or its group's original outlet's) reporting."""
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    groups: dict[tuple[str, str], set[str]] = {}
    original_outlet: dict[str, str | None] = {}
    for m in sorted(ms, key=lambda m: _pub_key(m.article)):
        group = _source(m.article)
        original_outlet.setdefault(group, _first_copy(m.article)[1])
        outlet = original_outlet[group]
        if not m.attributions:
            key = ("reporter", (outlet or group).lower())
            seen.setdefault(
                key, {"outlet": outlet, "type": "reporter", "count": None, "text": outlet}
            )
            groups.setdefault(key, set()).add(group)
            continue
        for att in m.attributions:
            src = att.source
            stype = src.type if src else "reporter"
            text = _source_text(m, att)
            key = (stype, " ".join(text.lower().split()))
            groups.setdefault(key, set()).add(group)
            if key in seen:
                continue
            item: dict[str, Any] = {
                "outlet": outlet,
                "type": stype,
                "count": src.count if src else None,
                "text": text,
            }
            if att.polarity != "assert":
                item["polarity"] = att.polarity
            if att.hedged:
                item["hedged"] = True
            seen[key] = item
    for key, item in seen.items():
        item["outlets"] = len(groups[key])
    return list(seen.values())


def _status(ms: list[Mention], contested: bool) -> str:
    polarities = {att.polarity for m in ms for att in m.attributions}
    if contested or ("deny" in polarities and "assert" in polarities):
        return "contested"
    if polarities == {"deny"}:
        return "denied"
    named = any(
        att.polarity == "assert"
        and not att.hedged
        and att.source
        and att.source.type in NAMED_TYPES
        for m in ms
        for att in m.attributions
    )
    return "confirmed" if named else "reported"


def _central(ms: list[Mention]) -> Mention:
    """The mention whose summary the entry shows: the first report's. It stays put as later
    articles arrive, so followers (digests, feeds) see a stable entry."""
    return min(ms, key=lambda m: (_pub_key(m.article), m.sentence.start))


def _entry(ms: list[Mention], contested: bool, today: dt.date) -> Entry:
    dates = Counter(m.date for m in ms if m.date)
    groups = {_source(m.article) for m in ms}
    # The date most independent sources give; a conflict keeps the earliest report's date.
    if dates:

        def support(d: str) -> tuple[int, int, tuple[str, str]]:
            dm = [m for m in ms if m.date == d]
            earliest = min(_pub_key(m.article) for m in dm)
            return (len({_source(m.article) for m in dm}), len(dm), _neg(earliest))

        date = max(dates, key=support)
    else:
        date = None
    precision = next((m.precision for m in ms if m.date == date), None)
    central = _central([m for m in ms if m.date == date] or ms)
    first = min(ms, key=lambda m: _pub_key(m.article))
    deadline = any(m.deadline for m in ms)
    deadline_status = None
    if deadline and date and precision in ("day", "time"):
        try:
            when = dt.date.fromisoformat(date[:10])
            deadline_status = "expired" if when < today else "upcoming"
        except ValueError:
            deadline_status = None
    conflicts = []
    if contested and len(dates) > 1:
        conflicts = [
            {"date": d, "independent_sources": len({_source(m.article) for m in ms if m.date == d})}
            for d in sorted(dates)
        ]
    seen_articles: set[tuple[str, int]] = set()
    mention_dicts = []
    for m in sorted(ms, key=lambda m: _pub_key(m.article)):
        k = (m.article.key, m.sentence.start)
        if k in seen_articles:
            continue
        seen_articles.add(k)
        mention_dicts.append({"article": m.article.key, "sentence": m.sentence.text})
    return Entry(
        date=date,
        precision=precision,
        summary=central.summary,
        mentions=mention_dicts,
        sources=_sources(ms),
        independent_sources=len(groups),
        first_reported=dict(
            zip(("article", "outlet", "published"), _first_copy(first.article), strict=True)
        ),
        status=_status(ms, contested),
        deadline=deadline,
        deadline_status=deadline_status,
        conflicts=conflicts,
        dated_by=("published" if all(m.assumed for m in ms) else None),
        score=(len(groups) + 0.1 * len(ms)) * (0.5 if all(m.assumed for m in ms) else 1.0),
    )


def _neg(key: tuple[str, str]) -> tuple[str, str]:
    # Inverts string order so max() prefers the earliest report.
    return tuple("".join(chr(0x10FFFF - ord(c)) for c in part) for part in key)  # type: ignore[return-value]


def _date_sort(e: Entry) -> tuple[int, str, float]:
    return (0, e.date, -e.score) if e.date else (1, "", -e.score)


# -- 5. summaries -------------------------------------------------------------------------------


def summarise(entries: list[Entry], max_dates: int | None, per_date: int | None) -> list[Entry]:
    """Keep the ``max_dates`` most important days and the ``per_date`` best entries of each,
    ranked from the entries alone (``storyline.stories.summarize.summarise``): the path for
    analyses without sentences; ``build_timeline`` summarises the others from their sentences."""
    from storyline.stories.summarize import summarise as summarise_entries

    return summarise_entries(entries, max_dates, per_date)


def sentence_mention(
    article: TimelineArticle, sentence: Span, date: str | None, precision: str | None
) -> Mention:
    """A mention made of one whole sentence of an article (summary timelines pick sentences)."""
    a = article.analysis
    return Mention(
        article=article,
        date=date,
        precision=precision,
        summary=sentence.text.strip(),
        sentence=sentence,
        attributions=[x for x in a.attributions if _inside(sentence, x)],
        deadline=any(
            t.deadline and t.value[:10] == (date or "")[:10]
            for t in a.timexes
            if sentence.start <= t.start < sentence.end
        ),
        terms=_terms(sentence.text),
        words=_words(sentence.text),
        numbers=_sentence_numbers(a, sentence),
    )


def entry_of(mentions: list[Mention], today: dt.date, contested: bool = False) -> Entry:
    """One timeline entry of ``mentions`` (sources, first report, status), as the timeline
    makes them."""
    return _entry(mentions, contested, today)


def build_timeline(
    articles: list[TimelineArticle],
    *,
    story: dict[str, Any] | None = None,
    max_dates: int | None = None,
    per_date: int | None = None,
    today: dt.date | None = None,
) -> Timeline:
    """Merge the event mentions of ``articles`` into a timeline."""
    today = today or dt.date.today()
    articles = sorted(articles, key=_pub_key)
    assign_sources(articles)
    mentions = [m for a in articles for m in mentions_of(a)]
    if max_dates is not None or per_date is not None:
        _date_by_publication(mentions)
        if any(a.analysis.sentences for a in articles):
            # A summary keeps a few dozen entries: its days are chosen first and only their
            # mentions are grouped (grouping all of thousands of articles takes minutes).
            from storyline.stories.summarize import summary_timeline

            entries = summary_timeline(articles, mentions, max_dates, per_date, today)
            return Timeline(story=story or {"id": None, "title": None}, entries=entries)
    groups, contested = group_mentions(mentions)
    entries = []
    entry_of_mention: dict[int, int] = {}
    for idxs in groups:
        root = min(idxs)
        ms = [mentions[i] for i in idxs]
        entries.append(_entry(ms, root in contested, today))
        for i in idxs:
            entry_of_mention[i] = len(entries) - 1
    order = sorted(range(len(entries)), key=lambda i: _date_sort(entries[i]))
    novelty = _novelty(articles, mentions, entry_of_mention, entries)
    ordered = [entries[i] for i in order]
    ordered = summarise(ordered, max_dates, per_date)
    return Timeline(story=story or {"id": None, "title": None}, entries=ordered, novelty=novelty)


def _date_by_publication(mentions: list[Mention]) -> None:
    """For a summary timeline, an undated event is dated by its article's publication day (news
    reports what happened that day or the day before), at half weight."""
    for m in mentions:
        if m.date is None and m.article.published and _precision(m.article.published[:10]):
            m.date, m.precision, m.assumed = m.article.published[:10], "day", True


def _novelty(
    articles: list[TimelineArticle],
    mentions: list[Mention],
    entry_of_mention: dict[int, int],
    entries: list[Entry],
) -> list[dict[str, Any]]:
    """For each article, in publication order, the entries no earlier article had reported."""
    from storyline.stories.novelty import first_reports

    return first_reports(
        [a.key for a in articles],
        [(m.article.key, entry_of_mention[i]) for i, m in enumerate(mentions)],
        [{"date": e.date, "summary": e.summary} for e in entries],
        published={a.key: a.published for a in articles},
        groups={a.key: _group(a) for a in articles},
    )
