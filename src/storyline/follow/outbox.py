"""Collecting digest items into the outbox and delivering them exactly once.

Two steps, each safe to repeat and to interrupt:

1. **collect** (one transaction): compare the follow's timeline with what it has seen
   (``digest.diff_timeline``), add the new items to ``digest_items`` (unique per follow + item key,
   so a repeated collect adds nothing) and store the updated memory. Killed half-way, the
   transaction rolls back and the next run finds the same items again.
2. **deliver**, per follow and recipient:
   a. every *pending* message (prepared earlier, never confirmed) is sent again, byte for byte,
      with its original Message-ID;
   b. the items not yet delivered to that recipient and not in a pending message become a new
      message: its Message-ID is derived from follow + recipient + item keys, and it is stored
      (status pending, exact bytes) and committed *before* it is handed to the server;
   c. right after ``sendmail`` returns (the server accepted the message), one transaction writes
      a ``digest_deliveries`` row per item and marks the message sent.

Overlapping runs (cron beside ``--watch``) do not send a pending message twice: a run claims a
message before sending it, and another run leaves a claimed message alone until the claiming
process is gone (same host) or its lease ran out.

A failure before acceptance (refused recipient, dropped connection, server down) leaves the
message pending; it is retried on the next run, and its items are never lost. The one window
left is a crash after the server accepted a message and before step (c) commits: the next run
sends that message again. This is at-least-once, not exactly-once, at the SMTP layer - no SMTP
client can do better, since the protocol has no way to ask a server whether it already has a
message - but the retry is the *same* message with the *same* Message-ID, so the receiving side
(mail stores and clients that dedupe on Message-ID, and our tests) sees one message. Items are
never sent in two *different* messages to the same recipient.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from storyline.errors import DeliveryError
from storyline.follow import source
from storyline.follow.digest import Diff, DigestItem, SeenEntry, diff_timeline
from storyline.follow.follows import Follow
from storyline.follow.mail import Mailer, SmtpSettings, build_message, message_id
from storyline.follow.render import render_html, render_markdown, render_text, subject
from storyline.store import follows as store

log = logging.getLogger(__name__)

# Called with a Message-ID right after the server accepted it and before it is marked sent.
# Tests use it to inject a crash into exactly that window.
AfterAccept = Callable[[str], None]
# Gives a follow's Timeline JSON; the default reads the workspace's stories (``source``).
TimelineSource = Callable[[Any, Follow], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Links:
    """Where ``storyline serve`` shows a follow: its Atom feed and its page (None: no link)."""

    feed: str | None = None
    page: str | None = None

    @classmethod
    def of(
        cls,
        follow: Follow,
        feed_url: Callable[[int], str] | None,
        page_url: Callable[[Follow], str] | None,
    ) -> Links:
        return cls(
            feed=feed_url(follow.id) if feed_url else None,
            page=page_url(follow) if page_url else None,
        )


@dataclass(slots=True)
class Delivery:
    """What happened to one recipient of one follow in a run."""

    recipient: str
    sent: list[str] = field(default_factory=list)  # Message-IDs the server accepted
    resent: list[str] = field(default_factory=list)  # of those, retries of pending messages
    items: int = 0  # items newly delivered
    error: str | None = None


@dataclass(slots=True)
class DigestRun:
    """One follow's digest in one run: what was found, what it says, where it went."""

    follow: Follow
    new_items: int = 0
    # The items a reader gets this run (for --dry-run: would get), oldest first.
    items: list[DigestItem] = field(default_factory=list)
    markdown: str = ""
    deliveries: list[Delivery] = field(default_factory=list)

    @property
    def failed(self) -> list[Delivery]:
        return [d for d in self.deliveries if d.error]

    def to_dict(self) -> dict[str, Any]:
        return {
            "follow": self.follow.to_dict(),
            "new_items": self.new_items,
            "items": [it.to_dict() for it in self.items],
            "deliveries": [
                {
                    "recipient": d.recipient,
                    "sent": d.sent,
                    "resent": d.resent,
                    "items": d.items,
                    "error": d.error,
                }
                for d in self.deliveries
            ],
        }


