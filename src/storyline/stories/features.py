"""Text features the cross-article steps share: word tokens, shingles, content terms, names and
dates of one article. Pure functions over text and ``Analysis`` objects, so the clusterer and
the deduplicator run the same way in tests, in the workspace and in a Ray job."""

from __future__ import annotations

import functools
import importlib.util
import math
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.model import Analysis
from storyline.rules import load_list

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
# A number as written: "23", "6.1", "235,000" (thousands separators dropped when keyed).
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*(?![\w])")
# A run of capitalised words (allowing "de", "of" inside: "Cartel de los Soles", "Bank of England").
_CAP_WORD = r"(?:[A-Z](?:[\w'’-]|\.(?=\w))*)"
_CAP_RUN = re.compile(
    rf"{_CAP_WORD}(?:[ \t]+(?:(?:of|de|del|la|los|van|von|al|bin)[ \t]+)*{_CAP_WORD})*"
)


def normalize(text: str) -> str:
    """NFKC, no-break spaces as spaces, lower case: what shingles and hashes are taken over."""
    text = unicodedata.normalize("NFKC", text).replace("\u00a0", " ")
    return text.lower()


def words(text: str) -> list[str]:
    """Lower-cased word tokens, punctuation dropped."""
    return _WORD.findall(normalize(text))


def shingles(tokens: list[str], k: int = 5) -> set[str]:
    """Overlapping ``k``-word shingles; a text shorter than ``k`` words is one shingle."""
    if len(tokens) < k:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + k]) for i in range(len(tokens) - k + 1)}


@functools.cache
def _stop_words() -> set[str]:
    """spaCy's English stop words, loaded on first use and without importing spaCy itself.

    ``import spacy.lang.en.stop_words`` first imports the whole of spaCy (~0.7 s of CPU), which a
    command that only builds or reads timelines (``storyline timeline``) would pay for one set
    of words. The module is plain data, so it is loaded on its own from spaCy's folder; the
    ordinary import is the fallback if that file ever moves.
    """
    spec = importlib.util.find_spec("spacy")
    folders = list(spec.submodule_search_locations or []) if spec else []
    for folder in folders:
        path = Path(folder) / "lang" / "en" / "stop_words.py"
        own = importlib.util.spec_from_file_location("storyline._spacy_en_stop_words", path)
        if path.is_file() and own is not None and own.loader is not None:
            module = importlib.util.module_from_spec(own)
            own.loader.exec_module(module)
            return set(module.STOP_WORDS)
    from spacy.lang.en.stop_words import STOP_WORDS

    return set(STOP_WORDS)


def content_terms(text: str) -> Counter[str]:
    """Counts of words that carry content: no stop words, no one-letter tokens."""
    stop = _stop_words()
    return Counter(w for w in words(text) if w not in stop and len(w) > 1)


def numbers(text: str) -> Counter[str]:
    """Counts of the numbers an article states (ages, tolls, scores, magnitudes, years).

    Two look-alike events share their vocabulary and their famous names, rarely their figures:
    a boxer's record, the death toll, the magnitude and the year differ from one to the next.
    """
    return Counter(m.group(0).replace(",", "") for m in _NUMBER.finditer(text))


def _not_names() -> frozenset[str]:
    return frozenset(load_list("stories_not_names.txt", lower=True))


def name_key(name: str) -> str:
    """A name as a matching key: lower case, no honorific dots or possessive."""
    key = normalize(name).replace(".", "").strip()
    key = re.sub(r"['’]s$", "", key)
    return re.sub(r"\s+", " ", key)


_SENTENCE_START = re.compile(r"(?:^|[.!?:;\"“”]\s+|\n\s*)$")


def text_names(text: str) -> Counter[str]:
    """Names found as runs of capitalised words (the clusterer's name channel).

    Used whether or not the analysis has entities: on ECB+ dev, runs of capitalised words
    cluster better than the NER entities (which give the separate people channel).

    A single capitalised word opening a sentence ("Another day ...") counts only when the same
    word is also capitalised mid-sentence somewhere in the text.
    """
    stop = _not_names()
    found: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    for m in _CAP_RUN.finditer(text):
        parts = m.group(0).split()
        if len(parts) == 1 and _SENTENCE_START.search(text[max(0, m.start() - 3) : m.start()]):
            opening[name_key(parts[0])] += 1
            continue
        while parts and parts[0].lower().strip(".") in stop:
            parts.pop(0)
        while parts and parts[-1].lower().strip(".") in stop:
            parts.pop()
        if not parts:
            continue
        key = name_key(" ".join(parts))
        if len(key) > 1 and not key.isdigit():
            found[key] += 1
    for key, n in opening.items():
        if key in found and key not in stop:
            found[key] += n
    return found


def headline_names(title: str | None) -> bool:
    """Whether a headline's capitalised words are names: true for a sentence-case headline
    ("The Indian navy has captured 23 Somalian pirates."), false for a title-case one ("Navy
    Foils Somali Pirate Attack"), whose capitals would run together into one long "name".

    The ingest keeps a headline in ``Article.title`` and drops its echo from the body, so
    without it the names a report leads with (often the event's place and actors) would be
    missing from the name channel, and its copy in a benchmark (headline as first line) and in
    a workspace would be clustered differently.
    """
    if not title:
        return False
    long_words = [w for w in title.split()[1:] if sum(c.isalpha() for c in w) >= 4]
    if not long_words:
        return True
    capitalised = sum(1 for w in long_words if w[:1].isupper())
    return capitalised * 2 <= len(long_words)


