"""Repository functions of the article aggregate, on SQLite and PostgreSQL: content keys,
idempotent inserts, documents per origin, analyses that round-trip, listing filters."""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.store import articles as repo

pytestmark = pytest.mark.issue(2)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("The mayor said so.", "The mayor  said so."),
        ("The mayor said so.", "The\u00a0mayor said so.\n"),
        ("The mayor said so.", "THE MAYOR SAID SO."),
        ("ﬁnal offer", "final offer"),  # NFKC folds the ligature
    ],
)
def test_content_key_ignores_spacing_case_and_forms(a, b):
    assert repo.content_key(a) == repo.content_key(b)


def test_content_key_differs_for_different_words():
    assert repo.content_key("The mayor said so.") != repo.content_key("The mayor denied it.")


def _article(text: str, **kw) -> Article:
    return Article(text=text, **kw)


def test_insert_article_same_content_is_one_article(workspace):
    with workspace.begin() as conn:
        first = repo.insert_article(conn, _article("Floods closed the bridge."), external_id="a")
        second = repo.insert_article(conn, _article("Floods  closed the bridge."), external_id="b")
        assert first[1] is True
        assert second == (first[0], False)
        assert repo.count_articles(conn) == 1
        # The first document's external id stays the article's.
        assert repo.get_article(conn, first[0]).external_id == "a"


def test_add_document_once_per_origin_and_bytes(workspace):
    with workspace.begin() as conn:
        article_id, _ = repo.insert_article(conn, _article("Floods closed the bridge."))
        assert repo.add_document(conn, article_id, raw=b"x", origin="a.txt") is True
        assert repo.add_document(conn, article_id, raw=b"x", origin="a.txt") is False
        assert repo.add_document(conn, article_id, raw=b"x", origin="b.txt") is True
        docs = repo.article_documents(conn, article_id)
    assert [(d.origin, d.raw) for d in docs] == [("a.txt", b"x"), ("b.txt", b"x")]


def test_save_analysis_round_trips(workspace, seed_analysis):
    with workspace.begin() as conn:
        article_id, _ = repo.insert_article(conn, seed_analysis.article)
        repo.save_analysis(conn, article_id, seed_analysis)
    loaded = workspace.analysis(article_id)
    assert loaded.to_dict() == seed_analysis.to_dict()
    assert loaded.versions == seed_analysis.versions


def test_save_analysis_twice_replaces(workspace, seed_analysis):
    with workspace.begin() as conn:
        article_id, _ = repo.insert_article(conn, seed_analysis.article)
        repo.save_analysis(conn, article_id, seed_analysis)
        seed_analysis_copy = type(seed_analysis)(article=seed_analysis.article)
        repo.save_analysis(conn, article_id, seed_analysis_copy)
    assert workspace.analysis(article_id).timexes == []


@pytest.fixture
def three(workspace):
    with workspace.begin() as conn:
        for text, outlet, published, eid in [
            ("Floods closed the bridge.", "Herald", "2025-11-30", "h1"),
            ("The bridge reopened on Monday.", "Herald", "2025-12-01T09:30:00", "h2"),
            ("A storm is coming, forecasters said.", "Courier", "2025-12-03", "c1"),
        ]:
            repo.insert_article(
                conn, _article(text, outlet=outlet, published=published), external_id=eid
            )
    return workspace


@pytest.mark.parametrize(
    ("filters", "expect"),
    [
        ({}, ["c1", "h2", "h1"]),
        ({"outlet": "herald"}, ["h2", "h1"]),
        ({"since": "2025-12-01"}, ["c1", "h2"]),
        ({"until": "2025-12-01"}, ["h2", "h1"]),
        ({"since": "2025-12-01", "until": "2025-12-01"}, ["h2"]),
        ({"limit": 1, "offset": 1}, ["h2"]),
    ],
)
def test_articles_filters(three, filters, expect):
    assert [a.external_id for a in three.articles(**filters)] == expect


@pytest.mark.parametrize(("ref", "expect"), [("h2", "h2"), ("c1", "c1")])
def test_article_by_external_id(three, ref, expect):
    assert three.article(ref).external_id == expect


def test_article_by_numeric_id_text(three):
    record = three.articles(limit=1)[0]
    assert three.article(str(record.id)) == record
    assert three.article(record.id) == record


def test_external_ids_lists_every_copy(workspace):
    with workspace.begin() as conn:
        article_id, _ = repo.insert_article(conn, _article("Floods closed it."), external_id="a")
        repo.add_document(conn, article_id, raw=b"1", origin="x:1", external_id="a")
        repo.add_document(conn, article_id, raw=b"1", origin="x:2", external_id="b")
        other, _ = repo.insert_article(conn, _article("Another text."))
        assert repo.external_ids(conn, [article_id, other]) == {article_id: ["a", "b"], other: []}


@pytest.mark.issue(5)
@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("2025-12-02", "2025-12-02"),
        ("2025-12-02", "2025-12-02T09:30:00"),  # one day, two times: one article
        ("2025-12-02T23:00:00+00:00", "2025-12-02T01:00:00+00:00"),
    ],
)
def test_content_key_same_text_same_day_is_one_key(a, b):
    text = "The safe passage expired on Friday."
    assert repo.content_key(text, a) == repo.content_key(text, b)


@pytest.mark.issue(5)
@pytest.mark.parametrize(("a", "b"), [("2025-12-02", "2025-12-09"), ("2025-12-02", None)])
def test_content_key_same_text_another_day_is_another_key(a, b):
    text = "The safe passage expired on Friday."
    assert repo.content_key(text, a) != repo.content_key(text, b)


@pytest.mark.issue(5)
def test_content_key_of_an_undated_text_is_the_text_alone():
    # Undated articles of an older workspace keep their key (migration 20261127_0005).
    import hashlib

    assert (
        repo.content_key("Floods  closed it.") == hashlib.sha256(b"floods closed it.").hexdigest()
    )


@pytest.mark.issue(5)
def test_insert_article_same_text_another_day_is_another_article(workspace):
    text = "The safe passage expired on Friday."
    with workspace.begin() as conn:
        first = repo.insert_article(conn, _article(text, published="2025-12-05"), external_id="a")
        again = repo.insert_article(
            conn, _article(text, published="2025-12-05T08:00:00"), external_id="b"
        )
        later = repo.insert_article(conn, _article(text, published="2025-12-12"), external_id="c")
        assert first[1] is True and again == (first[0], False)
        assert later[1] is True and later[0] != first[0]
        assert repo.count_articles(conn) == 2


@pytest.mark.issue(5)
def test_update_article_refuses_a_text_and_day_another_article_has(workspace):
    with workspace.begin() as conn:
        a, _ = repo.insert_article(conn, _article("Old text.", published="2025-12-05"))
        repo.insert_article(conn, _article("New text.", published="2025-12-05"))
        b, _ = repo.insert_article(conn, _article("Other text.", published="2025-12-12"))
        assert repo.update_article(conn, a, _article("New text.", published="2025-12-05")) is False
        # The same text on another day is free.
        assert repo.update_article(conn, b, _article("New text.", published="2025-12-12")) is True
