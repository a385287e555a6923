"""Which way an underspecified date points: the tense of the clause it sits in.

"expired on Friday" is the past Friday, "will meet on Friday" the next one. With a spaCy parse
(``analyze()`` hands one in) we read the tense of the verb that governs the expression: its tag
(VBD = past), its auxiliaries (will/shall = future, has + VBN = past), climbing through "to"
infinitives ("plans to meet Friday"). Without a parse, the nearest tense cue word in the sentence
decides (``timex_tense_cues.tsv`` plus regular -ed forms).
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import TYPE_CHECKING, Literal

from storyline.nlp.timex.lexicon import alternation, lexicon
from storyline.rules import load_list, load_table

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Tense = Literal["past", "present", "future"] | None
# A cue word's tense as timex_tense_cues.tsv gives it: "future-to" is a future only right
# before "to"/"for" (``_cue_at`` reads it to a Tense); an auxiliary of timex_bare_aux.tsv may
# be "keep" (its bare verb keeps its own tense).
Cue = Literal["past", "present", "future", "future-to"] | None
AuxTense = Literal["past", "present", "future", "keep"] | None
_TENSES: dict[str, Tense] = {"past": "past", "present": "present", "future": "future"}
_CUES: dict[str, Cue] = {**_TENSES, "future-to": "future-to"}
_AUX_TENSES: dict[str, AuxTense] = {**_TENSES, "keep": "keep"}

# Sentence ends for the no-parse path: . ! ? (and closing quotes) before a capital, or a blank line.
# A stop, then space and a capital; or, in scraped text whose paragraphs ran together, a
# stop right between a lower-case word and a capitalised one ("who want them.In March, Apple
# had closed").
_SENT_END = re.compile(
    r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])"
)
# A hyphenated compound is one word ("closed-door", "smaller-than-expected"): an adjective
# whose "-ed" part is no verb of the clause (_cue).
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)+|[A-Za-z]+(?:'[a-z]+)?|'ll")
# Prefixes before which a hyphenated word is still a verb ("re-elected", "co-hosted").
_VERB_PREFIXES = frozenset({"re", "co", "pre", "un", "mis", "de"})
_FUTURE_AUX = {"will", "shall", "'ll", "wo", "ll"}
# A colon between digits is a clock time ("from 10:30 a.m. to noon"), no clause break.
_CLAUSE_BREAK = re.compile(r"[;()\[\]\"“”]|:(?!\d)")


# Capitalised words that open a sentence and never follow a person's initial: after "Group B."
# or "Plan B." the full stop ends the sentence ("… in Group B.  The two group winners will
# meet in Sunday's final": the clause of "Sunday" is not the sentence before).
_SENTENCE_OPENERS = frozenset(
    {"the", "a", "an", "it", "he", "she", "they", "we", "this", "these", "those", "but"}
)


def _abbreviation_before(text: str, end: int) -> bool:
    m = re.search(r"([A-Za-z.]+)\.$", text[max(0, end - 12) : end])
    if not m:
        return False
    word = m.group(1).lower()
    if word in load_list("timex_abbreviations.txt", lower=True):
        return True
    if len(word) != 1 or not word.isalpha():
        return False
    after = re.match(r"\.?\s+([A-Z][a-z]*)\b", text[end : end + 20])
    return after is None or after.group(1).lower() not in _SENTENCE_OPENERS


class Sentences:
    """Sentence bounds of a text, from a parse or from punctuation."""

    def __init__(self, text: str, doc: Doc | None = None) -> None:
        if doc is not None and doc.has_annotation("SENT_START"):
            bounds = [(s.start_char, s.end_char) for s in doc.sents]
        else:
            bounds = []
            start = 0
            for m in _SENT_END.finditer(text):
                if _abbreviation_before(text, m.start()):
                    continue
                bounds.append((start, m.start()))
                start = m.end()
            bounds.append((start, len(text)))
        self.bounds = bounds or [(0, len(text))]
        self.starts = [b[0] for b in self.bounds]

    def index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self.starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        return self.bounds[self.index(offset)]


def _cue(token: str) -> Cue:
    if "-" in token:
        prefix, _, rest = token.partition("-")
        if prefix.lower() not in _VERB_PREFIXES or "-" in rest:
            return None  # "a five-day, round-the-clock curfew", "closed-door sessions"
        token = rest
    word = token.lower()
    tense = lexicon().tense_cues.get(word)
    if tense is None and (word.endswith("'ll") or word == "ll"):
        # "they'll be back to work when businesses reopen on Monday": the contraction is one
        # word of _WORD ("ll" after a curly apostrophe), a future like "will"
        tense = "future"
    # Regular past forms are lower case: a capitalised "-ed" word is mostly a name ("United
    # States", "Ahmed"), which says nothing about tense.
    # "died", "tied", "lied": four letters, but "-ied" is a verb's past ("need", "shed", "feed"
    # are not, which is why short "-ed" words are otherwise left out)
    if (
        tense is None
        and (len(word) > 4 or (len(word) == 4 and word.endswith("ied")))
        and word.endswith("ed")
        and token.islower()
    ):
        tense = "past"
    if tense == "present-noun":
        return "present"  # "play": a schedule verb unless a determiner makes it a noun
    return _CUES.get(tense) if tense is not None else None  # "none", "modal": no tense


# Words after which a verb form carries no tense of its own: an infinitive ("due to expire",
# "plans to meet") or a participle after a bare "be" ("will be named", "had been scheduled").
# The auxiliary further back decides.
_TENSELESS_AFTER = frozenset({"to", "be", "been", "being"})
_PRESENT_BE = frozenset({"is", "are", "am"})
_PAST_BE = frozenset({"was", "were"})


# Words before a regular "-ed" form that make it an adjective: "an undisclosed sum", "the
# injured man", "its planned merger".
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "my",
        "some",
        "any",
        "no",
    ]
)


_COUNT = re.compile(r"^\d{1,3}(?:,\d{3})*$")


# Quantifiers before a noun phrase ("all 11 scheduled games": the digits are no word here).
_QUANTIFIERS = frozenset({"all", "both", "several", "many", "remaining", "other"})


def past_word(word: str) -> bool:
    """True for a word whose cue (``timex_tense_cues.tsv`` or a regular "-ed") is past."""
    return _cue(word) == "past"


def _counted_noun(words: list[str], i: int) -> bool:
    """True for an "-ed" plan word after a count or a quantifier and before a noun ("all 11
    scheduled Hawks home games", "three planned meetings"); "All planned to attend" (a "to"
    after it) is a verb."""
    if i == 0 or (i + 1 < len(words) and words[i + 1].lower() in ("to", "for")):
        return False
    before = words[i - 1].lower()
    return before in _QUANTIFIERS or _count_word(before)


def _count_word(word: str) -> bool:
    """A count: digits that are no year ("11", "1,200") or a spelled number of two or more
    ("three"); "a"/"an" are determiners already."""
    if _COUNT.match(word):
        return True
    value = lexicon().numbers.get(word)
    return value is not None and value not in ("X",) and word not in ("a", "an", "one")


def _adjective(words: list[str], i: int) -> bool:
    """A regular "-ed" form after a determiner, or after a determiner and one adverb ("a
    still unspecified date", "the newly elected mayor")."""
    before = [w.lower() for w in words[max(0, i - 2) : i]]
    if before and before[-1] in _DETERMINERS:
        return True
    # "The family posted a message", "the rally ended on Sunday": a noun in "-ly" and a verb
    # with its object or preposition after it, no "the newly elected mayor"
    after = words[i + 1].lower() if i + 1 < len(words) else None
    return (
        len(before) == 2
        and before[0] in _DETERMINERS
        and (before[1].endswith("ly") or before[1] in ("still", "yet", "so", "very", "most"))
        and after is not None
        and after not in _CLOSED_CLASS
    )


_PERFECT_AUX = frozenset({"has", "have", "had"})


@functools.cache
def _modals() -> frozenset[str]:
    """Lower-case modals (the month "May" is capitalised): what they govern is still open."""
    return frozenset(load_list("timex_modals.txt", lower=True))


def _as_planned(words: list[str], i: int) -> bool:
    """ "as planned", "as previously scheduled", "as expected": a manner phrase, no future."""
    before = [w.lower() for w in words[max(0, i - 2) : i]]
    return bool(before) and (
        before[-1] == "as" or (len(before) == 2 and before[0] == "as" and before[1].endswith("ly"))
    )


def _opening_participle(words: list[str]) -> bool:
    """ "Asked by NPR on Thursday whether ...": a capitalised "-ed" word that opens the clause,
    followed by a lower-case word, is a verb, not a name ("United States", "Ahmed Ali")."""
    first = words[0]
    return (
        len(first) > 4
        and first[0].isupper()
        and first[1:].islower()
        and first.endswith("ed")
        and first.lower() not in lexicon().tense_cues
        and len(words) > 1
        and words[1].islower()
    )


def _last_not_past(before: str) -> bool:
    """ "last" is a past cue as in "met last week"; after a determiner it is "final" ("the
    last bill") and after a modal or "to" the verb ("might last until May")."""
    word = before.lower()
    return word in _DETERMINERS or word in _modals() or word in ("to", "will", "would")


def _modal_perfect(words: list[str], i: int) -> bool:
    """True for "have" after a lower-case modal ("could have been infected on Friday", "may
    as well have been speaking Monday"): a guess about the past."""
    if words[i].lower() not in ("have", "'ve") or i + 1 >= len(words):
        return False
    if words[i + 1].lower() != "been" and _cue(words[i + 1]) != "past":
        return False  # "she may have a reopening date Thursday": "have" is the verb
    j = i - 1
    while j >= 0 and (
        words[j].lower() in _MODAL_ADVERBS
        or words[j] in ("not", "never")
        or words[j].endswith("ly")
    ):
        j -= 1
    return j >= 0 and words[j] in _modals()


@functools.cache
def _tenseless_participles() -> frozenset[str]:
    return frozenset(load_list("timex_tenseless_participles.txt", lower=True))


@functools.cache
def _unchanged_past() -> frozenset[str]:
    """Irregular verbs whose past is spelled like the base form ("set", "let", "cut")."""
    return frozenset(load_list("timex_unchanged_past.txt", lower=True))


@functools.cache
def _causatives() -> frozenset[str]:
    """Verbs taking an object and a bare infinitive ("let the offensive begin")."""
    return frozenset(load_list("timex_causative_verbs.txt", lower=True))


# Present cues that are auxiliaries or already inflected: never a bare infinitive.
_NOT_BARE = frozenset({"has", "have", "is", "are", "am", "must"})
_OBJECT_PRONOUNS = frozenset({"him", "her", "them", "it", "us", "me", "you"})
_SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})
# Adverbs that may stand between a subject and its verb ("Albright quickly set aside").
_SUBJECT_ADVERBS = frozenset({"also", "then", "later", "again", "never", "just", "already", "once"})
# Capitalised at a sentence start, but no name: such a word is no singular subject.
_CLOSED_CLASS = _DETERMINERS | frozenset(
    {
        "i",
        "we",
        "they",
        "you",
        "who",
        "which",
        "and",
        "but",
        "or",
        "nor",
        "when",
        "if",
        "as",
        "so",
        "then",
        "in",
        "on",
        "at",
        "for",
        "to",
        "of",
        "by",
        "with",
        "after",
        "before",
        "since",
        "while",
        "because",
        "although",
        "though",
        "once",
        "until",
        "where",
        "also",
        "still",
        "yet",
        "not",
    }
)
# Words that open a new clause: an object of a causative never runs across them.
_CLAUSE_WORDS = frozenset({"that", "which", "who", "when", "and", "or", "but", "to", "as", "if"})


