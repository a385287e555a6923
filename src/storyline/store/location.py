"""Where a workspace lives when no --db is given: ``$STORYLINE_DB``, else a per-user file.

Apart from ``engine`` (SQLAlchemy) so that the CLI's quick read of a cached timeline
(``quick``) finds the same file without importing SQLAlchemy.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "STORYLINE_DB"
DEFAULT_FILE = "workspace.db"


def default_path() -> Path:
    """The per-user workspace file (created on first use)."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("storyline", appauthor=False)) / DEFAULT_FILE


def requested(db: str | None) -> str:
    """The workspace asked for: ``db``, else ``$STORYLINE_DB``; "" for the default."""
    return (db or os.environ.get(ENV_VAR) or "").strip()
