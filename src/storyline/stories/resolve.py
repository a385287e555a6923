"""Cross-article entities: the same person in many articles is one entity with aliases.

Per-article entities already group their own mentions ("Nicolas Maduro", "Mr Maduro", "he").
Across articles they are joined on a key: the entity type plus its full name, normalised
(case, accents, honorifics and dots ignored). An article that only ever says "Maduro" is joined
to the full name its story already knows with that surname, when exactly one such person exists;
otherwise it keeps its own key, so two different Smiths stay apart.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from storyline.model import Analysis

# Honorifics dropped from keys ("Mr Maduro" = "Maduro"); titles stay in aliases.
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|dame|prof)\.?\s+", re.IGNORECASE)
PERSONISH = frozenset({"PERSON"})


def entity_key(name: str, etype: str) -> str:
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = _HONORIFIC.sub("", text.replace("\u00a0", " ").strip())
    text = re.sub(r"['’]s$", "", text)
    text = re.sub(r"[^\w\s-]", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    return f"{etype}:{text}"


@dataclass(slots=True)
class GlobalEntity:
    key: str
    name: str
    type: str
    aliases: set[str] = field(default_factory=set)
    # (article key, local entity id) pairs.
    mentions: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "name": self.name,
            "type": self.type,
            "aliases": sorted(self.aliases - {self.name}),
            "articles": sorted({a for a, _ in self.mentions}),
        }


def resolve(
    analyses: dict[str, Analysis], known: dict[str, GlobalEntity] | None = None
) -> dict[str, GlobalEntity]:
    """Join the entities of ``analyses`` (article key -> analysis) into global entities, adding
    to ``known`` (key -> entity) when given. Returns the updated key -> entity map."""
    out = dict(known or {})
    surnames: dict[tuple[str, str], set[str]] = {}

    def index(ent: GlobalEntity) -> None:
        words = ent.key.split(":", 1)[1].split()
        if ent.type in PERSONISH and len(words) > 1:
            surnames.setdefault((ent.type, words[-1]), set()).add(ent.key)

    for ent in out.values():
        index(ent)
    pending: list[tuple[str, str, str, str, list[str]]] = []
    # Full names first, so a bare surname can find them.
    for art_key, analysis in analyses.items():
        for e in analysis.entities:
            key = entity_key(e.name, e.type)
            if not key.split(":", 1)[1]:
                continue
            pending.append((art_key, e.id, key, e.name, list(e.aliases)))
    pending.sort(key=lambda p: -len(p[2].split()))
    for art_key, local_id, key, name, aliases in pending:
        etype, words = key.split(":", 1)[0], key.split(":", 1)[1].split()
        if etype in PERSONISH and len(words) == 1:
            full = surnames.get((etype, words[0]), set())
            if len(full) == 1:
                key = next(iter(full))
        found = out.get(key)
        if found is None:
            ent = GlobalEntity(key=key, name=name, type=etype)
            out[key] = ent
            index(ent)
        else:
            ent = found
            if len(name) > len(ent.name) and etype not in PERSONISH:
                ent.name = name
        ent.aliases.add(name)
        ent.aliases.update(aliases)
        ent.mentions.append((art_key, local_id))
    return out
