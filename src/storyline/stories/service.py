"""The cross-article steps over a workspace: what ``Workspace`` calls after each stored batch
(``update``) and what the CLI, the web and follows read (stories, timelines, syndication).

The cores (dedup, cluster, resolve, timeline) are pure; this module loads their inputs from the
store, runs them and saves what they decide, in one transaction per batch.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
import weakref
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from storyline.errors import InputError, NotFound
from storyline.ingest.text import opening
from storyline.model import Analysis
from storyline.store import follows as follow_repo
from storyline.store import stories as repo
from storyline.store.articles import earliest_copies, load_analyses
from storyline.store.schema import articles
from storyline.store.search import search_articles
from storyline.stories.cluster import StoryClusterer, StoryProfile
from storyline.stories.features import article_features
from storyline.stories.keys import timeline_key
from storyline.stories.resolve import GlobalEntity, entity_key, resolve
from storyline.stories.timeline import TimelineArticle, build_timeline

if TYPE_CHECKING:
    from storyline.stories.dedup import DedupFeatures, Verdict

# numpy and storyline.stories.dedup (datasketch, which loads scipy: ~0.5 s) are imported inside
# the functions of ``update`` that use them, so that reading stories and timelines starts fast.

# Members of a story compared with a new article, most recent first (bounds a huge story).
MAX_DEDUP_CANDIDATES = 2000


def _meta(conn: sa.Connection, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    out: dict[int, dict[str, Any]] = {}
    ids = list(ids)
    for start in range(0, len(ids), 500):
        rows = conn.execute(
            sa.select(
                articles.c.id,
                articles.c.external_id,
                articles.c.outlet,
                articles.c.published,
                articles.c.title,
            ).where(articles.c.id.in_(ids[start : start + 500]))
        )
        for r in rows:
            out[int(r.id)] = {
                "key": r.external_id or str(r.id),
                "outlet": r.outlet,
                "published": r.published,
                "title": r.title,
            }
    return out


# The clusterer of the last update each workspace committed, with the token it wrote beside the
# state: the next batch reuses it instead of decoding every story's profile and the document
# frequencies again. Another process's update writes another token, so the state is reloaded.
_CACHE: weakref.WeakKeyDictionary[Any, tuple[str, StoryClusterer]] = weakref.WeakKeyDictionary()
TOKEN = "clusterer_token"


def _clusterer(conn: sa.Connection, workspace: Any) -> StoryClusterer:
    cached = _CACHE.pop(workspace, None)
    if cached is not None and cached[0] == repo.get_state(conn, TOKEN):
        c = cached[1]
        # A new clusterer over the same profiles: its word index is built afresh, exactly as
        # after loading them from the store (stale entries of the last batch dropped).
        return StoryClusterer(
            profiles=c.profiles,
            term_df=c.term_df,
            name_df=c.name_df,
            n_docs=c.n_docs,
            next_id=c.next_id,
        )
    state = repo.get_state(conn, "clusterer") or {}
    profiles = {sid: StoryProfile.from_dict(p) for sid, p in repo.load_profiles(conn).items()}
    return StoryClusterer(
        profiles=profiles,
        term_df=Counter(state.get("term_df") or {}),
        name_df=Counter(state.get("name_df") or {}),
        n_docs=int(state.get("n_docs") or 0),
        next_id=int(state.get("next_id") or 0) or None,
    )


def _save_clusterer(conn: sa.Connection, c: StoryClusterer) -> str:
    """Store the clusterer's state; returns the token that marks this version of it."""
    state = {
        "term_df": dict(c.term_df),
        "name_df": dict(c.name_df),
        "n_docs": c.n_docs,
        "next_id": c.next_id,
    }
    repo.put_state(conn, "clusterer", state)
    token = uuid.uuid4().hex
    repo.put_state(conn, TOKEN, token)
    return token