def _bare_form(word: str) -> bool:
    """A lower-case verb that may be a bare infinitive: an unchanged past ("set", "cut") or a
    schedule verb's base form ("begin", "meet")."""
    low = word.lower()
    if word != low:
        return False
    if low in _unchanged_past():
        return True
    return (
        lexicon().tense_cues.get(low) in ("present", "present-noun")
        and low not in _NOT_BARE
        and not low.endswith("s")
    )


def _causative_before(words: list[str], i: int) -> int | None:
    """The index of a causative or perception verb whose object (one to four words opening
    with a determiner, an object pronoun or a capitalised name) stands right before
    ``words[i]``: "let [the ground offensive] begin", "helped [Kenya] prepare"."""
    for j in range(i - 2, max(-1, i - 6), -1):
        if words[j].lower() not in _causatives():
            continue
        first = words[j + 1]
        if not (
            first.lower() in _DETERMINERS or first.lower() in _OBJECT_PRONOUNS or first[0].isupper()
        ):
            return None
        between = words[j + 1 : i]
        if any(_cue(w) is not None or w.lower() in _CLAUSE_WORDS for w in between):
            return None
        return j
    return None


def _after_singular_subject(words: list[str], i: int) -> bool:
    """True when ``words[i]`` follows "he", "she", "it" or a capitalised name (one adverb may
    stand between): a singular subject, whose present would take -s ("Albright set aside")."""
    j = i - 1
    if j >= 0 and words[j].islower() and (words[j].endswith("ly") or words[j] in _SUBJECT_ADVERBS):
        j -= 1
    if j < 0:
        return False
    word = words[j]
    low = word.lower()
    if low in _SINGULAR_PRONOUNS:
        return True
    lex = lexicon()
    return (
        word[0].isupper()
        and low not in _CLOSED_CLASS
        and low not in lex.weekdays
        and low not in lex.months
        # "Officials cut ...": a capitalised plural opening the clause is no name
        and not (j == 0 and low.endswith("s") and not low.endswith("ss"))
    )


def _future_to(words: list[str], i: int) -> bool:
    """ "set to resume Monday", "plans for Friday": a future-to cue right before "to"/"for"."""
    following = words[i + 1].lower() if i + 1 < len(words) else ""
    return lexicon().tense_cues.get(words[i].lower()) == "future-to" and following in ("to", "for")


@functools.cache
def _bare_aux() -> dict[str, AuxTense]:
    """Auxiliaries followed by a bare infinitive ("will", "could", "did") and their tense."""
    return {r["aux"]: _AUX_TENSES.get(r["tense"]) for r in load_table("timex_bare_aux.tsv")}


def _aux_before(words: list[str], i: int) -> AuxTense:
    """The tense of an auxiliary of ``timex_bare_aux.tsv`` before ``words[i]``, with "not",
    "never" or an adverb between ("will hit", "did not begin", "didn’t play"); None when
    there is no such auxiliary."""
    j = i - 1
    while j >= 0 and (
        words[j] in ("not", "never", "t")
        or words[j] in _MODAL_ADVERBS
        or (words[j].islower() and words[j].endswith("ly"))
    ):
        j -= 1
    if j < 0:
        return None
    aux = words[j]
    if j + 1 < i and words[j + 1] == "t":
        aux += "'t"  # "didn’t": the curly apostrophe splits the word
    return _bare_aux().get(aux)


def _noun_after_determiner(words: list[str], i: int) -> bool:
    """True for a word right after a determiner, a possessive or a preposition ("the play",
    "the team's play", "their play", "in return"): a noun there, no timetable present."""
    if i == 0:
        return False
    before = words[i - 1]
    # "Trump’s": the curly apostrophe leaves a lone "s" before the word
    if before.lower() in _NOUN_PREPOSITIONS:
        return True  # "police fired flaring shots in return on Tuesday"
    return before.lower() in _DETERMINERS or before.endswith("'s") or before == "s"


# After these a present-noun cue is a noun ("in return", "in play"); "to" is an infinitive's.
_NOUN_PREPOSITIONS = frozenset({"in", "on", "of", "for", "with", "at", "from", "by", "upon"})


def _bare_verb_tense(words: list[str], i: int) -> Tense:
    """The past read off a bare-looking verb by grammar: after a past causative and its
    object the verb is the causative's ("Mr. Bush let the ground offensive begin": no
    timetable present); an unchanged past after a singular subject is past ("Albright set
    aside", the present would be "sets")."""
    if not _bare_form(words[i]):
        return None
    j = _causative_before(words, i)
    if j is not None:
        return "past" if _cue_at(words, j) == "past" else None
    if (
        words[i] in _unchanged_past()
        and not _future_to(words, i)
        and _after_singular_subject(words, i)
    ):
        return "past"
    return None


@functools.cache
def _than_words() -> frozenset[str]:
    return frozenset(load_list("timex_than_words.txt", lower=True))


def _word_before(words: list[str], i: int) -> str | None:
    """The word before ``words[i]`` in lower case, past one "-ly" adverb ("was originally
    scheduled", "than previously planned"); None at the start."""
    j = i - 1
    if j > 0 and words[j].islower() and words[j].endswith("ly"):
        j -= 1
    return words[j].lower() if j >= 0 else None


_COMPARED_SUBJECTS = frozenset({"i", "we", "they", "you", "he", "she", "it"})
_COMPARED_AUX = frozenset({"had", "has", "have", "did", "does", "do", "was", "were", "is", "are"})


def _comparison(words: list[str], i: int) -> bool:
    """True for a word of ``timex_than_words.txt`` in a comparison: a comparative right before
    "than" ("no earlier than Monday") or a participle right after it, or after it and one
    "-ly" adverb ("a smaller-than-expected rise", "than previously planned")."""
    if words[i].lower() not in _than_words():
        return False
    if i + 1 < len(words) and words[i + 1].lower() == "than":
        return True
    if _word_before(words, i) == "than":
        return True
    # "took leave earlier than she planned in March", "later than officials had expected":
    # a subject (a pronoun or one noun) and perhaps an auxiliary between "than" and the
    # participle; the comparison still says nothing of the date
    j = i - 1
    if j > 0 and words[j].lower() in _COMPARED_AUX:
        j -= 1
    if j <= 0 or words[j - 1].lower() != "than":
        return False
    subject = words[j].lower()
    return subject in _COMPARED_SUBJECTS or subject not in _CLOSED_CLASS


def _after_modal_verb(words: list[str], i: int) -> bool:
    """True for a regular "-ed" word right after "will"/"would"/a modal and its bare verb
    ("will see lessened restrictions", "could face reduced hours"): an adjective or a
    participle of that verb's object, no past of its own. "would have lessened" is a perfect
    ("have" is a cue) and is left alone."""
    if i < 2:
        return False
    aux, verb = words[i - 2].lower(), words[i - 1]
    return (
        (aux in _FUTURE_AUX or aux == "would" or aux in _modals())
        and verb.isalpha()
        and verb.islower()
        and (_cue(verb) is None or _bare_form(verb))  # "could face reduced hours"
        and verb not in _CLOSED_CLASS
    )


# Future-to cues of likelihood, which a perfect after "to" turns to the past.
_LIKELIHOOD = frozenset({"likely", "unlikely"})


_INFINITIVE_REACH = 4  # words from a passive infinitive's participle to the date


def _passive_infinitive(words: list[str], i: int) -> bool:
    """True for the participle of a passive infinitive a few words before the date ("an
    interview to be broadcast Monday", "to be published in the paper Friday"): it tells of
    what is still to be done, its "-ed" is no past. Not across "and" ("want the truce to be
    extended to the West Bank and on Sunday, the Brigades ...") nor from further back
    ("claiming to be infected with COVID-19 allegedly spit in a nurse's face early Monday")."""
    if i < 2 or words[i - 1].lower() != "be" or words[i - 2].lower() != "to":
        return False
    if _cue(words[i]) != "past" and words[i].lower() not in _unchanged_past():
        return False
    between = [w.lower() for w in words[i + 1 :]]
    return len(between) <= _INFINITIVE_REACH and "and" not in between


def _infinitive_before(words: list[str]) -> bool:
    """True when the clause before the date holds a passive infinitive of
    ``_passive_infinitive`` within its reach: a parse makes its participle ("broadcast",
    "published") a past verb, so the cue words decide, on both paths alike."""
    first = max(2, len(words) - _INFINITIVE_REACH - 1)
    return any(_passive_infinitive(words, i) for i in range(first, len(words)))


def _due_to(words: list[str], i: int) -> bool:
    """True for "due" before "to" and a bare verb ("is due to arrive on Wednesday", "was due
    to arrive in Pakistan on Wednesday"): a timetable, as "set to" is; "due to the storm",
    "due to heavy rain" (a cause) are not."""
    if words[i].lower() != "due" or i + 2 >= len(words) or words[i + 1].lower() != "to":
        return False
    if i > 0 and words[i - 1].lower() == "been":
        return False  # "It had been due to expire Friday evening" (TBAQ): the perfect decides
    return words[i + 2] == "be" or _bare_form(words[i + 2])


# Words after "was/were to" that are no verb of a plan ("was to the north", "was to his
# credit", "were to blame for Friday's crash": a fault, not a plan).
_NOT_PLAN_AFTER_TO = _DETERMINERS | frozenset({"blame", "him", "them", "it", "us", "me", "you"})


def _past_to(words: list[str], i: int) -> bool:
    """True for "was"/"were" before "to" and a verb ("Flight disruptions were to continue
    until Thursday", "Britain was to present new proposals Friday"): a plan as it stood when
    told, like "was due to", which may fall either side of the DCT (``_plan_of_past``)."""
    if words[i] not in _PAST_BE or i + 2 >= len(words) or words[i + 1] != "to":
        return False
    verb = words[i + 2]
    return (
        verb.isalpha()
        and verb.islower()
        and verb not in _NOT_PLAN_AFTER_TO
        and not verb.endswith(("ing", "ed"))
    )


# Words after "provided/providing" that make it a conjunction of condition, no verb.
_CONDITION_OPENERS = frozenset({"that", "he", "she", "it", "they", "we", "you", "i"})


def _provided_that(words: list[str], i: int) -> bool:
    """True for "provided"/"providing" opening a condition ("Chelsea can pull level with
    United provided that they beat Tottenham on Sunday"): no past of its own, the clause
    before it decides; "provided aid on Sunday" stays a past."""
    return (
        words[i].lower() in ("provided", "providing")
        and i + 1 < len(words)
        and words[i + 1].lower() in _CONDITION_OPENERS
    )


