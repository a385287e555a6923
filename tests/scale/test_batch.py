"""The Ray batch job on a real local Ray runtime (``ray.init(num_cpus=2)``), then ``load``.

Inputs are the bundled demo sample (ECB+ topic 12, CC BY 3.0) split into three JSONL files, plus
deliberately broken input, so the tests need nothing outside the repository.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.ray, pytest.mark.slow, pytest.mark.xdist_group("ray")]

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "demo" / "ecbplus-topic12.jsonl"


@pytest.fixture(scope="module")
def ray_runtime():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield ray
    ray.shutdown()


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    lines = DEMO.read_text(encoding="utf-8").splitlines()
    paths = []
    for i in range(3):
        p = tmp_path / "in" / f"part-{i}.jsonl"
        p.parent.mkdir(exist_ok=True)
        p.write_text("\n".join(lines[i * 10 : (i + 1) * 10]) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def _parquet_rows(out: Path) -> list[dict]:
    import pyarrow.parquet as pq

    from storyline.scale.batch import finished_parts

    rows = []
    for f in finished_parts(out):
        rows.extend(pq.read_table(f, columns=["kind", "origin", "reason"]).to_pylist())
    return rows


def test_batch_writes_parquet_per_input_and_resumes(ray_runtime, inputs, tmp_path):
    from storyline.scale.batch import run_batch

    out = tmp_path / "out"
    report = run_batch([str(tmp_path / "in" / "*.jsonl")], out, actors=2)
    assert [r.resumed for r in report.inputs] == [False, False, False]
    assert report.articles == 30 and report.failed == 0
    assert len(list((out / "done").glob("*.json"))) == 3
    rows = _parquet_rows(out)
    assert len(rows) == 30 and {r["kind"] for r in rows} == {"article"}

    again = run_batch([str(tmp_path / "in" / "*.jsonl")], out, actors=2)
    assert [r.resumed for r in again.inputs] == [True, True, True]
    assert again.articles == 30
    assert len(_parquet_rows(out)) == 30


def test_batch_bad_records_are_skipped_and_the_rest_goes_on(ray_runtime, inputs, tmp_path):
    from storyline.scale.batch import run_batch

    bad = tmp_path / "in" / "part-0.jsonl"
    good_lines = bad.read_text(encoding="utf-8").splitlines()
    bad.write_text(
        "\n".join(
            [
                good_lines[0],
                "{not json",
                json.dumps({"id": "empty", "text": "   "}),
                json.dumps({"id": "zeros", "text": "Some text.", "published": "0000-00-00"}),
                good_lines[1],
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    report = run_batch([str(bad)], out, actors=1)
    assert report.articles == 2
    assert report.skipped == 3
    reasons = [r["reason"] for r in _parquet_rows(out) if r["kind"] == "skipped"]
    assert all(reason and "\n" not in reason for reason in reasons)


def test_load_is_idempotent_and_builds_stories(ray_runtime, inputs, tmp_path):
    from storyline.scale.batch import run_batch
    from storyline.scale.load import load_batch
    from storyline.workspace import Workspace

    out = tmp_path / "out"
    run_batch([str(p) for p in inputs], out, actors=2)
    with Workspace(tmp_path / "ws.sqlite") as ws:
        first = load_batch(ws, out)
        assert first.added == 30 and first.files >= 3
        second = load_batch(ws, out)
        assert second.added == 0 and second.duplicates == 30
        assert ws.count() == 30


def test_load_refuses_a_folder_that_is_not_a_batch(tmp_path):
    from storyline.errors import InputError
    from storyline.scale.load import load_batch
    from storyline.workspace import Workspace

    with Workspace(memory=True) as ws, pytest.raises(InputError, match="not a `storyline batch`"):
        load_batch(ws, tmp_path)


def _actor_pids() -> list[int]:
    out = subprocess.run(["ps", "-eo", "pid,args"], capture_output=True, text=True).stdout
    return [
        int(line.split()[0]) for line in out.splitlines() if "ray::" in line and "Analyzer" in line
    ]


def test_batch_survives_a_worker_killed_mid_job(ray_runtime, tmp_path):
    from storyline.scale.batch import run_batch

    src = tmp_path / "in" / "all.jsonl"
    src.parent.mkdir()
    # Enough work that the actors are busy for a while.
    src.write_text(DEMO.read_text(encoding="utf-8") * 2, encoding="utf-8")
    killed: list[int] = []

    def killer() -> None:
        deadline = time.time() + 120
        while time.time() < deadline and not killed:
            pids = _actor_pids()
            if pids:
                time.sleep(1.0)  # let it take a batch first
                try:
                    os.kill(pids[0], signal.SIGKILL)
                except ProcessLookupError:
                    # the actor ended during the pause (a loaded machine): pick a live one
                    continue
                killed.append(pids[0])
            time.sleep(0.2)

    t = threading.Thread(target=killer, daemon=True)
    t.start()
    report = run_batch([str(src)], tmp_path / "out", actors=2, batch_size=4)
    t.join(timeout=5)
    assert killed, "no analysis actor was found to kill"
    # Every document is there exactly once: the killed actor's batch was retried.
    rows = _parquet_rows(tmp_path / "out")
    assert report.failed == 0
    assert len(rows) == 60


def test_batch_killed_driver_resumes_without_duplicates(inputs, tmp_path):
    out = tmp_path / "out"
    cmd = [
        sys.executable,
        "-m",
        "storyline",
        "batch",
        str(tmp_path / "in" / "*.jsonl"),
        "--out",
        str(out),
        "--num-cpus",
        "2",
        "--actors",
        "1",
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 240
    while time.time() < deadline and not list((out / "done").glob("*.json")):
        time.sleep(0.3)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    done_before = len(list((out / "done").glob("*.json")))
    assert done_before >= 1
    result = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "already done" in result.stderr
    rows = _parquet_rows(out)
    assert len(rows) == 30
    assert len({r["origin"] for r in rows}) == 30
    assert not (out / "tmp").exists() or not any((out / "tmp").iterdir())


def test_batch_full_disk_stops_cleanly(ray_runtime, inputs, tmp_path):
    from storyline.scale.batch import OutputFull, run_batch

    mnt = tmp_path / "small"
    mnt.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mnt)], capture_output=True
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        with pytest.raises(OutputFull, match="no space left"):
            run_batch([str(p) for p in inputs], mnt / "out", actors=1)
        # Nothing half-written is where load reads.
        for marker in (mnt / "out" / "done").glob("*.json"):
            assert (mnt / "out" / "parts" / marker.stem).is_dir()
        assert not any((mnt / "out" / "tmp").iterdir()) if (mnt / "out" / "tmp").exists() else True
    finally:
        subprocess.run(["umount", str(mnt)], check=False)
