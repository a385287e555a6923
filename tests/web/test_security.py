from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

import pytest
from fastapi.testclient import TestClient

from storyline.web.security import FetchRefused, check_fetch_url, fetch_url
from storyline.web.settings import WebSettings


def fixed(*addresses: str) -> Callable[[str], list[str]]:
    """A resolver that answers as DNS would for a host with these addresses."""
    return lambda host: list(addresses)


@pytest.mark.parametrize(
    ("url", "addresses"),
    [
        ("http://localhost/", ("127.0.0.1",)),
        ("http://intranet.example/", ("10.1.2.3",)),
        ("http://router.example/", ("192.168.0.1",)),
        ("http://corp.example/", ("172.16.5.5",)),
        ("http://metadata.example/latest", ("169.254.169.254",)),
        ("http://v6.example/", ("::1",)),
        ("http://mapped.example/", ("::ffff:127.0.0.1",)),
        ("http://ula.example/", ("fd00::1",)),
        ("http://zero.example/", ("0.0.0.0",)),
        ("http://cgnat.example/", ("100.64.0.1",)),
        # One private answer among public ones is enough to refuse (DNS round-robin tricks).
        ("http://mixed.example/", ("93.184.216.34", "127.0.0.1")),
    ],
)
def test_check_fetch_url_refuses_private_addresses(url: str, addresses: tuple[str, ...]) -> None:
    with pytest.raises(FetchRefused, match="private, loopback or reserved"):
        check_fetch_url(url, resolver=fixed(*addresses))


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("file:///etc/passwd", "only http:// and https://"),
        ("ftp://example.com/a", "only http:// and https://"),
        ("javascript:alert(1)", "only http:// and https://"),
        ("http:///nohost", "has no host"),
        ("http://user:pw@example.com/", "credentials"),
    ],
)
def test_check_fetch_url_refuses_bad_urls(url: str, reason: str) -> None:
    with pytest.raises(FetchRefused, match=reason):
        check_fetch_url(url, resolver=fixed("93.184.216.34"))


@pytest.mark.parametrize("address", ["93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946"])
def test_check_fetch_url_allows_public_addresses(address: str) -> None:
    url = "https://example.com/news"
    assert check_fetch_url(url, resolver=fixed(address)) == url


@pytest.mark.parametrize("url", ["https://example.com/", "http://127.0.0.1:9/"])
def test_fetch_url_disabled_by_default(url: str) -> None:
    with pytest.raises(FetchRefused, match="does not fetch URLs"):
        fetch_url(url, WebSettings())


@pytest.mark.parametrize("url", ["http://127.0.0.1:9/", "http://localhost:9/"])
def test_fetch_url_enabled_still_refuses_loopback(url: str) -> None:
    # Real resolution, no connection made: the check runs before any request.
    with pytest.raises(FetchRefused, match="private, loopback or reserved"):
        fetch_url(url, WebSettings(allow_url_fetch=True))


class TestBearerToken:
    """POST /api/articles is a write endpoint: unauthorized, wrong token, right token."""

    BODY: ClassVar[dict[str, str]] = {"text": "A short article.", "published": "2025-12-02"}

    @pytest.mark.parametrize(
        "headers",
        [
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": "Basic czNjcmV0"},
            {"Authorization": "s3cret"},
        ],
    )
    def test_write_without_right_token_is_401(
        self, make_client: Callable[..., TestClient], headers: dict[str, str]
    ) -> None:
        client = make_client(api_token="s3cret")
        r = client.post("/api/articles", json=self.BODY, headers=headers)
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "unauthorized"

    @pytest.mark.parametrize("path", ["/api/analyze"])
    def test_read_only_endpoints_need_no_token(
        self, make_client: Callable[..., TestClient], path: str
    ) -> None:
        client = make_client(api_token="s3cret")
        r = client.post(path, json={"text": "Officials said on Monday that talks ended."})
        assert r.status_code == 200


class TestBodyLimit:
    @pytest.mark.parametrize("size", [2_000, 50_000])
    def test_body_over_limit_is_413(
        self, make_client: Callable[..., TestClient], size: int
    ) -> None:
        client = make_client(max_body_bytes=1_000)
        r = client.post("/api/analyze", json={"text": "x" * size})
        assert r.status_code == 413
        assert r.json() == {
            "error": {
                "code": "body_too_large",
                "message": "the request body is larger than 1000 bytes: send a smaller article "
                "(or raise STORYLINE_MAX_BODY_BYTES)",
            }
        }

    def test_streamed_body_over_limit_is_413(self, make_client: Callable[..., TestClient]) -> None:
        # No Content-Length: a chunked body must be counted as it arrives.
        client = make_client(max_body_bytes=1_000)

        def chunks():
            for _ in range(10):
                yield b"x" * 500

        r = client.post(
            "/api/analyze", content=chunks(), headers={"content-type": "application/json"}
        )
        assert r.status_code == 413

    def test_body_under_limit_is_served(self, make_client: Callable[..., TestClient]) -> None:
        client = make_client(max_body_bytes=10_000)
        r = client.post("/api/analyze", json={"text": "Officials said on Monday it ended."})
        assert r.status_code == 200


@pytest.mark.parametrize("path", ["/analyze", "/api/nothing-here"])
def test_security_headers_on_every_response(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.headers["x-content-type-options"] == "nosniff"
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_docs_page_has_no_csp(client: TestClient) -> None:
    # Swagger UI needs its own assets; our strict CSP would break it.
    r = client.get("/docs")
    assert r.status_code == 200
    assert "content-security-policy" not in r.headers
