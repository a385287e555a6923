"""storyline.store: the workspace database behind repository functions.

- ``engine``: a SQLite path or PostgreSQL URL to an engine (one code path for both)
- ``schema``: the tables (SQLAlchemy Core); ``migrations/``: Alembic, dated revision ids
- ``migrate``: upgrade to head, programmatically and under a lock
- ``articles``, ``search``, ``ingest_runs``: repository functions grouped by aggregate
- ``pipeline``: the per-document work (extraction + analysis) that ingest runs in worker processes

Use it through ``storyline.Workspace``; the repository functions take an open connection so
other parts (stories, follows, web) can compose them in one transaction.
"""
