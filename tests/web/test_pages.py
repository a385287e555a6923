"""Page structure, parsed: each page climbs not found, invalid, valid."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


class TestArticlePage:
    def test_unknown_article_is_404_page(self, ws_client: TestClient, parse) -> None:
        r = ws_client.get("/articles/nope")
        assert r.status_code == 404
        assert parse(r.text).select_one("section.error")["data-code"] == "not_found"

    def test_article_text_is_shown_whole(self, ws_client: TestClient, parse) -> None:
        api = ws_client.get("/api/articles/seed").json()
        doc = parse(ws_client.get("/articles/seed").text)
        assert doc.select_one("h1").get_text() == api["title"]
        assert doc.select_one("#article-text").get_text() == api["analysis"]["article"]["text"]

    def test_article_highlights_carry_hover_text(self, ws_client: TestClient, parse) -> None:
        api = ws_client.get("/api/articles/seed").json()["analysis"]
        doc = parse(ws_client.get("/articles/seed").text)
        marks = doc.select("#article-text span[data-tip]")
        assert all(m["title"] == m["data-tip"] for m in marks)
        if api["timexes"]:
            timex = api["timexes"][0]
            tips = [m["title"] for m in doc.select("#article-text span.hl-timex")]
            assert any(timex["value"] in t for t in tips)

    def test_article_page_lists_its_sources(self, ws_client: TestClient, parse) -> None:
        api = ws_client.get("/api/articles/seed").json()["analysis"]
        doc = parse(ws_client.get("/articles/seed").text)
        badges = doc.select("section.article-sources .badge")
        assert (len(badges) > 0) == bool(api["attributions"])


class TestAnalyzePage:
    def test_form_is_shown(self, client: TestClient, parse) -> None:
        doc = parse(client.get("/analyze").text)
        form = doc.select_one("form.analyze")
        assert form["method"] == "post" and form["action"] == "/analyze"
        assert {i["name"] for i in form.select("[name]")} == {"text", "published", "url", "outlet"}

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"text": "   "}, "empty"),
            ({"text": "Officials said so.", "published": "2025-02-30"}, "invalid publication date"),
        ],
    )
    def test_bad_input_shows_error_and_keeps_form(
        self, client: TestClient, parse, data: dict[str, str], message: str
    ) -> None:
        r = client.post("/analyze", data=data)
        assert r.status_code == 400
        doc = parse(r.text)
        assert message in doc.select_one(".form-error").get_text()
        assert doc.select_one("textarea#text").get_text() == data["text"]
        assert doc.select_one("#result") is None

    def test_pasted_article_is_analysed(self, client: TestClient, parse, seed_text: str) -> None:
        r = client.post("/analyze", data={"text": seed_text, "published": "2025-12-02"})
        assert r.status_code == 200
        doc = parse(r.text)
        result = doc.select_one("#result")
        assert result is not None
        assert "2025-12-02" in result.select_one("dl.meta").get_text()
        assert "Maduro" in result.select_one("#article-text").get_text()


class TestListPages:
    @pytest.mark.parametrize("path", ["/", "/articles", "/entities", "/search", "/analyze"])
    def test_page_renders_with_navigation(self, ws_client: TestClient, parse, path: str) -> None:
        r = ws_client.get(path)
        assert r.status_code == 200
        doc = parse(r.text)
        nav = {a.get_text(): a["href"] for a in doc.select("header.site nav a")}
        assert nav["Stories"] == "/" and nav["Paste an article"] == "/analyze"

    def test_articles_page_links_each_article(self, ws_client: TestClient, parse) -> None:
        doc = parse(ws_client.get("/articles").text)
        links = [a["href"] for a in doc.select("li.article-item > a")]
        total = ws_client.get("/api/articles").json()["total"]
        assert len(links) == total and all(h.startswith("/articles/") for h in links)

    def test_articles_page_paginates(self, ws_client: TestClient, parse) -> None:
        doc = parse(ws_client.get("/articles?limit=1").text)
        assert len(doc.select("li.article-item")) == 1
        nxt = doc.select_one(".pagination a[rel=next]")
        assert nxt is not None and "offset=1" in nxt["href"]

    def test_search_page_marks_matches(self, ws_client: TestClient, parse) -> None:
        doc = parse(ws_client.get("/search?q=Maduro").text)
        assert doc.select("li.article-item")
        assert any("Maduro" in m.get_text() for m in doc.select(".snippet mark"))

    def test_bad_filter_renders_error_page(self, ws_client: TestClient, parse) -> None:
        r = ws_client.get("/articles?since=not-a-date")
        assert r.status_code == 400
        assert parse(r.text).select_one("section.error")["data-code"] == "invalid_date"
