"""Ctrl-C during ``storyline ingest``: the user is told it stopped and how to resume, what was
stored stays, and running the same command again adds the rest (a real process, a real
SIGINT)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

N = 60


def _stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:
        return 0  # not created yet


def _ingest(db: Path, path: Path) -> subprocess.Popen[str]:
    code = "import sys; from storyline.cli import main; main(sys.argv[1:])"
    return subprocess.Popen(
        [sys.executable, "-c", code, "--db", str(db), "ingest", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # A process started in the background may inherit SIGINT ignored; a terminal's is not.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def test_ingest_interrupted_says_so_and_resumes(tmp_path):
    rows = [
        {
            "id": f"town-{i}",
            "text": (
                f"The council of town number {i} voted on Monday to close bridge {i}, officials "
                f"said. Repairs to bridge {i} will cost {i + 2} million dollars, the mayor said "
                f"on Tuesday. Residents of district {i} protested on Wednesday."
            ),
            "published": "2025-12-02",
        }
        for i in range(N)
    ]
    path = tmp_path / "towns.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "ws.db"
    proc = _ingest(db, path)
    deadline = time.monotonic() + 120
    while _stored(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    if proc.poll() is not None:
        pytest.skip("the ingest finished before it could be interrupted")
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "Interrupted" in err and "run the same command again" in err, err
    kept = _stored(db)
    assert 0 < kept < N
    again = _ingest(db, path)
    _out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert _stored(db) == N
