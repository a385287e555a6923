"""Batch linking (as ``storyline ingest`` places articles, 128 at a time) against one batch:
stored story profiles are kept without IDF, so a story whose members joined when the collection
was young is scored with the document frequencies of today, and the IDF floor of a small
collection can fade out by one link batch (``min_docs_until``; session 4)."""

import math

import pytest
from storyline_test_story_helpers import QUAKE_A, QUAKE_B

from storyline.model import Analysis, Article
from storyline.stories.cluster import ClusterParams, StoryClusterer, StoryProfile, cluster
from storyline.stories.features import article_features

OTHER = [
    "The central bank raised interest rates by a quarter point on Wednesday, officials said.",
    "A new stadium opened in the city after three years of building work, the mayor said.",
    "Police said the earthquake drill at the school went as planned on Monday.",
]


def feats(key, text):
    return article_features(key, Analysis(article=Article(text=text)))


def test_score_story_from_young_collection_weighed_with_today_idf():
    # The same one-member story, built once when the collection held two articles and once
    # when it held all of them, scores a newcomer alike: its member is re-weighed.
    arts = [feats(f"a{i}", t) for i, t in enumerate(QUAKE_A + OTHER + QUAKE_B)]
    young, grown = StoryClusterer(), StoryClusterer()
    for a in arts[:2]:
        young.observe(a)
    story = young.add(arts[0], observed=True).story
    for a in arts[2:]:
        young.observe(a)
    for a in arts:
        grown.observe(a)
    grown_story = grown.add(arts[0], observed=True).story
    got = young.score(arts[1], young.profiles[story])
    assert got == pytest.approx(grown.score(arts[1], grown.profiles[grown_story]), abs=1e-9)


def test_score_old_state_weighed_at_join_is_converted_on_loading():
    # A state saved before session 4 (profiles IDF-weighted when members joined) scores as it
    # did when the IDF has not moved since.
    c = StoryClusterer()
    member, newcomer = feats("a0", QUAKE_A[0]), feats("a1", QUAKE_A[1])
    c.observe(member)
    c.observe(newcomer)
    first = c.add(member, observed=True)
    expected = c.score(newcomer, c.profiles[first.story])
    old = c.profiles[first.story].to_dict()
    for key, df in (("terms", c.term_df), ("names", c.name_df), ("numbers", c.term_df)):
        old[key] = {t: w * c._idf(df, t) for t, w in old[key].items()}
    old["people"] = {t: w * c._idf(c.name_df, t) for t, w in old["people"].items()}
    for key in ("idf_free", "squares", "voiced"):
        del old[key]
    profile = StoryProfile.from_dict(old)
    assert not profile.idf_free
    loaded = StoryClusterer(
        profiles={profile.id: profile}, term_df=c.term_df, name_df=c.name_df, n_docs=c.n_docs
    )
    assert profile.idf_free
    got = loaded.score(newcomer, loaded.profiles[first.story])
    assert got == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize(
    ("n_docs", "until", "counted_as"),
    [
        (0, 128, 300.0),  # an empty collection: the whole floor
        (64, 128, 64 + 150.0),  # half-way: half the floor
        (128, 128, 128.0),  # one link batch: its own frequencies
        (500, 128, 500.0),
        (64, 0, 300.0),  # 0: the full floor until min_docs (before session 4)
        (400, 0, 400.0),
    ],
)
def test_idf_floor_fades_with_the_collection(n_docs, until, counted_as):
    c = StoryClusterer(ClusterParams(min_docs=300, min_docs_until=until), n_docs=n_docs)
    df = c.term_df
    df["quake"] = 5
    assert c._idf(df, "quake") == pytest.approx(math.log((1 + counted_as) / 6) + 1.0)


@pytest.mark.parametrize("batch", [1, 2, 4])
def test_cluster_in_batches_keeps_look_alike_events_apart(batch):
    arts = [feats(f"a{i}", t) for i, t in enumerate(QUAKE_A)]
    arts += [feats(f"b{i}", t) for i, t in enumerate(QUAKE_B)]
    order = [x for pair in zip(arts[:3], arts[3:], strict=True) for x in pair]
    got = cluster(order, batch=batch)
    assert got == cluster(order)
    assert got["a0"] != got["b0"]
    assert len({got[f"a{i}"] for i in range(3)}) == 1


def test_trim_keeps_members_unit_length():
    # Trimming a long story's vector keeps the dropped words' weight in its members' lengths.
    c = StoryClusterer(ClusterParams(max_profile_terms=5))
    a = c.add(feats("a0", QUAKE_A[0]))
    p = c.profiles[a.story]
    assert len(p.terms) == 5
    assert c._scales(p)[0] == pytest.approx(1.0)
