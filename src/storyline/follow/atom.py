"""The Atom feed of a follow (feedgen): one entry per digest item, newest first.

The feed's id and each entry's id are tag URIs built from the follow id and the item key, so a
feed reader sees the same entry under the same id on every fetch, and the feed lives at a stable
URL: ``/feeds/{follow_id}.atom`` under ``storyline serve``. Before rendering, the follow's outbox
is brought up to date (``outbox.collect``), which is idempotent and never sends mail.
"""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote, urlencode

from feedgen.feed import FeedGenerator

import storyline
from storyline.follow.digest import DigestItem
from storyline.follow.follows import Follow, get_follow
from storyline.follow.render import SECTIONS, render_item_html, safe_url
from storyline.store import follows as store

TAG_AUTHORITY = "storyline.invalid,2026"
DEFAULT_LIMIT = 100
_HEADINGS = dict(SECTIONS)


def feed_path(follow_id: int) -> str:
    """The path of a follow's feed under ``storyline serve``."""
    return f"/feeds/{follow_id}.atom"


def page_path(follow: Follow) -> str:
    """The path of the web page that shows what ``follow`` follows: the story's page, or the
    search page for an entity or a query (an entity follow reads the articles a search finds)."""
    if follow.kind == "story":
        return f"/stories/{quote(follow.target, safe='')}"
    return "/search?" + urlencode({"q": follow.target})


def feed_id(follow_id: int) -> str:
    return f"tag:{TAG_AUTHORITY}:follow/{follow_id}"


def entry_id(item: DigestItem) -> str:
    return f"{feed_id(item.follow_id)}/{item.key.split(':', 1)[1]}"


def entry_title(item: DigestItem) -> str:
    when = item.date or "undated"
    heading = _HEADINGS.get(item.kind, item.kind).removesuffix("s").lower()
    if heading.startswith("new on the timeline"):
        heading = "new entry"
    return f"{when}: {item.summary} ({heading})"


def build_feed(
    follow: Follow,
    items: list[tuple[DigestItem, dt.datetime]],
    *,
    base_url: str = "http://127.0.0.1:8000",
) -> bytes:
    """Atom XML for ``follow`` from (item, found at) pairs; entries come out newest first."""
    self_url = base_url.rstrip("/") + feed_path(follow.id)
    fg = FeedGenerator()
    fg.id(feed_id(follow.id))
    fg.title(f"storyline: {follow.title}")
    fg.subtitle(f"What is new on {follow.title}: entries, claims, status changes, deadlines")
    fg.link(href=self_url, rel="self", type="application/atom+xml")
    fg.link(href=base_url.rstrip("/") + page_path(follow), rel="alternate", type="text/html")
    fg.generator("storyline", version=storyline.__version__)
    fg.language("en")
    created = _aware(follow.created) if follow.created else None
    times = [when for _, when in items]
    fg.updated(max(times) if times else (created or dt.datetime(2026, 1, 1, tzinfo=dt.UTC)))
    # Newest first, ties broken by key, so the same outbox always gives the same document.
    ordered = sorted(items, key=lambda pair: (pair[1], pair[0].key), reverse=True)
    for item, when in ordered:
        fe = fg.add_entry(order="append")
        fe.id(entry_id(item))
        fe.title(entry_title(item))
        fe.updated(when)
        fe.published(when)
        fe.content(render_item_html(item), type="html")
        fe.category(term=item.kind)
        for article in item.articles[:1]:
            if safe_url(article.get("url")):
                fe.link(href=article["url"], rel="alternate")
    return bytes(fg.atom_str(pretty=True))


def atom_feed(
    workspace: Any,
    follow_id: int | str,
    *,
    base_url: str = "http://127.0.0.1:8000",
    refresh: bool = True,
    limit: int = DEFAULT_LIMIT,
    timelines: Any = None,
) -> bytes:
    """The Atom feed of a follow as bytes (for GET /feeds/{follow_id}.atom).

    ``NotFound`` when the follow does not exist. With ``refresh`` the follow's new items are
    collected first (idempotent; no e-mail is sent).
    """
    from storyline.follow.outbox import collect

    follow = get_follow(workspace, follow_id)
    if refresh:
        collect(workspace, follow, timelines=timelines)
    with workspace.connect() as conn:
        rows = store.items(conn, follow.id, limit=limit)
    pairs = [(DigestItem.from_dict(p), _aware(c)) for p, c in rows]
    return build_feed(follow, pairs, base_url=base_url)


def _aware(value: Any) -> dt.datetime:
    """A timezone-aware datetime (SQLite gives naive ones back; they were stored in UTC)."""
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value
