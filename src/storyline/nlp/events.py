"""Event mentions: clauses that report something happening, compressed to a summary, dated,
with their actors and the attributions that back them.

``extract(doc, *, timexes, entities, attributions, dct) -> list[EventMention]`` reads the
parse already made for the article (no second spaCy run) and works sentence by sentence:

1. **Which clauses.** The main clause and its verb conjuncts ("Trump rejected ... but told ...")
   are events. A framing clause ("X said", "according to X", the attribution step's cues, and
   event_frames.txt) is not: its content clause is. A framing verb stays an event when it has its
   own date ("confirmed on Nov 30 that ...") or a named addressee ("told Mr Maduro ..."). A
   subordinate clause with its own date ("..., prompting Mr Trump to declare on Nov 29 ...")
   becomes an event of its own. Clauses about the reporting itself (event_non_events.txt:
   "declined to elaborate") and undated copular descriptions are skipped.
2. **When.** Each time expression hangs on the nearest clause above it in the parse; a date
   (DATE/TIME) dates that clause, a duration with a resolved end (a deadline, "a week to
   leave") dates it by that end and marks it a deadline. A noun the text dates ("the call, on Nov
   21") dates later clauses that refer back to it with a definite "on/during the call"; nothing
   else is guessed.
3. **What.** The summary is the clause compressed along the parse: subject, verb, objects and
   complements; relative clauses, appositions, adverbial clauses, attribution frames, date
   phrases and honorifics dropped; a pronoun whose antecedent is not in the summary replaced by
   the entity's name; a subject shared with an earlier verb supplied ("..., prompting Mr Trump to
   declare ..." -> "Trump declared ...").
4. **Who and who says so.** Actors are the entities mentioned in the summary; attributions are
   those whose content overlaps the clause, or that have no content and sit in the sentence.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from storyline.errors import RuleFileError
from storyline.model import Attribution, Entity, EventDate, EventMention, Span, Timex
from storyline.rules import load_list, load_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

VERSION = "events.rules.v1"

CLAUSE_DEPS = frozenset(
    {"ROOT", "conj", "ccomp", "advcl", "relcl", "xcomp", "pcomp", "acl", "csubj", "parataxis"}
)
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
# Children dropped from a summary: other clauses, asides, punctuation, connectives.
DROP_DEPS = frozenset(
    {
        "relcl",
        "appos",
        "advcl",
        "parataxis",
        "cc",
        "mark",
        "intj",
        "dep",
        "meta",
        "discourse",
        "preconj",
        "acl",
        "predet",
    }
)
# Prepositions that put a clause at the time of the noun they govern ("during the call").
AT_PREPS = frozenset({"on", "during", "in", "at"})
DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’"})
PRONOUN_LEMMAS = frozenset({"he", "she", "it", "they", "him", "her", "them", "his", "its", "their"})
POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
# Adverbs that carry the meaning of the clause: negation and verb particles ("hit back").
KEPT_ADVERBS = frozenset(
    {
        "not",
        "never",
        "n't",
        "back",
        "out",
        "up",
        "down",
        "off",
        "away",
        "home",
        "together",
        "apart",
        "ahead",
        "forward",
        "again",
    }
)
# A summary longer than this many tokens is compressed further (fewer nested phrases).
MAX_SUMMARY_TOKENS = 22
_ISO_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2}(?:T[\d:.]+)?)?)?$")


@dataclass(frozen=True, slots=True)
class _Rules:
    frames: frozenset[str]
    cue_verbs: frozenset[str]
    non_events: frozenset[str]
    honorifics: frozenset[str]
    past: dict[str, str]


@functools.cache
def _rules() -> _Rules:
    try:
        cue_verbs = frozenset(r["lemma"].lower() for r in load_table("attribution_verbs.tsv"))
    except RuleFileError:  # the attribution step's list is optional here
        cue_verbs = frozenset()
    return _Rules(
        frames=frozenset(load_list("event_frames.txt", lower=True)),
        cue_verbs=cue_verbs,
        non_events=frozenset(load_list("event_non_events.txt", lower=True)),
        honorifics=frozenset(r["honorific"].lower() for r in load_table("honorifics.tsv")),
        past={r["lemma"]: r["past"] for r in load_table("irregular_verbs.tsv")},
    )


def past_tense(lemma: str) -> str:
    """The simple past of a verb: irregular_verbs.tsv, else the regular spelling rules."""
    irregular = _rules().past.get(lemma)
    if irregular:
        return irregular
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


def event_date(timex: Timex, index: int | None = None) -> tuple[EventDate | None, bool]:
    """The date a time expression gives an event, and whether it is a deadline."""
    value = timex.value
    deadline = False
    if timex.type == "DURATION":
        if not timex.resolved_end:
            return None, False
        value, deadline = timex.resolved_end, bool(timex.deadline)
    elif timex.type == "SET":
        return None, False
    if not _ISO_DATE.match(value or ""):
        return None, False
    if "T" in value:
        precision = "time"
    elif len(value) == 10:
        precision = "day"
    elif len(value) == 7:
        precision = "month"
    else:
        precision = "year"
    return EventDate(value, precision, index), deadline  # type: ignore[arg-type]


# --------------------------------------------------------------------------- indexes


@dataclass(slots=True)
class _Index:
    """Token-level lookups built once per article (all linear in the text)."""

    doc: Doc
    timex_of: list[int]  # token -> timex index or -1
    entity_of: list[int]  # token -> entity index or -1
    frame_tokens: bytearray  # tokens of attribution cues and sources
    cue_tokens: bytearray
    timexes: list[Timex]
    entities: list[Entity]
    attributions: list[Attribution]
    # entity index -> sentence indexes where it has a named (non-pronoun) mention
    named_in: list[set[int]] = field(default_factory=list)
    # doc.text, built once: spaCy rebuilds it from the tokens on every access.
    text: str = ""


def _token_range(doc: Doc, start: int, end: int) -> range:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return range(0)
    return range(span.start, span.end)


def _build_index(
    doc: Doc, timexes: list[Timex], entities: list[Entity], attributions: list[Attribution]
) -> _Index:
    n = len(doc)
    timex_of = [-1] * n
    for ti, t in enumerate(timexes):
        for i in _token_range(doc, t.start, t.end):
            timex_of[i] = ti
    entity_of = [-1] * n
    named_in: list[set[int]] = [set() for _ in entities]
    sent_of = [0] * n
    for si, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            sent_of[i] = si
    for ei, ent in enumerate(entities):
        for m in ent.mentions:
            rng = _token_range(doc, m.start, m.end)
            for i in rng:
                if entity_of[i] == -1:
                    entity_of[i] = ei
            if len(rng) and m.text.lower() not in PRONOUN_LEMMAS:
                named_in[ei].add(sent_of[rng.start])
    frame_tokens = bytearray(n)
    cue_tokens = bytearray(n)
    for at in attributions:
        for i in _token_range(doc, at.cue.start, at.cue.end):
            frame_tokens[i] = 1
            cue_tokens[i] = 1
        if at.source is not None:
            for i in _token_range(doc, at.source.start, at.source.end):
                frame_tokens[i] = 1
    return _Index(
        doc,
        timex_of,
        entity_of,
        frame_tokens,
        cue_tokens,
        timexes,
        entities,
        attributions,
        named_in,
        doc.text,
    )


# --------------------------------------------------------------------------- clauses


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
RELATIVIZERS = frozenset({"WDT", "WP", "WP$", "WRB"})


def _is_clause_verb(tok: Token) -> bool:
    # A finite verb heads a clause wherever the parser hung it ("Mr Maduro on Dec 1 swore"
    # is parsed with "swore" as the object of "on").
    return tok.pos_ in ("VERB", "AUX") and (
        tok.dep_ in CLAUSE_DEPS or tok.head.i == tok.i or tok.tag_ in FINITE_TAGS
    )


def _relative(tok: Token) -> bool:
    """A clause opened by a relative word ("which independent observers said ...")."""
    return any(t.tag_ in RELATIVIZERS for t in tok.subtree if t.i < tok.i)


def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in SUBJECT_DEPS for c in tok.children)


def _content_clauses(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]


def _is_frame(tok: Token, idx: _Index) -> bool:
    """A verb that only frames a claim (with a content clause): "said", "stressed that"."""
    r = _rules()
    lemma = tok.lemma_.lower()
    if not (idx.cue_tokens[tok.i] or lemma in r.frames or lemma in r.cue_verbs):
        return False
    if not _content_clauses(tok):
        # "according to" and cue verbs without a clause ("denied the accusations") frame nothing
        # we could extract instead; they are events only when not pure attribution.
        return lemma in r.frames
    # "told Mr Maduro he had a week": the telling, to someone named, is itself an event.
    return not any(c.dep_ in ("dobj", "dative") and idx.entity_of[c.i] >= 0 for c in tok.children)


def _verb_conjuncts(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")]


def _main_clauses(sent: SpacySpan, idx: _Index, dated: set[int]) -> list[Token]:
    """The sentence's event verbs: main clause and conjuncts, framing verbs unwrapped."""
    out: list[Token] = []
    root = sent.root
    if root.pos_ not in ("VERB", "AUX"):
        # A misparse with a noun at the root: take the first finite verb instead.
        finite = [t for t in sent if t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE_TAGS]
        if not finite:
            return out
        root = finite[0]
    frontier = [root]
    seen: set[int] = set()
    while frontier:
        v = frontier.pop(0)
        if v.i in seen:
            continue
        seen.add(v.i)
        frontier.extend(_verb_conjuncts(v))
        if _is_frame(v, idx) and v.i not in dated:
            frontier.extend(_content_clauses(v))
            continue
        out.append(v)
    return out


