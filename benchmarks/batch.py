"""The Ray batch job against the plain multiprocessing ingest, on the same inputs, in one run.

1. ``Workspace.ingest(files, workers=N)``: extraction + analysis in N worker processes, stored in
   a fresh SQLite workspace (the cross-article steps included) — articles/s;
2. ``storyline batch`` (``run_batch``) on a local Ray runtime with N CPUs and N analysis actors,
   writing Parquet — articles/s, with and without the runtime's start-up; then ``storyline load``
   of that Parquet into a fresh workspace (bulk insert + the cross-article steps).

    .venv/bin/python benchmarks/batch.py [--limit 400] [--workers 2] [--files 4] [--json]

Inputs: ReCOVery articles (internal test data, CC BY-NC-SA) written as JSONL files to a temporary
folder that is deleted afterwards.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from throughput import PeakMemory, load_recovery  # noqa: E402


def write_inputs(records: list[dict[str, str]], folder: Path, files: int) -> list[Path]:
    paths = []
    per = -(-len(records) // files)
    for i in range(files):
        chunk = records[i * per : (i + 1) * per]
        if not chunk:
            break
        p = folder / f"part-{i:03d}.jsonl"
        p.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in chunk), "utf-8")
        paths.append(p)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--files", type=int, default=4)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    import ray

    from storyline.scale.batch import run_batch
    from storyline.scale.load import load_batch
    from storyline.workspace import Workspace

    # Evenly spread over the corpus: its first file holds dozens of copies of one newsletter.
    everything = load_recovery()
    step = max(1, len(everything) // args.limit)
    records = everything[::step][: args.limit]
    with tempfile.TemporaryDirectory(prefix="storyline-batch-bench-") as tmp:
        tmpdir = Path(tmp)
        inputs = write_inputs(records, tmpdir, args.files)
        n = len(records)

        with PeakMemory() as mem_ingest:
            t0 = time.perf_counter()
            with Workspace(tmpdir / "ingest.sqlite") as ws:
                report = ws.ingest(inputs, workers=args.workers)
            ingest_s = time.perf_counter() - t0
        assert report.added + report.duplicates + len(report.skipped) + len(report.failed) >= n

        with PeakMemory() as mem_ray:
            t0 = time.perf_counter()
            ray.init(num_cpus=args.workers, include_dashboard=False, log_to_driver=False)
            ray_start_s = time.perf_counter() - t0
            t1 = time.perf_counter()
            batch = run_batch([str(p) for p in inputs], tmpdir / "out", actors=args.workers)
            batch_s = time.perf_counter() - t1
            ray.shutdown()
        t0 = time.perf_counter()
        with Workspace(tmpdir / "load.sqlite") as ws:
            loaded = load_batch(ws, tmpdir / "out")
        load_s = time.perf_counter() - t0

    result = {
        "articles": n,
        "workers": args.workers,
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores",
        "ingest": {
            "seconds": round(ingest_s, 2),
            "articles_per_s": round(n / ingest_s, 2),
            "peak_mb": round(mem_ingest.peak / 2**20),
        },
        "ray_batch": {
            "runtime_start_s": round(ray_start_s, 2),
            "seconds": round(batch_s, 2),
            "articles_per_s": round(n / batch_s, 2),
            "articles_per_s_with_start": round(n / (batch_s + ray_start_s), 2),
            "analysed": batch.articles,
            "skipped": batch.skipped,
            "failed": batch.failed,
            "peak_mb": round(mem_ray.peak / 2**20),
        },
        "load": {"seconds": round(load_s, 2), "added": loaded.added},
        "ratio_ray_over_ingest": round((n / batch_s) / (n / ingest_s), 3),
        "ratio_ray_with_start_and_load_over_ingest": round(
            ingest_s / (batch_s + ray_start_s + load_s), 3
        ),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"{n} ReCOVery articles, {args.workers} workers, {result['machine']}")
    print(
        f"  ingest (processes):  {result['ingest']['articles_per_s']:7.2f} articles/s "
        f"({ingest_s:.1f} s, peak {result['ingest']['peak_mb']} MB)"
    )
    rb = result["ray_batch"]
    print(
        f"  ray batch:           {rb['articles_per_s']:7.2f} articles/s ({batch_s:.1f} s; "
        f"runtime start {ray_start_s:.1f} s; peak {rb['peak_mb']} MB; "
        f"{rb['analysed']} analysed, {rb['skipped']} skipped, {rb['failed']} failed)"
    )
    print(f"  load into workspace: {load_s:.1f} s ({loaded.added} articles)")
    end_to_end = result["ratio_ray_with_start_and_load_over_ingest"]
    print(
        f"  ratio ray/ingest:    {result['ratio_ray_over_ingest']:.3f} "
        f"(end to end incl. start and load: {end_to_end:.3f})"
    )


if __name__ == "__main__":
    main()
