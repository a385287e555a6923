"""Time a full timeline (no ``--max-dates``) over many ReCOVery articles, old code against new.

Ingests the first ``--limit`` ReCOVery articles into a SQLite workspace under /tmp once (keep
it with ``--reuse``: analysis takes ~0.3 s an article), loads the story-less "all articles"
input of ``storyline timeline --all``, then builds the timeline with the ``timeline`` module
of a baseline git revision (``--baseline``, loaded from ``git show``) and with the working
tree's, in the same run, checks the two are equal and prints the times and their ratio::

    .venv/bin/python benchmarks/timeline_build.py --limit 400 --reuse
    .venv/bin/python benchmarks/timeline_build.py --db /tmp/copy-of-a-workspace.db
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from storyline import Workspace  # noqa: E402
from storyline.stories import timeline as new  # noqa: E402
from storyline.stories.service import _timeline_articles  # noqa: E402
from throughput import load_recovery  # noqa: E402

MODULE = "src/storyline/stories/timeline.py"


def baseline_module(rev: str) -> ModuleType:
    """The timeline module as it was at ``rev`` (a fresh module, beside the current one)."""
    source = subprocess.run(
        ["git", "show", f"{rev}:{MODULE}"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    path = Path(tempfile.gettempdir()) / f"timeline_{rev.replace('/', '_')}.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("timeline_baseline", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules["timeline_baseline"] = mod  # dataclasses look their module up
    spec.loader.exec_module(mod)
    return mod


def workspace(limit: int, reuse: bool, workers: int) -> Workspace:
    db = Path(tempfile.gettempdir()) / f"storyline-timeline-bench-{limit}.db"
    if db.exists() and reuse:
        return Workspace(str(db))
    db.unlink(missing_ok=True)
    records = load_recovery(limit)
    jsonl = db.with_suffix(".jsonl")
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    ws = Workspace(str(db))
    t0 = time.perf_counter()
    ws.ingest([str(jsonl)], workers=workers)
    print(f"ingested {len(records)} articles in {time.perf_counter() - t0:.0f} s", flush=True)
    return ws


def timed(mod: ModuleType, ws: Workspace, today: dt.date) -> tuple[float, float, dict]:
    """(group_mentions seconds, build_timeline seconds, timeline dict) with ``mod``."""
    import sqlalchemy as sa

    from storyline.store.schema import articles

    with ws.connect() as conn:
        ids = [int(i) for i in conn.execute(sa.select(articles.c.id)).scalars()]
        arts = _timeline_articles(conn, ws, ids)
    ordered = sorted(arts, key=mod._pub_key)
    mod.assign_sources(ordered)
    mentions = [m for a in ordered for m in mod.mentions_of(a)]
    t0 = time.perf_counter()
    mod.group_mentions(mentions)
    grouping = time.perf_counter() - t0
    with ws.connect() as conn:
        arts = _timeline_articles(conn, ws, ids)
    t0 = time.perf_counter()
    head = {"id": None, "title": "All articles", "articles": len(ids)}
    tl = mod.build_timeline(arts, story=head, today=today)
    return grouping, time.perf_counter() - t0, tl.to_dict() | {"mentions": len(mentions)}


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--limit", type=int, default=400, help="ReCOVery articles to ingest")
    p.add_argument("--reuse", action="store_true", help="reuse the workspace of a former run")
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--baseline", default="HEAD", help="git revision of the old timeline module")
    p.add_argument("--db", help="time an existing workspace (a copy: it may be migrated)")
    args = p.parse_args()
    ws = Workspace(args.db) if args.db else workspace(args.limit, args.reuse, args.workers)
    old = baseline_module(args.baseline)
    today = dt.date(2026, 11, 27)
    g_new, b_new, tl_new = timed(new, ws, today)
    g_old, b_old, tl_old = timed(old, ws, today)
    same = tl_old == tl_new
    n_articles, n_mentions = tl_new["story"]["articles"], tl_new["mentions"]
    print(f"articles {n_articles}, mentions {n_mentions}, entries {len(tl_new['entries'])}")
    print(f"group_mentions: old {g_old:.2f} s, new {g_new:.2f} s, x{g_old / max(g_new, 1e-9):.1f}")
    print(f"build_timeline: old {b_old:.2f} s, new {b_new:.2f} s, x{b_old / max(b_new, 1e-9):.1f}")
    print(f"identical output: {same}")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
