"""outbox: exactly-once digest delivery against a real SMTP server (aiosmtpd), with faults.

The timeline is given as Timeline JSON (design.md) through ``timelines=`` so each test controls
exactly what changes between runs; tests/follow/test_e2e.py does the same on real articles.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
import textwrap
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from storyline.follow import add_follow, run_digests
from storyline.follow.mail import SmtpSettings
from storyline.store import follows as fstore

from .conftest import SmtpServer, db_arg
from .test_digest import CALL, CONFIRM, DEADLINE, TODAY, timeline

pytestmark = pytest.mark.smtp

READERS = ["ana@example.org", "ben@example.org"]


class Story:
    """A timeline that grows between digest runs, as a stories engine would give it."""

    def __init__(self, *entries: dict[str, Any]) -> None:
        self.data = timeline(*entries)

    def add(self, entry: dict[str, Any]) -> None:
        self.data["entries"].append(copy.deepcopy(entry))

    def __call__(self, workspace: Any, follow: Any) -> dict[str, Any]:
        return copy.deepcopy(self.data)


def settings_for(server: SmtpServer) -> SmtpSettings:
    return SmtpSettings(host=server.host, port=server.port, sender="digest@example.org", timeout=5)


def digest(ws: Any, server: SmtpServer, story: Story, **kw: Any):
    kw.setdefault("today", TODAY)
    return run_digests(ws, settings=settings_for(server), timelines=story, **kw)


def delivered(ws: Any, server: SmtpServer, recipient: str) -> Counter[str]:
    """How many times each item reached ``recipient``, counting a Message-ID once (what a mail
    store that dedupes on Message-ID shows the reader)."""
    import sqlalchemy as sa

    counts: Counter[str] = Counter()
    seen_ids: set[str] = set()
    with ws.connect() as conn:
        for m in server.handler.to(recipient):
            mid = m.message_id.strip("<>")
            if mid in seen_ids:
                continue
            seen_ids.add(mid)
            row = conn.execute(
                sa.select(fstore.digest_messages.c.item_keys).where(
                    fstore.digest_messages.c.message_id == mid
                )
            ).scalar_one()
            counts.update(row)
    return counts


def all_item_keys(ws: Any, follow_id: int) -> set[str]:
    with ws.connect() as conn:
        return {p["key"] for p, _ in fstore.items(conn, follow_id)}


def test_digest_first_run_sends_everything_second_run_nothing(workspace, smtp_server):
    story = Story(CALL, DEADLINE)
    follow = add_follow(workspace, query="Maduro", emails=READERS)
    (run,) = digest(workspace, smtp_server, story)
    assert run.new_items == 3  # two entries and the just-expired deadline
    assert [d.error for d in run.deliveries] == [None, None]
    assert len(smtp_server.handler.messages) == 2
    for reader in READERS:
        assert delivered(workspace, smtp_server, reader) == Counter(
            dict.fromkeys(all_item_keys(workspace, follow.id), 1)
        )
    (again,) = digest(workspace, smtp_server, story)
    assert again.new_items == 0 and again.items == []
    assert len(smtp_server.handler.messages) == 2


def test_digest_message_is_multipart_and_says_what_is_new(workspace, smtp_server):
    story = Story(CALL, DEADLINE)
    add_follow(workspace, query="Maduro", emails=READERS[:1])
    digest(workspace, smtp_server, story)
    (msg,) = smtp_server.handler.messages
    parts = [p.get_content_type() for p in msg.message.iter_parts()]
    assert parts == ["text/plain", "text/html"]
    text = msg.message.get_body(("plain",)).get_content()
    assert "New on the timeline" in text
    assert "Trump rejected Maduro's requests on a call" in text
    assert "four sources briefed on the call" in text
    assert "Deadlines just expired" in text
    assert msg.message["Subject"] == 'storyline: 3 new items on search "Maduro"'


def test_digest_next_day_sends_only_what_is_new(workspace, smtp_server):
    story = Story(CALL)
    add_follow(workspace, query="Maduro", emails=READERS[:1])
    digest(workspace, smtp_server, story)
    story.add(CONFIRM)
    (run,) = digest(workspace, smtp_server, story)
    assert [it.kind for it in run.items] == ["new_entry"]
    assert [it.summary for it in run.items] == [CONFIRM["summary"]]
    second = smtp_server.handler.messages[-1].message.get_body(("plain",)).get_content()
    assert CONFIRM["summary"] in second and CALL["summary"] not in second


def test_digest_refused_recipient_is_retried_without_duplicates(workspace, smtp_server):
    story = Story(CALL, CONFIRM)
    follow = add_follow(workspace, query="Maduro", emails=READERS)
    smtp_server.handler.reject_rcpt.add(READERS[0])
    (run,) = digest(workspace, smtp_server, story)
    assert "refused recipient ana@example.org: 550" in (run.deliveries[0].error or "")
    assert run.deliveries[1].error is None
    assert smtp_server.handler.to(READERS[0]) == []

    smtp_server.handler.reject_rcpt.clear()
    story.add(DEADLINE)  # news arrives while ana's digest is still pending
    (retry,) = digest(workspace, smtp_server, story)
    assert retry.deliveries[0].resent  # the pending message, sent again as it was
    everything = Counter(dict.fromkeys(all_item_keys(workspace, follow.id), 1))
    for reader in READERS:
        assert delivered(workspace, smtp_server, reader) == everything
    ids = [m.message_id for m in smtp_server.handler.messages]
    assert len(ids) == len(set(ids))  # no message went out twice


def test_digest_dropped_connection_is_retried(workspace, smtp_server):
    story = Story(CALL, CONFIRM)
    follow = add_follow(workspace, query="Maduro", emails=READERS)
    smtp_server.handler.drop_next = 1  # the first DATA loses the connection
    (run,) = digest(workspace, smtp_server, story)
    assert run.deliveries[0].error and "\n" not in run.deliveries[0].error
    assert run.deliveries[1].error is None  # the mailer reconnected for the next reader
    digest(workspace, smtp_server, story)
    digest(workspace, smtp_server, story)
    everything = Counter(dict.fromkeys(all_item_keys(workspace, follow.id), 1))
    for reader in READERS:
        assert delivered(workspace, smtp_server, reader) == everything
        assert len(smtp_server.handler.to(reader)) == 1


class Crash(Exception):
    pass


def test_digest_crash_after_accept_resends_same_message_id(workspace, smtp_server):
    story = Story(CALL, CONFIRM)
    follow = add_follow(workspace, query="Maduro", emails=READERS[:1])

    def crash(message_id: str) -> None:
        raise Crash(message_id)

    with pytest.raises(Crash):
        digest(workspace, smtp_server, story, after_accept=crash)
    (first,) = smtp_server.handler.messages  # the server has it; we never marked it

    story.add(DEADLINE)
    (run,) = digest(workspace, smtp_server, story)
    again = [m for m in smtp_server.handler.messages[1:] if m.message_id == first.message_id]
    assert len(again) == 1 and again[0].raw == first.raw  # the same message, byte for byte
    assert run.deliveries[0].resent == [first.message_id.strip("<>")]
    # Counting each Message-ID once, every item reached the reader exactly once.
    everything = Counter(dict.fromkeys(all_item_keys(workspace, follow.id), 1))
    assert delivered(workspace, smtp_server, READERS[0]) == everything
    digest(workspace, smtp_server, story)
    assert len(smtp_server.handler.messages) == 3  # crash copy, its retry, the new items


def digest_in_subprocess(
    db: str | Path, timeline_file: Path, server: SmtpServer, *, after_accept: str = "None"
) -> subprocess.Popen[bytes]:
    """``run_digests`` in another process over the same workspace."""
    script = textwrap.dedent(
        f"""
        import datetime as dt, json, os, sys
        from storyline.workspace import Workspace
        from storyline.follow import run_digests
        from storyline.follow.mail import SmtpSettings

        timeline = json.load(open({str(timeline_file)!r}))
        ws = Workspace({str(db)!r})
        run_digests(
            ws,
            settings=SmtpSettings(host="127.0.0.1", port={server.port}, sender="d@x.org"),
            today=dt.date(2025, 12, 2),
            timelines=lambda w, f: timeline,
            after_accept={after_accept},
        )
        """
    )
    return subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE)


@pytest.mark.slow
def test_digest_killed_process_loses_nothing_and_duplicates_nothing(
    workspace, smtp_server, tmp_path
):
    """A process killed (os._exit: no cleanup, no rollback code) right after the server
    accepted its message; the next run recovers."""
    story = Story(CALL, CONFIRM)
    follow = add_follow(workspace, query="Maduro", emails=READERS)
    data = tmp_path / "timeline.json"
    data.write_text(json.dumps(story.data))
    proc = digest_in_subprocess(
        db_arg(workspace), data, smtp_server, after_accept="lambda message_id: os._exit(9)"
    )
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 9, err.decode()
    assert len(smtp_server.handler.messages) == 1  # killed after the first acceptance

    digest(workspace, smtp_server, story)  # the dead process's claim does not block this run
    digest(workspace, smtp_server, story)
    everything = Counter(dict.fromkeys(all_item_keys(workspace, follow.id), 1))
    for reader in READERS:
        assert delivered(workspace, smtp_server, reader) == everything
    ids = Counter(m.message_id for m in smtp_server.handler.messages)
    assert sorted(ids.values()) == [1, 2]  # only the killed message went out a second time


@pytest.mark.slow
def test_digest_overlapping_runs_send_each_message_once(workspace, smtp_server, tmp_path):
    """Two runs at once (cron and --watch) against a slow server: every message goes out once."""
    story = Story(CALL, CONFIRM, DEADLINE)
    follow = add_follow(workspace, query="Maduro", emails=READERS)
    data = tmp_path / "timeline.json"
    data.write_text(json.dumps(story.data))
    smtp_server.handler.delay = 1.0
    procs = [digest_in_subprocess(db_arg(workspace), data, smtp_server) for _ in range(2)]
    for proc in procs:
        _, err = proc.communicate(timeout=120)
        assert proc.returncode == 0, err.decode()
    ids = Counter(m.message_id for m in smtp_server.handler.messages)
    assert sorted(ids.values()) == [1, 1]
    everything = Counter(dict.fromkeys(all_item_keys(workspace, follow.id), 1))
    for reader in READERS:
        assert delivered(workspace, smtp_server, reader) == everything


def test_digest_message_claimed_by_live_run_waits_for_its_lease(workspace, smtp_server):
    import datetime as dt
    import os
    import socket

    story = Story(CALL)
    add_follow(workspace, query="Maduro", emails=READERS[:1])
    smtp_server.handler.reject_rcpt.add(READERS[0])
    digest(workspace, smtp_server, story)  # leaves one pending message
    smtp_server.handler.reject_rcpt.clear()
    with workspace.connect() as conn:
        (pending,) = fstore.pending_messages(conn, 1, READERS[0])
    other = f"{socket.gethostname()}:{os.getpid()}:another-run"  # alive: this very process
    with workspace.begin() as conn:
        assert fstore.claim_message(
            conn, pending["message_id"], other, fstore.utcnow(), is_stale=lambda o, t: False
        )
    (run,) = digest(workspace, smtp_server, story)
    assert run.deliveries[0].sent == [] and smtp_server.handler.messages == []
    (run,) = digest(workspace, smtp_server, story, lease=dt.timedelta(0))  # the lease ran out
    assert run.deliveries[0].resent == [pending["message_id"]]
    assert len(smtp_server.handler.messages) == 1


def test_digest_dry_run_writes_and_sends_nothing(workspace, smtp_server):
    story = Story(CALL, DEADLINE)
    follow = add_follow(workspace, query="Maduro", emails=READERS[:1])
    (run,) = run_digests(workspace, dry_run=True, today=TODAY, timelines=story)
    assert "## New on the timeline" in run.markdown
    assert len(run.items) == 3
    assert smtp_server.handler.messages == []
    assert all_item_keys(workspace, follow.id) == set()
    (real,) = digest(workspace, smtp_server, story)
    assert {it.key for it in real.items} == {it.key for it in run.items}


def test_digest_one_follow_only(workspace, smtp_server):
    story = Story(CALL)
    first = add_follow(workspace, query="Maduro", emails=READERS[:1])
    add_follow(workspace, query="Maduro", emails=READERS[1:])
    runs = digest(workspace, smtp_server, story, follow_id=first.id)
    assert [r.follow.id for r in runs] == [first.id]
    assert [m.rcpt_tos for m in smtp_server.handler.messages] == [READERS[:1]]
