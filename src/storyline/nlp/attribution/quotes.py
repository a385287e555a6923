"""Quoted stretches of text, robust to the quotation marks real pages use.

Pages mix curly and straight marks and even get the curly direction wrong (``“...,“ he said.
”...``), so every double mark is treated as a toggle within a paragraph: the first opens, the
next closes. A paragraph break closes an unbalanced quote (the house style of multi-paragraph
quotes leaves the closing mark off), so one stray mark never swallows the rest of an article.
"""

from __future__ import annotations

import bisect
import re

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


def unquote(s: str) -> str:
    return re.sub('["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]', "", s)


# Between a cue clause and a following quote: punctuation, maybe "and"/"but".
BRIDGE = re.compile(r"^[\s,:;\u2013\u2014-]*(?:(?:and|but|adding|then)[\s,:]*)?$")
# Between a quote and the cue clause after it.
QUOTE_TO_CUE = re.compile(r"^[\s,.!?;:\u2013\u2014-]*$")


class QuoteIndex:
    """The quoted stretches of the text, searchable by position."""

    def __init__(self, text: str) -> None:
        self.spans = find_quotes(text)
        self.starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def ending_before(self, pos: int, text: str) -> tuple[int, int] | None:
        """The quote that closes just before ``pos`` with only punctuation in between."""
        i = bisect.bisect_left(self.starts, pos) - 1
        if i < 0:
            return None
        start, end = self.spans[i]
        if end <= pos and QUOTE_TO_CUE.match(unquote(text[end:pos])):
            return start, end
        return None

    def starting_after(self, pos: int, text: str) -> tuple[int, int] | None:
        """The quote that opens just after ``pos`` with a comma, colon or "but" in between."""
        i = bisect.bisect_left(self.starts, pos)
        if i >= len(self.spans):
            return None
        start, end = self.spans[i]
        gap = text[pos:start]
        if "\n" not in gap and len(gap) <= 12 and BRIDGE.match(unquote(gap)):
            return start, end
        return None

    def continuing(self, pos: int, text: str) -> tuple[int, int] | None:
        """A quote that opens right after the sentence ending at or after ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        if i >= len(self.spans):
            return None
        start, end = self.spans[i]
        gap = text[pos:start]
        if "\n" in gap or len(gap) > 200:
            return None
        # Only the rest of the cue's sentence may sit between: it ends the gap, and no other
        # sentence starts inside it.
        inner = gap.rstrip(' "\u201c\u201d\u201e')
        if inner.strip() and inner[-1] not in ".!?:":
            return None
        if re.search(r"[.!?][\"\u201c\u201d]?\s+\S", inner):
            return None
        return start, end
