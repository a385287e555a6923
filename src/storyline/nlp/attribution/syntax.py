"""Reading the parse for attribution: subjects, complement clauses, objects, and span helpers.

Small pure functions over spaCy tokens; ``finder.py`` combines them. Where the small English
model misparses (a lost subject, a complement hung on the wrong verb), the fallbacks here say so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from storyline.nlp.attribution.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Clauses that inherit their subject from the verb they hang on ("..., adding that ...").
INHERITING_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
# A dateline or wire prefix at the start of a content span is the reporter's, not the source's.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,40}(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+"
    r"|\([A-Za-z ]{2,30}\)\s*[-\u2013\u2014]+\s+)"
)
TEXT_SOURCES = frozenset({"document", "press_report", "statement", "social_media"})
TOPIC_PREPS = frozenset({"on", "about", "whether", "regarding", "if"})
MODAL_HEDGES = frozenset({"may", "might", "could"})
STRIP_EDGES = " \t\n,;:.\u00a0"


def trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in STRIP_EDGES:
        start += 1
    while end > start and text[end - 1] in STRIP_EDGES:
        end -= 1
    if end <= start:
        return None
    return start, end


def strip_dateline(text: str, start: int, end: int) -> int:
    m = DATELINE.match(text[start:end])
    return start + m.end() if m else start


def tokens_span(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def clause(
    tok: Token, *, skip_marks: bool = True, lex: Lexicon | None = None
) -> tuple[int, int] | None:
    """A complement clause as a contiguous span, without "that"/"if" at its start, and without
    a trailing "though ..." clause the reporter added (``attribution_reporter_clauses.txt``)."""
    tokens = list(tok.subtree)
    if lex is not None:
        for child in tok.children:
            if child.dep_ == "advcl" and child.i > tok.i and reporter_clause(child, lex):
                cut = child.left_edge.i
                tokens = [t for t in tokens if t.i < cut]
    if skip_marks:
        tokens = [
            t
            for t in tokens
            if not (
                t.dep_ == "mark"
                and t.head == tok
                and t.i < tok.i
                and t.lower_ in ("that", "if", "whether")
            )
        ]
    return tokens_span(tokens)


# --- subjects -----------------------------------------------------------------------------


def subject(
    verb: Token, depth: int = 0, quoted: Callable[[int], bool] | None = None
) -> tuple[Token | None, bool]:
    """The subject of a cue verb and whether the verb is passive (no source then).

    ``quoted(char)`` tells whether a position is inside a quote: a participle after a quote
    (""...," Jones said, confirming that ...") takes its subject from outside the quote.
    """
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS:
            if child.dep_ == "nsubjpass":
                for agent in verb.children:
                    if agent.dep_ == "agent":
                        for pobj in agent.children:
                            if pobj.dep_ == "pobj":
                                return pobj, False
                return None, True
            return child, False
    if depth >= 4 or verb.head.i == verb.i:
        return None, False
    if verb.dep_ in INHERITING_DEPS:
        head = verb.head
        if verb.dep_ == "xcomp":
            # Object control: "prompting Mr Trump to declare" -> Mr Trump declares.
            for child in head.children:
                if child.dep_ == "dobj" and child.i < verb.i:
                    return child, False
        if verb.dep_ == "acl":
            # "was at pains to say": climb from the noun to the verb it hangs on.
            while head.dep_ in ("pobj", "prep") and head.head.i != head.i:
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return None, False
        if quoted is not None and not quoted(verb.idx):
            while quoted(head.idx) and head.head.i != head.i:
                head = head.head
        return subject(head, depth + 1, quoted)
    return None, False


def infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def left_subject(verb: Token) -> Token | None:
    """When the parser lost the subject ("Mr Maduro on Dec 1 swore ..."), the nearest name or
    pronoun to the left in the same sentence, skipping dates and prepositions; finite verbs only."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    sent_start = verb.sent.start
    for tok in reversed(verb.doc[sent_start : verb.i]):
        if tok.ent_type_ in ("DATE", "TIME") or tok.pos_ in (
            "ADP",
            "NUM",
            "ADV",
            "PUNCT",
            "AUX",
            "PART",
        ):
            continue
        if tok.pos_ in ("PROPN", "PRON", "NOUN"):
            while tok.dep_ == "compound" and tok.head.i > tok.i:
                tok = tok.head
            return tok
        return None
    return None