def _perfect_passive(words: list[str], i: int) -> bool:
    """ "At least 78 people have been captured overnight on Thursday": a perfect passive tells
    of a deed gone. Not after a modal ("would have been prepped for the game on Saturday"),
    not of a verb that moves or stretches a date ("have been postponed", "has been canceled
    through Oct. 1"), and only right before "on" and the date or the date itself: a state
    that lasts ("has been closed until Monday") or a month further on is no deed dated."""
    if words[i + 1].lower() != "been" or i + 2 >= len(words) or _cue(words[i + 2]) != "past":
        return False
    if i > 0 and (words[i - 1].lower() in _modals() | _FUTURE_AUX | {"would"}):
        return False
    if words[i + 2].lower() in _postponements():
        return False
    # only for a day told with "on" or right after the participle: "has been unveiled as the
    # second player for the tournament in Bangkok in January" (said in November) names the
    # tournament's month, still to come
    return words[-1].lower() == "on" or len(words) == i + 3


# The words after "going" that make it a future ("is going to", "is going ahead").
_GOING_AHEAD = frozenset({"to", "ahead"})


def _cue_at(words: list[str], i: int) -> Tense:
    if words[i + 1 : i + 2] == ["t"]:
        # "won’t", "didn’t": the curly apostrophe splits the word; the contraction's cue
        # counts ("The store won’t open until Monday" is no past "won")
        return _TENSES.get(_cue(words[i] + "'t") or "")
    if _due_to(words, i):
        return "future"  # after "was/were" a plan of the past (``_plan_of_past``)
    if _past_to(words, i):
        return "future"  # "were to continue until Thursday": a plan of the past too
    if _provided_that(words, i):
        return None  # "can pull level provided that they beat Tottenham on Sunday"
    if _passive_infinitive(words, i):
        return "future"  # "an interview to be broadcast Monday"
    if i > 0 and words[i - 1].lower() in _TENSELESS_AFTER:
        return None
    if _comparison(words, i):
        return None  # "are expected no earlier than Monday": "earlier" is no past
    aux = _aux_before(words, i) if _bare_form(words[i]) else None
    if aux is not None and aux != "keep":
        return aux  # "the storm will hit Friday", "did not begin Monday": the auxiliary's tense
    if aux == "keep" and words[i] in _unchanged_past():
        return None  # "could hit Friday": no past; "may begin in August" keeps its look ahead
    if _bare_verb_tense(words, i) == "past":
        return "past"
    if words[i] in _tenseless_participles() and words[i + 1 : i + 2] == ["by"]:
        return None  # ", followed by Auburn Gresham ... on Saturday": the clause before decides
    if _modal_perfect(words, i):
        return "past"
    if i == 0 and _opening_participle(words):
        return "past"
    if words[i].lower() == "last" and i > 0 and _last_not_past(words[i - 1]):
        return None  # "the last major bill before November", "might last only until May"
    tense = _cue(words[i])
    if (
        tense == "present"
        and words[i].lower() in _PERFECT_AUX
        and i + 1 < len(words)
        and (_cue(words[i + 1]) == "past" or _perfect_passive(words, i))
    ):
        # "whose wife has tested positive", "officials have said": a present perfect tells
        # of the past, not of a timetable ("he has until Friday" stays present)
        return "past"
    if lexicon().tense_cues.get(words[i].lower()) == "present-noun" and _noun_after_determiner(
        words, i
    ):
        return None  # "the team's play Saturday": a noun
    if tense == "future" and _as_planned(words, i):
        return None  # "elections went ahead as planned on Sunday": the verb before decides
    if (
        tense == "future"
        and words[i].lower() == "going"
        and (words[i + 1].lower() if i + 1 < len(words) else "") not in _GOING_AHEAD
    ):
        # "could not get much going offensively on Sunday night", "kept the talks going":
        # "going" looks ahead only as "going to" ("is going ahead on Friday" too)
        return None
    if tense == "past" and words[i].lower() not in lexicon().tense_cues and _adjective(words, i):
        return None  # "a still unspecified date", "the wounded soldiers": an adjective
    if (
        tense == "past"
        and words[i].lower() not in lexicon().tense_cues
        and _after_modal_verb(words, i)
    ):
        return None  # "will see lessened restrictions on Friday": the "will" before decides
    if (
        tense == "future"
        and words[i].lower().endswith("ed")
        and (_adjective(words, i) or _counted_noun(words, i))
    ):
        # "a hastily scheduled appearance Friday", "the planned demolition", "all 11
        # scheduled Hawks home games in March" (a count before it: a noun phrase; a count
        # before a past "-ed" is mostly its subject, "11 died on Friday", and stays a verb)
        return None
    if tense == "future-to":
        # "set to resume Monday", "plans for Friday" look ahead; "a record set on Aug. 6",
        # "vacation plans" do not
        following = words[i + 1].lower() if i + 1 < len(words) else ""
        if words[i].lower() in _LIKELIHOOD and following == "to":
            # "is likely to have spread in December": a likelihood of the past
            perfect = i + 2 < len(words) and words[i + 2].lower() in ("have", "'ve")
            return "past" if perfect else "future"
        return "future" if following in ("to", "for") else None
    return tense


@functools.cache
def _prospective() -> frozenset[str]:
    return frozenset(load_list("timex_prospective_cues.txt", lower=True))


@functools.cache
def _postponements() -> frozenset[str]:
    return frozenset(load_list("timex_postponement_verbs.txt", lower=True))


_NEW_DATE_PREPOSITIONS = frozenset({"through", "until", "till", "to", "into"})


# Words that may stand between the new date's preposition and the date: "pushed back to
# sometime in May", "delayed until later in June".
_VAGUE_BEFORE_DATE = frozenset({"sometime", "some", "time", "later", "in", "on", "at", "around"})


def _moved_to(words: list[str]) -> bool:
    """True for "extended the benefits through [the date]": a verb that moves something to a
    new date, and the preposition of that date right before the expression (or before a
    vague "sometime in")."""
    end = len(words)
    while end > 0 and len(words) - end < 3 and words[end - 1].lower() in _VAGUE_BEFORE_DATE:
        end -= 1
    if end > 0 and words[end - 1].lower() == "for":
        # "before it was rescheduled for September", "moved the race for Saturday": the new
        # date of a word of ``timex_new_date_words.txt`` a few words before "for" ("gave him
        # a watch for Christmas", "delayed for months" are no new dates)
        return any(w.lower() in new_date_words() for w in words[max(0, end - 4) : end - 1])
    return bool(
        end > 0
        and words[end - 1].lower() in _NEW_DATE_PREPOSITIONS
        and any(w.lower() in _postponements() for w in words[max(0, end - 12) : end - 1])
    )


@functools.cache
def new_date_words() -> frozenset[str]:
    """The words of an event moved to a new date (``timex_new_date_words.txt``)."""
    return frozenset(load_list("timex_new_date_words.txt", lower=True))


def _looks_ahead(words: list[str], i: int) -> bool:
    """True when ``words[i]`` is a word of intent or agreement followed by "to" ("agreed to"),
    or by its object and "to" ("urging supporters to gather for a funeral on Wednesday", "urged
    them to"): an object pronoun or one plural noun in lower case."""
    if words[i].lower() not in _prospective():
        return False
    if i + 1 < len(words) and words[i + 1].lower() == "to":
        return True
    if i + 2 >= len(words) or words[i + 2].lower() != "to":
        return False
    obj = words[i + 1]
    return obj.lower() in _OBJECT_PRONOUNS or (
        obj.islower() and obj.endswith("s") and not obj.endswith("ss") and obj not in _CLOSED_CLASS
    )


@functools.cache
def _timetable_phrases() -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(p.split()) for p in load_list("timex_timetable_phrases.txt", lower=True))


_TIMETABLE_REACH = 6  # words back from the date to the phrase's last word


def _timetable_phrase(words: list[str]) -> bool:
    """True when the nearest cue before the date is a present phrase of a scheduled start
    (``timex_timetable_phrases.txt``: "the law takes effect on Jan 1", "tickets go on sale
    from 0900 GMT Wednesday") with no "to" or auxiliary before it ("failed to go on sale",
    "did not take effect"): a timetable, the date is ahead."""
    low = [w.lower() for w in words]
    for end in range(len(low), max(0, len(low) - _TIMETABLE_REACH), -1):
        for phrase in _timetable_phrases():
            start = end - len(phrase)
            if start >= 0 and tuple(low[start:end]) == phrase:
                before = low[start - 1] if start > 0 else ""
                if phrase[0].endswith("ing") and (before in _PAST_BE or before in _PRESENT_BE):
                    return False  # "was taking effect": a progressive, left to the other cues
                return before != "to" and _aux_before(words, start) is None
        if _cue_at(words, end - 1) is not None:
            return False
    return False


# Words of a saying's own date between a word of intent and its "to" ("vowed Friday to",
# "agreed on Tuesday to"), besides weekday names.
_SAYING_DATE_WORDS = frozenset({"on", "late", "early", "earlier"})


def _dated_intent(words: list[str], i: int) -> bool:
    """True when ``words[i]`` is a word of intent whose own weekday stands between it and its
    "to" ("vowed Friday to return to power by Monday"): the plan's weekday after it is a
    later day than the vow's."""
    if words[i].lower() not in _prospective():
        return False
    weekdays = lexicon().weekdays
    j, named = i + 1, False
    while j < len(words) and j <= i + 3 and words[j].lower() != "to":
        low = words[j].lower()
        if low in weekdays:
            named = True
        elif low not in _SAYING_DATE_WORDS:
            return False
        j += 1
    return named and j < len(words) and words[j].lower() == "to"


@functools.cache
def _status_passives() -> frozenset[str]:
    return frozenset(load_list("timex_status_passives.txt", lower=True))


@functools.cache
def _reporting_verbs() -> frozenset[str]:
    return frozenset(load_list("timex_reporting_verbs.txt", lower=True))


def _names_weekday(text: str, start: int, end: int) -> bool:
    """ "told governors on Thursday that ...": a weekday after a reporting verb is mostly the
    saying's own day, whatever the reported clause's tense."""
    return any(w.lower() in lexicon().weekdays for w in _WORD.findall(text[start:end]))


def _words_after(text: str, end: int, stop: int) -> list[str]:
    """The words from ``end`` to the end of the clause (a clause break or ``stop``)."""
    brk = _CLAUSE_BREAK.search(text, end, stop)
    return [m.group(0) for m in _WORD.finditer(text, end, brk.start() if brk else stop)]


@functools.cache
def _speech_verb_list() -> tuple[str, ...]:
    """The verbs of ``timex_speech_verbs.txt``, lower case, in the file's order (read once for
    the reporting aside, the attribution and the parse's reporting present)."""
    return tuple(load_list("timex_speech_verbs.txt", lower=True))


@functools.cache
def _reporting_aside() -> re.Pattern[str]:
    verbs = "|".join(re.escape(w) for w in _speech_verb_list())
    # ", she said,", ", the official says,", ", according to X,": up to four words before the verb
    return re.compile(
        rf"\s*,\s*(?:[\w.'’-]+\s+){{1,4}}?(?:{verbs})\s*,|\s*,\s*according\s+to\s+[^,.;]{{1,60}},",
        re.IGNORECASE,
    )


