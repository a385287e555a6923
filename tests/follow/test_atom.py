"""atom: a follow's Atom feed, parsed back with feedparser."""

from __future__ import annotations

import datetime as dt

import feedparser
import pytest

from storyline.follow.atom import build_feed, entry_id, feed_id, page_path
from storyline.follow.digest import ArticleRef, diff_timeline
from storyline.follow.follows import Follow

from .test_digest import CALL, CONFIRM, DEADLINE, TODAY, timeline

FOLLOW = Follow(id=4, kind="story", target="1", emails=("a@example.org",), label="Venezuela")
FOUND = dt.datetime(2025, 12, 2, 8, 0, tzinfo=dt.UTC)


def items():
    refs = {"reuters-1": ArticleRef(id="reuters-1", url="https://example.org/r1", outlet="Reuters")}
    diff = diff_timeline(4, timeline(CALL, DEADLINE, CONFIRM), [], articles=refs, today=TODAY)
    return [(it, FOUND + dt.timedelta(minutes=i)) for i, it in enumerate(diff.items)]


@pytest.mark.parametrize("base_url", ["http://127.0.0.1:8000", "https://news.example.org/"])
def test_feed_parses_with_stable_ids(base_url):
    pairs = items()
    parsed = feedparser.parse(build_feed(FOLLOW, pairs, base_url=base_url))
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.id == feed_id(4)
    self_links = [link.href for link in parsed.feed.links if link.rel == "self"]
    assert self_links == [base_url.rstrip("/") + "/feeds/4.atom"]
    # The feed's own alternate link is the story's page, so a reader can open the whole story.
    pages = [link.href for link in parsed.feed.links if link.rel == "alternate"]
    assert pages == [base_url.rstrip("/") + "/stories/1"]
    assert [e.id for e in parsed.entries] == [entry_id(it) for it, _ in pairs][::-1]
    again = feedparser.parse(build_feed(FOLLOW, pairs, base_url=base_url))
    assert [e.id for e in again.entries] == [e.id for e in parsed.entries]


def test_feed_entries_carry_summary_sources_and_kind():
    parsed = feedparser.parse(build_feed(FOLLOW, items()))
    by_kind = {e.tags[0].term: e for e in parsed.entries if e.tags[0].term != "new_entry"}
    assert set(by_kind) == {"deadline_expired"}
    call = next(e for e in parsed.entries if "rejected" in e.title)
    assert call.title.startswith("2025-11-21: Trump rejected")
    assert "four sources briefed on the call" in call.content[0].value
    assert call.link == "https://example.org/r1"
    assert call.updated_parsed[:3] == (2025, 12, 2)


def test_feed_without_items_is_valid():
    parsed = feedparser.parse(build_feed(FOLLOW, []))
    assert not parsed.bozo
    assert parsed.entries == []
    assert parsed.feed.title == "storyline: story 1: Venezuela"


@pytest.mark.parametrize(
    "kind, target, path",
    [
        ("story", "12", "/stories/12"),
        # An entity or a query has no page of its own: the search page lists what it follows.
        ("entity", "Nicolas Maduro", "/search?q=Nicolas+Maduro"),
        ("query", "Maduro & oil/gas?", "/search?q=Maduro+%26+oil%2Fgas%3F"),
    ],
)
def test_page_path_names_the_web_page_of_what_is_followed(kind, target, path):
    assert page_path(Follow(id=1, kind=kind, target=target)) == path