def bare_common_noun(tok: Token, lex: Lexicon) -> bool:
    """A singular common noun with no determiner or modifier that names no kind of source."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN" or any(True for _ in tok.lefts):
        return False
    low = tok.lower_
    return not (
        low in lex.org_nouns
        or low in lex.person_nouns
        or low in lex.source_nouns
        or low in lex.role_titles
    )


def reporter_clause(clause: Token, lex: Lexicon) -> bool:
    marks = [c for c in clause.children if c.dep_ == "mark"]
    first = clause.left_edge
    words = {m.lower_ for m in marks} | {first.lower_}
    if first.i + 1 < len(clause.doc):
        words.add(f"{first.lower_} {first.doc[first.i + 1].lower_}")
    return bool(words & lex.reporter_clauses)


def that_clause(root: Token | None) -> bool:
    return root is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in root.children)


def has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def addressee(tok: Token, lex: Lexicon) -> bool:
    """A person told something: a name, a pronoun, or a word for people ("told reporters")."""
    return (
        tok.pos_ in ("PROPN", "PRON")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or tok.lemma_.lower() in lex.person_nouns
        or tok.lower_ in lex.person_nouns
    )


def relative(tok: Token) -> bool:
    """A subject inside a relative clause ("a ballot which observers said ...")."""
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].tag_ in ("WDT", "WP", "WP$")


def compact_phrase(head: Token) -> list[Token]:
    """A name without its attachments: determiners, compounds and modifiers left of the head."""
    left = [c for c in head.lefts if c.dep_ in ("compound", "det", "amod", "poss", "nummod")]
    toks = [t for c in left for t in c.subtree] + [head]
    return sorted(toks, key=lambda t: t.i)


# --- content ------------------------------------------------------------------------------


def complement(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ == "ccomp":
            edge = child.left_edge
            if edge.tag_ in ("WDT", "WP") and edge.dep_ != "mark" and edge.i > verb.i + 1:
                # "claimed a victory in a ballot which observers said ...": a relative clause
                # the parser hung on the verb is not what the verb says.
                return None
            return child
    for child in verb.children:
        # "said the body had shown ..." sometimes parses as a conjoined or xcomp clause.
        if (
            child.dep_ == "xcomp"
            and child.i > verb.i
            and child.pos_ in ("VERB", "AUX")
            and any(c.dep_ in SUBJECT_DEPS for c in child.children)
        ):
            return child
    return None


def object_content(verb: Token, needs: str, lex: Lexicon) -> tuple[int, int] | None:
    """Content given as the verb's object ("denied all criminal accusations")."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if dobj is None or dobj.lower_ in ("this", "that", "it", "so"):
        return None
    if dobj.pos_ == "PRON" and needs != "complement":
        return None
    if infinitive(verb) and verb.head.lemma_.lower() not in lex.verbs:
        return None  # "began to report their symptoms" reports nothing the article relies on
    if (
        needs == "claim"
        and dobj.lemma_.lower() not in lex.claim_nouns
        and dobj.lower_ not in lex.claim_nouns
    ):
        return None
    tokens = list(dobj.subtree)
    extras = [
        c
        for c in verb.children
        if c.i > dobj.i
        and (c.dep_ in ("oprd", "ccomp") or (c.dep_ == "prep" and c.lower_ in ("as", "of")))
    ]
    if (
        needs == "complement"
        and not extras
        and not any(c.dep_ == "prep" and c.lower_ == "as" for c in dobj.children)
    ):
        return None
    for extra in extras:
        tokens.extend(extra.subtree)
    return tokens_span(tokens)


def sentence_rest(sent: SpacySpan, start: int, end: int, text: str) -> tuple[int, int] | None:
    """What is left of the sentence around an "according to X" phrase at [start, end)."""
    s_start, s_end = sent.start_char, sent.end_char
    before = trim(text, s_start, start)
    after = trim(text, end, s_end)
    if before and after:
        # In the middle ("The data, according to the emails, showed ..."): the whole sentence.
        return trim(text, s_start, s_end)
    return before or after


def hedged_clause(root: Token | None, lex: Lexicon) -> bool:
    if root is None:
        return False
    for child in root.children:
        if (
            child.dep_ in ("aux", "advmod")
            and child.lower_ in lex.hedges
            and (child.lower_ in MODAL_HEDGES or child.dep_ == "advmod")
        ):
            return True
    return False


def verb_hedged(verb: Token, lex: Lexicon) -> bool:
    return any(
        c.dep_ == "advmod" and c.lower_ in lex.hedges and c.lower_ not in MODAL_HEDGES
        for c in verb.children
    )


def norm(tok: Token) -> str:
    low = tok.lower_
    return "not" if low == "n't" else low


def norm_words(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if w.endswith("n't") and len(w) > 3:
            out.extend([w[:-3], "not"])
        else:
            out.append(w)
    return out
