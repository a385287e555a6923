"""The seed story as many sites ran it, through a real workspace and the real analysis."""

import json
from pathlib import Path

import pytest
import sqlalchemy as sa

import storyline.stories as st
from storyline.errors import InputError, NotFound
from storyline.store.stories import timeline_cache
from storyline.stories import keys

pytestmark = pytest.mark.slow

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
SEED = FIXTURES / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
SEED_PUBLISHED = "2025-12-02"

COPIES = [
    ("seed", SEED, SEED_PUBLISHED, "The Straits Times"),
    (
        "furniture",
        FIXTURES / "syndication" / "copy-other-furniture.txt",
        "2025-12-01",
        "Wire Daily",
    ),
    ("weekdays", FIXTURES / "syndication" / "copy-weekdays.txt", "2025-12-02", "Weekday Post"),
    (
        "rewrite",
        FIXTURES / "syndication" / "rewrite-changed-facts.txt",
        "2025-12-02",
        "Rewrite Times",
    ),
]
ENTRY_KEYS = {
    "date",
    "precision",
    "summary",
    "mentions",
    "sources",
    "independent_sources",
    "first_reported",
    "status",
    "deadline",
}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def ws(request, tmp_path_factory, nlp):
    from storyline import Workspace

    if request.param == "sqlite":
        location = str(tmp_path_factory.mktemp("stories") / "ws.db")
    else:
        location = request.getfixturevalue("postgres_module_url")
    workspace = Workspace(location)
    for key, path, published, outlet in COPIES:
        workspace.add(
            path.read_text(encoding="utf-8"),
            published=published,
            outlet=outlet,
            external_id=key,
            origin=key,
        )
    yield workspace
    workspace.close()


@pytest.fixture(scope="module")
def story_timeline(ws):
    (story,) = st.list_stories(ws)
    return st.timeline_for(ws, story_id=story["id"])


def test_update_puts_all_copies_in_one_story(ws):
    stories = st.list_stories(ws)
    assert len(stories) == 1
    assert sorted(stories[0]["articles"]) == ["furniture", "rewrite", "seed", "weekdays"]


def test_update_groups_copies_and_keeps_the_rewrite_apart(ws):
    ids = {ws.article(k).id: k for k, *_ in COPIES}
    with ws.connect() as conn:
        rows = conn.execute(
            sa.text("SELECT article_id, group_id, kind, changed FROM article_links")
        )
        links = {ids[r.article_id]: r for r in rows}
    groups = {k: ids[links[k].group_id] for k in links}
    assert groups["seed"] == groups["furniture"] == groups["weekdays"]
    assert groups["rewrite"] == "rewrite"
    assert links["rewrite"].kind == "rewrite"
    changed = links["rewrite"].changed
    changed = json.loads(changed) if isinstance(changed, str) else changed
    assert {c["after"] for c in changed} >= {"nov 27", "five"}
    assert st.syndication_of(ws, ws.article("weekdays").id) in {"seed", "furniture"}
    assert st.syndication_of(ws, ws.article("rewrite").id) is None


def test_timeline_json_has_the_design_fields(story_timeline):
    assert set(story_timeline) >= {"story", "entries"}
    for entry in story_timeline["entries"]:
        assert set(entry) >= ENTRY_KEYS
        assert set(entry["first_reported"]) == {"article", "outlet", "published"}
        for src in entry["sources"]:
            assert set(src) >= {"outlet", "type", "count", "text"}


def entry_on(tl, date, word):
    found = [e for e in tl["entries"] if e["date"] == date and word in e["summary"].lower()]
    assert found, f"no {word!r} entry on {date}"
    return found[0]


def test_timeline_counts_wire_copies_once(story_timeline):
    call = entry_on(story_timeline, "2025-11-30", "confirm")
    assert len({m["article"] for m in call["mentions"]}) == 4
    assert call["independent_sources"] == 2  # the wire (three copies) and the rewrite


def test_timeline_resolves_weekdays_against_each_copys_own_date(story_timeline):
    # "expired on Friday" in a copy published Tuesday 2025-12-02 is 2025-11-28.
    expired = entry_on(story_timeline, "2025-11-28", "expired")
    assert "weekdays" in {m["article"] for m in expired["mentions"]}


def test_timeline_marks_the_changed_fact_contested(story_timeline):
    expired = entry_on(story_timeline, "2025-11-28", "expired")
    assert expired["status"] == "contested"
    assert {c["date"] for c in expired["conflicts"]} == {"2025-11-27", "2025-11-28"}
    airspace = entry_on(story_timeline, "2025-11-29", "airspace")
    assert airspace["status"] != "contested"


def test_timeline_first_report_is_the_earliest_copy(story_timeline):
    call = entry_on(story_timeline, "2025-11-30", "confirm")
    assert call["first_reported"] == {
        "article": "furniture",
        "outlet": "Wire Daily",
        "published": "2025-12-01",
    }


def test_timeline_summary_keeps_max_dates_and_per_date(ws):
    tl = st.timeline_for(ws, all=True, max_dates=3, per_date=1)
    dates = [e["date"] for e in tl["entries"]]
    assert len(dates) == len(set(dates)) <= 3
    assert dates == sorted(dates)


