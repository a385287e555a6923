"""GET/POST /api/articles: the ladder of unauthorized, not found, invalid, valid."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient


class TestListArticles:
    def test_list_has_envelope_and_summaries(self, ws_client: TestClient) -> None:
        body = ws_client.get("/api/articles").json()
        assert set(body) == {"items", "total", "limit", "offset"}
        # The seed, the two hostile articles and the ECB+ demo articles.
        assert body["total"] == len(body["items"]) >= 3
        assert {"id", "external_id", "title", "outlet", "published", "url"} <= set(body["items"][0])
        # Newest first.
        # Newest first; undated articles last.
        dates = [a["published"] for a in body["items"] if a["published"]]
        assert dates == sorted(dates, reverse=True)
        undated = [a["published"] is None for a in body["items"]]
        assert undated == sorted(undated)

    @pytest.mark.parametrize(
        ("query", "expected"),
        [
            ("since=2025-12-03", {"hostile", "hostile-text"}),
            ("since=2025-01-01&until=2025-12-02", {"seed"}),
            ("outlet=reuters", {"seed"}),
            ("since=2025-12-02&until=2025-12-02", {"seed"}),
            ("since=2030-01-01", set()),
        ],
    )
    def test_list_filters(self, ws_client: TestClient, query: str, expected: set[str]) -> None:
        items = ws_client.get(f"/api/articles?{query}").json()["items"]
        assert {a["external_id"] for a in items} == expected

    @pytest.mark.parametrize(("limit", "from_end", "n"), [(1, None, 1), (2, 1, 1), (5, 0, 0)])
    def test_list_paginates(
        self, ws_client: TestClient, limit: int, from_end: int | None, n: int
    ) -> None:
        total = ws_client.get("/api/articles").json()["total"]
        offset = 0 if from_end is None else total - from_end
        body = ws_client.get(f"/api/articles?limit={limit}&offset={offset}").json()
        assert len(body["items"]) == n
        assert (body["limit"], body["offset"]) == (limit, offset)

    @pytest.mark.parametrize(
        ("query", "code"),
        [
            ("since=yesterday", "invalid_date"),
            ("since=2025-12-05&until=2025-12-01", "bad_input"),
            ("limit=0", "invalid_request"),
            ("offset=-1", "invalid_request"),
            ("source_type=aliens", "bad_input"),
        ],
    )
    def test_list_bad_query_is_4xx(self, ws_client: TestClient, query: str, code: str) -> None:
        r = ws_client.get(f"/api/articles?{query}")
        assert 400 <= r.status_code < 500
        assert r.json()["error"]["code"] == code


class TestGetArticle:
    def test_unknown_is_404(self, ws_client: TestClient) -> None:
        r = ws_client.get("/api/articles/does-not-exist")
        assert r.status_code == 404
        assert r.json()["error"]["code"] == "not_found"

    @pytest.mark.parametrize("ref", ["seed"])
    def test_get_by_external_or_workspace_id(self, ws_client: TestClient, ref: str) -> None:
        by_ref = ws_client.get(f"/api/articles/{ref}").json()
        by_id = ws_client.get(f"/api/articles/{by_ref['id']}").json()
        assert by_ref == by_id
        analysis = by_ref["analysis"]
        # The analysis is the `analyze --format json` contract.
        assert {"article", "timexes", "entities", "attributions", "money", "events"} <= set(
            analysis
        )
        assert analysis["article"]["published"] == "2025-12-02"


class TestAddArticles:
    TEXT = "The mayor said on Tuesday that the bridge would reopen next month."

    def test_unauthorized_when_token_set(self, make_client: Callable[..., TestClient]) -> None:
        from storyline.workspace import Workspace

        client = make_client(Workspace(memory=True), api_token="t0ken")
        r = client.post("/api/articles", json={"text": self.TEXT})
        assert r.status_code == 401

    @pytest.mark.parametrize(
        ("body", "code"),
        [
            ({}, "bad_input"),
            ([], "bad_input"),
            ({"text": ""}, "bad_input"),
            ({"text": "x", "published": "2025-13-40"}, "invalid_date"),
        ],
    )
    def test_invalid_body_is_400(
        self, make_client: Callable[..., TestClient], body: object, code: str
    ) -> None:
        from storyline.workspace import Workspace

        client = make_client(Workspace(memory=True))
        r = client.post("/api/articles", json=body)
        assert r.status_code == 400
        assert r.json()["error"]["code"] == code

    def test_add_is_idempotent_and_readable(self, make_client: Callable[..., TestClient]) -> None:
        from storyline.workspace import Workspace

        client = make_client(Workspace(memory=True), api_token="t0ken")
        auth = {"Authorization": "Bearer t0ken"}
        item = {"text": self.TEXT, "published": "2025-12-02", "outlet": "Gazette"}
        first = client.post("/api/articles", json=item, headers=auth)
        assert first.status_code == 201
        (added,) = first.json()["articles"]
        assert added["created"] is True
        again = client.post("/api/articles", json=[item], headers=auth).json()["articles"]
        assert again == [{"id": added["id"], "created": False}]
        stored = client.get(f"/api/articles/{added['id']}").json()
        assert stored["outlet"] == "Gazette"
        assert stored["analysis"]["article"]["text"].startswith("The mayor said")


class TestSearch:
    @pytest.mark.parametrize(("q", "ref"), [("Maduro", "seed"), ("officials deny", "hostile")])
    def test_search_finds_article(self, ws_client: TestClient, q: str, ref: str) -> None:
        body = ws_client.get("/api/search", params={"q": q}).json()
        refs = [h["article"]["external_id"] for h in body["items"]]
        assert ref in refs

    @pytest.mark.parametrize("q", ["", "   "])
    def test_search_empty_query_is_400(self, ws_client: TestClient, q: str) -> None:
        assert ws_client.get("/api/search", params={"q": q}).status_code == 400

    @pytest.mark.parametrize("q", ['"unbalanced', "NEAR(", "a OR", "*"])
    def test_search_query_syntax_never_breaks(self, ws_client: TestClient, q: str) -> None:
        assert ws_client.get("/api/search", params={"q": q}).status_code == 200

    def test_search_snippet_marks_matches(self, ws_client: TestClient) -> None:
        hit = ws_client.get("/api/search", params={"q": "Maduro"}).json()["items"][0]
        assert any(marked and "Maduro" in piece for piece, marked in hit["snippet"])
