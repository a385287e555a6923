"""Who a cue attaches to: the source span, its type, how many people, and which entity.

The source span is the whole noun phrase the cue attaches to ("Khiem Do, a fund manager at
Baring Asset Management", "four sources briefed on the call", "he"); its *head* decides the type:
a name (named person / organisation / outlet), a pronoun (resolved to the entity it points
back to), a common noun for people ("officials": anonymous), for an organisation ("the
ministry"), or for a text ("the statement", "internal emails", "media reports").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.model import Entity, Source, SourceType
from storyline.nlp.attribution.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "them", "all", "both"})
ORG_PRONOUNS = frozenset({"it"})
ORG_ENTS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_EDGE_PUNCT = ",;:-\u2013\u2014\"'\u201c\u201d\u2018\u2019()"


@dataclass(slots=True)
class SourceInfo:
    """A source before pooling: the span, its type and count, and how it was found."""

    start: int
    end: int
    type: SourceType
    count: int | None
    description: str | None
    head: Token
    # partitive ("three of the sources") or definite ("the three people"): refers to a pool.
    refers_back: bool = False
    entity_id: str | None = None


def source_span(tokens: list[Token]) -> tuple[int, int] | None:
    """Character span of a token list, trimmed of punctuation and whitespace at its edges."""
    toks = sorted(tokens, key=lambda t: t.i)
    while toks and (toks[0].is_punct or toks[0].text in _EDGE_PUNCT or toks[0].is_space):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].text in _EDGE_PUNCT or toks[-1].is_space):
        if toks[-1].text == ")" and any(t.text == "(" for t in toks):
            break  # keep "(R-Idaho)" whole
        toks = toks[:-1]
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def noun_phrase(head: Token, cue: Token | None = None) -> list[Token]:
    """The head's subtree, cut before an opening quote or a clause that is not part of the name.

    A subject's subtree can run into the content when the parser attaches a quote or an
    adverbial clause to it; stopping at those keeps the span to the phrase a reader would mark.
    """
    keep = [head]
    for child in head.children:
        if child.dep_ in ("advcl", "ccomp", "parataxis") and child.i > head.i:
            continue
        if cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i:
            continue  # the relative clause holding the cue ("a field of data that showed")
        if child.dep_ == "prep" and any(t.ent_type_ in ("DATE", "TIME") for t in child.subtree):
            continue  # "Mr Trump on Nov 30 confirmed": the date belongs to the cue
        keep.extend(child.subtree)
    keep.sort(key=lambda t: t.i)
    # Keep only the contiguous run around the head.
    run = [head]
    idx = {t.i for t in keep}
    i = head.i - 1
    while i in idx:
        run.insert(0, head.doc[i])
        i -= 1
    i = head.i + 1
    while i in idx:
        run.append(head.doc[i])
        i += 1
    return run


def _number(tok: Token, lex: Lexicon) -> int | None:
    low = tok.lower_
    if low in lex.numbers:
        return lex.numbers[low]
    if re.fullmatch(r"\d{1,4}", low):
        return int(low)
    return None


def _count_of(noun: Token, lex: Lexicon) -> int | None:
    """A count from the noun's own modifiers: "four sources" = 4, "a senior official" = 1."""
    for child in noun.children:
        if child.dep_ in ("nummod", "det", "quantmod") and child.i < noun.i:
            value = _number(child, lex)
            if value is not None:
                return value
    return None


def _partitive(head: Token, lex: Lexicon) -> tuple[Token, int | None] | None:
    """("three" of the sources) -> (sources, 3); ("some" of the officials) -> (officials, None)."""
    value = _number(head, lex)
    if value is None and head.lower_ not in lex.partitives:
        return None
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    return pobj, value
    return None


def _is_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS")


def _name_tokens(head: Token) -> list[Token]:
    """The head plus the compound/flat name parts before it ("Miami Herald", "New York Times")."""
    parts = [c for c in head.children if c.dep_ in ("compound", "amod", "nmod") and c.i < head.i]
    return [*parts, head]


def _is_press(tokens: list[Token], lex: Lexicon) -> bool:
    text = " ".join(t.text for t in tokens)
    return any(re.search(rf"\b{re.escape(name)}\b", text) for name in lex.press_names)


def _description(tokens: list[Token], noun: Token, sentence: str, lex: Lexicon) -> str | None:
    """What the text says about an anonymous source: its post-modifier, or an anonymity phrase."""
    after = [t for t in tokens if t.i > noun.i]
    text = "".join(t.text_with_ws for t in after).strip(" ,")
    if text:
        return text
    low = sentence.lower()
    for phrase in lex.anonymity:
        at = low.find(phrase)
        if at >= 0:
            end = low.find(",", at)
            end = end if end >= 0 else len(sentence)
            return sentence[at:end].strip(" .,")
    return None


