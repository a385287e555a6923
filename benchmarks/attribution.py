"""Attribution quality on the hand-annotated gold set, and attribution speed.

    .venv/bin/python benchmarks/attribution.py                 # dev split only
    .venv/bin/python benchmarks/attribution.py --split test    # a TEST look: log it (benchmarks.md)
    .venv/bin/python benchmarks/attribution.py --show          # per-paragraph misses (dev)

Quality: every measure of storyline.eval.attribution (span F1 exact/overlap for cue, source and
content; sourced-claim F1; source-type accuracy; anonymous count exact match; polarity F1).
Speed: the time of ``attribution.extract`` as a ratio over the spaCy parse of the same texts, in
the same run (ReCOVery articles from ../shared/data when present, else the gold paragraphs).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path
from typing import Any

from storyline.eval.attribution import Scores, score
from storyline.nlp import attribution, entities
from storyline.nlp.pipeline import get_nlp

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "attribution_gold.jsonl"
SHARED = ROOT.parent / "shared" / "data"
RECOVERY = SHARED / "recovery-covid19-news" / "reliable"


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]


def predict(text: str) -> list[dict[str, Any]]:
    doc = get_nlp()(text)
    ents = entities.extract(doc)
    atts, _quotes = attribution.extract(doc, ents)
    return [a.to_dict() for a in atts]


def run_split(records: list[dict[str, Any]], show: bool = False) -> Scores:
    triples = []
    for rec in records:
        pred = predict(rec["text"])
        triples.append((rec["text"], rec["attributions"], pred))
        if show:
            _show(rec, pred)
    return score(triples)


def _show(rec: dict[str, Any], pred: list[dict[str, Any]]) -> None:
    def fmt(a: dict[str, Any]) -> str:
        s = a.get("source")
        c = a.get("content")
        src = f"{s['text']!r}/{s['type']}/{s.get('count')}" if s else "-"
        con = (c["text"][:60] + "…" + c["text"][-20:]) if c else "-"
        return f"{a['cue']['text']!r} | {src} | {a['polarity']} | {con!r}"

    print(f"== {rec['id']} ({rec['split']})")
    for a in rec["attributions"]:
        print("  G", fmt(a))
    for a in pred:
        print("  P", fmt(a))


def print_scores(name: str, s: Scores) -> None:
    print(f"\n## {name}: {s.documents} paragraphs")
    print(f"{'span':<10}{'exact P/R/F1':>24}{'overlap P/R/F1':>24}")
    for part in ("cue", "source", "content"):
        e, o = s.spans[f"{part}_exact"], s.spans[f"{part}_overlap"]
        print(
            f"{part:<10}{e.precision:>8.3f}{e.recall:>8.3f}{e.f1:>8.3f}"
            f"{o.precision:>8.3f}{o.recall:>8.3f}{o.f1:>8.3f}"
        )
    sc = s.sourced_claim
    print(f"sourced-claim P/R/F1: {sc.precision:.3f} {sc.recall:.3f} {sc.f1:.3f}")
    print(
        f"source-type accuracy: {s.type_accuracy.value:.3f} "
        f"({s.type_accuracy.right}/{s.type_accuracy.total})"
    )
    print(
        f"anonymous count exact: {s.count_exact.value:.3f} "
        f"({s.count_exact.right}/{s.count_exact.total})"
    )
    pol = ", ".join(
        f"{k} {v.f1:.3f} (tp {v.tp} fp {v.fp} fn {v.fn})" for k, v in s.polarity.items()
    )
    print(f"polarity F1: macro {s.polarity_macro_f1:.3f}; {pol}")


def speed_texts(limit: int) -> list[str]:
    if not RECOVERY.is_dir():
        return [r["text"] for r in load_gold()]
    csv.field_size_limit(10**8)
    texts: list[str] = []
    for path in sorted(RECOVERY.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                body = (row.get("body_text") or "").strip()
                if body:
                    texts.append(body[:20000])
                if len(texts) >= limit:
                    return texts
    return texts


def speed(limit: int) -> dict[str, float]:
    nlp = get_nlp()
    texts = speed_texts(limit)
    t0 = time.perf_counter()
    docs = [nlp(t) for t in texts]
    parse = time.perf_counter() - t0
    ents = [entities.extract(d) for d in docs]
    t1 = time.perf_counter()
    for d, e in zip(docs, ents, strict=True):
        attribution.extract(d, e)
    attr = time.perf_counter() - t1
    chars = sum(len(t) for t in texts)
    return {
        "texts": len(texts),
        "chars": chars,
        "parse_s": parse,
        "attribution_s": attr,
        "ratio": attr / parse,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=["dev", "test", "both"], default="dev")
    ap.add_argument("--show", action="store_true", help="print gold and predicted attributions")
    ap.add_argument("--speed", type=int, default=40, help="articles for the speed ratio (0: skip)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    gold = load_gold()
    splits = ["dev", "test"] if args.split == "both" else [args.split]
    results: dict[str, Any] = {}
    for split in splits:
        recs = [r for r in gold if r["split"] == split]
        s = run_split(recs, show=args.show)
        results[split] = s.to_dict()
        if not args.json:
            print_scores(split, s)
    if args.speed:
        sp = speed(args.speed)
        results["speed"] = sp
        if not args.json:
            print(
                f"\nspeed: {sp['texts']} articles, {sp['chars']} chars; "
                f"spaCy parse {sp['parse_s']:.2f} s, "
                f"attribution {sp['attribution_s']:.2f} s = {100 * sp['ratio']:.1f}% of the parse"
            )
    if args.json:
        json.dump(results, sys.stdout, indent=1)
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
