"""Attribution: who says so (cue, source, content), how many of them, and how sure.

``extract(doc, entities)`` finds, in one parsed article:

1. *verb cues* ("said", "told", "denied", "confirmed", ... from ``attribution_verbs.tsv``): the
   source is the verb's subject (climbing from "adding"/"saying" to the clause it hangs on), the
   content its complement clause, its object ("denied the accusations"), or an adjacent direct
   quote, extended over a quote split by the cue ("We will not leave," he said, "ever.");
2. *phrase cues* (``attribution_phrases.tsv``): "according to X" (content: the rest of the
   sentence), "declined to comment"/"did not immediately reply" (polarity decline), "did not
   rule out" (hedged), and the reporter's own "It is unclear if ..." (source type reporter);
3. sources typed, counted and pooled (``sources.py``) and linked to ``entities``;
4. every quoted stretch as a ``Quote``, tied to the attribution whose content holds it.

A cue with no content of its own in a short sentence ("That is what two officials said.") takes
the previous sentence as its content, which is how attributions span sentences.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.model import Attribution, Entity, Polarity, Quote, Source, Span
from storyline.nlp.attribution.lexicon import Lexicon, PhraseCue, lexicon
from storyline.nlp.attribution.quotes import find_quotes
from storyline.nlp.attribution.sources import (
    EntityIndex,
    SourceInfo,
    assign_pools,
    classify,
    link_entity,
    noun_phrase,
    source_span,
    to_source,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

VERSION = "attribution.rules.v1"

__all__ = ["VERSION", "extract"]

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
# Clauses that inherit their subject from the verb they hang on ("..., adding that ...").
INHERITING_DEPS = ("advcl", "xcomp", "conj", "pcomp", "acl")
# A dateline or wire prefix at the start of a content span is the reporter's, not the source's.
DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'\- ]{1,40}(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+"
    r"|\([A-Za-z ]{2,30}\)\s*[-\u2013\u2014]+\s+)"
)
# Between a cue clause and a following quote: punctuation, maybe "and"/"but".
BRIDGE = re.compile(r"^[\s,:;\u2013\u2014-]*(?:(?:and|but|adding|then)[\s,:]*)?$")
# Between a quote and the cue clause after it.
QUOTE_TO_CUE = re.compile(r"^[\s,.!?;:\u2013\u2014-]*$")
TEXT_SOURCES = frozenset({"document", "press_report", "statement", "social_media"})
TOPIC_PREPS = frozenset({"on", "about", "whether", "regarding", "if"})
MODAL_HEDGES = frozenset({"may", "might", "could"})
STRIP_EDGES = " \t\n,;:.\u00a0"


@dataclass(slots=True)
class Found:
    """One attribution before it becomes model objects."""

    cue: tuple[int, int]
    cue_lemma: str
    source: SourceInfo | None
    content: tuple[int, int] | None
    polarity: Polarity
    hedged: bool
    sentence: SpacySpan


class _Quotes:
    """The quoted stretches of the text, searchable by position."""

    def __init__(self, text: str) -> None:
        self.spans = find_quotes(text)
        self.starts = [s for s, _ in self.spans]

    def containing(self, pos: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def ending_before(self, pos: int, text: str) -> tuple[int, int] | None:
        """The quote that closes just before ``pos`` with only punctuation in between."""
        i = bisect.bisect_left(self.starts, pos) - 1
        if i < 0:
            return None
        start, end = self.spans[i]
        if end <= pos and QUOTE_TO_CUE.match(_unquote(text[end:pos])):
            return start, end
        return None

    def starting_after(self, pos: int, text: str) -> tuple[int, int] | None:
        """The quote that opens just after ``pos`` with a comma, colon or "but" in between."""
        i = bisect.bisect_left(self.starts, pos)
        if i >= len(self.spans):
            return None
        start, end = self.spans[i]
        gap = text[pos:start]
        if "\n" not in gap and len(gap) <= 12 and BRIDGE.match(_unquote(gap)):
            return start, end
        return None

    def continuing(self, pos: int, text: str) -> tuple[int, int] | None:
        """A quote that opens right after the sentence ending at or after ``pos``."""
        i = bisect.bisect_left(self.starts, pos)
        if i >= len(self.spans):
            return None
        start, end = self.spans[i]
        gap = text[pos:start]
        if "\n" in gap or len(gap) > 200:
            return None
        # Only the rest of the cue's sentence may sit between: it ends the gap, and no other
        # sentence starts inside it.
        inner = gap.rstrip(' "\u201c\u201d\u201e')
        if inner.strip() and inner[-1] not in ".!?:":
            return None
        if re.search(r"[.!?][\"\u201c\u201d]?\s+\S", inner):
            return None
        return start, end


def _unquote(s: str) -> str:
    return re.sub('["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]', "", s)


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in STRIP_EDGES:
        start += 1
    while end > start and text[end - 1] in STRIP_EDGES:
        end -= 1
    if end <= start:
        return None
    return start, end


def _strip_dateline(text: str, start: int, end: int) -> int:
    m = DATELINE.match(text[start:end])
    return start + m.end() if m else start


def _tokens_span(tokens: list[Token]) -> tuple[int, int] | None:
    if not tokens:
        return None
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


def _clause(
    tok: Token, *, skip_marks: bool = True, lex: Lexicon | None = None
) -> tuple[int, int] | None:
    """A complement clause as a contiguous span, without "that"/"if" at its start, and without
    a trailing "though ..." clause the reporter added (``attribution_reporter_clauses.txt``)."""
    tokens = list(tok.subtree)
    if lex is not None:
        for child in tok.children:
            if child.dep_ == "advcl" and child.i > tok.i and _reporter_clause(child, lex):
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
    return _tokens_span(tokens)


# --- subjects -----------------------------------------------------------------------------


def _subject(
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
    if depth >= 4 or verb.head is verb:
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
            while head.dep_ in ("pobj", "prep") and head.head is not head:
                head = head.head
            if head.pos_ not in ("VERB", "AUX"):
                return None, False
        if quoted is not None and not quoted(verb.idx):
            while quoted(head.idx) and head.head is not head:
                head = head.head
        return _subject(head, depth + 1, quoted)
    return None, False


def _infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _left_subject(verb: Token) -> Token | None:
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


def _bare_common_noun(tok: Token, lex: Lexicon) -> bool:
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


def _reporter_clause(clause: Token, lex: Lexicon) -> bool:
    marks = [c for c in clause.children if c.dep_ == "mark"]
    first = clause.left_edge
    words = {m.lower_ for m in marks} | {first.lower_}
    if first.i + 1 < len(clause.doc):
        words.add(f"{first.lower_} {first.doc[first.i + 1].lower_}")
    return bool(words & lex.reporter_clauses)


def _that_clause(root: Token | None) -> bool:
    return root is not None and any(c.dep_ == "mark" and c.lower_ == "that" for c in root.children)


def _has_object(verb: Token) -> bool:
    return any(c.dep_ in ("dobj", "dative") for c in verb.children)


def _addressee(tok: Token, lex: Lexicon) -> bool:
    """A person told something: a name, a pronoun, or a word for people ("told reporters")."""
    return (
        tok.pos_ in ("PROPN", "PRON")
        or tok.ent_type_ in ("PERSON", "ORG", "NORP")
        or tok.lemma_.lower() in lex.person_nouns
        or tok.lower_ in lex.person_nouns
    )


def _relative(tok: Token) -> bool:
    """A subject inside a relative clause ("a ballot which observers said ...")."""
    first = min(t.i for t in tok.subtree)
    return first > 0 and tok.doc[first - 1].tag_ in ("WDT", "WP", "WP$")


def _compact_phrase(head: Token) -> list[Token]:
    """A name without its attachments: determiners, compounds and modifiers left of the head."""
    left = [c for c in head.lefts if c.dep_ in ("compound", "det", "amod", "poss", "nummod")]
    toks = [t for c in left for t in c.subtree] + [head]
    return sorted(toks, key=lambda t: t.i)


# --- content ------------------------------------------------------------------------------


def _complement(verb: Token) -> Token | None:
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


def _object_content(verb: Token, needs: str, lex: Lexicon) -> tuple[int, int] | None:
    """Content given as the verb's object ("denied all criminal accusations")."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if dobj is None or dobj.lower_ in ("this", "that", "it", "so"):
        return None
    if dobj.pos_ == "PRON" and needs != "complement":
        return None
    if _infinitive(verb) and verb.head.lemma_.lower() not in lex.verbs:
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
    return _tokens_span(tokens)


