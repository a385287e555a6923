"""Timeline summarisation (TLS) scores, as the TLS literature computes them.

The protocol of Martschat & Markert (2017, 2018; the tilse toolkit) as used by Gholipour
Ghalandari & Ifrim (2020): a timeline is a mapping from days to summary sentences, scored against
one or more reference timelines of the same topic by

- **date F1**: the predicted days against the union of the reference days;
- **concat ROUGE-N**: all summaries concatenated, dates ignored;
- **agreement ROUGE-N**: n-grams only count when they are on the same day in both timelines;
- **align+ m:1 ROUGE-N** ("date-aligned ROUGE"): each predicted day is aligned to the reference
  day of least cost, cost = (1 - 1/(|d - d'| + 1)) * (1 - ROUGE-1 approximation), and its
  n-gram hits count with weight 1/(|d - d'| + 1); recall aligns each reference day the same way
  to a predicted day.

ROUGE counts are ROUGE-1.5.5's "raw" counts (its ``-t 2``), pooled over all days before the
ratio is taken (micro average): hits, peer n-grams (times the number of references) and model
n-grams. With several reference timelines the hits and model counts are summed over them; as in
tilse, a reference without the day counts as an empty model (its peer n-grams still count).

Tokens (``tokens``): lower-cased runs of ASCII letters and digits, as ROUGE-1.5.5 sees them;
with ``stem=True`` (tilse's setting) words longer than three letters are Porter-stemmed, and with
``stopwords=True`` (tilse's ``-s``) stop words are dropped. The stop-word list is spaCy's English
list (326 words), not ROUGE's own 571-word SMART list, so absolute ROUGE figures may differ from
published ones by a little; the default of ``TlsScorer`` follows tilse (stemming on, stop words
removed). N-grams do not cross sentence boundaries. The cost function's ROUGE-1 approximation
uses the same tokens (tilse uses the raw whitespace tokens of pre-tokenised data).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

# A timeline: day -> the summary sentences of that day.
TimelineMap = Mapping[dt.date, Sequence[str]]

_TOKEN = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def _f(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def _prf(hits: float, p_count: float, hits_r: float, m_count: float) -> PRF:
    p = hits / p_count if p_count else 0.0
    r = hits_r / m_count if m_count else 0.0
    return PRF(p, r, _f(p, r))


# -- tokens -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(w.lower() for w in STOP_WORDS)


def tokens(text: str, *, stem: bool = True, stopwords: bool = True) -> list[str]:
    """ROUGE tokens of one sentence: lower-cased alphanumeric runs, optionally without stop words
    and Porter-stemmed (words of more than three letters, as ROUGE-1.5.5 does)."""
    words = _TOKEN.findall(text.lower())
    if stopwords:
        stop = _stop_words()
        words = [w for w in words if w not in stop]
    if stem:
        words = [porter_stem(w) if len(w) > 3 else w for w in words]
    return words


def ngrams(sentences: Iterable[Sequence[str]], n: int) -> Counter[tuple[str, ...]]:
    """N-gram counts of tokenised sentences; n-grams stay inside their sentence."""
    out: Counter[tuple[str, ...]] = Counter()
    for toks in sentences:
        for i in range(len(toks) - n + 1):
            out[tuple(toks[i : i + n])] += 1
    return out


@dataclass(frozen=True, slots=True)
class Counts:
    """ROUGE-1.5.5 raw counts: n-gram hits, peer n-grams (times references), model n-grams."""

    hits: float
    peer: int
    model: int


def rouge_counts(
    peer: Counter[tuple[str, ...]], models: Sequence[Counter[tuple[str, ...]]]
) -> Counts:
    """Clipped n-gram overlap of a peer summary with each model summary, summed over models."""
    peer_total = sum(peer.values())
    hits = 0
    model_total = 0
    for model in models:
        model_total += sum(model.values())
        hits += sum(min(c, model[g]) for g, c in peer.items() if g in model)
    return Counts(hits, peer_total * len(models), model_total)


# -- Porter stemmer (Porter 1980, the original algorithm ROUGE-1.5.5 uses) ------------------------


def _cons(w: str, i: int) -> bool:
    c = w[i]
    if c in "aeiou":
        return False
    if c == "y":
        return i == 0 or not _cons(w, i - 1)
    return True


def _measure(stem: str) -> int:
    """m in [C](VC)^m[V]."""
    m, i, n = 0, 0, len(stem)
    while i < n and _cons(stem, i):
        i += 1
    while i < n:
        while i < n and not _cons(stem, i):
            i += 1
        if i >= n:
            break
        while i < n and _cons(stem, i):
            i += 1
        m += 1
    return m


def _has_vowel(stem: str) -> bool:
    return any(not _cons(stem, i) for i in range(len(stem)))


def _double_cons(w: str) -> bool:
    return len(w) >= 2 and w[-1] == w[-2] and _cons(w, len(w) - 1)


def _cvc(w: str) -> bool:
    """Ends consonant-vowel-consonant, the last not w, x or y ("hop", not "snow")."""
    n = len(w)
    if n < 3:
        return False
    return _cons(w, n - 3) and not _cons(w, n - 2) and _cons(w, n - 1) and w[-1] not in "wxy"


_STEP2 = (
    ("ational", "ate"),
    ("tional", "tion"),
    ("enci", "ence"),
    ("anci", "ance"),
    ("izer", "ize"),
    ("abli", "able"),
    ("alli", "al"),
    ("entli", "ent"),
    ("eli", "e"),
    ("ousli", "ous"),
    ("ization", "ize"),
    ("ation", "ate"),
    ("ator", "ate"),
    ("alism", "al"),
    ("iveness", "ive"),
    ("fulness", "ful"),
    ("ousness", "ous"),
    ("aliti", "al"),
    ("iviti", "ive"),
    ("biliti", "ble"),
)
_STEP3 = (
    ("icate", "ic"),
    ("ative", ""),
    ("alize", "al"),
    ("iciti", "ic"),
    ("ical", "ic"),
    ("ful", ""),
    ("ness", ""),
)
_STEP4 = (
    "al",
    "ance",
    "ence",
    "er",
    "ic",
    "able",
    "ible",
    "ant",
    "ement",
    "ment",
    "ent",
    "ion",
    "ou",
    "ism",
    "ate",
    "iti",
    "ous",
    "ive",
    "ize",
)


def _longest(w: str, suffixes: Iterable[str]) -> str | None:
    best = None
    for s in suffixes:
        if w.endswith(s) and (best is None or len(s) > len(best)):
            best = s
    return best


def _replace(w: str, table: tuple[tuple[str, str], ...], min_m: int) -> str:
    """The longest matching suffix is replaced when the stem's measure allows; no other is tried."""
    suffix = _longest(w, (s for s, _ in table))
    if suffix is None:
        return w
    stem = w[: len(w) - len(suffix)]
    return stem + dict(table)[suffix] if _measure(stem) > min_m - 1 else w


