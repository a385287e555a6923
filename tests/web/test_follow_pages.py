"""Follows in the web app: the /api/follows router is mounted, story/entity/search pages carry a
Follow form, and a follow's Atom feed parses."""

from __future__ import annotations

import feedparser
import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from storyline.follow import get_follow, page_path
from storyline.web.app import create_app
from storyline.workspace import Workspace


@pytest.fixture
def client(tmp_path, seed_path):
    ws = Workspace(tmp_path / "ws.sqlite")
    ws.add(seed_path.read_bytes(), origin=str(seed_path), published="2025-12-02")
    with TestClient(create_app(ws)) as c:
        yield c
    ws.close()


def _story_id(client: TestClient) -> str:
    stories = client.get("/api/stories").json()
    items = stories["items"] if isinstance(stories, dict) else stories
    return str(items[0]["id"])


def test_story_page_has_a_follow_form(client):
    sid = _story_id(client)
    soup = BeautifulSoup(client.get(f"/stories/{sid}").text, "html.parser")
    form = soup.select_one("form.follow")
    assert form is not None
    assert form["data-follow-kind"] == "story" and form["data-follow-target"] == sid
    assert form["action"].endswith("/api/follows")
    assert form.select_one("input[type=email]") is not None


def test_search_page_follow_form_names_the_query(client):
    soup = BeautifulSoup(client.get("/search", params={"q": "Maduro"}).text, "html.parser")
    form = soup.select_one("form.follow")
    assert form is not None and form["data-follow-kind"] == "query"
    assert form["data-follow-target"] == "Maduro"


def test_follow_api_and_atom_feed(client):
    sid = _story_id(client)
    made = client.post("/api/follows", json={"story": sid, "emails": ["desk@example.org"]})
    assert made.status_code == 201, made.text
    follow = made.json()
    assert follow["feed"].endswith(f"/feeds/{follow['id']}.atom")
    listed = client.get("/api/follows").json()
    assert [f["id"] for f in listed] == [follow["id"]]
    feed = client.get(f"/feeds/{follow['id']}.atom")
    assert feed.status_code == 200
    parsed = feedparser.parse(feed.content)
    assert not parsed.bozo and parsed.feed.title
    # The page a digest links to is served and shows the story the follow is about.
    page = next(link.href for link in parsed.feed.links if link.rel == "alternate")
    opened = client.get(page)
    assert opened.status_code == 200 and opened.url.path == f"/stories/{sid}"


@pytest.mark.parametrize("kind", ["entity", "query"])
def test_follow_page_of_a_search_lists_its_articles(client, kind):
    made = client.post("/api/follows", json={kind: "Maduro", "emails": ["desk@example.org"]})
    assert made.status_code == 201, made.text
    follow = get_follow(client.app.state.workspace, made.json()["id"])
    soup = BeautifulSoup(client.get(page_path(follow)).text, "html.parser")
    assert "Trump" in soup.get_text()


def test_follow_api_refuses_nonsense(client):
    answer = client.post("/api/follows", json={"story": "999999", "emails": ["a@example.org"]})
    assert answer.status_code in (400, 404)
    assert set(answer.json()) == {"error"}
