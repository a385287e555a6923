"""Entities within one article: NER mentions grouped into people, organisations and places,
with titles, surnames, descriptions and pronouns resolved to them.

STUB: interface ``extract(doc) -> list[Entity]``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from storyline.model import Entity

if TYPE_CHECKING:
    from spacy.tokens import Doc

VERSION = "entities.stub.v0"


def extract(doc: Doc) -> list[Entity]:
    return []
