"""The attribution finder: phrase cues and verb cues over one parsed document.

See the package docstring for the cascade; the parse helpers live in ``syntax.py``, quotes in
``quotes.py``, source typing in ``sources.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from storyline.model import Polarity
from storyline.nlp.attribution.lexicon import Lexicon, PhraseCue
from storyline.nlp.attribution.quotes import QuoteIndex, unquote
from storyline.nlp.attribution.sources import (
    SourceInfo,
    classify,
    noun_phrase,
    source_span,
)
from storyline.nlp.attribution.syntax import (
    STRIP_EDGES,
    SUBJECT_DEPS,
    TEXT_SOURCES,
    TOPIC_PREPS,
    addressee,
    bare_common_noun,
    clause,
    compact_phrase,
    complement,
    has_object,
    hedged_clause,
    infinitive,
    left_subject,
    norm,
    norm_words,
    object_content,
    relative,
    sentence_rest,
    strip_dateline,
    subject,
    that_clause,
    tokens_span,
    trim,
    verb_hedged,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan


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


# --- the finder ---------------------------------------------------------------------------


class Finder:
    def __init__(self, doc: Doc, lex: Lexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.quotes = QuoteIndex(self.text)
        self.found: list[Found] = []
        self.taken: set[int] = set()  # token indexes already part of a phrase cue

    # phrase cues ---------------------------------------------------------------------------

    def phrases(self) -> None:
        by_first: dict[str, list[tuple[list[str], PhraseCue]]] = {}
        for cue in self.lex.phrases:
            words = norm_words(cue.phrase.split())
            by_first.setdefault(words[0], []).append((words, cue))
        words_in_doc = [norm(t) for t in self.doc]
        n = len(words_in_doc)
        for i, word in enumerate(words_in_doc):
            for words, cue in by_first.get(word, ()):
                if i + len(words) <= n and words_in_doc[i : i + len(words)] == words:
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
        if bare_common_noun(pobj, self.lex):
            return  # "according to plan": no source named
        info = classify(pobj, noun_phrase(pobj), self.lex)
        pp = tokens_span([*toks, *noun_phrase(pobj)])
        content = None
        if pp is not None:
            content = sentence_rest(sent, pp[0], pp[1], self.text)
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
            content = trim(self.text, self.doc[content_start].idx, sent.end_char)
        info = SourceInfo(it.idx, it.idx + len(it.text), "reporter", None, None, it)
        cue_span = (rest[0].idx, rest[-1].idx + len(rest[-1].text))
        self._add(
            cue_span, cue.phrase.replace("it ", "", 1), info, content, cue.polarity, True, sent
        )

    def _declining(self, toks: list[Token], sent: SpacySpan, cue: PhraseCue) -> None:
        subj = None
        for tok in toks:
            subj, _passive = subject(tok)
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
                content = clause(obj)
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
        return tokens_span(objs) if objs else None

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
        if infinitive(verb) and verb.head.pos_ == "ADJ":
            return  # "was wrong to claim X": X is not claimed by anyone now
        subj, passive = subject(verb, quoted=self._in_quote)
        if subj is not None and subj.tag_ in ("WDT", "WP") and verb.dep_ == "relcl":
            subj = verb.head  # "a field of data that showed ...", "Mr X, who said ..."
        fallback_source = False
        if subj is None and not passive:
            subj = left_subject(verb)
            fallback_source = subj is not None
        if subj is not None and subj.lower_ in ("i", "we", "you", "me", "us"):
            return
        sent = verb.sent
        root = complement(verb)
        content, quoted = self._content(verb, subj, root, needs)
        if content is None and needs in ("claim", "complement", "quote"):
            return
        if content is None and subj is None:
            return
        if content is None and subj is not None and not has_object(verb):
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
            phrase = compact_phrase(subj) if fallback_source else noun_phrase(subj, verb)
            info = classify(subj, phrase, self.lex)
            if info is not None and not fallback_source:
                self._extend_anonymity(info, verb)
        if (
            needs == "finding"
            and not that_clause(root)
            and (info is None or info.type not in TEXT_SOURCES)
        ):
            return  # "deputies found him hiding": a finding needs "that" or a text as its source
        hedged = hedged or verb_hedged(verb, self.lex) or hedged_clause(root, self.lex)
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
        return trim(self.text, start, cut) if cut < end else content

    def _raised_passive(self, verb: Token) -> tuple[int, int] | None:
        """ "X is said to be Y", "X is believed to have left": the whole raised clause."""
        subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        comp = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
        if subj is None or comp is None or subj.lower_ in ("it", "this", "that"):
            return None
        return tokens_span([*subj.subtree, *comp.subtree])

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
                return trim(self.text, start, tok.idx)
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
        trimmed = trim(self.text, info.start, info.end + len(gap))
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
            content = self._drop_reporter_clause(clause(root, lex=self.lex))
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
            obj = object_content(verb, needs, self.lex)
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
        return trim(self.text, start, end)

    def _paratactic(self, verb: Token, subj: Token | None) -> tuple[int, int] | None:
        """ "Abe hasn't decided whether ..., Trump said": the clause the cue interrupts."""
        head = verb.head
        own = {t.i for t in verb.subtree}
        before = [t for t in head.subtree if t.i not in own and t.i < verb.i]
        span = tokens_span(before)
        if span is None:
            return None
        end = self._clause_start(verb, subj)
        content = trim(self.text, span[0], min(span[1], end))
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
        if dobj is not None and not addressee(dobj, self.lex):
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
                and not relative(tok)
            ):
                end = max(max(t.i for t in tok.head.subtree), limit if verb.dep_ != "relcl" else 0)
                return trim(self.text, tok.idx, self.doc[end].idx + len(self.doc[end].text))
            if verb.dep_ == "relcl" and tok.pos_ in ("VERB", "AUX") and tok.i == verb.i + 1:
                # "a group the administration says includes Mr Maduro"
                stop = tok.i
                while stop + 1 < sent.end and self.doc[stop + 1].text not in ",;.":
                    stop += 1
                return trim(self.text, tok.idx, self.doc[stop].idx + len(self.doc[stop].text))
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
                span = tokens_span(
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
        rest = unquote(self.text[quote[1] : quote[1] + 4]).lstrip(" ")
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
        return trim(self.text, prev.start_char, prev.end_char)

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
            content = trim(self.text, strip_dateline(self.text, *content), content[1])
        if source is None and content is None and polarity != "decline":
            return
        self.found.append(Found(cue, lemma, source, content, polarity, hedged, sent))