def _is_non_event(v: Token, idx: _Index, dated: set[int]) -> bool:
    r = _rules()
    if v.lemma_.lower() in r.non_events:
        return True
    # "declined to elaborate": the verb under a non-event verb is part of it.
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in r.non_events:
        return True
    if v.i in dated:
        return False
    # Undated copular descriptions ("It is unclear if ...") and bare frames tell no event.
    if v.lemma_ == "be" and not any(c.dep_ in ("attr",) for c in v.children):
        return True
    # A denial, a refusal to comment or a hedge ("did not rule out") is who-says-what, not
    # something that happened.
    return any(
        at.polarity in ("deny", "decline") or at.hedged
        for at in idx.attributions
        if at.cue.start <= v.idx < at.cue.end
    )


# --------------------------------------------------------------------------- dates


@dataclass(slots=True)
class _Dating:
    # verb token -> (timex index, EventDate, deadline), best first
    verbs: dict[int, tuple[int, EventDate, bool]] = field(default_factory=dict)
    # nominal events ("Mr Maduro, in power since 2013,"): (entity token, phrase head, timex)
    nominal: list[tuple[Token, Token, int, EventDate]] = field(default_factory=list)
    # the same found from the words alone: (entity token, aside tokens, timex, date)
    asides: list[tuple[Token, list[Token], int, EventDate]] = field(default_factory=list)


