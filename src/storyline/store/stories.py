"""Repository functions for stories: membership, syndication links, the clusterer's state,
cross-article entities and the timeline cache (tables of migration ``20261127_0002``).

Reading a story's timeline is one primary-key lookup in ``timeline_cache`` once it has been
built; ``storyline.stories.update`` drops the cached timelines of the stories a batch touched.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

import sqlalchemy as sa

from storyline.store.engine import storable_id, upsert_update
from storyline.store.schema import Json, Timestamp, articles, documents, metadata

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("title", sa.Text),
    sa.Column("size", sa.Integer, nullable=False, server_default="0"),
    sa.Column("first_published", sa.String(32)),
    sa.Column("last_published", sa.String(32), index=True),
    sa.Column("profile", Json, nullable=False),
    sa.Column("updated_at", Timestamp, nullable=False),
)

story_articles = sa.Table(
    "story_articles",
    metadata,
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("story_id", sa.Integer, nullable=False, index=True),
    sa.Column("score", sa.Float),
)

article_links = sa.Table(
    "article_links",
    metadata,
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("group_id", sa.Integer, nullable=False, index=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("copy_of", sa.Integer),
    sa.Column("jaccard", sa.Float),
    sa.Column("changed", Json),
    sa.Column("minhash", sa.LargeBinary, nullable=False),
    sa.Column("digest", sa.String(40), nullable=False, index=True),
)

story_state = sa.Table(
    "story_state",
    metadata,
    sa.Column("name", sa.String(32), primary_key=True),
    sa.Column("value", Json, nullable=False),
)

timeline_cache = sa.Table(
    "timeline_cache",
    metadata,
    sa.Column("key", sa.String(128), primary_key=True),
    sa.Column("story_id", sa.Integer, index=True),
    sa.Column("data", Json, nullable=False),
    sa.Column("built_at", Timestamp, nullable=False),
)

# One row per merged-away story id (migration ``20261127_0006``): what links to it resolve to.
story_merges = sa.Table(
    "story_merges",
    metadata,
    sa.Column("old_id", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("new_id", sa.Integer, nullable=False, index=True),
    sa.Column("merged_at", Timestamp, nullable=False),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("key", sa.String(256), nullable=False, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("aliases", Json, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False, server_default="0"),
)

entity_mentions = sa.Table(
    "entity_mentions",
    metadata,
    sa.Column(
        "article_id", sa.Integer, sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True
    ),
    sa.Column("local_id", sa.String(32), primary_key=True),
    sa.Column("entity_id", sa.Integer, nullable=False, index=True),
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _chunks(ids: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(ids), size):
        yield ids[start : start + size]


# -- clusterer state ---------------------------------------------------------------------------


def lock_state(conn: sa.Connection) -> None:
    """Serialise the cross-article updates of concurrent ingest processes. SQLite's write
    transaction (BEGIN IMMEDIATE) already does; PostgreSQL needs the table lock, or two
    processes could read one clusterer state and hand out the same new story id."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("LOCK TABLE story_state IN EXCLUSIVE MODE"))


def get_state(conn: sa.Connection, name: str) -> Any:
    return conn.execute(
        sa.select(story_state.c.value).where(story_state.c.name == name)
    ).scalar_one_or_none()


def put_state(conn: sa.Connection, name: str, value: Any) -> None:
    conn.execute(upsert_update(conn, story_state, ["name"], {"name": name, "value": value}))


def load_profiles(conn: sa.Connection) -> dict[int, dict[str, Any]]:
    rows = conn.execute(sa.select(stories.c.id, stories.c.profile))
    return {int(i): dict(p) for i, p in rows}


def save_story(
    conn: sa.Connection,
    story_id: int,
    *,
    title: str | None,
    size: int,
    first_published: str | None,
    last_published: str | None,
    profile: dict[str, Any],
) -> None:
    values = {
        "id": story_id,
        "title": title,
        "size": size,
        "first_published": first_published,
        "last_published": last_published,
        "profile": profile,
        "updated_at": _now(),
    }
    conn.execute(upsert_update(conn, stories, ["id"], values))


# -- membership ---------------------------------------------------------------------------------


def assign(conn: sa.Connection, article_id: int, story_id: int, score: float) -> None:
    values = {"article_id": article_id, "story_id": story_id, "score": score}
    conn.execute(upsert_update(conn, story_articles, ["article_id"], values))


def move_members(conn: sa.Connection, from_story: int, to_story: int) -> None:
    conn.execute(
        story_articles.update()
        .where(story_articles.c.story_id == from_story)
        .values(story_id=to_story)
    )


def delete_story(conn: sa.Connection, story_id: int) -> bool:
    """Delete the story's row; whether there was one (a story made and merged away within
    one batch never had a row)."""
    return bool(conn.execute(stories.delete().where(stories.c.id == story_id)).rowcount)


