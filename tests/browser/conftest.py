"""Browser tests: a real ``storyline serve`` subprocess on a free loopback port, over a workspace
built from real articles, driven by Playwright in Debian's Chromium (never a downloaded browser).

Chromium is found at $STORYLINE_CHROMIUM, else /usr/bin/chromium. Without it the tests skip with
a reason, unless STORYLINE_REQUIRE_SERVICES=1 (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
DEMO = ROOT / "demo" / "ecbplus-topic12.jsonl"
SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# ReCOVery articles added to the served workspace (real, multi-outlet coverage of one topic).
RECOVERY_ARTICLES = 6


def _require_services() -> bool:
    return os.environ.get("STORYLINE_REQUIRE_SERVICES") == "1"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    candidates = [
        os.environ.get("STORYLINE_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    reason = "Chromium not found (apt-get install chromium, or set STORYLINE_CHROMIUM)"
    if _require_services():
        pytest.fail(f"{reason}; STORYLINE_REQUIRE_SERVICES=1 forbids skipping")
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _recovery_jsonl(shared: Path, out: Path) -> Path | None:
    """A few real ReCOVery articles (one outlet file) as a JSONL input, or None when absent."""
    source = shared / "recovery-covid19-news" / "reliable" / "news-dataset-reuters.csv"
    if not source.is_file():
        return None
    csv.field_size_limit(10_000_000)
    rows = []
    with source.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row.get("body_text") and row.get("publish_date"):
                rows.append(
                    {
                        "id": f"recovery-{row['news_id']}",
                        "url": row.get("url") or None,
                        "title": row.get("title") or None,
                        "text": row["body_text"],
                        "published": row["publish_date"][:10],
                        "outlet": row.get("publisher") or None,
                    }
                )
            if len(rows) >= RECOVERY_ARTICLES:
                break
    out.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def served_db(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A workspace file built with the real CLI: the seed, the ECB+ demo topic, some ReCOVery."""
    tmp = tmp_path_factory.mktemp("browser")
    db = tmp / "served.db"
    seed_jsonl = tmp / "seed.jsonl"
    seed_jsonl.write_text(
        json.dumps(
            {
                "id": "seed",
                "url": "https://www.reuters.com/world/americas/trump-maduro-call-2025-12-02/",
                "title": "Trump gave Maduro a week to leave Venezuela, sources say",
                "text": SEED.read_text(encoding="utf-8"),
                "published": "2025-12-02",
                "outlet": "Reuters",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    inputs = [str(seed_jsonl), str(DEMO)]
    try:
        shared = request.getfixturevalue("shared_data")
    except pytest.skip.Exception:
        shared = None  # the served workspace still has the seed and the demo topic
    if shared is not None:
        extra = _recovery_jsonl(shared, tmp / "recovery.jsonl")
        if extra:
            inputs.append(str(extra))
    result = subprocess.run(
        [sys.executable, "-m", "storyline", "--db", str(db), "ingest", *inputs],
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode not in (0, 1):
        pytest.fail(f"ingest failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return db


@dataclass(frozen=True, slots=True)
class Server:
    url: str
    db: Path
    log: Path


@pytest.fixture(scope="session")
def server(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``storyline serve`` on a free port; waits until it answers, shows its output if it dies."""
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "storyline",
                "--db",
                str(served_db),
                "serve",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "STORYLINE_API_TOKEN": "browser-test-token"},
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"storyline serve exited with {proc.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(f"{url}/api/articles?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"storyline serve did not answer within 60 s:\n{log.read_text()}")
            time.sleep(0.2)
        yield Server(url, served_db, log)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@pytest.fixture(scope="session")
def browser(chromium_path: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def page(browser, server: Server) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=server.url)
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    try:
        yield pg
        # A page that threw (or broke its CSP) is a failed test even if the asserts passed.
        assert errors == [], f"browser errors: {errors}"
    finally:
        context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
