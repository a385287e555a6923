"""Quoted stretches of text, robust to the quotation marks real pages use.

Pages mix curly and straight marks and even get the curly direction wrong (``“...,“ he said.
”...``), so every double mark is treated as a toggle within a paragraph: the first opens, the
next closes. A paragraph break closes an unbalanced quote (the house style of multi-paragraph
quotes leaves the closing mark off), so one stray mark never swallows the rest of an article.
"""

from __future__ import annotations

DOUBLE_MARKS = frozenset('"\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb')


def find_quotes(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quoted stretch, the marks excluded; empty stretches are dropped."""
    spans: list[tuple[int, int]] = []
    open_at: int | None = None
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            # An unclosed quote ends with its paragraph.
            if i > open_at:
                spans.append((open_at, i))
            open_at = None
        elif ch in DOUBLE_MARKS:
            if open_at is None:
                open_at = i + 1
            else:
                if i > open_at:
                    spans.append((open_at, i))
                open_at = None
        i += 1
    if open_at is not None and n > open_at:
        spans.append((open_at, n))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
