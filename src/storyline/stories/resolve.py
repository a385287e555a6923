"""Cross-article entities: the same person in many articles is one entity with aliases.

Per-article entities already group their own mentions ("Nicolas Maduro", "Mr Maduro", "he").
Across articles they are joined on a key: the entity type plus its full name, normalised
(case, accents, honorifics and dots ignored). A description that opens with its place is keyed
on the place's canonical name (gpe_aliases.tsv, demonyms.tsv), so "Venezuela's information
ministry", "the Venezuelan information ministry" and "Venezuelan information ministry" are one
organisation, and "the US" and "the United States" one place; a proper name that merely starts
with a demonym ("American Airlines") is left as written.

An article that only ever says "Maduro" is joined to the full name its story already knows with
that surname, when exactly one such person exists; otherwise it keeps its own key, so two
different Smiths stay apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass, field

from storyline.model import Analysis
from storyline.rules import load_table

# Honorifics dropped from keys ("Mr Maduro" = "Maduro"); titles stay in aliases.
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|dr|sir|dame|prof)\.?\s+", re.IGNORECASE)
PERSONISH = frozenset({"PERSON"})


PLACES = frozenset({"GPE", "LOC"})
_THE = re.compile(r"^the\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")


@functools.cache
def _place_names() -> tuple[dict[str, str], dict[str, str]]:
    """(aliases, demonyms): lower-cased written form -> lower-cased canonical place."""
    aliases = {r["alias"].lower(): r["canonical"].lower() for r in load_table("gpe_aliases.tsv")}
    demonyms = {r["demonym"].lower(): r["place"].lower() for r in load_table("demonyms.tsv")}
    return aliases, demonyms


def _placed(name: str, etype: str) -> str:
    """``name`` with a leading place written canonically: the whole name of a place ("the US"
    -> "united states"), or the opening word(s) of a description when the next word is
    lower-case ("Venezuela's information ministry", "Venezuelan government" -> "venezuela ...").
    Only the key changes; the entity keeps the name as written."""
    text = _THE.sub("", " ".join(name.replace("\u00a0", " ").split()))
    aliases, demonyms = _place_names()
    if etype in PLACES:
        return aliases.get(text.lower(), text)
    words = text.split(" ")
    for n in (3, 2, 1):  # "United States of ..." before "United ..."
        if len(words) <= n or not words[n][:1].islower():
            continue
        written = " ".join(words[:n])
        head = _POSSESSIVE.sub("", written).lower()
        place = aliases.get(head) or demonyms.get(head)
        if place is None and head != written.lower() and written[:1].isupper():
            place = head  # a possessive proper name: "Maduro's administration"
        if place is not None:
            return " ".join([place, *words[n:]])
    return text


def entity_key(name: str, etype: str) -> str:
    if etype not in PERSONISH:
        name = _placed(name, etype)
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
