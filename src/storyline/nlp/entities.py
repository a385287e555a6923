"""Entities within one article: NER mentions grouped into people, organisations and places,
with titles, surnames, descriptions and pronouns resolved to them.

``extract(doc) -> list[Entity]`` works in four passes over spaCy's parse, each linear in the
number of tokens:

1. **Named mentions.** spaCy's entities, repaired: honorifics ("Mr", "Mr.", "Gen") move into the
   mention and make it a PERSON ("Mr Maduro" tagged ORG); titles before a name ("US President",
   "Vice-President") are recorded with the place they belong to; possessive "'s" and leading
   "the" leave the name; a name followed by an organisation noun becomes an organisation ("the
   Trump administration", "Venezuela's information ministry"); names ending like an organisation
   ("The Miami Herald") become ORG; wire agencies the tagger misses ("REUTERS") are added.
2. **Grouping.** People by surname ("Mr Maduro" -> "Nicolas Maduro"), places through an alias table
   ("the US" = "the United States"), organisations by name or acronym.
3. **Descriptions.** "the Venezuelan leader", "the president", "Venezuela's legitimate president":
   a definite noun phrase headed by a title, resolved to the person holding a matching title
   (and belonging to the place the demonym names), the most recent one first.
4. **Pronouns.** he/him/his, she/her resolved to the most salient compatible person within the
   last few sentences (subjects over objects, near over far, gender from honorifics and titles);
   it/they only in the clear frame "<organisation> said it ...".

Rules live in data files: honorifics.tsv, titles.tsv, title_modifiers.txt, demonyms.tsv,
gpe_aliases.tsv, pronouns.tsv, org_nouns.txt, org_name_heads.txt, known_organisations.txt.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.model import Entity, Span
from storyline.rules import load_list, load_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

VERSION = "entities.rules.v1"

# spaCy labels that name a person, organisation or place (dates, numbers and money are other
# steps' business).
ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "LAW"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
OBJECT_DEPS = frozenset({"dobj", "dative", "pobj", "attr"})
POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# How many sentences back a pronoun may look for its antecedent.
PRONOUN_WINDOW = 3


# --------------------------------------------------------------------------- rule tables


@dataclass(frozen=True, slots=True)
class Rules:
    honorifics: dict[str, str]
    titles: dict[str, tuple[str, str]]  # title word -> (role, gender)
    title_modifiers: frozenset[str]
    demonyms: dict[str, str]  # lower demonym -> place
    gpe_aliases: dict[str, str]  # lower alias -> canonical
    pronouns: dict[str, tuple[str, str]]  # pronoun -> (gender, kind)
    org_nouns: frozenset[str]
    org_name_heads: frozenset[str]
    known_orgs: dict[str, tuple[tuple[str, ...], ...]]  # first lower token -> token tuples


# How a known organisation is written in known_organisations.txt ("REUTERS" -> "Reuters").
display: dict[tuple[str, ...], str] = {}


@functools.cache
def rules() -> Rules:
    known: dict[str, list[tuple[str, ...]]] = {}
    for name in load_list("known_organisations.txt"):
        toks = tuple(name.lower().replace("-", " - ").split())
        known.setdefault(toks[0], []).append(toks)
        display[toks] = name
    return Rules(
        honorifics={r["honorific"].lower(): r["gender"] for r in load_table("honorifics.tsv")},
        titles={r["title"].lower(): (r["role"], r["gender"]) for r in load_table("titles.tsv")},
        title_modifiers=frozenset(load_list("title_modifiers.txt", lower=True)),
        demonyms={r["demonym"].lower(): r["place"] for r in load_table("demonyms.tsv")},
        gpe_aliases={r["alias"].lower(): r["canonical"] for r in load_table("gpe_aliases.tsv")},
        pronouns={
            r["pronoun"].lower(): (r["gender"], r["kind"]) for r in load_table("pronouns.tsv")
        },
        org_nouns=frozenset(load_list("org_nouns.txt", lower=True)),
        org_name_heads=frozenset(load_list("org_name_heads.txt", lower=True)),
        known_orgs={k: tuple(sorted(v, key=len, reverse=True)) for k, v in known.items()},
    )


def fold(text: str) -> str:
    """Lower case without accents, for comparing names ("Rodríguez" = "Rodriguez")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def honorific_key(token_text: str) -> str:
    return token_text.rstrip(".").lower()


