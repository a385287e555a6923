"""Timeline reads in a large workspace: 100,000 articles, one story of 2,000 articles.

The workspace is built from repeated real articles (ECB+ texts, analysed once with the real
pipeline, then stored many times with distinct text, id and date), bulk-inserted with the
store's tables, and grouped the way ``storyline.stories.update`` groups them: one large story whose
articles are copies of 20 originals (so 20 independent sources), the rest in stories of 50.
Then:

* cold: the large story's timeline built from its 2,000 stored analyses (once);
* warm: ``timeline_for`` again (the cached timeline), N times: p50 / p95;
* open + warm: a fresh ``Workspace`` opened each time (what one CLI call pays besides Python
  start-up), N times: p50 / p95;
* baseline in the same run: ``SELECT count(*)`` of the story's members, N times;
* the whole CLI process (Python start-up and imports included), wall and CPU time, for
  ``storyline --help``, ``storyline stories --format json`` and ``storyline timeline STORY
  --format json``; with ``--baseline-src DIR`` (the ``src`` folder of another checkout, e.g.
  ``git archive <commit> src | tar -x -C /tmp/old``) the same commands run from that code too,
  interleaved with the current code's runs, so both see the same machine load.

    .venv/bin/python benchmarks/stories_scale.py [--articles 100000] [--story 2000] [--db PATH]
        [--reuse] [--cli-only] [--baseline-src DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

import sqlalchemy as sa  # noqa: E402

from storyline.store import stories as srepo  # noqa: E402
from storyline.store.articles import content_key  # noqa: E402
from storyline.store.schema import analyses, articles  # noqa: E402


def source_analyses(n_big: int, n_other: int) -> tuple[list[dict], list[dict]]:
    """Analyses of ECB+ texts: ``n_big`` of one topic (the large story), ``n_other`` others."""
    from stories import load
    from storyline.analysis import analyze_article
    from storyline.model import Article
    from storyline.nlp.pipeline import get_nlp

    docs, texts, gold = load("dev")
    topic = [t for d, t in zip(docs, texts, strict=True) if gold[d] == "24_ecbplus"][:n_big]
    other = [t for d, t in zip(docs, texts, strict=True) if not gold[d].startswith("24_")]
    other = other[:: max(1, len(other) // n_other)][:n_other]
    nlp = get_nlp()

    def run(batch: list[str], day: dt.date) -> list[dict]:
        out = []
        for i, (text, doc) in enumerate(zip(batch, nlp.pipe(batch), strict=True)):
            published = (day + dt.timedelta(days=i % 5)).isoformat()
            a = analyze_article(Article(text=text, published=published), doc=doc)
            out.append(a.to_dict())
        return out

    return run(topic, dt.date(2013, 9, 9)), run(other, dt.date(2013, 1, 1))


def build(db: str, n_articles: int, n_story: int) -> int:
    from storyline import Workspace

    t0 = time.perf_counter()
    big, other = source_analyses(20, 60)
    print(f"analysed {len(big) + len(other)} source articles in {time.perf_counter() - t0:.1f}s")
    if os.path.exists(db):
        os.remove(db)
    ws = Workspace(db)
    now = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    big_story, next_story, members = 1, 2, 0
    with ws.begin() as conn:
        for start in range(0, n_articles, 2000):
            a_rows, an_rows, sa_rows, link_rows = [], [], [], []
            for i in range(start, min(start + 2000, n_articles)):
                in_big = i < n_story
                src = big[i % len(big)] if in_big else other[i % len(other)]
                text = src["article"]["text"] + f"\n(Edition {i}.)"
                aid = i + 1
                a_rows.append(
                    {
                        "id": aid,
                        "content_key": content_key(text),
                        "external_id": f"a{aid}",
                        "outlet": f"Outlet {i % 97}",
                        "published": src["article"]["published"],
                        "text": text,
                        "created_at": now,
                        "updated_at": now,
                        "linked_at": now,
                    }
                )
                data = dict(src)
                data["article"] = {k: v for k, v in src["article"].items() if k != "text"}
                an_rows.append(
                    {"article_id": aid, "data": data, "versions": {}, "analyzed_at": now}
                )
                if in_big:
                    story, group = big_story, (i % len(big)) + 1
                else:
                    story = next_story + (i - n_story) // 50
                    group = aid
                sa_rows.append({"article_id": aid, "story_id": story, "score": 1.0})
                link_rows.append(
                    {
                        "article_id": aid,
                        "group_id": group,
                        "kind": "copy" if group != aid else "original",
                        "copy_of": group if group != aid else None,
                        "jaccard": None,
                        "changed": [],
                        "minhash": b"\0" * 8,
                        "digest": f"{aid:040d}",
                    }
                )
            conn.execute(articles.insert(), a_rows)
            conn.execute(analyses.insert(), an_rows)
            conn.execute(srepo.story_articles.insert(), sa_rows)
            conn.execute(srepo.article_links.insert(), link_rows)
            members += len(a_rows)
        n_stories = next_story + (n_articles - n_story) // 50 + 1
        conn.execute(
            srepo.stories.insert(),
            [
                {
                    "id": s,
                    "title": f"Story {s}",
                    "size": n_story if s == big_story else 50,
                    "profile": {},
                    "updated_at": now,
                }
                for s in range(1, n_stories)
            ],
        )
    ws.close()
    print(f"stored {members} articles in {time.perf_counter() - t0:.1f}s")
    return big_story


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_cli(args: list[str], src: str | None) -> tuple[float, float]:
    """One ``storyline ARGS...`` process: (wall seconds, CPU seconds of that process)."""
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src  # ahead of the installed (editable) package
    else:
        env.pop("PYTHONPATH", None)
    cpu0, t0 = _child_cpu(), time.perf_counter()
    subprocess.run(
        [str(ROOT / ".venv" / "bin" / "storyline"), *args],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    return time.perf_counter() - t0, _child_cpu() - cpu0


def measure_cli(db: str, story: int, repeat: int, baseline_src: str | None) -> None:
    """Whole ``storyline`` processes, current code and (optionally) a baseline, interleaved."""
    commands = {
        "storyline --help": ["--help"],
        "storyline stories --format json": ["--db", db, "stories", "--format", "json"],
        f"storyline timeline {story} --format json": [
            "--db",
            db,
            "timeline",
            str(story),
            "--format",
            "json",
        ],
    }
    variants = {"current": None}
    if baseline_src:
        variants = {"baseline": baseline_src, "current": None}
    times: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for args in commands.values():  # a first, unmeasured run of each: warm the file cache
        for src in variants.values():
            run_cli(args, src)
    for _ in range(repeat):
        for name, args in commands.items():
            for variant, src in variants.items():
                times.setdefault((name, variant), []).append(run_cli(args, src))
    print(f"whole CLI process ({repeat} runs each, interleaved):")
    for name in commands:
        for variant in variants:
            vals = times[(name, variant)]
            wall = [w for w, _ in vals]
            cpu = [c for _, c in vals]
            print(
                f"  {name} [{variant}]: wall p50 {statistics.median(wall) * 1000:.0f} ms, "
                f"p95 {pct(wall, 0.95) * 1000:.0f} ms; CPU p50 "
                f"{statistics.median(cpu) * 1000:.0f} ms, p95 {pct(cpu, 0.95) * 1000:.0f} ms"
            )
        if baseline_src:
            base = statistics.median([w for w, _ in times[(name, "baseline")]])
            now = statistics.median([w for w, _ in times[(name, "current")]])
            base_cpu = statistics.median([c for _, c in times[(name, "baseline")]])
            now_cpu = statistics.median([c for _, c in times[(name, "current")]])
            print(
                f"  {name}: baseline / current = {base / now:.1f}x wall, "
                f"{base_cpu / now_cpu:.1f}x CPU (p50)"
            )


def measure(db: str, story: int, repeat: int) -> None:
    import storyline.stories as st
    from storyline import Workspace

    ws = Workspace(db)
    t0 = time.perf_counter()
    tl = st.timeline_for(ws, story_id=story)
    cold = time.perf_counter() - t0
    print(
        f"cold build: {cold * 1000:.0f} ms for {tl['story']['articles']} articles, "
        f"{len(tl['entries'])} entries"
    )
    warm, base = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        st.timeline_for(ws, story_id=story)
        warm.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with ws.connect() as conn:
            conn.execute(
                sa.select(sa.func.count()).where(srepo.story_articles.c.story_id == story)
            ).scalar_one()
        base.append(time.perf_counter() - t0)
    ws.close()
    opened, as_json = [], []
    for _ in range(repeat):
        t0 = time.perf_counter()
        with Workspace(db) as w2:
            st.timeline_for(w2, story_id=story)
        opened.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        with Workspace(db) as w2:
            st.timeline_json(w2, story_id=story)
        as_json.append(time.perf_counter() - t0)
    rows = (
        ("warm timeline_for (dict)", warm),
        ("open workspace + timeline_for", opened),
        ("open workspace + timeline_json (what the CLI runs)", as_json),
        ("baseline: count the story's members", base),
    )
    for name, vals in rows:
        print(
            f"{name}: p50 {statistics.median(vals) * 1000:.1f} ms, "
            f"p95 {pct(vals, 0.95) * 1000:.1f} ms ({repeat} runs)"
        )
    print(f"timeline_json p95 / baseline p95 = {pct(as_json, 0.95) / pct(base, 0.95):.1f}x")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--story", type=int, default=2000)
    ap.add_argument("--db", default="/tmp/storyline-scale.db")
    ap.add_argument("--repeat", type=int, default=50)
    ap.add_argument("--reuse", action="store_true", help="measure an already built workspace")
    ap.add_argument("--cli-only", action="store_true", help="only the whole-process CLI timings")
    ap.add_argument(
        "--cli-repeat", type=int, default=10, help="runs of each CLI command (default 10)"
    )
    ap.add_argument(
        "--baseline-src",
        help="the src folder of another checkout: its CLI is timed beside the current one",
    )
    args = ap.parse_args()
    story = 1 if args.reuse or args.cli_only else build(args.db, args.articles, args.story)
    if not args.cli_only:
        measure(args.db, story, args.repeat)
    measure_cli(args.db, story, args.cli_repeat, args.baseline_src)


if __name__ == "__main__":
    main()
