"""Web API load: the timeline endpoint of a large story under load, and the story page's weight.

In one run:

1. a workspace of N real articles (default 10,000): ReCOVery's 2,031 articles ingested for real
   (``Workspace.ingest``, 2 workers), then repeated as varied republications until N: each copy
   gets its own outlet ("<outlet> (edition k)"), a publication date k days later and a closing
   line naming the edition, so it is a distinct article that the cross-article steps
   (``storyline.stories.update``) must group as a near-duplicate. Copies reuse the original's
   analysis (the closing line is appended, so every span offset stays valid). Built once and
   cached under /tmp (``--cache``);
2. ``storyline serve`` started as a subprocess on a free 127.0.0.1 port (loopback only);
3. a bounded async load generator (httpx, ``--concurrency`` connections) on
   ``GET /api/stories/{id}/timeline`` of the story with the most articles, stopping at
   ``--requests`` requests or ``--seconds`` seconds, whichever comes first: requests/s, p50, p99;
4. the same load on ``GET /static/storyline.css`` (the cheapest answer, through the same
   middleware) as a baseline measured in the same run, so the figure can be read as a ratio on
   this shared machine; and for both, the server process's own CPU time per request (from
   /proc), which other work on the machine does not distort;
5. the story page's weight: the HTML of ``/stories/{id}`` plus every stylesheet, script and icon
   it links.

Goals (issue 6): >= 200 requests/s and p99 < 100 ms on 2 cores; story page < 300 KB. The load
generator runs on the same 2 cores as the server, so it takes part of the machine.

    .venv/bin/python benchmarks/api_load.py [--articles 10000] [--requests 3000] [--seconds 30]
        [--concurrency 16] [--cache /tmp/storyline-api-load] [--rebuild] [--json]

The corpus is internal test data (CC BY-NC-SA): the workspace stays under /tmp, never in the repo.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import datetime as dt
import hashlib
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SHARED = Path(os.environ.get("STORYLINE_SHARED_DATA", ROOT.parent / "shared" / "data"))
RECOVERY = SHARED / "recovery-covid19-news"
# The same-run reference: the cheapest answer the server gives (a static file through the same
# middleware), so the timeline's rate reads as a share of what this machine allows right now.
BASELINE = "/static/storyline.css"
# External ids of copies: "<original id>-ed<k>".
_COPY_ID = re.compile(r".*-ed\d+")
# Copies are linked to stories in batches of this size, as ingest does.
LINK_BATCH = 128


# ---- the workspace ------------------------------------------------------------------------


def recovery_records() -> list[dict[str, Any]]:
    """The ReCOVery corpus as JSONL records (the reader shared with benchmarks/throughput.py)."""
    from throughput import load_recovery

    return list(load_recovery())


def _fingerprint(records: list[dict[str, Any]], n: int) -> str:
    h = hashlib.sha256(str(n).encode())
    for r in records:
        h.update(r["id"].encode())
        h.update(r["text"][:200].encode())
    return h.hexdigest()[:16]


def build_workspace(
    n: int,
    cache: Path,
    *,
    unique: int,
    ingest_seconds: float,
    direct_after: int | None = None,
    rebuild: bool = False,
) -> Path:
    """The N-article workspace file, built once and reused while the corpus is unchanged.
    ``unique`` ReCOVery articles (spread over all outlets) are analysed; the rest are copies."""
    records = recovery_records()
    if unique < len(records):
        step = len(records) / unique
        records = [records[int(i * step)] for i in range(unique)]
    cache.mkdir(parents=True, exist_ok=True)
    stamp = cache / f"ws-{n}.fingerprint"
    db = cache / f"ws-{n}.db"
    fp = _fingerprint(records, n)
    if not rebuild and db.exists() and stamp.exists() and stamp.read_text() == fp:
        print(f"workspace: reusing {db}", file=sys.stderr)
        return db
    if rebuild:
        for p in cache.glob(f"ws-{n}.db*"):
            p.unlink()
    base = cache / "base.db"
    base_stamp = cache / "base.fingerprint"
    base_fp = _fingerprint(records, 0)
    if rebuild:
        for p in cache.glob("base.*"):
            p.unlink()
    if not (base_stamp.exists() and base_stamp.read_text() == base_fp):
        # A base left by an interrupted run is resumed, not thrown away.
        _ingest_base(records, base, cache, ingest_seconds)
        base_stamp.write_text(base_fp)
    if not db.exists():
        _copy_sqlite(base, db)
    # A workspace left half-built by an interrupted run is completed, not rebuilt.
    _add_copies(db, n, direct_after=direct_after)
    stamp.write_text(fp)
    return db


def _ingest_base(records: list[dict[str, Any]], base: Path, cache: Path, seconds: float) -> None:
    """``storyline ingest --workers 2`` of the chosen articles, bounded in time: ingest is
    resumable, so a run cut short keeps every article it stored, and the next run goes on."""
    import signal

    jsonl = cache / "recovery.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    cmd = [sys.executable, "-m", "storyline", "--db", str(base), "ingest", str(jsonl)]
    started = time.perf_counter()
    # Its own process group, so a cut-short ingest takes its worker processes with it.
    proc = subprocess.Popen(
        [*cmd, "--workers", "2"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        proc.wait(timeout=seconds)
        complete = True
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=60)
        complete = False
    jsonl.unlink()
    from storyline.workspace import Workspace

    with Workspace(base) as ws:
        stored = ws.count()
    print(
        f"workspace: {stored} of {len(records)} ReCOVery articles ingested in "
        f"{time.perf_counter() - started:.0f}s" + ("" if complete else " (time bound reached)"),
        file=sys.stderr,
    )


def _copy_sqlite(src: Path, dst: Path) -> None:
    import sqlite3

    # The online backup API copies a consistent database, WAL included.
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


def _shift(published: str | None, days: int) -> str | None:
    if not published:
        return None
    try:
        return (dt.date.fromisoformat(published[:10]) + dt.timedelta(days=days)).isoformat()
    except ValueError:
        return published


def _add_copies(db: Path, n: int, *, direct_after: int | None = None) -> None:
    """Varied republications of the base articles until the workspace holds ``n``.

    Copies are linked by ``storyline.stories.update`` (dedup, online clustering, entities) like
    any ingested article, until the workspace holds ``direct_after`` articles; after that each
    copy is put straight into its original's story and syndication group, which is what the
    dedup step decides for such a copy, without the comparison work (the full online step over
    thousands of near-identical copies takes hours on a shared 2-core machine). The run says
    how many copies were linked each way.
    """
    import storyline.stories as stories
    from storyline.store import articles as repo
    from storyline.workspace import Workspace

    update = getattr(stories, "update", None)
    started = time.perf_counter()
    with Workspace(db) as ws:
        with ws.connect() as conn:
            stored = repo.list_articles(conn, limit=None)
            unlinked = repo.unlinked_article_ids(conn)
        # Articles stored but never linked (an earlier run cut short): link them now.
        for start in range(0, len(unlinked), LINK_BATCH):
            _link(ws, update, unlinked[start : start + LINK_BATCH])
        originals = [r for r in stored if not _COPY_ID.fullmatch(r.external_id or "")]
        with ws.connect() as conn:
            analyses = repo.load_analyses(conn, [r.id for r in originals])
        originals = [r for r in originals if r.id in analyses]
        have = len(stored)
        pending: list[int] = []
        direct = 0
        k = 1
        while have < n:
            for rec in originals:
                if have >= n:
                    break
                outlet = f"{rec.outlet or 'Unknown'} (edition {k})"
                article = dataclasses.replace(
                    rec.to_article(),
                    text=f"{rec.text}\n\nRepublished by {outlet}.",
                    outlet=outlet,
                    published=_shift(rec.published, k),
                )
                analysis = dataclasses.replace(analyses[rec.id], article=article)
                with ws.begin() as conn:
                    new_id, created = repo.insert_article(
                        conn, article, external_id=f"{rec.external_id or rec.id}-ed{k}"
                    )
                    if created:
                        repo.save_analysis(conn, new_id, analysis)
                        if direct_after is not None and have >= direct_after:
                            _link_as_copy(conn, new_id, rec.id, article.text)
                            direct += 1
                if not created:
                    continue
                have += 1
                if direct_after is None or have <= direct_after:
                    pending.append(new_id)
                if len(pending) >= LINK_BATCH:
                    _link(ws, update, pending)
                    pending = []
            k += 1
        _link(ws, update, pending)
        if direct:
            _finish_direct(ws)
    print(
        f"workspace: {have} articles ({len(originals)} analysed, the rest copies; {direct} "
        f"copies linked directly) in {time.perf_counter() - started:.0f}s",
        file=sys.stderr,
    )


def _link_as_copy(conn: Any, copy_id: int, original_id: int, text: str) -> None:
    """Put a copy in its original's story and syndication group (see ``_add_copies``)."""
    from storyline.store import stories as srepo

    story = srepo.story_of(conn, [original_id]).get(original_id)
    link = srepo.links(conn, [original_id]).get(original_id)
    if story is None or link is None:
        return
    srepo.assign(conn, copy_id, story, 1.0)
    srepo.save_link(
        conn,
        copy_id,
        {
            "group_id": link["group_id"],
            "kind": "copy",
            "copy_of": original_id,
            "jaccard": None,
            "changed": [],
            "minhash": link["minhash"],
            "digest": hashlib.sha1(text.encode()).hexdigest(),
        },
    )


