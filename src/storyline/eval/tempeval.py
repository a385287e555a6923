"""TempEval-3 Task A scorer for time expressions (UzZaman et al. 2013).

* strict extent: a system timex matches a gold one when both offsets are equal;
* relaxed extent: when they overlap (one-to-one: each gold timex is matched at most once,
  biggest overlaps first);
* attribute scores over the relaxed matches: value accuracy = matched pairs with the same
  ``value`` / matched pairs, and value F1 = relaxed F1 x value accuracy (the official TE3 ranking
  metric); type likewise.

Scores are micro-averaged: counts are summed over all documents before dividing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from storyline.errors import InputError
from storyline.eval.timeml import read_timeml


class SpanLike(Protocol):
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def type(self) -> str: ...
    @property
    def value(self) -> str: ...


@dataclass(slots=True)
class Counts:
    """Summed counts; every figure is derived from these."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value_ok: int = 0
    type_ok: int = 0
    # (doc, system text, gold text, system value, gold value) for each wrong value, for review.
    value_errors: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    missed: list[tuple[str, str, str]] = field(default_factory=list)
    spurious: list[tuple[str, str, str]] = field(default_factory=list)

    def add(self, other: Counts) -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value_ok += other.value_ok
        self.type_ok += other.type_ok
        self.value_errors.extend(other.value_errors)
        self.missed.extend(other.missed)
        self.spurious.extend(other.spurious)


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    """TE3 figures in [0, 1]."""

    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float
    gold: int
    system: int

    @classmethod
    def from_counts(cls, c: Counts) -> Scores:
        sp = c.strict / c.system if c.system else 0.0
        sr = c.strict / c.gold if c.gold else 0.0
        rp = c.relaxed / c.system if c.system else 0.0
        rr = c.relaxed / c.gold if c.gold else 0.0
        rf = _f1(rp, rr)
        va = c.value_ok / c.relaxed if c.relaxed else 0.0
        ta = c.type_ok / c.relaxed if c.relaxed else 0.0
        return cls(sp, sr, _f1(sp, sr), rp, rr, rf, va, rf * va, ta, rf * ta, c.gold, c.system)

    def as_percentages(self) -> dict[str, float]:
        return {
            k: round(100 * getattr(self, k), 2)
            for k in (
                "strict_p",
                "strict_r",
                "strict_f1",
                "relaxed_p",
                "relaxed_r",
                "relaxed_f1",
                "value_accuracy",
                "value_f1",
                "type_accuracy",
                "type_f1",
            )
        }


def _overlap(a: SpanLike, b: SpanLike) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def match(gold: Sequence[SpanLike], system: Sequence[SpanLike]) -> list[tuple[int, int]]:
    """One-to-one relaxed matching: (gold index, system index) pairs, largest overlap first."""
    candidates = [
        (_overlap(g, s), gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if _overlap(g, s) > 0
    ]
    # Exact matches first, then by overlap size, then by position (deterministic).
    candidates.sort(
        key=lambda c: (
            not (gold[c[1]].start == system[c[2]].start and gold[c[1]].end == system[c[2]].end),
            -c[0],
            c[1],
            c[2],
        )
    )
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _size, gi, si in candidates:
        if gi in used_g or si in used_s:
            continue
        used_g.add(gi)
        used_s.add(si)
        pairs.append((gi, si))
    return sorted(pairs)


def score_document(
    gold: Sequence[SpanLike],
    system: Sequence[SpanLike],
    *,
    text: str = "",
    name: str = "",
) -> Counts:
    """Counts for one document's gold and system timexes (offsets into the same text)."""
    c = Counts(gold=len(gold), system=len(system))
    pairs = match(gold, system)
    c.relaxed = len(pairs)
    matched_g = {gi for gi, _ in pairs}
    matched_s = {si for _, si in pairs}
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        if g.start == s.start and g.end == s.end:
            c.strict += 1
        if g.value == s.value:
            c.value_ok += 1
        else:
            c.value_errors.append(
                (name, text[s.start : s.end], text[g.start : g.end], s.value, g.value)
            )
        if g.type == s.type:
            c.type_ok += 1
    for gi, g in enumerate(gold):
        if gi not in matched_g:
            c.missed.append((name, text[g.start : g.end], g.value))
    for si, s in enumerate(system):
        if si not in matched_s:
            c.spurious.append((name, text[s.start : s.end], s.value))
    return c


def _key(path: Path) -> str:
    name = path.name
    for suffix in (".tml.TE3input", ".tml"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def score_dirs(gold_dir: Path, system_dir: Path) -> Counts:
    """Score every gold ``*.tml`` in ``gold_dir`` against the same-named file in ``system_dir``.

    A gold file without a system file counts as all missed. The tag-stripped texts must be
    equal (the TE3 rule); a differing text is an ``InputError`` naming the file.
    """
    gold_files = sorted(p for p in gold_dir.glob("*.tml"))
    if not gold_files:
        raise InputError(f"{gold_dir}: no gold *.tml files")
    system_files = {_key(p): p for p in system_dir.iterdir() if p.name.endswith(".tml")}
    total = Counts()
    for gpath in gold_files:
        gold = read_timeml(gpath)
        spath = system_files.get(_key(gpath))
        sys_timexes: Iterable[SpanLike] = []
        if spath is not None:
            sys_doc = read_timeml(spath)
            if sys_doc.text != gold.text:
                raise InputError(f"{spath.name}: its TEXT differs from the gold file's")
            sys_timexes = sys_doc.timexes
        total.add(score_document(gold.timexes, list(sys_timexes), text=gold.text, name=gpath.name))
    return total