def classify(head: Token, tokens: list[Token], lex: Lexicon) -> SourceInfo | None:
    """Type and count of the source headed by ``head``; ``tokens`` is its noun phrase."""
    span = source_span(tokens)
    if span is None:
        return None
    start, end = span
    low = head.lower_
    sentence = head.sent.text if head.doc.has_annotation("SENT_START") else ""
    info = SourceInfo(start, end, "named_person", None, None, head)
    if head.pos_ == "PRON" or low in GROUP_PRONOUNS:
        info.type = _pronoun_type(head)
        return info
    noun = head
    part = _partitive(head, lex)
    if part is not None:
        noun, info.count = part
        # "three of the sources" points back at a pool; "half of Americans" does not.
        info.refers_back = any(c.lower_ in ("the", "those", "these") for c in noun.children)
    names = _name_tokens(noun)
    if noun.pos_ == "NOUN" and noun.text[:1].isupper() and _person_elsewhere(noun, lex):
        info.type = "named_person"  # "Trump thought" with "Trump" tagged as a common noun
        return info
    if noun.lower_ in lex.partitives and noun.pos_ in ("NOUN", "SYM", "NUM"):
        # "Fifty-one percent say": a share of people, no "of" phrase.
        info.type = "anonymous_group"
        return info
    if noun.ent_type_ == "NORP" and _is_plural(noun):
        info.type = "anonymous_group"  # "Americans", "half of Democrats": people, unnamed
        return info
    if noun.pos_ != "PROPN":
        # "the bureau's director, Steven Dillingham": the name in apposition decides.
        appos = next((c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if appos is not None and appos.ent_type_ not in ORG_ENTS:
            info.type = "named_person"
            return info
    if noun.pos_ == "PROPN" or noun.ent_type_ in ("PERSON", *ORG_ENTS):
        if _is_press(names, lex):
            info.type = "press_report"
        elif (
            noun.ent_type_ in ORG_ENTS
            and not _person_elsewhere(noun, lex)
            and not _lone_surname(noun)
        ):
            info.type = "named_organization"
        else:
            info.type = "named_person"
        return info
    word = noun.lower_
    lemma = noun.lemma_.lower()
    if word not in lex.source_nouns and lemma not in lex.person_nouns:
        # "a field of data", "a series of reports": the kind of source is in the "of" object.
        for prep in noun.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                inner = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if inner is not None and inner.lower_ in lex.source_nouns:
                    info.type = lex.source_nouns[inner.lower_]  # type: ignore[assignment]
                    return info
    if word in lex.source_nouns:
        info.type = lex.source_nouns[word]  # type: ignore[assignment]
        return info
    if lemma in lex.org_nouns or word in lex.org_nouns:
        info.type = "named_organization"
        return info
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "poss")}
    numbered = info.count is not None or _count_of(noun, lex) is not None
    if lemma in lex.role_titles and "the" in determiners and not numbered:
        info.type = "named_person"
        return info
    role = lemma in lex.role_titles
    if info.count is None:
        info.count = _count_of(noun, lex)
    plural = _is_plural(noun) or (info.count is not None and info.count > 1)
    if info.count is None and not plural:
        info.count = 1
    info.type = "anonymous_group" if plural else "anonymous_person"
    if not plural and info.count is not None and info.count > 1:
        info.type = "anonymous_group"
    if "the" in determiners and plural:
        info.refers_back = True
    if lemma not in lex.person_nouns and word not in lex.person_nouns and not plural and not role:
        # An unknown singular common noun ("the network", "the council") is most often an
        # organisation; an unknown plural one ("residents") a group of people.
        info.type = "named_organization"
        info.count = None
        return info
    info.description = _description(tokens, noun, sentence, lex)
    return info


def _person_elsewhere(tok: Token, lex: Lexicon) -> bool:
    """Whether the text names a person with this word ("Donald Trump" or "President Trump"
    earlier makes a lone "Trump" that the tagger took for an organisation a person)."""
    doc = tok.doc
    if any(
        ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == tok.text for ent in doc.ents
    ):
        return True
    for other in doc:
        if other.text == tok.text and other.i > 0:
            prev = doc[other.i - 1]
            if prev.lower_.rstrip(".") in lex.honorifics and prev.text[:1].isupper():
                return True
    return False


