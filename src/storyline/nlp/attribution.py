"""Attribution: who says so (cue, source, content), how many of them, and how sure.

STUB: interface ``extract(doc, entities) -> tuple[list[Attribution], list[Quote]]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.model import Attribution, Entity, Quote

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "attribution.stub.v0"


def extract(doc: Doc, entities: list[Entity]) -> tuple[list[Attribution], list[Quote]]:
    return [], []
