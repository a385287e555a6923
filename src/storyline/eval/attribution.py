"""Scoring attribution against a hand-annotated gold set (tests/data/attribution_gold.jsonl).

Both sides are lists of attributions in the ``analyze --format json`` shape::

    {"cue": SPAN, "source": SPAN + {"type", "count", ...} | null, "content": SPAN | null,
     "polarity": "assert|deny|decline", "hedged": bool, "direct_quote": bool}

Measures (docs/annotation.md explains the choices):

* span P/R/F1 for cue, source and content, two ways: *exact* (same characters once quotation
  marks, punctuation and spaces at the edges are set aside) and *overlap* (the spans share
  tokens and the shared tokens are at least half of the longer span). Spans are matched
  one-to-one per document; each distinct span counts once.
* sourced-claim F1: a predicted attribution is right when one gold attribution has an
  overlapping content AND an overlapping source (or both have none) AND the same source type.
* over aligned attributions (gold and prediction paired by content, else by cue, overlap):
  source-type accuracy (pairs whose sources overlap), anonymous count exact match (every gold
  anonymous source; one with no aligned prediction counts as wrong), and polarity F1 (per
  class, and macro over assert/deny/decline).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

TOKEN = re.compile(r"\w+|[^\w\s]")
EDGE = " \t\n\u00a0.,;:!?\"'\u201c\u201d\u2018\u2019()[]-\u2013\u2014"
POLARITIES = ("assert", "deny", "decline")
OVERLAP = 0.5

Att = dict[str, Any]


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def to_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(slots=True)
class Ratio:
    right: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0

    def to_dict(self) -> dict[str, float | int]:
        return {"right": self.right, "total": self.total, "value": round(self.value, 4)}


@dataclass(slots=True)
class Scores:
    spans: dict[str, PRF] = field(default_factory=dict)  # "cue_exact", "source_overlap", ...
    sourced_claim: PRF = field(default_factory=PRF)
    type_accuracy: Ratio = field(default_factory=Ratio)
    count_exact: Ratio = field(default_factory=Ratio)
    polarity: dict[str, PRF] = field(default_factory=dict)
    documents: int = 0

    @property
    def polarity_macro_f1(self) -> float:
        present = [p for p in self.polarity.values() if p.tp + p.fn > 0]
        return sum(p.f1 for p in present) / len(present) if present else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "spans": {k: v.to_dict() for k, v in self.spans.items()},
            "sourced_claim": self.sourced_claim.to_dict(),
            "type_accuracy": self.type_accuracy.to_dict(),
            "anonymous_count_exact": self.count_exact.to_dict(),
            "polarity": {k: v.to_dict() for k, v in self.polarity.items()},
            "polarity_macro_f1": round(self.polarity_macro_f1, 4),
        }


class _Tokens:
    """Token index sets of character spans in one document."""

    def __init__(self, text: str) -> None:
        self.bounds = [(m.start(), m.end()) for m in TOKEN.finditer(text)]
        self.text = text

    def of(self, span: Att) -> frozenset[int]:
        s, e = span["start"], span["end"]
        return frozenset(i for i, (a, b) in enumerate(self.bounds) if a < e and s < b)

    def norm(self, span: Att) -> tuple[int, int]:
        s, e = span["start"], span["end"]
        while s < e and self.text[s] in EDGE:
            s += 1
        while e > s and self.text[e - 1] in EDGE:
            e -= 1
        return s, e


def overlap_match(a: frozenset[int], b: frozenset[int]) -> bool:
    """Shared tokens are at least half of the longer span."""
    if not a or not b:
        return False
    return len(a & b) / max(len(a), len(b)) >= OVERLAP


def _span_match(toks: _Tokens, g: Att | None, p: Att | None, exact: bool) -> bool:
    if g is None or p is None:
        return g is None and p is None
    if exact:
        return toks.norm(g) == toks.norm(p)
    return overlap_match(toks.of(g), toks.of(p))


def _match_sets(toks: _Tokens, gold: list[Att], pred: list[Att], exact: bool) -> PRF:
    """One-to-one greedy matching of distinct spans (largest overlap first)."""
    g_spans = _distinct(gold)
    p_spans = _distinct(pred)
    pairs = []
    for gi, g in enumerate(g_spans):
        gt = toks.of(g)
        for pi, p in enumerate(p_spans):
            if _span_match(toks, g, p, exact):
                pt = toks.of(p)
                pairs.append((len(gt & pt) / max(len(gt | pt), 1), gi, pi))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    for _score, gi, pi in pairs:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
    tp = len(used_g)
    return PRF(tp, len(p_spans) - tp, len(g_spans) - tp)


def _distinct(spans: Iterable[Att]) -> list[Att]:
    seen: dict[tuple[int, int], Att] = {}
    for s in spans:
        seen.setdefault((s["start"], s["end"]), s)
    return list(seen.values())


def _align(toks: _Tokens, gold: Sequence[Att], pred: Sequence[Att]) -> list[tuple[int, int]]:
    """Pair gold and predicted attributions: by overlapping content, else by overlapping cue."""
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            score = 0.0
            gc, pc = g.get("content"), p.get("content")
            if gc and pc and overlap_match(toks.of(gc), toks.of(pc)):
                score += 2.0
            if overlap_match(toks.of(g["cue"]), toks.of(p["cue"])):
                score += 1.0
            if score > 0:
                cands.append((score, gi, pi))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _score, gi, pi in cands:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        out.append((gi, pi))
    return out


def score_document(text: str, gold: Sequence[Att], pred: Sequence[Att], scores: Scores) -> None:
    """Add one document's counts to ``scores``."""
    toks = _Tokens(text)
    scores.documents += 1
    for part in ("cue", "source", "content"):
        g_spans = [a[part] for a in gold if a.get(part)]
        p_spans = [a[part] for a in pred if a.get(part)]
        for exact in (True, False):
            key = f"{part}_{'exact' if exact else 'overlap'}"
            scores.spans.setdefault(key, PRF()).add(_match_sets(toks, g_spans, p_spans, exact))
    _sourced_claims(toks, gold, pred, scores)
    pairs = _align(toks, gold, pred)
    for gi, pi in pairs:
        g, p = gold[gi], pred[pi]
        gs, ps = g.get("source"), p.get("source")
        if gs and ps and overlap_match(toks.of(gs), toks.of(ps)):
            scores.type_accuracy.total += 1
            scores.type_accuracy.right += gs.get("type") == ps.get("type")
        if gs and gs.get("anonymous"):
            scores.count_exact.total += 1
            scores.count_exact.right += ps is not None and ps.get("count") == gs.get("count")
    paired = {gi for gi, _ in pairs}
    for gi, g in enumerate(gold):
        gs = g.get("source")
        if gi not in paired and gs and gs.get("anonymous"):
            scores.count_exact.total += 1  # a missed anonymous source has no right count
    _polarity(gold, pred, pairs, scores)