def update(
    workspace: Any, new_article_ids: list[int], *, analyses: Mapping[int, Analysis] | None = None
) -> None:
    """Take newly stored articles into the cross-article state: syndication links, story
    assignment (online: other stories are not recomputed), cross-article entities, and the
    invalidation of the cached timelines of the stories that changed.

    ``analyses`` are the stored analyses of (some of) these articles when the caller has them
    in memory (the ingest does); the others are loaded from the store."""
    from storyline.stories.dedup import dedup_features

    ids = sorted(set(int(i) for i in new_article_ids))
    if not ids:
        return
    given = {i: analyses[i] for i in ids if analyses and i in analyses}
    missing = [i for i in ids if i not in given]
    analyses = {**given, **(workspace.analyses(missing) if missing else {})}
    with workspace.begin() as conn:
        repo.lock_state(conn)
        already = repo.story_of(conn, ids)
        ids = [i for i in ids if i in analyses and i not in already]
        if not ids:
            return
        meta = _meta(conn, ids)
        clusterer = _clusterer(conn, workspace)
        feats = {i: article_features(i, analyses[i]) for i in ids}
        for i in ids:
            clusterer.observe(feats[i])
        order = sorted(ids, key=lambda i: (meta[i]["published"] or "9999", i))
        touched: set[int] = set()
        loaded: dict[int, DedupFeatures] = {}
        for i in order:
            dfeat = dedup_features(i, analyses[i])
            loaded[i] = dfeat
            best = clusterer.best(feats[i])
            verdict = _syndication(conn, best[0], dfeat, loaded)
            forced = None
            if verdict is not None:
                found = repo.story_of(conn, [int(verdict.other)]).get(int(verdict.other))
                forced = clusterer.resolve(found) if found is not None else None
            assignment = clusterer.add(feats[i], story=forced, observed=True, best=best)
            repo.assign(conn, i, assignment.story, assignment.score)
            _save_link(conn, i, dfeat, verdict)
            touched.add(assignment.story)
        # A report left alone (of this batch, or of an earlier one near a story this batch
        # grew) is placed again, now that its event's story may have grown
        # (``ClusterParams.settle_lone``); a move is recorded as a merge.
        clusterer.settle()
        # Stories an article bridged were merged: move their members, drop the old rows, and
        # point the follows of a story that merged away at the story it lives on in.
        moves = {gone: clusterer.resolve(gone) for gone in clusterer.merged}
        shown: dict[int, int] = {}
        for gone, keep in moves.items():
            repo.move_members(conn, gone, keep)
            if repo.delete_story(conn, gone):
                shown[gone] = keep
        follow_repo.retarget_story_follows(conn, moves)
        # Links to a merged-away story (bookmarks, digests) resolve to the story it lives on
        # in; a story made and merged within this batch was never shown, so it stays unknown.
        repo.record_merges(conn, shown)
        repo.invalidate(conn, clusterer.merged)
        touched = {clusterer.resolve(s) for s in touched}
        _save_stories(conn, clusterer, touched)
        token = _save_clusterer(conn, clusterer)
        _link_entities(conn, {i: analyses[i] for i in ids})
        repo.invalidate(conn, touched)
    # Committed: the next batch may start from this clusterer (an error above leaves no cache).
    _CACHE[workspace] = (token, clusterer)


def _syndication(
    conn: sa.Connection,
    story: int | None,
    dfeat: DedupFeatures,
    loaded: dict[int, DedupFeatures],
) -> Verdict | None:
    """The earlier article this one copies, looked for among the articles of ``story``, the
    story its text fits best (copies are near-identical, so they fit their original's story)."""
    import numpy as np

    from storyline.stories.dedup import Verdict, best_verdict, dedup_features, is_candidate

    exact = repo.by_digest(conn, dfeat.digest)
    if exact is not None:
        return Verdict("exact", exact, 1.0, 1.0)
    if story is None:
        return None
    members = repo.story_article_ids(conn, story)[-MAX_DEDUP_CANDIDATES:]
    sigs = repo.links(conn, members)
    mine = dfeat.minhash.hashvalues.astype(np.uint64)
    # Estimated Jaccard or containment from the stored signatures alone: a short copy inside a
    # long page (a gallery carrying a story's first paragraphs) has a low Jaccard but is
    # almost wholly contained (benchmarks/syndication.py, held-out pairs).
    close = [
        m
        for m, link in sigs.items()
        if is_candidate(mine, np.frombuffer(link["minhash"], dtype=np.uint64))
    ]
    missing = [m for m in close if m not in loaded]
    if missing:
        for m, analysis in load_analyses(conn, missing).items():
            loaded[m] = dedup_features(m, analysis)
    return best_verdict(dfeat, [loaded[m] for m in close if m in loaded])


