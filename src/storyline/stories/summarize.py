"""Summary timelines: the ``max_dates`` most important days of a timeline and the ``per_date``
best, non-redundant entries of each (``timeline --max-dates N --per-date K``).

Unsupervised timeline summarisation (TLS) in the line of the date-wise approaches (Tran et al.
2015; Martschat & Markert 2018; Gholipour Ghalandari & Ifrim 2020). Two paths:

* ``sentence_summary`` (what ``build_timeline`` uses when the articles' analyses are at hand):
  days ranked by the independent sources whose sentences' events are dated to them (topicality
  from a story signature of titles and leads; days recalled later count more; publication days
  a weaker vote), then per day whole, cleaned sentences picked by centrality x topicality with
  MMR; each pick carries its timeline entry (sources, status). Only the chosen days' mentions
  are grouped into entries, so thousands of articles take seconds.
* ``summarise`` on entries alone (callers without analyses): days by the entries' votes, MMR
  over the entries of a day.

An entry dated by publication shows its publication day with ``precision`` "day" and
``dated_by`` "published" (entries dated by their text say ``dated_by`` "text").

Deterministic: ties are broken by date and by order. Knobs and the figures they were chosen on:
``SentenceParams``, ``SummaryParams`` and docs/benchmarks.md ("Timeline summarisation").
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np
from scipy import sparse

from storyline.model import Analysis, Span
from storyline.rules import load_list
from storyline.stories.features import content_terms
from storyline.stories.timeline import (
    Entry,
    Mention,
    TimelineArticle,
    entry_of,
    group_mentions,
    sentence_mention,
)


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
    """L2-normalised TF-IDF rows of ``texts`` in their own vocabulary (``_Vectoriser``)."""
    docs = [_terms_of(t) for t in texts]
    return _Vectoriser(docs).transform(docs)


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
    entries a day, in date order. With neither limit, ``entries`` are returned unchanged. This
    ranks the entries alone: for analyses that keep their sentences, ``build_timeline`` uses
    ``summary_timeline`` (``sentence_summary``) instead."""
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


# -- sentence-level summary timelines (when the articles are at hand) ---------------------------


@dataclass(frozen=True, slots=True)
class SentenceParams:
    """Knobs of the sentence-level method (chosen on the dev topics of benchmarks/tls.py)."""

    # Weight of an article's vote for its publication day against a day it refers to (1.0).
    published_vote: float = 0.5
    # A vote is scaled by the article's topicality ** topic_power.
    topic_power: float = 0.5
    # ... and by the topicality of the sentence that refers to the day ** sentence_power.
    sentence_power: float = 1.0
    # Extra vote for an article's further sentences referring to the same day (x log count).
    repeat_vote: float = 1.0
    # The story's signature: words by the share of articles using them ** signature_power,
    # re-counted signature_rounds times with articles weighted by their topicality squared.
    signature_power: float = 1.0
    signature_rounds: int = 1
    # Words counted in the title and this many first sentences of each article (0: all).
    signature_lead: int = 3
    # Votes of articles recalling an earlier day (against their own day's news) count this much.
    recall_vote: float = 1.5
    recall_gap: int = 2
    # Where day references come from: "events" (the dates the analysis gave its events) or
    # "timexes" (every day-precise time expression).
    refs: str = "events"
    # Votes for days after the last publication (plans, deadlines) count this much.
    future_vote: float = 0.5
    # Days referred to this long before the first publication (history) or after the last
    # (far plans) are not candidates; percentiles keep a stray old or late article out.
    history_days: int = 45
    future_days: int = 14
    # Sentences published on a day (its news) count this much against sentences dating it.
    published_sentence: float = 1.0
    # Leading sentences of an article that may stand for its publication day.
    lead: int = 2
    # Within a day: weight of the day's centroid against the story's.
    day_weight: float = 0.3
    # How the two combine: "sum" (weighted) or "product" (weighted geometric mean).
    combine: str = "product"
    mmr_lambda: float = 0.7
    # A day's second and later picks need this share of its best pick's relevance.
    floor: float = 0.4
    # Cosine at which a sentence retells one already chosen (never shown).
    duplicate: float = 0.6
    # Cosine at which other sentences of the day are mentions of a chosen one (its entry).
    same_event: float = 0.5
    min_words: int = 6
    max_words: int = 25