def _finish_direct(ws: Any) -> None:
    """After direct links: story sizes and dates, timeline caches, linked marks."""
    import sqlalchemy as sa

    from storyline.store import articles as repo
    from storyline.store import stories as srepo
    from storyline.store.schema import articles

    with ws.begin() as conn:
        profiles = srepo.load_profiles(conn)
        for sid, profile in profiles.items():
            ids = srepo.story_article_ids(conn, sid)
            head = srepo.get_story(conn, sid) or {}
            dates = sorted(
                p
                for p in conn.execute(
                    sa.select(articles.c.published).where(articles.c.id.in_(ids))
                ).scalars()
                if p
            )
            srepo.save_story(
                conn,
                sid,
                title=head.get("title"),
                size=len(ids),
                first_published=dates[0] if dates else None,
                last_published=dates[-1] if dates else None,
                profile=profile,
            )
        srepo.invalidate(conn, list(profiles))
        repo.mark_linked(conn, repo.unlinked_article_ids(conn))


def _link(ws: Any, update: Any, ids: list[int]) -> None:
    from storyline.store import articles as repo

    if not ids or update is None:
        return
    update(ws, ids)
    with ws.begin() as conn:
        repo.mark_linked(conn, ids)


# ---- the server ---------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    import httpx

    port = _free_port()
    log.parent.mkdir(parents=True, exist_ok=True)
    out = log.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "storyline", "--db", str(db), "serve", "--port", str(port)],
        stdout=out,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"storyline serve exited:\n{log.read_text()}")
        try:
            if httpx.get(f"{url}/api/articles?limit=1", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit(f"storyline serve did not answer in 60 s:\n{log.read_text()}")


# ---- the load -----------------------------------------------------------------------------


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used (Linux /proc): the server's own cost, which
    a machine shared with other work does not distort the way wall-clock rates are."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


@dataclasses.dataclass
class LoadResult:
    path: str
    requests: int
    errors: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    # As sent on the wire (gzip for the timeline).
    bytes_per_response: int
    # The server's CPU per request, and the rate one fully available core would give.
    server_cpu_ms: float = 0.0
    one_core_rps: float = 0.0


async def _load(url: str, path: str, total: int, seconds: float, concurrency: int) -> LoadResult:
    import httpx

    latencies: list[float] = []
    errors = 0
    size = 0
    issued = 0
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=url, limits=limits, timeout=30) as client:
        stop_at = time.perf_counter() + seconds

        async def worker() -> None:
            nonlocal issued, errors, size
            while issued < total and time.perf_counter() < stop_at:
                issued += 1
                t0 = time.perf_counter()
                # Read the bytes as sent (gzip when the server compresses): decoding them is
                # the client's work, and it would share these 2 cores with the server.
                async with client.stream("GET", path) as r:
                    async for _ in r.aiter_raw():
                        pass
                latencies.append(time.perf_counter() - t0)
                if r.status_code != 200:
                    errors += 1
                size = r.num_bytes_downloaded

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(concurrency)))
        elapsed = time.perf_counter() - started
    ordered = sorted(latencies)
    p99 = ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))] if ordered else 0.0
    return LoadResult(
        path=path,
        requests=len(latencies),
        errors=errors,
        seconds=round(elapsed, 2),
        rps=round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        p50_ms=round(statistics.median(ordered) * 1000, 1) if ordered else 0.0,
        p99_ms=round(p99 * 1000, 1),
        bytes_per_response=size,
    )