def canonical_place(name: str) -> str:
    """The alias table's canonical name for a place, else the name itself."""
    bare = name[4:] if name.lower().startswith("the ") else name
    return rules().gpe_aliases.get(bare.lower(), bare)


# --------------------------------------------------------------------------- mentions


@dataclass(slots=True)
class Mention:
    """One stretch of text that refers to an entity (token offsets ``start:end``)."""

    start: int
    end: int
    label: str
    kind: str  # name | description | pronoun
    # The name as it should be compared and shown: no honorific, title, "the" or "'s".
    name: str = ""
    name_tokens: tuple[str, ...] = ()
    honorific: str | None = None
    title: str | None = None
    affiliation: str | None = None  # canonical place a title or description belongs to
    gender: str = "-"
    head: int = -1  # token index of the mention's syntactic head
    title_start: int = -1  # first token of the title before the name, when there is one
    sentence: int = 0
    entity: int = -1  # index of its group once grouped
    # A second mention inside this one ("Mr Maduro" in "Mr Maduro's administration").
    also: Mention | None = None


@dataclass(slots=True)
class Group:
    label: str
    mentions: list[Mention] = field(default_factory=list)
    gender: str = "-"

    @property
    def first(self) -> int:
        return min(m.start for m in self.mentions)

    def names(self) -> list[Mention]:
        return [m for m in self.mentions if m.kind == "name"]


def _is_possessive(tok: Token) -> bool:
    return tok.text in POSSESSIVE or tok.tag_ == "POS"


def _name_of(doc: Doc, start: int, end: int) -> tuple[str, tuple[str, ...]]:
    """The printable name of tokens ``start:end`` and its comparison key."""
    text = doc[start:end].text if end > start else ""
    toks = tuple(fold(t.text) for t in doc[start:end] if not t.is_punct or t.text in "-.&")
    return text, toks


def _title_run(doc: Doc, end: int, lower_bound: int) -> tuple[int, str | None, str | None]:
    """Title words just before token ``end`` ("US President", "Interior Minister").

    Returns the first token of the title, the title text, and the place the title belongs to
    ("Venezuela" in "Venezuela's President", "US" in "US President") if any.
    """
    r = rules()
    i = end - 1
    if i < lower_bound or doc[i].lower_ not in r.titles:
        return end, None, None
    start = i
    i -= 1
    # Words inside the title: hyphens ("Vice-President"), listed modifiers, capitalised
    # portfolio words ("Interior", "Foreign") that are not a place or a person.
    while i >= lower_bound:
        tok = doc[i]
        if (
            tok.text == "-"
            or tok.lower_ in r.title_modifiers
            or tok.lower_ in r.titles
            or (
                tok.is_title
                and tok.ent_type_ not in ("GPE", "PERSON", "NORP")
                and tok.pos_
                in (
                    "PROPN",
                    "ADJ",
                    "NOUN",
                )
                and i > 0
                and not doc[i - 1].is_sent_end
                and not tok.is_sent_start
            )
        ):
            start = i
        else:
            break
        i -= 1
    title = doc[start:end].text
    # The place the title belongs to: "US President", "Venezuela's President".
    affiliation = None
    j = start - 1
    if j >= lower_bound and _is_possessive(doc[j]):
        j -= 1
    if j >= lower_bound and doc[j].ent_type_ in ("GPE", "NORP"):
        k = j
        while (
            k > lower_bound
            and doc[k - 1].ent_iob_ == "I"
            and doc[k - 1].ent_type_
            in (
                "GPE",
                "NORP",
            )
        ):
            k -= 1
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        place = doc[k : j + 1].text
        affiliation = _place_of(place)
    return start, title, affiliation


def _place_of(word: str) -> str:
    r = rules()
    demonym = r.demonyms.get(word.lower())
    return canonical_place(demonym if demonym else word)