_PRECISION_RANK = {"year": 1, "month": 2, "day": 3, "time": 4}


def _better(new: tuple[int, EventDate, bool], old: tuple[int, EventDate, bool] | None) -> bool:
    if old is None:
        return True
    return _PRECISION_RANK[new[1].precision] > _PRECISION_RANK[old[1].precision]


def _date_sentence(sent: SpacySpan, idx: _Index, noun_dates: dict[str, EventDate]) -> _Dating:
    dating = _Dating()
    seen: set[int] = set()
    for tok in sent:
        ti = idx.timex_of[tok.i]
        if ti < 0 or ti in seen:
            continue
        seen.add(ti)
        timex = idx.timexes[ti]
        date, deadline = event_date(timex, ti)
        if date is None:
            continue
        rng = _token_range(idx.doc, timex.start, timex.end)
        if not len(rng):
            continue
        aside = _aside(sent, rng, idx)
        if aside is not None:
            ent_tok, phrase_tokens = aside
            dating.asides.append((ent_tok, phrase_tokens, ti, date))
            continue
        root = idx.doc[rng.start : rng.stop].root
        _attach(root, ti, date, deadline, idx, dating, noun_dates, rng)
    return dating


def _aside(sent: SpacySpan, rng: range, idx: _Index) -> tuple[Token, list[Token]] | None:
    """ "Mr Maduro, in power since 2013, ...": a verbless aside between commas right after a
    name, holding the time expression. Found on the words, because parsers often hang such
    asides on the verb."""
    doc = idx.doc
    left = rng.start - 1
    while left >= sent.start and doc[left].text != "," and rng.start - left <= 6:
        left -= 1
    right = rng.stop
    while right < sent.end and doc[right].text not in (",", ".") and right - rng.stop <= 3:
        right += 1
    if left < sent.start + 1 or right >= sent.end or doc[left].text != ",":
        return None
    if doc[right].text not in (",", "."):
        return None
    before = doc[left - 1]
    if idx.entity_of[before.i] < 0 or before.pos_ not in ("PROPN", "NOUN"):
        return None
    inside = [doc[i] for i in range(left + 1, right)]
    if not inside or inside[0].pos_ != "ADP" or any(t.pos_ in ("VERB", "AUX") for t in inside):
        return None
    words = [t for t in inside if t.i not in rng]
    # "in power since [2013]": the preposition of the dropped date goes with it.
    while words and words[-1].pos_ in ("ADP", "SCONJ") and words[-1].i == rng.start - 1:
        rng = range(words[-1].i, rng.stop)
        words.pop()
    return before, words


