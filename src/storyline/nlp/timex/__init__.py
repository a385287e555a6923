"""Time expressions: find TIMEX3 expressions and normalise them against the publication date.

STUB: replaced by the rule-based tagger (issue 3). Interface:
``tag(text, dct, *, doc=None) -> list[Timex]``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from storyline.model import Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "timex.stub.v0"


def tag(text: str, dct: dt.date | None, *, doc: Doc | None = None) -> list[Timex]:
    return []
