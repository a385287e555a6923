"""Cleaning article text: paragraphs, headline, byline and page furniture.

Text copied from a web page (and, less often, text trafilatura extracted) carries the page
around the article: newsletter prompts, "Follow topic:", share buttons, photo credits and the
caption that goes with them, often repeated twice. The rules are data files:

* ``furniture_lines.txt`` — whole lines that are page widgets;
* ``furniture_credits.txt`` — photo/video credit lines; the caption right before one goes too;
* ``furniture_exceptions.txt`` — lines that look like furniture but are article text;
* ``furniture_tag_openers.txt`` — "Follow topic:", "See more on": the short tag lines after
  one are furniture too;
* ``furniture_bylines.txt`` — "By Jane Doe" lines, kept as ``Article.byline``;
* ``dateline_published_lines.txt`` — "Published Dec 02, 2025" lines, kept as dates.

What stays is the article as written: no character inside a kept paragraph is changed
(U+00A0 no-break spaces are kept as they are, so are curly quotes), paragraphs are joined by one
blank line, and every offset the later steps give is into that cleaned text.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field

from storyline.errors import RuleFileError
from storyline.rules import load_list

# A furniture line is short; a longer line is article text whatever it starts with.
MAX_FURNITURE_CHARS = 400
# A photo caption is at most a few sentences.
MAX_CAPTION_CHARS = 400
# A headline: one line, not too long, not a sentence ending in a full stop.
MAX_TITLE_CHARS = 200
MAX_TITLE_WORDS = 30
# Bylines and "Published ..." lines are looked for among the first few paragraphs only.
BYLINE_WINDOW = 4
PUBLISHED_WINDOW = 8
# A topic tag after "Follow topic:" is a name, not a sentence.
TAG_MAX_WORDS = 5
MAX_STATED_DATE_WORDS = 8

_BLANK_LINE = re.compile(r"\n[ \t\u00a0]*\n")


@functools.cache
def _patterns(name: str, *, ignore_case: bool = True) -> tuple[re.Pattern[str], ...]:
    flags = re.IGNORECASE if ignore_case else 0
    compiled = []
    for rule in load_list(name):
        try:
            compiled.append(re.compile(rule, flags))
        except re.error as exc:
            raise RuleFileError(f"{name}: bad pattern {rule!r}: {exc}") from exc
    return tuple(compiled)


def _squash(line: str) -> str:
    """Whitespace collapsed (NBSP included) for matching; the text itself is not changed."""
    return " ".join(line.split())


@functools.cache
def _combined(name: str) -> re.Pattern[str]:
    """One alternation of a family's patterns: a single fullmatch per line instead of ~50."""
    _patterns(name)  # validates each rule, naming the bad one
    return re.compile("|".join(f"(?:{rule})" for rule in load_list(name)), re.IGNORECASE)


def _is_any(line: str, family: str) -> bool:
    return _combined(family).fullmatch(line) is not None


def _fullmatch_any(line: str, family: str, *, ignore_case: bool = True) -> re.Match[str] | None:
    for pattern in _patterns(family, ignore_case=ignore_case):
        m = pattern.fullmatch(line)
        if m:
            return m
    return None


def is_furniture(line: str) -> bool:
    """A line that is a page widget (not a credit: see ``is_credit``)."""
    s = _squash(line)
    if not s or len(s) > MAX_FURNITURE_CHARS:
        return False
    if _is_any(s, "furniture_exceptions.txt"):
        return False
    return _is_any(s, "furniture_lines.txt")


def is_credit(line: str) -> bool:
    """A photo/video/graphic credit line ("PHOTO: REUTERS")."""
    s = _squash(line)
    if not s or len(s) > MAX_FURNITURE_CHARS:
        return False
    if _is_any(s, "furniture_exceptions.txt"):
        return False
    return _is_any(s, "furniture_credits.txt")


def byline_of(line: str) -> str | None:
    s = _squash(line)
    if len(s) > MAX_FURNITURE_CHARS:
        return None
    m = _fullmatch_any(s, "furniture_bylines.txt", ignore_case=False)
    return m.group(1).strip() if m else None


def stated_date(line: str) -> tuple[str, dt.date] | None:
    """("published" | "updated", date) for a "Published Dec 02, 2025, 5:00 AM" line."""
    s = _squash(line)
    if len(s) > MAX_FURNITURE_CHARS:
        return None
    m = _fullmatch_any(s, "dateline_published_lines.txt")
    if not m:
        return None
    from storyline.ingest.published import full_dates

    rest = m.group("rest")
    # A date and perhaps a time and a zone; a longer rest is a sentence ("Published reports on
    # March 3, 2020 suggested ...").
    if len(rest.split()) > MAX_STATED_DATE_WORDS:
        return None
    dates = full_dates(rest)
    if not dates:
        return None
    kind = m.group("kind").lower()
    return ("updated" if "updat" in kind or "modif" in kind else "published"), dates[0]


# Where a sentence ends inside a line: after . ! or ? and before a capital or an opening quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'\u201c])")


