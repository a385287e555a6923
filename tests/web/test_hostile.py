"""Article content is untrusted: script tags, event handlers and javascript: URLs inside an
article (its text, title, outlet, URL) must never reach a page alive, on any page that shows it."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/articles",
        "/articles/hostile",
        "/articles/hostile-text",
        "/search?q=officials",
        "/search?q=script+alert",
        "/entities",
    ],
)
def test_pages_show_hostile_article_without_live_script(
    ws_client: TestClient, live_scripts, path: str
) -> None:
    r = ws_client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert live_scripts(r.text) == []


@pytest.mark.parametrize("ref", ["hostile", "hostile-text"])
def test_article_page_shows_hostile_metadata_as_text(
    ws_client: TestClient, parse, ref: str
) -> None:
    doc = parse(ws_client.get(f"/articles/{ref}").text)
    assert "<script>alert('title')</script>" in doc.select_one("h1").get_text()
    meta = doc.select_one("dl.meta")
    assert "<b onmouseover=alert(1)>Evil Herald</b>" in meta.get_text()
    # A javascript: URL is shown, never linked.
    assert meta.select_one(".unsafe-url").get_text() == "javascript:alert('url')"
    assert not [a for a in meta.select("a") if "javascript" in a.get("href", "")]


def test_article_page_shows_tags_in_text_as_text(ws_client: TestClient, parse) -> None:
    body = parse(ws_client.get("/articles/hostile-text").text).select_one("#article-text")
    text = body.get_text()
    assert "<script>alert('p')</script>" in text
    assert "onerror=\"alert('img')\"" in text
    assert "href=\"javascript:alert('link')\"" in text
    assert body.find("script") is None and body.find("img") is None


@pytest.mark.parametrize("which", ["hostile_html", "hostile_text"])
def test_analyze_page_escapes_pasted_hostile_article(
    client: TestClient, request: pytest.FixtureRequest, live_scripts, parse, which: str
) -> None:
    r = client.post(
        "/analyze",
        data={
            "text": request.getfixturevalue(which),
            "published": "2025-12-03",
            "url": "javascript:alert(9)",
            "outlet": "<svg onload=alert(1)>",
        },
    )
    assert r.status_code == 200
    assert live_scripts(r.text) == []
    doc = parse(r.text)
    # The pasted page is echoed back in the textarea as text, not markup.
    assert "<script>" in doc.select_one("textarea#text").get_text()


@pytest.mark.parametrize("ref", ["hostile", "hostile-text"])
def test_api_returns_hostile_text_as_json_not_html(ws_client: TestClient, ref: str) -> None:
    r = ws_client.get(f"/api/articles/{ref}")
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["title"] == "<script>alert('title')</script>Officials deny"


@pytest.mark.parametrize("ref", ["hostile", "hostile-text"])
def test_story_and_entity_pages_of_hostile_article_have_no_live_script(
    ws_client: TestClient, parse, live_scripts, ref: str
) -> None:
    article = ws_client.get(f"/api/articles/{ref}").json()
    paths = [f"/stories/{s['id']}" for s in article["stories"]]
    doc = parse(ws_client.get(f"/articles/{ref}").text)
    paths += [a["href"] for a in doc.select("section.article-entities a")]
    assert paths, "the hostile article is in no story and links no entity"
    for path in paths:
        r = ws_client.get(path)
        assert r.status_code == 200, path
        assert live_scripts(r.text) == [], path
