"""What keeps an exposed server safe: a bearer token for write endpoints, a request body limit,
security headers (a strict Content-Security-Policy on our pages), and an opt-in URL fetch that
never goes to private, loopback or link-local addresses.

Article content is untrusted everywhere; escaping is Jinja2's autoescape (see ``templates.py``)
and the CSP is the second wall behind it: no inline script may run on a storyline page.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import socket
from collections.abc import Callable
from urllib.parse import urljoin, urlsplit

import httpx
from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from storyline.errors import InputError, StorylineError
from storyline.web.settings import WebSettings

# Our pages load scripts and styles only from /static; nothing inline, no third parties.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages are generated and load their own assets: no CSP there.
_CSP_EXEMPT = ("/docs", "/redoc")
_FETCH_TIMEOUT = 10.0
_FETCH_MAX_REDIRECTS = 3


class Unauthorized(StorylineError):
    """A write endpoint was called without the configured bearer token."""

    code = "unauthorized"
    http_status = 401


class BodyTooLarge(StorylineError):
    code = "body_too_large"
    http_status = 413


class FetchRefused(InputError):
    """A URL the server will not fetch (fetching disabled, bad scheme, private address)."""

    code = "fetch_refused"
    http_status = 403


def require_token(request: Request) -> None:
    """Dependency for write endpoints: when a token is configured, demand ``Bearer <token>``."""
    settings: WebSettings = request.app.state.settings
    if not settings.api_token:
        return
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    # compare_digest: the time taken must not tell an attacker how much of the token matched.
    if scheme.lower() != "bearer" or not hmac.compare_digest(
        given.strip().encode(), settings.api_token.encode()
    ):
        raise Unauthorized(
            "this endpoint needs the API token: send 'Authorization: Bearer $STORYLINE_API_TOKEN'"
        )


def _error_body(exc: StorylineError) -> bytes:
    return json.dumps({"error": {"code": exc.code, "message": exc.message}}).encode()


class BodyLimitMiddleware:
    """Refuse request bodies larger than ``limit`` bytes with 413, whether the client announces
    its size (Content-Length) or streams it (chunked). The body is read here, up to the limit,
    before the app sees it: a framework that turns read errors into 400 cannot hide the 413,
    and memory per request stays bounded by the limit."""

    def __init__(self, app: ASGIApp, *, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method") in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        too_large = BodyTooLarge(
            f"the request body is larger than {self.limit} bytes: send a smaller article "
            "(or raise STORYLINE_MAX_BODY_BYTES)"
        )
        for name, value in scope.get("headers", []):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await _send_error(send, too_large)
                return
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.limit:
                await _send_error(send, too_large)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _send_error(send: Send, exc: StorylineError) -> None:
    body = _error_body(exc)
    await send(
        {
            "type": "http.response.start",
            "status": exc.http_status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class SecurityHeadersMiddleware:
    """Add nosniff, no-referrer and (outside /docs) the CSP to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        with_csp = not path.startswith(_CSP_EXEMPT)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"x-content-type-options", b"nosniff"))
                headers.append((b"referrer-policy", b"no-referrer"))
                headers.append((b"x-frame-options", b"DENY"))
                if with_csp:
                    headers.append((b"content-security-policy", CSP.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)


Resolver = Callable[[str], list[str]]


def _resolve(host: str) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, None, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchRefused(f"cannot resolve host {host!r}: check the URL") from exc
    return sorted({str(info[4][0]) for info in infos})


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_fetch_url(url: str, *, resolver: Resolver = _resolve) -> str:
    """Return ``url`` if the server may fetch it: http(s), a host name, and every address it
    resolves to public. Anything else is a ``FetchRefused`` naming the reason."""
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"cannot fetch {url!r}: only http:// and https:// URLs are fetched")
    host = parts.hostname
    if not host:
        raise FetchRefused(f"cannot fetch {url!r}: the URL has no host")
    if parts.username or parts.password:
        raise FetchRefused(f"cannot fetch {url!r}: URLs with credentials are not fetched")
    addresses = resolver(host)
    if not addresses:
        raise FetchRefused(f"cannot resolve host {host!r}: check the URL")
    private = [a for a in addresses if not _is_public(a)]
    if private:
        raise FetchRefused(
            f"cannot fetch {url!r}: {host} resolves to a private, loopback or reserved address "
            f"({private[0]}); the server only fetches public addresses"
        )
    return url


def fetch_url(url: str, settings: WebSettings, *, resolver: Resolver = _resolve) -> bytes:
    """Fetch a public page for analysis, when the operator enabled it.

    Redirects are followed by hand so every hop is checked again; the body is read up to the
    request body limit. (A DNS answer that changes between the check and the connection is not
    caught here; operators who enable fetching on a hostile network should add an egress proxy.)
    """
    if not settings.allow_url_fetch:
        raise FetchRefused(
            "this server does not fetch URLs: paste the article's text or HTML instead "
            "(the operator can enable it with STORYLINE_ALLOW_URL_FETCH=1)"
        )
    current = url
    with httpx.Client(timeout=_FETCH_TIMEOUT, follow_redirects=False) as client:
        for _hop in range(_FETCH_MAX_REDIRECTS + 1):
            check_fetch_url(current, resolver=resolver)
            with client.stream("GET", current) as response:
                if response.is_redirect and "location" in response.headers:
                    current = urljoin(current, response.headers["location"])
                    continue
                if response.status_code >= 400:
                    raise InputError(f"fetching {current!r} failed: HTTP {response.status_code}")
                return _read_limited(response, settings.max_body_bytes, current)
    raise FetchRefused(f"cannot fetch {url!r}: more than {_FETCH_MAX_REDIRECTS} redirects")


def _read_limited(response: httpx.Response, limit: int, url: str) -> bytes:
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > limit:
            raise InputError(f"the page at {url!r} is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)