def _attach(
    root: Token,
    ti: int,
    date: EventDate,
    deadline: bool,
    idx: _Index,
    dating: _Dating,
    noun_dates: dict[str, EventDate],
    rng: range,
) -> None:
    """Walk up from a time expression to the clause it dates.

    On the way, the first common noun is dated ("the call, on Nov 21"), together with a
    relative clause on it ("a call in November where Mr Trump refused ..."); that noun passes
    the date on to its clause only when it is the clause's subject ("The call, on Nov 21,
    came ..."). A named entity reached through a phrase set off by commas ("Mr Maduro, in power
    since 2013,") makes a verbless event of that phrase.
    """
    prev = root
    cur = root
    dated_noun: Token | None = None
    entry = (ti, date, deadline)
    while True:
        if cur.i != root.i and cur.i not in rng:
            if _is_clause_verb(cur):
                # The noun's date is the clause's when the noun is its subject or object
                # ("The call, on Nov 21, came ...", "held talks on Dec 1").
                passes = dated_noun is None or (
                    dated_noun.head.i == cur.i and dated_noun.dep_ in SUBJECT_DEPS | {"dobj"}
                )
                if passes and _better(entry, dating.verbs.get(cur.i)):
                    dating.verbs[cur.i] = entry
                return
            if cur.pos_ in ("NOUN", "PROPN") and idx.entity_of[cur.i] >= 0:
                if prev.dep_ in ("prep", "appos", "amod", "acl"):
                    left = prev.left_edge.i - 1
                    if left >= 0 and idx.doc[left].text == ",":
                        dating.nominal.append((cur, prev, ti, date))
                        return
                if dated_noun is None and cur.dep_ not in SUBJECT_DEPS:
                    return
            elif cur.pos_ == "NOUN" and dated_noun is None and not deadline:
                dated_noun = cur
                # "the call, on Nov 21": later "on the call" means that day.
                noun_dates[cur.lemma_.lower()] = date
                # "a call in November where Mr Trump refused ...": the relative clause.
                for child in cur.children:
                    if (
                        child.dep_ == "relcl"
                        and _has_subject(child)
                        and _better(entry, dating.verbs.get(child.i))
                    ):
                        dating.verbs[child.i] = entry
        if cur.head.i == cur.i:
            return
        prev, cur = cur, cur.head


