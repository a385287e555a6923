"""Exact and near-duplicate detection, and syndication.

A wire story runs on many sites: verbatim, with other page furniture, trimmed, lightly edited.
Those copies are ONE independent source. A copy that changes a fact ("Nov 28" -> "Nov 27",
"four sources" -> "five") is no longer the same account: it is kept apart, and the changed fact
is recorded so the timeline can mark the entry contested.

Steps, cheapest first:

1. exact: a hash of the normalised word sequence (case, punctuation, spaces ignored);
2. candidates: MinHash (datasketch) over 5-word shingles, banded for locality-sensitive
   lookup (``bands`` x ``rows``; the band hashes can live in any key-value index: a dict here,
   a database table in the workspace);
3. verification on the exact shingle sets: Jaccard, or containment of the shorter in the longer
   (a trimmed copy), above thresholds tuned on hand-labelled pairs (benchmarks/syndication.py);
4. fact check of a verified copy: the two word sequences are aligned (difflib) and each changed
   stretch is compared on its dates (timex values when the analysis has them) and numbers.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
from datasketch import MinHash

from storyline.model import Analysis, Timex
from storyline.rules import load_table
from storyline.stories.features import content_terms, normalize, shingles

Kind = Literal["exact", "copy", "rewrite"]

NUM_PERM = 128
BANDS = 64
ROWS = 2  # 64 bands of 2 rows: a pair at Jaccard 0.3 shares a band with p > 0.99

_TOKEN = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class DedupParams:
    """Thresholds tuned on tests/data/syndication_labels.tsv (benchmarks/syndication.py)."""

    jaccard: float = 0.25
    containment: float = 0.45
    # Changed stretches longer than this (in words, either side) are rewriting, not a fact edit.
    max_edit_words: int = 12
    # Two articles of one outlet under unrelated headlines share its page template, author bio
    # or a stock paragraph; only a near-verbatim repost counts as a copy there.
    same_outlet_title_overlap: float = 0.2
    same_outlet_jaccard: float = 0.7
    # The cheap prefilter on stored signatures (before the exact check above): estimated
    # Jaccard, or estimated containment for a short copy inside a long page (a teaser, a
    # truncated copy: Jaccard 0.1 while containment is 0.95). Looser than the exact thresholds,
    # because both estimates are noisy (128 slots).
    prefilter_jaccard: float = 0.15
    prefilter_containment: float = 0.3


@dataclass(slots=True)
class DedupFeatures:
    """One article as the deduplicator sees it."""

    key: int | str
    digest: str
    tokens: list[str]
    offsets: list[tuple[int, int]]
    shingles: set[str]
    minhash: MinHash
    published: str | None = None
    outlet: str | None = None
    title_terms: frozenset[str] = frozenset()
    # Date values of the article's timexes with their character spans, for the fact check.
    timexes: list[tuple[int, int, str]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ChangedFact:
    """A stretch where a near-copy says something else: ``before`` in the earlier article."""

    before: str
    after: str
    kind: Literal["date", "number"]

    def to_dict(self) -> dict[str, str]:
        return {"before": self.before, "after": self.after, "kind": self.kind}


@dataclass(frozen=True, slots=True)
class Verdict:
    """How a new article relates to an earlier one."""

    kind: Kind
    other: int | str
    jaccard: float
    containment: float
    changed: tuple[ChangedFact, ...] = ()


def tokenize(text: str) -> tuple[list[str], list[tuple[int, int]]]:
    """Normalised word tokens and their character spans in ``text``."""
    toks, offs = [], []
    for m in _TOKEN.finditer(text):
        tok = m.group(0)
        # NFKC leaves ASCII as it is: lower-casing is all ``normalize`` would do (and cheaper).
        toks.append(tok.lower() if tok.isascii() else normalize(tok).replace("’", "'"))
        offs.append(m.span())
    return toks, offs


def _minhash(sh: Iterable[str]) -> MinHash:
    mh = MinHash(num_perm=NUM_PERM, seed=7)
    mh.update_batch([s.encode("utf-8") for s in sh])
    return mh


def dedup_features(key: int | str, analysis: Analysis) -> DedupFeatures:
    """Hash, shingles, MinHash and dated spans of one analysed article."""
    text = analysis.article.text
    toks, offs = tokenize(text)
    sh = shingles(toks, 5)
    dates = [(t.start, t.end, t.value) for t in analysis.timexes if _is_date(t)]
    return DedupFeatures(
        key=key,
        digest=hashlib.sha1(" ".join(toks).encode("utf-8")).hexdigest(),
        tokens=toks,
        offsets=offs,
        shingles=sh,
        minhash=_minhash(sh),
        published=analysis.article.published,
        outlet=(analysis.article.outlet or "").strip().lower() or None,
        title_terms=frozenset(content_terms(analysis.article.title or "")),
        timexes=dates,
    )


def _is_date(t: Timex) -> bool:
    return t.type in {"DATE", "TIME"} and bool(t.value) and t.value[:1].isdigit()


def band_hashes(mh: MinHash, bands: int = BANDS, rows: int = ROWS) -> list[int]:
    """One 63-bit hash per band of the signature (band number mixed in), for LSH lookup."""
    out = []
    values = mh.hashvalues
    for b in range(bands):
        chunk = values[b * rows : (b + 1) * rows].tobytes()
        h = hashlib.blake2b(bytes([b]) + chunk, digest_size=8).digest()
        out.append(int.from_bytes(h, "big") >> 1)
    return out


# -- the fact check ----------------------------------------------------------------------------


def _number_words() -> dict[str, float]:
    return {row["word"]: float(row["value"]) for row in load_table("stories_number_words.tsv")}


def _numbers(tokens: list[str]) -> set[float]:
    words = _number_words()
    out: set[float] = set()
    for tok in tokens:
        t = tok.replace(",", "")
        try:
            out.add(float(t))
            continue
        except ValueError:
            pass
        if t in words:
            out.add(words[t])
    return out


def _dates_in(f: DedupFeatures, lo: int, hi: int) -> tuple[set[str], set[int]]:
    """Timex values overlapping tokens lo..hi, and which of those tokens they cover."""
    if lo >= hi:
        return set(), set()
    start, end = f.offsets[lo][0], f.offsets[hi - 1][1]
    values: set[str] = set()
    covered: set[int] = set()
    for ts, te, value in f.timexes:
        if ts < end and te > start:
            values.add(value)
            covered.update(
                i for i in range(lo, hi) if f.offsets[i][0] < te and f.offsets[i][1] > ts
            )
    return values, covered


def _widen(f: DedupFeatures, lo: int, hi: int) -> tuple[int, int]:
    """Grow a changed stretch to whole timexes that overlap it ("Nov 28" vs "Nov 27")."""
    if lo >= hi:
        return lo, hi
    start, end = f.offsets[lo][0], f.offsets[hi - 1][1]
    for ts, te, _ in f.timexes:
        if ts < end and te > start:
            while lo > 0 and f.offsets[lo - 1][1] > ts:
                lo -= 1
            while hi < len(f.offsets) and f.offsets[hi][0] < te:
                hi += 1
    return lo, hi


def changed_facts(
    a: DedupFeatures, b: DedupFeatures, params: DedupParams | None = None
) -> list[ChangedFact]:
    """Dates and numbers that differ where two near-identical texts differ.

    A stretch counts only when both sides state a date (or a number) and they disagree:
    "on Friday" for "on Nov 28" is the same fact when the timex tagger resolves both to the same
    day, and "last month" for "in November" states no number at all.
    """
    params = params or DedupParams()
    out: list[ChangedFact] = []
    sm = difflib.SequenceMatcher(None, a.tokens, b.tokens, autojunk=False)
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op != "replace":
            continue
        if max(i2 - i1, j2 - j1) > params.max_edit_words:
            continue
        i1, i2 = _widen(a, i1, i2)
        j1, j2 = _widen(b, j1, j2)
        da, cov_a = _dates_in(a, i1, i2)
        db, cov_b = _dates_in(b, j1, j2)
        before = " ".join(a.tokens[i1:i2])
        after = " ".join(b.tokens[j1:j2])
        if da and db and da != db:
            out.append(ChangedFact(before, after, "date"))
            continue
        na = _numbers([a.tokens[i] for i in range(i1, i2) if i not in cov_a])
        nb = _numbers([b.tokens[j] for j in range(j1, j2) if j not in cov_b])
        if na and nb and na != nb:
            out.append(ChangedFact(before, after, "number"))
    return out


# -- pair verdicts and the index ---------------------------------------------------------------


def similarity(a: DedupFeatures, b: DedupFeatures) -> tuple[float, float]:
    """Exact Jaccard of the 5-word shingle sets, and containment of the smaller in the larger."""
    if not a.shingles or not b.shingles:
        return 0.0, 0.0
    inter = len(a.shingles & b.shingles)
    union = len(a.shingles | b.shingles)
    return inter / union, inter / min(len(a.shingles), len(b.shingles))


def compare(
    earlier: DedupFeatures, later: DedupFeatures, params: DedupParams | None = None
) -> Verdict | None:
    """Is ``later`` a copy of ``earlier`` (and did it change a fact)? None when unrelated."""
    params = params or DedupParams()
    if earlier.digest == later.digest:
        return Verdict("exact", earlier.key, 1.0, 1.0)
    jac, cont = similarity(earlier, later)
    if jac < params.jaccard and cont < params.containment:
        return None
    if _template_only(earlier, later, jac, params):
        return None
    changed = tuple(changed_facts(earlier, later, params))
    return Verdict("rewrite" if changed else "copy", earlier.key, jac, cont, changed)


def _template_only(a: DedupFeatures, b: DedupFeatures, jac: float, params: DedupParams) -> bool:
    """Same outlet, unrelated headlines, text only partly shared: the site's furniture."""
    if not (a.outlet and a.outlet == b.outlet and a.title_terms and b.title_terms):
        return False
    overlap = len(a.title_terms & b.title_terms) / len(a.title_terms | b.title_terms)
    return overlap < params.same_outlet_title_overlap and jac < params.same_outlet_jaccard