def _save_link(
    conn: sa.Connection, article_id: int, dfeat: DedupFeatures, verdict: Verdict | None
) -> None:
    import numpy as np

    group = article_id
    kind = "original"
    if verdict is not None:
        other = repo.links(conn, [int(verdict.other)]).get(int(verdict.other))
        kind = verdict.kind
        # A rewrite that changes a fact is kept apart: its own group, its changes recorded.
        if kind != "rewrite" and other is not None:
            group = other["group_id"]
    repo.save_link(
        conn,
        article_id,
        {
            "group_id": group,
            "kind": kind,
            "copy_of": int(verdict.other) if verdict is not None else None,
            "jaccard": verdict.jaccard if verdict is not None else None,
            "changed": [c.to_dict() for c in verdict.changed] if verdict is not None else [],
            "minhash": dfeat.minhash.hashvalues.astype(np.uint64).tobytes(),
            "digest": dfeat.digest,
        },
    )


def _members_meta(conn: sa.Connection, story_ids: set[int]) -> dict[int, dict[int, dict[str, Any]]]:
    """``_meta`` of the members of each story (in article id order), in one query per 500
    stories instead of two per story."""
    out: dict[int, dict[int, dict[str, Any]]] = {sid: {} for sid in story_ids}
    sids = sorted(story_ids)
    sa_ = repo.story_articles
    for start in range(0, len(sids), 500):
        rows = conn.execute(
            sa.select(
                sa_.c.story_id,
                articles.c.id,
                articles.c.external_id,
                articles.c.outlet,
                articles.c.published,
                articles.c.title,
            )
            .join(articles, articles.c.id == sa_.c.article_id)
            .where(sa_.c.story_id.in_(sids[start : start + 500]))
            .order_by(sa_.c.story_id, sa_.c.article_id)
        )
        for r in rows:
            out[int(r.story_id)][int(r.id)] = {
                "key": r.external_id or str(r.id),
                "outlet": r.outlet,
                "published": r.published,
                "title": r.title,
            }
    return out


def _save_stories(conn: sa.Connection, clusterer: StoryClusterer, touched: set[int]) -> None:
    members = _members_meta(conn, touched)
    for sid in touched:
        p = clusterer.profiles[sid]
        meta = members[sid]
        dates = sorted(m["published"] for m in meta.values() if m["published"])
        title = _title(meta) or _lead_title(conn, meta)
        repo.save_story(
            conn,
            sid,
            title=title,
            size=p.size,
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
            profile=p.to_dict(),
        )


def _title(meta: dict[int, dict[str, Any]]) -> str | None:
    """The earliest article's headline (the story as it was first told)."""
    titled = [m for m in meta.values() if m["title"]]
    if not titled:
        return None
    return min(titled, key=lambda m: (m["published"] or "9999", m["key"]))["title"]


# A story of untitled articles (plain text, a JSONL line without "title") is named by the opening
# of its earliest article, cut at a word: a list of stories with no names is no use.
LEAD_TITLE_CHARS = 100