SENTENCE_DEFAULT = SentenceParams()
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
# A dateline or a live blog's time stamp before the news: "WASHINGTON (Reuters) - ",
# "LONDON — ", "(Natural News) ", "9:50 am ET — ".
_DATELINE = re.compile(
    r"^(?:\((?:[^()]{1,40})\)\s*|[A-Z][A-Z .,'’-]{2,40}(?:\([^()]{1,30}\))?\s*[-—–]+\s*"
    r"|\d{1,2}:\d{2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?\s*[-—–]+\s*)"
)


@lru_cache(maxsize=1)
def _furniture() -> tuple[str, ...]:
    return tuple(load_list("summary_furniture.txt", lower=True))


def clean_sentence(text: str) -> str | None:
    """A sentence as a timeline summary: one line, no dateline, or None when it is page
    furniture (photo credits, links, sign-up lines) rather than news."""
    s = " ".join(text.replace("\u00a0", " ").split())
    low = s.lower()
    if any(f in low for f in _furniture()):
        return None
    s = _DATELINE.sub("", s, count=1).lstrip("-—–•* ")
    return s or None


@dataclass(slots=True)
class _Sent:
    article: int
    span: Span
    text: str
    day: str
    dated_by: str  # "text" (it refers to the day) or "published" (its article's day's news)


class _Vectoriser:
    """TF-IDF over the articles (sublinear tf, smoothed idf), applied to articles and to their
    sentences in one vocabulary, so sentences compare with the story's centroid."""

    def __init__(self, docs: list[Counter[str]]) -> None:
        self.vocab: dict[str, int] = {}
        df: Counter[str] = Counter()
        for d in docs:
            df.update(d.keys())
        for w in sorted(df):
            self.vocab[w] = len(self.vocab)
        n = len(docs)
        self.df = np.array([df[w] for w in self.vocab], dtype=float) / max(n, 1)
        self.idf = np.array(
            [math.log((1.0 + n) / (1.0 + df[w])) + 1.0 for w in self.vocab], dtype=float
        )

    def transform(self, docs: list[Counter[str]], binary: bool = False) -> sparse.csr_matrix:
        """L2-normalised rows: TF-IDF, or (``binary``) each known word once."""
        rows: list[int] = []
        cols: list[int] = []
        vals: list[float] = []
        for i, d in enumerate(docs):
            for w, c in d.items():
                j = self.vocab.get(w)
                if j is None:
                    continue
                rows.append(i)
                cols.append(j)
                vals.append(1.0 if binary else (1.0 + math.log(c)) * float(self.idf[j]))
        m = sparse.csr_matrix(
            (vals, (rows, cols)), shape=(len(docs), max(len(self.vocab), 1)), dtype=float
        )
        norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
        norms[norms == 0] = 1.0
        return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


def _terms_of(text: str) -> Counter[str]:
    return Counter({w: c for w, c in content_terms(text).items() if not w.isdigit()})


def _window(published: list[str], p: SentenceParams) -> tuple[str, str]:
    """The days a summary may pick: from a little before the story's first publications to a
    little after its last (2nd and 98th percentiles, so one stray article does not widen it)."""
    days = sorted(published)
    lo = days[int(0.02 * (len(days) - 1))]
    hi = days[math.ceil(0.98 * (len(days) - 1))]
    start = dt.date.fromisoformat(lo) - dt.timedelta(days=p.history_days)
    end = dt.date.fromisoformat(hi) + dt.timedelta(days=p.future_days)
    return start.isoformat(), end.isoformat()