# How long a run's claim on a pending message holds when its owner cannot be checked (another
# host): well past the SMTP timeout, so a slow send is never doubled by an overlapping run.
DEFAULT_LEASE = dt.timedelta(minutes=15)


def run_owner() -> str:
    """Who is sending: host, process id and a random token (process ids get reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def _owner_dead(owner: str) -> bool:
    """True when ``owner`` was a process on this host that no longer exists."""
    host, _, rest = owner.partition(":")
    pid_text = rest.partition(":")[0]
    if host != socket.gethostname() or not pid_text.isdigit():
        return False
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def _stale_check(lease: dt.timedelta) -> Callable[[str, dt.datetime], bool]:
    def is_stale(owner: str, claimed_at: dt.datetime | None) -> bool:
        if _owner_dead(owner) or claimed_at is None:
            return True
        when = claimed_at if claimed_at.tzinfo else claimed_at.replace(tzinfo=dt.UTC)
        return when < store.utcnow() - lease

    return is_stale


def _timeline(
    workspace: Any, follow: Follow, timelines: TimelineSource | None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The follow's timeline and the articles it mentions, read before any write transaction
    opens (so the stories code may use its own connections freely)."""
    timeline = (timelines or source.timeline_for)(workspace, follow)
    refs = source.article_refs(workspace, source.mentioned_articles(timeline))
    return timeline, refs


def _diff(
    conn: sa.Connection,
    follow: Follow,
    timeline: dict[str, Any],
    refs: dict[str, Any],
    *,
    today: dt.date,
    since: dt.date | None,
    now: dt.datetime,
) -> Diff:
    seen = [SeenEntry.from_dict(s) for s in store.load_seen(conn, follow.id)]
    return diff_timeline(
        follow.id,
        timeline,
        seen,
        articles=refs,
        today=today,
        since=since,
        created=now.isoformat(timespec="seconds"),
    )


def collect(
    workspace: Any,
    follow: Follow,
    *,
    today: dt.date | None = None,
    since: dt.date | None = None,
    now: dt.datetime | None = None,
    timelines: TimelineSource | None = None,
) -> int:
    """Add what is new in ``follow``'s timeline to the outbox; returns how many items were new."""
    now = now or store.utcnow()
    today = today or now.date()
    timeline, refs = _timeline(workspace, follow, timelines)
    with workspace.begin() as conn:
        diff = _diff(conn, follow, timeline, refs, today=today, since=since, now=now)
        added = store.add_items(conn, follow.id, [it.to_dict() for it in diff.items], now)
        store.save_seen(conn, follow.id, [s.to_dict() for s in diff.seen], now)
        store.set_collected(conn, follow.id, now)
    return added


def preview(
    workspace: Any,
    follow: Follow,
    *,
    today: dt.date | None = None,
    since: dt.date | None = None,
    now: dt.datetime | None = None,
    timelines: TimelineSource | None = None,
) -> list[DigestItem]:
    """What the next digest would carry (undelivered items plus what a collect would find),
    without writing anything: ``storyline digest --dry-run``."""
    now = now or store.utcnow()
    today = today or now.date()
    timeline, refs = _timeline(workspace, follow, timelines)
    with workspace.connect() as conn:
        diff = _diff(conn, follow, timeline, refs, today=today, since=since, now=now)
        outbox: dict[str, DigestItem] = {}
        known = {p["key"]: p for p, _ in store.items(conn, follow.id)}
        for recipient in follow.emails or ("",):
            for d in store.undelivered_items(conn, follow.id, recipient):
                outbox.setdefault(d["key"], DigestItem.from_dict(d))
            for m in store.pending_messages(conn, follow.id, recipient):
                for key in m["item_keys"]:
                    if key in known:
                        outbox.setdefault(key, DigestItem.from_dict(known[key]))
    for it in diff.items:
        outbox.setdefault(it.key, it)
    return list(outbox.values())


