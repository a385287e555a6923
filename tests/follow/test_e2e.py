"""Follows end to end on real articles, a real SMTP server and a real Atom parse.

Day 1: the seed article (a Reuters wire story as run by The Straits Times) and the ReCOVery
articles about hydroxychloroquine published up to 2020-05-18. Day 2: the hydroxychloroquine
articles of 2020-05-19/20, plus a syndicated copy of the seed on another site. Two follows: a
saved search "hydroxychloroquine" (two readers) and the entity "Nicolas Maduro" (one reader).
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import feedparser
import pytest

from storyline.follow import add_follow, atom_feed, run_digests
from storyline.follow.mail import SmtpSettings
from storyline.store import follows as fstore

from .conftest import SmtpServer

pytestmark = [pytest.mark.smtp, pytest.mark.shared_data, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
TOPIC = "hydroxychloroquine"
DAY1, DAY2 = ("2020-01-01", "2020-05-18"), ("2020-05-19", "2020-05-20")
# Site furniture of the Straits Times copy; another site's copy of the wire story has none.
FURNITURE = (
    "Sign up now:",
    "Venezuela's President Nicolas Maduro says the US is seeking regime change",
    "PHOTO:",
    "Follow topic:",
    "See more on",
)


def recovery_rows(shared_data: Path, start: str, end: str) -> list[dict[str, Any]]:
    csv.field_size_limit(1 << 30)
    out = []
    for path in sorted((shared_data / "recovery-covid19-news" / "reliable").glob("*.csv")):
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                if TOPIC in row["title"].lower() and start <= row["publish_date"] <= end:
                    out.append(
                        {
                            "id": f"recovery-{row['news_id']}",
                            "url": row["url"],
                            "title": row["title"],
                            "text": row["body_text"],
                            "published": row["publish_date"],
                            "outlet": row["publisher"],
                        }
                    )
    return sorted(out, key=lambda r: (r["published"], r["id"]))


def syndicated_copy() -> dict[str, Any]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    body = [line for line in lines[1:] if not line.startswith(FURNITURE)]
    return {
        "id": "yahoo-maduro-copy",
        "url": "https://news.example.org/world/trump-rejected-maduro-requests",
        "title": lines[0],
        "text": "\n".join(body).strip(),
        "published": "2025-12-02",
        "outlet": "Yahoo News",
    }


def seed_story(ws: Any) -> str:
    """The id of the story the seed article went into."""
    from storyline.stories import list_stories

    for story in list_stories(ws):
        if any(title_of(ws, a).startswith("Trump rejected Maduro") for a in story["articles"]):
            return str(story["id"])
    raise AssertionError("the seed article is in no story")


def title_of(ws: Any, article: str) -> str:
    return ws.article(str(article)).title or ""


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def sent_keys(ws: Any, server: SmtpServer, recipient: str) -> list[list[str]]:
    """Item keys of each message ``recipient`` received, in order (from the outbox rows)."""
    out = []
    with ws.connect() as conn:
        for m in server.handler.to(recipient):
            row = fstore.message(conn, m.message_id.strip("<>"))
            assert row is not None
            out.append(list(row["item_keys"]))
    return out


def test_follow_day_by_day_on_real_articles(shared_data, workspace, smtp_server, tmp_path):
    day1 = recovery_rows(shared_data, *DAY1)
    day2 = recovery_rows(shared_data, *DAY2)
    assert len(day1) >= 3 and len(day2) >= 2, "the ReCOVery topic set changed"
    settings = SmtpSettings(host=smtp_server.host, port=smtp_server.port, sender="d@example.org")
    readers = ["ana@example.org", "ben@example.org"]

    # The seed file carries no date: its publication date is given, as on the command line.
    report = workspace.ingest(
        [write_jsonl(tmp_path / "day1.jsonl", day1), SEED], published="2025-12-02"
    )
    assert report.added == len(day1) + 1
    topic = add_follow(workspace, query=TOPIC, emails=readers)
    person = add_follow(workspace, entity="Nicolas Maduro", emails=["cho@example.org"])
    story = add_follow(workspace, story=seed_story(workspace), emails=["dan@example.org"])

    # Day 1: everything is new.
    runs = {r.follow.id: r for r in run_digests(workspace, settings=settings)}
    assert runs[topic.id].new_items > 0 and runs[person.id].new_items > 0
    assert len(smtp_server.handler.messages) == 4
    assert (
        smtp_server.handler.to("dan@example.org")[0]
        .message["Subject"]
        .endswith("Trump rejected Maduro requests on call, options narrow for Venezuela leader")
    )
    (maduro_mail,) = smtp_server.handler.to("cho@example.org")
    text = maduro_mail.message.get_body(("plain",)).get_content()
    assert "2025-11-21" in text and "four sources briefed on the call" in text
    topic_mail = smtp_server.handler.to(readers[0])[0].message
    assert [p.get_content_type() for p in topic_mail.iter_parts()] == ["text/plain", "text/html"]
    assert TOPIC in topic_mail.get_body(("plain",)).get_content().lower()
    day1_keys = {k for keys in sent_keys(workspace, smtp_server, readers[0]) for k in keys}

    # The feed: one entry per item, ids stable across fetches.
    feed = feedparser.parse(
        atom_feed(workspace, topic.id, base_url="http://news.local", limit=1000)
    )
    assert not feed.bozo and len(feed.entries) == len(day1_keys)
    assert feed.feed.links[0].href == f"http://news.local/feeds/{topic.id}.atom"

    # Day 2: only what the new articles add; the wire copy adds nothing.
    copy = syndicated_copy()
    workspace.ingest([write_jsonl(tmp_path / "day2.jsonl", [*day2, copy])])
    runs = {r.follow.id: r for r in run_digests(workspace, settings=settings)}
    assert runs[person.id].items == [], [it.summary for it in runs[person.id].items]
    # The copy joined the seed's story, and told it nothing new.
    assert runs[story.id].items == [], [it.summary for it in runs[story.id].items]
    assert smtp_server.handler.to("cho@example.org") == [maduro_mail]
    new = runs[topic.id].items
    assert new, "day-2 articles about the topic added nothing"
    day2_ids = {r["id"] for r in day2}
    for item in new:
        assert item.key not in day1_keys
        if item.kind in ("new_entry", "new_claim"):
            assert {a["id"] for a in item.articles} & day2_ids, item
    for reader in readers:
        messages = sent_keys(workspace, smtp_server, reader)
        assert len(messages) == 2
        assert sorted(messages[1]) == sorted(it.key for it in new)
    second = smtp_server.handler.to(readers[0])[1].message.get_body(("plain",)).get_content()
    assert all(r["title"][:40] not in second for r in day1)  # day-1 articles are old news

    refreshed = feedparser.parse(
        atom_feed(workspace, topic.id, base_url="http://news.local", limit=1000)
    )
    old_ids = {e.id for e in feed.entries}
    assert old_ids < {e.id for e in refreshed.entries}

    # A second run sends nothing.
    before = len(smtp_server.handler.messages)
    runs = run_digests(workspace, settings=settings)
    assert all(r.new_items == 0 and r.items == [] for r in runs)
    assert len(smtp_server.handler.messages) == before