def _sentence_rest(sent: SpacySpan, start: int, end: int, text: str) -> tuple[int, int] | None:
    """What is left of the sentence around an "according to X" phrase at [start, end)."""
    s_start, s_end = sent.start_char, sent.end_char
    before = _trim(text, s_start, start)
    after = _trim(text, end, s_end)
    if before and after:
        # In the middle ("The data, according to the emails, showed ..."): the whole sentence.
        return _trim(text, s_start, s_end)
    return before or after


def _hedged_clause(root: Token | None, lex: Lexicon) -> bool:
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


def _verb_hedged(verb: Token, lex: Lexicon) -> bool:
    return any(
        c.dep_ == "advmod" and c.lower_ in lex.hedges and c.lower_ not in MODAL_HEDGES
        for c in verb.children
    )


# --- the finder ---------------------------------------------------------------------------


class _Finder:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.quotes = _Quotes(self.text)
        self.found: list[Found] = []
        self.taken: set[int] = set()  # token indexes already part of a phrase cue

    # phrase cues ---------------------------------------------------------------------------

    def phrases(self) -> None:
        by_first: dict[str, list[tuple[list[str], PhraseCue]]] = {}
        for cue in self.lex.phrases:
            words = _norm_words(cue.phrase.split())
            by_first.setdefault(words[0], []).append((words, cue))
        norm = [_norm(t) for t in self.doc]
        n = len(norm)
        for i, word in enumerate(norm):
            for words, cue in by_first.get(word, ()):
                if i + len(words) <= n and norm[i : i + len(words)] == words:
                    if any(j in self.taken for j in range(i, i + len(words))):
                        continue
                    self._phrase(self.doc[i : i + len(words)], cue)

    def _phrase(self, span: SpacySpan, cue: PhraseCue) -> None:
        toks = list(span)
        if self.quotes.containing(toks[0].idx) is not None and cue.kind != "prep":
            return
        self.taken.update(t.i for t in toks)
        sent = toks[0].sent
        if cue.kind == "prep":
            self._according(toks, sent, cue)
        elif cue.kind == "reporter":
            self._reporter(toks, sent, cue)
        else:
            self._declining(toks, sent, cue)

    def _according(self, toks: list[Token], sent: SpacySpan, cue: PhraseCue) -> None:
        to = toks[-1]
        pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
        if pobj is None:
            nxt = to.i + 1
            pobj = (
                self.doc[nxt]
                if nxt < len(self.doc) and self.doc[nxt].pos_ in ("NOUN", "PROPN", "PRON")
                else None
            )
        if pobj is None:
            return
        if _bare_common_noun(pobj, self.lex):
            return  # "according to plan": no source named
        info = classify(pobj, noun_phrase(pobj), self.lex)
        pp = _tokens_span([*toks, *noun_phrase(pobj)])
        content = None
        if pp is not None:
            content = _sentence_rest(sent, pp[0], pp[1], self.text)
            if content is not None:
                words = self.text[content[0] : content[1]].split()
                if (
                    len(words) <= 2
                    and words
                    and words[0].lower() in ("that's", "that", "this", "so")
                ):
                    content = self._previous_sentence(sent)
        cue_span = (toks[0].idx, to.idx + len(to.text))
        self._add(cue_span, "according to", info, content, cue.polarity, cue.hedged, sent)

    def _reporter(self, toks: list[Token], sent: SpacySpan, cue: PhraseCue) -> None:
        it = toks[0]
        rest = toks[1:]
        if any(t.dep_ in ("ccomp", "xcomp", "advcl", "relcl") for t in rest[0].ancestors) or rest[
            0
        ].dep_ in ("ccomp", "xcomp", "advcl", "relcl"):
            return  # "he acknowledges that it remains to be seen ...": his hedge, not ours
        content_start = rest[-1].i + 1
        while content_start < sent.end and self.doc[content_start].lower_ in (
            "if",
            "whether",
            "when",
            "how",
            "why",
            "what",
            "who",
            ",",
        ):
            content_start += 1
        content = None
        if content_start < sent.end:
            content = _trim(self.text, self.doc[content_start].idx, sent.end_char)
        info = SourceInfo(it.idx, it.idx + len(it.text), "reporter", None, None, it)
        cue_span = (rest[0].idx, rest[-1].idx + len(rest[-1].text))
        self._add(
            cue_span, cue.phrase.replace("it ", "", 1), info, content, cue.polarity, True, sent
        )

    def _declining(self, toks: list[Token], sent: SpacySpan, cue: PhraseCue) -> None:
        subj = None
        for tok in toks:
            subj, _passive = _subject(tok)
            if subj is not None:
                break
        if subj is None:
            # "could not be reached": the passive subject is the one not answering.
            for tok in toks:
                subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
                if subj is not None:
                    break
        info = classify(subj, noun_phrase(subj), self.lex) if subj is not None else None
        content = None
        last = toks[-1]
        if cue.kind == "hedge_verb":
            obj = next((c for c in last.children if c.dep_ in ("dobj", "ccomp")), None)
            if obj is None and last.head.i in {t.i for t in toks}:
                obj = next((c for c in last.head.children if c.dep_ in ("dobj", "ccomp")), None)
            if obj is not None:
                content = _clause(obj)
        else:
            content = self._topic(toks)
        cue_span = (toks[0].idx, last.idx + len(last.text))
        self._add(cue_span, cue.phrase, info, content, cue.polarity, cue.hedged, sent)

    def _topic(self, toks: list[Token]) -> tuple[int, int] | None:
        """ "declined to comment on X" -> X; "did not reply to requests for comment" -> None."""
        nxt = toks[-1].i + 1
        if nxt >= len(self.doc):
            return None
        prep = self.doc[nxt]
        if prep.lower_ == "to":
            # "did not respond to a request for comment about X": X is the topic.
            inner = [
                t for t in prep.subtree if t.lower_ in ("about", "on", "regarding") and t.i > nxt
            ]
            if not inner:
                return None
            prep = inner[0]
        if prep.lower_ not in TOPIC_PREPS:
            return None
        objs = [t for t in prep.subtree if t.i > prep.i]
        return _tokens_span(objs) if objs else None

    # verb cues -----------------------------------------------------------------------------

    def verbs(self) -> None:
        for tok in self.doc:
            if tok.i in self.taken or tok.pos_ not in ("VERB", "AUX"):
                continue
            rule = self.lex.verbs.get(tok.lemma_.lower())
            if rule is None:
                continue
            if self.quotes.containing(tok.idx) is not None:
                continue  # speech reported inside a quote is the speaker's, not the article's
            self._verb(tok, rule.needs, rule.polarity, rule.hedged)

    def _verb(self, verb: Token, needs: str, polarity: Polarity, hedged: bool) -> None:
        if verb.lemma_.lower() in ("say", "tell") and verb.dep_ == "amod":
            return
        if _infinitive(verb) and verb.head.pos_ == "ADJ":
            return  # "was wrong to claim X": X is not claimed by anyone now
        subj, passive = _subject(verb, quoted=self._in_quote)
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subj = verb.head  # "a field of data that showed ...", "Mr X, who said ..."
        fallback_source = False
        if subj is None and not passive:
            subj = _left_subject(verb)
            fallback_source = subj is not None
        if subj is not None and subj.lower_ in ("i", "we", "you", "me", "us"):
            return
        sent = verb.sent
        root = _complement(verb)
        content, quoted = self._content(verb, subj, root, needs)
        if content is None and needs in ("claim", "complement", "quote"):
            return
        if content is None and subj is None:
            return
        if content is None and subj is not None and not _has_object(verb):
            content = self._short_sentence_content(verb, sent)
        if content is None:
            return
        if subj is None and not passive and root is None and not quoted:
            return
        content = self._cut_at_phrase_cue(content, verb)
        if content is None:
            return
        info = None
        if subj is not None:
            phrase = _compact_phrase(subj) if fallback_source else noun_phrase(subj, verb)
            info = classify(subj, phrase, self.lex)
            if info is not None and not fallback_source:
                self._extend_anonymity(info, verb)
        if (
            needs == "finding"
            and not _that_clause(root)
            and (info is None or info.type not in TEXT_SOURCES)
        ):
            return  # "deputies found him hiding": a finding needs "that" or a text as its source
        hedged = hedged or _verb_hedged(verb, self.lex) or _hedged_clause(root, self.lex)
        # "is said to be", "is believed to have": nobody stands behind it.
        hedged = hedged or (passive and subj is None and content is not None and root is None)
        cue = (verb.idx, verb.idx + len(verb.text))
        self._add(cue, verb.lemma_.lower(), info, content, polarity, hedged, sent)

    def _drop_reporter_clause(self, content: tuple[int, int] | None) -> tuple[int, int] | None:
        """Cut ", although ..." off a content even where the parser hung it elsewhere."""
        if content is None:
            return None
        start, end = content
        low = self.text[start:end].lower()
        cut = end
        for word in self.lex.reporter_clauses:
            at = low.find(f", {word} ")
            if at > 0 and self.quotes.containing(start + at) is None:
                cut = min(cut, start + at)
        return _trim(self.text, start, cut) if cut < end else content

    def _raised_passive(self, verb: Token) -> tuple[int, int] | None:
        """ "X is said to be Y", "X is believed to have left": the whole raised clause."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if subj is None or comp is None or subj.lower_ in ("it", "this", "that"):
            return None
        return _tokens_span([*subj.subtree, *comp.subtree])

    def _cut_at_phrase_cue(
        self, content: tuple[int, int] | None, verb: Token
    ) -> tuple[int, int] | None:
        """ "said they would not use it, according to a poll": the content stops before the
        other attribution's cue."""
        if content is None:
            return None
        start, end = content
        for i in sorted(self.taken):
            tok = self.doc[i]
            if tok.i > verb.i and start < tok.idx < end and self.quotes.containing(tok.idx) is None:
                return _trim(self.text, start, tok.idx)
        return content

    def _extend_anonymity(self, info: SourceInfo, verb: Token) -> None:
        """ "a Trump administration official also speaking on condition of anonymity said": the
        anonymity phrase the parser cut off still describes the source."""
        if info.end >= verb.idx or info.type not in ("anonymous_person", "anonymous_group"):
            return
        gap = self.text[info.end : verb.idx]
        low = gap.lower()
        if "\n" in gap or not any(p in low for p in self.lex.anonymity):
            return
        trimmed = _trim(self.text, info.start, info.end + len(gap))
        if trimmed is not None:
            info.end = trimmed[1]
            if info.description is None:
                info.description = self.text[info.end - len(gap.strip(STRIP_EDGES)) : info.end]

    def _in_quote(self, pos: int) -> bool:
        return self.quotes.containing(pos) is not None

    def _bare_report(self, verb: Token) -> bool:
        """ "X said on Tuesday." with nothing else: still worth keeping when a quote is near."""
        return False

    def _content(
        self, verb: Token, subj: Token | None, root: Token | None, needs: str
    ) -> tuple[tuple[int, int] | None, bool]:
        """The content of a verb cue and whether it is a direct quote."""
        adjacent = self._quote_content(verb, subj)
        if root is not None:
            if self.quotes.containing(root.idx) is not None and adjacent is not None:
                return adjacent, True
            content = self._drop_reporter_clause(_clause(root, lex=self.lex))
            if content is not None and root.i < verb.i:
                # "Abe hasn't decided ..., Trump said, but "we'd live with it"": a quote after
                # the cue continues the content that came before it.
                after = self.quotes.starting_after(self._clause_end(verb), self.text)
                if after is None and self._starts_quote(content):
                    # ""They aren't buying" impeachment, Trump said. "You see it ...": the
                    # quote after the cue's sentence goes on with the same speaker.
                    after = self.quotes.continuing(self._clause_end(verb), self.text)
                if after is not None:
                    content = (content[0], after[1])
            return self._cut_before_cue(content, verb), False
        if adjacent is not None and needs != "claim":
            return adjacent, True
        if needs not in ("clause", "quote", "finding"):
            obj = _object_content(verb, needs, self.lex)
            if obj is not None:
                return obj, self._starts_quote(obj)
            if needs in ("claim", "complement"):
                return None, False
        if verb.dep_ == "parataxis" and verb.head.i < verb.i:
            return self._paratactic(verb, subj), False
        if needs == "quote":
            return None, False
        raised = self._raised_passive(verb)
        if raised is not None:
            return raised, False
        return self._linear_clause(verb), False

    def _cut_before_cue(
        self, content: tuple[int, int] | None, verb: Token
    ) -> tuple[int, int] | None:
        """A clause that wraps its own cue ("which observers said the opposition won") starts
        after the cue, unless the cue sits inside quoted content."""
        if content is None:
            return None
        start, end = content
        if start < verb.idx < end and self.quotes.containing(start) is None:
            start = verb.idx + len(verb.text)
        return _trim(self.text, start, end)

    def _paratactic(self, verb: Token, subj: Token | None) -> tuple[int, int] | None:
        """ "Abe hasn't decided whether ..., Trump said": the clause the cue interrupts."""
        head = verb.head
        own = {t.i for t in verb.subtree}
        before = [t for t in head.subtree if t.i not in own and t.i < verb.i]
        span = _tokens_span(before)
        if span is None:
            return None
        end = self._clause_start(verb, subj)
        content = _trim(self.text, span[0], min(span[1], end))
        if content is None:
            return None
        after = self.quotes.starting_after(self._clause_end(verb), self.text)
        if after is not None:
            content = (content[0], after[1])
        return content

    def _linear_clause(self, verb: Token) -> tuple[int, int] | None:
        """When the parser missed the complement ("told Mr Trump during the call he was willing
        ..."): from the next subject after the cue to the end of the cue's clause."""
        sent = verb.sent
        dobj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
        if dobj is not None and not _addressee(dobj, self.lex):
            return None  # "claimed a re-election victory in a ballot that ...": no clause
        limit = max(t.i for t in verb.subtree)
        if verb.dep_ == "relcl":
            limit = sent.end - 1
        for tok in self.doc[verb.i + 1 : limit + 1]:
            if tok.is_punct and tok.text in ".;":
                break
            if (
                tok.dep_ in SUBJECT_DEPS
                and tok.head.i > tok.i
                and tok.head.i != verb.i
                and not _relative(tok)
            ):
                end = max(max(t.i for t in tok.head.subtree), limit if verb.dep_ != "relcl" else 0)
                return _trim(self.text, tok.idx, self.doc[end].idx + len(self.doc[end].text))
            if verb.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX") and tok.i == verb.i + 1:
                # "a group the administration says includes Mr Maduro"
                stop = tok.i
                while stop + 1 < sent.end and self.doc[stop + 1].text not in ",;.":
                    stop += 1
                return _trim(self.text, tok.idx, self.doc[stop].idx + len(self.doc[stop].text))
        return None

    def _starts_quote(self, content: tuple[int, int]) -> bool:
        q = self.quotes.containing(content[0]) or self.quotes.containing(content[0] + 1)
        return q is not None

    def _clause_end(self, verb: Token) -> int:
        """Where the cue clause ("he said at an event on Jan 30") ends in the text."""
        end = verb.idx + len(verb.text)
        for child in verb.children:
            if child.i > verb.i and child.dep_ in (
                "nsubj",
                "prep",
                "npadvmod",
                "advmod",
                "dobj",
                "dative",
                "agent",
                "advcl",
                "xcomp",
            ):
                if self.quotes.containing(child.idx) is not None:
                    continue
                span = _tokens_span(
                    [t for t in child.subtree if self.quotes.containing(t.idx) is None]
                )
                if span is not None:
                    end = max(end, span[1])
        return end

    def _clause_start(self, verb: Token, subj: Token | None) -> int:
        start = verb.idx
        if subj is not None:
            phrase = source_span(noun_phrase(subj))
            if phrase is not None:
                start = min(start, phrase[0])
        for child in verb.children:
            if child.i < verb.i and child.dep_ in ("aux", "neg", "advmod", "npadvmod", "nsubj"):
                start = min(start, child.idx)
        return start

    def _quote_content(self, verb: Token, subj: Token | None) -> tuple[int, int] | None:
        """A direct quote next to the cue, extended over quotes that continue it."""
        before = self.quotes.ending_before(self._clause_start(verb, subj), self.text)
        after = self.quotes.starting_after(self._clause_end(verb), self.text)
        if after is not None and not self._ends_clause(after):
            after = None  # a mixed quote ("swore "absolute loyalty" to ..."): not the content
        if before is not None:
            span = before
            nxt = self.quotes.continuing(self._clause_end(verb), self.text)
            if after is not None:
                span = (before[0], after[1])
            elif nxt is not None:
                span = (before[0], nxt[1])
            return self._extend(span)
        if after is not None:
            return self._extend(after)
        return None

    def _ends_clause(self, quote: tuple[int, int]) -> bool:
        """Whether a quote closes its clause (punctuation or the end follows the closing mark)."""
        if self.text[quote[1] - 1] in ".,!?;:":
            return True  # "... paid for," confirming ...: the quote's own comma closes it
        rest = _unquote(self.text[quote[1] : quote[1] + 4]).lstrip(" ")
        return not rest or rest[0] in ".,!?;:\n\u2014\u2013-)"

    def _extend(self, span: tuple[int, int]) -> tuple[int, int]:
        """Run on over quotes that follow without an attribution of their own between."""
        start, end = span
        while True:
            nxt = self.quotes.starting_after(end + 1, self.text)
            if nxt is None or nxt[0] <= end:
                break
            gap = self.text[end : nxt[0]]
            if len(gap.strip(' "\u201c\u201d,')) > 0:
                break
            end = nxt[1]
        return start, end

    def _short_sentence_content(self, verb: Token, sent: SpacySpan) -> tuple[int, int] | None:
        """ "That is what two officials said.": the content is the sentence before."""
        words = [t for t in sent if not t.is_punct]
        if len(words) > 8:
            return None
        return self._previous_sentence(sent)

    def _previous_sentence(self, sent: SpacySpan) -> tuple[int, int] | None:
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        if "\n\n" in self.text[prev.end_char : sent.start_char]:
            return None
        return _trim(self.text, prev.start_char, prev.end_char)

    # output --------------------------------------------------------------------------------

    def _add(
        self,
        cue: tuple[int, int],
        lemma: str,
        source: SourceInfo | None,
        content: tuple[int, int] | None,
        polarity: Polarity,
        hedged: bool,
        sent: SpacySpan,
    ) -> None:
        if content is not None:
            content = _trim(self.text, _strip_dateline(self.text, *content), content[1])
        if source is None and content is None and polarity != "decline":
            return
        self.found.append(Found(cue, lemma, source, content, polarity, hedged, sent))


