"""Syndication / near-duplicate detection on hand-labelled pairs.

The pairs are in tests/data/syndication_labels.tsv.

For each labelled pair the two texts go through ``storyline.stories.dedup`` exactly as ingested
articles do: a pair is predicted syndicated when the LSH index finds it (candidate step) AND
the verification calls it an exact copy, a copy or a fact-changing rewrite.

    .venv/bin/python benchmarks/syndication.py [--sweep] [--json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from storyline.model import Analysis, Article  # noqa: E402
from storyline.stories.dedup import (  # noqa: E402
    DedupIndex,
    DedupParams,
    compare,
    dedup_features,
    similarity,
)

SHARED = Path(os.environ.get("STORYLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
LABELS = ROOT / "tests" / "data" / "syndication_labels.tsv"


def read_labels() -> list[dict[str, str]]:
    with LABELS.open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


_recovery: dict[str, dict[str, str]] = {}


def load_article(ref: str) -> Article:
    """The text of a labelled document, with outlet and title where the corpus has them."""
    corpus, _, rest = ref.partition(":")
    if corpus == "ecbplus":
        from stories import load_doc

        return Article(text=load_doc(SHARED / "ecbplus" / rest))
    if corpus == "recovery":
        if not _recovery:
            csv.field_size_limit(10**9)
            base = SHARED / "recovery-covid19-news"
            for path in sorted(base.glob("*/*.csv")):
                with path.open(encoding="utf-8") as fh:
                    for row in csv.DictReader(fh):
                        key = f"{path.parent.name}/{path.stem}:{row['news_id']}"
                        _recovery[key] = row
        row = _recovery[rest]
        return Article(text=row["body_text"], title=row["title"], outlet=row["publisher"])
    raise ValueError(f"unknown corpus in {ref!r}")


def run(params: DedupParams) -> dict[str, object]:
    labels = read_labels()
    tp = fp = fn = tn = 0
    errors = []
    for row in labels:
        fa = dedup_features(row["a"], Analysis(article=load_article(row["a"])))
        fb = dedup_features(row["b"], Analysis(article=load_article(row["b"])))
        index = DedupIndex(params)
        index.add(fa)
        found = fa.key in index.candidates(fb)
        verdict = compare(fa, fb, params) if found else None
        predicted = verdict is not None
        gold = row["syndicated"] == "1"
        tp += predicted and gold
        fp += predicted and not gold
        fn += gold and not predicted
        tn += not gold and not predicted
        if predicted != gold:
            jac, cont = similarity(fa, fb)
            errors.append(
                {
                    "a": row["a"],
                    "b": row["b"],
                    "gold": int(gold),
                    "lsh_found": found,
                    "jaccard": round(jac, 3),
                    "containment": round(cont, 3),
                    "note": row["note"],
                }
            )
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    return {
        "pairs": len(labels),
        "positives": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "errors": errors,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--sweep", action="store_true", help="try a grid of thresholds")
    args = ap.parse_args()
    if args.sweep:
        for jac in (0.2, 0.25, 0.3, 0.4):
            for cont in (0.4, 0.45, 0.5, 0.6):
                res = run(DedupParams(jaccard=jac, containment=cont))
                p, r = res["precision"], res["recall"]
                print(f"jaccard>={jac} containment>={cont}: P {p:.3f} R {r:.3f}")
        return
    res = run(DedupParams())
    if args.json:
        print(json.dumps(res, indent=2))
        return
    print(f"syndication: {res['pairs']} labelled pairs, {res['positives']} syndicated")
    counts = f"tp {res['tp']} fp {res['fp']} fn {res['fn']} tn {res['tn']}"
    print(f"  precision {res['precision']:.3f}  recall {res['recall']:.3f}  ({counts})")
    for e in res["errors"]:
        kind = "FN" if e["gold"] else "FP"
        print(f"  {kind} {e['a']} {e['b']} J={e['jaccard']} C={e['containment']} ({e['note']})")


if __name__ == "__main__":
    main()