def _sourced_claims(
    toks: _Tokens, gold: Sequence[Att], pred: Sequence[Att], scores: Scores
) -> None:
    g_claims = [a for a in gold if a.get("content")]
    p_claims = [a for a in pred if a.get("content")]
    used: set[int] = set()
    tp = 0
    for p in p_claims:
        for gi, g in enumerate(g_claims):
            if gi in used:
                continue
            if not overlap_match(toks.of(g["content"]), toks.of(p["content"])):
                continue
            gs, ps = g.get("source"), p.get("source")
            if not _span_match(toks, gs, ps, exact=False):
                continue
            if gs and ps and gs.get("type") != ps.get("type"):
                continue
            used.add(gi)
            tp += 1
            break
    scores.sourced_claim.add(PRF(tp, len(p_claims) - tp, len(g_claims) - tp))


def _polarity(
    gold: Sequence[Att], pred: Sequence[Att], pairs: list[tuple[int, int]], scores: Scores
) -> None:
    for pol in POLARITIES:
        prf = scores.polarity.setdefault(pol, PRF())
        paired_g = {gi for gi, _ in pairs}
        paired_p = {pi for _, pi in pairs}
        for gi, pi in pairs:
            g_pol, p_pol = gold[gi].get("polarity"), pred[pi].get("polarity")
            if g_pol == pol and p_pol == pol:
                prf.tp += 1
            elif p_pol == pol:
                prf.fp += 1
            elif g_pol == pol:
                prf.fn += 1
        prf.fn += sum(
            1 for gi, g in enumerate(gold) if gi not in paired_g and g.get("polarity") == pol
        )
        prf.fp += sum(
            1 for pi, p in enumerate(pred) if pi not in paired_p and p.get("polarity") == pol
        )


def score(documents: Iterable[tuple[str, Sequence[Att], Sequence[Att]]]) -> Scores:
    """Score (text, gold attributions, predicted attributions) triples."""
    scores = Scores()
    for text, gold, pred in documents:
        score_document(text, gold, pred, scores)
    return scores
