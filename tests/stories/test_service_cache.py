"""``storyline.stories.update`` keeps its results when it reuses work between batches: the
clusterer of the last committed batch, and one pass over people's keys for bare surnames."""

from pathlib import Path

import pytest
import sqlalchemy as sa

import storyline.stories as st
from storyline.store import stories as repo
from storyline.stories import service

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ARTICLES = [
    ("seed", FIXTURES / "articles" / "reuters-st-2025-12-trump-maduro-call.txt", "2025-12-02"),
    ("weekdays", FIXTURES / "syndication" / "copy-weekdays.txt", "2025-12-02"),
    ("rewrite", FIXTURES / "syndication" / "rewrite-changed-facts.txt", "2025-12-02"),
    ("paraphrase", FIXTURES / "syndication" / "rewrite-paraphrased.txt", "2025-12-03"),
]


def _state(ws):
    with ws.connect() as conn:
        profiles = {
            int(i): p for i, p in conn.execute(sa.select(repo.stories.c.id, repo.stories.c.profile))
        }
        return {
            "stories": st.list_stories(ws),
            "profiles": profiles,
            "clusterer": repo.get_state(conn, "clusterer"),
            "entities": [
                tuple(r)
                for r in conn.execute(sa.select(repo.entities).order_by(repo.entities.c.id))
            ],
        }


def _add(ws, key, path, published):
    ws.add(path.read_text(encoding="utf-8"), published=published, external_id=key, origin=key)


def test_update_reusing_the_clusterer_matches_reloading_it(tmp_path, nlp):
    from storyline import Workspace

    reused, reloaded = Workspace(tmp_path / "a.db"), Workspace(tmp_path / "b.db")
    for key, path, published in ARTICLES:
        _add(reused, key, path, published)
        assert reused in service._CACHE  # the next batch starts from this clusterer
        service._CACHE.pop(reloaded, None)  # the counter-example: load the stored state
        _add(reloaded, key, path, published)
    assert _state(reused)["stories"]
    assert _state(reused) == _state(reloaded)
    reused.close()
    reloaded.close()


def test_update_reloads_after_another_writer(tmp_path, nlp):
    from storyline import Workspace

    one, other = Workspace(tmp_path / "w.db"), Workspace(tmp_path / "w.db")
    alone = Workspace(tmp_path / "alone.db")
    for n, (key, path, published) in enumerate(ARTICLES):
        # Two workspace objects on one database take turns: each must see the other's batches.
        _add(one if n % 2 else other, key, path, published)
        _add(alone, key, path, published)
    assert len(_state(one)["stories"][0]["articles"]) >= 2
    assert _state(one) == _state(alone)
    for w in (one, other, alone):
        w.close()


PEOPLE = [
    "PERSON:nicolas maduro",
    "PERSON:diosdado maduro",
    "PERSON:maduro",
    "PERSON:john smith-jones",
    "PERSON:anna o_neil",
    "PERSON:anna oxneil",
    "PERSON:jane smith",
    "ORG:acme maduro",
]


@pytest.mark.parametrize(
    "surnames",
    [
        {"maduro"},
        {"smith"},  # counter-example: "smith-jones" is another surname
        {"o_neil"},  # LIKE's "_" is any one character: "oxneil" matches too
        {"maduro", "smith", "nobody"},
        set(),
    ],
)
def test_people_by_surname_matches_one_like_query_per_surname(tmp_path, surnames):
    from storyline import Workspace

    ws = Workspace(tmp_path / "p.db")
    with ws.begin() as conn:
        conn.execute(
            repo.entities.insert(),
            [
                {"key": k, "name": k, "type": k.split(":")[0], "aliases": [], "articles": 1}
                for k in PEOPLE
            ],
        )
        expected = []
        for s in sorted(surnames):
            expected.extend(
                conn.execute(
                    sa.select(repo.entities).where(repo.entities.c.key.like(f"PERSON:% {s}"))
                ).all()
            )
        found = service._people_by_surname(conn, surnames)
    assert [tuple(r) for r in found] == [tuple(r) for r in expected]
    ws.close()