def tense_past_aside(text: str, end: int) -> Tense:
    """The tense of the clause after an expression and a reporting aside set off by commas
    ("One day, she said, it will end": "will", not the saying's "said"); None when no such
    aside follows or the clause has no cue."""
    m = _reporting_aside().match(text, end)
    if not m:
        return None
    stop = _SENT_END.search(text, m.end())
    words = _words_after(text, m.end(), stop.start() if stop else len(text))
    return _first_cue(words)


@functools.cache
def _attribution() -> re.Pattern[str]:
    """A comma (and a closing quote) after the expression, then a speech verb within four
    words that ends the sentence or goes on to its subject: '..., said South Korea's APEC
    ambassador.', '...on Sunday," he added.'"""
    verbs = "|".join(re.escape(w) for w in _speech_verb_list())
    return re.compile(
        rf"[\"'”’]?\s*,\s*[\"'”’]?\s*(?:[\w.'’-]+\s+){{0,4}}?(?:{verbs})\b(?![^.!?]*,)",
        re.IGNORECASE,
    )


@functools.cache
def _sentence_attribution() -> re.Pattern[str]:
    """An attribution that closes its sentence: ', his spokesman said.', ', officials said
    Friday.', ', he told reporters.' (one word after the verb, a day or its object)."""
    verbs = "|".join(re.escape(w) for w in _speech_verb_list())
    return re.compile(
        rf",\s*[\"'”’]?\s*(?:[\w.'’-]+\s+){{0,4}}?(?:{verbs})(?:\s+(?:on\s+)?\w+)?"
        rf"\s*[.!?]?[\"'”’]?\s*$",
        re.IGNORECASE,
    )


def _closing_attribution(text: str, end: int, stop: int) -> bool:
    """True when the words after the expression up to an attribution that closes the
    sentence carry no tense cue of their own ("... (0200 GMT Monday) to discuss the way
    forward in Iraq, his spokesman said."): the first cue after it is the saying's."""
    m = _sentence_attribution().search(text, end, stop)
    if m is None:
        return False
    return _first_cue([w.group(0) for w in _WORD.finditer(text, end, m.start())]) is None


def _first_cue(words: list[str]) -> Tense:
    for i in range(len(words)):
        if _past_to(words, i):
            # after the date "was to" is mostly a copula and its complement, past: "Our stance
            # in the February G7 meeting was to respond", "the press conference, which was to
            # introduce the new coach"
            return "past"
        tense = _cue_at(words, i)
        if tense is not None:
            return tense
    return None


# Words that may stand between a modal and its verb ("could also come", "may soon meet").
_MODAL_ADVERBS = frozenset({"also", "still", "even", "only", "then", "well", "soon", "as"})
# A denied ability is news of the past: "could not be reached Wednesday", "Neither he nor
# his parents could be located Wednesday" (TBAQ).
_NEGATIONS = frozenset({"not", "never", "neither", "nor", "nobody", "no"})
# After a modal these make the clause perfect or passive-perfect: "may have left on Friday".
_MODAL_PERFECT = frozenset({"have", "'ve", "been"})


# Words that are no verb after a modal ("cans of beer", "a can of paint on Friday").
_NOT_VERB_AFTER_MODAL = _DETERMINERS | frozenset({"of", "and", "or", "in", "on", "for", "with"})


def _modal_ahead(words: list[str], i: int) -> bool:
    """True for a lower-case modal of ``timex_tense_cues.tsv`` ("could", "may", "might")
    followed by a base-form verb: "could come from a meeting on Friday" looks ahead."""
    word = words[i]
    if word != word.lower() or lexicon().tense_cues.get(word) != "modal":
        return False
    if i > 0 and words[i - 1].lower() in _DETERMINERS:
        return False  # "a can of beer": a noun
    j = i + 1
    while j < len(words) and (words[j].lower() in _MODAL_ADVERBS or words[j].endswith("ly")):
        j += 1
    if any(w.lower() in _NEGATIONS for w in words[max(0, i - 8) : j + 1]):
        return False
    return (
        j < len(words)
        and words[j].lower() not in _MODAL_PERFECT
        and words[j].lower() not in _NOT_VERB_AFTER_MODAL
        # "could hit Friday": an unchanged past after a modal is a bare infinitive too
        and (_cue(words[j]) is None or _bare_form(words[j]))
    )


def _modal_verb(words: list[str], i: int) -> bool:
    """True for the bare verb of a modal that looks ahead ("could also begin")."""
    j = i - 1
    while j >= 0 and (words[j].lower() in _MODAL_ADVERBS or words[j].endswith("ly")):
        j -= 1
    return j >= 0 and _modal_ahead(words, j)


# Prepositions a reduced relative's participle may take before the date ("a service planned
# at the University ... for Saturday", "the talks scheduled for Monday").
_PARTICIPLE_PREPOSITIONS = frozenset({"for", "at", "on", "in", "by", "during", "around", "near"})


def _reduced_relative(words: list[str], i: int) -> bool:
    """True for an "-ed" participle that follows a noun phrase opened by a determiner (up to
    four words, no verb between) and is followed by a preposition or the date itself: "a
    memorial service planned at ...", "the vote scheduled Friday". "The team planned to
    leave" (an infinitive follows) and "the company scheduled the vote" (an object follows)
    are finite verbs."""
    word = words[i]
    if not (word.islower() and word.endswith("ed")):
        return False
    if i + 1 < len(words) and words[i + 1].lower() not in _PARTICIPLE_PREPOSITIONS:
        return False
    if i == 0 or words[i - 1].lower() in _DETERMINERS:
        return False  # "the planned merger" is an adjective, handled apart
    for j in range(i - 1, max(-1, i - 6), -1):
        low = words[j].lower()
        if low in _DETERMINERS:
            return True
        if _cue(words[j]) is not None or low in _CLAUSE_WORDS or low in _SINGULAR_PRONOUNS:
            return False
    return False


# Subject pronouns that open a reported clause without "that" ("said they believe ...").
_CLAUSE_SUBJECTS = frozenset({"he", "she", "it", "they", "we", "i"})


# A parenthesis of figures: a clock time in another zone, an amount in another currency.
_CONVERSION = re.compile(r"[^()]*\d[^()]*$")
# An abbreviation in brackets is no clause either: "cut output by 500,000 barrels per day
# (bpd) from February", "the World Health Organization (WHO) on Monday". Capitals or a short
# lower-case word only: a bracketed "(Friday)" in a list of games is a date of its own.
_SHORT_NAME = re.compile(r"\s*(?:[A-Z][A-Z.&-]{1,11}|[a-z]{2,5})\s*$")


@functools.cache
def _naming_participle() -> re.Pattern[str]:
    words = alternation(load_list("timex_naming_participles.txt", lower=True))
    return re.compile(rf"(?<![\w-])(?:{words})\s*$", re.IGNORECASE)


_OPEN_QUOTES = frozenset('"“')
_TITLE_LENGTH = 120  # characters a quoted title may run to


def _quoted_title(text: str, quote: int, start: int) -> tuple[int, int] | None:
    """The span from a naming participle (``timex_naming_participles.txt``) to the end of the
    quoted title it opens at ``quote``, when the title closes before ``start``."""
    if text[quote] not in _OPEN_QUOTES:
        return None
    m = _naming_participle().search(text, max(0, quote - 20), quote)
    if m is None:
        return None
    close = re.compile(r'["”]').search(text, quote + 1, min(start, quote + _TITLE_LENGTH))
    return (m.start(), close.end()) if close else None


_AFTER_TITLE = re.compile(r"\s*,?\s*(?:(?:on|at|in|from)\s+)?")


def _title_before(text: str, sentence: tuple[int, int], start: int) -> bool:
    """True when a quoted title of ``_quoted_title`` closes right before the date (a comma or
    a preposition between): a parse hangs the date on the naming participle ("entitled"), so
    the cue words decide."""
    for m in re.finditer(r'["“]', text[sentence[0] : start]):
        span = _quoted_title(text, sentence[0] + m.start(), start)
        if span is not None and _AFTER_TITLE.fullmatch(text, span[1], start):
            return True
    return False


def _clause_before(text: str, sentence: tuple[int, int], start: int) -> list[str]:
    """The words of the expression's clause before it."""
    clause_start = sentence[0]
    asides: list[tuple[int, int]] = []
    for m in _CLAUSE_BREAK.finditer(text, sentence[0], start):
        if m.group(0) == "(":
            close = text.find(")", m.end(), start)
            if close < 0:
                continue  # "will leave at 4 (4 a.m. Thursday)": an aside belongs to its clause
            if _CONVERSION.match(text, m.end(), close) or _SHORT_NAME.match(text, m.end(), close):
                # "will be turned off at 10:00 am in Moscow (0700 GMT) on Monday", "(863 US
                # dollars)": a closed aside of figures is passed over, the clause goes on
                # around it
                asides.append((m.start(), close + 1))
                continue
        if m.group(0) == ")" and any(a < m.end() <= b for a, b in asides):
            continue
        if any(a <= m.start() < b for a, b in asides):
            continue  # the closing quote of a title passed over
        title = _quoted_title(text, m.start(), start)
        if title is not None:
            # "the documentary, entitled "Following Sun Yat-sen's Path" on Saturday": a
            # title is no clause, the verb before it dates the day
            asides.append(title)
            continue
        clause_start = m.end()
    return [
        m.group(0)
        for m in _WORD.finditer(text, clause_start, start)
        if not any(a <= m.start() < b for a, b in asides)
    ]


def _after_past_be(words: list[str], i: int) -> bool:
    """True for a word right after "was"/"were", or after "was"/"were" and one "-ly" adverb
    ("was originally scheduled", "were previously planned")."""
    # "analysts, who had expected the shortfall to come to 63 billion dollars in October":
    # a past perfect plan is a plan of the past as well
    before = _word_before(words, i)
    return before is not None and (before in _PAST_BE or before == "had")


@functools.cache
def _not_participles() -> frozenset[str]:
    return frozenset(load_list("timex_not_participles.txt", lower=True))


_RELATIVE_PRONOUNS = frozenset({"which", "who", "that"})
_COMMA_ING = re.compile(r",\s+([a-z]+ing)\b")
# An "-ing" word and one noun before a comma or "and" is an item of a list of nouns
# ("bowling alleys, skating rinks, bingo halls"), no participle adjunct
_LIST_ITEM = re.compile(r"\s+[a-z]+s\s*(?:,|\band\b)")


def _participle_adjunct(text: str, sentence: tuple[int, int], start: int) -> Tense:
    """The main clause's tense for a date in a participle adjunct set off by a comma ("Trump
    has elevated the theory that Harris is ineligible, citing the claim on Thursday"): the
    adjunct has no tense of its own and shares the main verb's time, not that of a clause
    nested before the comma ("is"). The main verb is the first cue of the sentence. None when
    the date is in no such adjunct (a cue stands between the participle and the date) or the
    sentence before the comma has no cue."""
    found = None
    for m in _COMMA_ING.finditer(text, sentence[0], start):
        found = m
    if found is None or found.group(1) in _not_participles():
        return None
    if _LIST_ITEM.match(text, found.end()):
        return None  # "bars, wine tasting rooms, bowling alleys, skating rinks, bingo halls"
    if _CLAUSE_BREAK.search(text, found.end(), start):
        return None
    between = _WORD.findall(text, found.end(), start)
    if _first_cue(between) is not None:
        return None  # "..., saying it will reopen on Friday": the adjunct's own clause decides
    main = _WORD.findall(text, sentence[0], found.start())
    if main and main[-1].lower() in _reporting_verbs():
        # '"...," Ali said, pointing to ...': the adjunct hangs on the saying, not the quote
        return _cue_at(main, len(main) - 1)
    # "The county is facing a shortfall, and yesterday the county reached a milestone,
    # surpassing ...": the participle's main clause is the last coordinated one
    conjunctions = [i for i, w in enumerate(main) if w in ("and", "but")]
    if conjunctions:
        main = main[conjunctions[-1] + 1 :]
    for i, word in enumerate(main):
        tense = _cue_at(main, i)
        if tense is None or (i > 0 and main[i - 1].lower() in _RELATIVE_PRONOUNS):
            continue  # "The team, which is unbeaten, will travel": a relative clause's verb
        if word.lower() in _reporting_verbs():
            # "said schools will close, citing ... Friday": the adjunct may belong to the
            # reported clause, whose tense is not the saying's
            return None
        return tense
    return None


