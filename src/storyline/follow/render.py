"""A digest as Markdown, plain text and HTML, from Jinja2 templates in ``follow/templates/``.

All three are rendered from one context (``digest_context``), so the plain-text part of an e-mail
says exactly what its HTML part says. The HTML uses inline styles only (mail clients drop
stylesheets) and is autoescaped; Markdown output escapes the characters Markdown would act on.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

import jinja2

from storyline.follow.digest import DigestItem
from storyline.follow.follows import Follow

SECTIONS: tuple[tuple[str, str], ...] = (
    ("new_entry", "New on the timeline"),
    ("new_claim", "New claims on earlier entries"),
    ("status", "Status changes"),
    ("deadline_upcoming", "Deadlines coming up"),
    ("deadline_expired", "Deadlines just expired"),
)

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md_escape(value: Any) -> str:
    """Text safe inside Markdown: characters Markdown would turn into markup are escaped."""
    return _MD_SPECIAL.sub(r"\\\1", "" if value is None else str(value))


def safe_url(url: Any) -> str | None:
    """Only http(s) addresses become links; ``javascript:``, ``data:`` and the like do not."""
    text = str(url or "").strip()
    return text if re.match(r"(?i)^https?://[^\s]+$", text) else None


def date_label(item: DigestItem | dict[str, Any]) -> str:
    value = item.date if isinstance(item, DigestItem) else item.get("date")
    return value or "undated"


def source_label(source: dict[str, Any]) -> str:
    """ "four sources briefed on the call (anonymous group, 4; via Reuters)"."""
    kind = str(source.get("type") or "source").replace("_", " ")
    extra = [kind]
    if source.get("count"):
        extra.append(str(source["count"]))
    text = source.get("text") or kind
    outlet = source.get("outlet")
    via = f"; via {outlet}" if outlet else ""
    return f"{text} ({', '.join(extra)}{via})"


@functools.cache
def _environment(autoescape: bool) -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("storyline.follow", "templates"),
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = md_escape
    env.filters["date_label"] = date_label
    env.filters["source_label"] = source_label
    env.filters["safe_url"] = safe_url
    return env


def articles_of(items: Sequence[DigestItem]) -> list[dict[str, Any]]:
    """The articles that added something, once each (syndicated copies folded into ``copies``)."""
    merged: dict[str, dict[str, Any]] = {}
    for item in items:
        for article in item.articles:
            known = merged.get(article["id"])
            if known is None:
                merged[article["id"]] = {**article, "copies": list(article.get("copies", []))}
            else:
                known["copies"] = sorted(set(known["copies"]) | set(article.get("copies", [])))
    return sorted(merged.values(), key=lambda a: (a.get("published") or "", a["id"]))


def subject(follow: Follow, items: Sequence[DigestItem]) -> str:
    n = len(items)
    return f"storyline: {n} new {'item' if n == 1 else 'items'} on {follow.title}"


def digest_context(
    follow: Follow,
    items: Sequence[DigestItem],
    *,
    feed_url: str | None = None,
    page_url: str | None = None,
) -> dict[str, Any]:
    sections = []
    for kind, heading in SECTIONS:
        chosen = [it for it in items if it.kind == kind]
        if chosen:
            sections.append({"kind": kind, "heading": heading, "items": chosen})
    return {
        "follow": follow,
        "subject": subject(follow, items),
        "sections": sections,
        "articles": articles_of(items),
        "count": len(items),
        "feed_url": feed_url,
        "page_url": page_url,
    }


def _render(name: str, context: dict[str, Any], *, autoescape: bool) -> str:
    return _environment(autoescape).get_template(name).render(**context)


def render_markdown(
    follow: Follow,
    items: Sequence[DigestItem],
    *,
    feed_url: str | None = None,
    page_url: str | None = None,
) -> str:
    context = digest_context(follow, items, feed_url=feed_url, page_url=page_url)
    return _render("digest.md.j2", context, autoescape=False)


def render_text(
    follow: Follow,
    items: Sequence[DigestItem],
    *,
    feed_url: str | None = None,
    page_url: str | None = None,
) -> str:
    context = digest_context(follow, items, feed_url=feed_url, page_url=page_url)
    return _render("digest.txt.j2", context, autoescape=False)


def render_html(
    follow: Follow,
    items: Sequence[DigestItem],
    *,
    feed_url: str | None = None,
    page_url: str | None = None,
) -> str:
    context = digest_context(follow, items, feed_url=feed_url, page_url=page_url)
    return _render("digest.html.j2", context, autoescape=True)


def render_item_html(item: DigestItem) -> str:
    """One item as an HTML fragment (the content of an Atom entry)."""
    return _render("_item.html.j2", {"item": item}, autoescape=True)
