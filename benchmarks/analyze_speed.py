"""Seconds per article of ``storyline.analyze`` (extraction + every analysis step), issue 2.

Figures, on this machine, in one run:

* model load: a fresh process importing storyline and loading en_core_web_sm (``get_nlp``);
* the seed article: warm (model loaded; median of ``--repeat`` runs) and cold (a fresh process:
  import, model load and one analysis, wall clock);
* 100 ReCOVery articles (every 20th of the corpus in its stable order): mean and median seconds
  per article warm, and the mean with the model load spread over the 100.

    .venv/bin/python benchmarks/analyze_speed.py [--sample 100] [--repeat 5] [--json]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import load_recovery  # noqa: E402

SEED = ROOT / "tests" / "fixtures" / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
SEED_PUBLISHED = "2025-12-02"

_COLD = """
import sys, time
t0 = time.perf_counter()
from storyline.nlp.pipeline import get_nlp
get_nlp()
t1 = time.perf_counter()
if sys.argv[1] == "analyze":
    from storyline import analyze
    analyze(open(sys.argv[2], encoding="utf-8").read(), published=sys.argv[3])
t2 = time.perf_counter()
print(t1 - t0, t2 - t0)
"""


def cold(what: str) -> tuple[float, float]:
    """(model load seconds, total seconds) in a fresh process."""
    out = subprocess.run(
        [sys.executable, "-c", _COLD, what, str(SEED), SEED_PUBLISHED],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    from storyline import analyze
    from storyline.nlp.pipeline import get_nlp

    load_seconds, _ = cold("load")
    _, seed_cold = cold("analyze")
    get_nlp()
    seed = SEED.read_text(encoding="utf-8")
    seed_warm, seed_cpu = [], []
    for _ in range(args.repeat):
        start, cpu = time.perf_counter(), time.process_time()
        analyze(seed, published=SEED_PUBLISHED)
        seed_warm.append(time.perf_counter() - start)
        seed_cpu.append(time.process_time() - cpu)

    records = load_recovery()
    step = max(1, len(records) // args.sample)
    sample = records[::step][: args.sample]
    per_article = []
    cpu_per_article = []
    failed = 0
    for r in sample:
        start, cpu = time.perf_counter(), time.process_time()
        try:
            analyze(r["text"], published=r["published"], url=r["url"], outlet=r["outlet"])
        except Exception:
            failed += 1
        per_article.append(time.perf_counter() - start)
        cpu_per_article.append(time.process_time() - cpu)
    mean = statistics.mean(per_article)
    result = {
        "model_load_s": round(load_seconds, 3),
        "seed": {
            "warm_s": round(statistics.median(seed_warm), 3),
            "warm_cpu_s": round(statistics.median(seed_cpu), 3),
            "cold_s": round(seed_cold, 3),
            "chars": len(seed),
        },
        "recovery": {
            "articles": len(sample),
            "failed": failed,
            "mean_chars": round(statistics.mean(len(r["text"]) for r in sample)),
            "warm_mean_s": round(mean, 3),
            "warm_median_s": round(statistics.median(per_article), 3),
            "warm_max_s": round(max(per_article), 3),
            # CPU time of this process: steadier than the wall clock on a shared machine.
            "warm_mean_cpu_s": round(statistics.mean(cpu_per_article), 3),
            "with_load_mean_s": round(mean + load_seconds / len(sample), 3),
        },
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    rec = result["recovery"]
    print(f"model load (fresh process)       : {result['model_load_s']:.2f} s")
    print(f"seed, warm (median of {args.repeat})         : {result['seed']['warm_s']:.3f} s")
    print(f"seed, cold (import+load+analyse) : {result['seed']['cold_s']:.2f} s")
    print(
        f"ReCOVery x{rec['articles']}, warm mean      : {rec['warm_mean_s']:.3f} s/article "
        f"(median {rec['warm_median_s']:.3f}, max {rec['warm_max_s']:.2f}, "
        f"{rec['mean_chars']} chars on average, {rec['failed']} failed)"
    )
    print(f"ReCOVery, mean with model load   : {rec['with_load_mean_s']:.3f} s/article")
    print(
        f"CPU time (this process), warm    : seed {result['seed']['warm_cpu_s']:.3f} s, "
        f"ReCOVery mean {rec['warm_mean_cpu_s']:.3f} s/article"
    )


if __name__ == "__main__":
    main()
