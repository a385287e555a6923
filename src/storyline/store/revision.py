"""The newest schema revision, importable without SQLAlchemy or Alembic.

Opening an up-to-date workspace compares the stored revision with this constant in plain SQL, so
the common case never imports Alembic (about 110 ms of every CLI command); the CLI's quick read of
a cached timeline (``store.quick``) checks it without SQLAlchemy either.
tests/store/test_migrations.py checks it against Alembic's head: change it with every migration.
"""

HEAD = "20261127_0006"
