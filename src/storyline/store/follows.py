"""Follows and their digests in the store: repository functions over SQLAlchemy Core.

Tables (created by migration ``20261127_0003``):

* ``follows``            what is followed (story / entity / query) and when it was last collected;
* ``follow_recipients``  who gets the follow's digests;
* ``follow_entries``     what the follow has seen of each timeline entry (``SeenEntry`` as JSON);
* ``digest_items``       the outbox: every digest item ever found, unique per (follow, item key);
* ``digest_messages``    each e-mail prepared for one recipient: its stable Message-ID, the exact
                         bytes to send, the item keys it carries, pending until the server accepts;
* ``digest_deliveries``  (follow, item, recipient) rows written in the same transaction that marks
                         a message sent: an item is "sent" to a recipient exactly when a row exists.

Every function takes an open ``Connection`` so callers decide the transaction boundaries; the
exactly-once logic in ``storyline.follow.outbox`` depends on that.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from storyline.store.engine import storable_id, upsert_ignore
from storyline.store.schema import Json, Timestamp, metadata

follows = sa.Table(
    "follows",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    # story | entity | query
    sa.Column("kind", sa.String(16), nullable=False),
    # A story id, an entity name, or a search query, as the user gave it.
    sa.Column("target", sa.Text, nullable=False),
    # A human name for the target when known (the story title).
    sa.Column("label", sa.Text),
    sa.Column("created_at", Timestamp, nullable=False),
    # When the follow's timeline was last compared with what it had seen.
    sa.Column("collected_at", Timestamp),
)

follow_recipients = sa.Table(
    "follow_recipients",
    metadata,
    sa.Column(
        "follow_id",
        sa.Integer,
        sa.ForeignKey("follows.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("email", sa.String(320), primary_key=True),
    sa.Column("position", sa.Integer, nullable=False, server_default="0"),
)

follow_entries = sa.Table(
    "follow_entries",
    metadata,
    sa.Column(
        "follow_id",
        sa.Integer,
        sa.ForeignKey("follows.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("entry_key", sa.String(64), primary_key=True),
    sa.Column("state", Json, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)

digest_items = sa.Table(
    "digest_items",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "follow_id",
        sa.Integer,
        sa.ForeignKey("follows.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    # follow id + entry key + change kind: the same change found twice is one item.
    sa.Column("item_key", sa.String(255), nullable=False),
    sa.Column("kind", sa.String(32), nullable=False),
    sa.Column("entry_key", sa.String(64), nullable=False),
    sa.Column("payload", Json, nullable=False),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.UniqueConstraint("follow_id", "item_key", name="uq_digest_items_follow_item"),
)

digest_messages = sa.Table(
    "digest_messages",
    metadata,
    # The Message-ID header, without angle brackets; stable for the same follow, recipient, items.
    sa.Column("message_id", sa.String(255), primary_key=True),
    sa.Column(
        "follow_id",
        sa.Integer,
        sa.ForeignKey("follows.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("recipient", sa.String(320), nullable=False),
    sa.Column("item_keys", Json, nullable=False),
    # The exact RFC 5322 bytes: a retry sends the very same message.
    sa.Column("raw", sa.LargeBinary, nullable=False),
    # pending (prepared, not yet accepted) | sent (accepted by the SMTP server)
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False, server_default="0"),
    sa.Column("last_error", sa.Text),
    # Which digest run is sending it ("host:pid:token") and since when: two overlapping runs
    # (cron and --watch) never hand the same pending message to the server at once.
    sa.Column("claimed_by", sa.String(200)),
    sa.Column("claimed_at", Timestamp),
    sa.Column("created_at", Timestamp, nullable=False),
    sa.Column("sent_at", Timestamp),
)

digest_deliveries = sa.Table(
    "digest_deliveries",
    metadata,
    sa.Column(
        "follow_id",
        sa.Integer,
        sa.ForeignKey("follows.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("item_key", sa.String(255), primary_key=True),
    sa.Column("recipient", sa.String(320), primary_key=True),
    sa.Column("message_id", sa.String(255), nullable=False),
    sa.Column("sent_at", Timestamp, nullable=False),
)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- follows ---------------------------------------------------------------------------------


def insert_follow(
    conn: sa.Connection,
    *,
    kind: str,
    target: str,
    emails: Sequence[str],
    label: str | None = None,
    now: dt.datetime | None = None,
) -> int:
    result = conn.execute(
        follows.insert().values(kind=kind, target=target, label=label, created_at=now or utcnow())
    )
    pk = result.inserted_primary_key
    assert pk is not None
    follow_id = int(pk[0])
    if emails:
        conn.execute(
            follow_recipients.insert(),
            [{"follow_id": follow_id, "email": e, "position": i} for i, e in enumerate(emails)],
        )
    return follow_id


def retarget_story_follows(conn: sa.Connection, moves: Mapping[int, int]) -> int:
    """Point the follows of stories that merged away (old id -> the id they live on in) at the
    story they live on in; returns how many follows moved. The follow keeps its recipients and
    what it has seen, so its next digest tells what the merged story adds, nothing twice."""
    if not moves:
        return 0
    rows = conn.execute(
        sa.select(follows.c.id, follows.c.target).where(follows.c.kind == "story")
    ).all()
    moved = 0
    for follow_id, target in rows:
        old = str(target).strip()
        # Targets are kept as the user gave them ("3", "03"): compare them as numbers.
        new = moves.get(int(old)) if old.isdigit() else None
        if new is not None:
            conn.execute(follows.update().where(follows.c.id == follow_id).values(target=str(new)))
            moved += 1
    return moved


def follow_rows(
    conn: sa.Connection, follow_id: int | None = None
) -> list[tuple[dict[str, Any], list[str]]]:
    """(follow row, recipients) pairs, by id; one follow when ``follow_id`` is given."""
    if follow_id is not None and not storable_id(follow_id):
        return []
    query = sa.select(follows).order_by(follows.c.id)
    if follow_id is not None:
        query = query.where(follows.c.id == follow_id)
    rows = [dict(r._mapping) for r in conn.execute(query)]
    if not rows:
        return []
    recipients: dict[int, list[str]] = {}
    rq = sa.select(follow_recipients.c.follow_id, follow_recipients.c.email).order_by(
        follow_recipients.c.follow_id, follow_recipients.c.position, follow_recipients.c.email
    )
    if follow_id is not None:
        rq = rq.where(follow_recipients.c.follow_id == follow_id)
    for fid, email in conn.execute(rq):
        recipients.setdefault(int(fid), []).append(str(email))
    return [(row, recipients.get(int(row["id"]), [])) for row in rows]


def delete_follow(conn: sa.Connection, follow_id: int) -> bool:
    """Remove a follow and everything hanging off it; False when there was none."""
    if not storable_id(follow_id):
        return False
    # Explicit deletes, not only ON DELETE CASCADE: SQLite enforces foreign keys only when the
    # connection asked for it, and a store opened by some other tool may not have.
    for table in (
        digest_deliveries,
        digest_messages,
        digest_items,
        follow_entries,
        follow_recipients,
    ):
        conn.execute(table.delete().where(table.c.follow_id == follow_id))
    return conn.execute(follows.delete().where(follows.c.id == follow_id)).rowcount > 0


def set_label(conn: sa.Connection, follow_id: int, label: str | None) -> None:
    conn.execute(follows.update().where(follows.c.id == follow_id).values(label=label))


def set_collected(conn: sa.Connection, follow_id: int, now: dt.datetime) -> None:
    conn.execute(follows.update().where(follows.c.id == follow_id).values(collected_at=now))


# -- what a follow has seen ------------------------------------------------------------------


def load_seen(conn: sa.Connection, follow_id: int) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(follow_entries.c.state)
        .where(follow_entries.c.follow_id == follow_id)
        .order_by(follow_entries.c.entry_key)
    )
    return [dict(r[0]) for r in rows]


def save_seen(
    conn: sa.Connection, follow_id: int, states: Iterable[dict[str, Any]], now: dt.datetime
) -> None:
    """Replace what the follow has seen (one row per entry key)."""
    conn.execute(follow_entries.delete().where(follow_entries.c.follow_id == follow_id))
    rows = [
        {"follow_id": follow_id, "entry_key": s["key"], "state": s, "updated_at": now}
        for s in states
    ]
    if rows:
        conn.execute(follow_entries.insert(), rows)


# -- the outbox ------------------------------------------------------------------------------


def add_items(
    conn: sa.Connection, follow_id: int, items: Iterable[dict[str, Any]], now: dt.datetime
) -> int:
    """Put items in the outbox; an item whose key is already there is left alone. Returns how
    many were new."""
    rows = [
        {
            "follow_id": follow_id,
            "item_key": it["key"],
            "kind": it["kind"],
            "entry_key": it["entry_key"],
            "payload": it,
            "created_at": now,
        }
        for it in items
    ]
    if not rows:
        return 0
    before = item_count(conn, follow_id)
    conn.execute(upsert_ignore(conn, digest_items), rows)
    return item_count(conn, follow_id) - before


def item_count(conn: sa.Connection, follow_id: int) -> int:
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(digest_items)
            .where(digest_items.c.follow_id == follow_id)
        ).scalar_one()
    )


def items(
    conn: sa.Connection, follow_id: int, *, limit: int | None = None
) -> list[tuple[dict[str, Any], dt.datetime]]:
    """(payload, created_at) of a follow's items, newest first."""
    query = (
        sa.select(digest_items.c.payload, digest_items.c.created_at)
        .where(digest_items.c.follow_id == follow_id)
        .order_by(digest_items.c.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    return [(dict(p), c) for p, c in conn.execute(query)]


def undelivered_items(conn: sa.Connection, follow_id: int, recipient: str) -> list[dict[str, Any]]:
    """Items not yet accepted for ``recipient`` and not waiting in one of its pending messages,
    oldest first."""
    delivered = sa.select(digest_deliveries.c.item_key).where(
        digest_deliveries.c.follow_id == follow_id, digest_deliveries.c.recipient == recipient
    )
    rows = conn.execute(
        sa.select(digest_items.c.payload)
        .where(digest_items.c.follow_id == follow_id, digest_items.c.item_key.not_in(delivered))
        .order_by(digest_items.c.id)
    )
    waiting: set[str] = set()
    for message in pending_messages(conn, follow_id, recipient):
        waiting.update(message["item_keys"])
    return [dict(r[0]) for r in rows if r[0]["key"] not in waiting]


# -- messages --------------------------------------------------------------------------------


def pending_messages(conn: sa.Connection, follow_id: int, recipient: str) -> list[dict[str, Any]]:
    rows = conn.execute(
        sa.select(digest_messages)
        .where(
            digest_messages.c.follow_id == follow_id,
            digest_messages.c.recipient == recipient,
            digest_messages.c.status == "pending",
        )
        .order_by(digest_messages.c.created_at, digest_messages.c.message_id)
    )
    return [dict(r._mapping) for r in rows]


def message(conn: sa.Connection, message_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        sa.select(digest_messages).where(digest_messages.c.message_id == message_id)
    ).first()
    return dict(row._mapping) if row else None


def insert_message(
    conn: sa.Connection,
    *,
    message_id: str,
    follow_id: int,
    recipient: str,
    item_keys: Sequence[str],
    raw: bytes,
    now: dt.datetime,
    claimed_by: str | None = None,
) -> None:
    conn.execute(
        digest_messages.insert().values(
            message_id=message_id,
            follow_id=follow_id,
            recipient=recipient,
            item_keys=list(item_keys),
            raw=raw,
            status="pending",
            attempts=0,
            claimed_by=claimed_by,
            claimed_at=now if claimed_by else None,
            created_at=now,
        )
    )


def claim_message(
    conn: sa.Connection,
    message_id: str,
    owner: str,
    now: dt.datetime,
    *,
    is_stale: Callable[[str, dt.datetime], bool],
) -> bool:
    """Take a pending message for ``owner``; False when it is sent, gone, or held by another
    run whose claim is not stale (``is_stale(claimed_by, claimed_at)``)."""
    row = conn.execute(
        sa.select(
            digest_messages.c.status, digest_messages.c.claimed_by, digest_messages.c.claimed_at
        )
        .where(digest_messages.c.message_id == message_id)
        .with_for_update()
    ).first()
    if row is None or row.status != "pending":
        return False
    if row.claimed_by and row.claimed_by != owner and not is_stale(row.claimed_by, row.claimed_at):
        return False
    conn.execute(
        digest_messages.update()
        .where(digest_messages.c.message_id == message_id)
        .values(claimed_by=owner, claimed_at=now)
    )
    return True


def release_claims(conn: sa.Connection, owner: str) -> None:
    """Give back every message ``owner`` still holds (its run is ending)."""
    conn.execute(
        digest_messages.update()
        .where(digest_messages.c.claimed_by == owner)
        .values(claimed_by=None, claimed_at=None)
    )


def mark_sent(conn: sa.Connection, message_id: str, now: dt.datetime) -> None:
    """The server accepted ``message_id``: record its items as delivered to its recipient."""
    row = message(conn, message_id)
    if row is None or row["status"] == "sent":
        return
    deliveries = [
        {
            "follow_id": row["follow_id"],
            "item_key": key,
            "recipient": row["recipient"],
            "message_id": message_id,
            "sent_at": now,
        }
        for key in row["item_keys"]
    ]
    if deliveries:
        conn.execute(upsert_ignore(conn, digest_deliveries), deliveries)
    conn.execute(
        digest_messages.update()
        .where(digest_messages.c.message_id == message_id)
        .values(
            status="sent",
            sent_at=now,
            attempts=digest_messages.c.attempts + 1,
            last_error=None,
            claimed_by=None,
            claimed_at=None,
        )
    )


def record_failure(conn: sa.Connection, message_id: str, error: str) -> None:
    conn.execute(
        digest_messages.update()
        .where(digest_messages.c.message_id == message_id)
        .values(
            attempts=digest_messages.c.attempts + 1,
            last_error=error[:2000],
            claimed_by=None,
            claimed_at=None,
        )
    )


def delivered_keys(conn: sa.Connection, follow_id: int, recipient: str) -> set[str]:
    rows = conn.execute(
        sa.select(digest_deliveries.c.item_key).where(
            digest_deliveries.c.follow_id == follow_id, digest_deliveries.c.recipient == recipient
        )
    )
    return {str(r[0]) for r in rows}