def _lone_surname(tok: Token) -> bool:
    """A single capitalised word the tagger called an organisation ("Fitzsimmons said"): in
    news copy that is far more often a person's second reference than a company. Acronyms,
    possessive names ("Moody's"), names with a determiner and multi-word names stay
    organisations."""
    if tok.ent_type_ != "ORG" or not tok.text.istitle() or tok.text.isupper():
        return False
    if any(c.dep_ in ("det", "compound", "poss", "case") for c in tok.children):
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].tag_ == "POS":
        return False
    return not any(
        ent.label_ == "ORG" and len(ent) > 1 and ent[-1].i != tok.i and ent[-1].text == tok.text
        for ent in tok.doc.ents
    )


def _pronoun_type(head: Token) -> SourceType:
    low = head.lower_
    if low in PERSON_PRONOUNS:
        return "named_person"
    if low in ORG_PRONOUNS:
        return "named_organization"
    sent = head.sent
    start = max(sent.start - 60, 0)
    window = head.doc[start : head.i]
    if low in ("they", "them"):
        # "they said": the nearest person or organisation named before.
        for tok in reversed(window):
            if tok.ent_type_ == "PERSON":
                return "named_person"
            if tok.ent_type_ == "ORG":
                return "named_organization"
        return "anonymous_group"
    # "All have denied": people named just before, or an unnamed group.
    if any(tok.ent_type_ == "PERSON" for tok in window):
        return "named_person"
    return "anonymous_group"


@dataclass(slots=True)
class EntityIndex:
    """Entity mentions by position, to name the entity a source span points at."""

    mentions: list[tuple[int, int, str, str]]  # start, end, entity id, entity type

    @classmethod
    def build(cls, entities: list[Entity]) -> EntityIndex:
        rows = [(m.start, m.end, e.id, e.type) for e in entities for m in e.mentions]
        rows.sort()
        return cls(rows)

    def at(self, start: int, end: int, head_start: int, head_end: int) -> str | None:
        """The entity whose mention covers the head token, else any mention inside the span."""
        inside = None
        for m_start, m_end, ent_id, _type in self.mentions:
            if m_start >= end:
                break
            if m_start < head_end and head_start < m_end:
                return ent_id
            if inside is None and m_start >= start and m_end <= end:
                inside = ent_id
        return inside

    def type_of(self, ent_id: str) -> str | None:
        for _s, _e, eid, ent_type in self.mentions:
            if eid == ent_id:
                return ent_type
        return None

    def before(self, pos: int, types: frozenset[str]) -> str | None:
        """The entity of the last mention of one of ``types`` ending before ``pos``."""
        found = None
        for m_start, m_end, ent_id, ent_type in self.mentions:
            if m_start >= pos:
                break
            if m_end <= pos and ent_type in types:
                found = ent_id
        return found


def link_entity(info: SourceInfo, index: EntityIndex) -> str | None:
    """The entity the source names; corrects person/organisation from the entity's type."""
    head = info.head
    if info.type == "reporter":
        return None  # the dummy "It" of "It is unclear" is nobody
    ent = index.at(info.start, info.end, head.idx, head.idx + len(head.text))
    if ent is not None:
        ent_type = index.type_of(ent)
        if info.type == "named_organization" and ent_type == "PERSON" and head.pos_ == "PROPN":
            info.type = "named_person"
        elif info.type == "named_person" and ent_type in ORG_ENTS and head.pos_ == "PROPN":
            info.type = "named_organization"
        return ent
    low = head.lower_
    if low in PERSON_PRONOUNS or (info.type == "named_person" and head.pos_ != "PROPN"):
        return index.before(info.start, frozenset({"PERSON"}))
    if low in ORG_PRONOUNS:
        return index.before(info.start, frozenset({"ORG", "GPE", "NORP"}))
    return None


def to_source(info: SourceInfo, text: str) -> Source:
    anonymous = info.type in ("anonymous_person", "anonymous_group")
    return Source(
        start=info.start,
        end=info.end,
        text=text[info.start : info.end],
        type=info.type,
        entity_id=info.entity_id,
        count=info.count if anonymous else None,
        anonymous=anonymous,
        description=info.description if anonymous else None,
    )


def assign_pools(sources: list[tuple[Source, SourceInfo]]) -> None:
    """Link counted anonymous groups: "four sources" opens a pool; "three of the sources" and
    "the three people" after it join that pool, so a reader sees the three are among the four."""
    pool_no = 0
    current: tuple[str, int] | None = None
    for source, info in sources:
        if not source.anonymous:
            continue
        if info.refers_back and current is not None:
            source.pool, source.pool_size = current
        elif source.type == "anonymous_group" and source.count is not None and source.count > 1:
            pool_no += 1
            current = (f"pool{pool_no}", source.count)
            source.pool, source.pool_size = current
