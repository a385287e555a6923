"""HTML pages to article text and metadata: a documented cascade.

Stages, each run only when the one before under-delivered (fewer than ``MIN_STAGE_CHARS``
characters of text, or it failed); the winning stage's name is stored in ``Article.extractor``:

1. ``trafilatura`` — trafilatura's main extractor with its own internal fallbacks
   (readability port, jusText), comments and tables left out. Precision/recall balance:
   ``STAGE1_OPTIONS`` (the default balance measured best on article-extraction-benchmark,
   see docs/benchmarks.md "Extraction and publication dates (ingest)").
2. ``fallback`` — trafilatura again with ``favor_recall``: it keeps shorter and link-heavier
   blocks, which rescues short news items the precision filters throw away.
3. ``baseline`` — trafilatura's baseline: JSON-LD ``articleBody``, ``<article>`` or all
   ``<p>`` text. Crude, but it finds text whenever a page has any.

An HTML *fragment* (no ``<html>``/``<body>``: a feed entry's content, a JSONL ``html`` field
holding only the article) has no page around it to remove, so it skips the cascade: stage
``fragment`` keeps all its visible text, one paragraph per block element.

A stage that raises logs a warning and the cascade goes on. When no stage finds enough words the
page is refused with an ``InputError`` that says so (an index page, a script-only app, a
consent wall), never a bare ``None``.

Metadata (title, byline, site name, canonical URL) comes from trafilatura's metadata pass; the
publication date from htmldate (through trafilatura) preferring the *original* date over a
"last updated" one.
"""

from __future__ import annotations

import contextlib
import logging
import re
from dataclasses import dataclass, field
from typing import Any

from storyline.errors import InputError

log = logging.getLogger(__name__)

# Extraction time grows with the number of elements (~0.1 ms per tag): 1.6 million tags took
# four minutes. Real article pages hold at most ~12,000 "<" (article-extraction-benchmark and
# htmldate-mediacloud-2020, 381 pages), so a page with more than 50,000 is refused up front.
MAX_HTML_TAGS = 50_000
# A stage that yields less text than this hands over to the next one.
MIN_STAGE_CHARS = 250
# Below this many words of text after every stage, the page holds no article.
MIN_ARTICLE_WORDS = 8

STAGE1_OPTIONS: dict[str, Any] = {"favor_precision": False, "favor_recall": False}
DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": True}

_HTML_START = re.compile(
    r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|\?xml)\b", re.I | re.S
)
_TAG = re.compile(
    r"</?(html|head|body|div|p|span|article|section|meta|title|script|a|br|h[1-6])\b[^>]*>", re.I
)


def looks_like_html(text: str, content_type: str | None = None) -> bool:
    """HTML or plain text? The content type decides when given; else the first bytes do."""
    if content_type:
        ct = content_type.split(";")[0].strip().lower()
        if ct in ("text/html", "application/xhtml+xml"):
            return True
        if ct in ("text/plain", "text/markdown"):
            return False
    head = text[:8192]
    if _HTML_START.match(head):
        return True
    # A fragment without <html>: enough tags to be markup, not a text quoting one tag.
    return len(_TAG.findall(head)) >= 3


@dataclass(slots=True)
class HtmlResult:
    text: str
    extractor: str
    title: str | None = None
    byline: str | None = None
    sitename: str | None = None
    url: str | None = None
    date: str | None = None
    language: str | None = None
    warnings: list[str] = field(default_factory=list)


def _trafilatura(html: str, url: str | None, **options: Any) -> Any:
    import trafilatura

    return trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        date_extraction_params=DATE_PARAMS,
        **options,
    )


def _baseline(html: str) -> str:
    from trafilatura import baseline

    tree, text, _length = baseline(html)
    paragraphs = [" ".join("".join(p.itertext()).split()) for p in tree.iter("p")]
    paragraphs = [p for p in paragraphs if p]
    return "\n".join(paragraphs) if paragraphs else text


_PAGE_MARKERS = re.compile(r"<(!doctype|html|head|body)\b", re.I)
_BLOCKS = {
    "p",
    "div",
    "li",
    "blockquote",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "section",
    "article",
    "pre",
    "dd",
    "dt",
    "figcaption",
    "td",
}
_INVISIBLE = {"script", "style", "noscript", "template", "iframe", "svg", "button", "form"}