def _farther_cue(before: list[str], near: int) -> Tense:
    """The nearest cue among ``before[:near]``, the clause's words beyond the near window; a
    past perfect plan ("analysts, who had expected the shortfall in goods and services to come
    to 63 billion dollars in October") counts as no direction."""
    for i in range(near - 1, -1, -1):
        tense = _cue_at(before, i)
        if tense is not None:
            if tense == "future" and _plan_of_past(before, i) and _after_had(before, i):
                return None  # further back only a past perfect ("was expected" keeps ahead)
            return tense
    return None


def _after_had(words: list[str], i: int) -> bool:
    return _word_before(words, i) == "had"


def _plan_of_past(words: list[str], i: int) -> bool:
    """ "was scheduled to", "had expected ... to": a plan made in the past, which may have
    fallen before or after the DCT ("were planning to drive" still looks ahead). So is a
    passive infinitive after "was/were" and one word ("Assange was due to be released ... in
    September", "was supposed to be airlifted out of Kisangani on Friday, but ...")."""
    if _passive_infinitive(words, i) and i >= 3:
        return words[i - 3].lower() in _PAST_BE or (i >= 4 and words[i - 4].lower() in _PAST_BE)
    if _past_to(words, i):
        return True  # "were to continue until Thursday"
    return _after_past_be(words, i) and not words[i].lower().endswith("ing")


@functools.cache
def _conditionals() -> frozenset[str]:
    return frozenset(load_list("timex_conditional_words.txt", lower=True))


_PRESENT_S = re.compile(r"^[a-z]{3,}(?<!s)s$")
_CONDITIONAL_REACH = 8  # words back from the date to the subordinator


def _conditional_present(words: list[str]) -> bool:
    """True for a clause ending in a subordinator of condition, a subject and a present verb
    in "-s" with no tense cue after the subordinator ("unless the governor intervenes before
    Tuesday", "if he wins on Sunday"): the present tells of the future. "asked if the strike
    on Friday", with no such verb, says nothing."""
    for j in range(len(words) - 1, max(-1, len(words) - 1 - _CONDITIONAL_REACH), -1):
        if words[j].lower() in _conditionals():
            rest = words[j + 1 :]
            if any(_cue_at(words, k) is not None for k in range(j + 1, len(words))):
                return False
            # the verb follows its subject: not the word right after the subordinator
            return any(_PRESENT_S.match(w) for w in rest[1:])
    return False


def _plural_subject(text: str, end: int, words: list[str], i: int) -> bool:
    """True for a present cue in "-s" right before the date (or before "on" and the date)
    when a past verb follows the date at once: "Late-night hosts on Tuesday addressed ...",
    "Heads of state on Monday agreed": the "-s" word is the plural noun of the subject, the
    verb after the date is the clause's."""
    word = words[i]
    if not (word.islower() and _PRESENT_S.match(word)) or word in _PRESENT_BE:
        return False
    if words[i + 1 :] not in ([], ["on"]):
        return False
    after = _WORD.findall(text, end, min(len(text), end + 40))
    if after and after[0].endswith("ly") and after[0].islower():
        after = after[1:]
    return bool(after) and _cue_at(after, 0) == "past"


# Words that may stand between "was expected" and its weekday ("were expected on Friday",
# "as early as Monday", "Monday or [Tuesday]").
_EXPECTED_GAP = frozenset({"on", "by", "as", "early", "late", "soon", "or", "and", "until"})


def _expected_day(text: str, sentence: tuple[int, int], end: int, words: list[str], i: int) -> bool:
    """True for a weekday right after "was/were expected" ("Official results were expected
    Monday or Tuesday, the commission said", said on a Sunday): in a report the past is the
    saying's ("results are expected Monday"), the day is still ahead. Not when a verb other
    than a saying follows the date in its sentence ("The ruling, which was expected Monday,
    was delayed", "was expected on Thursday but was postponed": the day has come and gone),
    nor after "had" ("had been expected")."""
    if words[i].lower() != "expected" or _word_before(words, i) not in _PAST_BE:
        return False
    weekdays = lexicon().weekdays
    if any(w.lower() not in _EXPECTED_GAP and w.lower() not in weekdays for w in words[i + 1 :]):
        return False
    after = [m.group(0) for m in _WORD.finditer(text, end, sentence[1])]
    for k in range(len(after)):
        if _cue_at(after, k) is not None:
            return after[k].lower() in _speech_verbs()
    return True


_WHEN_AFTER = re.compile(r"\s*,?\s*when\b", re.IGNORECASE)
# "decided to reopen the investigation in May after he was hauled out of the embassy": a past
# "after" clause right after the date tells of what came before it
_AFTER_AFTER = re.compile(r"\s*,?\s*after\b", re.IGNORECASE)


def _nearest_cue(words: list[str], end: int | None = None) -> Tense:
    """The tense of the nearest cue before ``words[end]`` (the last word when ``end`` is None);
    each cue is read with the words after it still in view."""
    for i in range((len(words) if end is None else end) - 1, -1, -1):
        tense = _cue_at(words, i)
        if tense is not None:
            return tense
    return None