@lru_cache(maxsize=65536)
def porter_stem(word: str) -> str:
    """The Porter (1980) stem of a lower-case word."""
    w = word
    if len(w) <= 2:
        return w
    # 1a
    if w.endswith(("sses", "ies")):
        w = w[:-2]
    elif w.endswith("ss"):
        pass
    elif w.endswith("s"):
        w = w[:-1]
    # 1b
    if w.endswith("eed"):
        if _measure(w[:-3]) > 0:
            w = w[:-1]
    else:
        for suffix in ("ed", "ing"):
            if w.endswith(suffix) and _has_vowel(w[: -len(suffix)]):
                w = w[: -len(suffix)]
                if w.endswith(("at", "bl", "iz")):
                    w += "e"
                elif _double_cons(w) and w[-1] not in "lsz":
                    w = w[:-1]
                elif _measure(w) == 1 and _cvc(w):
                    w += "e"
                break
    # 1c
    if w.endswith("y") and _has_vowel(w[:-1]):
        w = w[:-1] + "i"
    w = _replace(w, _STEP2, 1)
    w = _replace(w, _STEP3, 1)
    # 4
    end = _longest(w, _STEP4)
    if end is not None:
        stem = w[: len(w) - len(end)]
        if _measure(stem) > 1 and (end != "ion" or stem.endswith(("s", "t"))):
            w = stem
    # 5a
    if w.endswith("e"):
        stem = w[:-1]
        m = _measure(stem)
        if m > 1 or (m == 1 and not _cvc(stem)):
            w = stem
    # 5b
    if w.endswith("ll") and _measure(w) > 1:
        w = w[:-1]
    return w


# -- timelines ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TlsScores:
    """All figures of one predicted timeline against its references."""

    date: PRF
    concat: dict[int, PRF]
    agreement: dict[int, PRF]
    align_m1: dict[int, PRF]

    def to_dict(self) -> dict[str, object]:
        return {
            "date": self.date.to_dict(),
            "concat": {f"rouge_{n}": s.to_dict() for n, s in self.concat.items()},
            "agreement": {f"rouge_{n}": s.to_dict() for n, s in self.agreement.items()},
            "align_m1": {f"rouge_{n}": s.to_dict() for n, s in self.align_m1.items()},
        }