def is_fragment(html: str) -> bool:
    return _PAGE_MARKERS.search(html[:65536]) is None


def fragment_text(html: str) -> str:
    """Visible text of an HTML fragment, one paragraph per block element or <br>."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:
        return ""
    parts: list[str] = []

    def walk(el: Any) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in _INVISIBLE:
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCKS or tag.lower() == "br"
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    with contextlib.suppress(RecursionError):  # absurd nesting: keep what was walked
        walk(root)
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return "\n".join(line for line in lines if line)


_HTML_LANG = re.compile(
    r"""<html\b[^>]*?\blang\s*=\s*["']?\s*([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)?""", re.I
)


def page_language(html: str) -> str | None:
    """The primary language tag of ``<html lang="pt-BR">``, lower case ("pt")."""
    m = _HTML_LANG.search(html[:65536])
    return m.group(1).lower() if m else None


def _metadata(result: HtmlResult, doc: Any) -> None:
    result.title = doc.title or None
    result.byline = doc.author or None
    result.sitename = doc.sitename or None
    result.url = doc.url or None
    result.date = doc.date or None
    result.language = doc.language or None


def extract(html: str, *, url: str | None = None) -> HtmlResult:
    """Run the cascade on one page; ``InputError`` when no stage finds an article."""
    tags = html.count("<")
    if tags > MAX_HTML_TAGS:
        raise InputError(
            f"the page has too many HTML tags for one article ({tags:,}, limit "
            f"{MAX_HTML_TAGS:,}); give the article's own page, or its text"
        )
    result = HtmlResult(text="", extractor="none")
    if is_fragment(html):
        result.text, result.extractor = fragment_text(html), "fragment"
        _check_words(result)
        return result
    meta_doc: Any = None
    stages: tuple[tuple[str, Any], ...] = (
        ("trafilatura", lambda: _trafilatura(html, url, **STAGE1_OPTIONS)),
        ("fallback", lambda: _trafilatura(html, url, favor_recall=True)),
    )
    for name, run in stages:
        try:
            doc = run()
        except Exception as exc:  # a library failure on odd markup must not lose the page
            log.warning("extraction stage %s failed: %s", name, exc)
            result.warnings.append(f"extraction stage {name} failed ({type(exc).__name__})")
            continue
        if doc is None:
            continue
        meta_doc = meta_doc or doc
        text = (doc.text or "").strip()
        if len(text) > len(result.text):
            result.text, result.extractor = text, name
        if len(text) >= MIN_STAGE_CHARS:
            break
    if len(result.text) < MIN_STAGE_CHARS:
        try:
            text = _baseline(html).strip()
        except Exception as exc:
            log.warning("extraction stage baseline failed: %s", exc)
            text = ""
        if len(text) > len(result.text):
            result.text, result.extractor = text, "baseline"
    if meta_doc is not None:
        _metadata(result, meta_doc)
    result.language = result.language or page_language(html)
    # htmldate called directly finds more original dates than through trafilatura's metadata
    # pass (178 vs 176 of 195 on htmldate-mediacloud-2020, see docs/benchmarks.md).
    found = _date_only(html, url)
    result.date = (found or None) if found is not None else result.date
    _check_words(result)
    return result


def _check_words(result: HtmlResult) -> None:
    words = len(result.text.split())
    if words < MIN_ARTICLE_WORDS:
        raise InputError(
            f"no article text found in the HTML ({words} word{'' if words == 1 else 's'} of body "
            "text after all "
            "extraction stages); give the article's own page, or its text"
        )


def _date_only(html: str, url: str | None) -> str | None:  # "" = no date, None = failed
    """htmldate's original date of the page, or None.

    htmldate's extensive search ends with the copyright year, as January 1 of that year
    ("© 2016" gave 2016-01-01 for a 2020 article): a January 1 that only the extensive search
    finds is a year, not a publication date, and is dropped ("" is returned: no date, and no
    falling back on trafilatura's copy of the same guess). None means htmldate failed.
    """
    try:
        from htmldate import find_date

        found = find_date(html, url=url, **DATE_PARAMS)
        if found and found.endswith("-01-01"):
            strict = find_date(html, url=url, original_date=True, extensive_search=False)
            if strict != found:
                return ""
        return found or ""
    except Exception as exc:
        log.warning("htmldate failed: %s", exc)
        return None
