"""web/follow_routes: the follows API and the Atom route, through a real app and workspace."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient


def make_client(workspace: Any, **settings: Any) -> TestClient:
    from storyline.web.app import create_app
    from storyline.web.follow_routes import router
    from storyline.web.settings import WebSettings

    app = create_app(workspace, settings=WebSettings(**settings))
    if not any(getattr(r, "name", None) == "api.follows" for r in app.routes):
        app.include_router(router)  # until the app includes it itself
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(workspace) -> Iterator[TestClient]:
    with make_client(workspace) as c:
        yield c


def test_follows_api_add_list_get_remove(client):
    created = client.post("/api/follows", json={"query": "Maduro", "emails": ["a@example.org"]})
    assert created.status_code == 201, created.text
    body = created.json()
    assert (body["kind"], body["target"], body["emails"]) == ("query", "Maduro", ["a@example.org"])
    assert body["feed"].endswith(f"/feeds/{body['id']}.atom")
    assert [f["id"] for f in client.get("/api/follows").json()] == [body["id"]]
    assert client.get(f"/api/follows/{body['id']}").json()["target"] == "Maduro"
    assert client.delete(f"/api/follows/{body['id']}").status_code == 204
    assert client.get("/api/follows").json() == []


@pytest.mark.parametrize(
    "payload, code",
    [
        ({"query": "Maduro", "emails": ["not-an-address"]}, "bad_input"),
        ({"query": "Maduro", "entity": "Trump", "emails": ["a@example.org"]}, "bad_input"),
        ({"emails": ["a@example.org"]}, "bad_input"),
        ({"query": "Maduro", "emails": []}, "bad_input"),
    ],
)
def test_follows_api_bad_input_is_400_with_one_error_shape(client, payload, code):
    answer = client.post("/api/follows", json=payload)
    assert answer.status_code == 400
    assert answer.json()["error"]["code"] == code


@pytest.mark.parametrize("method", ["get", "delete"])
def test_follows_api_unknown_follow_is_404(client, method):
    answer = getattr(client, method)("/api/follows/99")
    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_found"


def test_follows_api_writes_need_the_token_when_set(workspace):
    with make_client(workspace, api_token="t0ken") as c:
        payload = {"query": "Maduro", "emails": ["a@example.org"]}
        assert c.post("/api/follows", json=payload).status_code == 401
        ok = c.post("/api/follows", json=payload, headers={"Authorization": "Bearer t0ken"})
        assert ok.status_code == 201
        assert c.delete(f"/api/follows/{ok.json()['id']}").status_code == 401


def test_feed_unknown_follow_is_404(client):
    assert client.get("/feeds/42.atom").status_code == 404