def story_of(conn: sa.Connection, article_ids: Iterable[int]) -> dict[int, int]:
    out: dict[int, int] = {}
    for chunk in _chunks(list(article_ids)):
        rows = conn.execute(
            sa.select(story_articles.c.article_id, story_articles.c.story_id).where(
                story_articles.c.article_id.in_(chunk)
            )
        )
        out.update({int(a): int(s) for a, s in rows})
    return out


def story_article_ids(conn: sa.Connection, story_id: int) -> list[int]:
    stmt = (
        sa.select(story_articles.c.article_id)
        .where(story_articles.c.story_id == story_id)
        .order_by(story_articles.c.article_id)
    )
    return [int(i) for i in conn.execute(stmt).scalars()]


def list_stories(conn: sa.Connection) -> list[dict[str, Any]]:
    """Every story with its articles' external ids (or workspace ids), biggest first."""
    rows = conn.execute(
        sa.select(
            stories.c.id,
            stories.c.title,
            stories.c.size,
            stories.c.first_published,
            stories.c.last_published,
        ).order_by(stories.c.size.desc(), stories.c.id)
    ).all()
    members = member_keys(conn)
    return [
        {
            "id": int(r.id),
            "title": r.title,
            "size": int(r.size),
            "first_published": r.first_published,
            "last_published": r.last_published,
            "articles": members.get(int(r.id), []),
        }
        for r in rows
    ]


def member_keys(conn: sa.Connection, story_id: int | None = None) -> dict[int, list[str]]:
    """Story id -> the ids its articles are listed under (of one story, or of all), the
    earliest published article first (undated last, then by id). Each article gives its key
    (external id, else workspace id) and every other external id its documents arrived under:
    one text ingested under several JSONL ids is one article, and each id is listed. An id
    given to two different texts is listed once, under the first article that had it, so that
    every id is in exactly one story (evaluators score stories by these ids)."""
    order = (
        sa.select(story_articles.c.story_id, articles.c.id, articles.c.external_id)
        .join(articles, articles.c.id == story_articles.c.article_id)
        .order_by(articles.c.published.is_(None), articles.c.published, articles.c.id)
    )
    docs = (
        sa.select(documents.c.article_id, documents.c.external_id)
        .join(story_articles, story_articles.c.article_id == documents.c.article_id)
        .where(documents.c.external_id.is_not(None))
        .order_by(documents.c.id)
    )
    if story_id is not None:
        order = order.where(story_articles.c.story_id == story_id)
        docs = docs.where(story_articles.c.story_id == story_id)
    rows = [(int(sid), int(aid), ext) for sid, aid, ext in conn.execute(order)]
    keys = {aid: [ext or str(aid)] for _, aid, ext in rows}
    for aid, ext in conn.execute(docs):
        if ext not in keys[int(aid)]:
            keys[int(aid)].append(ext)
    owner: dict[str, int] = {}
    if story_id is not None:
        owner = _first_holders(conn, {k for ks in keys.values() for k in ks})
    for aid in sorted(keys):
        for key in keys[aid]:
            owner[key] = min(owner.get(key, aid), aid)
    members: dict[int, list[str]] = {}
    for sid, aid, _ in rows:
        mine = [k for k in keys[aid] if owner[k] == aid] or [str(aid)]
        members.setdefault(sid, []).extend(mine)
    return members


def _first_holders(conn: sa.Connection, ids: set[str]) -> dict[str, int]:
    """External id -> the first article (in any story) that arrived under it."""
    out: dict[str, int] = {}
    wanted = sorted(ids)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        for eid, aid in (
            (articles.c.external_id, articles.c.id),
            (documents.c.external_id, documents.c.article_id),
        ):
            rows = conn.execute(
                sa.select(eid, sa.func.min(aid))
                .join(story_articles, story_articles.c.article_id == aid)
                .where(eid.in_(chunk))
                .group_by(eid)
            )
            for key, first in rows:
                out[str(key)] = min(out.get(str(key), int(first)), int(first))
    return out


def get_story(conn: sa.Connection, story_id: int) -> dict[str, Any] | None:
    if not _story_id_fits(conn, story_id):
        return None
    row = conn.execute(sa.select(stories).where(stories.c.id == story_id)).first()
    if row is None:
        return None
    return {
        "id": int(row.id),
        "title": row.title,
        "size": int(row.size),
        "first_published": row.first_published,
        "last_published": row.last_published,
    }


# -- merged stories -----------------------------------------------------------------------------


def record_merges(conn: sa.Connection, moves: Mapping[int, int]) -> None:
    """Remember that each story ``old`` of ``moves`` merged into ``moves[old]`` (in the merge's
    own transaction). Ids that merged into ``old`` earlier are repointed at its new story, so
    a lookup is one step; a story id that is live again (never, while ids only grow) has its
    old record dropped, so no record ever hides a live story."""
    moves = {int(o): int(n) for o, n in moves.items() if int(o) != int(n)}
    if not moves:
        return
    now = _now()
    olds = sorted(moves)
    for chunk in _chunks(olds):
        conn.execute(story_merges.delete().where(story_merges.c.old_id.in_(chunk)))
    for chunk in _chunks(sorted(set(moves.values()))):
        conn.execute(story_merges.delete().where(story_merges.c.old_id.in_(chunk)))
    for old in olds:
        conn.execute(
            story_merges.update().where(story_merges.c.new_id == old).values(new_id=moves[old])
        )
    conn.execute(
        story_merges.insert(),
        [{"old_id": old, "new_id": moves[old], "merged_at": now} for old in olds],
    )


