"""The Ray Data batch job: per-article analysis of big archives (WARC, JSONL) to Parquet.

``run_batch`` runs the pure per-article step (``load_document`` + ``analyze_article``) on a Ray
cluster, one input file at a time, with the spaCy model loaded once per long-lived actor.
``storyline load`` (``storyline.scale.load``) then bulk-loads the Parquet into a workspace and
runs the cross-article steps.

Output layout, chosen so that a crash never leaves anything half-written where ``load`` reads:

    OUT/parts/<key>/*.parquet   one folder per finished input file (rows: see ``ROW_SCHEMA``)
    OUT/done/<key>.json         written last, atomically: the input file is finished
    OUT/tmp/                    work in progress; cleared at the start of every run

An input whose ``done`` marker exists (with the same size and mtime) is skipped on the next run,
so a job killed at any point resumes with the first unfinished input file. The job never fetches
anything from the web: it reads only the files it is given.
"""

from __future__ import annotations

import errno
import glob
import hashlib
import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from storyline.errors import InputError, StorylineError

log = logging.getLogger(__name__)

# Ray Data cuts the documents read from one input into blocks of about this size; the analysis
# actors share out blocks, so a block must hold a few dozen articles, not a whole archive
# (Ray's default, 128 MiB, would hand a whole WARC to one actor).
BLOCK_BYTES = 512 * 1024

# One row per document found in an input file. ``kind`` is "article" (analysed), "skipped"
# (bad input: ``reason`` says why) or "failed" (a bug in storyline: ``reason`` has the error).
ROW_COLUMNS: tuple[str, ...] = (
    "kind",
    "input",
    "origin",
    "external_id",
    "url",
    "content_type",
    "hint_published",
    "hint_published_source",
    "hint_title",
    "hint_outlet",
    "raw",
    "article",
    "analysis",
    "reason",
)


class OutputFull(StorylineError):
    """The output disk is full; finished inputs are kept, the current one is discarded."""

    code = "output_full"
    http_status = 507


@dataclass(slots=True)
class InputResult:
    input: str
    key: str
    articles: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    resumed: bool = False


@dataclass(slots=True)
class BatchReport:
    out: str
    inputs: list[InputResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def articles(self) -> int:
        return sum(r.articles for r in self.inputs)

    @property
    def skipped(self) -> int:
        return sum(r.skipped for r in self.inputs)

    @property
    def failed(self) -> int:
        return sum(r.failed for r in self.inputs)

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": self.out,
            "seconds": round(self.seconds, 3),
            "articles": self.articles,
            "skipped": self.skipped,
            "failed": self.failed,
            "inputs": [asdict(r) for r in self.inputs],
        }


def expand_inputs(patterns: Iterable[str]) -> list[Path]:
    """Files matching the glob patterns (or named directly), sorted, without duplicates."""
    found: dict[str, Path] = {}
    for pattern in patterns:
        matches = glob.glob(pattern, recursive=True) or (
            [pattern] if Path(pattern).exists() else []
        )
        for m in matches:
            p = Path(m)
            if p.is_file():
                found.setdefault(str(p.resolve()), p.resolve())
    if not found:
        raise InputError(f"no input files match {', '.join(patterns)}: give WARC or JSONL paths")
    return [found[k] for k in sorted(found)]


def input_key(path: Path) -> str:
    """A stable, file-system-safe name for an input file's output folder."""
    digest = hashlib.sha1(str(path.resolve()).encode("utf-8")).hexdigest()[:12]
    safe = "".join(c if c.isalnum() or c in "-_." else "_" for c in path.name)[:60]
    return f"{safe}-{digest}"


def _fingerprint(path: Path) -> dict[str, Any]:
    st = path.stat()
    return {"input": str(path), "size": st.st_size, "mtime_ns": st.st_mtime_ns}


