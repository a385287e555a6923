"""The pinned error shape: every API error is ``{"error": {"code", "message"}}`` with the
status of its ``StorylineError``; pages show ``error.html``."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(
    ("method", "path", "body", "status", "code"),
    [
        ("post", "/api/analyze", {}, 400, "bad_input"),
        ("post", "/api/analyze", {"text": "   "}, 400, "bad_input"),
        ("post", "/api/analyze", {"text": "a", "html": "<p>a</p>"}, 400, "bad_input"),
        ("post", "/api/analyze", {"text": "Hi.", "published": "0000-00-00"}, 400, "invalid_date"),
        ("post", "/api/analyze", {"text": 5}, 422, "invalid_request"),
        ("post", "/api/analyze", {"url": "http://127.0.0.1/", "fetch": True}, 403, "fetch_refused"),
        ("get", "/api/no-such-thing", None, 404, "not_found"),
        ("get", "/api/analyze", None, 405, "method_not_allowed"),
    ],
)
def test_api_error_shape_is_pinned(
    client: TestClient, method: str, path: str, body: object, status: int, code: str
) -> None:
    r = client.request(method.upper(), path, json=body)
    assert r.status_code == status
    payload = r.json()
    assert set(payload) == {"error"}
    assert set(payload["error"]) == {"code", "message"}
    assert payload["error"]["code"] == code
    assert payload["error"]["message"] and "\n" not in payload["error"]["message"]


def test_api_invalid_json_is_422_with_shape(client: TestClient) -> None:
    r = client.post(
        "/api/analyze", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "invalid_request"


@pytest.mark.parametrize("path", ["/no-such-page", "/stories/999999"])
def test_page_error_renders_error_template(ws_client: TestClient, parse, path: str) -> None:
    r = ws_client.get(path, headers={"accept": "text/html"})
    assert r.status_code == 404
    doc = parse(r.text)
    section = doc.select_one("section.error")
    assert section is not None and section["data-code"] == "not_found"
    assert doc.select_one("header.site a.brand") is not None


@pytest.mark.parametrize("path", ["/docs", "/openapi.json"])
def test_openapi_is_served(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 200


def test_openapi_lists_the_stable_endpoints(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/analyze",
        "/api/stories",
        "/api/stories/{story_id}",
        "/api/stories/{story_id}/timeline",
        "/api/articles",
        "/api/articles/{article_id}",
        "/api/search",
    ):
        assert path in paths, path


def test_create_app_keeps_no_module_state() -> None:
    from storyline.web.app import create_app
    from storyline.web.settings import WebSettings

    a = create_app(None, settings=WebSettings(api_token="a"))
    b = create_app(None, settings=WebSettings(api_token="b"))
    assert a.state.settings.api_token == "a" and b.state.settings.api_token == "b"