def run_load(
    url: str, path: str, total: int, seconds: float, concurrency: int, server_pid: int
) -> tuple[LoadResult, float]:
    """The load, after a warm-up; also the first (cold) request's time in seconds, which for
    a timeline includes building it from the stored analyses."""
    import httpx

    t0 = time.perf_counter()
    first = httpx.get(url + path, timeout=1800)
    cold = time.perf_counter() - t0
    if first.status_code != 200:
        raise SystemExit(f"{path}: HTTP {first.status_code}: {first.text[:300]}")
    for _ in range(20):  # warm-up: connections, caches
        httpx.get(url + path, timeout=60)
    before = cpu_seconds(server_pid)
    result = asyncio.run(_load(url, path, total, seconds, concurrency))
    used = cpu_seconds(server_pid) - before
    if result.requests:
        result.server_cpu_ms = round(1000 * used / result.requests, 2)
        result.one_core_rps = round(result.requests / used, 1) if used else 0.0
    return result, cold


# ---- the page weight ----------------------------------------------------------------------


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "link" and a.get("href") and a.get("rel") in ("stylesheet", "icon"):
            self.urls.append(str(a["href"]))
        if tag == "script" and a.get("src"):
            self.urls.append(str(a["src"]))
        if tag == "img" and a.get("src"):
            self.urls.append(str(a["src"]))