def _norm(tok: Token) -> str:
    low = tok.lower_
    return "not" if low == "n't" else low


def _norm_words(words: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        if w.endswith("n't") and len(w) > 3:
            out.extend([w[:-3], "not"])
        else:
            out.append(w)
    return out


def extract(doc: Doc, entities: list[Entity]) -> tuple[list[Attribution], list[Quote]]:
    """Attributions and quotes in one parsed article (see the module docstring)."""
    text = doc.text
    if not text.strip():
        return [], []
    lex = lexicon()
    finder = _Finder(doc, lex)
    finder.phrases()
    finder.verbs()
    index = EntityIndex.build(entities)
    found = sorted(finder.found, key=lambda f: f.cue)
    attributions: list[Attribution] = []
    pooled: list[tuple[Source, SourceInfo]] = []
    seen: set[tuple[int, int]] = set()
    for f in found:
        if f.cue in seen:
            continue
        seen.add(f.cue)
        source = None
        if f.source is not None:
            f.source.entity_id = link_entity(f.source, index)
            source = to_source(f.source, text)
            pooled.append((source, f.source))
        content = (
            Span(f.content[0], f.content[1], text[f.content[0] : f.content[1]])
            if f.content
            else None
        )
        direct = content is not None and any(
            s < content.end and content.start < e for s, e in finder.quotes.spans
        )
        attributions.append(
            Attribution(
                cue=Span(f.cue[0], f.cue[1], text[f.cue[0] : f.cue[1]]),
                source=source,
                content=content,
                polarity=f.polarity,
                hedged=f.hedged,
                direct_quote=direct,
                cue_lemma=f.cue_lemma,
            )
        )
    assign_pools(pooled)
    quotes = _quotes(finder.quotes.spans, attributions, text)
    return attributions, quotes


def _quotes(
    spans: list[tuple[int, int]], attributions: list[Attribution], text: str
) -> list[Quote]:
    out = []
    for start, end in spans:
        owner = None
        for i, att in enumerate(attributions):
            c = att.content
            if c is not None and c.start <= start and end <= c.end + 1:
                owner = i
                break
        speaker = None
        if owner is not None:
            src = attributions[owner].source
            speaker = src.entity_id if src else None
        out.append(Quote(start, end, text[start:end], speaker, owner))
    return out
