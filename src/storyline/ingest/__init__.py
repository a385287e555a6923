"""From a document (bytes or text, plain or HTML) to an ``Article``.

STUB until the ingest work lands. Interface:
``load_article(raw, *, published=None, url=None, outlet=None, title=None, content_type=None) -> Article``
"""

from __future__ import annotations

from storyline.dates import iso, parse_date
from storyline.errors import InputError
from storyline.model import Article


def load_article(
    raw: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    content_type: str | None = None,
) -> Article:
    text = raw.decode("utf-8") if isinstance(raw, bytes) else raw
    if not text.strip():
        raise InputError("the input is empty: give a file with an article's text or HTML")
    given = parse_date(published, what="publication date")
    return Article(
        text=text,
        title=title,
        url=url,
        outlet=outlet,
        published=iso(given),
        published_source="given" if given else None,
        extractor="text",
    )