def _named_mentions(doc: Doc, sent_of: list[int]) -> list[Mention]:
    r = rules()
    out: list[Mention] = []
    taken = bytearray(len(doc))
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        if any(taken[ent.start : ent.end]):
            continue  # inside an organisation made from the entity before it
        m = _repair(doc, ent.start, ent.end, ent.label_)
        if m is None:
            continue
        for x in (m, m.also):
            if x is not None:
                x.sentence = sent_of[x.start]
                out.append(x)
        for i in range(m.start, m.end):
            taken[i] = 1
    # Honorific + capitalised name the tagger missed ("Mr Xi").
    for tok in doc:
        if taken[tok.i] or honorific_key(tok.text) not in r.honorifics or not tok.is_title:
            continue
        j = tok.i + 1
        if j < len(doc) and doc[j].text == ".":
            j += 1
        k = j
        while k < len(doc) and doc[k].is_title and doc[k].pos_ == "PROPN" and not taken[k]:
            k += 1
        if k > j:
            m = _repair(doc, j, k, "PERSON")
            if m is not None:
                m.sentence = sent_of[m.start]
                out.append(m)
                for i in range(m.start, m.end):
                    taken[i] = 1
    # Wire agencies and outlets the tagger missed ("REUTERS").
    for tok in doc:
        if taken[tok.i] or not (tok.is_upper or tok.is_title):
            continue
        for cand in r.known_orgs.get(tok.lower_, ()):
            end = tok.i + len(cand)
            if end <= len(doc) and tuple(t.lower_ for t in doc[tok.i : end]) == cand:
                if any(taken[tok.i : end]):
                    break
                name, key = _name_of(doc, tok.i, end)
                if name.isupper():
                    name = display.get(cand, name)
                out.append(
                    Mention(
                        tok.i, end, "ORG", "name", name, key, head=end - 1, sentence=sent_of[tok.i]
                    )
                )
                for i in range(tok.i, end):
                    taken[i] = 1
                break
    out.sort(key=lambda m: m.start)
    return out


def _repair(doc: Doc, start: int, end: int, label: str, *, expand: bool = True) -> Mention | None:
    """Fix one tagged span's boundaries and label; ``None`` when it is not a mention."""
    r = rules()
    # "World Health Organization (WHO)": the name stops at the bracket; the acronym joins it
    # when it is used alone later.
    for k in range(start + 1, end):
        if doc[k].text in ("(", "[", "/"):
            end = k
            break
    # Trailing possessive and punctuation leave the name ("Venezuela's").
    while end > start and (_is_possessive(doc[end - 1]) or doc[end - 1].is_punct):
        end -= 1
    # A leading "the" is not part of the name ("the International Criminal Court").
    while start < end and doc[start].lower_ == "the":
        start += 1
    honorific = None
    # An honorific tagged inside the span ("Mr Maduro" as one ORG span).
    while start < end and honorific_key(doc[start].text) in r.honorifics and end - start > 1:
        honorific = honorific_key(doc[start].text)
        start += 1
        if start < end and doc[start].text == ".":
            start += 1
    # Title words tagged inside a PERSON span ("President Nicolas Maduro").
    title_in_span = None
    if label == "PERSON":
        k = start
        while k < end - 1 and (
            doc[k].lower_ in r.titles or doc[k].lower_ in r.title_modifiers or doc[k].text == "-"
        ):
            k += 1
        if k > start and doc[k - 1].lower_ in r.titles:
            title_in_span = doc[start:k].text
            start = k
    if start >= end:
        return None
    name_start = start
    # An honorific just before the span makes it a person ("Mr Maduro" with Maduro tagged ORG).
    j = start - 1
    if (
        j >= 0
        and doc[j].text == "."
        and j - 1 >= 0
        and honorific_key(doc[j - 1].text) in (r.honorifics)
    ):
        j -= 1
    if (
        honorific is None
        and j >= 0
        and honorific_key(doc[j].text) in r.honorifics
        and (doc[j].is_title or doc[j].is_upper)
    ):
        honorific = honorific_key(doc[j].text)
        start = j
    if honorific is not None:
        label = "PERSON"
    # An organisation noun after the name: "the Trump administration", "Venezuela's ministry".
    org = _org_expansion(doc, name_start, end) if expand else None
    if org is not None:
        org_end, name, key = org
        org_mention = Mention(name_start, org_end, "ORG", "name", name, key, head=org_end - 1)
        # "Mr Maduro's administration" also mentions Mr Maduro; "the Trump administration"
        # names an organisation only.
        if label == "PERSON" and end < len(doc) and _is_possessive(doc[end]):
            org_mention.also = _repair(doc, start, end + 1, label, expand=False)
        return org_mention
    name, key = _name_of(doc, name_start, end)
    if not key:
        return None
    if name.isupper():
        name = display.get(key, name)  # "REUTERS" -> "Reuters"
    # A single capitalised word tagged ORG right before a title and a name is a portfolio
    # ("Interior" in "Interior Minister Diosdado Cabello"), not an organisation.
    if label == "ORG" and end < len(doc) and doc[end].lower_ in r.titles and end - name_start == 1:
        return None
    # Names ending like an organisation are one, whatever the tagger said ("Miami Herald" GPE).
    if (
        label in ("GPE", "LOC", "PERSON", "NORP")
        and honorific is None
        and (doc[end - 1].lower_ in r.org_name_heads and end - name_start > 1)
    ):
        label = "ORG"
    title, affiliation, title_start = title_in_span, None, -1
    if label == "PERSON":
        t_start, t_text, t_aff = _title_run(doc, start, 0)
        if t_text is not None:
            title, affiliation, title_start = t_text, t_aff, t_start
    gender = r.honorifics.get(honorific or "", "-")
    if gender == "-" and title:
        gender = r.titles.get(title.split()[-1].split("-")[-1].lower(), ("", "-"))[1]
    head = max(range(name_start, end), key=lambda i: doc[i].head.i not in range(name_start, end))
    return Mention(
        start,
        end,
        label,
        "name",
        name,
        key,
        honorific=honorific,
        title=title,
        affiliation=affiliation,
        gender=gender or "-",
        head=head,
        title_start=title_start,
    )