_MAX_HASH = float((1 << 32) - 1)  # datasketch's largest hash value


def estimated_overlap(a: np.ndarray, b: np.ndarray) -> tuple[float, float]:
    """Jaccard and containment of the smaller set, estimated from two MinHash signatures alone
    (``hashvalues``; no shingles, no analysis loaded): the share of equal slots, and each set's
    size from its signature's minima (the cardinality estimate of datasketch ``count``)."""
    if a.shape != b.shape or not a.size:
        return 0.0, 0.0
    jac = float(np.mean(a == b))
    na = a.size / float(np.sum(a / _MAX_HASH)) - 1.0
    nb = b.size / float(np.sum(b / _MAX_HASH)) - 1.0
    inter = jac * (na + nb) / (1.0 + jac)
    return jac, min(1.0, inter / max(1.0, min(na, nb)))


def is_candidate(a: np.ndarray, b: np.ndarray, params: DedupParams | None = None) -> bool:
    """Worth the exact check? (signatures only; see ``DedupParams.prefilter_*``)."""
    params = params or DedupParams()
    jac, cont = estimated_overlap(a, b)
    return jac >= params.prefilter_jaccard or cont >= params.prefilter_containment


def _sort_key(f: DedupFeatures) -> tuple[str, str]:
    # Earliest publication first; unknown dates last; ties by key, so the result is stable.
    return (f.published or "9999", str(f.key))


