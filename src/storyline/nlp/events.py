"""Event mentions: clauses that report something happening, compressed to a summary, dated,
with their actors and the attributions that back them.

STUB: interface ``extract(doc, *, timexes, entities, attributions, dct) -> list[EventMention]``.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from storyline.model import Attribution, Entity, EventMention, Timex

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "events.stub.v0"


def extract(
    doc: Doc,
    *,
    timexes: list[Timex],
    entities: list[Entity],
    attributions: list[Attribution],
    dct: dt.date | None,
) -> list[EventMention]:
    return []