def _past_when_clause(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """True for a "when" right after the date whose clause's first tense cue is past ("in
    late March when she was hit with flu-like symptoms"); "in November, when voters will
    choose" is no past. So for an "after" ("decided to reopen the investigation in May after
    he was hauled out"), unless the clause before moves something to the date."""
    m = _WHEN_AFTER.match(text, end, sentence[1])
    if not m:
        m = _AFTER_AFTER.match(text, end, sentence[1])
        if not m or _moved_to(_clause_before(text, sentence, start)):
            # "The vote was postponed to May after the court ruled": the new date is ahead
            return False
    return _first_cue([w.group(0) for w in _WORD.finditer(text, m.end(), sentence[1])]) == "past"


# A subject's relative aside closed right before the date: "The governor, who has been
# criticized for the lockdown, on Friday ..."
_RELATIVE_ASIDE = re.compile(r",\s*(?:who|which)\b[^,;:()]*,\s*(?:on\s+)?$", re.IGNORECASE)


def _verb_after_relative_aside(text: str, sentence: tuple[int, int], start: int, end: int) -> Tense:
    """The tense of the verb right after the date (one "-ly" adverb may come first) when a
    relative aside set off by commas ends right before it: the subject's verb follows the
    date, and the aside says nothing about it."""
    if _RELATIVE_ASIDE.search(text, sentence[0], start) is None:
        return None
    after = _WORD.findall(text, end, min(sentence[1], end + 60))
    if after and after[0].islower() and after[0].endswith("ly"):
        after = after[1:]
    return _cue_at(after, 0) if after else None


_BACK_IN = re.compile(r"\bback\s+(?:in|on)\s+(?:(?:early|mid|late)[\s-]+)?$", re.IGNORECASE)


_AFTER_BEING = re.compile(r"\bafter\s+(?:being|having)\s+\w+(?:\s+\w+){0,4}\s+$", re.I)


def _lexical(text: str, sentence: tuple[int, int], start: int, end: int) -> Tense:
    """The nearest cue before the expression in its clause ("will meet on Friday", "met
    Friday"); failing that, the nearest after it ("On Tuesday, the ministers met")."""
    adjunct = _participle_adjunct(text, sentence, start)
    if adjunct is not None:
        return adjunct
    before = _clause_before(text, sentence, start)
    after_aside = _verb_after_relative_aside(text, sentence, start, end)
    if after_aside is not None:
        # "Maoist rebels, who have been fighting ... since 1996, on Friday extended their
        # ceasefire": the aside's tense is not the date's, the verb right after it is
        return after_aside
    if _names_weekday(text, start, end) and _conditional_present(before):
        # "unless the governor intervenes before Tuesday"; a month is left to the other cues
        # ("If a ballot vacancy happens after the March primary" names the primary gone)
        return "future"
    near = max(0, len(before) - 12)
    if (
        len(before) > 2
        and before[-2].lower() == "and"
        and before[-1].lower() in _unchanged_past()
        and (main := _first_cue(before[:-2])) is not None
    ):
        # "had ruled that Elian must be returned to his father, and set Friday as the
        # deadline": a verb spelled like its base form, coordinated right before the date,
        # has the tense of the clause's own first verb, not of a modal in between
        return main
    if _moved_to(before):
        # the verb's tense dates the decision; the date it moves to is, as a rule, still ahead
        # (the tense window still caps how far: "postponed to Nov. 4" said in December)
        return "future"
    prospective = dated = False
    weekday = _names_weekday(text, start, end)
    # "an expert who could explain the virus back in March": after "back in" the modal of a
    # clause further back says nothing of the date
    modal_reach = _BACK_IN.search(text, max(0, start - 40), start) is None
    # "can be held until Saturday at the latest after being arrested on Tuesday": a deed
    # done before what the modal tells of is gone
    modal_reach = modal_reach and _AFTER_BEING.search(text, max(0, start - 60), start) is None
    for i in range(len(before) - 1, near - 1, -1):
        prospective = prospective or _looks_ahead(before, i)
        dated = dated or _dated_intent(before, i)
        if modal_reach and _modal_ahead(before, i):
            # "could come from a meeting on Friday", "He added that the playoffs could begin
            # in mid-November": a modal and its bare verb look ahead, whatever saying or past
            # stands further back
            return "future"
        tense = _cue_at(before, i)
        if modal_reach and tense == "present" and _modal_verb(before, i):
            return "future"  # "could begin in mid-November": "begin" is the modal's verb
        if weekday and tense == "future" and _expected_day(text, sentence, end, before, i):
            return "future"  # "Official results were expected Monday or Tuesday, it said"
        if tense == "future" and _plan_of_past(before, i):
            # "was scheduled to fight Ribas in March": a plan of the past, which may have
            # fallen before or after the DCT; the nearest occurrence is taken ("were
            # planning to drive ... on Monday" still looks ahead: TimeBank)
            return None
        if tense == "future" and _reduced_relative(before, i):
            # "A memorial service planned ... for Saturday was canceled": the participle
            # only describes the noun, the clause's own verb after the date decides
            main = _first_cue(_words_after(text, end, sentence[1]))
            if main is not None:
                return main
        if tense == "present" and _plural_subject(text, end, before, i):
            return "past"  # "Late-night hosts on Tuesday addressed Donald Trump's speech"
        if (
            tense == "past"
            and i > 0
            and before[i - 1].lower() in _PRESENT_BE
            and before[i].lower() not in _status_passives()
        ):
            # "We are booked for the whole of July": a present passive states how things
            # stand now (as in ``_past_verb_before``), its "-ed" is no past; "is accused of
            # killing her on Friday" still tells of the deed gone
            return "present"
        if tense is not None:
            if (
                tense == "past"
                and before[i].lower() in _reporting_verbs()
                and i + 2 < len(before)
                and (before[i + 1].lower() == "that" or before[i + 1].lower() in _CLAUSE_SUBJECTS)
                and not weekday
            ):
                # "said that in September there will be a transition", "said they believe the
                # November contest will focus on ...": the saying is past, the clause it
                # reports (with or without "that") may have its own tense after the date
                reported = _first_cue(_words_after(text, end, sentence[1]))
                if reported is not None:
                    return reported
            if weekday and dated and tense == "past":
                return "future"  # "vowed Friday to return to power by Monday"
            # "agreed to buy it in February": a past verb says nothing about the February
            return None if prospective and tense == "past" else tense
    # "After reports Thursday that Pence's office would be coordinating ...": a "that" clause
    # right after the date belongs to the noun before it, its tense is not the date's
    complement = re.match(r"\s+that\b", text[end : end + 6]) is not None
    tense = None if complement else _cue_after(text, end, sentence[1])
    farther = _farther_cue(before, near)
    if tense is not None and farther is not None and _closing_attribution(text, end, sentence[1]):
        # "will make a rare address ... at 9:00 pm Sunday (0200 GMT Monday) to discuss the
        # way forward in Iraq, his spokesman said.": nothing tensed between the date and
        # the attribution that closes the sentence, which dates the saying
        return farther
    if tense is not None and farther is not None and _attribution().match(text, end):
        # '"We will go back to Baidoa to ... discuss our laws to the parliament on Sunday,"
        # he added': the attribution dates the saying; a cue of the clause further back
        # dates the date
        return farther
    if prospective and tense == "past" and not weekday:
        # '"... that we hope to complete to them in September by time of ...," Bacon said':
        # after a word of intent, a past after the date says nothing about the September
        return None
    if tense is not None:
        return tense
    if prospective and farther == "past":
        # "shouted the crowds after calls by the majority in parliament urging them to
        # mobilise for a national funeral on Wednesday": a past further back than the word of
        # intent says nothing about the date either
        return None
    return farther


_RELATIVE_AFTER = re.compile(r"\s*,\s*(?:which|who)\b")


def _cue_after(text: str, end: int, stop: int) -> Tense:
    """The first cue after an expression up to ``stop``. A relative clause set off by commas
    right after it is passed over when a cue follows it ("The nine-hour operation on
    Wednesday, which is said to be the first step in a project, was ...": "is" tells of the
    operation); with nothing after it, it may tell of the date itself ("on July 1, which would
    have been her 46th birthday")."""
    m = _RELATIVE_AFTER.match(text, end)
    if m is not None:
        comma = text.find(",", m.end(), stop)
        if comma >= 0:
            main = _first_cue([w.group(0) for w in _WORD.finditer(text, comma + 1, stop)])
            if main is not None:
                return main
    return _first_cue([w.group(0) for w in _WORD.finditer(text, end, stop)])


def _verb_tense(verb: Token) -> Tense:
    if verb.lower_ == "going" and not any(c.lower_ in _GOING_AHEAD for c in verb.subtree):
        # "could get much going offensively on Sunday night" (the parse hangs "could" on
        # "going"): no "going to", no future of its own; the cue words decide
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {c.lower_ for c in aux}
    if lowers & _FUTURE_AUX:
        return "future"
    if any(c.lower_ == "going" for c in aux) or (
        verb.lower_ == "going" and any(c.lower_ == "to" for c in verb.subtree)
    ):
        return "future"
    if _plan_verb(verb):
        if (verb.i > 0 and verb.doc[verb.i - 1].lower_ == "than") or any(
            c.dep_ == "mark" and c.lower_ == "than" for c in verb.children
        ):
            # "came earlier than expected on Monday", "earlier than she planned in March": a
            # comparison, no plan
            return None
        if verb.dep_ == "acl" or (
            verb.tag_ == "VBN" and any(c.tag_ == "VBD" or c.lower_ == "been" for c in aux)
        ):
            # "a service planned ... for Saturday was canceled": the clause's verb decides;
            # "was scheduled to fight in March", "had been scheduled to expire at midnight
            # Friday": a plan of the past, the cue words decide
            return None
        # "Protesters planned a demonstration on Saturday", "has scheduled a news conference
        # Thursday": a plan looks ahead, as the cue words say without a parse
        return "future"
    if any(c.tag_ == "VBD" for c in aux) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN" and (not aux or any(c.lemma_ == "have" for c in aux)):
        return "past"
    if verb.tag_ == "VBP" and not aux and verb.lower_ in _unchanged_past() and _singular(verb):
        return "past"  # "Weakness in tech stocks hurt the index": "hurts" would be present
    if verb.tag_ in ("VBZ", "VBP") and not aux and verb.lower_ in _speech_verbs():
        # "despite the exchange Wednesday, he says ...": a reporting present is no timetable
        # (the cue words leave "says" out for the same reason)
        return None
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return "present"
    if any(c.tag_ == "MD" for c in aux):
        if lowers & {"could", "might", "may", "can"} and _negated(verb):
            # "Neither he nor ... could be located Wednesday": a denied ability is news of the
            # past, the cue words decide ("wouldn't arrive by Friday" still looks ahead)
            return None
        return "future" if lowers & {"would", "could", "might", "may", "can"} else None
    return None


@functools.cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(_speech_verb_list())


def _plan_verb(verb: Token) -> bool:
    """ "planned", "planning", "scheduled", "expected": a verb of ``timex_tense_cues.tsv``
    that looks ahead ("will" and "would" are auxiliaries)."""
    return verb.pos_ == "VERB" and lexicon().tense_cues.get(verb.lower_) == "future"


def _singular(verb: Token) -> bool:
    """True when the verb's subject is a singular noun or "he", "she", "it"."""
    return any(
        c.dep_ == "nsubj" and (c.tag_ in ("NN", "NNP") or c.lower_ in _SINGULAR_PRONOUNS)
        for c in verb.children
    )


def _negated(verb: Token) -> bool:
    """True for a negated verb or a negated subject ("could not be reached", "Neither he nor
    his parents could be located")."""
    return any(c.dep_ == "neg" for c in verb.children) or any(
        t.lower_ in _NEGATIONS for c in verb.lefts for t in c.subtree
    )


def _parsed(doc: Doc, start: int, end: int) -> Tense:
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    prospective = False
    for step in range(4):
        verb = token
        through_noun = False
        # spaCy makes a new Token object on each access: compare positions, never identity.
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
            through_noun = through_noun or verb.pos_ == "NOUN"
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        tense = _verb_tense(verb)
        if tense == "present" and step == 0 and through_noun:
            # "This comes on the heels of the MTA's announcement on Thursday that ...": the
            # date dates the noun's event, a present verb above it is no timetable for it;
            # the cue words decide
            return None
        if tense is not None:
            # "agreed to buy it in February": a past verb says nothing about the February
            return None if prospective and tense == "past" else tense
        # "to meet Friday" / a bare verb: ask the verb it depends on.
        if verb.head.i == verb.i:
            return None
        token = verb.head
        if token.lower_ in _LIKELIHOOD and any(c.lower_ == "to" for c in verb.children):
            # "is likely to come in the winter" looks ahead, "likely to have spread" back
            perfect = any(c.lower_ in ("have", "'ve") for c in verb.children)
            return "past" if perfect else "future"
        # "agreed to buy", "an agreement to acquire": the infinitive hangs on a word of intent
        prospective = token.lower_ in _prospective() and any(
            c.lower_ == "to" for c in verb.children
        )
    return None


@functools.cache
def _direction_cues() -> re.Pattern[str]:
    phrases = [r["phrase"] for r in load_table("timex_direction_cues.tsv")]
    words = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(rf"\b({words})\s+(?:on\s+|the\s+)?$", re.IGNORECASE)


@functools.cache
def _direction_table() -> dict[str, tuple[Tense, bool]]:
    return {
        r["phrase"]: (_TENSES.get(r["tense"]), r["past_wins"] == "yes")
        for r in load_table("timex_direction_cues.tsv")
    }


def _direction(text: str, start: int) -> tuple[Tense, bool]:
    """The cue's direction and whether a past-tense clause outweighs it."""
    m = _direction_cues().search(text, max(0, start - 25), start)
    if not m:
        return None, False
    key = re.sub(r"\s+", " ", m.group(1).lower())
    tense, past_wins = _direction_table().get(key, (None, False))
    return tense, past_wins


@functools.cache
def _figure_comparison() -> re.Pattern[str]:
    phrases = alternation(load_list("timex_figure_comparisons.txt", lower=True))
    unit = r"(?:%|percent|per\s+cent|million|billion|trillion|thousand)"
    figure = (
        rf"[$€£]?(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?\s*{unit}|\d{{2,}}(?:\.\d+)?)"
        r"(?:\s+[a-z]+)?"  # "749 deaths", "1.959 million tests"
    )
    return re.compile(
        rf"(?<![\w.])(?:{phrases})\s+(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+)?"
        rf"{figure}\s*,?\s+(?:on\s+)?$",
        re.IGNORECASE,
    )


def figure_compared(text: str, start: int) -> bool:
    """True for a date after a figure it is compared with ("against 1.959 million on
    Monday"): the earlier figure's day (``timex_figure_comparisons.txt``)."""
    return _figure_comparison().search(text, max(0, start - 60), start) is not None


def tense_at(
    text: str, sentences: Sentences, start: int, end: int, doc: Doc | None = None
) -> Tense:
    """The tense governing ``text[start:end]``: past, present, future or None (unknown)."""
    tense = _tense_at(text, sentences, start, end, doc)
    if tense != "future" and figure_compared(text, start):
        # "have so far been tested, against 1.959 million on Monday": the figure of a day
        # gone; a future is kept ("will play against 10 men on Friday")
        return "past"
    return tense


def _tense_at(text: str, sentences: Sentences, start: int, end: int, doc: Doc | None) -> Tense:
    direction, past_wins = _direction(text, start)
    sentence = sentences.around(start)
    if direction == "future" and plan_of_past_at(text, sentences, start):
        # "Flight disruptions were to continue until Thursday": a plan as it stood when told
        # may end either side of the DCT; the nearest such day (relative._planned_in_past)
        return None
    if direction is not None:
        # "equivocated until late January": a past verb right before "until" wins over it;
        # "Until Thursday, they had not called him a suspect": so does the main clause's past
        # after a fronted "until" phrase
        if past_wins and _opens_reported_clause(text, sentence, start):
            # "The prime minister said that starting Wednesday, Britons will be allowed":
            # the saying's past dates the saying; the reported clause after the date decides
            after = [w.group(0) for w in _WORD.finditer(text, end, sentence[1])]
            return "past" if _first_cue(after) == "past" else direction
        if past_wins and (
            _past_verb_before(text, sentence, start) or _fronted_past(text, sentence, start, end)
        ):
            return "past"
        return direction
    if _since_phrase(text, sentence, start):
        return "past"  # "escalation since the bombing of a shrine in Samarra in February"
    if _timetable_phrase(_clause_before(text, sentence, start)):
        return "future"  # "the law takes effect on Jan 1", with or without a parse
    if _ahead_of_event(text, sentence, start):
        return "future"  # "comes ahead of a summit meeting between Roh and Koizumi on Friday"
    if _past_when_clause(text, sentence, start, end) and _nearest_cue(
        _clause_before(text, sentence, start)
    ) not in ("future", "present"):
        # "thought she could ride out the virus at home in late March when she was hit":
        # a past "when" clause right after the date says when it was ("will travel on
        # Friday when the talks were to end" keeps its future)
        return "past"
    if doc is not None and _names_weekday(text, start, end):
        before = _clause_before(text, sentence, start)
        near = next((i for i in range(len(before) - 1, -1, -1) if _cue_at(before, i)), None)
        if near is not None and _expected_day(text, sentence, end, before, near):
            return "future"  # "results were expected Monday": as the cue words say
    if doc is not None and _title_before(text, sentence, start):
        return _lexical(text, sentence, start, end)  # "entitled "…" on Saturday"
    if doc is not None and _infinitive_before(_clause_before(text, sentence, start)):
        return _lexical(text, sentence, start, end)  # "an interview to be broadcast Monday"
    if doc is not None and plan_of_past_at(text, sentences, start):
        # "was expected to hold its key rates at a meeting on Thursday": the parse reads the
        # past of "was"; a plan made in the past may fall either side of the DCT
        return _lexical(text, sentence, start, end)
    if doc is not None:
        if _moved_to(_clause_before(text, sentence, start)):
            return "future"  # "extended ... loans through January": the new date is ahead
        tense = _parsed(doc, start, end)
        if (
            tense == "present"
            and _names_weekday(text, start, end)
            and _conditional_present(_clause_before(text, sentence, start))
        ):
            return "future"  # "unless the governor intervenes before Tuesday"
        if tense is not None:
            return tense
    return _lexical(text, sentence, start, end)


# "since" and the noun phrase after it up to the date: no comma or other break, a few words
_SINCE_PHRASE = re.compile(r"\bsince\s+((?:[\w'’-]+\s+){1,10})$", re.IGNORECASE)
# "since then in February", "since last year in March": "since" is a stretch of its own
_SINCE_OWN = frozenset({"then", "last", "this", "early", "late", "mid"})


def _since_phrase(text: str, sentence: tuple[int, int], start: int) -> bool:
    """True for a date at the end of the noun phrase after "since" ("a sharp escalation in
    violence since the bombing of a Shiite shrine in Samarra in February", said in November;
    "prices have doubled since the rally on Monday"): what a stretch runs from has happened,
    as "since February" says. Not when a verb or a modal stands between ("since the vote is
    in February", "since the company plans to cut jobs in March": "since" is "because"
    there), nor across a comma."""
    m = _SINCE_PHRASE.search(text, max(sentence[0], start - 100), start)
    if m is None:
        return False
    words = [w.group(0) for w in _WORD.finditer(m.group(1))]
    if not words or words[0].lower() in _SINCE_OWN:
        return False
    for i, w in enumerate(words):
        if w.lower() in _modals() or w.lower() in _FUTURE_AUX:
            return False
        cue = _cue_at(words, i)
        # "since the start of trading in February": a present cue after "the" is a noun
        if cue is not None and not (cue == "present" and _noun_after_determiner(words, i)):
            return False
    return True


# the noun phrase after "ahead of" runs up to the date with no comma ("Just ahead of
# Albright's one-day trip, the State Department on Sunday issued", TBAQ: the Sunday gone)
_AHEAD_OF_NOUN = re.compile(r"\bahead\s+of\s+((?:[\w'’-]+\s+){1,8})$", re.IGNORECASE)


def _ahead_of_event(text: str, sentence: tuple[int, int], start: int) -> bool:
    """True for a date at the end of the noun phrase after "ahead of" ("The visit comes ahead
    of a summit meeting between Roh and Koizumi on Friday"): the event is still to come, as
    the cue right before a date says ("ahead of Friday's summit"). Not when a verb stands
    between (the date is then that verb's) or a past verb right before "ahead of" ("Violence
    flared ahead of a summit on Friday" may tell of a summit gone)."""
    m = _AHEAD_OF_NOUN.search(text, max(sentence[0], start - 120), start)
    if m is None:
        return False
    words = [w.group(0) for w in _WORD.finditer(m.group(1))]
    if any(_cue_at(words, i) is not None or w.lower() in _modals() for i, w in enumerate(words)):
        return False
    return not _past_verb_before(text, sentence, m.start() + len("ahead of"))


def ahead_cue(text: str, sentences: Sentences, start: int) -> bool:
    """True when a cue word of ``timex_direction_cues.tsv`` that points ahead stands right
    before ``start`` ("ahead of Saturday's matches", "in the run-up to Sunday's elections")
    and no past verb stands right before it ("Violence flared ahead of Sunday's vote")."""
    direction, _ = _direction(text, start)
    return direction == "future" and not _past_verb_before(text, sentences.around(start), start)


_VERB_REACH = 8  # words back from the cue ("equivocated on person-to-person transmission")


def _fronted_past(text: str, sentence: tuple[int, int], start: int, end: int) -> bool:
    """True for a cue phrase that opens its sentence and is set off by a comma ("Until
    Thursday, they had not called Kopp a suspect") when the first tense cue of the clause
    after it is past."""
    cue = _direction_cues().search(text, sentence[0], start)
    # the cue phrase itself only, of one word or more ("Until Thursday", "Beginning in
    # January, when the genome was first published, ...")
    if cue is None or len(_WORD.findall(text, sentence[0], start)) > len(
        _WORD.findall(cue.group(0))
    ):
        return False
    m = re.match(r"\s*,", text[end : end + 3])
    if not m:
        return False
    after = [w.group(0) for w in _WORD.finditer(text, end, sentence[1])]
    return _first_cue(after) == "past"


def _opens_reported_clause(text: str, sentence: tuple[int, int], start: int) -> bool:
    """True for a direction cue phrase ("starting", "beginning in") right after a reporting
    verb and "that" ("said that starting Wednesday, ..."): it opens the reported clause."""
    cue = _direction_cues().search(text, sentence[0], start)
    if cue is None:
        return False
    words = [w.lower() for w in _WORD.findall(text, sentence[0], cue.start())]
    return len(words) >= 2 and words[-1] == "that" and words[-2] in _reporting_verbs()


def _past_verb_before(text: str, sentence: tuple[int, int], start: int) -> bool:
    """True when the nearest tense cue in the few words before the expression is past (the
    wider clause is not trusted here: "will be gradually selling [...] until")."""
    # a hyphenated compound is one word of _WORD ("kicked off a five-day, round-the-clock
    # curfew beginning on Saturday": "kicked" is within reach)
    with_cue = [m.group(0) for m in _WORD.finditer(text, sentence[0], start)]
    if _moved_to(with_cue):
        return False  # "was given until Friday", "extended until July" look ahead
    words = with_cue[:-1]  # without the cue itself ("until")
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _VERB_REACH), -1):
        if words[i] in _modals():
            return False  # "announced the vaccine may be ready as early as September"
        tense = _cue_at(words, i)
        if tense is not None:
            if _perfect_before_earliest(words, i, text, start):
                return True  # "have been paying close attention as early as March"
            # "the store is closed until Monday": a present passive, still to end; so is a
            # perfect one ("has been closed until Monday")
            perfect_passive = words[i].lower() in _PERFECT_AUX and words[i + 1 : i + 2] == ["been"]
            return (
                tense == "past"
                and not (i > 0 and words[i - 1].lower() in _PRESENT_BE)
                and not perfect_passive
            )
    return False


