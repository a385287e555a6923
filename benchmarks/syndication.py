"""Syndication / near-duplicate detection on hand-labelled pairs.

Two label files, scored separately:

- dev: tests/data/syndication_labels.tsv -- the thresholds in ``DedupParams`` were tuned on it;
- held-out: tests/data/syndication_heldout.tsv -- labelled before the system was run on it and
  never used for tuning (guide: docs/annotation.md, "Syndication pairs").

For each labelled pair the two texts go through ``storyline.stories.dedup``: a pair is predicted
syndicated when the candidate step passes it AND the verification calls it an exact copy, a copy
or a fact-changing rewrite. Candidate steps (``--candidates``):

- ``prefilter`` (default): ``dedup.is_candidate`` on the two MinHash signatures (estimated
  Jaccard or estimated containment), the check the workspace makes on the stored signatures of
  a story's members before loading them;
- ``jaccard``: estimated Jaccard >= ``DedupParams.prefilter_jaccard`` alone (the workspace
  before the containment estimate);
- ``lsh``: the banded LSH index (``DedupIndex``).

Texts (``--texts``): ``ingest`` (default) runs each stored text through the ingest's extraction
(``storyline.ingest.article.load_article``: furniture lines, datelines and wire credits removed),
as ``storyline ingest`` does before dedup sees it; a document the ingest skips as no article
(a page of furniture only) is never stored, so a pair with one is predicted not syndicated.
``raw`` compares the corpus texts as they are (the figures before 2026-11-27 11:10).

Exact duplicates (same digest) are always candidates, as in the workspace. Story membership (the
workspace only compares an article with the members of the story it fits) is not modelled here;
benchmarks/stories.py measures the stories.

    .venv/bin/python benchmarks/syndication.py [--split dev|heldout|both] [--sweep] [--json]

``--sweep`` runs on dev only: tuning on the held-out pairs would spoil them.
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
    DedupFeatures,
    DedupIndex,
    DedupParams,
    compare,
    dedup_features,
    estimated_overlap,
    is_candidate,
    similarity,
)

SHARED = Path(os.environ.get("STORYLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
LABELS = {
    "dev": ROOT / "tests" / "data" / "syndication_labels.tsv",
    "heldout": ROOT / "tests" / "data" / "syndication_heldout.tsv",
}


def read_labels(split: str = "dev") -> list[dict[str, str]]:
    with LABELS[split].open(encoding="utf-8") as fh:
        lines = [line for line in fh if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


_recovery: dict[str, dict[str, str]] = {}


def extracted(ref: str) -> Article | None:
    """The article ``storyline ingest`` would store for a labelled document (None: skipped)."""
    from storyline.errors import NotAnArticle
    from storyline.ingest.article import load_article as ingest_article

    raw = load_article(ref)
    try:
        return ingest_article(raw.text, title=raw.title, outlet=raw.outlet)
    except NotAnArticle:
        return None


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


def found_by(fa: DedupFeatures, fb: DedupFeatures, params: DedupParams, how: str) -> bool:
    """Does the candidate step ``how`` hand this pair to the exact check?"""
    if fa.digest == fb.digest:
        return True
    a, b = fa.minhash.hashvalues, fb.minhash.hashvalues
    if how == "prefilter":
        return is_candidate(a, b, params)
    if how == "jaccard":
        return estimated_overlap(a, b)[0] >= params.prefilter_jaccard
    index = DedupIndex(params)
    index.add(fa)
    return fa.key in index.candidates(fb)


def run(
    params: DedupParams, split: str = "dev", how: str = "prefilter", texts: str = "ingest"
) -> dict[str, object]:
    labels = read_labels(split)
    tp = fp = fn = tn = 0
    errors = []
    skipped = 0
    read = extracted if texts == "ingest" else load_article
    for row in labels:
        gold = row["syndicated"] == "1"
        a, b = read(row["a"]), read(row["b"])
        if a is None or b is None:  # the ingest stores no article: nothing to link
            skipped += 1
            fn += gold
            tn += not gold
            if gold:
                note = "skipped by the ingest as no article: " + row["note"]
                errors.append(
                    {"a": row["a"], "b": row["b"], "gold": 1, "lsh_found": False,
                     "jaccard": 0.0, "containment": 0.0, "note": note}
                )  # fmt: skip
            continue
        fa = dedup_features(row["a"], Analysis(article=a))
        fb = dedup_features(row["b"], Analysis(article=b))
        found = found_by(fa, fb, params, how)
        verdict = compare(fa, fb, params) if found else None
        predicted = verdict is not None
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
        "split": split,
        "candidates": how,
        "texts": texts,
        "pairs": len(labels),
        "skipped_by_ingest": skipped,
        "positives": tp + fn,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "errors": errors,
    }


def report(res: dict[str, object]) -> None:
    how = f"{res['split']}, {res['candidates']}, {res['texts']} texts"
    head = f"syndication ({how}): {res['pairs']} labelled pairs, {res['positives']} syndicated"
    print(f"{head}; {res['skipped_by_ingest']} pairs hold a document the ingest skips")
    counts = f"tp {res['tp']} fp {res['fp']} fn {res['fn']} tn {res['tn']}"
    print(f"  precision {res['precision']:.3f}  recall {res['recall']:.3f}  ({counts})")
    for e in res["errors"]:  # type: ignore[attr-defined]
        kind = "FN" if e["gold"] else "FP"
        print(f"  {kind} {e['a']} {e['b']} J={e['jaccard']} C={e['containment']} ({e['note']})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--split", choices=["dev", "heldout", "both"], default="both")
    ap.add_argument("--candidates", choices=["prefilter", "jaccard", "lsh"], default="prefilter")
    ap.add_argument("--texts", choices=["ingest", "raw"], default="ingest")
    ap.add_argument("--sweep", action="store_true", help="try a grid of thresholds (dev only)")
    args = ap.parse_args()
    if args.sweep:
        for jac in (0.2, 0.25, 0.3, 0.4):
            for cont in (0.4, 0.45, 0.5, 0.6):
                res = run(DedupParams(jaccard=jac, containment=cont), "dev", texts=args.texts)
                p, r = res["precision"], res["recall"]
                print(f"jaccard>={jac} containment>={cont}: P {p:.3f} R {r:.3f}")
        return
    splits = ["dev", "heldout"] if args.split == "both" else [args.split]
    results = [run(DedupParams(), split, args.candidates, args.texts) for split in splits]
    if args.json:
        print(json.dumps(results if len(results) > 1 else results[0], indent=2))
        return
    for res in results:
        report(res)


if __name__ == "__main__":
    main()