def _lead_title(conn: sa.Connection, meta: dict[int, dict[str, Any]]) -> str | None:
    if not meta:
        return None
    first = min(meta, key=lambda i: (meta[i]["published"] or "9999", meta[i]["key"]))
    text = conn.execute(sa.select(articles.c.text).where(articles.c.id == first)).scalar()
    return opening(text or "", LEAD_TITLE_CHARS, sentence=True) or None


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _people_by_surname(conn: sa.Connection, surnames: set[str]) -> list[Any]:
    """Rows of the entities ``key LIKE 'PERSON:% <surname>'`` selects, surname by surname (in
    sorted order, each in id order), from one pass over the people's keys instead of one table
    scan per surname. The match is LIKE's own: ``_`` is any one character, and SQLite ignores
    ASCII case where PostgreSQL does not."""
    if not surnames:
        return []
    ents = repo.entities
    people = conn.execute(
        sa.select(ents.c.id, ents.c.key).where(ents.c.key.like("PERSON:% %")).order_by(ents.c.id)
    ).all()
    fold = conn.dialect.name == "sqlite"
    flags = re.DOTALL | (re.IGNORECASE | re.ASCII if fold else 0)
    by_tail: dict[str, list[tuple[int, str]]] = {}
    for pid, key in people:
        tail = key[key.rfind(" ") + 1 :]
        by_tail.setdefault(tail.translate(_ASCII_LOWER) if fold else tail, []).append((pid, key))
    matched: list[int] = []
    for s in sorted(surnames):
        like = re.compile(
            "PERSON:.* " + "".join("." if c == "_" else re.escape(c) for c in s), flags
        )
        # A surname without "_" is the key's last word; with one, any key may match.
        pool = (
            [(int(i), k) for i, k in people]
            if "_" in s
            else by_tail.get(s.translate(_ASCII_LOWER) if fold else s, [])
        )
        matched.extend(i for i, k in pool if like.fullmatch(k))
    rows: dict[int, Any] = {}
    wanted = sorted(set(matched))
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        rows.update(
            (int(r.id), r) for r in conn.execute(sa.select(ents).where(ents.c.id.in_(chunk)))
        )
    return [rows[i] for i in matched]


def _link_entities(conn: sa.Connection, analyses: dict[int, Analysis]) -> None:
    keys = {entity_key(e.name, e.type) for a in analyses.values() for e in a.entities}
    known_rows = list(
        conn.execute(sa.select(repo.entities).where(repo.entities.c.key.in_(sorted(keys)))).all()
    )
    # Bare surnames may belong to a known full name: load people sharing the surname.
    surnames = {k.split(":", 1)[1] for k in keys if k.startswith("PERSON:") and " " not in k}
    known_rows.extend(_people_by_surname(conn, surnames))
    known = {
        r.key: GlobalEntity(key=r.key, name=r.name, type=r.type, aliases=set(r.aliases or []))
        for r in known_rows
    }
    ids_by_key = {r.key: int(r.id) for r in known_rows}
    resolved = resolve({str(i): a for i, a in analyses.items()}, known)
    mention_rows: dict[tuple[int, str], str] = {}
    updates: list[dict[str, Any]] = []
    inserts: list[dict[str, Any]] = []
    for key, ent in resolved.items():
        new_articles = {a for a, _ in ent.mentions}
        if not new_articles:
            continue
        if key in ids_by_key:
            updates.append(
                {
                    "eid": ids_by_key[key],
                    "e_name": ent.name,
                    "e_aliases": sorted(ent.aliases),
                    "e_new": len(new_articles),
                }
            )
        else:
            # In the order they were found: executemany keeps it, so ids come out as before.
            inserts.append(
                {
                    "key": key,
                    "name": ent.name,
                    "type": ent.type,
                    "aliases": sorted(ent.aliases),
                    "articles": len(new_articles),
                }
            )
        for art, local in dict.fromkeys(ent.mentions):
            mention_rows[(int(art), local)] = key
    # One statement for all known entities and one for the new ones, not one per entity.
    if updates:
        conn.execute(
            repo.entities.update()
            .where(repo.entities.c.id == sa.bindparam("eid"))
            .values(
                name=sa.bindparam("e_name"),
                aliases=sa.bindparam("e_aliases", type_=repo.entities.c.aliases.type),
                articles=repo.entities.c.articles + sa.bindparam("e_new"),
            ),
            updates,
        )
    if inserts:
        conn.execute(repo.entities.insert(), inserts)
        ids_by_key.update(repo.entity_ids_by_key(conn, [r["key"] for r in inserts]))
    # New articles only (update skips linked ones), so their mentions are inserted in bulk.
    ids = sorted({a for a, _ in mention_rows})
    for start in range(0, len(ids), 500):
        conn.execute(
            repo.entity_mentions.delete().where(
                repo.entity_mentions.c.article_id.in_(ids[start : start + 500])
            )
        )
    if mention_rows:
        conn.execute(
            repo.entity_mentions.insert(),
            [
                {"article_id": a, "local_id": local, "entity_id": ids_by_key[key]}
                for (a, local), key in mention_rows.items()
            ],
        )