def _org_expansion(doc: Doc, start: int, end: int) -> tuple[int, str, tuple[str, ...]] | None:
    """A name followed by an organisation noun heading its phrase, as an ORG mention.

    "Trump administration", "Venezuela's information ministry", "Maduro's administration".
    """
    r = rules()
    i = end
    if i < len(doc) and _is_possessive(doc[i]):
        i += 1
    for k in range(i, min(i + 3, len(doc))):
        tok = doc[k]
        if tok.lower_ in r.org_nouns and tok.is_lower:
            if tok.dep_ == "compound" or (k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN"):
                return None
            text = doc[start : k + 1].text
            key = tuple(fold(t.text) for t in doc[start : k + 1] if not _is_possessive(t))
            return k + 1, text, key
        # Lower-case modifiers only ("information", "defence"; spaCy may tag them PROPN).
        if not tok.is_lower or tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return None
    return None


def _add_untagged_surnames(doc: Doc, named: list[Mention], sent_of: list[int]) -> list[Mention]:
    """A known person's surname the tagger missed ("Sondland routinely bragged ...")."""
    surnames = {
        m.name_tokens[-1]
        for m in named
        if m.label == "PERSON" and len(m.name_tokens) >= 2 and m.name_tokens[-1].isalpha()
    }
    if not surnames:
        return named
    taken = bytearray(len(doc))
    for m in named:
        for i in range(m.start, m.end):
            taken[i] = 1
    extra = []
    for tok in doc:
        if taken[tok.i] or tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_:
            continue
        if fold(tok.text) in surnames:
            found = _repair(doc, tok.i, tok.i + 1, "PERSON")
            if found is not None and not any(taken[found.start : found.end]):
                found.sentence = sent_of[found.start]
                extra.append(found)
    return sorted(named + extra, key=lambda m: m.start) if extra else named


# --------------------------------------------------------------------------- grouping


def _group_names(mentions: list[Mention]) -> list[Group]:
    groups: list[Group] = []
    by_key: dict[tuple[str, tuple[str, ...]], int] = {}
    persons: list[int] = []
    # People with a full name first, so "Mr Maduro" in a headline joins "Nicolas Maduro".
    order = sorted(
        range(len(mentions)),
        key=lambda i: (mentions[i].label != "PERSON" or len(mentions[i].name_tokens) < 2, i),
    )
    # An ORG/GPE single word that is a known person's surname is that person (headline
    # "Trump rejected Maduro requests" tags both ORG).
    surnames = {
        m.name_tokens[-1]
        for m in mentions
        if m.label == "PERSON" and m.kind == "name" and m.name_tokens
    }
    for i in order:
        m = mentions[i]
        if m.label in ("ORG", "GPE") and len(m.name_tokens) == 1 and m.name_tokens[0] in surnames:
            m.label = "PERSON"
        key = _group_key(m)
        if m.label == "PERSON":
            gi = _find_person(groups, persons, m)
            if gi is None:
                gi = len(groups)
                groups.append(Group("PERSON"))
                persons.append(gi)
        elif key in by_key:
            gi = by_key[key]
        else:
            gi = _find_acronym(groups, m)
            if gi is None:
                gi = len(groups)
                groups.append(Group(m.label))
        by_key.setdefault(key, gi)
        m.entity = gi
        groups[gi].mentions.append(m)
        if groups[gi].gender == "-" and m.gender != "-":
            groups[gi].gender = m.gender
    return groups


def _group_key(m: Mention) -> tuple[str, tuple[str, ...]]:
    if m.label in ("GPE", "LOC"):
        return ("PLACE", tuple(fold(canonical_place(m.name)).split()))
    return (m.label, m.name_tokens)


def _find_person(groups: list[Group], persons: list[int], m: Mention) -> int | None:
    """The person a name belongs to: same surname, compatible first name and gender."""
    toks = m.name_tokens
    best: int | None = None
    best_pos = -1
    for gi in persons:
        g = groups[gi]
        if m.gender != "-" and g.gender != "-" and m.gender != g.gender:
            continue
        for other in g.names():
            o = other.name_tokens
            if not o or not toks:
                continue
            if len(toks) >= 2 and len(o) >= 2:
                same = toks[-1] == o[-1] and (toks[0] == o[0] or toks[0][0] == o[0][0])
            else:
                # One word: a surname ("Maduro") or a first name used alone.
                short, long_ = (toks, o) if len(toks) <= len(o) else (o, toks)
                same = short[0] in long_
            if same:
                pos = (
                    max(x.start for x in g.mentions if x.start <= m.start)
                    if any(x.start <= m.start for x in g.mentions)
                    else 0
                )
                if pos >= best_pos:
                    best, best_pos = gi, pos
                break
    return best


def _find_acronym(groups: list[Group], m: Mention) -> int | None:
    """ "ICC" for "International Criminal Court" (and the other way round)."""
    if m.label not in ("ORG", "NORP", "FAC"):
        return None

    def initials(name: str) -> str:
        return "".join(w[0] for w in name.replace("-", " ").split() if w[0].isupper())

    for gi, g in enumerate(groups):
        if g.label != m.label:
            continue
        for other in g.names():
            a, b = m.name.replace(".", ""), other.name.replace(".", "")
            if (a.isupper() and len(a) > 1 and initials(b) == a) or (
                b.isupper() and len(b) > 1 and initials(a) == b
            ):
                return gi
    return None


# --------------------------------------------------------------------------- descriptions


def _descriptions(doc: Doc, taken: bytearray, sent_of: list[int]) -> list[Mention]:
    """Definite noun phrases headed by a title: "the Venezuelan leader", "the US president"."""
    r = rules()
    out = []
    for tok in doc:
        if taken[tok.i] or tok.lower_ not in r.titles or tok.tag_ in ("NNS", "NNPS"):
            continue
        if tok.pos_ not in ("NOUN", "PROPN"):
            continue
        # Followed by a name it is a title, handled with the name.
        nxt = tok.i + 1
        if nxt < len(doc) and (
            doc[nxt].ent_type_ == "PERSON" or (doc[nxt].is_title and (doc[nxt].pos_ == "PROPN"))
        ):
            continue
        if tok.dep_ == "compound":
            continue
        start = tok.i
        definite = False
        affiliation = None
        for child in tok.lefts:
            if child.lower_ in ("the", "this", "that") and child.dep_ == "det":
                definite = True
                start = min(start, child.i)
            elif child.dep_ == "poss" and child.ent_type_ in ("GPE", "NORP"):
                definite = True
                affiliation = _place_of(_ent_text(doc, child))
                start = min(start, child.left_edge.i)
            elif child.dep_ in ("amod", "compound") and child.ent_type_ in ("GPE", "NORP"):
                affiliation = _place_of(_ent_text(doc, child))
                start = min(start, child.i)
            elif child.dep_ in ("amod", "compound"):
                start = min(start, child.i)
        if not definite:
            continue
        _role, gender = r.titles[tok.lower_]
        out.append(
            Mention(
                start,
                tok.i + 1,
                "PERSON",
                "description",
                name=doc[start : tok.i + 1].text,
                title=tok.lower_,
                affiliation=affiliation,
                gender=gender,
                head=tok.i,
                sentence=sent_of[tok.i],
            )
        )
    return out


def _ent_text(doc: Doc, tok: Token) -> str:
    if tok.ent_type_:
        for ent in doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
    return tok.text


def _title_matches(title: str, description_word: str) -> bool:
    r = rules()
    words = [w.lower() for w in title.replace("-", " ").split()]
    if description_word in words:
        return True
    role = r.titles.get(description_word, ("", ""))[0]
    # "leader" stands for any leader title (president, prime minister, king ...).
    return description_word == "leader" and any(r.titles.get(w, ("", ""))[0] == role for w in words)


def _resolve_description(d: Mention, groups: list[Group]) -> int | None:
    best: int | None = None
    best_key: tuple[int, int] = (-1, -1)
    for gi, g in enumerate(groups):
        if g.label != "PERSON":
            continue
        for m in g.mentions:
            if m.kind != "name" or not m.title or d.title is None:
                continue
            if not _title_matches(m.title, d.title):
                continue
            if d.affiliation and m.affiliation and fold(d.affiliation) != fold(m.affiliation):
                continue
            if d.affiliation and not m.affiliation:
                continue
            # Prefer the latest title before the description; then the earliest after.
            key = (1, m.start) if m.start < d.start else (0, -m.start)
            if key > best_key:
                best, best_key = gi, key
    return best


# --------------------------------------------------------------------------- pronouns


def _role_weight(doc: Doc, m: Mention) -> float:
    dep = doc[m.head].dep_ if m.head >= 0 else ""
    if dep in SUBJECT_DEPS:
        return 3.0
    if dep in ("dobj", "dative"):
        return 1.5
    return 0.5


def _resolve_pronouns(
    doc: Doc, groups: list[Group], taken: bytearray, sent_of: list[int]
) -> list[Mention]:
    r = rules()
    # Mentions of people in text order, so each pronoun looks back over a short window.
    timeline = sorted(
        (m for g in groups if g.label == "PERSON" for m in g.mentions), key=lambda m: m.start
    )
    out: list[Mention] = []
    ti = 0
    window: list[Mention] = []
    for tok in doc:
        entry = r.pronouns.get(tok.lower_)
        if entry is None or taken[tok.i] or tok.pos_ != "PRON":
            continue
        while ti < len(timeline) and timeline[ti].start < tok.i:
            window.append(timeline[ti])
            ti += 1
        gender, kind = entry
        sent = sent_of[tok.i]
        if kind == "person":
            gi = _best_person(doc, tok, gender, sent, window, groups)
        else:
            gi = _group_pronoun(doc, tok, groups)
        if gi is None:
            continue
        m = Mention(
            tok.i,
            tok.i + 1,
            groups[gi].label,
            "pronoun",
            name=tok.text,
            gender=gender,
            head=tok.i,
            sentence=sent,
            entity=gi,
        )
        out.append(m)
        if kind == "person":
            window.append(m)
    return out


def _best_person(
    doc: Doc, tok: Token, gender: str, sent: int, window: list[Mention], groups: list[Group]
) -> int | None:
    """The most salient compatible person: its best-placed recent mention, plus a little for
    each further mention (an entity talked about for several sentences stays in focus)."""
    scores: dict[int, float] = {}
    for m in reversed(window):
        if sent - m.sentence > PRONOUN_WINDOW:
            break
        g = groups[m.entity]
        if g.gender not in ("-", gender):
            continue
        # "him"/"her" as the object of the verb whose subject is the candidate cannot be it
        # ("he met him", "he had a meeting with him").
        if (
            tok.lower_ in ("him", "her", "them")
            and doc[m.head].dep_ in SUBJECT_DEPS
            and doc[m.head].head.i in _governing_verbs(tok)
        ):
            continue
        score = _role_weight(doc, m) - 3.0 * (sent - m.sentence)
        if m.sentence == sent:
            score += 1.0
        if m.entity in scores:
            scores[m.entity] = max(scores[m.entity], score) + 0.25
        else:
            scores[m.entity] = score
    if not scores:
        return None
    return max(scores, key=lambda gi: scores[gi])


def _governing_verbs(tok: Token) -> set[int]:
    """The verb an object pronoun belongs to: its head, or up through a preposition and the
    noun it hangs on ("had a meeting with him" -> "had")."""
    out = set()
    cur = tok
    for _ in range(4):
        cur = cur.head
        out.add(cur.i)
        if cur.pos_ in ("VERB", "AUX") or cur.head.i == cur.i:
            break
    return out


def _group_pronoun(doc: Doc, tok: Token, groups: list[Group]) -> int | None:
    """it/they in "<organisation> said it/they ...": the organisation (the only clear case)."""
    if tok.dep_ not in SUBJECT_DEPS:
        return None
    clause = tok.head
    if clause.dep_ != "ccomp":
        return None
    verb = clause.head
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            for gi, g in enumerate(groups):
                if g.label in ("ORG", "GPE") and any(
                    m.kind == "name" and m.start <= child.i < m.end for m in g.mentions
                ):
                    return gi
    return None


# --------------------------------------------------------------------------- output


def _fullest_name(g: Group) -> str:
    names = g.names()
    # Most words first; then a form not in capitals ("Washington" over a "WASHINGTON" dateline).
    best = max(names, key=lambda m: (len(m.name_tokens), not m.name.isupper(), -m.start))
    return best.name


def _to_entities(doc: Doc, groups: list[Group]) -> list[Entity]:
    live = [g for g in groups if g.names()]
    live.sort(key=lambda g: g.first)
    out = []
    for n, g in enumerate(live, start=1):
        name = _fullest_name(g)
        mentions = sorted(g.mentions, key=lambda m: (m.start, m.end))
        spans: list[Span] = []
        last_end = -1
        for m in mentions:
            s = doc[m.start : m.end]
            if m.start < last_end:
                continue
            spans.append(Span(s.start_char, s.end_char, s.text))
            last_end = m.end
        aliases = sorted({m.name for m in g.names() if m.name != name})
        titles: list[str] = []
        for m in mentions:
            if m.kind == "name" and m.title and m.title not in titles:
                titles.append(m.title)
        out.append(
            Entity(
                id=f"e{n}", name=name, type=g.label, mentions=spans, aliases=aliases, titles=titles
            )
        )
    return out


def extract(doc: Doc) -> list[Entity]:
    """One entity per person, organisation or place named in the article (ids in text order)."""
    if len(doc) == 0:
        return []
    sent_of = [0] * len(doc)
    for si, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = si
    named = _named_mentions(doc, sent_of)
    named = _add_untagged_surnames(doc, named, sent_of)
    groups = _group_names(named)
    taken = bytearray(len(doc))
    for m in named:
        for i in range(m.start, m.end):
            taken[i] = 1
        # Title words before a name belong to the name, not to a description.
        if m.title_start >= 0:
            for i in range(m.title_start, m.start):
                taken[i] = 1
    for d in _descriptions(doc, taken, sent_of):
        gi = _resolve_description(d, groups)
        if gi is not None:
            d.entity = gi
            groups[gi].mentions.append(d)
            for i in range(d.start, d.end):
                taken[i] = 1
    for p in _resolve_pronouns(doc, groups, taken, sent_of):
        groups[p.entity].mentions.append(p)
    return _to_entities(doc, groups)


def entity_at(entities: list[Entity], start: int, end: int) -> Entity | None:
    """The entity with a mention inside or around the character span ``start:end``.

    For callers (attribution) that found a source span and want to know who it is: a mention
    covering the span wins over one inside it; among those, the longest overlap.
    """
    best: Entity | None = None
    best_key = (-1, -1)
    for ent in entities:
        for m in ent.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap <= 0:
                continue
            covers = int(m.start <= start and m.end >= end)
            key = (covers, overlap)
            if key > best_key:
                best, best_key = ent, key
    return best
