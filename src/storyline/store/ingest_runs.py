"""Repository functions for ingest runs: one row per ``storyline ingest``, plus one row per
document it skipped or failed on, so a user can look back at what was left out and why."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from storyline.store.articles import utcnow
from storyline.store.schema import ingest_runs, ingest_skips


def start_run(conn: sa.Connection, paths: Sequence[str]) -> int:
    result = conn.execute(
        ingest_runs.insert()
        .values(started_at=utcnow(), status="running", paths=list(paths))
        .returning(ingest_runs.c.id)
    )
    return int(result.scalar_one())


def record_problems(
    conn: sa.Connection, run_id: int, problems: Iterable[tuple[str, str, str]]
) -> None:
    """``problems``: (origin, kind, reason) with kind ``skipped`` or ``failed``."""
    rows = [{"run_id": run_id, "origin": o, "kind": k, "reason": r} for o, k, r in problems]
    if rows:
        conn.execute(ingest_skips.insert(), rows)


def finish_run(conn: sa.Connection, run_id: int, *, status: str, **counts: int) -> None:
    conn.execute(
        ingest_runs.update()
        .where(ingest_runs.c.id == run_id)
        .values(finished_at=utcnow(), status=status, **counts)
    )


def get_run(conn: sa.Connection, run_id: int) -> dict[str, Any] | None:
    row = conn.execute(sa.select(ingest_runs).where(ingest_runs.c.id == run_id)).first()
    return dict(row._mapping) if row else None


def run_problems(conn: sa.Connection, run_id: int) -> list[tuple[str, str, str]]:
    rows = conn.execute(
        sa.select(ingest_skips.c.origin, ingest_skips.c.kind, ingest_skips.c.reason)
        .where(ingest_skips.c.run_id == run_id)
        .order_by(ingest_skips.c.id)
    )
    return [(o, k, r) for o, k, r in rows]
