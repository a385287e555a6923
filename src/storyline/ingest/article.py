"""``load_article``: one document (bytes or text, plain or HTML) to a clean ``Article``.

Pure: no network, no clock. The steps, each in its own module:

1. ``decode``: bytes to text; refuse empty, binary, undecodable and oversized input;
2. ``html``: HTML or plain text? HTML goes through the extraction cascade (trafilatura,
   fallback, baseline) and gives metadata (title, byline, site name, URL, date);
3. ``text``: paragraphs, headline (plain text), byline, page furniture, captions;
4. ``dateline`` and ``wire``: where it was filed, which agency wrote it; closing credits go;
5. ``published`` and ``outlets``: the publication date and its source, the outlet's name.
"""

from __future__ import annotations

import datetime as dt
import re

from storyline.dates import iso, parse_date
from storyline.errors import InputError, InvalidDate, NotAnArticle
from storyline.ingest import html as html_stage
from storyline.ingest import published as pub
from storyline.ingest.dateline import Dateline, find_dateline
from storyline.ingest.decode import MAX_TEXT_CHARS, has_content, to_text
from storyline.ingest.outlets import host_of, outlet_for_url
from storyline.ingest.text import clean, looks_like_headline
from storyline.ingest.wire import find_wire, wire_from_byline
from storyline.model import Article

NO_DATE_WARNING = (
    "no publication date found; relative dates are not resolved; pass --published YYYY-MM-DD"
)


def _estimated_warning(value: dt.date, how: str) -> str:
    return (
        f"publication date estimated as {value.isoformat()} from {how}; "
        "pass --published YYYY-MM-DD if you know it"
    )


# A dateline opens the body, which may follow a standfirst or a kicker line.
DATELINE_WINDOW = 3


def _squash(text: str) -> str:
    return " ".join(text.split()).casefold()


# Share of a title's words a first line must repeat to count as that headline's echo (sites
# shorten or reword the <title>; "| Outlet" suffixes add words).
TITLE_ECHO_OVERLAP = 0.7


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def _drop_title_echo(paragraphs: list[str], title: str | None) -> list[str]:
    """Extractors keep the page's <h1>, pasted text its headline: that is Article.title, not
    body text. The first paragraph goes when it is a headline-like line repeating the title."""
    if not title or len(paragraphs) < 2:
        return paragraphs
    first = paragraphs[0]
    if _squash(first) == _squash(title):
        return paragraphs[1:]
    head, want = _words(first), _words(title)
    if head and want and looks_like_headline(first):
        overlap = len(head & want) / min(len(head), len(want))
        if overlap >= TITLE_ECHO_OVERLAP:
            return paragraphs[1:]
    return paragraphs


def _first_dateline(paragraphs: list[str]) -> Dateline | None:
    for para in paragraphs[:DATELINE_WINDOW]:
        found = find_dateline(para)
        if found:
            return found
    return None


def _html_date(value: str | None) -> dt.date | None:
    try:
        return parse_date(value, what="page date")
    except InvalidDate:
        return None  # a broken date in a page is no date, not a reason to refuse the page


def load_article(
    raw: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    outlet: str | None = None,
    title: str | None = None,
    content_type: str | None = None,
) -> Article:
    """Decode, extract and clean one article; ``InputError`` (one line) when it cannot be read.

    >>> load_article("Headline\\n\\nWASHINGTON - Text of the story.\\n\\nMore text.",
    ...              published="2025-12-02").dateline
    'Washington'
    """
    given = parse_date(published, what="publication date")
    text = to_text(raw, content_type=content_type)
    warnings: list[str] = []
    meta: html_stage.HtmlResult | None = None
    if html_stage.looks_like_html(text, content_type):
        meta = html_stage.extract(text, url=url)
        body, extractor = meta.text, meta.extractor
        warnings.extend(meta.warnings)
    else:
        body, extractor = text, "text"
    if len(body) > MAX_TEXT_CHARS:
        raise InputError(
            f"the article text is too long ({len(body):,} characters, limit {MAX_TEXT_CHARS:,}); "
            "give one article per file"
        )
    # A given title says what the headline is; a first line that merely looks like one stays
    # body text unless it repeats that title (see _drop_title_echo).
    cleaned = clean(body, detect_title=meta is None and not title)
    the_title = title or (meta.title if meta else None) or cleaned.title
    paragraphs = _drop_title_echo(cleaned.paragraphs, the_title)
    dateline = _first_dateline(paragraphs)
    wired = find_wire(paragraphs, dateline_wire=dateline.wire_text if dateline else None)
    article_text = "\n\n".join(wired.paragraphs)
    if not has_content(article_text):
        raise NotAnArticle(
            "no article text found: the input holds only page furniture (menus, credits, "
            "newsletter prompts, a consent notice); give the article's text"
        )
    url = url or (meta.url if meta else None)
    byline = (meta.byline if meta else None) or cleaned.byline
    article = Article(
        text=article_text,
        title=the_title,
        url=url,
        outlet=outlet or outlet_for_url(url) or (meta.sitename if meta else None) or host_of(url),
        wire=wired.wire or wire_from_byline(byline),
        dateline=dateline.place if dateline else None,
        byline=byline,
        language=meta.language if meta else None,
        extractor=extractor,
        warnings=warnings,
    )
    if article.language and article.language != "en":
        article.warnings.append(
            f"the page declares language {article.language!r}; storyline's analysis is built "
            "for English, so expect few events and sources"
        )
    _set_published(article, given, meta, dateline, cleaned.stated_dates)
    return article


def _set_published(
    article: Article,
    given: dt.date | None,
    meta: html_stage.HtmlResult | None,
    dl: Dateline | None,
    stated: list[tuple[str, dt.date]],
) -> None:
    found: list[tuple[dt.date | None, str]] = [
        (given, "given"),
        (_html_date(meta.date) if meta else None, "html"),
        (pub.date_from_url(article.url), "url"),
        (next((d for kind, d in stated if kind == "published"), None), "text"),
    ]
    for value, source in found:
        if value:
            article.published, article.published_source = iso(value), source
            return
    value, estimated = pub.from_dateline(dl, article.text)
    if value and not estimated:
        article.published, article.published_source = iso(value), "dateline"
        return
    updated = next((d for kind, d in stated if kind == "updated"), None)
    if updated:
        article.published, article.published_source = iso(updated), "estimated"
        article.warnings.append(_estimated_warning(updated, "the page's 'Updated' line"))
        return
    if value:
        article.published, article.published_source = iso(value), "estimated"
        article.warnings.append(
            _estimated_warning(value, "the dateline and the latest full date in the text")
        )
        return
    latest = pub.estimate_from_text(article.text)
    if latest:
        article.published, article.published_source = iso(latest), "estimated"
        article.warnings.append(_estimated_warning(latest, "the latest full date in the text"))
        return
    article.warnings.append(NO_DATE_WARNING)