def is_done(out: Path, path: Path) -> bool:
    marker = out / "done" / f"{input_key(path)}.json"
    if not marker.exists():
        return False
    try:
        info = json.loads(marker.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    fp = _fingerprint(path)
    return bool(info.get("size") == fp["size"] and info.get("mtime_ns") == fp["mtime_ns"])


def _write_json_atomic(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_suffix(path.suffix + f".{uuid.uuid4().hex}.tmp")
    tmp.write_text(json.dumps(data, indent=2), encoding="utf-8")
    os.replace(tmp, path)


# ---------------------------------------------------------------------------------------------
# The two steps that run on Ray workers. Plain module-level functions and classes, so Ray can
# pickle them by reference.


def _empty_row(input_path: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(ROW_COLUMNS)
    row["input"] = input_path
    return row


def read_documents(item: dict[str, Any]) -> Iterator[dict[str, Any]]:
    """flat_map step: every document in one input file, as a row (raw bytes and hints)."""
    from storyline.ingest.sources import Skipped, iter_documents

    path = item["path"]
    for found in iter_documents([path]):
        row = _empty_row(path)
        row["origin"] = found.origin
        if isinstance(found, Skipped):
            row["kind"] = "skipped"
            row["reason"] = found.reason
        else:
            row["kind"] = "document"
            row["raw"] = found.raw
            row["external_id"] = found.external_id
            row["url"] = found.url
            row["content_type"] = found.content_type
            row["hint_published"] = found.published
            row["hint_published_source"] = found.published_source
            row["hint_title"] = found.title
            row["hint_outlet"] = found.outlet
        yield row


def document_from_row(row: dict[str, Any]) -> Any:
    from storyline.ingest.sources import Document

    return Document(
        raw=bytes(row["raw"]),
        origin=row["origin"],
        external_id=row.get("external_id"),
        url=row.get("url"),
        content_type=row.get("content_type"),
        published=row.get("hint_published"),
        published_source=row.get("hint_published_source"),
        title=row.get("hint_title"),
        outlet=row.get("hint_outlet"),
    )


class Analyzer:
    """map_batches step, run as a long-lived actor: the spaCy model loads once per actor."""

    def __init__(self) -> None:
        from storyline.nlp.pipeline import get_nlp

        self.nlp = get_nlp()

    def __call__(self, batch: Any) -> Any:
        import pyarrow as pa

        rows = batch.to_pylist()
        self.process(rows)
        return pa.Table.from_pylist(
            [{col: r.get(col) for col in ROW_COLUMNS} for r in rows], schema=row_schema()
        )

    def process(self, rows: list[dict[str, Any]]) -> None:
        from storyline.analysis import analyze_article
        from storyline.ingest.sources import load_document

        todo: list[tuple[dict[str, Any], Any]] = []
        for row in rows:
            if row.get("kind") != "document":
                continue
            try:
                article = load_document(document_from_row(row))
            except StorylineError as exc:
                row.update(kind="skipped", reason=str(exc))
                continue
            except Exception as exc:  # a bug: keep the row, say what broke, go on
                row.update(kind="failed", reason=f"{type(exc).__name__}: {exc}")
                continue
            todo.append((row, article))
        docs = self.nlp.pipe([article.text for _row, article in todo])
        for (row, article), doc in zip(todo, docs, strict=True):
            try:
                analysis = analyze_article(article, doc=doc)
            except StorylineError as exc:
                row.update(kind="skipped", reason=str(exc))
                continue
            except Exception as exc:
                row.update(kind="failed", reason=f"{type(exc).__name__}: {exc}")
                continue
            row["kind"] = "article"
            row["article"] = json.dumps(article.to_dict(), ensure_ascii=False)
            row["analysis"] = json.dumps(analysis.to_dict(), ensure_ascii=False)


def row_schema() -> Any:
    """The Parquet schema: every column a nullable string, but the raw bytes."""
    import pyarrow as pa

    return pa.schema([(col, pa.binary() if col == "raw" else pa.string()) for col in ROW_COLUMNS])


# ---------------------------------------------------------------------------------------------


def _init_ray(ray_address: str | None, num_cpus: int | None) -> bool:
    """Connect to a cluster or start a local runtime; True when we started it (and stop it)."""
    import ray

    logging.getLogger("ray").setLevel(logging.WARNING)
    logging.getLogger("ray.data").setLevel(logging.WARNING)
    if ray.is_initialized():
        return False
    if ray_address:
        ray.init(address=ray_address, log_to_driver=False)
    else:
        ray.init(
            num_cpus=num_cpus or os.cpu_count() or 1, include_dashboard=False, log_to_driver=False
        )
    return True


def _configure_data_context() -> None:
    import ray.data

    ctx = ray.data.DataContext.get_current()
    ctx.enable_progress_bars = False
    ctx.target_max_block_size = BLOCK_BYTES


def _disk_full(exc: BaseException) -> bool:
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if isinstance(cur, OSError) and cur.errno == errno.ENOSPC:
            return True
        if "No space left on device" in str(cur):
            return True
        cur = cur.__cause__ or cur.__context__
    return False


def _process_input(path: Path, out: Path, *, actors: int, batch_size: int) -> InputResult:
    import pyarrow.parquet as pq
    import ray.data

    key = input_key(path)
    result = InputResult(input=str(path), key=key)
    started = time.perf_counter()
    tmp = out / "tmp" / f"{key}-{uuid.uuid4().hex[:8]}"
    _configure_data_context()
    try:
        ds: ray.data.Dataset = ray.data.from_items([{"path": str(path)}])
        # Reading and writing are light next to parsing; they reserve no CPU so that the
        # analysis actors (one CPU each) can use every core without starving them.
        ds = ds.flat_map(read_documents, num_cpus=0)
        ds = ds.map_batches(
            Analyzer,
            batch_size=batch_size,
            batch_format="pyarrow",
            concurrency=actors,
            # A worker killed mid-job is restarted and its batch retried.
            max_restarts=-1,
            max_task_retries=-1,
        )
        ds.write_parquet(str(tmp), ray_remote_args={"num_cpus": 0})
        final = out / "parts" / key
        if final.exists():
            shutil.rmtree(final)
        tmp.mkdir(parents=True, exist_ok=True)  # an input with no rows still gets a folder
        os.replace(tmp, final)
    except Exception as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if _disk_full(exc):
            raise OutputFull(
                f"no space left on the output disk while writing {path.name}; free space and run "
                "again (finished inputs are kept)"
            ) from exc
        raise
    for file in sorted(final.glob("*.parquet")):
        kinds = pq.read_table(file, columns=["kind"]).column("kind").to_pylist()
        result.articles += kinds.count("article")
        result.skipped += kinds.count("skipped")
        result.failed += kinds.count("failed")
    result.seconds = time.perf_counter() - started
    marker = {**_fingerprint(path), **asdict(result), "finished_at": time.time()}
    _write_json_atomic(out / "done" / f"{key}.json", marker)
    return result


def run_batch(
    patterns: Iterable[str],
    out: str | Path,
    *,
    ray_address: str | None = None,
    num_cpus: int | None = None,
    actors: int | None = None,
    batch_size: int = 16,
    progress: Callable[[InputResult], None] | None = None,
) -> BatchReport:
    """Analyse every article in the input files on Ray and write Parquet under ``out``.

    Inputs already finished by an earlier run are skipped (``resumed=True`` in the report).
    """
    inputs = expand_inputs(patterns)
    out = Path(out)
    try:
        for sub in ("parts", "done"):
            (out / sub).mkdir(parents=True, exist_ok=True)
        shutil.rmtree(out / "tmp", ignore_errors=True)
        (out / "tmp").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(f"cannot write to {out}: {exc.strerror or exc}") from exc
    report = BatchReport(out=str(out))
    started = time.perf_counter()
    pending = []
    for path in inputs:
        if is_done(out, path):
            info = json.loads((out / "done" / f"{input_key(path)}.json").read_text("utf-8"))
            done = InputResult(
                input=str(path),
                key=input_key(path),
                articles=int(info.get("articles", 0)),
                skipped=int(info.get("skipped", 0)),
                failed=int(info.get("failed", 0)),
                resumed=True,
            )
            report.inputs.append(done)
            if progress:
                progress(done)
        else:
            pending.append(path)
    if pending:
        started_ray = _init_ray(ray_address, num_cpus)
        try:
            import ray

            n_actors = actors or max(1, int(ray.cluster_resources().get("CPU", 1)))
            for path in pending:
                result = _process_input(path, out, actors=n_actors, batch_size=batch_size)
                report.inputs.append(result)
                if progress:
                    progress(result)
        finally:
            if started_ray:
                import ray

                ray.shutdown()
    shutil.rmtree(out / "tmp", ignore_errors=True)
    report.seconds = time.perf_counter() - started
    return report


def finished_parts(out: str | Path) -> list[Path]:
    """Parquet files of every finished input (what ``load`` may read), in a stable order."""
    out = Path(out)
    files: list[Path] = []
    for marker in sorted((out / "done").glob("*.json")):
        part = out / "parts" / marker.stem
        files.extend(sorted(part.glob("*.parquet")))
    return files