def _day_refs(analysis: Analysis, source: str = "events") -> dict[int, set[str]]:
    """Sentence index -> the days it refers to: the dates the article's event mentions give
    (``events``: the date the analysis attached to each event), or every day-precise time
    expression of the sentence (``timexes``)."""
    starts = [s.start for s in analysis.sentences]
    out: dict[int, set[str]] = defaultdict(set)

    def at(pos: int) -> int | None:
        i = bisect.bisect_right(starts, pos) - 1
        return i if i >= 0 and pos < analysis.sentences[i].end else None

    if source == "events" and analysis.events:
        for ev in analysis.events:
            day = _day_of(ev.date.value) if ev.date else None
            i = at(ev.sentence.start) if day else None
            if day and i is not None:
                out[i].add(day)
        return out
    for t in analysis.timexes:
        day = _day_of(t.value) if t.type in ("DATE", "TIME") else None
        i = at(t.start) if day else None
        if day and i is not None:
            out[i].add(day)
    return out


def summary_timeline(
    articles: list[TimelineArticle],
    mentions: list[Mention],
    max_dates: int | None,
    per_date: int | None,
    today: dt.date,
) -> list[Entry]:
    """``sentence_summary`` for ``build_timeline``: the timeline's entries (mentions grouped,
    sources, status, conflicts) are made only for the days the summary keeps. Grouping every
    mention of thousands of articles costs minutes; a summary needs a few dozen entries."""

    def entries_of(days: set[str]) -> list[Entry]:
        # Mentions dated by their own text; those dated by publication (every undated sentence
        # of a day's articles) would make the grouping quadratic in a big collection, and a
        # sentence picked for its publication day gets an entry of its own retellings.
        ms = [m for m in mentions if m.date and m.date[:10] in days and not m.assumed]
        groups, contested = group_mentions(ms)
        return [entry_of([ms[i] for i in idxs], today, min(idxs) in contested) for idxs in groups]

    return sentence_summary(articles, entries_of, max_dates, per_date, SENTENCE_DEFAULT, today)


def sentence_summary(
    articles: list[TimelineArticle],
    entries: Callable[[set[str]], list[Entry]],
    max_dates: int | None,
    per_date: int | None,
    params: SentenceParams = SENTENCE_DEFAULT,
    today: dt.date | None = None,
) -> list[Entry]:
    """A summary timeline built from the articles' own sentences (the date-wise method of
    Martschat & Markert 2018 and Gholipour Ghalandari & Ifrim 2020):

    1. days are ranked by the articles that *refer* to them (time expressions resolved against
       each article's publication date; a syndication group votes once; each vote scaled by the
       article's topicality), with a weaker vote for each article's publication day;
    2. a chosen day's candidates are the whole sentences that refer to it, and the lead
       sentences of articles published that day that give no date of their own;
    3. candidates are ranked by their cosine with the day's and the story's centroids times
       their informativeness, and picked by MMR against everything already chosen;
    4. each pick becomes an entry: the timeline's entry holding the sentence, or one made of
       the sentences of that day that retell it (sources, independent sources, first report
       and status as in the full timeline).

    ``entries``: a function giving the timeline's entries for a set of days.
    """
    p = params
    today = today or dt.date.today()
    arts = [a for a in articles if a.analysis.sentences]
    if not arts:
        return []
    groups = [_independent(a) for a in arts]
    doc_terms = [
        _terms_of(f"{a.analysis.article.title or ''}\n{a.analysis.article.text}") for a in arts
    ]
    vec = _Vectoriser(doc_terms)
    pub = [_day_of(a.published) for a in arts]
    known = [d for d in pub if d]
    if not known:
        return []
    start, end = _window(known, p)
    last = max(known)
    refs = [_day_refs(a.analysis, p.refs) for a in arts]
    story, topic = _signature(arts, doc_terms, vec, p)
    sent_topic, topic_scale = _sentence_topicality(arts, refs, vec, story, p)
    days = _rank_sentence_days(groups, topic, sent_topic, pub, refs, (start, end, last), p)
    cands_by_day: dict[str, list[_Sent]] = {}
    chosen_days: list[str] = []
    for day in days:
        if max_dates is not None and len(chosen_days) >= max_dates:
            break
        cands = _day_candidates(day, arts, pub, refs, p)
        if cands:
            cands_by_day[day] = cands
            chosen_days.append(day)
    entry_index = _entry_index(entries(set(chosen_days)))
    picked_vectors: list[sparse.csr_matrix] = []
    out: list[Entry] = []
    for day in sorted(chosen_days):
        cands = cands_by_day[day]
        terms = [_terms_of(c.text) for c in cands]
        m = vec.transform(terms)
        on_topic = np.minimum(_on_topic(vec, terms, story, p) / topic_scale, 1.0)
        same = [id(entry_index.get(_key(arts, c))) for c in cands]
        picks = _pick_sentences(cands, m, on_topic, topic, same, picked_vectors, per_date, p)
        for k in picks:
            picked_vectors.append(m[k])
            out.append(_sentence_entry(cands, m, k, arts, entry_index, today, p))
    return out


