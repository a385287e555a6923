"""Extraction quality and publication-date accuracy of ``storyline.ingest``.

1. Body text on article-extraction-benchmark (181 pages with gold article bodies): per page,
   precision and recall of the extracted text against the gold body, averaged over pages, F1
   from the averages. Two tokenisations: bags of word tokens (``\\w+``) and bags of 4-token
   shingles (how the benchmark's authors score; their published trafilatura 2.0.0 F1 is 0.958).
   Rows: the benchmark's stored outputs of trafilatura 2.0.0, Readability.js and goose3,
   trafilatura 2.3 as installed with each precision/recall setting, our cascade
   (``ingest.html.extract``) and the full ``load_article`` (cascade + furniture cleaning).
2. Publication dates on htmldate-mediacloud-2020 (200 pages, 195 with a gold date): share of
   pages whose ``load_article(html, url=...)`` date equals the gold date, beside bare htmldate
   (original date / latest date) in the same run.

Usage::

    .venv/bin/python benchmarks/extraction.py [--data DIR] [--limit N] [--only body|dates]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.errors import StorylineError  # noqa: E402

_TOKEN = re.compile(r"\w+")


def _bag(text: str, n: int) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_scores(gold: str, pred: str, n: int) -> tuple[float, float]:
    """(precision, recall) of one page's bag of n-grams; an empty prediction scores P=0, R=0."""
    g, p = _bag(gold, n), _bag(pred, n)
    tp = sum((g & p).values())
    precision = tp / sum(p.values()) if p else 0.0
    recall = tp / sum(g.values()) if g else 0.0
    return precision, recall


def summarise(golds: dict[str, str], preds: dict[str, str], n: int) -> tuple[float, float, float]:
    ps, rs = [], []
    for key, gold in golds.items():
        p, r = page_scores(gold, preds.get(key, ""), n)
        ps.append(p)
        rs.append(r)
    mp, mr = statistics.fmean(ps), statistics.fmean(rs)
    return mp, mr, (2 * mp * mr / (mp + mr) if mp + mr else 0.0)


def _trafilatura(**options: object) -> Callable[[str, str], str]:
    import trafilatura

    def run(html: str, url: str) -> str:
        return (
            trafilatura.extract(
                html, url=url, include_comments=False, include_tables=False, **options
            )
            or ""
        )

    return run


def _cascade(html: str, url: str) -> str:
    from storyline.ingest import html as stage

    try:
        return stage.extract(html, url=url).text
    except StorylineError:
        return ""


def _load_article(html: str, url: str) -> str:
    from storyline.ingest import load_article

    try:
        return load_article(html, url=url, content_type="text/html").text
    except StorylineError:
        return ""


def bench_body(data: Path, limit: int | None) -> list[str]:
    root = data / "article-extraction-benchmark"
    gt = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(gt)[:limit] if limit else sorted(gt)
    golds = {k: gt[k]["articleBody"] for k in keys}
    pages = {
        k: gzip.decompress((root / "html" / f"{k}.html.gz").read_bytes()).decode("utf-8", "replace")
        for k in keys
    }
    rows: list[tuple[str, dict[str, str], float | None]] = []
    for name in ("trafilatura", "readability_js", "goose3"):
        out = json.loads((root / "baseline-outputs" / f"{name}.json").read_text(encoding="utf-8"))
        stored = {k: (out["output"].get(k) or {}).get("articleBody") or "" for k in keys}
        label = {"trafilatura": "trafilatura 2.0.0 (stored output)"}.get(name, f"{name} (stored)")
        rows.append((label, stored, None))
    systems: list[tuple[str, Callable[[str, str], str]]] = [
        ("trafilatura 2.3 default (installed)", _trafilatura()),
        ("trafilatura 2.3 favor_precision", _trafilatura(favor_precision=True)),
        ("trafilatura 2.3 favor_recall", _trafilatura(favor_recall=True)),
        ("storyline cascade (ingest.html.extract)", _cascade),
        ("storyline load_article (cascade + cleaning)", _load_article),
    ]
    for label, run in systems:
        start = time.perf_counter()
        preds = {k: run(pages[k], gt[k].get("url") or "") for k in keys}
        rows.append((label, preds, (time.perf_counter() - start) / len(keys)))
    lines = [
        f"Body text, article-extraction-benchmark, {len(keys)} pages",
        "",
        "| system | tokens P | tokens R | tokens F1 | 4-gram P | 4-gram R | 4-gram F1 | s/page |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, preds, secs in rows:
        p1, r1, f1 = summarise(golds, preds, 1)
        p4, r4, f4 = summarise(golds, preds, 4)
        timing = f"{secs:.3f}" if secs is not None else "-"
        lines.append(
            f"| {label} | {p1:.3f} | {r1:.3f} | {f1:.3f} "
            f"| {p4:.3f} | {r4:.3f} | {f4:.3f} | {timing} |"
        )
    return lines


def bench_dates(data: Path, limit: int | None) -> list[str]:
    import htmldate

    from storyline.ingest import load_article

    root = data / "htmldate-mediacloud-2020"
    # The file holds the non-standard literal NaN (pages without a date); Python's json reads it.
    gold = json.loads((root / "eval_mediacloud_2020.json").read_text(encoding="utf-8"))
    items = sorted(gold.items())[:limit] if limit else sorted(gold.items())
    dated = [(u, v) for u, v in items if isinstance(v.get("date"), str)]
    counts: Counter[str] = Counter()
    sources: Counter[str] = Counter()
    refused = 0
    start = time.perf_counter()
    for url, entry in dated:
        raw = gzip.decompress((root / "html" / f"{entry['file']}.gz").read_bytes())
        want = entry["date"]
        try:
            art = load_article(raw, url=url, content_type="text/html")
            got, source = art.published, art.published_source or "none"
        except StorylineError:
            got, source = None, "refused"
            refused += 1
        sources[source] += 1
        counts["storyline"] += got == want
        counts["storyline_any"] += got is not None
        for label, original in (("htmldate original", True), ("htmldate latest", False)):
            try:
                found = htmldate.find_date(
                    raw, url=url, original_date=original, extensive_search=True
                )
            except Exception:
                found = None
            counts[label] += found == want
            counts[label + "_any"] += found is not None
    secs = (time.perf_counter() - start) / max(1, len(dated))
    n = len(dated)
    lines = [
        f"Publication dates, htmldate-mediacloud-2020, {n} pages with a gold date "
        f"({len(items) - n} without one left out)",
        "",
        "| system | exact date | accuracy | found a date |",
        "|---|---|---|---|",
    ]
    for label in ("storyline", "htmldate original", "htmldate latest"):
        lines.append(
            f"| {label} | {counts[label]}/{n} | {counts[label] / n:.3f} "
            f"| {counts[label + '_any']}/{n} |"
        )
    lines.append("")
    lines.append(
        f"storyline date sources: {dict(sources)}; pages refused: {refused}; "
        f"{secs:.3f} s/page for all three"
    )
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="first N pages only (a smoke run)")
    parser.add_argument("--only", choices=("body", "dates"), default=None)
    args = parser.parse_args(argv)
    import logging

    logging.disable(logging.WARNING)  # trafilatura and htmldate are chatty on odd pages
    out: list[str] = []
    if args.only in (None, "body"):
        out += bench_body(args.data, args.limit)
        out.append("")
    if args.only in (None, "dates"):
        out += bench_dates(args.data, args.limit)
    print("\n".join(out))


if __name__ == "__main__":
    main()
