"""Ingest throughput on ReCOVery (2,031 real articles, 55 outlets) against bare spaCy.

In one run, on the same texts:

1. the full ingest: ``Workspace.ingest`` of a JSONL of the corpus into a fresh SQLite workspace
   with N worker processes (extraction, analysis, storing, and the cross-article steps when
   ``storyline.stories.update`` exists) — articles/s, wall clock including worker start-up and
   model loading;
2. the baseline: ``nlp.pipe(texts, n_process=N)`` with en_core_web_sm (model already loaded,
   only the pipe timed) — articles/s.

The goal (issue 5): ratio ingest / baseline >= 0.75, peak memory <= 1.5 GB. Memory is the
peak, over the run, of the proportional set sizes (PSS) summed over the whole process tree (main
process plus workers; see ``PeakMemory``), in GiB. On a shared machine the wall-clock ratio
depends on what else runs during each phase, so the ratio in CPU time (this process and its
joined children, workers included; the memory sampler's own CPU time left out) is printed
beside it, with the machine's load average at the start, between the phases and at the end.

    .venv/bin/python benchmarks/throughput.py [--workers 2] [--limit N] [--db PATH|URL] [--json]

The corpus is internal test data (CC BY-NC-SA): the JSONL is written to a temporary folder and
deleted afterwards.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(os.environ.get("STORYLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
RECOVERY = SHARED / "recovery-covid19-news"
# spaCy's default (1000) would cut 2,031 texts into 3 batches for 2 processes: a lopsided
# baseline. 64 keeps both processes busy to the end.
BASELINE_BATCH = 64


def load_recovery(limit: int | None = None) -> list[dict[str, str | None]]:
    """The ReCOVery articles as JSONL-style records, in a stable order (file, then row)."""
    if not RECOVERY.is_dir():
        raise SystemExit(f"ReCOVery not found at {RECOVERY} (set STORYLINE_SHARED_DATA)")
    csv.field_size_limit(sys.maxsize)
    records = []
    for path in sorted(RECOVERY.glob("*/*.csv")):
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                text = (row.get("body_text") or "").strip()
                if not text:
                    continue
                records.append(
                    {
                        # news_id restarts in every outlet file: the file names the outlet.
                        "id": f"{path.stem}-{row['news_id']}",
                        "url": row.get("url") or None,
                        "title": row.get("title") or None,
                        "outlet": row.get("publisher") or None,
                        "published": (row.get("publish_date") or "")[:10] or None,
                        "text": text,
                    }
                )
    return records[:limit] if limit else records


class PeakMemory:
    """Peak memory of this process and all its descendants, sampled in a thread: the sum of
    their proportional set sizes (PSS: a page shared by k processes counts 1/k in each, so a
    forked tree is not counted several times over, as a sum of resident set sizes would).

    ``peak`` is the tree's peak; ``peak_main`` this process's own share at that moment (the
    rest is the workers'). Reading PSS is costly (the kernel walks the page tables: about 3 ms
    per process of a few hundred MB), so it is read when the cheap resident size of the tree
    reaches a new high (2 % above the last reading), at most every ``pss_interval`` seconds
    near the high, and every 2 s otherwise. ``cpu_seconds`` is what the sampling itself cost
    (it runs in this process: the figures below subtract it).
    """

    def __init__(self, interval: float = 0.1, pss_interval: float = 0.5) -> None:
        self.interval = interval
        self.pss_interval = pss_interval
        self.peak = 0
        self.peak_main = 0
        self.readings = 0
        self.cpu_seconds = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        cpu = time.thread_time()
        me = os.getpid()
        last, rss_at_last, top_rss = -1e9, 0, 0
        while True:
            pids = _tree(me)
            rss = sum(_status_rss(p) for p in pids)
            now = time.monotonic()
            new_high = rss > 1.02 * rss_at_last and rss >= top_rss
            near_high = rss >= 0.9 * top_rss and now - last >= self.pss_interval
            if new_high or near_high or now - last >= 2.0 or self._stop.is_set():
                main = _pss(me)
                total = main + sum(_pss(p) for p in pids[1:])
                if total > self.peak:
                    self.peak, self.peak_main = total, main
                last, rss_at_last = now, rss
                self.readings += 1
            top_rss = max(top_rss, rss)
            if self._stop.is_set():
                break
            self._stop.wait(self.interval)
        self.cpu_seconds = time.thread_time() - cpu

    @property
    def gib(self) -> float:
        return self.peak / 1024**3

    @property
    def main_gib(self) -> float:
        return self.peak_main / 1024**3


def _children(pid: int) -> list[int]:
    kids: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            kids.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return kids


def _tree(pid: int) -> list[int]:
    """``pid`` first, then all its descendants."""
    out, stack = [], [pid]
    while stack:
        p = stack.pop()
        out.append(p)
        stack.extend(_children(p))
    return out


def _field(pid: int, name: str, key: str) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
            if line.startswith(key):
                return int(line.split()[1]) * 1024
    except OSError:
        return None
    return None


def _status_rss(pid: int) -> int:
    return _field(pid, "status", "VmRSS:") or 0


def _pss(pid: int) -> int:
    """Proportional set size; the resident set size where the kernel gives no PSS."""
    found = _field(pid, "smaps_rollup", "Pss:")
    return found if found is not None else _status_rss(pid)


def tree_rss(pid: int) -> int:
    """PSS summed over ``pid`` and its descendants (one reading)."""
    return sum(_pss(p) for p in _tree(pid))


def cpu_seconds() -> float:
    """CPU time of this process and of its finished (joined) children: workers included."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def own_cpu_seconds() -> float:
    """CPU time of this process alone (the main process of the ingest)."""
    t = os.times()
    return t.user + t.system


