"""Summary timelines: the ``max_dates`` most important days of a timeline and the ``per_date``
most central, non-redundant entries of each (``timeline --max-dates N --per-date K``).

An unsupervised timeline-summarisation (TLS) method in the line of the date-wise approaches
(Tran et al. 2015; Martschat & Markert 2018; Gholipour Ghalandari & Ifrim 2020), on the merged
entries of ``storyline.stories.timeline``:

1. **Days.** Every article votes once for each day its entries give a date of their own (a timex
   resolved against its article's publication date), and once for its publication day through
   the entries that have no date of their own (news reports the day's events). Votes are
   weighted by *topicality*, the TF-IDF cosine of the entries with the story centroid (every
   article counts once in it), so the side items of a live blog do not outvote the story; an
   article votes once for a day however many of its sentences give it, and syndicated copies
   share one vote. Days after the last publication (plans, deadlines) count at a lower weight.
   Month and year dates are not days: they only fill a summary when there are too few days.
2. **Entries.** Within a chosen day, entries are ranked by maximal marginal relevance: their
   similarity to the day's centroid (its entries' TF-IDF vectors weighted by their sources) times
   their importance and informativeness, minus their similarity to what was already chosen (on
   that day and on the others), so one event retold on two days is not picked twice.

An entry dated by publication keeps its own date empty in the full timeline; in a summary it is
shown on its publication day with ``precision`` "day" and ``dated_by`` "published" (entries dated
by their text say ``dated_by`` "text").

Deterministic: ties are broken by date and by the entries' order. Cost: one sparse TF-IDF matrix
over the entries' texts and, per chosen day, products with its candidates.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from scipy import sparse

from storyline.rules import load_list
from storyline.stories.features import content_terms
from storyline.stories.timeline import Entry


@dataclass(frozen=True, slots=True)
class SummaryParams:
    """The method's knobs (defaults chosen on the dev timelines of benchmarks/tls.py)."""

    # Weight of an article's vote for its publication day (a date it gives its events counts 1;
    # at 1.0 a lone article's own day pushes out a day its events happened on).
    published_vote: float = 0.5
    # How strongly topicality scales a vote: vote * topicality ** topic_power.
    topic_power: float = 1.0
    # Weight of votes for days after the last publication (announced plans, deadlines).
    future_vote: float = 0.5
    # Within a day: relevance weight of an entry dated by publication against one dated by text.
    published_entry: float = 0.65
    # Within a day, centrality = day_weight * cosine to the day's centroid + (1 - day_weight) *
    # cosine to the story's (topicality).
    day_weight: float = 0.5
    # MMR trade-off between relevance and redundancy.
    mmr_lambda: float = 0.7
    # TF-IDF cosine at which a candidate retells an entry already chosen: it is taken only
    # when nothing else is left.
    duplicate: float = 0.8
    # Picks per day made by MMR; beyond them (a day listed whole) entries follow by relevance.
    mmr_depth: int = 50
    # Summaries shorter than this many words are penalised (fragments such as "I am testifying").
    min_words: int = 6
    # ... and longer than this (run-on sentences, lists).
    max_words: int = 30


DEFAULT = SummaryParams()
_WORD = re.compile(r"[^\W_]+")
_QUOTES = frozenset("\"'“‘”’«")


@dataclass(slots=True)
class _Candidate:
    entry: Entry
    index: int
    day: str
    # "text" (a day-precise date of its own), "coarse" (a month or a year), "published".
    dated_by: str
    text: str


def _text(e: Entry) -> str:
    sentence = e.mentions[0].get("sentence", "") if e.mentions else ""
    return f"{e.summary} {sentence}"


def _published_day(e: Entry) -> str | None:
    first = e.first_reported or {}
    published = first.get("published")
    if isinstance(published, str) and re.match(r"\d{4}-\d{2}-\d{2}", published):
        return published[:10]
    return None


def _candidates(entries: list[Entry]) -> list[_Candidate]:
    out = []
    for i, e in enumerate(entries):
        if e.date and e.dated_by == "published":
            out.append(_Candidate(e, i, e.date[:10], "published", _text(e)))
        elif e.date and re.match(r"\d{4}-\d{2}-\d{2}", e.date):
            out.append(_Candidate(e, i, e.date[:10], "text", _text(e)))
        elif e.date:
            out.append(_Candidate(e, i, e.date, "coarse", _text(e)))
        else:
            day = _published_day(e)
            if day is not None:
                out.append(_Candidate(e, i, day, "published", _text(e)))
    return out