# "as early as" right before the date (an optional "the"/"on" between)
_AS_EARLY_AS = re.compile(r"\bas\s+early\s+as\s+(?:on\s+|the\s+)?$", re.IGNORECASE)


def _perfect_before_earliest(words: list[str], i: int, text: str, start: int) -> bool:
    """A present perfect ("have been paying", "has seen") before "as early as" says the
    earliest time was in the past: "cases have been detected as early as December". Only for
    this cue: "has been closed until Monday" still looks ahead."""
    return (
        words[i].lower() in ("have", "has")
        and i + 1 < len(words)
        and (words[i + 1].lower() == "been" or words[i + 1].lower().endswith(("ed", "en")))
        and _AS_EARLY_AS.search(text, max(0, start - 20), start) is not None
    )


def tense_only_after(text: str, sentences: Sentences, start: int) -> bool:
    """True when the expression's clause opens its sentence and has no tense cue before it,
    so its tense comes from the main verb after it ("The ordination of three bishops in the
    spring led the pope to ...", "After ending a relationship in the fall, she got back ...").
    A cue before it ("said colleges had to decide whether to reopen in the fall") or a clause
    opened further in ("..., driven by the growing demand of the winter coal market, was")
    says no."""
    sentence = sentences.around(start)
    words = _clause_before(text, sentence, start)
    if len(words) != len(_WORD.findall(text, sentence[0], start)):
        return False
    return all(_cue_at(words, i) is None for i in range(len(words)))


# Words between a past verb and a season that open a clause of its own, untensed or still
# open: "had to decide whether to reopen in the fall", "hoped to travel in the fall",
# "letting kids go back to school in the fall", "assumed most of the summer ... might be lost".
# "by late summer", "until the fall": a deadline, which a past verb need not have reached.
_OWN_CLAUSE_STOPS = frozenset(
    {"to", "whether", "if", "about", "of", "that", "and", "or", "but", "by", "until", "till"}
)
_OWN_PAST_REACH = 5  # words back from the season to its past verb
# Prepositions that end in "-ing" like a gerund.
_ING_PREPOSITIONS = frozenset({"during", "notwithstanding"})
# A clause opened by these is a condition, not a telling: "if colleges reopened in the fall".
_CONDITIONS = frozenset({"if", "unless", "whether"})
# Before a past participle these make it no verb of a telling: "remaining closed in the
# fall", "be re-opened", "nine left in the fall" (a count: "have nine left").
_NOT_FINITE_BEFORE = frozenset({"be", "been", "being", "get", "got", "to"})


def _finite_past(words: list[str], i: int) -> bool:
    """The past cue at ``i`` is a finite verb, not a participle of a condition or a count."""
    if any(w.lower() in _CONDITIONS for w in words[:i]):
        return False
    if i == 0:
        return True
    before = words[i - 1].lower()
    return not (
        before in _NOT_FINITE_BEFORE
        or before in _modals()
        or before.endswith("ing")
        or _count_word(before)
    )


