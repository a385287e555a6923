"""Timeline summarisation (TLS) on hand-made dev timelines, through the stable interface.

For each topic in tests/data/tls_dev/*.json (``--split dev``, tuned on) or
tests/data/tls_heldout/*.json (``--split heldout``: scored once, the look logged in
docs/benchmarks.md) -- a list of ReCOVery article ids and a reference timeline written by hand
from those articles -- this writes the articles as JSONL with their
publication dates, runs ``storyline ingest`` into a temporary workspace and
``storyline timeline --all --max-dates N --per-date K --format json`` with N = the number of
reference dates (as the TLS protocol does), and scores the entries' summaries with
storyline.eval.tls (date F1; concat, agreement and align+ m:1 ROUGE-1/2 F). A baseline is scored
in the same run: the first sentence of the earliest articles of the N days on which most articles
were published.

The seed article is scored against the timeline of EXPECTED.md ("The timeline a reader
expects", its day-precise dates only) as a micro check.

    .venv/bin/python benchmarks/tls.py [--split dev|heldout] [--per-date 1] [--keep DIR] [--json]

``--keep DIR`` keeps each topic's workspace in DIR and reuses it on the next run (the cached
workspace-wide timelines are dropped first, so a changed summariser is measured).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from storyline.eval.tls import TlsScorer, TlsScores, timeline_from_json  # noqa: E402

SHARED = Path(os.environ.get("STORYLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
RECOVERY = SHARED / "recovery-covid19-news"
DATA = ROOT / "tests" / "data"
# Tune on dev; the held-out topics are scored once, at the end, and the look is logged.
SPLITS = {"dev": DATA / "tls_dev", "heldout": DATA / "tls_heldout"}
SEED = ROOT / "tests" / "fixtures" / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
STORYLINE = ROOT / ".venv" / "bin" / "storyline"
# The seed's expected timeline (EXPECTED.md), day-precise dates only: the protocol scores days.
SEED_GOLD = {
    "2025-11-21": "Trump and Maduro spoke on a call of under 15 minutes; Trump rejected "
    "Maduro's requests and gave him one week to leave Venezuela.",
    "2025-11-28": "The week of safe passage for Maduro to leave expired.",
    "2025-11-29": "Trump declared Venezuelan airspace closed.",
    "2025-11-30": "Trump confirmed he had spoken with Maduro.",
    "2025-12-01": "Maduro pledged absolute loyalty to the Venezuelan people in a speech; Trump "
    "held talks with top advisers on Venezuela.",
}


def load_recovery() -> dict[str, dict[str, str]]:
    csv.field_size_limit(10**9)
    rows: dict[str, dict[str, str]] = {}
    for path in sorted(RECOVERY.glob("*/*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for r in csv.DictReader(fh):
                rows[f"{path.stem}:{r['news_id']}"] = r
    return rows


def write_jsonl(ids: list[str], rows: dict[str, dict[str, str]], out: Path) -> list[dict[str, Any]]:
    docs = []
    for i in ids:
        r = rows[i]
        docs.append(
            {
                "id": i,
                "url": r["url"],
                "title": r["title"],
                "text": r["body_text"],
                "published": r["publish_date"],
                "outlet": r["publisher"],
            }
        )
    with out.open("w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return docs


def run(*args: str) -> str:
    proc = subprocess.run(
        [str(STORYLINE), *args], capture_output=True, text=True, check=False, cwd=ROOT
    )
    if proc.returncode not in (0, 1):
        raise SystemExit(f"storyline {' '.join(args)} failed: {proc.stderr.strip()[-500:]}")
    return proc.stdout


def drop_cached_timelines(db: Path) -> None:
    from storyline.store import stories as repo
    from storyline.workspace import Workspace

    ws = Workspace(str(db))
    with ws.begin() as conn:
        repo.invalidate(conn, [])
    ws.close()


def system_timeline(
    db: Path, jsonl: Path, n: int, k: int, fresh: bool
) -> tuple[dict[str, Any], float]:
    if fresh:
        run("--db", str(db), "ingest", str(jsonl), "--workers", "1")
    else:
        drop_cached_timelines(db)
    t0 = time.perf_counter()
    out = run(
        "--db", str(db), "timeline", "--all", "--max-dates", str(n), "--per-date", str(k),
        "--format", "json",
    )  # fmt: skip
    return json.loads(out), time.perf_counter() - t0


_SENT = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]*[A-Z0-9])")


def first_sentence(text: str) -> str:
    text = " ".join(text.split())
    return _SENT.split(text, maxsplit=1)[0] if text else ""


def baseline(docs: list[dict[str, Any]], n: int, k: int) -> dict[dt.date, list[str]]:
    """The N days on which most articles were published; on each, the lead sentences of its
    first K articles (by id, for determinism)."""
    by_day: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        by_day[d["published"][:10]].append(d)
    days = sorted(by_day, key=lambda day: (-len(by_day[day]), day))[:n]
    return {
        dt.date.fromisoformat(day): [
            first_sentence(d["text"]) for d in sorted(by_day[day], key=lambda d: d["id"])[:k]
        ]
        for day in days
    }


def gold_timeline(items: list[dict[str, str]]) -> dict[dt.date, list[str]]:
    out: dict[dt.date, list[str]] = defaultdict(list)
    for it in items:
        out[dt.date.fromisoformat(it["date"])].append(it["summary"])
    return dict(out)


def row(name: str, s: TlsScores) -> str:
    return (
        f"| {name} | {s.date.f1:.3f} | {s.concat[1].f1:.3f} | {s.concat[2].f1:.3f} "
        f"| {s.agreement[1].f1:.3f} | {s.agreement[2].f1:.3f} "
        f"| {s.align_m1[1].f1:.3f} | {s.align_m1[2].f1:.3f} |"
    )


HEADER = (
    "| topic / system | date F1 | concat R1 | concat R2 | agree R1 | agree R2 "
    "| align m:1 R1 | align m:1 R2 |\n|---|---|---|---|---|---|---|---|"
)


def mean(scores: list[TlsScores]) -> dict[str, float]:
    def avg(xs: list[float]) -> float:
        return sum(xs) / len(xs) if xs else 0.0

    return {
        "date_f1": avg([s.date.f1 for s in scores]),
        "concat_r1": avg([s.concat[1].f1 for s in scores]),
        "concat_r2": avg([s.concat[2].f1 for s in scores]),
        "agreement_r1": avg([s.agreement[1].f1 for s in scores]),
        "agreement_r2": avg([s.agreement[2].f1 for s in scores]),
        "align_r1": avg([s.align_m1[1].f1 for s in scores]),
        "align_r2": avg([s.align_m1[2].f1 for s in scores]),
    }


def mean_row(name: str, m: dict[str, float]) -> str:
    keys = ("date_f1", "concat_r1", "concat_r2", "agreement_r1", "agreement_r2")
    return (
        f"| {name} | " + " | ".join(f"{m[x]:.3f}" for x in (*keys, "align_r1", "align_r2")) + " |"
    )


def score_seed(base: Path, k: int, field: str, scorer: TlsScorer) -> TlsScores:
    """The seed article alone, against the reader's timeline (its day-precise dates)."""
    seed_db = base / "seed.db"
    seed_jsonl = base / "seed.jsonl"
    seed_doc = {
        "id": "seed",
        "title": "Trump rejected Maduro requests on call",
        "text": SEED.read_text(encoding="utf-8"),
        "published": "2025-12-02",
        "outlet": "The Straits Times",
        "url": "https://www.straitstimes.com/world/trump-rejected-maduro-requests-on-call",
    }
    seed_jsonl.write_text(json.dumps(seed_doc) + "\n", encoding="utf-8")
    seed_gold = {dt.date.fromisoformat(d): [s] for d, s in SEED_GOLD.items()}
    tl, _ = system_timeline(seed_db, seed_jsonl, len(seed_gold), k, fresh=not seed_db.exists())
    return scorer.score(timeline_from_json(tl, field=field), [seed_gold])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-date", type=int, default=1)
    ap.add_argument("--keep", type=Path, help="keep and reuse workspaces in this folder")
    ap.add_argument("--field", choices=("summary", "sentence"), default="summary")
    ap.add_argument("--show", action="store_true", help="print the system timelines")
    ap.add_argument("--json", action="store_true")
    ap.add_argument(
        "--split",
        choices=tuple(SPLITS),
        default="dev",
        help="dev (tune on these) or heldout (score once, log it in docs/benchmarks.md)",
    )
    ap.add_argument("--topic", action="append", help="only these topics (file stems)")
    ap.add_argument("--no-seed", action="store_true", help="skip the seed-article check")
    args = ap.parse_args()
    if not RECOVERY.is_dir():
        raise SystemExit(f"no ReCOVery data at {RECOVERY}")
    rows = load_recovery()
    scorer = TlsScorer()
    tmp = tempfile.TemporaryDirectory(prefix="storyline-tls-")
    base = args.keep or Path(tmp.name)
    base.mkdir(parents=True, exist_ok=True)
    k = args.per_date
    lines, ours, theirs, report = [HEADER], [], [], {}
    for gold_path in sorted(SPLITS[args.split].glob("*.json")):
        if args.topic and gold_path.stem not in args.topic:
            continue
        topic = json.loads(gold_path.read_text(encoding="utf-8"))
        gold = gold_timeline(topic["timeline"])
        n = len(gold)
        jsonl = base / f"{gold_path.stem}.jsonl"
        docs = write_jsonl(topic["articles"], rows, jsonl)
        db = base / f"{gold_path.stem}.db"
        tl, secs = system_timeline(db, jsonl, n, k, fresh=not db.exists())
        pred = timeline_from_json(tl, field=args.field)
        s_ours = scorer.score(pred, [gold])
        s_base = scorer.score(baseline(docs, n, k), [gold])
        ours.append(s_ours)
        theirs.append(s_base)
        label = f"{gold_path.stem} ({len(docs)} articles, {n} dates)"
        lines += [row(f"{label}: storyline", s_ours), row(f"{label}: baseline", s_base)]
        report[gold_path.stem] = {
            "articles": len(docs),
            "dates": n,
            "timeline_seconds": round(secs, 2),
            "storyline": s_ours.to_dict(),
            "baseline": s_base.to_dict(),
        }
        if args.show:
            print(f"\n## {gold_path.stem}")
            for day in sorted(set(pred) | set(gold)):
                mark = "=" if day in pred and day in gold else ("+" if day in pred else "-")
                for text in pred.get(day, []):
                    print(f"{mark} {day} SYS  {text[:150]}")
                for text in gold.get(day, []):
                    print(f"{mark} {day} GOLD {text[:150]}")
    if not args.no_seed and args.split == "dev":
        s_seed = score_seed(base, k, args.field, scorer)
        lines.append(row("seed article (5 dates)", s_seed))
        report["seed"] = {"storyline": s_seed.to_dict()}
    m_ours, m_base = mean(ours), mean(theirs)
    lines += [
        mean_row("mean of topics: storyline", m_ours),
        mean_row("mean of topics: baseline", m_base),
    ]
    report["mean"] = {"storyline": m_ours, "baseline": m_base}
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        print(f"K = {k} per date, N = reference dates; scored field: {args.field}")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