def deliver(
    workspace: Any,
    follow: Follow,
    mailer: Mailer,
    *,
    feed_url: str | None = None,
    page_url: str | None = None,
    after_accept: AfterAccept | None = None,
    owner: str | None = None,
    lease: dt.timedelta = DEFAULT_LEASE,
) -> list[Delivery]:
    """Send every recipient of ``follow`` what it has not yet received (see the module doc).

    ``owner`` names this run in the claims it takes on pending messages (``run_owner()``); a
    message another live run holds is left to it.
    """
    sender = mailer.settings.sender
    owner = owner or run_owner()
    is_stale = _stale_check(lease)
    out = []
    for recipient in follow.emails:
        delivery = Delivery(recipient=recipient)
        out.append(delivery)
        try:
            with workspace.connect() as conn:
                pending = store.pending_messages(conn, follow.id, recipient)
            for message in pending:
                with workspace.begin() as conn:
                    mine = store.claim_message(
                        conn, message["message_id"], owner, store.utcnow(), is_stale=is_stale
                    )
                if not mine:
                    log.info("message %s is being sent by another run", message["message_id"])
                    continue
                _send(workspace, mailer, message, sender, after_accept)
                delivery.sent.append(message["message_id"])
                delivery.resent.append(message["message_id"])
                delivery.items += len(message["item_keys"])
            links = Links(feed=feed_url, page=page_url)
            fresh = _prepare(workspace, follow, recipient, sender, links, owner)
            if fresh is not None:
                _send(workspace, mailer, fresh, sender, after_accept)
                delivery.sent.append(fresh["message_id"])
                delivery.items += len(fresh["item_keys"])
        except DeliveryError as exc:
            # This recipient waits for the next run; the others go on.
            delivery.error = exc.message
            log.warning("digest for follow %s to %s not delivered: %s", follow.id, recipient, exc)
    return out


def _prepare(
    workspace: Any,
    follow: Follow,
    recipient: str,
    sender: str,
    links: Links,
    owner: str,
) -> dict[str, Any] | None:
    """Store (pending, claimed by ``owner``) the message carrying ``recipient``'s undelivered
    items, if there are any."""
    try:
        return _prepare_in(workspace, follow, recipient, sender, links, owner)
    except sa.exc.IntegrityError:
        # An overlapping run stored the very same message (same Message-ID) first: it sends it.
        return None


def _prepare_in(
    workspace: Any,
    follow: Follow,
    recipient: str,
    sender: str,
    links: Links,
    owner: str,
) -> dict[str, Any] | None:
    with workspace.begin() as conn:
        payloads = store.undelivered_items(conn, follow.id, recipient)
        if not payloads:
            return None
        items = [DigestItem.from_dict(p) for p in payloads]
        keys = [it.key for it in items]
        msg_id = message_id(follow.id, recipient, keys, sender)
        existing = store.message(conn, msg_id)
        if existing is not None:
            # The very same message was prepared before (and confirmed, or we would have found
            # it pending): nothing left to send.
            return None
        raw = build_message(
            sender=sender,
            recipient=recipient,
            subject=subject(follow, items),
            text=render_text(follow, items, feed_url=links.feed, page_url=links.page),
            html=render_html(follow, items, feed_url=links.feed, page_url=links.page),
            msg_id=msg_id,
            headers={"X-Storyline-Follow": str(follow.id)},
        )
        store.insert_message(
            conn,
            message_id=msg_id,
            follow_id=follow.id,
            recipient=recipient,
            item_keys=keys,
            raw=raw,
            now=store.utcnow(),
            claimed_by=owner,
        )
        return {"message_id": msg_id, "recipient": recipient, "item_keys": keys, "raw": raw}


def _send(
    workspace: Any,
    mailer: Mailer,
    message: dict[str, Any],
    sender: str,
    after_accept: AfterAccept | None,
) -> None:
    try:
        mailer.send(bytes(message["raw"]), sender=sender, recipient=message["recipient"])
    except DeliveryError as exc:
        with workspace.begin() as conn:
            store.record_failure(conn, message["message_id"], exc.message)
        raise
    if after_accept is not None:
        after_accept(message["message_id"])
    with workspace.begin() as conn:
        store.mark_sent(conn, message["message_id"], store.utcnow())