@functools.cache
def _name_suffixes() -> frozenset[str]:
    return frozenset(load_list("stories_name_suffixes.txt", lower=True))


def person_key(name: str) -> str:
    """A person as a matching key: the surname ("W. Mark Felt Sr." -> "felt").

    Reports name one person in many ways (full name, initials, "Sr.", the surname alone);
    the surname is what they share.
    """
    parts = name_key(name).replace(",", " ").split()
    suffixes = _name_suffixes()
    while len(parts) > 1 and parts[-1] in suffixes:
        parts.pop()
    return parts[-1] if parts else ""


def headline_person_key(name: str, text: str) -> str:
    """A person's key when the tagger ran a headline's words into the name ("Lindsay Lohan
    Checks Out", "Lindsay Lohan Checks Into Rehab"): of a name of three or more words, the word
    the text most often writes on its own, capitalised; the surname when none stands out.

    Keyed by its last word, such a person is "out" or "checks", a stranger to every other
    report on Lohan, and a story that knows her only as "lohan" would look like a different
    person's story (see ``ClusterParams.lead_penalty``)."""
    key = person_key(name)
    parts = [w for w in name_key(name).replace(",", " ").split() if w not in _name_suffixes()]
    if len(parts) < 3:
        return key
    counts = _capitalised_words(text)
    best = max(parts[1:], key=lambda w: counts.get(w, 0))
    return best if counts.get(best, 0) > counts.get(key, 0) else key


_CAP_ALONE = re.compile(r"\b[A-Z][\w'’-]*")


# An article's long names are keyed one after another against the same text: count its
# capitalised words once, not once per name (read only).
@functools.lru_cache(maxsize=4)
def _capitalised_words(text: str) -> Counter[str]:
    return Counter(w.lower() for w in _CAP_ALONE.findall(text))


def analysis_people(analysis: Analysis) -> Counter[str]:
    """The people an article names (PERSON entities, keyed by surname), with mention counts."""
    return people_seen(analysis)[0]


def people_seen(analysis: Analysis) -> tuple[Counter[str], dict[str, int]]:
    """The people an article names, as ``analysis_people`` counts them, and where each is
    first named (a character offset into the text). A report names the person it is about in
    its opening sentences; people first named further down are mostly quoted sources and
    background. One pass, so each name is keyed once."""
    found: Counter[str] = Counter()
    first: dict[str, int] = {}
    text = analysis.article.text
    for ent in analysis.entities:
        if ent.type != "PERSON":
            continue
        key = headline_person_key(ent.name, text)
        if not key:
            continue
        found[key] += max(1, len(ent.mentions))
        if ent.mentions:
            at = min(m.start for m in ent.mentions)
            first[key] = min(at, first.get(key, at))
    return found, first


def analysis_dates(analysis: Analysis) -> set[str]:
    """Years an article talks about (from its timexes, else 4-digit years in its text)."""
    years = {t.value[:4] for t in analysis.timexes if t.type == "DATE" and t.value[:4].isdigit()}
    if not years:
        years = set(_YEAR.findall(analysis.article.text))
    return years


@dataclass(slots=True)
class ArticleFeatures:
    """What the clusterer needs of one article."""

    key: int | str
    terms: Counter[str]
    names: Counter[str]
    years: set[str] = field(default_factory=set)
    # Publication day as an ordinal (``date.toordinal()``), or None when unknown.
    day: int | None = None
    # Numbers stated in the text (see ``numbers``): event-specific discriminators.
    numbers: Counter[str] = field(default_factory=Counter)
    # People named (from the analysis' PERSON entities, with mention counts).
    people: Counter[str] = field(default_factory=Counter)
    # Where each of them is first named (character offset; see ``people_seen``).
    people_first: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.key,
            "terms": dict(self.terms),
            "names": dict(self.names),
            "years": sorted(self.years),
            "day": self.day,
            "numbers": dict(self.numbers),
            "people": dict(self.people),
            "people_first": dict(self.people_first),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ArticleFeatures:
        return cls(
            key=d["key"],
            terms=Counter(d["terms"]),
            names=Counter(d["names"]),
            years=set(d.get("years") or []),
            day=d.get("day"),
            numbers=Counter(d.get("numbers") or {}),
            people=Counter(d.get("people") or {}),
            people_first=dict(d.get("people_first") or {}),
        )


def article_features(key: int | str, analysis: Analysis) -> ArticleFeatures:
    """The clusterer's view of one analysed article."""
    from storyline.dates import parse_date

    art = analysis.article
    text = f"{art.title}\n{art.text}" if art.title else art.text
    day = None
    try:
        published = parse_date(art.published)
        day = published.toordinal() if published else None
    except Exception:  # a bad stored date must not stop clustering; treat it as unknown
        day = None
    named = f"{art.title}\n{art.text}" if headline_names(art.title) else art.text
    people, people_first = people_seen(analysis)
    return ArticleFeatures(
        key=key,
        terms=content_terms(text),
        names=text_names(named),
        years=analysis_dates(analysis),
        day=day,
        numbers=numbers(text),
        people=people,
        people_first=people_first,
    )


def sublinear(counts: Counter[str]) -> dict[str, float]:
    """1 + log(tf): a word said ten times is not ten times as telling."""
    return {t: 1.0 + math.log(c) for t, c in counts.items() if c > 0}