class DedupIndex:
    """In-memory LSH index of articles seen so far (the workspace keeps the same bands in a
    table). ``add`` returns the verdict against the best-matching earlier article."""

    def __init__(self, params: DedupParams | None = None) -> None:
        self.params = params or DedupParams()
        self.items: dict[int | str, DedupFeatures] = {}
        self._digests: dict[str, int | str] = {}
        self._bands: dict[int, set[int | str]] = {}

    def candidates(self, f: DedupFeatures) -> list[int | str]:
        found: set[int | str] = set()
        for h in band_hashes(f.minhash):
            found.update(self._bands.get(h, ()))
        if f.digest in self._digests:
            found.add(self._digests[f.digest])
        found.discard(f.key)
        return sorted(found, key=str)

    def add(self, f: DedupFeatures) -> Verdict | None:
        verdict = best_verdict(f, [self.items[k] for k in self.candidates(f)], self.params)
        self.items[f.key] = f
        self._digests.setdefault(f.digest, f.key)
        for h in band_hashes(f.minhash):
            self._bands.setdefault(h, set()).add(f.key)
        return verdict


def best_verdict(
    f: DedupFeatures, others: list[DedupFeatures], params: DedupParams | None = None
) -> Verdict | None:
    """The closest earlier copy among ``others`` (a copy beats a rewrite at equal overlap).

    A copy verdict only vouches for what both texts hold. When the article changed a fact
    against some candidates and is a "copy" only of candidates that lack that passage (a
    truncated copy of the same wire: none of them disagrees with the candidates the article
    disagrees with), the copies say nothing about the change: the article is a rewrite.
    """
    params = params or DedupParams()
    scored: list[tuple[Verdict, DedupFeatures]] = []
    for other in others:
        v = _ordered_compare(other, f, params)
        if v is not None:
            scored.append((Verdict(v.kind, other.key, v.jaccard, v.containment, v.changed), other))
    copies = [(v, o) for v, o in scored if v.kind != "rewrite"]
    rewrites = [(v, o) for v, o in scored if v.kind == "rewrite"]
    if copies and rewrites and not _any_conflict(copies, rewrites, params):
        copies = []
    pool = copies or rewrites
    if not pool:
        return None
    return max(pool, key=lambda vo: vo[0].jaccard + vo[0].containment)[0]


def _ordered_compare(a: DedupFeatures, b: DedupFeatures, params: DedupParams) -> Verdict | None:
    """``compare`` with the earlier-published article first."""
    first, second = (a, b) if _sort_key(a) <= _sort_key(b) else (b, a)
    return compare(first, second, params)


def _any_conflict(
    copies: list[tuple[Verdict, DedupFeatures]],
    rewrites: list[tuple[Verdict, DedupFeatures]],
    params: DedupParams,
) -> bool:
    """Does some copy candidate disagree with some rewrite candidate (so it holds the changed
    passage, in the article's version)?"""
    for _, y in copies:
        for _, x in rewrites:
            v = _ordered_compare(y, x, params)
            if v is not None and v.kind == "rewrite":
                return True
    return False