def test_timeline_query_matches_articles(ws):
    tl = st.timeline_for(ws, query="airspace")
    assert tl["story"]["articles"] == 4


def test_timeline_is_cached_until_an_update_touches_the_story(ws, story_timeline):
    sid = story_timeline["story"]["id"]
    with ws.connect() as conn:
        n = conn.execute(
            sa.text("SELECT count(*) FROM timeline_cache WHERE story_id = :s"), {"s": sid}
        )
        assert n.scalar_one() >= 1
    assert st.timeline_for(ws, story_id=sid) == story_timeline
    ws.add(
        SEED.read_text(encoding="utf-8").replace(
            "Mr Maduro's administration has requested another call",
            "Officials in Caracas said on Dec 2 that Mr Maduro's administration has requested "
            "another call",
        ),
        published="2025-12-03",
        outlet="Late Copy",
        external_id="late",
        origin="late",
    )
    with ws.connect() as conn:
        n = conn.execute(
            sa.text("SELECT count(*) FROM timeline_cache WHERE story_id = :s"), {"s": sid}
        )
        assert n.scalar_one() == 0


def test_timeline_cached_by_an_older_version_is_not_served(ws, monkeypatch):
    # A storyline that builds timelines differently (new counts, a new summariser) must not
    # serve what an older one cached: the cache key holds the timeline format's version.
    (story,) = st.list_stories(ws)
    sid = story["id"]
    fresh = st.timeline_for(ws, story_id=sid)
    with ws.begin() as conn:
        conn.execute(
            timeline_cache.update()
            .where(timeline_cache.c.story_id == sid)
            .values(data={"stale": True})
        )
    assert st.timeline_for(ws, story_id=sid) == {"stale": True}  # this version's cache is used
    monkeypatch.setattr(keys, "VERSION", "timeline.v-next")
    assert st.timeline_for(ws, story_id=sid) == fresh
    assert json.loads(st.timeline_json(ws, story_id=sid)) == fresh


@pytest.mark.parametrize(
    ("kwargs", "error"),
    [
        ({}, InputError),
        ({"story_id": 1, "all": True}, InputError),
        ({"story_id": 9999}, NotFound),
        ({"story_id": "abc"}, InputError),
        ({"all": True, "max_dates": 0}, InputError),
    ],
)
def test_timeline_for_refuses_bad_requests(ws, kwargs, error):
    with pytest.raises(error):
        st.timeline_for(ws, **kwargs)


def test_entities_are_joined_across_articles(ws):
    with ws.connect() as conn:
        row = conn.execute(
            sa.text("SELECT name, articles FROM entities WHERE key = 'PERSON:nicolas maduro'")
        ).first()
    assert row is not None and row.articles >= 4


def test_a_paraphrased_rewrite_with_another_date_is_contested(nlp):
    from storyline import Workspace

    with Workspace(memory=True) as ws:
        ws.add(SEED.read_text(encoding="utf-8"), published=SEED_PUBLISHED, external_id="seed")
        ws.add(
            (FIXTURES / "syndication" / "rewrite-paraphrased.txt").read_text(encoding="utf-8"),
            published="2025-12-03",
            outlet="Caracas Courier",
            external_id="para",
            origin="para",
        )
        (story,) = st.list_stories(ws)
        assert sorted(story["articles"]) == ["para", "seed"]
        tl = st.timeline_for(ws, story_id=story["id"])
    expired = [e for e in tl["entries"] if "expired" in e["summary"].lower()]
    assert {e["date"] for e in expired} == {"2025-11-27", "2025-11-28"}
    assert {e["status"] for e in expired} == {"contested"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # The earliest article's first sentence names a story of untitled articles.
        (
            "Port officials said on Monday that ships would wait outside the harbour. "
            "The port said it would reopen on Friday.",
            "Port officials said on Monday that ships would wait outside the harbour.",
        ),
        # A long first sentence is cut at a word.
        (
            "Port officials said on Monday that the ships which had been waiting outside the "
            "harbour since the storm would be let in one at a time from Friday morning.",
            "Port officials said on Monday that the ships which had been waiting outside the "
            "harbour since the \u2026",
        ),
    ],
)
def test_a_story_of_untitled_articles_is_named_by_its_opening(nlp, text, title):
    from storyline import Workspace

    with Workspace(memory=True) as ws:
        ws.add(text, published="2025-12-01", external_id="a")
        (story,) = st.list_stories(ws)
    assert story["title"] == title


def test_a_titled_article_names_its_story_over_an_untitled_opening(nlp):
    from storyline import Workspace

    with Workspace(memory=True) as ws:
        ws.add("Port officials said on Monday that ships would wait.", published="2025-12-01")
        ws.add(
            "<html><head><title>Ships wait outside the harbour</title></head><body><p>"
            + "Port officials said on Monday that ships would wait outside the harbour. " * 3
            + "</p></body></html>",
            published="2025-12-02",
            external_id="b",
        )
        stories = [(s["title"], sorted(s["articles"])) for s in st.list_stories(ws)]
    # One story: the later article's headline names it, not the earlier one's opening.
    assert stories == [("Ships wait outside the harbour", ["1", "b"])]
