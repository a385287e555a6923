"""Stories, timelines, exports and entities over the API: each the JSON twin of a page."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient


@pytest.fixture
def stories(ws_client: TestClient) -> list[dict[str, Any]]:
    return ws_client.get("/api/stories?limit=500").json()["items"]


@pytest.fixture
def big_story(stories: list[dict[str, Any]]) -> dict[str, Any]:
    return max(stories, key=lambda s: s["article_count"])


class TestListStories:
    def test_each_story_has_counts_outlets_coverage(self, stories: list[dict[str, Any]]) -> None:
        assert stories
        for s in stories:
            assert {"id", "title", "article_count", "outlets", "coverage"} <= set(s)
            assert s["article_count"] >= 1
            assert sum(n for _, n in s["coverage"]) <= s["article_count"]

    def test_most_recently_active_first(self, stories: list[dict[str, Any]]) -> None:
        last = [s["last_published"] or "" for s in stories]
        assert last == sorted(last, reverse=True)

    def test_stories_cover_every_linked_article(
        self, ws_client: TestClient, stories: list[dict[str, Any]]
    ) -> None:
        total = ws_client.get("/api/articles").json()["total"]
        assert sum(s["article_count"] for s in stories) == total

    @pytest.mark.parametrize(("query", "expect_any"), [("since=2030-01-01", False), ("", True)])
    def test_date_filter(self, ws_client: TestClient, query: str, expect_any: bool) -> None:
        assert bool(ws_client.get(f"/api/stories?{query}").json()["items"]) is expect_any

    def test_outlet_filter_keeps_stories_with_that_outlet(self, ws_client: TestClient) -> None:
        items = ws_client.get("/api/stories?outlet=reuters").json()["items"]
        assert items and all("Reuters" in s["outlets"] for s in items)

    def test_source_type_filter_is_refused_with_reason(self, ws_client: TestClient) -> None:
        r = ws_client.get("/api/stories?source_type=named_person")
        assert r.status_code == 400 and "timeline" in r.json()["error"]["message"]


class TestGetStory:
    @pytest.mark.parametrize("ref", ["999999", "abc"])
    def test_unknown_story_is_404(self, ws_client: TestClient, ref: str) -> None:
        for path in (f"/api/stories/{ref}", f"/api/stories/{ref}/timeline"):
            r = ws_client.get(path)
            assert r.status_code == 404, path
            assert r.json()["error"]["code"] == "not_found"

    def test_story_lists_its_articles(self, ws_client: TestClient, big_story: dict) -> None:
        story = ws_client.get(f"/api/stories/{big_story['id']}").json()
        assert len(story["articles"]) == big_story["article_count"]


class TestTimeline:
    def test_timeline_is_the_cli_json(self, ws_client: TestClient, workspace, big_story) -> None:
        from storyline.stories import timeline_for

        api = ws_client.get(f"/api/stories/{big_story['id']}/timeline").json()
        assert api == timeline_for(workspace, story_id=big_story["id"])
        assert {"story", "entries"} <= set(api)
        for e in api["entries"]:
            assert {
                "date",
                "precision",
                "summary",
                "mentions",
                "sources",
                "independent_sources",
                "first_reported",
                "status",
                "deadline",
            } <= set(e)

    @pytest.mark.parametrize(("max_dates", "per_date"), [(2, 1), (1, 3)])
    def test_summary_timeline(
        self, ws_client: TestClient, big_story: dict, max_dates: int, per_date: int
    ) -> None:
        entries = ws_client.get(
            f"/api/stories/{big_story['id']}/timeline",
            params={"max_dates": max_dates, "per_date": per_date},
        ).json()["entries"]
        # A date is a calendar day (a time of day on it is the same date).
        days = {(e["date"] or "")[:10] for e in entries}
        assert len(days) <= max_dates
        assert all(sum((e["date"] or "")[:10] == d for e in entries) <= per_date for d in days)

    @pytest.mark.parametrize("query", ["max_dates=0", "per_date=-1", "max_dates=x"])
    def test_bad_parameters_are_422(
        self, ws_client: TestClient, big_story: dict, query: str
    ) -> None:
        r = ws_client.get(f"/api/stories/{big_story['id']}/timeline?{query}")
        assert r.status_code == 422 and r.json()["error"]["code"] == "invalid_request"


class TestExport:
    def test_json_export_downloads_the_timeline(self, ws_client: TestClient, big_story) -> None:
        r = ws_client.get(f"/api/stories/{big_story['id']}/export.json")
        assert r.status_code == 200
        assert r.headers["content-disposition"].startswith("attachment;")
        timeline = ws_client.get(f"/api/stories/{big_story['id']}/timeline").json()
        assert r.json() == timeline

    @pytest.mark.parametrize(
        ("fmt", "media_type"),
        [("md", "text/markdown"), ("csv", "text/csv"), ("timelinejs", "application/json")],
    )
    def test_other_exports_are_the_cli_formats(
        self, ws_client: TestClient, workspace, big_story, fmt: str, media_type: str
    ) -> None:
        from storyline.export import render
        from storyline.stories import timeline_for

        r = ws_client.get(f"/api/stories/{big_story['id']}/export.{fmt}")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith(media_type)
        assert r.text == render(timeline_for(workspace, story_id=big_story["id"]), fmt)

    def test_unknown_format_is_404(self, ws_client: TestClient, big_story) -> None:
        r = ws_client.get(f"/api/stories/{big_story['id']}/export.docx")
        assert r.status_code == 404


class TestEntities:
    def test_list_most_covered_first(self, ws_client: TestClient) -> None:
        body = ws_client.get("/api/entities?limit=10").json()
        counts = [e["articles"] for e in body["items"]]
        assert counts and counts == sorted(counts, reverse=True)
        assert body["total"] >= len(body["items"])

    @pytest.mark.parametrize("type_", ["GPE", "PERSON"])
    def test_list_filters_by_type(self, ws_client: TestClient, type_: str) -> None:
        items = ws_client.get(f"/api/entities?type={type_}").json()["items"]
        assert all(e["type"] == type_ for e in items)

    def test_list_filters_by_name(self, ws_client: TestClient) -> None:
        items = ws_client.get("/api/entities?q=maduro").json()["items"]
        assert items and all("maduro" in e["name"].lower() for e in items)

    # "18446744073709551616" is past 64 bits: the driver overflowed on it (a 500, not a 404).
    @pytest.mark.parametrize("ref", ["999999", "nobody", "18446744073709551616"])
    def test_unknown_entity_is_404(self, ws_client: TestClient, ref: str) -> None:
        assert ws_client.get(f"/api/entities/{ref}").status_code == 404

    def test_entity_has_stories_and_claims(self, ws_client: TestClient) -> None:
        (maduro,) = [
            e
            for e in ws_client.get("/api/entities?q=maduro").json()["items"]
            if e["type"] == "PERSON"
        ][:1]
        body = ws_client.get(f"/api/entities/{maduro['id']}").json()
        assert body["stories"]
        assert {"claims_by", "claims_about"} <= set(body)
        for claim in body["claims_by"] + body["claims_about"]:
            assert claim["sentence"] and claim["article"]


class TestTimelineFilters:
    @pytest.mark.parametrize(
        "query",
        [
            "source_type=named_organization",
            "source_type=reporter",
            "since=2011-01-01",
            "until=2010-12-31",
            "outlet=The Hindu",
        ],
    )
    def test_filtered_entries_pass_the_filter(
        self, ws_client: TestClient, big_story: dict, query: str
    ) -> None:
        full = ws_client.get(f"/api/stories/{big_story['id']}/timeline").json()
        part = ws_client.get(f"/api/stories/{big_story['id']}/timeline?{query}").json()
        assert part["story"] == full["story"]
        assert all(e in full["entries"] for e in part["entries"])
        name, value = query.split("=")
        for e in part["entries"]:
            if name == "source_type":
                assert any(s["type"] == value for s in e["sources"])
            elif name == "since":
                assert e["date"] >= value[: len(e["date"])]
            elif name == "until":
                assert e["date"] <= value[: len(e["date"])]
            else:
                outlets = {s["outlet"] for s in e["sources"]} | {e["first_reported"]["outlet"]}
                assert value in outlets


class TestTimelineCompression:
    @pytest.mark.parametrize("encoding", ["gzip", "identity"])
    def test_same_json_compressed_or_not(
        self, ws_client: TestClient, big_story: dict, encoding: str
    ) -> None:
        path = f"/api/stories/{big_story['id']}/timeline"
        r = ws_client.get(path, headers={"accept-encoding": encoding})
        assert r.status_code == 200
        assert r.headers.get("content-encoding", "identity") == encoding
        assert "accept-encoding" in r.headers["vary"].lower()
        # httpx decodes gzip: the JSON is the same either way.
        assert r.json() == ws_client.get(path, headers={"accept-encoding": "identity"}).json()

    def test_pages_are_compressed_for_clients_that_accept_it(
        self, ws_client: TestClient, big_story: dict
    ) -> None:
        r = ws_client.get(f"/stories/{big_story['id']}", headers={"accept-encoding": "gzip"})
        assert r.headers["content-encoding"] == "gzip"
        assert "content-security-policy" in r.headers