def past_verb_owns(text: str, sentences: Sentences, start: int) -> bool:
    """True when the season at ``start`` is the past verb's own time: the verb stands a few
    words before it with nothing but its complements between ("He left in the summer",
    "Prices were high during the fall", "ran cross country in the fall"). An infinitive, a
    modal, a gerund or a clause word between says no: the past is a saying or a wish and the
    season may lie ahead ("said colleges had to decide whether to reopen in the fall")."""
    words = _clause_before(text, sentences.around(start), start)
    for i in range(len(words) - 1, max(0, len(words) - _OWN_PAST_REACH) - 1, -1):
        low = words[i].lower()
        if low == "to" and i + 1 < len(words) and words[i + 1][:1].isupper():
            continue  # "He went to Paris in the summer": a place after "to", no infinitive
        # ("The trial slipped to the spring": "to" right before the season is its target, a
        # stop like any "to")
        if low in _ING_PREPOSITIONS:
            continue  # "Prices rose during the fall": a preposition, no gerund
        if low in _OWN_CLAUSE_STOPS or low in _modals() or low.endswith("ing"):
            return False
        tense = _cue_at(words, i)
        if tense is not None:
            return tense == "past" and _finite_past(words, i)
    return False


def _urged_in_past(words: list[str], i: int) -> bool:
    """True for a word of intent with no tense cue of its own, before "to" and a verb (or its
    object, "to" and a verb), after a past in its clause: "posted a message urging supporters
    to gather for a funeral on Wednesday". What was urged in the past may fall on either side
    of the DCT; "would be ready to leave as soon as Tuesday" is no past plan, "cancelled due to
    the storm" no intent, and a word with its own cue or after a "be" ("was due to arrive",
    "had been due to expire") is read as such."""
    if not _looks_ahead(words, i) or _cue_at(words, i) is not None:
        return False
    if i > 0 and words[i - 1].lower() in _TENSELESS_AFTER | _PRESENT_BE | _PAST_BE:
        return False  # "had been due to expire Friday evening": a state, the "be" decides
    to = i + 1 if words[i + 1].lower() == "to" else i + 2
    if to + 1 >= len(words) or words[to + 1].lower() in _NOT_PLAN_AFTER_TO:
        return False
    return _nearest_cue(words, i) == "past"


def plan_of_past_at(text: str, sentences: Sentences, start: int) -> bool:
    """True when the nearest tense cue before ``start`` in its clause is a plan made in the
    past ("was due to arrive in Pakistan on Wednesday", "was scheduled to be lowered on
    Friday"): ``_lexical`` then leaves the tense unknown, and a weekday takes the nearest
    occurrence, before or after the DCT."""
    words = _clause_before(text, sentences.around(start), start)
    for i in range(len(words) - 1, max(0, len(words) - 12) - 1, -1):
        if _modal_ahead(words, i):
            return False
        if _urged_in_past(words, i):
            return True
        tense = _cue_at(words, i)
        if tense is not None:
            # "It had been due to expire Friday evening" (TBAQ): a plan in the past perfect
            # was overtaken, its day is gone
            perfect = "had" in (w.lower() for w in words[max(0, i - 3) : i])
            return tense == "future" and _plan_of_past(words, i) and not perfect
    return False


def past_after(text: str, sentences: Sentences, end: int) -> bool:
    """True when the first tense cue after ``end`` in its sentence is a finite past ("The vote
    was expected on Thursday but was postponed"), not a participle before "by" ("who was
    expected in Lima early Thursday accompanied by the relatives")."""
    words = _words_after(text, end, sentences.around(end)[1])
    for j in range(len(words)):
        tense = _cue_at(words, j)
        if tense is None:
            continue
        participle = words[j + 1 : j + 2] == ["by"] and (j == 0 or words[j - 1] not in _PAST_BE)
        return tense == "past" and not participle
    return False


def prospect_clause(text: str, sentences: Sentences, start: int) -> bool:
    """True when the clause before ``start`` (after its last reporting verb, if any) has a
    tense cue and every cue in it is a future or a simple present ("China will face the DPRK
    in", "Argentina are one of the eight seeds for"): no past ("scored twice in"), no perfect
    ("has been rejected in", "had a losing streak going into"), and not a clause whose only
    verb comes after the date ("Turnout in Sunday's election is put at 60 percent")."""
    words = _clause_before(text, sentences.around(start), start)
    # "Polling firms said the ruling party will win a sweeping victory in Sunday's
    # elections": a saying's past dates the saying, the reported clause's verbs decide
    said = [i for i, w in enumerate(words) if w.lower() in _reporting_verbs()]
    first = said[-1] + 1 if said and said[-1] + 1 < len(words) else 0
    cues = [(i, _cue_at(words, i)) for i in range(first, len(words))]
    found = [(words[i].lower(), cue) for i, cue in cues if cue is not None]
    return bool(found) and all(
        cue in ("future", "present") and word not in _PERFECT_AUX and word != "had"
        for word, cue in found
    )


_PLAIN_REACH = 8  # words back from "on" to the "will"/"would" that dates the day
_ON_BEFORE = re.compile(r"\bon\s+$", re.IGNORECASE)


def plain_future_on(text: str, sentences: Sentences, start: int) -> bool:
    """True when a day after "on" is dated by "will"/"would" a few words before it in its own
    clause ("a memorial service would take place in London on August 31"), with no modal,
    plan, saying or other tense cue in between. Such a future is trusted further than the
    usual reach (calendar.py); a plain past, see ``plain_past_on``."""
    if not _ON_BEFORE.search(text, max(0, start - 4), start):
        return False
    words = _clause_before(text, sentences.around(start), start)
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _PLAIN_REACH), -1):
        word = words[i].lower()
        if word in ("will", "would"):
            return True
        if word in _modals() or word in _reporting_verbs() or _cue_at(words, i) is not None:
            return False
    return False


@functools.cache
def _event_nouns() -> frozenset[str]:
    return frozenset(load_list("timex_event_nouns.txt", lower=True))


# Words that open another clause (a relative or a condition) between a verb and its date.
_CLAUSE_OPENERS = frozenset({"that", "which", "who", "whom", "whose", "if", "unless", "when"})
# Words that hand the day to another clause or verb between a past verb and "on": an
# infinitive ("decided to hold it on"), a relative or a condition.
_PAST_ON_STOPS = _CLAUSE_OPENERS | {"to"}


# A holiday after one of these is the day of a deed in a plain past ("The family met at
# Easter", "They quarrelled over Christmas"); "by/until/before Easter" and "for Easter" may name
# the one to come ("stocked up for Christmas", "was extended until Easter").
_HOLIDAY_AT_BEFORE = re.compile(r"\b(?:at|on|over|during|around)\s+(?:the\s+)?$", re.IGNORECASE)


def plain_past_at_holiday(text: str, sentences: Sentences, start: int) -> bool:
    """True when a holiday after "at/on/over/during" is dated by a plain past event verb a
    few words before it in its own clause ("The family met at Easter", said in March before
    Easter: the last one), with the same exceptions as ``plain_past_on``."""
    return bool(_HOLIDAY_AT_BEFORE.search(text, max(0, start - 12), start)) and _plain_past(
        text, sentences, start
    )


def plain_past_on(text: str, sentences: Sentences, start: int) -> bool:
    """True when a day after "on" is dated by a plain past event verb a few words before it
    in its own clause ("were detained soon after mass riots in Jakarta on July 27", "Shares
    changed hands on September 11"): such a past is trusted further than the usual reach
    (calendar.py), as ``plain_future_on`` trusts "will". Not when the nearest cue is a bare
    "was"/"had"/"did" ("was ... the change of sovereignty on July 1"), a saying (its clause
    may report a plan), a modal, a present passive ("when elections are held on July 20"), or
    when a noun of a scheduled event or a new clause stands between ("announced a referendum
    on September 11" may still be ahead)."""
    return bool(_ON_BEFORE.search(text, max(0, start - 4), start)) and _plain_past(
        text, sentences, start
    )


_IN_MONTH_BEFORE = re.compile(r"\b(?:in|during)\s+$", re.IGNORECASE)


def plain_past_in(text: str, sentences: Sentences, start: int) -> bool:
    """True when a month after "in"/"during" is dated by a plain past event verb a few words
    before it in its own clause ("The current parliament, elected in January, would remain",
    "Fidel, who underwent surgery in July"), with the exceptions of ``plain_past_on``: the
    January eleven months back, not the one a month ahead."""
    if not _IN_MONTH_BEFORE.search(text, max(0, start - 8), start):
        return False
    # "the good wanted in June", "agreed to buy it in January": a word of intent says nothing
    # of whether its month is gone
    words = _clause_before(text, sentences.around(start), start)
    intent = any(w.lower() in _prospective() for w in words[-_PLAIN_REACH:])
    return not intent and _plain_past(text, sentences, start)


def _plain_past(text: str, sentences: Sentences, start: int) -> bool:
    """True when the nearest tense cue a few words before ``start`` in its clause is a plain
    past event verb (see ``plain_past_on``)."""
    words = _clause_before(text, sentences.around(start), start)
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _PLAIN_REACH), -1):
        word = words[i].lower()
        if word in _modals() or word in _PAST_ON_STOPS or word in _event_nouns():
            return False
        tense = _cue_at(words, i)
        if tense is None:
            continue
        # "when elections are held on July 20", "after the report is delivered on Feb. 1": a
        # present passive tells of a timetable, not of the past
        before = _word_before(words, i)
        return (
            tense == "past"
            and before not in _PRESENT_BE
            and before not in _PERFECT_AUX
            and word not in _PAST_BE
            and word not in _PERFECT_AUX
            and word not in ("did", "didn")
            and (word not in _reporting_verbs() or _saying_dated(words, i))
        )
    return False


def _saying_dated(words: list[str], i: int) -> bool:
    """True for a reporting verb right before the "on" of its date ("the first case in humans
    was announced on March 18", "He announced on March 18 that ..."): the date is the
    saying's own, a deed of the past like any other. With words between ("announced a
    referendum on September 11") the date may be the plan's."""
    return i == len(words) - 2 and words[-1].lower() == "on"


def tense_after(text: str, sentences: Sentences, end: int) -> Tense:
    """The first tense cue after ``end`` in its clause: the verb of a noun phrase that opens
    with the expression ("Saturday's rescheduled race was won by Alonso": past)."""
    stop = sentences.around(end)[1]
    return _first_cue(_words_after(text, end, stop))


_DEADLINE_BEFORE = re.compile(r"\b(?:by|before)\s+$", re.IGNORECASE)
_DEADLINE_REACH = 14  # words back from "by" to the verb of the requirement


def present_deadline(text: str, sentences: Sentences, start: int) -> bool:
    """True for a month-day after "by"/"before" whose clause states a requirement or a
    condition in the present, a modal or the future ("the Census Bureau is required to
    deliver the counts to the president by Dec. 31", said in March; "as long as travel is
    completed before December 31", said in May): a deadline still to come. A past ("was
    required to repay the loans by Jan. 15", "Cases had doubled by March 1") says no."""
    if not _DEADLINE_BEFORE.search(text, max(0, start - 8), start):
        return False
    words = _clause_before(text, sentences.around(start), start)
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _DEADLINE_REACH), -1):
        low = words[i].lower()
        if low in _CLAUSE_OPENERS:  # another clause between the requirement and its date
            return False
        if words[i] in _modals():
            return True  # "must be repaid by Jan. 15"
        tense = _cue_at(words, i)
        if tense is None:
            continue
        if tense == "past":
            # "is required", "is completed": a present passive states the rule of now
            return _word_before(words, i) in _PRESENT_BE
        return True
    return False
