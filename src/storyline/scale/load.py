"""``storyline load``: bulk-load a batch job's Parquet into a workspace.

Only inputs the batch job finished (a ``done`` marker) are read, so nothing half-written is
loaded. Loading is idempotent like ingest: an article already in the workspace (same cleaned
text) gains the new document's origin but is not stored twice. New articles are then handed to
the cross-article steps (dedup, stories, timelines) in batches, exactly as ``ingest`` does.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from storyline.errors import InputError
from storyline.model import analysis_from_dict
from storyline.scale.batch import ROW_COLUMNS, document_from_row, finished_parts
from storyline.store import articles as repo
from storyline.store.pipeline import document_fields

if TYPE_CHECKING:
    from storyline.workspace import Workspace

# Rows written per transaction, and new articles per call of the cross-article steps.
WRITE_BATCH = 500


@dataclass(slots=True)
class LoadReport:
    files: int = 0
    added: int = 0
    duplicates: int = 0
    skipped: int = 0
    article_ids: list[int] = field(default_factory=list)


def _rows(path: Path) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    names = [c for c in ROW_COLUMNS if c in table.column_names]
    cols = {c: table.column(c).to_pylist() for c in names}
    return [{c: cols[c][i] for c in names} for i in range(table.num_rows)]


def _store(ws: Workspace, rows: list[dict[str, Any]], report: LoadReport) -> list[int]:
    new_ids: list[int] = []
    with ws.begin() as conn:
        for row in rows:
            if row.get("kind") != "article":
                report.skipped += 1
                continue
            doc = document_from_row(row)
            analysis = analysis_from_dict(json.loads(row["analysis"]))
            article_id, created = repo.insert_article(
                conn, analysis.article, external_id=doc.external_id
            )
            if (doc.origin, repo.raw_key(doc.raw)) not in repo.known_documents(
                conn, [repo.raw_key(doc.raw)]
            ):
                repo.add_document(
                    conn,
                    article_id,
                    raw=doc.raw,
                    origin=doc.origin,
                    content_type=doc.content_type,
                    external_id=doc.external_id,
                    url=doc.url,
                    hints=document_fields(doc),
                )
            if created:
                repo.save_analysis(conn, article_id, analysis)
                new_ids.append(article_id)
            else:
                report.duplicates += 1
    return new_ids


def _link(ws: Workspace, ids: list[int]) -> None:
    import storyline.stories as stories

    update = getattr(stories, "update", None)
    if update is None or not ids:
        return
    update(ws, ids)
    with ws.begin() as conn:
        repo.mark_linked(conn, ids)


def load_batch(ws: Workspace, out: str | Path) -> LoadReport:
    """Load every finished input of a ``storyline batch`` output folder into ``ws``."""
    out = Path(out)
    if not (out / "done").is_dir():
        raise InputError(f"{out} is not a `storyline batch` output folder (no done/ inside)")
    report = LoadReport()
    # Articles an interrupted load stored but never linked are caught up first.
    with ws.connect() as conn:
        pending = repo.unlinked_article_ids(conn)
    for path in finished_parts(out):
        report.files += 1
        rows = _rows(path)
        for start in range(0, len(rows), WRITE_BATCH):
            new_ids = _store(ws, rows[start : start + WRITE_BATCH], report)
            report.added += len(new_ids)
            report.article_ids.extend(new_ids)
            pending.extend(new_ids)
            if len(pending) >= WRITE_BATCH:
                _link(ws, pending)
                pending = []
    _link(ws, pending)
    return report