class TlsScorer:
    """Scores predicted timelines against reference timelines (one topic at a time)."""

    def __init__(self, ns: Sequence[int] = (1, 2), *, stem: bool = True, stopwords: bool = True):
        self.ns = tuple(ns)
        self.stem = stem
        self.stopwords = stopwords

    def _toks(self, sentences: Sequence[str]) -> list[list[str]]:
        return [tokens(s, stem=self.stem, stopwords=self.stopwords) for s in sentences]

    def score(self, predicted: TimelineMap, references: Sequence[TimelineMap]) -> TlsScores:
        if not references:
            raise ValueError("at least one reference timeline is needed")
        pred = {d: self._toks(s) for d, s in predicted.items()}
        refs = [{d: self._toks(s) for d, s in r.items()} for r in references]
        return TlsScores(
            date=date_f1(predicted, references),
            concat={n: self._concat(pred, refs, n) for n in self.ns},
            agreement={n: self._agreement(pred, refs, n) for n in self.ns},
            align_m1={n: self._align_m1(pred, refs, n) for n in self.ns},
        )

    @staticmethod
    def _concat(pred: _Tok, refs: list[_Tok], n: int) -> PRF:
        peer = ngrams((s for d in sorted(pred) for s in pred[d]), n)
        models = [ngrams((s for d in sorted(r) for s in r[d]), n) for r in refs]
        c = rouge_counts(peer, models)
        return _prf(c.hits, c.peer, c.hits, c.model)

    @staticmethod
    def _agreement(pred: _Tok, refs: list[_Tok], n: int) -> PRF:
        hits_p = peer = hits_r = model = 0.0
        ref_days = set().union(*refs)
        for day in set(pred) | ref_days:
            c = rouge_counts(
                ngrams(pred.get(day, []), n), [ngrams(r.get(day, []), n) for r in refs]
            )
            if day in pred:
                hits_p += c.hits
                peer += c.peer
            if day in ref_days:
                hits_r += c.hits
                model += c.model
        return _prf(hits_p, peer, hits_r, model)

    @staticmethod
    def _align_m1(pred: _Tok, refs: list[_Tok], n: int) -> PRF:
        pred_days = sorted(pred)
        ref_days = sorted(set().union(*refs))
        hits_p = peer = hits_r = model = 0.0
        if not pred_days:
            for day in ref_days:
                model += rouge_counts(Counter(), [ngrams(r.get(day, []), n) for r in refs]).model
            return _prf(0, 0, 0, model)
        # Precision: every predicted day to its cheapest reference day.
        for day in pred_days:
            ref_day = min(ref_days, key=lambda r: _cost(pred, refs, day, r))
            c = _day_counts(pred, refs, day, ref_day, n)
            hits_p += c.hits * _weight(day, ref_day)
            peer += c.peer
        # Recall: every reference day to its cheapest predicted day.
        for ref_day in ref_days:
            day = min(pred_days, key=lambda d: _cost(pred, refs, d, ref_day))
            c = _day_counts(pred, refs, day, ref_day, n)
            hits_r += c.hits * _weight(day, ref_day)
            model += c.model
        return _prf(hits_p, peer, hits_r, model)


_Tok = dict[dt.date, list[list[str]]]


def _weight(a: dt.date, b: dt.date) -> float:
    return 1.0 / (abs(a.toordinal() - b.toordinal()) + 1)


def _day_counts(pred: _Tok, refs: list[_Tok], day: dt.date, ref_day: dt.date, n: int) -> Counts:
    return rouge_counts(ngrams(pred[day], n), [ngrams(r.get(ref_day, []), n) for r in refs])


def _cost(pred: _Tok, refs: list[_Tok], day: dt.date, ref_day: dt.date) -> float:
    """tilse's date-content cost: (1 - date weight) * (1 - ROUGE-1 F approximation). The same
    day costs 0 whatever the content; ties go to the earliest day (the order of ``min``)."""
    date_factor = 1.0 - _weight(day, ref_day)
    if date_factor == 0.0:
        return 0.0
    c = rouge_counts(ngrams(pred[day], 1), [ngrams(r.get(ref_day, []), 1) for r in refs])
    p = c.hits / c.peer if c.peer else 0.0
    r = c.hits / c.model if c.model else 0.0
    return date_factor * (1.0 - _f(p, r))


def date_f1(predicted: TimelineMap, references: Sequence[TimelineMap]) -> PRF:
    """Date selection: predicted days against the union of the reference days."""
    pred = set(predicted)
    gold: set[dt.date] = set().union(*(set(r) for r in references)) if references else set()
    both = len(pred & gold)
    p = both / len(pred) if pred else 0.0
    r = both / len(gold) if gold else 0.0
    return PRF(p, r, _f(p, r))


def timeline_from_json(
    tl: Mapping[str, object], *, field: str = "summary"
) -> dict[dt.date, list[str]]:
    """A predicted timeline from storyline's timeline JSON: entries with a day-precise date
    (``YYYY-MM-DD`` or a time on that day), each contributing its ``field`` text. Coarser dates
    (a month, a year) are not days and cannot be scored by this protocol; they are left out."""
    out: dict[dt.date, list[str]] = {}
    entries = tl.get("entries") or []
    assert isinstance(entries, list)
    for e in entries:
        value = e.get("date") if isinstance(e, dict) else None
        if not isinstance(value, str) or len(value) < 10:
            continue
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            continue
        text = e.get(field) or ""
        if field == "sentence":
            mentions = e.get("mentions") or []
            text = mentions[0].get("sentence", "") if mentions else e.get("summary") or ""
        out.setdefault(day, []).append(str(text))
    return out