def _independent(a: TimelineArticle) -> str:
    """The article's independent source: copies of one wire story count once."""
    return getattr(a, "source", None) or a.group or a.key


def _article_text(a: TimelineArticle) -> str:
    return f"{a.analysis.article.title or ''}\n{a.analysis.article.text}"


def _day_of(value: str | None) -> str | None:
    """The calendar day a date or timestamp starts with, when it is a real one."""
    if not value or not _DAY.match(value):
        return None
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        return None


def _signature(
    arts: list[TimelineArticle], doc_terms: list[Counter[str]], vec: _Vectoriser, p: SentenceParams
) -> tuple[np.ndarray, np.ndarray]:
    """What the story is about, as a weight per word, and each article's topicality.

    A word weighs the share of articles using it in their title or first sentences (what an
    article says it is about; a live blog's side items do not reach there), to a power. The
    words nearly every article of a collection uses (the query's own words, the main actors)
    weigh most, where TF-IDF would weigh them least. The share is then re-counted with each
    article weighted by its topicality squared, so off-topic articles of a mixed collection
    pull the story towards them less."""
    rows, cols = [], []
    for i, a in enumerate(arts):
        lead = " ".join(s.text for s in a.analysis.sentences[: p.signature_lead])
        for w in _terms_of(f"{a.analysis.article.title or ''}\n{lead}"):
            j = vec.vocab.get(w)
            if j is not None:
                rows.append(i)
                cols.append(j)
    leads = sparse.csr_matrix(
        (np.ones(len(rows)), (rows, cols)), shape=(len(arts), max(len(vec.vocab), 1))
    )
    used = np.asarray(leads.sum(axis=0)).ravel()
    docs = vec.transform(doc_terms, binary=True)
    weights = np.ones(len(arts))
    story = np.zeros(leads.shape[1])
    topic = np.ones(len(arts))
    for _ in range(1 + p.signature_rounds):
        share = np.asarray(leads.T @ weights).ravel() / (float(weights.sum()) or 1.0)
        sig = share**p.signature_power
        # A word of one article says nothing of a story told by several.
        sig[used < min(2, len(arts))] = 0.0
        story = _normalise(sig)
        topic = np.clip(docs @ story, 0.0, None)
        topic = topic / (float(topic.max()) or 1.0)
        weights = topic**2
    return story, topic


def _on_topic(
    vec: _Vectoriser, terms: list[Counter[str]], story: np.ndarray, p: SentenceParams
) -> np.ndarray:
    """Cosine of each sentence (its words counted once) with the story's signature."""
    m = vec.transform(terms, binary=True)
    return np.clip(m @ story, 0.0, None)


def _sentence_topicality(
    arts: list[TimelineArticle],
    refs: list[dict[int, set[str]]],
    vec: _Vectoriser,
    story: np.ndarray,
    p: SentenceParams,
) -> tuple[list[dict[int, float]], float]:
    """Per article, the cosine with the story of each sentence that refers to a day, scaled so
    the most topical is 1 (the scale is returned too): an aside of an on-topic article
    ("markets are closed on Friday") should not vote for its day as the story's sentences do."""
    keys = [(i, j) for i in range(len(arts)) for j in sorted(refs[i])]
    if not keys:
        return [{} for _ in arts], 1.0
    cos = _on_topic(vec, [_terms_of(arts[i].analysis.sentences[j].text) for i, j in keys], story, p)
    top = float(cos.max()) or 1.0
    out: list[dict[int, float]] = [{} for _ in arts]
    for (i, j), x in zip(keys, cos, strict=True):
        out[i][j] = float(x) / top
    return out, top