def run_ingest(
    records: list[dict[str, str | None]], workers: int, db: str | None, tmp: Path
) -> dict:
    from storyline.workspace import Workspace

    path = tmp / "recovery.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ws = Workspace(db or tmp / "throughput.db")
    with PeakMemory() as mem:
        cpu, own = cpu_seconds(), own_cpu_seconds()
        start = time.perf_counter()
        report = ws.ingest([path], workers=workers)
        seconds = time.perf_counter() - start
        cpu, own = cpu_seconds() - cpu, own_cpu_seconds() - own
    # The memory sampler's own CPU time is not the ingest's.
    cpu, own = cpu - mem.cpu_seconds, own - mem.cpu_seconds
    count = ws.count()
    ws.close()
    return {
        "seconds": round(seconds, 2),
        "documents": report.documents,
        "added": report.added,
        "duplicates": report.duplicates,
        "failed": len(report.failed),
        "skipped": len(report.skipped),
        "articles_in_workspace": count,
        "articles_per_s": round(report.documents / seconds, 2),
        "cpu_seconds": round(cpu, 1),
        "main_process_cpu_seconds": round(own, 1),
        "articles_per_cpu_s": round(report.documents / cpu, 3),
        "peak_memory_gib": round(mem.gib, 3),
        "peak_memory_main_gib": round(mem.main_gib, 3),
        "memory_sampler_cpu_seconds": round(mem.cpu_seconds, 2),
        "main_process_seconds": {k: round(v, 2) for k, v in report.timings.items()},
    }


def run_baseline(texts: list[str], workers: int) -> dict:
    from storyline.nlp.pipeline import get_nlp

    nlp = get_nlp()
    with PeakMemory() as mem:
        cpu, own = cpu_seconds(), own_cpu_seconds()
        start = time.perf_counter()
        n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=BASELINE_BATCH))
        seconds = time.perf_counter() - start
        cpu, own = cpu_seconds() - cpu, own_cpu_seconds() - own
    cpu, own = cpu - mem.cpu_seconds, own - mem.cpu_seconds
    return {
        "seconds": round(seconds, 2),
        "documents": n,
        "articles_per_s": round(n / seconds, 2),
        "cpu_seconds": round(cpu, 1),
        "main_process_cpu_seconds": round(own, 1),
        "articles_per_cpu_s": round(n / cpu, 3),
        "peak_memory_gib": round(mem.gib, 3),
        "peak_memory_main_gib": round(mem.main_gib, 3),
        "memory_sampler_cpu_seconds": round(mem.cpu_seconds, 2),
        "batch_size": BASELINE_BATCH,
    }


def _commit() -> str | None:
    try:
        out = subprocess.run(
            ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return None
    return out.stdout.strip() or None


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--db", default=None, help="workspace (default: a temporary SQLite file)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    records = load_recovery(args.limit)
    started, load_before = _now(), os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="storyline-throughput-") as tmp:
        # The ingest first, while this process has no model loaded: its memory is the
        # ingest's own (main process + workers).
        ingest = run_ingest(records, args.workers, args.db, Path(tmp))
    load_between = os.getloadavg()[0]
    # The same input texts as the ingest read, unchanged.
    baseline = run_baseline([r["text"] or "" for r in records], args.workers)
    result = {
        "corpus": "ReCOVery",
        "articles": len(records),
        "workers": args.workers,
        "commit": _commit(),
        "started": started,
        "finished": _now(),
        # One-minute load averages of the machine (other users' work shows here).
        "load_average": {
            "start": round(load_before, 2),
            "after_ingest": round(load_between, 2),
            "end": round(os.getloadavg()[0], 2),
        },
        "ingest": ingest,
        "baseline_nlp_pipe": baseline,
        "ratio": round(ingest["articles_per_s"] / baseline["articles_per_s"], 3),
        # The same ratio in CPU time: steady when the machine is shared and the wall clock is
        # not (both phases run the same number of processes).
        "cpu_ratio": round(ingest["articles_per_cpu_s"] / baseline["articles_per_cpu_s"], 3),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    load = result["load_average"]
    print(
        f"ReCOVery: {len(records)} articles, {args.workers} workers, commit {result['commit']}, "
        f"{started} to {result['finished']}, load average {load['start']} / "
        f"{load['after_ingest']} / {load['end']} (start / after ingest / end)"
    )
    for name, r, extra in (
        (
            "full ingest",
            ingest,
            f", added {ingest['added']}, duplicates {ingest['duplicates']}, "
            f"failed {ingest['failed']}",
        ),
        ("nlp.pipe", baseline, f", batch_size {baseline['batch_size']}"),
    ):
        print(
            f"  {name:<12}: {r['articles_per_s']:7.2f} articles/s, {r['seconds']} s wall; "
            f"{r['articles_per_cpu_s']:.3f} articles per CPU-s ({r['cpu_seconds']} CPU-s, "
            f"main process {r['main_process_cpu_seconds']}); "
            f"peak memory {r['peak_memory_gib']} GiB = {r['peak_memory_gib'] * 1.073741824:.3f} GB "
            f"PSS (main process {r['peak_memory_main_gib']} GiB){extra}"
        )
    print(f"  ratio       : {result['ratio']:.3f} wall clock (goal >= 0.75; memory goal <= 1.5 GB)")
    print(f"  CPU ratio   : {result['cpu_ratio']:.3f} (articles per CPU-second, same order)")
    print(f"  main process: {ingest['main_process_seconds']} (seconds; the rest is waiting)")


if __name__ == "__main__":
    main()