def page_weight(url: str, path: str) -> dict[str, Any]:
    """Bytes of the page and everything it links, as sent (gzip, as browsers ask) and
    uncompressed."""
    import httpx

    def sizes(u: str) -> tuple[int, int, str]:
        with httpx.Client(timeout=300) as client:
            r = client.get(url + u, headers={"accept-encoding": "gzip"})
            return r.num_bytes_downloaded, len(r.content), r.text

    wire, raw, html = sizes(path)
    parser = _Assets()
    parser.feed(html)
    assets = {u: sizes(u)[:2] for u in parser.urls}
    return {
        "path": path,
        "html_bytes": raw,
        "html_bytes_gzip": wire,
        "assets": {u: raw_size for u, (_, raw_size) in assets.items()},
        "total_bytes": raw + sum(r for _, r in assets.values()),
        "total_bytes_gzip": wire + sum(w for w, _ in assets.values()),
    }


# ---- main ---------------------------------------------------------------------------------


def httpx_total(url: str) -> int:
    import httpx

    return int(httpx.get(f"{url}/api/articles?limit=1", timeout=60).json()["total"])


def biggest_story(url: str) -> dict[str, Any]:
    import httpx

    stories = httpx.get(f"{url}/api/stories?limit=500", timeout=120).json()["items"]
    if not stories:
        raise SystemExit("the workspace has no stories (is storyline.stories.update there?)")
    return max(stories, key=lambda s: s["article_count"])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=3_000, help="at most this many per endpoint")
    ap.add_argument("--seconds", type=float, default=30.0, help="at most this long per endpoint")
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument(
        "--unique",
        type=int,
        default=2031,
        help="ReCOVery articles analysed for real (the rest of --articles are their copies)",
    )
    ap.add_argument(
        "--ingest-seconds",
        type=float,
        default=1800,
        help="time bound of the real ingest; the articles stored by then are the base",
    )
    ap.add_argument("--cache", type=Path, default=Path("/tmp/storyline-api-load"))
    ap.add_argument("--rebuild", action="store_true", help="rebuild the cached workspace")
    ap.add_argument(
        "--direct-after",
        type=int,
        help="link copies beyond this many articles straight to their original's story "
        "(default: every copy goes through storyline.stories.update)",
    )
    ap.add_argument(
        "--db", type=Path, help="load-test this existing workspace instead of building one"
    )
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    db = args.db or build_workspace(
        args.articles,
        args.cache,
        unique=args.unique,
        ingest_seconds=args.ingest_seconds,
        direct_after=args.direct_after,
        rebuild=args.rebuild,
    )
    proc, url = start_server(db, args.cache / "serve.log")
    try:
        story = biggest_story(url)
        n_articles = httpx_total(url)
        timeline, timeline_cold = run_load(
            url,
            f"/api/stories/{story['id']}/timeline",
            args.requests,
            args.seconds,
            args.concurrency,
            proc.pid,
        )
        baseline, _ = run_load(
            url, BASELINE, args.requests, args.seconds, args.concurrency, proc.pid
        )
        weight = page_weight(url, f"/stories/{story['id']}")
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    result = {
        "articles": n_articles,
        "story": {"id": story["id"], "articles": story["article_count"], "title": story["title"]},
        "concurrency": args.concurrency,
        "timeline": dataclasses.asdict(timeline),
        "timeline_cold_seconds": round(timeline_cold, 2),
        "baseline": dataclasses.asdict(baseline),
        "timeline_vs_baseline_rps": round(timeline.rps / baseline.rps, 2) if baseline.rps else None,
        "story_page": weight,
        "cpus": os.cpu_count(),
    }
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(
        f"workspace: {result['articles']} articles; story {story['id']} "
        f"({story['article_count']} articles): {story['title']!r}"
    )
    for name, r in (("timeline", timeline), (f"baseline {BASELINE}", baseline)):
        print(
            f"{name}: {r.requests} requests in {r.seconds}s, {r.rps} req/s, "
            f"p50 {r.p50_ms} ms, p99 {r.p99_ms} ms, {r.errors} errors, "
            f"{r.bytes_per_response} bytes/response; server CPU {r.server_cpu_ms} ms/request "
            f"(= {r.one_core_rps} req/s on one free core)"
        )
    print(f"timeline / baseline req/s: {result['timeline_vs_baseline_rps']}")
    print(f"first timeline request (cold: builds the timeline): {timeline_cold:.2f}s")
    print(
        f"story page: {weight['total_bytes_gzip'] / 1024:.1f} KB sent (gzip), "
        f"{weight['total_bytes'] / 1024:.1f} KB uncompressed "
        f"(HTML {weight['html_bytes'] / 1024:.1f} KB + {len(weight['assets'])} assets)"
    )


if __name__ == "__main__":
    main()