def _rank_sentence_days(
    groups: list[str],
    topic: np.ndarray,
    sent_topic: list[dict[int, float]],
    pub: list[str | None],
    refs: list[dict[int, set[str]]],
    bounds: tuple[str, str, str],
    p: SentenceParams,
) -> list[str]:
    """Days by their votes, best first. A syndication group votes once for each day one of its
    articles refers to, with the best topicality of the sentences referring to it (times the
    article's), and once, at ``published_vote``, for the day it was first published."""
    start, end, last = bounds
    weight = topic**p.topic_power

    def recalls(published: str | None, day: str) -> bool:
        # Referring back to a day at least ``recall_gap`` days before publication (not
        # yesterday's news, which is every day's news) is a sign the day mattered.
        if published is None:
            return False
        gap = dt.date.fromisoformat(published) - dt.date.fromisoformat(day)
        return gap.days >= p.recall_gap

    text_votes: dict[tuple[str, str], float] = {}
    pub_votes: dict[str, tuple[str, float]] = {}
    for i, g in enumerate(groups):
        per_day: dict[str, list[float]] = defaultdict(list)
        for j, ds in refs[i].items():
            x = float(weight[i]) * sent_topic[i].get(j, 0.0) ** p.sentence_power
            for day in ds:
                if start <= day <= end:
                    per_day[day].append(x)
        for day, xs in per_day.items():
            # The best sentence's vote, and a little more for each further sentence (a day
            # an article keeps coming back to is the day it is about).
            x = max(xs) * (1.0 + p.repeat_vote * math.log(len(xs)))
            if recalls(pub[i], day):
                x *= p.recall_vote
            text_votes[(g, day)] = max(text_votes.get((g, day), 0.0), x)
        d = pub[i]
        if d is not None and (g not in pub_votes or d < pub_votes[g][0]):
            pub_votes[g] = (d, float(weight[i]))
    score: dict[str, float] = defaultdict(float)
    for (_, day), x in text_votes.items():
        score[day] += x * (p.future_vote if day > last else 1.0)
    for day, x in pub_votes.values():
        if start <= day <= end:
            score[day] += p.published_vote * x
    return sorted((d for d in score if score[d] > 0), key=lambda d: (-score[d], d))


def _day_candidates(
    day: str,
    arts: list[TimelineArticle],
    pub: list[str | None],
    refs: list[dict[int, set[str]]],
    p: SentenceParams,
) -> list[_Sent]:
    """The sentences that refer to ``day``, and the undated lead sentences of the articles
    published that day; each text once (copies of a wire story repeat it)."""
    out: list[_Sent] = []
    seen: set[str] = set()

    def add(i: int, j: int, dated_by: str) -> None:
        span = arts[i].analysis.sentences[j]
        text = clean_sentence(span.text)
        if text is None or text.lower() in seen:
            return
        n = len(_WORD.findall(text))
        if n < 4 or n > 3 * p.max_words:
            return
        seen.add(text.lower())
        out.append(_Sent(i, span, text, day, dated_by))

    for i in range(len(arts)):
        for j, ds in sorted(refs[i].items()):
            if day in ds:
                add(i, j, "text")
    for i in range(len(arts)):
        if pub[i] != day:
            continue
        for j in range(min(p.lead, len(arts[i].analysis.sentences))):
            if j not in refs[i]:
                add(i, j, "published")
    return out


def _sentence_informative(text: str, p: SentenceParams) -> float:
    words = _WORD.findall(text.lower())
    n = len(words)
    if n == 0:
        return 0.0
    f = 1.0
    if n < p.min_words:
        f *= max(0.1, n / p.min_words) ** 2
    elif n > p.max_words:
        f *= max(0.3, p.max_words / n)
    if words[0] in _weak_openers():
        f *= 0.5
    if text.rstrip(" \"'”’)").endswith("?"):
        f *= 0.3
    if text.lstrip()[:1] in _QUOTES:
        f *= 0.6
    if text.rstrip(" \"'”’)")[-1:] not in ".!":
        f *= 0.7  # a headline or a list item, not a sentence
    if text[:1].islower():
        f *= 0.3  # the tail of a sentence the splitter cut in two
    if n >= 6 and len(set(words)) < 0.6 * n:
        f *= 0.3
    return f