# -- reading ------------------------------------------------------------------------------------


def list_stories(workspace: Any) -> list[dict[str, Any]]:
    """``[{"id", "title", "articles": [external ids], ...}]``, biggest story first."""
    with workspace.connect() as conn:
        return repo.list_stories(conn)


def _story_id(story: int | str) -> int:
    try:
        return int(story)
    except (TypeError, ValueError):
        raise InputError(f"story {story!r} is not a story id: see `storyline stories`") from None


def resolve_story(workspace: Any, story_id: int | str) -> int | None:
    """The live story a story id names: itself, or the story it merged into (following later
    merges), or None when it names no story and never did (``repo.resolve_story_id``)."""
    sid = _story_id(story_id)
    with workspace.connect() as conn:
        return repo.resolve_story_id(conn, sid)


def live_story_ref(workspace: Any, ref: str | None) -> str | None:
    """``ref`` as given, or the id of the story it merged into when it names a merged-away
    story (a ref that is no id, or an id that names nothing, is left for the caller to
    report): what a command or route that takes a story id should work on."""
    text = (ref or "").strip()
    if not (text.isascii() and text.isdigit()):
        return ref
    live = resolve_story(workspace, int(text))
    return str(live) if live is not None and live != int(text) else ref


def _no_story(conn: sa.Connection, story_id: int | str, sid: int) -> NotFound:
    """No story ``sid``: and, when it merged away, which story to ask for instead."""
    moved = repo.resolve_story_id(conn, sid)
    if moved is not None and moved != sid:
        return NotFound(f"no story {story_id!r}: it was merged into story {moved}")
    return NotFound(f"no story {story_id!r}: see `storyline stories`")


def get_story(workspace: Any, story_id: int | str) -> dict[str, Any] | None:
    """One story with its articles' ids, or None."""
    sid = _story_id(story_id)
    with workspace.connect() as conn:
        story = repo.get_story(conn, sid)
        if story is None:
            return None
        # Every id its articles arrived under, as `stories` lists them.
        story["articles"] = repo.member_keys(conn, sid).get(sid, [])
    return story


def _timeline_articles(
    conn: sa.Connection, workspace: Any, ids: list[int]
) -> list[TimelineArticle]:
    analyses = load_analyses(conn, ids)
    meta = _meta(conn, ids)
    earliest = earliest_copies(conn, ids)
    links = repo.links(conn, ids)
    group_keys = {g["group_id"] for g in links.values()} | {
        g["copy_of"] for g in links.values() if g.get("copy_of")
    }
    group_meta = _meta(conn, [g for g in group_keys if g not in meta])
    group_meta.update(meta)
    out = []
    for i in ids:
        if i not in analyses:
            continue
        link = links.get(i) or {}
        group = link.get("group_id", i)
        changed = [
            (str(c.get("kind", "")), " ".join(str(c.get("after", "")).split()))
            for c in link.get("changed") or []
        ]
        out.append(
            TimelineArticle(
                key=meta[i]["key"],
                analysis=analyses[i],
                outlet=meta[i]["outlet"] or analyses[i].article.outlet,
                published=meta[i]["published"],
                group=(group_meta.get(group) or {"key": str(group)})["key"],
                changed=[c for c in changed if c[1]],
                copy_of=(group_meta.get(link["copy_of"]) or {}).get("key")
                if link.get("copy_of")
                else None,
                earliest=earliest.get(i),
            )
        )
    return out


