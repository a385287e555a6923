"""Fixtures of the web tests: an app over a real in-memory workspace, a TestClient, an HTML
parser, and the hostile article (script tags, event handlers, javascript: URLs) that must never
reach a page alive."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

HERE = Path(__file__).parent
# ECB+ topic 12 (in the repo, CC BY 3.0): two look-alike piracy stories, many outlets.
DEMO = HERE.parent.parent / "demo" / "ecbplus-topic12.jsonl"
DEMO_ARTICLES = 12
HOSTILE_HTML = HERE / "fixtures" / "hostile-article.html"
# The same attack as plain text: its tags are article text that must show, escaped.
HOSTILE_TEXT = HERE / "fixtures" / "hostile-article.txt"
# What an attacker would put into every metadata field too.
HOSTILE_TITLE = "<script>alert('title')</script>Officials deny"
HOSTILE_OUTLET = "<b onmouseover=alert(1)>Evil Herald</b>"
HOSTILE_URL = "javascript:alert('url')"


@pytest.fixture(scope="session")
def hostile_html() -> str:
    return HOSTILE_HTML.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def hostile_text() -> str:
    return HOSTILE_TEXT.read_text(encoding="utf-8")


@pytest.fixture
def make_client() -> Iterator[Callable[..., TestClient]]:
    """Build a client over a fresh app; ``settings`` and ``workspace`` may be given."""
    from storyline.web.app import create_app
    from storyline.web.settings import WebSettings

    clients: list[TestClient] = []

    def make(workspace: object = None, **settings: object) -> TestClient:
        app = create_app(workspace, settings=WebSettings(**settings))  # type: ignore[arg-type]
        client = TestClient(app, raise_server_exceptions=False)
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.close()


@pytest.fixture
def client(make_client: Callable[..., TestClient]) -> TestClient:
    return make_client()


def soup(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def live_script_problems(html: str) -> list[str]:
    """Everything in a page that a browser would run: script elements other than our own
    static script, event-handler attributes, and javascript:/data: URLs in links or sources."""
    doc = soup(html)
    problems = []
    for tag in doc.find_all(True):
        if tag.name == "script":
            src = tag.get("src") or ""
            if not (str(src).startswith("/static/") and not tag.string):
                problems.append(f"script element: {tag}")
        if tag.name in ("iframe", "object", "embed", "svg", "img", "base", "meta"):
            if tag.name == "meta" and not tag.get("http-equiv"):
                continue
            if tag.name == "svg" and "sparkline" in (tag.get("class") or []):
                continue  # our own coverage sparkline: polyline points, nothing from content
            problems.append(f"{tag.name} element from content: {tag}")
        for attr, value in tag.attrs.items():
            if attr.lower().startswith("on"):
                problems.append(f"event handler {attr} on <{tag.name}>")
            if attr.lower() in ("href", "src", "action", "formaction", "xlink:href"):
                scheme = str(value).strip().lower().split(":", 1)[0]
                if ":" in str(value) and scheme in ("javascript", "data", "vbscript"):
                    problems.append(f"{attr}={value!r} on <{tag.name}>")
    return problems


@pytest.fixture(scope="session")
def parse() -> Callable[[str], BeautifulSoup]:
    """Parse a page: tests assert on its structure, not on raw strings."""
    return soup


@pytest.fixture(scope="session")
def live_scripts() -> Callable[[str], list[str]]:
    return live_script_problems


@pytest.fixture(
    scope="session", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def workspace(
    request: pytest.FixtureRequest,
    tmp_path_factory: pytest.TempPathFactory,
    seed_text: str,
    hostile_html: str,
):
    """One real workspace per database (a SQLite file; a PostgreSQL schema) for the web tests:
    the ECB+ demo topic ingested, the seed article and the hostile ones added the way
    POST /api/articles adds them."""
    from storyline.workspace import Workspace

    tmp = tmp_path_factory.mktemp("web")
    if request.param == "sqlite":
        ws = Workspace(tmp / "web.db")
    else:
        ws = Workspace(request.getfixturevalue("postgres_session_url"))
    # A third of the topic keeps the fixture quick and still gives multi-outlet stories.
    demo = tmp / "demo.jsonl"
    demo.write_text("".join(DEMO.read_text(encoding="utf-8").splitlines(True)[:DEMO_ARTICLES]))
    ws.ingest([demo])
    ws.add(
        seed_text,
        published="2025-12-02",
        outlet="Reuters",
        title="Trump gave Maduro a week to leave Venezuela, sources say",
        url="https://www.reuters.com/world/americas/trump-maduro-call-2025-12-02/",
        external_id="seed",
        content_type="text/plain",
    )
    ws.add(
        hostile_html,
        published="2025-12-03",
        outlet=HOSTILE_OUTLET,
        title=HOSTILE_TITLE,
        url=HOSTILE_URL,
        external_id="hostile",
        content_type="text/html",
    )
    ws.add(
        HOSTILE_TEXT.read_text(encoding="utf-8"),
        published="2025-12-03",
        outlet=HOSTILE_OUTLET,
        title=HOSTILE_TITLE,
        url=HOSTILE_URL,
        external_id="hostile-text",
        content_type="text/plain",
    )
    yield ws
    ws.close()


@pytest.fixture
def ws_client(make_client: Callable[..., TestClient], workspace) -> TestClient:
    return make_client(workspace)
