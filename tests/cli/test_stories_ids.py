"""Every JSONL id an ingest took in is listed by ``storyline stories --format json`` in exactly
one story (design.md: the ``id`` is what ``stories`` lists; evaluators score stories by these
ids), also when one text arrives under several ids, and the first report of such a text is its
earliest copy. Over SQLite and PostgreSQL, through the real entry point."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from storyline_test_cli import run

from storyline.cli import main

pytestmark = [pytest.mark.issue(5), pytest.mark.slow]

BRIDGE = (
    "The council voted on Monday to close the Elm Street bridge for repairs, the mayor of "
    "Springfield said. Work starts on March 3."
)
QUAKE = (
    "A magnitude 6.1 earthquake struck off the coast of Chile on Sunday, the national "
    "seismology office said. No damage was reported."
)
RECORDS = [
    {"id": "bridge-gazette", "text": BRIDGE, "published": "2025-02-25", "outlet": "Gazette"},
    {"id": "quake", "text": QUAKE, "published": "2025-03-02", "outlet": "Wire Desk"},
    # The same text under another id, published a day earlier by another outlet: an article
    # of its own (its "on Monday" is another day), one syndication group with the first.
    {"id": "bridge-early", "text": BRIDGE, "published": "2025-02-24", "outlet": "Early Post"},
    # The same text under another id the same day: a further document of the first article.
    {"id": "bridge-mirror", "text": BRIDGE, "published": "2025-02-25", "outlet": "Mirror"},
    # The same record twice (a repeated line): nothing new.
    {"id": "bridge-gazette", "text": BRIDGE, "published": "2025-02-25", "outlet": "Gazette"},
    # The same id again with another text (an updated version): one id, listed once.
    {
        "id": "quake",
        "text": QUAKE + " Officials said on Monday that two people were injured.",
        "published": "2025-03-03",
        "outlet": "Wire Desk",
    },
]
IDS = {r["id"] for r in RECORDS}


def cli(capsys, db: str, *args: str) -> Any:
    code, out, err = run(["--db", db, *args], capsys)
    assert code == 0, err
    return json.loads(out)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def db(request, tmp_path_factory) -> str:
    if request.param == "sqlite":
        return str(tmp_path_factory.mktemp("stories_ids") / "ws.db")
    return str(request.getfixturevalue("postgres_module_url"))


@pytest.fixture(scope="module")
def jsonl(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("stories_ids_in") / "in.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def ingested(db, jsonl, nlp) -> str:
    with pytest.raises(SystemExit) as exc:
        main(["--db", db, "ingest", str(jsonl), "--workers", "1"])
    assert exc.value.code == 0
    return db


def test_stories_json_lists_every_id_in_exactly_one_story(ingested, db, capsys):
    stories = cli(capsys, db, "stories", "--format", "json")
    listed = Counter(k for s in stories for k in s["articles"])
    assert set(listed) >= IDS
    assert all(n == 1 for n in listed.values()), listed
    (bridge,) = [s for s in stories if "bridge-gazette" in s["articles"]]
    # The earliest published first; a same-day copy's id after its article's own.
    assert bridge["articles"][:3] == ["bridge-early", "bridge-gazette", "bridge-mirror"]


def test_ingest_again_adds_nothing_and_lists_the_same(ingested, db, jsonl, capsys):
    before = cli(capsys, db, "stories", "--format", "json")
    again = cli(capsys, db, "ingest", str(jsonl), "--workers", "1", "--format", "json")
    assert again["added"] == 0
    assert cli(capsys, db, "stories", "--format", "json") == before


def test_timeline_first_report_is_the_earliest_copy_of_a_text(ingested, db, capsys):
    stories = cli(capsys, db, "stories", "--format", "json")
    sid = next(s["id"] for s in stories if "bridge-early" in s["articles"])
    tl = cli(capsys, db, "timeline", str(sid), "--format", "json")
    (works,) = [e for e in tl["entries"] if e["date"] == "2025-03-03"]
    assert works["first_reported"] == {
        "article": "bridge-early",
        "outlet": "Early Post",
        "published": "2025-02-24",
    }
    assert works["independent_sources"] == 1


def test_every_listed_id_names_its_article(ingested, db):
    from storyline import Workspace
    from storyline.store.articles import find_article
    from storyline.stories import get_story, list_stories

    with Workspace(db) as ws:
        stories = list_stories(ws)
        with ws.connect() as conn:
            gazette = find_article(conn, "bridge-gazette")
            mirror = find_article(conn, "bridge-mirror")
            early = find_article(conn, "bridge-early")
        assert gazette is not None and mirror is not None and early is not None
        # One text: one article a publication day (issue 5), each under every id it came with.
        assert gazette.id == mirror.id != early.id
        # `stories` (text) counts articles, not ids.
        bridge = next(s for s in stories if "bridge-early" in s["articles"])
        assert bridge["size"] == 2 and len(bridge["articles"]) == 3
        # The web API's story (GET /api/stories/{id}) lists the ids too.
        for s in stories:
            story = get_story(ws, s["id"])
            assert story is not None and story["articles"] == s["articles"]


PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>Council closes Elm Street bridge | {site}</title>
<meta property="og:site_name" content="{site}">
<meta property="og:url" content="https://www.{host}.example/local/elm-street-bridge">
<meta property="article:published_time" content="{published}">
</head><body><main><article><h1>Council closes Elm Street bridge</h1>
<p>The council voted on Monday to close the Elm Street bridge for repairs, the mayor of
Springfield said.</p>
<p>Work starts on March 3, and the bridge is expected to reopen in the autumn, according to
the city's transport department.</p>
</article></main></body></html>
"""


def test_first_report_of_identical_pages_is_the_earliest_page(tmp_path, nlp, capsys):
    # Two sites ran the very same text; the page read second was published first (two days
    # earlier: an article of its own, analysed against its own date, issue 5).
    inbox = tmp_path / "in"
    inbox.mkdir()
    for name, site, published in [
        ("a-late.html", "Late Ledger", "2025-02-27T09:00:00+00:00"),
        ("b-early.html", "Early Courier", "2025-02-25T09:00:00+00:00"),
    ]:
        host = site.lower().replace(" ", "")
        (inbox / name).write_text(
            PAGE.format(site=site, host=host, published=published), encoding="utf-8"
        )
    db = str(tmp_path / "ws.db")
    report = cli(capsys, db, "ingest", str(inbox), "--workers", "1", "--format", "json")
    assert report["added"] == 2 and report["duplicates"] == 0
    (story,) = cli(capsys, db, "stories", "--format", "json")
    tl = cli(capsys, db, "timeline", str(story["id"]), "--format", "json")
    (works,) = [e for e in tl["entries"] if e["date"] == "2025-03-03"]
    first = works["first_reported"]
    assert first["outlet"] == "Early Courier" and first["published"].startswith("2025-02-25")
