"""Resolving expressions that lean on the document's other expressions.

In company reports "the quarter" is the quarter the report is about, and "a year ago" or "the
year-earlier period" is that same quarter one year back ("third-quarter profit rose from a year
ago" -> 1988-Q3 when the report is on 1989-Q3). The normaliser marks such expressions
(``Norm.ctx_ref``); this pass gives them the value of the last explicit quarter mentioned
before them, when there is one close enough.
"""

from __future__ import annotations

import re

from storyline.nlp.timex.normalise import Norm

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
SAME_WINDOW = 2500  # characters back for "the quarter"
YEARBACK_WINDOW = 600  # characters back for "a year ago"


def resolve(items: list[tuple[int, Norm]]) -> None:
    """``items``: (start offset, norm) in text order; values are updated in place."""
    last: tuple[int, int, int] | None = None  # (offset, year, quarter)
    for start, norm in items:
        ref = norm.ctx_ref
        if ref is None:
            m = _QUARTER.match(norm.value)
            if m:
                last = (start, int(m.group(1)), int(m.group(2)))
            continue
        if last is None:
            continue
        offset, year, quarter = last
        if ref.startswith("same") and start - offset <= SAME_WINDOW:
            _, _, given_year = ref.partition(":")
            norm.value = f"{given_year or year}-Q{quarter}"
        elif ref == "yearback" and start - offset <= YEARBACK_WINDOW:
            norm.value = f"{year - 1}-Q{quarter}"
