"""The attribution rule families, loaded once from ``storyline/data/attribution_*``."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import cast

from storyline.errors import RuleFileError
from storyline.model import Polarity
from storyline.rules import load_list, load_table

POLARITIES = ("assert", "deny", "decline")
PHRASE_KINDS = ("prep", "decline", "hedge_verb", "reporter")
VERB_NEEDS = ("", "claim", "clause", "quote", "complement", "finding")


@dataclass(frozen=True, slots=True)
class VerbCue:
    lemma: str
    polarity: Polarity
    needs: str
    hedged: bool


@dataclass(frozen=True, slots=True)
class PhraseCue:
    phrase: str
    kind: str
    polarity: Polarity
    hedged: bool


@dataclass(frozen=True, slots=True)
class Lexicon:
    verbs: dict[str, VerbCue]
    phrases: tuple[PhraseCue, ...]
    claim_nouns: frozenset[str]
    hedges: frozenset[str]
    person_nouns: frozenset[str]
    role_titles: frozenset[str]
    source_nouns: dict[str, str]
    org_nouns: frozenset[str]
    press_names: tuple[str, ...]
    anonymity: tuple[str, ...]
    numbers: dict[str, int]
    partitives: frozenset[str]
    reporter_clauses: frozenset[str]
    honorifics: frozenset[str]


def _check(value: str, allowed: tuple[str, ...], name: str, what: str) -> str:
    if value not in allowed:
        raise RuleFileError(f"{name}: {what} {value!r} is not one of {', '.join(allowed)}")
    return value


def _polarity(value: str, name: str) -> Polarity:
    return cast(Polarity, _check(value, POLARITIES, name, "polarity"))


@functools.cache
def lexicon() -> Lexicon:
    """Every attribution rule family, validated; cached for the process."""
    verbs = {}
    for row in load_table("attribution_verbs.tsv"):
        verbs[row["lemma"]] = VerbCue(
            lemma=row["lemma"],
            polarity=_polarity(row["polarity"], "attribution_verbs.tsv"),
            needs=_check(row["needs"], VERB_NEEDS, "attribution_verbs.tsv", "needs"),
            hedged=row["hedged"] == "yes",
        )
    phrases = tuple(
        PhraseCue(
            phrase=row["phrase"].lower(),
            kind=_check(row["kind"], PHRASE_KINDS, "attribution_phrases.tsv", "kind"),
            polarity=_polarity(row["polarity"], "attribution_phrases.tsv"),
            hedged=row["hedged"] == "yes",
        )
        for row in load_table("attribution_phrases.tsv")
    )
    numbers = {}
    for row in load_table("attribution_numbers.tsv"):
        try:
            numbers[row["word"].lower()] = int(row["value"])
        except ValueError as exc:
            raise RuleFileError(
                f"attribution_numbers.tsv: {row['value']!r} for {row['word']!r} is not a number"
            ) from exc
    return Lexicon(
        verbs=verbs,
        phrases=phrases,
        claim_nouns=frozenset(load_list("attribution_claim_nouns.txt", lower=True)),
        hedges=frozenset(load_list("attribution_hedges.txt", lower=True)),
        person_nouns=frozenset(load_list("attribution_person_nouns.txt", lower=True)),
        role_titles=frozenset(load_list("attribution_role_titles.txt", lower=True)),
        source_nouns={
            r["noun"].lower(): r["type"] for r in load_table("attribution_source_nouns.tsv")
        },
        org_nouns=frozenset(load_list("attribution_org_nouns.txt", lower=True)),
        press_names=load_list("attribution_press_names.txt"),
        anonymity=load_list("attribution_anonymity.txt", lower=True),
        numbers=numbers,
        partitives=frozenset(load_list("attribution_partitives.txt", lower=True)),
        reporter_clauses=frozenset(load_list("attribution_reporter_clauses.txt", lower=True)),
        honorifics=frozenset(load_list("attribution_honorifics.txt", lower=True)),
    )
