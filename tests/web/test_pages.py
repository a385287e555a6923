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


class TestStoryPage:
    @pytest.fixture
    def story(self, ws_client: TestClient) -> dict:
        items = ws_client.get("/api/stories?limit=500").json()["items"]
        return max(items, key=lambda s: s["article_count"])

    def test_unknown_story_is_404_page(self, ws_client: TestClient, parse) -> None:
        r = ws_client.get("/stories/424242")
        assert r.status_code == 404
        assert parse(r.text).select_one("section.error")["data-code"] == "not_found"

    def test_one_entry_per_timeline_entry(self, ws_client: TestClient, parse, story) -> None:
        timeline = ws_client.get(f"/api/stories/{story['id']}/timeline").json()
        doc = parse(ws_client.get(f"/stories/{story['id']}").text)
        entries = doc.select("ol.timeline > li.entry")
        assert len(entries) == len(timeline["entries"])
        for li, e in zip(entries, timeline["entries"], strict=True):
            assert li.select_one(".entry-head time").get_text() == (e["date"] or "undated")
            assert li.select_one(".summary").get_text() == e["summary"]
            assert li["data-statuses"].split("|")[0] == e["status"]
            assert set(li["data-source-types"].split()) == {s["type"] for s in e["sources"]}
            if e["independent_sources"] is not None:
                assert li.select_one(".indep").get_text().startswith(str(e["independent_sources"]))

    def test_filters_offer_what_the_entries_have(self, ws_client: TestClient, parse, story) -> None:
        doc = parse(ws_client.get(f"/stories/{story['id']}").text)
        form = doc.select_one("form#timeline-filters")
        statuses = {o["value"] for o in form.select("select[name=status] option") if o["value"]}
        present = {s for li in doc.select("li.entry") for s in li["data-statuses"].split("|")}
        assert statuses == present
        types = {o["value"] for o in form.select("select[name=source_type] option") if o["value"]}
        assert types == {
            t for li in doc.select("li.entry") for t in li["data-source-types"].split()
        }

    def test_export_buttons_link_each_format(self, ws_client: TestClient, parse, story) -> None:
        doc = parse(ws_client.get(f"/stories/{story['id']}").text)
        hrefs = [a["href"] for a in doc.select(".exports a.export")]
        assert hrefs == [
            f"/api/stories/{story['id']}/export.{f}" for f in ("json", "md", "csv", "timelinejs")
        ]

    def test_story_list_links_every_story(self, ws_client: TestClient, parse) -> None:
        api = ws_client.get("/api/stories").json()
        doc = parse(ws_client.get("/").text)
        rows = doc.select("table.stories tr.story")
        assert len(rows) == len(api["items"])
        for row, story in zip(rows, api["items"], strict=True):
            assert row["data-story-id"] == str(story["id"])
            assert row.select_one("a")["href"] == f"/stories/{story['id']}"
            # A sparkline for every story with dated coverage.
            has_line = row.select_one("svg.sparkline polyline") is not None
            assert has_line == bool(story["coverage"])

    def test_story_pages_have_no_live_script(
        self, ws_client: TestClient, live_scripts, story
    ) -> None:
        for path in (f"/stories/{story['id']}", "/"):
            assert live_scripts(ws_client.get(path).text) == []


class TestEntityPage:
    def test_entity_page_lists_stories_and_claims(self, ws_client: TestClient, parse) -> None:
        ent = ws_client.get("/api/entities?limit=1").json()["items"][0]
        api = ws_client.get(f"/api/entities/{ent['id']}").json()
        doc = parse(ws_client.get(f"/entities/{ent['id']}").text)
        assert ent["name"] in doc.select_one("h1").get_text()
        links = [a["href"] for a in doc.select("section.entity-stories a")]
        assert links == [f"/stories/{s['id']}" for s in api["stories"]]
        assert len(doc.select("section.entity-claims li.claim")) == len(api["claims_by"])
        assert len(doc.select("section.entity-about li.claim")) == len(api["claims_about"])

    def test_unknown_entity_is_404_page(self, ws_client: TestClient) -> None:
        assert ws_client.get("/entities/0").status_code == 404
