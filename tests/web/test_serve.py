"""`storyline serve`: a real server process, bound to loopback by default."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from storyline.cli.serve import _is_loopback


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_serve_answers_on_loopback(tmp_path: Path) -> None:
    port = _free_port()
    log = tmp_path / "serve.log"
    env = {k: v for k, v in os.environ.items() if k != "STORYLINE_API_TOKEN"}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "storyline",
                "--db",
                str(tmp_path / "ws.db"),
                "serve",
                "--port",
                str(port),
            ],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=env,
        )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert proc.poll() is None, log.read_text()
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/articles", timeout=2)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, log.read_text()
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["total"] == 0
        assert httpx.get(f"http://127.0.0.1:{port}/", timeout=60).status_code == 200
        assert "127.0.0.1" in log.read_text()
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["serve", "--port", "70000"], "Error: --port 70000 is not a TCP port: use 1-65535"),
        (["serve", "--port", "0"], "Error: --port 0 is not a TCP port: use 1-65535"),
    ],
)
def test_serve_bad_port_is_one_error_line(tmp_path: Path, args: list[str], message: str) -> None:
    r = subprocess.run(
        [sys.executable, "-m", "storyline", "--db", str(tmp_path / "ws.db"), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 2
    assert r.stderr.strip() == message


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("127.0.0.2", True),
        ("0.0.0.0", False),
        ("192.168.1.5", False),
        ("example.com", False),
    ],
)
def test_is_loopback(host: str, loopback: bool) -> None:
    assert _is_loopback(host) is loopback
