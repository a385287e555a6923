"""The one Jinja2 templates object: autoescape on for every template, links built from route
names (``url_for`` gives paths, not absolute URLs, so pages work behind a proxy), and the few
filters the pages share."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from fastapi.templating import Jinja2Templates
from starlette.requests import Request

from storyline.export.article import TYPE_LABELS

TEMPLATES_DIR = Path(__file__).parent / "templates"

STATUS_LABELS = {
    "reported": "reported",
    "confirmed": "confirmed",
    "denied": "denied",
    "contested": "contested",
}


@jinja2.pass_context
def _url_for(context: dict[str, Any], name: str, /, **params: Any) -> str:
    request: Request = context["request"]
    return str(request.app.url_path_for(name, **{k: str(v) for k, v in params.items()}))


@jinja2.pass_context
def _page_url(context: dict[str, Any], offset: int, limit: int) -> str:
    """The current page's path and query with another offset (for previous/next links)."""
    request: Request = context["request"]
    url = request.url.include_query_params(offset=offset, limit=limit)
    return f"{url.path}?{url.query}"


def source_type_label(source_type: str | None) -> str:
    return TYPE_LABELS.get(source_type or "", (source_type or "unknown").replace("_", " "))


def sparkline_points(counts: list[int], *, width: int = 120, height: int = 24) -> str:
    """SVG polyline points for a per-day count series (drawn inline: no script, no image)."""
    if not counts:
        return ""
    top = max(counts) or 1
    step = width / max(len(counts) - 1, 1)
    pts = [
        f"{i * step:.1f},{height - 1 - (c / top) * (height - 2):.1f}" for i, c in enumerate(counts)
    ]
    if len(pts) == 1:
        pts.append(f"{width:.1f},{pts[0].split(',')[1]}")
    return " ".join(pts)


def is_safe_url(url: object) -> bool:
    """Only http(s) links are made clickable; javascript:, data: and the like stay plain text."""
    if not isinstance(url, str):
        return False
    scheme = urlsplit(url.strip()).scheme.lower()
    return scheme in ("http", "https")


def make_templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        # Article text is untrusted: escape everything, in every template, whatever its suffix.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["url_for"] = _url_for
    env.globals["page_url"] = _page_url
    env.filters["source_type"] = source_type_label
    env.filters["sparkline"] = sparkline_points
    env.tests["safe_url"] = is_safe_url
    return Jinja2Templates(env=env)