def timeline_for(
    workspace: Any,
    story_id: int | str | None = None,
    query: str | None = None,
    all: bool = False,  # mirrors the CLI's --all
    max_dates: int | None = None,
    per_date: int | None = None,
    *,
    article_ids: list[int] | None = None,
) -> dict[str, Any]:
    """Timeline JSON (design.md) of a story, of the articles matching ``query``, of the whole
    workspace (``all``) or of given ``article_ids``. Built timelines are cached until an update
    touches their story."""
    chosen = sum(x is not None and x is not False for x in (story_id, query, article_ids)) + bool(
        all
    )
    if chosen != 1:
        raise InputError("give exactly one of a STORY id, --query TEXT or --all")
    for name, value in (("--max-dates", max_dates), ("--per-date", per_date)):
        if value is not None and value < 1:
            raise InputError(f"{name} must be 1 or more, not {value}")
    if story_id is not None:
        cache_story: int | None = _story_id(story_id)
        key = timeline_key(cache_story, max_dates, per_date)
    elif all:
        key, cache_story = timeline_key(None, max_dates, per_date), None
    else:
        key, cache_story = "", None  # query and id timelines are built fresh
    with workspace.connect() as conn:
        if key:
            cached = repo.cached_timeline(conn, key)
            if cached is not None:
                return cached
        if story_id is not None:
            story = repo.get_story(conn, cache_story or 0)
            if story is None:
                raise _no_story(conn, story_id, cache_story or 0)
            ids = repo.story_article_ids(conn, story["id"])
            head = {"id": story["id"], "title": story["title"]}
        elif all:
            ids = [int(i) for i in conn.execute(sa.select(articles.c.id)).scalars()]
            head = {"id": None, "title": "All articles"}
        elif query is not None:
            hits = search_articles(conn, query, limit=500)
            ids = [h.article.id for h in hits]
            head = {"id": None, "title": query}
        else:
            ids = list(article_ids or [])
            head = {"id": None, "title": None}
        head["articles"] = len(ids)
        tl = build_timeline(
            _timeline_articles(conn, workspace, ids),
            story=head,
            max_dates=max_dates,
            per_date=per_date,
        ).to_dict()
    if key:
        with workspace.begin() as conn:
            repo.cache_timeline(conn, key, cache_story, tl)
    return tl


def timeline_json(
    workspace: Any,
    story_id: int | str | None = None,
    query: str | None = None,
    all: bool = False,  # mirrors the CLI's --all
    max_dates: int | None = None,
    per_date: int | None = None,
) -> str:
    """``timeline_for`` as JSON text. A cached timeline is returned as stored, without decoding
    and re-encoding it: a large story's timeline is megabytes of JSON. A timeline built now is
    returned as it was just stored too, so the first print and every later (cached) one are
    the same bytes (PostgreSQL's JSONB, for one, orders keys its own way)."""
    key = ""
    if query is None and (story_id is not None) != bool(all):
        key = timeline_key(
            _story_id(story_id) if story_id is not None else None, max_dates, per_date
        )
        with workspace.connect() as conn:
            text = repo.cached_timeline_text(conn, key)
        if text is not None:
            return text
    tl = timeline_for(
        workspace, story_id=story_id, query=query, all=all, max_dates=max_dates, per_date=per_date
    )
    if key:
        with workspace.connect() as conn:
            text = repo.cached_timeline_text(conn, key)
        if text is not None:
            return text
    return json.dumps(tl, ensure_ascii=False)


def story_timeline(workspace: Any, story_id: int | str) -> dict[str, Any]:
    """A story's full timeline (what a story follow reads)."""
    return timeline_for(workspace, story_id=story_id)


def query_timeline(workspace: Any, article_ids: list[int]) -> dict[str, Any]:
    """A timeline over given articles (what entity and query follows read)."""
    return timeline_for(workspace, article_ids=list(article_ids))


def syndication_of(workspace: Any, article_id: int) -> str | None:
    """The external id (or id) of the original a syndicated copy was grouped under, else None."""
    with workspace.connect() as conn:
        link = repo.links(conn, [int(article_id)]).get(int(article_id))
        if link is None or link["group_id"] == int(article_id) or link["kind"] == "rewrite":
            return None
        meta = _meta(conn, [link["group_id"]])
    return meta.get(link["group_id"], {}).get("key")


def _ids_digest(ids: list[int]) -> str:
    return hashlib.sha1(",".join(map(str, sorted(ids))).encode()).hexdigest()