def _story_id_fits(conn: sa.Connection, story_id: int) -> bool:
    """Whether ``story_id`` can be in a story id column at all: story ids are ``Integer``,
    64-bit on SQLite but 32-bit on PostgreSQL, whose driver refuses a larger number."""
    if conn.dialect.name == "postgresql":
        return -(2**31) <= story_id < 2**31
    return storable_id(story_id)


def merged_into(conn: sa.Connection, story_id: int) -> int | None:
    """The story ``story_id`` merged into (one step), or None when it never merged away."""
    if not _story_id_fits(conn, story_id):
        return None
    value = conn.execute(
        sa.select(story_merges.c.new_id).where(story_merges.c.old_id == story_id)
    ).scalar_one_or_none()
    return int(value) if value is not None else None


def resolve_story_id(conn: sa.Connection, story_id: int) -> int | None:
    """The live story ``story_id`` names: itself when it is a story, the story it lives on in
    when it merged away (following later merges of that story too), None when it names no
    story and never did. A cycle in the records (which merges never make) answers None."""
    seen: set[int] = set()
    current = int(story_id)
    while _story_id_fits(conn, current) and current not in seen:
        live = conn.execute(sa.select(stories.c.id).where(stories.c.id == current)).first()
        if live is not None:
            return current
        seen.add(current)
        target = merged_into(conn, current)
        if target is None:
            return None
        current = target
    return None


# -- syndication --------------------------------------------------------------------------------


def save_link(conn: sa.Connection, article_id: int, values: dict[str, Any]) -> None:
    conn.execute(
        upsert_update(conn, article_links, ["article_id"], {"article_id": article_id, **values})
    )


def links(conn: sa.Connection, article_ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    for chunk in _chunks(list(article_ids)):
        rows = conn.execute(
            sa.select(
                article_links.c.article_id,
                article_links.c.group_id,
                article_links.c.kind,
                article_links.c.copy_of,
                article_links.c.changed,
                article_links.c.minhash,
            ).where(article_links.c.article_id.in_(chunk))
        )
        for r in rows:
            out[int(r.article_id)] = {
                "group_id": int(r.group_id),
                "kind": r.kind,
                "copy_of": r.copy_of,
                "changed": list(r.changed or []),
                "minhash": bytes(r.minhash),
            }
    return out


def by_digest(conn: sa.Connection, digest: str) -> int | None:
    return conn.execute(
        sa.select(article_links.c.article_id).where(article_links.c.digest == digest).limit(1)
    ).scalar_one_or_none()


# -- timeline cache -----------------------------------------------------------------------------


def cached_timeline(conn: sa.Connection, key: str) -> dict[str, Any] | None:
    value = conn.execute(
        sa.select(timeline_cache.c.data).where(timeline_cache.c.key == key)
    ).scalar_one_or_none()
    return dict(value) if value is not None else None


def cached_timeline_text(conn: sa.Connection, key: str) -> str | None:
    """The cached timeline as stored JSON text, without decoding it (the CLI prints it as is)."""
    value = conn.execute(
        # A cast, not a type_coerce: PostgreSQL's driver would otherwise hand back decoded JSONB.
        sa.select(sa.cast(timeline_cache.c.data, sa.Text)).where(timeline_cache.c.key == key)
    ).scalar_one_or_none()
    return str(value) if value is not None else None


def cache_timeline(
    conn: sa.Connection, key: str, story_id: int | None, data: dict[str, Any]
) -> None:
    values = {"key": key, "story_id": story_id, "data": data, "built_at": _now()}
    conn.execute(upsert_update(conn, timeline_cache, ["key"], values))


def invalidate(conn: sa.Connection, story_ids: Iterable[int]) -> None:
    """Drop cached timelines of these stories, and every workspace-wide or query timeline."""
    ids = list(story_ids)
    for chunk in _chunks(ids):
        conn.execute(timeline_cache.delete().where(timeline_cache.c.story_id.in_(chunk)))
    conn.execute(timeline_cache.delete().where(timeline_cache.c.story_id.is_(None)))


# -- entities -----------------------------------------------------------------------------------


def entity_ids_by_key(conn: sa.Connection, keys: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = {}
    ks = sorted(set(keys))
    for start in range(0, len(ks), 500):
        rows = conn.execute(
            sa.select(entities.c.key, entities.c.id).where(
                entities.c.key.in_(ks[start : start + 500])
            )
        )
        out.update({k: int(i) for k, i in rows})
    return out