def opening(text: str, width: int, *, sentence: bool = False) -> str:
    """The first non-blank line of ``text`` on one line (only its first sentence with
    ``sentence``), cut at a word to ``width`` characters with " \u2026" after: how an untitled
    article or story is shown ("Naive visitors ...")."""
    line = " ".join(next((ln for ln in text.splitlines() if ln.strip()), "").split())
    if sentence:
        line = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(line) <= width:
        return line
    return line[:width].rsplit(" ", 1)[0] + " \u2026"


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: blocks between blank lines, or single lines when the text has no blank line.

    Line ends are normalised to ``\\n`` and trailing spaces dropped; a paragraph keeps any line
    breaks inside it (hard-wrapped text stays one paragraph).
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    blocks = _BLANK_LINE.split(text) if _BLANK_LINE.search(text) else text.split("\n")
    out = []
    for block in blocks:
        lines = [ln.rstrip() for ln in block.split("\n")]
        para = "\n".join(ln for ln in lines if ln.strip()).strip("\n")
        if para.strip():
            out.append(para.strip(" \t"))
    return out


# Headlines hold one sentence and no photo credit ("REUTERS/Name", "Name/AFP").
_TWO_SENTENCES = re.compile(r"[.!?][\"”’']?\s+[\"“‘']?[A-Z]")
_CREDIT_SLASH = re.compile(r"\b[A-Z][\w.'’-]*\s*/\s*[A-Z]")


def looks_like_headline(para: str) -> bool:
    s = _squash(para)
    if "\n" in para.strip() or not s:
        return False
    if len(s) > MAX_TITLE_CHARS or len(s.split()) > MAX_TITLE_WORDS:
        return False
    bare = s.rstrip("\"”’')]")
    if bare.endswith((".", ",", ";", ":")) and not bare.endswith("..."):
        return False
    if _TWO_SENTENCES.search(s) or _CREDIT_SLASH.search(s):
        return False
    from storyline.ingest.dateline import find_dateline

    return find_dateline(s) is None and not is_furniture(s) and not is_credit(s)


@dataclass(slots=True)
class Cleaned:
    paragraphs: list[str]
    title: str | None = None
    byline: str | None = None
    # Dates from "Published ..." (kind "published") and "Updated ..." (kind "updated") lines.
    stated_dates: list[tuple[str, dt.date]] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _is_tag(para: str) -> bool:
    """A topic tag ("Venezuela", "Donald Trump"): a few words, no sentence, no dateline."""
    from storyline.ingest.dateline import find_dateline

    s = _squash(para)
    if not s or len(s.split()) > TAG_MAX_WORDS or s[-1] in ".!?:;,\"”’'":
        return False
    return find_dateline(s) is None


def _drop_lines(para: str, removed: list[str]) -> str:
    """Furniture lines inside a multi-line paragraph."""
    if "\n" not in para:
        return para
    kept = []
    for line in para.split("\n"):
        if is_furniture(line):
            removed.append(line)
        else:
            kept.append(line)
    return "\n".join(kept)


def _drop_captions(paras: list[str], removed: list[str]) -> list[str]:
    """Credits, the captions before them, and paragraphs repeated right after themselves."""
    out: list[str] = []
    for para in paras:
        if is_credit(para):
            removed.append(para)
            # The caption: the previous paragraph, and its copy when the page repeated it.
            while out and _could_be_caption(out):
                removed.append(out.pop())
                if not (out and _squash(out[-1]) == _squash(removed[-1])):
                    break
            continue
        if out and _squash(out[-1]) == _squash(para):
            removed.append(para)  # a verbatim repeat: keep one copy
            continue
        out.append(para)
    return out


def _could_be_caption(out: list[str]) -> bool:
    """A short paragraph that is neither the dateline opening nor someone speaking."""
    from storyline.ingest.dateline import find_dateline

    last = _squash(out[-1])
    if len(last) > MAX_CAPTION_CHARS or find_dateline(last) is not None:
        return False
    return not _is_any(last, "furniture_exceptions.txt")


def clean(text: str, *, detect_title: bool = True) -> Cleaned:
    """Split, take the headline (plain text only) and byline, drop furniture and captions."""
    paras = split_paragraphs(text)
    result = Cleaned(paragraphs=[])
    if detect_title and len(paras) >= 3 and looks_like_headline(paras[0]):
        # A Markdown file's "# Headline" or "**Headline**" is the same headline.
        result.title = re.sub(r"^#{1,6}\s+", "", _squash(paras[0])).strip("*_ ") or None
        paras = paras[1:]
    kept: list[str] = []
    in_tags = False
    for i, para in enumerate(paras):
        if in_tags and _is_tag(para):
            result.removed.append(para)
            continue
        in_tags = _is_any(_squash(para), "furniture_tag_openers.txt")
        if is_furniture(para):
            result.removed.append(para)
            continue
        stated = stated_date(para) if i < PUBLISHED_WINDOW else None
        if stated:
            result.stated_dates.append(stated)
            result.removed.append(para)
            continue
        if i < BYLINE_WINDOW:
            byline = byline_of(para)
            if byline:
                # The first one is the article's byline; a repeat of it (pages often show the
                # byline twice) is furniture all the same, and leaving it would make a second
                # cleaning of the text remove what the first one kept.
                result.byline = result.byline or byline
                result.removed.append(para)
                continue
        para = _drop_lines(para, result.removed).strip()
        if para:
            kept.append(para)
    result.paragraphs = _drop_captions(kept, result.removed)
    return result
