"""Full-text search: the same results on SQLite (FTS5) and PostgreSQL (tsvector), and never an
error for whatever the user types."""

from __future__ import annotations

import pytest

from storyline.model import Article
from storyline.store import articles as repo
from storyline.store.search import fts5_query


@pytest.fixture
def corpus(workspace):
    with workspace.begin() as conn:
        for title, text in [
            ("Bridge closed", "Floods closed the old bridge over the river on Sunday."),
            (
                "Storm warning",
                "Forecasters said a storm would reach the coast; the bridge may close.",
            ),
            ("Budget vote", "The council approved the budget after a long debate."),
        ]:
            repo.insert_article(conn, Article(text=text, title=title))
    return workspace


def test_search_finds_matching_articles_title_first(corpus):
    titles = [h.article.title for h in corpus.search("bridge")]
    assert titles == ["Bridge closed", "Storm warning"]


def test_search_stems_words(corpus):
    assert [h.article.title for h in corpus.search("approving budgets")] == ["Budget vote"]


def test_search_needs_every_word(corpus):
    assert [h.article.title for h in corpus.search("bridge storm")] == ["Storm warning"]


def test_search_snippet_marks_matches(corpus):
    hit = corpus.search("council")[0]
    assert "[council]" in hit.snippet.lower()


@pytest.mark.parametrize(
    "query", ['"', "NEAR(", "bridge -", "AND OR NOT", "*", "'; DROP TABLE articles; --", "   "]
)
def test_search_odd_input_never_raises(corpus, query):
    assert isinstance(corpus.search(query), list)
    assert corpus.count() == 3


def test_search_follows_updates(corpus):
    with corpus.begin() as conn:
        record = corpus.search("council")[0].article
        repo.update_article(conn, record.id, Article(text="The council postponed the vote."))
    assert corpus.search("debate") == []
    assert [h.article.id for h in corpus.search("postponed")] == [record.id]


@pytest.mark.parametrize(
    ("query", "expect"),
    [("bridge", '"bridge"'), ('say "hi"', '"say" "hi"'), ("-", None)],
)
def test_fts5_query_quotes_every_word(query, expect):
    assert fts5_query(query) == expect