def run_digests(
    workspace: Any,
    *,
    follow_id: int | None = None,
    since: dt.date | None = None,
    dry_run: bool = False,
    settings: SmtpSettings | None = None,
    today: dt.date | None = None,
    feed_url: Callable[[int], str] | None = None,
    page_url: Callable[[Follow], str] | None = None,
    after_accept: AfterAccept | None = None,
    timelines: TimelineSource | None = None,
    lease: dt.timedelta = DEFAULT_LEASE,
) -> list[DigestRun]:
    """Collect and deliver digests for every follow (or one): what ``storyline digest`` runs.

    With ``dry_run`` nothing is written and nothing is sent; each run's ``markdown`` shows what
    would go out. A second run right after a successful one sends nothing. ``feed_url`` and
    ``page_url`` say where ``storyline serve`` shows a follow's feed and page, for links in mail.
    """
    from storyline.follow.follows import get_follow, list_follows

    chosen = (
        [get_follow(workspace, follow_id)] if follow_id is not None else list_follows(workspace)
    )
    runs: list[DigestRun] = []
    if dry_run:
        for follow in chosen:
            items = preview(workspace, follow, today=today, since=since, timelines=timelines)
            markdown = _markdown(follow, items, Links.of(follow, feed_url, page_url))
            runs.append(
                DigestRun(follow=follow, new_items=len(items), items=items, markdown=markdown)
            )
        return runs
    settings = settings or SmtpSettings.from_env()
    owner = run_owner()
    try:
        with Mailer(settings) as mailer:
            _deliver_all(
                workspace, chosen, mailer, runs, today, since, feed_url, page_url, after_accept,
                timelines, owner, lease,
            )  # fmt: skip
    finally:
        # Whatever happened, this run holds nothing any more: a later run may retry at once.
        with workspace.begin() as conn:
            store.release_claims(conn, owner)
    return runs


def _deliver_all(
    workspace: Any,
    chosen: list[Follow],
    mailer: Mailer,
    runs: list[DigestRun],
    today: dt.date | None,
    since: dt.date | None,
    feed_url: Callable[[int], str] | None,
    page_url: Callable[[Follow], str] | None,
    after_accept: AfterAccept | None,
    timelines: TimelineSource | None,
    owner: str,
    lease: dt.timedelta,
) -> None:
    for follow in chosen:
        run = DigestRun(follow=follow)
        run.new_items = collect(workspace, follow, today=today, since=since, timelines=timelines)
        links = Links.of(follow, feed_url, page_url)
        run.deliveries = deliver(
            workspace,
            follow,
            mailer,
            feed_url=links.feed,
            page_url=links.page,
            after_accept=after_accept,
            owner=owner,
            lease=lease,
        )
        run.items = _delivered_now(workspace, follow, run.deliveries)
        run.markdown = _markdown(follow, run.items, links)
        runs.append(run)


def _markdown(follow: Follow, items: list[DigestItem], links: Links) -> str:
    """The run's digest as Markdown ("" when there is nothing new)."""
    if not items:
        return ""
    return render_markdown(follow, items, feed_url=links.feed, page_url=links.page)


def _delivered_now(workspace: Any, follow: Follow, deliveries: list[Delivery]) -> list[DigestItem]:
    """The items of the messages accepted in this run, once each, oldest first."""
    ids = {m for d in deliveries for m in d.sent}
    if not ids:
        return []
    keys: dict[str, None] = {}
    with workspace.connect() as conn:
        for mid in sorted(ids):
            row = store.message(conn, mid)
            if row:
                keys.update(dict.fromkeys(row["item_keys"]))
        payloads = {p["key"]: p for p, _ in store.items(conn, follow.id)}
    return [DigestItem.from_dict(payloads[k]) for k in keys if k in payloads]
