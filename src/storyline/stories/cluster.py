"""Online story clustering: each new article joins the story it fits best or starts a new one.

No full recomputation: a story keeps a profile (sums of its members' normalised term and name
vectors, the years they mention, the days they were published), and a new article is scored
against the profiles of the stories that share a telling word or name with it. Document
frequencies grow with the collection, and IDF is applied when scoring, so adding an article
never rewrites the stored profiles of other stories.

The score mixes four signals, because each alone merges look-alike events (two earthquakes
share "magnitude", "quake", "killed"; they do not share a place, a date or a year):

* text: cosine of IDF-weighted sublinear term vectors (article vs story centroid);
* names: the same over people, organisations and places;
* numbers: the same over the figures stated (ages, tolls, scores, magnitudes, years), centred
  so that disagreeing figures lower the score: look-alike events share words and famous names,
  rarely their figures;
* people: the same over the people named (PERSON entities, by surname), centred too: two
  reports of one event are about the same person, look-alikes (two arrests of players of one
  team, two deaths of Watergate figures) about another;
* time: a penalty when the years the article talks about are disjoint from the story's, and
  when its publication day is far from the story's active days.
* lead person: a penalty when each side is about one person (named most, and often) whom the
  other side barely names: look-alike events share a team, a place and background people,
  not the person they are about.

A story of one or two members asks a newcomer for more than a big story does (the mean cosine
to few members is noisy, and an early wrong join drags the rest of an event along), and when it
meets another story it is judged by a bar like the join bar rather than by the (higher) merge
threshold, so a lone report joins its event's story once that story has grown.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from storyline.stories.features import ArticleFeatures, sublinear


@dataclass(frozen=True, slots=True)
class ClusterParams:
    """Weights and thresholds, tuned on ECB+ dev topics 1-35 (benchmarks/stories.py)."""

    text_weight: float = 0.7
    name_weight: float = 0.3
    # An article joins its best story when the combined score reaches this plus
    # ``small_story_margin`` / the story's size: 0.39 for a story of one, 0.235 of two, 0.11 of
    # ten. The mean cosine to one member is a single noisy pairwise score, and a look-alike
    # report joining a story of one drags the rest of its event along; the mean over many
    # members is steady: on ECB+ dev (three shuffled halves) every wrong join to a story of six
    # or more scored above 0.25, while lone follow-ups of an event score 0.08-0.16. (Until session
    # 3 the bar was 0.14 + 0.25 / size, 0.165 for a story of ten: it kept those follow-ups
    # apart; lowering the floor to 0.08 and keeping 0.39 for a story of one raised F1 on every
    # dev half and third, precision within 0.01: docs/benchmarks.md.)
    threshold: float = 0.08
    # Subtracted when the years mentioned on both sides are disjoint.
    year_penalty: float = 0.0
    # Days of silence a story tolerates before a new article is penalised, and the penalty
    # per further 30 days.
    gap_days: int = 10
    gap_penalty: float = 0.15
    # Without a shared specific name (one that few articles mention), an article joins a story
    # only on this much text similarity: look-alike events share words, not names.
    text_alone: float = 0.0
    # A name is specific when at most this share of all articles mention it.
    specific_share: float = 0.05
    # Two stories whose members are this alike on average (the same mix of text and names)
    # merge: an article that bridges two stories joins them, as average-link clustering would.
    # None: never merge.
    merge_threshold: float | None = 0.2
    # Numbers (ages, tolls, scores, years): the story's mean number cosine is added with this
    # weight after subtracting ``number_offset``, so figures that disagree push look-alike events
    # apart and figures that agree pull one event's reports together.
    number_weight: float = 0.4
    number_offset: float = 0.3
    # Extra score a small story asks of a newcomer (divided by its size): see ``threshold``.
    small_story_margin: float = 0.31
    # A story of at most ``small_size`` members meets another story at a bar like the join bar,
    # small_merge_threshold + small_merge_margin / the larger size, not at the merge
    # threshold: whether a lone report joined its event's story should not depend on whether
    # it came before or after that story had grown. 0: small stories merge like others.
    # The bar is stricter than the join bar for large stories (0.165 against 0.11 beside a
    # story of ten): a small story that merges brings its members along, and a two-member
    # seed of a look-alike event merged early takes the rest of that event with it (at the
    # join bar, precision on ECB+ dev fell from 0.94 to 0.89).
    small_size: int = 2
    small_merge_threshold: float = 0.14
    # 0.25 until session 3's fourth round; the lead-person penalty keeps look-alike seeds
    # apart, which let the margin fall to 0.22 (chosen on the odd dev topics).
    small_merge_margin: float = 0.22
    # A story of one report whose lead person (see ``lead_penalty``) is also the other story's
    # lead meets that story at its join bar when this is lower than the small-merge bar: a
    # lone report that came before its event's story had grown (and so met a story of one or
    # two, at 0.39 or 0.235) would have joined it had it come later, and the shared lead says it
    # is the same person's event. Without the lead, the same rule joined look-alike reports to
    # the other event's story (ECB+ dev, all 1-35: recall 0.898 -> 0.925 but precision 0.947
    # -> 0.923; docs/benchmarks.md, session 4). False: small stories merge at the bar above.
    lone_lead_join: bool = True
    # The same for a lone report that names the people a story of at least
    # ``lone_people_min_size`` members names (mean people cosine to its members at least
    # ``lone_people``): many reports have no lead (a heist, a quake, a patch), but the victims,
    # suspects and officials they name are the event's own, while a look-alike report shares
    # the story's words rather than its people (of the lone reports the join bar alone would
    # have merged, those merged wrongly had a median people cosine of 0.0, the right ones 0.12).
    # Chosen on the odd dev topics (0.3 / 0.35 with six members; three members cost precision).
    # 0: only the lead counts.
    lone_people: float = 0.3
    lone_people_min_size: int = 6
    # People (by surname): the story's mean people cosine is added with this weight after
    # subtracting ``people_offset``, as for numbers.
    people_weight: float = 0.2
    people_offset: float = 0.2
    # Look-alike events of one kind (two drink-driving arrests of players of one team, two
    # deaths of Watergate figures, two injured running backs of one club) share their words,
    # places and team, and often name the other event's person in passing ("the second Charger
    # arrested this year, after Jackson"); what they do not share is the person each is about.
    # When both sides (an article and a story, or two stories) have a lead person and each
    # names the other's lead less than ``lead_share`` as often as its own, this is subtracted
    # from the score (and from two stories' link). A lead is the most-named person, named at
    # least ``lead_min_mentions`` times and in at least ``lead_strength`` of all person
    # mentions: a game report or a software flaw names many people, none of them the story.
    # Counted in raw mentions (the people channel's sublinear, IDF-weighted vectors flatten a
    # lead named 10 times against one named 3). On ECB+ dev, chosen on the odd topics: precision
    # up 0.01-0.03 on every half (docs/benchmarks.md, fourth round). 0: off.
    lead_penalty: float = 0.1
    lead_share: float = 0.5
    lead_strength: float = 0.4
    lead_min_mentions: int = 3
    # Only a person first named within this many characters of the text's start can be a
    # lead: a report names the person it is about in its opening sentences, while spokesmen
    # and experts quoted further down (one cable-cut report quoting one official, the next
    # another) are no protagonists. Without it the penalty cost recall on such topics (ECB+
    # dev topics 3k+0: F1 0.903 -> 0.895; with it 0.901; chosen on odd: 150 / 200 / 300 /
    # 400 / 600 / all: F1 0.923 / 0.925 / 0.926 / 0.926 / 0.925 / 0.925). 0: anyone.
    lead_lede_chars: int = 300
    # People kept in a story's mention counts (the most-named; bounds memory).
    max_lead_people: int = 200
    # Stories examined per article (those sharing the most telling words and names).
    max_candidates: int = 20
    # Terms kept in a story's centroid (the heaviest); bounds memory and scoring time.
    max_profile_terms: int = 2000
    # IDF counts the collection as at least this many documents. In a small collection (the
    # demo's 31 articles, one ECB+ topic) every topic word is "common": a word in 10 of 30
    # articles weighs little more than "said", each article's own words dominate its vector,
    # and cosines between reports of one event fall below thresholds set on a larger
    # collection (each ECB+ dev topic clustered alone: recall 0.62; topic 12's two events came
    # out as 8 stories). Counted as at least 300, a word a few dozen articles share stays
    # telling (one topic alone: recall 0.84, P 0.96; topic 12: 3 stories). Not more: the floor
    # also makes general news words look rarer than they are, which merges look-alike events
    # (at 772, precision fell on the dev halves and with ``--batch 128``). Collections of 300
    # or more are weighed as before.
    min_docs: int = 300
    # The floor above shrinks as the collection grows and is gone once it holds this many
    # articles (a collection of n counts as n + min_docs * (1 - n / min_docs_until)): by one
    # link batch (128, as ``storyline ingest`` places them) the collection's own frequencies
    # say more than the invented background does. With the full floor, the first batch of a
    # large ingest was weighed as if a word in 40 of its 128 articles were in 40 of 300, so
    # general news words looked telling and look-alike events joined (session 4: ECB+ dev with
    # ``--batch 128``, precision 0.930 -> 0.942; one topic alone, ~22 articles, unchanged).
    # 0: the full floor until ``min_docs``. Off by default: once profiles are stored without
    # IDF (``StoryProfile``), the fade adds little to batch linking (ECB+ dev ``--batch 128``,
    # 9 orders: P 0.941 -> 0.946, F1 0.923 -> 0.925) and costs a collection of 128-300 articles
    # clustered at once its recall (dev thirds, ~257 articles each: F1 0.904 -> 0.899,
    # 0.945 = 0.945, 0.917 -> 0.918).
    min_docs_until: int = 0
    # At the end of each batch, a report of this batch still alone in its story is placed
    # again, as if it had come last: an article that arrived before its event's story had
    # grown met a story of one or two (bar 0.39 or 0.235) and started its own, where the same
    # article arriving after the story had grown would have joined it at the bar for the
    # story's size. Only stories of one, and only at the join bar of the story it would join.
    # Unlike giving lone reports the join bar when a story grows (session 4: precision 0.947
    # -> 0.923), the report is placed once every story of the batch is whole, so its own
    # event's story, where there is one, is among its candidates: ECB+ dev, 9 orders, F1 0.925
    # -> 0.930 at the same precision, up on every half and third (docs/benchmarks.md).
    # A lone report of an earlier batch is placed again too when it lies near a story this
    # batch grew (one of the stories sharing most of that story's heaviest words): it has no
    # features in memory, so it goes to its best candidate by average link, at the join bar
    # (``--batch 128``, as ingest links: F1 0.924 -> 0.928, up on every half and third).
    settle_lone: bool = True


@dataclass(slots=True)
class StoryProfile:
    """What the clusterer remembers of one story."""

    id: int
    size: int = 0
    terms: dict[str, float] = field(default_factory=dict)
    names: dict[str, float] = field(default_factory=dict)
    years: Counter[str] = field(default_factory=Counter)
    first_day: int | None = None
    last_day: int | None = None
    numbers: dict[str, float] = field(default_factory=dict)
    people: dict[str, float] = field(default_factory=dict)
    # Mentions of each person over the members (raw counts, not weighed): who the story is about.
    lead: Counter[str] = field(default_factory=Counter)
    # The same, counted only in the members that name the person in their opening (see
    # ``ClusterParams.lead_lede_chars``): who may be the story's lead.
    lede: Counter[str] = field(default_factory=Counter)
    # How ``terms``, ``names``, ``numbers`` and ``people`` are weighed: True, each member's
    # sublinear counts divided by its vector's length (IDF is applied when scoring, with the
    # document frequencies of that moment); False, a state saved before session 4, whose
    # members were IDF-weighted when they joined (the clusterer converts it on loading).
    idf_free: bool = True
    # Per channel (terms, names, numbers, people), the sum over members of each word's squared
    # IDF-free weight: with today's IDF it gives the members' mean squared length, by which
    # scoring divides so they stay unit vectors as the IDF drifts (empty: taken as unit).
    squares: list[dict[str, float]] = field(default_factory=lambda: [{}, {}, {}, {}])
    # Per channel, how many members have a vector in it (the mean is over those).
    voiced: list[int] = field(default_factory=lambda: [0, 0, 0, 0])

    def to_dict(self) -> dict[str, object]:
        return {
            "id": self.id,
            "size": self.size,
            "terms": self.terms,
            "names": self.names,
            "years": dict(self.years),
            "first_day": self.first_day,
            "last_day": self.last_day,
            "numbers": self.numbers,
            "people": self.people,
            "lead": dict(self.lead),
            "lede": dict(self.lede),
            "idf_free": self.idf_free,
            "squares": self.squares,
            "voiced": self.voiced,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> StoryProfile:
        return cls(
            id=int(d["id"]),
            size=int(d["size"]),
            terms=dict(d["terms"]),
            names=dict(d["names"]),
            years=Counter(d.get("years") or {}),
            first_day=d.get("first_day"),
            last_day=d.get("last_day"),
            numbers=dict(d.get("numbers") or {}),
            people=dict(d.get("people") or {}),
            lead=Counter(d.get("lead") or {}),
            lede=Counter(d.get("lede") or {}),
            idf_free=bool(d.get("idf_free", False)),
            squares=[dict(x) for x in d.get("squares") or [{}, {}, {}, {}]],
            voiced=[int(x) for x in d.get("voiced") or [0, 0, 0, 0]],
        )


@dataclass(frozen=True, slots=True)
class Assignment:
    article: int | str
    story: int
    score: float
    created: bool


# Number document frequencies live in the term counts under this prefix (words never contain
# it), so a saved clusterer state carries them without a new field.
NUMBER_KEY = "#"
# The key of a profile's squares under which the words trimmed from its vector are lumped.
DROPPED = ""


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    small, big = (a, b) if len(a) < len(b) else (b, a)
    return sum(w * big.get(k, 0.0) for k, w in small.items())


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: v / norm for k, v in vec.items()} if norm else {}


class StoryClusterer:
    """Single-pass clustering with incrementally growing document frequencies.

    ``add`` is the whole online API; ``profiles``/``df`` can be saved and handed back to a new
    clusterer to continue where the last one stopped (what the workspace does between batches).
    """

    def __init__(
        self,
        params: ClusterParams | None = None,
        *,
        profiles: dict[int, StoryProfile] | None = None,
        term_df: Counter[str] | None = None,
        name_df: Counter[str] | None = None,
        n_docs: int = 0,
        next_id: int | None = None,
    ) -> None:
        self.params = params or ClusterParams()
        self.profiles: dict[int, StoryProfile] = profiles or {}
        self.term_df: Counter[str] = term_df or Counter()
        self.name_df: Counter[str] = name_df or Counter()
        self.n_docs = n_docs
        self.next_id = next_id or (max(self.profiles, default=0) + 1)
        # Stories merged into others in this session: old id -> new id.
        self.merged: dict[int, int] = {}
        # Stories this session started, with the article that started each (``settle``).
        self._started: dict[int, ArticleFeatures] = {}
        # Stories an article joined this session (``settle`` looks for lone reports near them).
        self._grown: set[int] = set()
        self._vec_key: tuple[int, int] | None = None
        self._vec: tuple[dict[str, float], ...] = ({}, {}, {}, {})
        # Inverted index word/name -> stories, for candidate retrieval.
        # (Two maps, names and words, so keys need no prefix: rebuilt for every batch.)
        self._names_index: dict[str, set[int]] = {}
        self._terms_index: dict[str, set[int]] = {}
        # IDF of each word as the collection stands now (cleared when it grows).
        self._idf_memo: dict[str, float] = {}  # of words and numbers (term_df)
        self._idf_memo_names: dict[str, float] = {}  # of names and people (name_df)
        # Story id -> (n_docs, its members' summed squared lengths per channel) (``_scales``).
        self._scale_memo: dict[int, tuple[int, list[float]]] = {}
        for p in self.profiles.values():
            if not p.idf_free:
                self._unweigh(p)
            self._index_profile(p)

    # -- scoring -----------------------------------------------------------------------------

    def _idf(self, df: Counter[str], term: str) -> float:
        n: float = self.n_docs
        p = self.params
        if p.min_docs_until:  # see ClusterParams.min_docs and min_docs_until
            n += max(0.0, p.min_docs * (1.0 - n / p.min_docs_until))
        else:
            n = max(n, p.min_docs)
        return math.log((1 + n) / (1 + df.get(term, 0))) + 1.0

    def _weight(self, df: Counter[str], term: str) -> float:
        """``_idf``, remembered until the collection grows (scoring asks for the same words
        against many stories)."""
        memo = self._memo(df)
        w = memo.get(term)
        if w is None:
            w = memo[term] = self._idf(df, term)
        return w

    def _memo(self, df: Counter[str]) -> dict[str, float]:
        """The IDF memo of the document frequencies ``df`` (words and numbers, or names)."""
        return self._idf_memo if df is self.term_df else self._idf_memo_names

    def _channels(self, p: StoryProfile) -> tuple[tuple[dict[str, float], Counter[str]], ...]:
        """A profile's weighed vectors, each with the document frequencies that weigh it."""
        return (
            (p.terms, self.term_df),
            (p.names, self.name_df),
            (p.numbers, self.term_df),
            (p.people, self.name_df),
        )

    def _unweigh(self, p: StoryProfile) -> None:
        # A state saved before profiles were kept IDF-free: take out the IDF as it stands now
        # (that of the day each member joined is not known; the error is that IDF's drift).
        for vec, df in self._channels(p):
            for t in vec:
                vec[t] /= self._weight(df, t)
        p.idf_free = True

    def _scales(self, p: StoryProfile) -> tuple[float, ...]:
        """Per channel, 1 / the root mean squared length of the story's members under today's
        IDF: a member stored when the IDF stood elsewhere (the collection's first batch, weighed
        with the floor of ``min_docs``) counts as a unit vector, as it did the day it joined."""
        sums = self._square_sums(p)
        return tuple(
            1.0 / math.sqrt(total / n) if total > 0 and n else 1.0
            for total, n in zip(sums, p.voiced, strict=True)
        )

    def _square_sums(self, p: StoryProfile) -> list[float]:
        # Remembered until the collection grows; a member joining meanwhile adds its own
        # squared length, 1 (see ``_absorb``), so a story is summed over once per batch.
        memo = self._scale_memo.get(p.id)
        if memo is not None and memo[0] == self.n_docs:
            return memo[1]
        weight = self._weight
        sums = [
            sum(q * weight(df, t) ** 2 for t, q in sq.items())
            for (_, df), sq in zip(self._channels(p), p.squares, strict=True)
        ]
        self._scale_memo[p.id] = (self.n_docs, sums)
        return sums

    def _wdot(self, a: dict[str, float], b: dict[str, float], df: Counter[str]) -> float:
        """Dot product of two IDF-free profile vectors, each weighed with today's IDF."""
        small, big = (a, b) if len(a) < len(b) else (b, a)
        memo = self._memo(df)
        total = 0.0
        for k in small.keys() & big.keys():
            idf = memo.get(k) or self._weight(df, k)
            total += small[k] * big[k] * idf * idf
        return total

    def _heaviest(self, vec: dict[str, float], df: Counter[str], n: int) -> list[str]:
        """The ``n`` heaviest words of an IDF-free profile vector under today's IDF."""
        weight = self._weight
        return heapq.nlargest(n, vec, key=lambda t: vec[t] * weight(df, t))

    def _vector(self, counts: Counter[str], df: Counter[str]) -> dict[str, float]:
        """Sublinear tf x IDF (as the collection stands now), unit length."""
        return _unit({t: w * self._idf(df, t) for t, w in sublinear(counts).items()})

    def _number_vector(self, feats: ArticleFeatures) -> dict[str, float]:
        counts = Counter({NUMBER_KEY + k: v for k, v in feats.numbers.items()})
        return self._vector(counts, self.term_df)

    def _vectors(self, feats: ArticleFeatures) -> tuple[dict[str, float], ...]:
        # An article is scored against many stories in a row: weigh its words once.
        # Each weighed twice: once as the article's own vector, once for the story's side, whose
        # profile is kept without IDF (see ``StoryProfile.idf_free``).
        key = (id(feats), self.n_docs)
        if self._vec_key != key:
            self._vec_key = key
            self._vec = tuple(
                {t: w * self._weight(df, t) for t, w in vec.items()}
                for vec, df in (
                    (self._vector(feats.terms, self.term_df), self.term_df),
                    (self._vector(feats.names, self.name_df), self.name_df),
                    (self._number_vector(feats), self.term_df),
                    (self._vector(feats.people, self.name_df), self.name_df),
                )
            )
        return self._vec

    def _specific(self, name: str) -> bool:
        return self.name_df.get(name, 0) <= max(3, self.params.specific_share * self.n_docs)

    def score(self, feats: ArticleFeatures, story: StoryProfile) -> float:
        """Average-link similarity of the article to the story's members (the mean cosine),
        text and names mixed, minus the time penalties."""
        p = self.params
        if story.size == 0:
            return -1.0
        doc, names_vec, nums_vec, people_vec = self._vectors(feats)
        k_text, k_names, k_nums, k_people = (k / story.size for k in self._scales(story))
        text = sum(w * story.terms.get(t, 0.0) for t, w in doc.items()) * k_text
        if feats.names and story.names:
            names = sum(w * story.names.get(n, 0.0) for n, w in names_vec.items()) * k_names
            s = p.text_weight * text + p.name_weight * names
            shared = any(n in story.names and self._specific(n) for n in feats.names)
            if not shared and text < p.text_alone:
                return -1.0
        else:
            s = text  # nothing to compare names on: judge on the text alone
        if nums_vec and story.numbers and p.number_weight:
            nums = _dot(nums_vec, story.numbers) * k_nums
            s += p.number_weight * (nums - p.number_offset)
        if people_vec and story.people and p.people_weight:
            s += p.people_weight * (_dot(people_vec, story.people) * k_people - p.people_offset)
        if p.lead_penalty and self._leads_conflict(
            feats.people,
            story.lead,
            self._lede_counts(feats),
            self._story_lede(story),
        ):
            s -= p.lead_penalty
        if feats.years and story.years and not (feats.years & set(story.years)):
            s -= p.year_penalty
        if feats.day is not None and story.first_day is not None and story.last_day is not None:
            gap = max(story.first_day - feats.day, feats.day - story.last_day, 0)
            if gap > p.gap_days:
                s -= p.gap_penalty * (gap - p.gap_days) / 30.0
        return s

    def _lead(self, counts: Counter[str], lede: Counter[str] | None = None) -> str | None:
        """The person a side is about: the most-named of those named in an opening (``lede``;
        None: of all), when named often enough and in a large enough share of all person
        mentions (see ``ClusterParams.lead_penalty``)."""
        if not counts:
            return None
        pool = counts if lede is None else {k: counts[k] for k in lede if k in counts}
        if not pool:
            return None
        lead, n = max(pool.items(), key=lambda kv: (kv[1], kv[0]))
        p = self.params
        if n < p.lead_min_mentions or n < p.lead_strength * sum(counts.values()):
            return None
        return lead

    def _leads_conflict(
        self,
        a: Counter[str],
        b: Counter[str],
        a_lede: Counter[str] | None = None,
        b_lede: Counter[str] | None = None,
    ) -> bool:
        """Whether two sides are about different people: each has a lead, and each names the
        other's lead less than ``lead_share`` as often as its own. Both conditions, so a
        follow-up that brings in a new person but still names the story's (or a story that
        already knows the newcomer's person) is not held apart."""
        lead_a = self._lead(a, a_lede)
        if lead_a is None:
            return False  # most articles: no need to look at the story's counts
        lead_b = self._lead(b, b_lede)
        if lead_b is None or lead_a == lead_b:
            return False
        share = self.params.lead_share
        return b.get(lead_a, 0) < share * b[lead_b] and a.get(lead_b, 0) < share * a[lead_a]

    def candidates(self, feats: ArticleFeatures) -> list[int]:
        """Stories sharing the article's most telling words and names, best overlap first."""
        votes: dict[int, float] = {}
        names, terms = self._names_index, self._terms_index
        # Only words some story has can vote: an article's rarest words are often its own
        # (a full copy arriving after a truncated one has nothing but those among its rarest).
        keys: list[tuple[dict[str, set[int]], str, float]] = [
            (names, n, self._idf(self.name_df, n)) for n in feats.names if n in names
        ]
        keys += [(terms, t, self._idf(self.term_df, t)) for t in feats.terms if t in terms]
        keys.sort(key=lambda kv: -kv[2])
        for index, key, weight in keys[:60]:
            for sid in index.get(key, ()):
                votes[sid] = votes.get(sid, 0.0) + weight
        ranked = sorted(votes, key=lambda sid: -votes[sid])
        return ranked[: self.params.max_candidates]

    # -- updating ----------------------------------------------------------------------------

    def _index_profile(self, p: StoryProfile) -> None:
        pid = p.id
        for index, words in ((self._names_index, p.names), (self._terms_index, p.terms)):
            get = index.get
            for w in words:
                found = get(w)
                if found is None:
                    index[w] = {pid}
                else:
                    found.add(pid)

    def _absorb(self, p: StoryProfile, feats: ArticleFeatures) -> None:
        # Members are summed as IDF-weighted unit vectors, so a dot product with the story divided
        # by its size is the mean cosine to its members (average link), in one step.
        # The IDF is taken out again before storing (each member stays a unit vector under the
        # IDF of the day it joined, up to that factor): scoring applies the IDF of its own day,
        # so members that joined when the collection was young (its first batch, where a kind
        # of event's words are as rare as one event's own) are weighed like later ones.
        weight = self._weight
        article = (
            self._vector(feats.terms, self.term_df),
            self._vector(feats.names, self.name_df),
            self._number_vector(feats),
            self._vector(feats.people, self.name_df),
        )
        held = self._scale_memo.get(p.id)
        memo = held[1] if held is not None and held[0] == self.n_docs else None
        for c, ((vec, df), sq, new) in enumerate(
            zip(self._channels(p), p.squares, article, strict=True)
        ):
            p.voiced[c] += bool(new)
            if memo is not None:
                memo[c] += 1.0 if new else 0.0  # a unit vector under today's IDF
            for t, w in new.items():
                free = w / weight(df, t)
                vec[t] = vec.get(t, 0.0) + free
                sq[t] = sq.get(t, 0.0) + free * free
        if memo is None:
            self._scale_memo.pop(p.id, None)
        limit = self.params.max_profile_terms
        if len(p.terms) > limit:
            p.terms = {t: p.terms[t] for t in self._heaviest(p.terms, self.term_df, limit)}
            self._trim_squares(p, 0)
        if len(p.numbers) > limit:
            p.numbers = {t: p.numbers[t] for t in self._heaviest(p.numbers, self.term_df, limit)}
            self._trim_squares(p, 2)
        p.years.update(feats.years)
        p.lead.update(feats.people)
        lede = self._lede_counts(feats)
        if lede:
            p.lede.update(lede)
        self._trim_lead(p)
        p.size += 1
        if feats.day is not None:
            p.first_day = feats.day if p.first_day is None else min(p.first_day, feats.day)
            p.last_day = feats.day if p.last_day is None else max(p.last_day, feats.day)
        self._index_profile(p)

    def _trim_squares(self, p: StoryProfile, channel: int) -> None:
        """Keep the squares of the words a trimmed vector kept; the dropped words still count
        in the members' lengths, as one lump under ``DROPPED`` (weighed as an unseen word)."""
        vec, df = self._channels(p)[channel]
        sq = p.squares[channel]
        weight = self._weight
        lump = sum(q * weight(df, t) ** 2 for t, q in sq.items() if t not in vec and t != DROPPED)
        kept = {t: sq[t] for t in vec if t in sq}
        kept[DROPPED] = sq.get(DROPPED, 0.0) + lump / weight(df, DROPPED) ** 2
        p.squares[channel] = kept

    def _lede_counts(self, feats: ArticleFeatures) -> Counter[str] | None:
        """The article's people first named in its opening, with all their mentions."""
        chars = self.params.lead_lede_chars
        if not chars:
            return None
        first = feats.people_first
        return Counter({k: n for k, n in feats.people.items() if first.get(k, chars) < chars})

    def _trim_lead(self, p: StoryProfile) -> None:
        # Keep the most-named people once the counts hold twice the bound (so trimming is rare).
        limit = self.params.max_lead_people
        if len(p.lead) > 2 * limit:
            p.lead = Counter(dict(p.lead.most_common(limit)))
        if len(p.lede) > 2 * limit:
            p.lede = Counter(dict(p.lede.most_common(limit)))

    def best(self, feats: ArticleFeatures, skip: int | None = None) -> tuple[int | None, float]:
        """The best-scoring candidate story and its score (``skip``: a story not to consider,
        the article's own when it is placed again)."""
        best_id, best_score = None, -math.inf
        for sid in self.candidates(feats):
            if sid == skip or sid not in self.profiles:
                continue  # merged away; the index still names it
            s = self.score(feats, self.profiles[sid])
            if s > best_score:
                best_id, best_score = sid, s
        return best_id, best_score

    def observe(self, feats: ArticleFeatures) -> None:
        """Count an article's words and names in the document frequencies. A batch is observed
        whole before its articles are placed, so the first articles of a batch are weighed with
        the same IDF as the last."""
        self.n_docs += 1
        self._idf_memo.clear()
        self._idf_memo_names.clear()
        self.term_df.update(feats.terms.keys())
        self.name_df.update(feats.names.keys())
        self.term_df.update(NUMBER_KEY + k for k in feats.numbers)

    def add(
        self,
        feats: ArticleFeatures,
        *,
        story: int | None = None,
        observed: bool = False,
        best: tuple[int | None, float] | None = None,
    ) -> Assignment:
        """Place one article: into ``story`` when given (a syndicated copy follows its
        original), else into the best-scoring story (``best`` when the caller already asked
        ``best()``), else into a new one."""
        if not observed:
            self.observe(feats)
        score = 1.0
        if story is None or story not in self.profiles:
            best_id, score = best if best is not None else self.best(feats)
            story = best_id if best_id is not None and score >= self._bar(best_id) else None
        created = story is None
        if story is None:
            story = self.next_id
            self.next_id += 1
            self.profiles[story] = StoryProfile(id=story)
            self._started[story] = feats
        self._absorb(self.profiles[story], feats)
        if not created:
            self._grown.add(story)
        story = self._merge_around(story)
        return Assignment(feats.key, story, float(score) if not created else 0.0, created)

    def settle(self) -> None:
        """Place again the stories of one report this session started, as if each report came
        now, and the lone stories of earlier batches near a story this session grew (see
        ``ClusterParams.settle_lone``). A report that would join another story is folded into
        it (recorded in ``merged``, as merges are)."""
        if not self.params.settle_lone:
            return
        started, self._started = self._started, {}
        grown, self._grown = self._grown, set()
        for sid, feats in started.items():
            if self._alone(sid):
                self._place_lone(sid, *self.best(feats, skip=sid))
        for sid in sorted(self._lone_near({self.resolve(g) for g in grown}) - set(started)):
            if self._alone(sid):
                own = self.profiles[sid]
                near = self._voters(own, sid).most_common(self.params.max_candidates)
                links = {o: self._link(own, self.profiles[o]) for o, _ in near}
                best = max(links, key=lambda o: (links[o], -o), default=None)
                self._place_lone(sid, best, links[best] if best is not None else -math.inf)

    def _alone(self, sid: int) -> bool:
        story = self.profiles.get(sid)
        return story is not None and story.size == 1

    def _lone_near(self, stories: set[int]) -> set[int]:
        """Stories of one among the stories sharing most heaviest words with each of these."""
        out: set[int] = set()
        for sid in stories:
            p = self.profiles.get(sid)
            if p is None or p.size < 2:
                continue
            lone = Counter({o: n for o, n in self._voters(p, sid).items() if self._alone(o)})
            out.update(o for o, _ in lone.most_common(self.params.max_candidates))
        return out

    def _place_lone(self, sid: int, best: int | None, score: float) -> None:
        """Fold the lone story ``sid`` into ``best`` when its score reaches that story's join
        bar. The report joins that story, which keeps its id even when the lone one is older
        (unlike two stories merging): a story people follow does not change its id because a
        stray report of its event is placed in it."""
        if best is None or score < self._bar(best):
            return
        self._fold(self.profiles[best], self.profiles.pop(sid))
        self.merged[sid] = best

    # -- merging -----------------------------------------------------------------------------

    def _bar(self, story: int) -> float:
        """The score an article needs to join ``story``."""
        p = self.params
        return p.threshold + p.small_story_margin / max(1, self.profiles[story].size)

    def resolve(self, story: int) -> int:
        """The story a (possibly merged-away) story id lives on in."""
        while story in self.merged:
            story = self.merged[story]
        return story

    def _link(self, a: StoryProfile, b: StoryProfile) -> float:
        """Average-link similarity of two stories: the mean cosine between their members."""
        p = self.params
        k_text, k_names, k_nums, k_people = (
            ka * kb / (a.size * b.size)
            for ka, kb in zip(self._scales(a), self._scales(b), strict=True)
        )
        text = self._wdot(a.terms, b.terms, self.term_df) * k_text
        link = text
        if a.names and b.names:
            names = self._wdot(a.names, b.names, self.name_df) * k_names
            link = p.text_weight * text + p.name_weight * names
        if a.numbers and b.numbers and p.number_weight:
            nums = self._wdot(a.numbers, b.numbers, self.term_df) * k_nums
            link += p.number_weight * (nums - p.number_offset)
        if a.people and b.people and p.people_weight:
            people = self._wdot(a.people, b.people, self.name_df) * k_people
            link += p.people_weight * (people - p.people_offset)
        if p.lead_penalty and self._leads_conflict(
            a.lead,
            b.lead,
            self._story_lede(a),
            self._story_lede(b),
        ):
            link -= p.lead_penalty
        if (
            a.first_day is not None
            and a.last_day is not None
            and b.first_day is not None
            and b.last_day is not None
        ):
            gap = max(a.first_day - b.last_day, b.first_day - a.last_day, 0)
            if gap > p.gap_days:
                link -= p.gap_penalty * (gap - p.gap_days) / 30.0
        return link

    def _voters(self, p: StoryProfile, skip: int) -> Counter[int]:
        """Other stories by how many of ``p``'s 30 heaviest words they have (nlargest: what a
        full sort would keep, ties in order)."""
        votes: Counter[int] = Counter()
        for t in self._heaviest(p.terms, self.term_df, 30):
            for sid in self._terms_index.get(t, ()):
                if sid != skip and sid in self.profiles:
                    votes[sid] += 1
        return votes

    def _merge_bar(self, a: StoryProfile, b: StoryProfile) -> float:
        """The link two stories need to merge (see ``small_size``)."""
        p = self.params
        assert p.merge_threshold is not None
        if min(a.size, b.size) <= p.small_size:
            big = max(a.size, b.size)
            bar = p.small_merge_threshold + p.small_merge_margin / big
            if min(a.size, b.size) == 1 and self._lone_belongs(a, b):
                bar = min(bar, p.threshold + p.small_story_margin / big)
            return bar
        return p.merge_threshold

    def _lone_belongs(self, a: StoryProfile, b: StoryProfile) -> bool:
        """Whether a story of one report (either side) shows it reports the other's event:
        the same lead person, or the other's people (see ``lone_lead_join``)."""
        p = self.params
        big = max(a.size, b.size)
        established = p.lone_people and big >= p.lone_people_min_size and a.people and b.people
        if established:
            k = self._scales(a)[3] * self._scales(b)[3] / (a.size * b.size)
            if self._wdot(a.people, b.people, self.name_df) * k >= p.lone_people:
                return True
        return p.lone_lead_join and self._same_lead(a, b)

    def _same_lead(self, a: StoryProfile, b: StoryProfile) -> bool:
        """Whether two stories are about one person: both have a lead, and it is the same."""
        lead_a = self._lead(a.lead, self._story_lede(a))
        return lead_a is not None and lead_a == self._lead(b.lead, self._story_lede(b))

    def _story_lede(self, p: StoryProfile) -> Counter[str] | None:
        """A story's people named in its members' openings, where only those can lead (see
        ``ClusterParams.lead_lede_chars``); None: anyone can."""
        return p.lede if self.params.lead_lede_chars else None

    def _merge_around(self, story: int) -> int:
        """Merge the story with every story it is now close enough to; returns its id."""
        threshold = self.params.merge_threshold
        if threshold is None:
            return story
        while True:
            p = self.profiles[story]
            best, best_gain = None, 0.0
            for sid, _ in self._voters(p, story).most_common(10):
                q = self.profiles[sid]
                gain = self._link(p, q) - self._merge_bar(p, q)
                if gain >= best_gain:
                    best, best_gain = sid, gain
            if best is None:
                return story
            # The older story keeps its id: followers and links point at it.
            keep, gone = min(story, best), max(story, best)
            self._fold(self.profiles[keep], self.profiles.pop(gone))
            self.merged[gone] = keep
            story = keep

    def _fold(self, into: StoryProfile, other: StoryProfile) -> None:
        for t, w in other.terms.items():
            into.terms[t] = into.terms.get(t, 0.0) + w
        for n, w in other.names.items():
            into.names[n] = into.names.get(n, 0.0) + w
        for k, w in other.numbers.items():
            into.numbers[k] = into.numbers.get(k, 0.0) + w
        for t, w in other.people.items():
            into.people[t] = into.people.get(t, 0.0) + w
        for sq, more in zip(into.squares, other.squares, strict=True):
            for t, q in more.items():
                sq[t] = sq.get(t, 0.0) + q
        into.voiced = [a + b for a, b in zip(into.voiced, other.voiced, strict=True)]
        mine, theirs = self._scale_memo.get(into.id), self._scale_memo.get(other.id)
        if mine and theirs and mine[0] == theirs[0] == self.n_docs:
            both = [a + b for a, b in zip(mine[1], theirs[1], strict=True)]
            self._scale_memo[into.id] = (self.n_docs, both)
        else:
            self._scale_memo.pop(into.id, None)
        into.years.update(other.years)
        into.lead.update(other.lead)
        into.lede.update(other.lede)
        self._trim_lead(into)
        into.size += other.size
        days = [d for d in (into.first_day, into.last_day, other.first_day, other.last_day) if d]
        into.first_day = min(days) if days else None
        into.last_day = max(days) if days else None
        self._index_profile(into)


def cluster(
    articles: list[ArticleFeatures], params: ClusterParams | None = None, *, batch: int = 0
) -> dict[int | str, int]:
    """Cluster articles, placed one by one in the given order (key -> story id), in batches of
    ``batch`` (0: one batch) as the workspace does."""
    c = StoryClusterer(params)
    placed: dict[int | str, int] = {}
    step = batch or max(1, len(articles))
    for start in range(0, len(articles), step):
        chunk = articles[start : start + step]
        for a in chunk:
            c.observe(a)
        for a in chunk:
            placed[a.key] = c.add(a, observed=True).story
        c.settle()
    return {k: c.resolve(s) for k, s in placed.items()}