def _vectors(texts: list[str]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows: content words (no stop words, no bare numbers), sublinear tf,
    smoothed idf. Built here rather than with scikit-learn: the timeline command then loads no
    extra library, and the tokeniser is the one the timeline groups events with."""
    vocab: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    vals: list[float] = []
    for i, text in enumerate(texts):
        for word, count in content_terms(text).items():
            if word.isdigit():
                continue
            rows.append(i)
            cols.append(vocab.setdefault(word, len(vocab)))
            vals.append(1.0 + math.log(count))
    shape = (len(texts), max(len(vocab), 1))
    m = sparse.csr_matrix((vals, (rows, cols)), shape=shape, dtype=float)
    df = np.bincount(np.asarray(cols, dtype=np.int64), minlength=shape[1])
    idf = np.log((1.0 + shape[0]) / (1.0 + df)) + 1.0
    m = sparse.csr_matrix(m @ sparse.diags(idf))
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _normalise(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n > 0 else v


@lru_cache(maxsize=1)
def _weak_openers() -> frozenset[str]:
    return frozenset(load_list("summary_weak_openers.txt", lower=True))


def _informative(e: Entry, p: SummaryParams) -> float:
    """Prefer summaries a reader can use alone: whole statements of moderate length that do not
    lean on their context (a pronoun subject, a connective), ask a question, or stammer."""
    words = _WORD.findall(e.summary.lower())
    n = len(words)
    if n == 0:
        return 0.0
    f = 1.0
    if n < p.min_words:
        f *= max(0.2, n / p.min_words)
    elif n > p.max_words:
        f *= max(0.5, p.max_words / n)
    if words[0] in _weak_openers():
        f *= 0.5
    sentence = e.mentions[0].get("sentence", "") if e.mentions else e.summary
    if sentence.rstrip(" \"'”’)").endswith("?"):
        f *= 0.3
    if e.summary.lstrip()[:1] in _QUOTES:
        f *= 0.6
    if n >= 6 and len(set(words)) < 0.6 * n:
        f *= 0.3
    return f


def _importance(e: Entry) -> float:
    return 1.0 + math.log1p(max(e.independent_sources, 1))


def summarise(
    entries: list[Entry],
    max_dates: int | None,
    per_date: int | None,
    params: SummaryParams = DEFAULT,
) -> list[Entry]:
    """The summary timeline of ``entries``: at most ``max_dates`` days, at most ``per_date``
    entries a day, in date order. With neither limit, ``entries`` are returned unchanged."""
    if max_dates is None and per_date is None:
        return entries
    cands = _candidates(entries)
    if not cands:
        return []
    p = params
    matrix = _vectors([c.text for c in cands])
    # Sources count sublinearly: one entry merged from a hundred mentions must not become the
    # centroid of its day or of the story by itself.
    weights = np.array([_importance(c.entry) for c in cands], dtype=float)
    topicality = np.clip(matrix @ _story_centroid(cands, matrix, weights), 0.0, None)
    days = _rank_days(cands, topicality, p)
    if max_dates is not None:
        days = days[:max_dates]
    chosen: list[int] = []
    kept: list[Entry] = []
    by_day: dict[str, list[int]] = defaultdict(list)
    for j, c in enumerate(cands):
        by_day[c.day].append(j)
    for day in sorted(days, key=_day_order):
        picks = _pick(by_day[day], cands, matrix, weights, topicality, chosen, per_date, p)
        chosen.extend(picks)
        kept.extend(_as_summary(cands[j], day) for j in picks)
    return kept


def _story_centroid(
    cands: list[_Candidate], matrix: sparse.csr_matrix, weights: np.ndarray
) -> np.ndarray:
    """What the story is about: the sum of its articles' own (normalised) centroids, so every
    article counts once, whether it is a wire brief or a live blog of thirty items."""
    keys: dict[str, int] = {}
    rows = [
        keys.setdefault(str((c.entry.first_reported or {}).get("article")), len(keys))
        for c in cands
    ]
    assign = sparse.csr_matrix(
        (weights, (rows, np.arange(len(cands)))), shape=(len(keys), len(cands))
    )
    per_article = sparse.csr_matrix(assign @ matrix)
    norms = np.sqrt(np.asarray(per_article.multiply(per_article).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return _normalise(np.asarray((sparse.diags(1.0 / norms) @ per_article).sum(axis=0)).ravel())


def _day_order(day: str) -> tuple[str, int]:
    return (day[:10], -len(day))


def _rank_days(cands: list[_Candidate], topicality: np.ndarray, p: SummaryParams) -> list[str]:
    """Days by their votes, best first; month and year dates after every day.

    Each article votes once for each day its entries give, with the best topicality of its
    entries of that day, so many articles referring to a day outweigh one live blog dating
    thirty items "today". Copies share their vote: an entry told by k articles of s
    independent groups gives each article s/k of it. Entries without a date vote through their
    first report: each article votes once for its publication day, with the mean topicality of
    the undated entries it was first to report, times ``published_vote``."""
    topic = topicality**p.topic_power
    published = [d for d in (_published_day(c.entry) for c in cands) if d is not None]
    last = max(published) if published else None
    text_votes: dict[tuple[str, str], float] = defaultdict(float)
    pub_votes: dict[tuple[str, str], list[float]] = defaultdict(list)
    for c, t in zip(cands, topic, strict=True):
        if c.dated_by == "published":
            article = str((c.entry.first_reported or {}).get("article"))
            pub_votes[(article, c.day)].append(float(t))
            continue
        articles = list(dict.fromkeys(str(m.get("article")) for m in c.entry.mentions)) or [""]
        share = float(t) * min(1.0, max(c.entry.independent_sources, 1) / len(articles))
        for article in articles:
            key = (article, c.day)
            text_votes[key] = max(text_votes[key], share)
    score: dict[str, float] = defaultdict(float)
    for (_, day), x in text_votes.items():
        future = last is not None and day[:10] > last
        score[day] += x * (p.future_vote if future else 1.0)
    for (_, day), ts in pub_votes.items():
        score[day] += p.published_vote * sum(ts) / len(ts)
    days = [d for d in score if len(d) == 10 and score[d] > 0]
    coarse = [d for d in score if len(d) != 10 and score[d] > 0]
    return sorted(days, key=lambda d: (-score[d], d)) + sorted(coarse, key=lambda d: (-score[d], d))


def _pick(
    members: list[int],
    cands: list[_Candidate],
    matrix: sparse.csr_matrix,
    weights: np.ndarray,
    topicality: np.ndarray,
    chosen: list[int],
    per_date: int | None,
    p: SummaryParams,
) -> list[int]:
    """MMR over a day's candidates: centrality (to the day and to the story) * importance *
    informativeness, minus the similarity to entries already chosen on any day."""
    sub = matrix[members]
    centre = _normalise(np.asarray(sub.T @ weights[members]).ravel())
    central = np.clip(sub @ centre, 0.0, None)
    relevance = []
    for k, j in enumerate(members):
        c = cands[j]
        centrality = p.day_weight * float(central[k]) + (1 - p.day_weight) * float(topicality[j])
        r = centrality * _importance(c.entry) * _informative(c.entry, p)
        if c.dated_by == "published":
            r *= p.published_entry
        relevance.append(r)
    top = max(relevance) or 1.0
    rel = np.array(relevance) / top
    limit = len(members) if per_date is None else min(per_date, len(members))
    picks: list[int] = []
    taken = np.zeros(len(members), dtype=bool)
    sim_to_chosen = np.zeros(len(members))
    if chosen:
        sim_to_chosen = np.asarray((sub @ matrix[chosen].T).max(axis=1).todense()).ravel()
    # MMR for the first picks; a day listed whole (no --per-date) gets the rest by relevance,
    # which keeps a day of thousands of entries linear.
    while len(picks) < min(limit, p.mmr_depth):
        mmr = p.mmr_lambda * rel - (1 - p.mmr_lambda) * sim_to_chosen
        mmr[sim_to_chosen >= p.duplicate] -= 10.0
        mmr[taken] = -np.inf
        best = int(np.argmax(mmr))
        taken[best] = True
        picks.append(members[best])
        sims = np.asarray((sub @ matrix[members[best]].T).todense()).ravel()
        sim_to_chosen = np.maximum(sim_to_chosen, sims)
    if len(picks) < limit:
        rest = sorted((k for k in range(len(members)) if not taken[k]), key=lambda k: (-rel[k], k))
        picks.extend(members[k] for k in rest[: limit - len(picks)])
    return picks


def _as_summary(c: _Candidate, day: str) -> Entry:
    if c.dated_by == "published":
        return replace(c.entry, date=day, precision="day", dated_by="published")
    return replace(c.entry, dated_by="text")