def _pick_sentences(
    cands: list[_Sent],
    m: sparse.csr_matrix,
    on_topic: np.ndarray,
    topic: np.ndarray,
    same: list[int],
    picked: list[sparse.csr_matrix],
    per_date: int | None,
    p: SentenceParams,
) -> list[int]:
    """MMR over one day's candidates: (day centrality and story centrality) x informativeness x
    the weight of how the sentence dates the day, minus similarity to sentences already picked."""
    w = np.array(
        [
            float(topic[c.article]) * (1.0 if c.dated_by == "text" else p.published_sentence)
            for c in cands
        ]
    )
    centre = _normalise(np.asarray(m.T @ w).ravel())
    day = np.clip(m @ centre, 0.0, None)
    if p.combine == "product":
        # An off-topic sentence is not central to the story however typical of its day.
        central = day**p.day_weight * on_topic ** (1 - p.day_weight)
    else:
        central = p.day_weight * day + (1 - p.day_weight) * on_topic
    rel = central * w * np.array([_sentence_informative(c.text, p) for c in cands])
    top = float(rel.max()) if len(rel) else 0.0
    rel = rel / top if top > 0 else rel
    limit = len(cands) if per_date is None else min(per_date, len(cands))
    sim = np.zeros(len(cands))
    if picked:
        sim = np.asarray((m @ sparse.vstack(picked).T).max(axis=1).todense()).ravel()
    taken = np.zeros(len(cands), dtype=bool)
    picks: list[int] = []
    while len(picks) < limit:
        score = p.mmr_lambda * rel - (1 - p.mmr_lambda) * sim
        # "At most K": a retelling of a pick, or (after the first) a sentence far less relevant
        # than the day's best, is not worth showing.
        score[taken | (sim >= p.duplicate)] = -np.inf
        if picks:
            score[rel < p.floor] = -np.inf
        best = int(np.argmax(score))
        if not np.isfinite(score[best]):
            if picks or taken.all():
                break
            best = int(np.argmax(np.where(taken, -np.inf, rel)))  # a day shows one entry
        taken[best] = True
        picks.append(best)
        sim = np.maximum(sim, np.asarray((m @ m[best].T).todense()).ravel())
        if same[best] != id(None):
            # Sentences of the timeline entry just picked retell it.
            sim[[k for k, e in enumerate(same) if e == same[best]]] = 1.0
    return picks


def _entry_index(entries: list[Entry]) -> dict[tuple[str, str], Entry]:
    out: dict[tuple[str, str], Entry] = {}
    for e in entries:
        for mention in e.mentions:
            key = (str(mention.get("article")), " ".join(str(mention.get("sentence", "")).split()))
            out.setdefault(key, e)
    return out


def _key(arts: list[TimelineArticle], c: _Sent) -> tuple[str, str]:
    return (arts[c.article].key, " ".join(c.span.text.split()))


def _sentence_entry(
    cands: list[_Sent],
    m: sparse.csr_matrix,
    k: int,
    arts: list[TimelineArticle],
    entry_index: dict[tuple[str, str], Entry],
    today: dt.date,
    p: SentenceParams,
) -> Entry:
    """The entry of a picked sentence: the timeline's own entry when the sentence is one of its
    mentions on that day (status and conflicts kept), else one made of the day's sentences
    that retell it. Its summary is the whole, cleaned sentence."""
    c = cands[k]
    dated_by = c.dated_by
    known = entry_index.get(_key(arts, c))
    if known is not None and known.date is not None and known.date[:10] == c.day:
        return replace(known, summary=c.text, date=c.day, precision="day", dated_by=dated_by)
    sims = np.asarray((m @ m[k].T).todense()).ravel()
    members = [k] + [j for j in np.argsort(-sims) if j != k and sims[j] >= p.same_event]
    mentions = [
        sentence_mention(arts[cands[j].article], cands[j].span, c.day, "day") for j in members
    ]
    e = entry_of(mentions, today)
    return replace(e, summary=c.text, date=c.day, precision="day", dated_by=dated_by)