def _back_reference(v: Token, keep: set[int], idx: _Index, noun_dates: dict[str, EventDate]):
    """A date the text gives the clause by referring back: "on the call" after "the call, on
    Nov 21"."""
    for i in sorted(keep):
        tok = idx.doc[i]
        if tok.dep_ != "pobj" or tok.head.lower_ not in AT_PREPS:
            continue
        if tok.pos_ != "NOUN" or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in tok.children
        ):
            continue
        date = noun_dates.get(tok.lemma_.lower())
        if date is not None:
            return date
    return None


# --------------------------------------------------------------------------- summaries


def _timex_phrase(tok: Token, idx: _Index) -> bool:
    """An adjunct that only gives a time ("on Nov 28", "last year"); not an object that is a
    time ("had a week to leave")."""
    if tok.dep_ in ("npadvmod", "advmod", "tmod", "prep"):
        return all(
            idx.timex_of[t.i] >= 0 or (t.i == tok.i and tok.dep_ == "prep") for t in tok.subtree
        )
    return False


def _drop(child: Token, idx: _Index, depth: int, max_depth: int) -> bool:
    dep = child.dep_
    # Attribution frames go ("according to four sources"), but not the subject of a clause we
    # keep as an event ("Mr Trump" in "Mr Trump confirmed ...").
    if idx.frame_tokens[child.i] and dep not in SUBJECT_DEPS:
        return True
    # An appositive name completes a title ("Venezuela's President, Nicolas Maduro").
    if dep == "appos" and idx.entity_of[child.i] >= 0 and idx.entity_of[child.head.i] < 0:
        return False
    if dep in ("ccomp", "conj") and child.pos_ in ("VERB", "AUX") and _relative(child):
        return True
    # "a reward for information leading to Mr Maduro's arrest": a participle completes its noun.
    if dep == "acl" and child.tag_ in ("VBG", "VBN") and not _has_subject(child):
        return False
    if dep in DROP_DEPS:
        if dep == "relcl" and not _relative(child):
            # A "relative clause" with a pronoun subject and no relative word is usually a
            # misparsed content clause ("told Mr Trump during the call he was willing ...");
            # an infinitive one completes its noun ("a week to leave Venezuela").
            subj = [c for c in child.children if c.dep_ in SUBJECT_DEPS]
            if subj:
                return subj[0].pos_ != "PRON"
            return not any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if dep == "mark":
            return child.lower_ != "that" or child.head.dep_ != "ccomp"
        if dep == "cc":
            return child.head.pos_ in ("VERB", "AUX")
        return True
    if dep == "conj" and child.pos_ in ("VERB", "AUX"):
        return True
    if dep == "punct":
        return child.text not in QUOTES and child.tag_ != "HYPH"
    if dep == "advmod" and child.lower_ not in KEPT_ADVERBS:
        return True
    if _timex_phrase(child, idx):
        return True
    if dep == "prep":
        if child.lower_ in ("according", "among", "without", "including", "despite"):
            return True
        if depth >= max_depth:
            return True
        # "without providing details", "provided he had amnesty": clauses in a preposition.
        if any(c.dep_ in ("pcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in child.children):
            return True
    return dep == "det" and child.lower_ in DEMONSTRATIVES and child.i == child.head.left_edge.i


def _dateline_end(sent: SpacySpan) -> int:
    """The first token after a dateline opening the sentence ("WASHINGTON - ")."""
    for k in range(min(6, len(sent))):
        tok = sent[k]
        if tok.text in ("-", "–", "—", ":") and k > 0:
            if all(t.is_upper or t.is_punct or t.is_space for t in sent[:k]):
                return tok.i + 1
            return sent.start
        if not (tok.is_upper or tok.is_punct or tok.is_space):
            return sent.start
    return sent.start


def _collect(v: Token, idx: _Index, max_depth: int) -> set[int]:
    keep: set[int] = set()
    floor = _dateline_end(v.sent)
    stack = [(v, 0, False)]
    while stack:
        tok, depth, in_subject = stack.pop()
        keep.add(tok.i)
        for child in tok.children:
            if child.i == v.i or child.i < floor:
                continue
            if not (in_subject and idx.frame_tokens[child.i]) and _drop(
                child, idx, depth, max_depth
            ):
                continue
            # The event's own clause needs no "that" ("that disagreements remained").
            if tok.i == v.i and child.dep_ == "mark":
                continue
            # Content clauses are kept, but not the "that" that opens them.
            subject = in_subject or (tok.i == v.i and child.dep_ in SUBJECT_DEPS)
            stack.append((child, depth + (1 if child.dep_ == "prep" else 0), subject))
    return keep


def _borrowed_subject(v: Token) -> Token | None:
    """The subject a clause shares with the verb above it.

    "Trump rejected ... but told ..." (conjunct: the first verb's subject); "prompting Mr Trump
    to declare ..." (object control: the object of the verb above).
    """
    cur = v
    for _ in range(4):
        if _has_subject(cur):
            return None if cur is v else next(c for c in cur.children if c.dep_ in SUBJECT_DEPS)
        head = cur.head
        if head.i == cur.i:
            return None
        if cur.dep_ == "xcomp":
            objs = [c for c in head.children if c.dep_ in ("dobj", "dative")]
            if objs:
                return objs[0]
        if cur.dep_ not in ("conj", "xcomp", "advcl"):
            break
        cur = head
    if v.tag_ in FINITE_TAGS and not _has_subject(v) and v.dep_ not in ("conj", "xcomp"):
        # A finite verb the parser left without a subject: the nearest name before it.
        for i in range(v.i - 1, v.sent.start - 1, -1):
            t = v.doc[i]
            if t.pos_ == "PROPN" and t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                return t
    return None


def _short_name(ent: Entity) -> str:
    if ent.type == "PERSON":
        return ent.name.split()[-1]
    return ent.name


def _render(tokens: list[Token], idx: _Index, sentence: int, subject_ids: set[int]) -> str:
    """Join kept tokens; drop honorifics; name pronouns whose antecedent is not in the text."""
    r = _rules()
    named_here = {idx.entity_of[t.i] for t in tokens if t.pos_ != "PRON"} | subject_ids
    parts: list[str] = []
    prev_i = None
    for tok in tokens:
        text = tok.text
        nxt = tok.i + 1
        if (
            tok.text.rstrip(".").lower() in r.honorifics
            and nxt < len(idx.doc)
            and idx.doc[nxt].is_title
            and tok.is_title
        ):
            prev_i = tok.i
            continue
        ei = idx.entity_of[tok.i]
        if (
            tok.pos_ == "PRON"
            and tok.lower_ in PRONOUN_LEMMAS
            and ei >= 0
            and (ei not in named_here)
        ):
            name = _short_name(idx.entities[ei])
            text = name + "'s" if tok.lower_ in POSSESSIVE_PRONOUNS else name
            # Named once; later pronouns for it stay ("Giuliani had a meeting with him").
            named_here.add(ei)
        sep = ""
        if parts:
            sep = idx.doc[prev_i].whitespace_ if prev_i is not None and tok.i == prev_i + 1 else " "
            if tok.text in ("'s", "’s", "-", "n't") and (
                prev_i is not None and tok.i == prev_i + 1
            ):
                sep = ""
        parts.append(sep + text)
        prev_i = tok.i
    out = "".join(parts).replace("\u00a0", " ")
    return re.sub(r"\s+", " ", out).strip(" ,;:")


def _summary(v: Token, idx: _Index, sentence: int) -> tuple[str, set[int], set[int]]:
    """The compressed clause, the token indexes it keeps, and the clause's full token range."""
    keep: set[int] = set()
    for depth in (3, 2, 1, 0):
        keep = _collect(v, idx, depth)
        if len(keep) <= MAX_SUMMARY_TOKENS:
            break
    doc = idx.doc
    tokens = [doc[i] for i in sorted(keep)]
    # A verb like "to declare" after a borrowed subject is put in the past tense.
    borrowed = _borrowed_subject(v)
    prefix = ""
    subject_ids: set[int] = set()
    if v.dep_ == "relcl":
        # "the virus, which emerged in China": the relative word stands for its noun.
        rel = [t for t in tokens if t.tag_ in RELATIVIZERS and t.head.i == v.i]
        if rel and rel[0].dep_ in SUBJECT_DEPS:
            tokens = [t for t in tokens if t.i != rel[0].i]
            borrowed = v.head
    if borrowed is not None:
        ei = idx.entity_of[borrowed.i]
        subject_ids.add(ei)
        if ei >= 0:
            prefix = _short_name(idx.entities[ei])
        else:
            # The noun with its determiner and modifiers, not its clauses or phrases.
            prefix = " ".join(
                t.text
                for t in borrowed.subtree
                if t.i == borrowed.i
                or (
                    t.head.i == borrowed.i
                    and t.dep_ in ("det", "amod", "compound", "nummod", "poss")
                )
            )
        if v.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
            tokens = [t for t in tokens if not (t.dep_ == "aux" and t.head.i == v.i)]
            text = _render(tokens, idx, sentence, subject_ids)
            verb_past = past_tense(v.lemma_.lower())
            text = re.sub(rf"\b{re.escape(v.text)}\b", verb_past, text, count=1, flags=re.I)
            summary = f"{prefix} {text}"
        else:
            summary = f"{prefix} {_render(tokens, idx, sentence, subject_ids)}"
    else:
        summary = _render(tokens, idx, sentence, subject_ids)
    summary = summary.strip()
    summary = summary[:1].upper() + summary[1:]
    clause_tokens = _clause_tokens(v)
    if borrowed is not None:
        keep.add(borrowed.i)
    return summary, keep, clause_tokens


def _clause_tokens(v: Token) -> set[int]:
    """The verb's subtree without its conjoined verbs (each of those is an event of its own)."""
    out: set[int] = set()
    stack = [v]
    while stack:
        tok = stack.pop()
        out.add(tok.i)
        stack.extend(
            c for c in tok.children if not (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"))
        )
    return out


# --------------------------------------------------------------------------- assembly


def _char_span(doc: Doc, indexes: set[int], text: str) -> Span:
    # Whitespace tokens (paragraph breaks the parser hung on a word) are not part of a clause.
    solid = {i for i in indexes if not doc[i].is_space} or indexes
    lo, hi = min(solid), max(solid)
    start, end = doc[lo].idx, doc[hi].idx + len(doc[hi].text)
    return Span(start, end, text[start:end])


def _sentence_span(sent: SpacySpan, whole: str) -> Span:
    text = whole[sent.start_char : sent.end_char]
    lead = len(text) - len(text.lstrip())
    trail = len(text.rstrip())
    start = sent.start_char + lead
    end = sent.start_char + trail
    return Span(start, end, whole[start:end])


def _attributions_for(verb: Token | None, clause: Span, sentence: Span, idx: _Index) -> list[int]:
    """The attributions behind an event: those whose content holds the event's verb (or, for a
    verbless event, overlaps its clause), those whose cue is the verb itself ("Mr Trump
    confirmed ..."), and those without content whose cue is in the sentence."""
    out = []
    pos = verb.idx if verb is not None else None
    for ai, at in enumerate(idx.attributions):
        content = at.content
        if pos is not None and at.cue.start <= pos < at.cue.end:
            out.append(ai)
        elif content is not None:
            if pos is not None:
                if content.start <= pos < content.end:
                    out.append(ai)
            elif content.start < clause.end and clause.start < content.end:
                out.append(ai)
        elif sentence.start <= at.cue.start < sentence.end:
            out.append(ai)
    return out


def _actors(keep: set[int], idx: _Index) -> list[str]:
    seen: list[str] = []
    for i in sorted(keep):
        ei = idx.entity_of[i]
        if ei >= 0 and idx.entities[ei].type in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"):
            eid = idx.entities[ei].id
            if eid not in seen:
                seen.append(eid)
    return seen


def extract(
    doc: Doc,
    *,
    timexes: list[Timex],
    entities: list[Entity],
    attributions: list[Attribution],
    dct: dt.date | None,
) -> list[EventMention]:
    """The event mentions of one article, in text order."""
    if len(doc) == 0:
        return []
    idx = _build_index(doc, timexes, entities, attributions)
    noun_dates: dict[str, EventDate] = {}
    out: list[EventMention] = []
    for si, sent in enumerate(doc.sents):
        if not sent.text.strip() or not any(t.pos_ in ("VERB", "AUX") for t in sent):
            continue
        # Back-references look at nouns dated in earlier sentences only, and this one's.
        dating = _date_sentence(sent, idx, noun_dates)
        sentence = _sentence_span(sent, idx.text)
        dated = set(dating.verbs)
        made: list[tuple[EventMention, set[int]]] = []
        for v in _main_clauses(sent, idx, dated):
            if not _is_non_event(v, idx, dated):
                made.append(_event(v, si, sentence, idx, dating, noun_dates))
        for vi in sorted(dated):
            if any(vi in keep for _e, keep in made):
                # A dated clause inside an event's summary ("told Mr Maduro he had a week to
                # leave"): its date is that event's, when the event has none of its own.
                for e, keep in made:
                    if vi in keep and e.date is None:
                        _ti, e.date, e.deadline = dating.verbs[vi]
                continue
            v = doc[vi]
            if not _is_non_event(v, idx, dated):
                made.append(_event(v, si, sentence, idx, dating, noun_dates))
        out.extend(e for e, _keep in made)
        for ent_tok, words, ti, date in dating.asides:
            ei = idx.entity_of[ent_tok.i]
            if not any(t.is_alpha for t in words):
                continue
            clause = _char_span(
                doc,
                {ent_tok.i}
                | {t.i for t in words}
                | set(_token_range(doc, idx.timexes[ti].start, idx.timexes[ti].end)),
                idx.text,
            )
            out.append(
                EventMention(
                    sentence=sentence,
                    summary=f"{_short_name(idx.entities[ei])} {' '.join(t.text for t in words)}",
                    date=date,
                    actors=[idx.entities[ei].id],
                    attributions=_attributions_for(None, clause, sentence, idx),
                    clause=clause,
                    trigger=next((t.lemma_.lower() for t in words if t.pos_ == "NOUN"), None),
                )
            )
        for ent_tok, phrase, _ti, date in dating.nominal:
            ei = idx.entity_of[ent_tok.i]
            words = [t for t in phrase.subtree if idx.timex_of[t.i] < 0 and not t.is_punct]
            if not any(t.is_alpha for t in words):
                continue
            words = [
                t
                for t in words
                if not (t.dep_ == "prep" and all(idx.timex_of[c.i] >= 0 for c in t.children))
            ]
            summary = f"{_short_name(idx.entities[ei])} {' '.join(t.text for t in words)}"
            clause = _char_span(doc, {ent_tok.i} | {t.i for t in phrase.subtree}, idx.text)
            out.append(
                EventMention(
                    sentence=sentence,
                    summary=summary.strip(),
                    date=date,
                    actors=[idx.entities[ei].id],
                    attributions=_attributions_for(None, clause, sentence, idx),
                    clause=clause,
                    trigger=phrase.lemma_.lower()
                    if phrase.pos_ != "ADP"
                    else (next((c.lemma_.lower() for c in phrase.children), phrase.lemma_)),
                )
            )
    out.sort(key=lambda e: e.clause.start if e.clause else e.sentence.start)
    return out


def _event(
    v: Token,
    si: int,
    sentence: Span,
    idx: _Index,
    dating: _Dating,
    noun_dates: dict[str, EventDate],
) -> tuple[EventMention, set[int]]:
    summary, keep, clause_tokens = _summary(v, idx, si)
    clause = _char_span(idx.doc, clause_tokens, idx.text)
    date: EventDate | None = None
    deadline = False
    entry = dating.verbs.get(v.i)
    if entry is not None:
        _ti, date, deadline = entry
    else:
        date = _back_reference(v, keep, idx, noun_dates)
    event = EventMention(
        sentence=sentence,
        summary=summary,
        date=date,
        actors=_actors(keep, idx),
        attributions=_attributions_for(v, clause, sentence, idx),
        clause=clause,
        trigger=v.lemma_.lower(),
        deadline=deadline,
    )
    return event, keep
