"""From what the user gives (--db, $STORYLINE_DB, nothing) to a database URL, and the one-line
errors for a workspace that cannot be opened."""

from __future__ import annotations

import pytest

from storyline.errors import StoreUnavailable
from storyline.store.engine import database_url, describe


@pytest.mark.parametrize(
    ("given", "backend", "driver"),
    [
        ("news.db", "sqlite", "pysqlite"),
        ("postgresql://u:pw@db.example/news", "postgresql", "psycopg"),
        ("postgres://u@db.example/news", "postgresql", "psycopg"),
        ("postgresql+psycopg://u@db.example/news", "postgresql", "psycopg"),
        ("sqlite:///news.db", "sqlite", "pysqlite"),
    ],
)
def test_database_url_picks_the_driver(tmp_path, monkeypatch, given, backend, driver):
    monkeypatch.chdir(tmp_path)
    url = database_url(given)
    assert (url.get_backend_name(), url.get_driver_name()) == (backend, driver)


def test_database_url_relative_path_is_a_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert database_url("news.db").database == "news.db"


def test_database_url_reads_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYLINE_DB", str(tmp_path / "env.db"))
    assert database_url(None).database == str(tmp_path / "env.db")


def test_database_url_default_is_in_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.delenv("STORYLINE_DB", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = database_url(None)
    assert url.database == str(tmp_path / "data" / "storyline" / "workspace.db")
    assert (tmp_path / "data" / "storyline").is_dir()


def test_database_url_memory():
    assert database_url("ignored.db", memory=True).database is None


@pytest.mark.parametrize(
    ("given", "expect"),
    [
        ("mysql://u@h/db", "unsupported database URL"),
        ("{missing}/x.db", "does not exist"),
        ("{dir}", "it is a directory"),
    ],
)
def test_database_url_bad_location_is_store_unavailable(tmp_path, given, expect):
    given = given.format(missing=tmp_path / "nope", dir=tmp_path)
    with pytest.raises(StoreUnavailable, match=expect):
        database_url(given)


def test_describe_hides_the_password():
    text = describe(database_url("postgresql://me:secret@db.example:5432/news"))
    assert "secret" not in text
    assert text.startswith("postgresql://me:")
