"""A story that merged into another keeps its links: every route that takes a story id answers
a permanent redirect to the same route for the story it lives on in (query string kept), while
an id that never was a story stays 404. The merge is a real one: the demo sample ingested in
two parts (tests/follow/test_merged_stories.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi.testclient import TestClient
from storyline_test_workspace_fixtures import merged_sample_workspace

pytestmark = [pytest.mark.issue(5), pytest.mark.slow]


@dataclass
class Merged:
    workspace: Any
    gone: int  # a story the second part merged away
    live: int  # the story it lives on in


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def merged(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Merged]:
    ws, gone, live = merged_sample_workspace(request, tmp_path_factory.mktemp("merged"))
    yield Merged(ws, gone, live)
    ws.close()


@pytest.fixture
def client(make_client: Callable[..., TestClient], merged: Merged) -> TestClient:
    return make_client(merged.workspace)


ROUTES = [
    "/stories/{id}",
    "/api/stories/{id}",
    "/api/stories/{id}/timeline",
    "/api/stories/{id}/timeline?max_dates=3&per_date=1",
    "/api/stories/{id}/timeline?since=2000-01-01",  # the filtered path
    "/api/stories/{id}/export.json",
    "/api/stories/{id}/export.md",
]


@pytest.mark.parametrize("route", ROUTES)
def test_merged_away_story_redirects_permanently_to_the_story_it_lives_on_in(
    client: TestClient, merged: Merged, route: str
) -> None:
    r = client.get(route.format(id=merged.gone), follow_redirects=False)
    assert r.status_code == 301
    assert r.headers["location"] == route.format(id=merged.live)
    followed = client.get(route.format(id=merged.gone))
    assert followed.status_code == 200
    assert followed.content == client.get(route.format(id=merged.live)).content


def test_redirected_story_page_is_the_live_story(client: TestClient, merged: Merged) -> None:
    r = client.get(f"/api/stories/{merged.gone}")
    assert r.json()["id"] == merged.live
    assert str(r.url).endswith(f"/api/stories/{merged.live}")


@pytest.mark.parametrize("route", ROUTES)
@pytest.mark.parametrize("ref", ["999999", "abc", str(2**64)])
def test_an_id_that_never_was_a_story_stays_404(
    client: TestClient, merged: Merged, route: str, ref: str
) -> None:
    r = client.get(route.format(id=ref), follow_redirects=False)
    assert r.status_code == 404, route
    assert "location" not in r.headers


def test_a_chain_of_merges_redirects_in_one_step_to_the_final_story(
    client: TestClient, merged: Merged
) -> None:
    # An id that merged into the merged-away story before that one merged in turn.
    from storyline.store import stories as repo

    older = 424242
    with merged.workspace.begin() as conn:
        conn.execute(
            repo.story_merges.insert().values(
                old_id=older, new_id=merged.gone, merged_at=dt.datetime.now(dt.UTC)
            )
        )
    try:
        r = client.get(f"/stories/{older}", follow_redirects=False)
        assert (r.status_code, r.headers["location"]) == (301, f"/stories/{merged.live}")
    finally:
        with merged.workspace.begin() as conn:
            conn.execute(repo.story_merges.delete().where(repo.story_merges.c.old_id == older))


def test_following_a_merged_away_story_follows_the_live_one(
    client: TestClient, merged: Merged
) -> None:
    r = client.post("/api/follows", json={"story": str(merged.gone), "emails": ["web@example.org"]})
    assert r.status_code == 201, r.text
    assert r.json()["target"] == str(merged.live)
    r = client.post("/api/follows", json={"story": "999999", "emails": ["web@example.org"]})
    assert r.status_code == 404
