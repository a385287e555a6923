"""Cost of the entities, money and events steps relative to bare spaCy parsing.

    .venv/bin/python benchmarks/bench_nlp_steps.py [N]

Parses the first N (default 100) non-empty ReCOVery articles with ``nlp.pipe`` and times each
step on the parsed docs, so the ratios are measured in the same run on the same machine.
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from storyline.nlp import entities, events, money
from storyline.nlp.pipeline import get_nlp

DATA = (
    Path(__file__).resolve().parents[2] / "shared" / "data" / "recovery-covid19-news" / "reliable"
)


def main(n: int = 100) -> None:
    csv.field_size_limit(sys.maxsize)
    texts: list[str] = []
    for path in sorted(DATA.glob("*.csv")):
        with path.open(encoding="utf-8") as fh:
            texts += [r["body_text"] for r in csv.DictReader(fh) if r["body_text"].strip()]
        if len(texts) >= n:
            break
    texts = texts[:n]
    nlp = get_nlp()
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    t1 = time.perf_counter()
    ents = [entities.extract(d) for d in docs]
    t2 = time.perf_counter()
    for t in texts:
        money.extract(t)
    t3 = time.perf_counter()
    for d, e in zip(docs, ents, strict=True):
        events.extract(d, timexes=[], entities=e, attributions=[], dct=None)
    t4 = time.perf_counter()
    pipe = t1 - t0
    print(f"{len(texts)} articles, {sum(map(len, texts))} chars")
    print(f"nlp.pipe  {pipe:.2f}s")
    for name, secs in (("entities", t2 - t1), ("money", t3 - t2), ("events", t4 - t3)):
        print(f"{name:9} {secs:.2f}s  {secs / pipe:.1%} of nlp.pipe")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100)
