"""Follows: a story, an entity or a saved search query, and who gets its digests.

The public functions take a ``Workspace`` and are what the CLI and the web call
(``add_follow``, ``list_follows``, ``get_follow``, ``remove_follow``); the SQL lives in
``storyline.store.follows``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from storyline.errors import InputError, NotFound

FollowKind = Literal["story", "entity", "query"]
FOLLOW_KINDS: tuple[str, ...] = ("story", "entity", "query")

# Deliberately loose: one @, no spaces, a dot in the domain (or localhost). The SMTP server is
# the real judge; this only catches typos such as a missing @ before they reach the outbox.
_EMAIL = re.compile(r"^[^@\s<>,;]+@(?:[^@\s<>,;]+\.[^@\s<>,;]+|localhost)$")


@dataclass(frozen=True, slots=True)
class Follow:
    """One follow: what is followed (``kind`` + ``target``) and the addresses digests go to."""

    id: int
    kind: str
    target: str
    emails: tuple[str, ...] = ()
    label: str | None = None
    created: str | None = None

    @property
    def title(self) -> str:
        """How a digest names what is followed: "story 3: Trump rejected ...", "entity Maduro"."""
        if self.kind == "query":
            return f'search "{self.target}"'
        if self.label and self.label != self.target:
            return f"{self.kind} {self.target}: {self.label}"
        return f"{self.kind} {self.target}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "target": self.target,
            "label": self.label,
            "emails": list(self.emails),
            "created": self.created,
        }


def check_email(address: str) -> str:
    """A recipient address, stripped; an ``InputError`` naming it when it cannot be one."""
    value = (address or "").strip()
    if not _EMAIL.match(value):
        raise InputError(f"invalid e-mail address {address!r}: give one like name@example.org")
    return value


def check_emails(addresses: Iterable[str]) -> tuple[str, ...]:
    """Recipients, checked, duplicates removed (case-insensitively), order kept."""
    seen: dict[str, str] = {}
    for address in addresses:
        value = check_email(address)
        seen.setdefault(value.lower(), value)
    if not seen:
        raise InputError("a follow needs at least one recipient: pass --email ADDR")
    return tuple(seen.values())


def check_target(
    *, story: str | int | None = None, entity: str | None = None, query: str | None = None
) -> tuple[str, str]:
    """Exactly one of story / entity / query, as (kind, target)."""
    given = [
        (kind, str(value).strip())
        for kind, value in (("story", story), ("entity", entity), ("query", query))
        if value is not None
    ]
    if len(given) != 1:
        raise InputError(
            "follow exactly one thing: pass one of --story ID, --entity NAME, --query TEXT"
        )
    kind, target = given[0]
    if not target:
        raise InputError(f"the {kind} to follow is empty: give a {kind}")
    return kind, target


def follow_from_row(row: Mapping[str, Any], emails: Sequence[str]) -> Follow:
    return Follow(
        id=int(row["id"]),
        kind=str(row["kind"]),
        target=str(row["target"]),
        emails=tuple(emails),
        label=row.get("label"),
        created=str(row["created_at"]) if row.get("created_at") is not None else None,
    )


def add_follow(
    workspace: Any,
    *,
    story: str | int | None = None,
    entity: str | None = None,
    query: str | None = None,
    emails: Iterable[str],
) -> Follow:
    """Follow a story (by id), an entity (by name) or a saved search query.

    >>> add_follow(ws, story=3, emails=["me@example.org"])  # doctest: +SKIP
    Follow(id=1, kind='story', target='3', ...)

    Raises ``InputError`` for a bad address or not exactly one target, ``NotFound`` for a story
    that does not exist.
    """
    from storyline.follow import source
    from storyline.store import follows as store

    kind, target = check_target(story=story, entity=entity, query=query)
    recipients = check_emails(emails)
    label = source.label_for(workspace, kind, target)
    with workspace.begin() as conn:
        follow_id = store.insert_follow(
            conn, kind=kind, target=target, emails=recipients, label=label
        )
    return get_follow(workspace, follow_id)


def list_follows(workspace: Any) -> list[Follow]:
    """Every follow, oldest first."""
    from storyline.store import follows as store

    with workspace.connect() as conn:
        return [follow_from_row(row, emails) for row, emails in store.follow_rows(conn)]


def get_follow(workspace: Any, follow_id: int | str) -> Follow:
    """One follow; ``NotFound`` naming the id when there is none."""
    from storyline.store import follows as store

    fid = _follow_id(follow_id)
    with workspace.connect() as conn:
        rows = store.follow_rows(conn, fid)
    if not rows:
        raise NotFound(f"no follow with id {follow_id}: see `storyline follow list`")
    row, emails = rows[0]
    return follow_from_row(row, emails)


def remove_follow(workspace: Any, follow_id: int | str) -> None:
    """Stop following: the follow, its memory and its outbox go; ``NotFound`` if there is none."""
    from storyline.store import follows as store

    fid = _follow_id(follow_id)
    with workspace.begin() as conn:
        removed = store.delete_follow(conn, fid)
    if not removed:
        raise NotFound(f"no follow with id {follow_id}: see `storyline follow list`")


def _follow_id(value: int | str) -> int:
    try:
        fid = int(str(value).strip())
    except ValueError:
        raise InputError(
            f"invalid follow id {value!r}: give the number `follow list` shows"
        ) from None
    if fid < 1:
        raise InputError(f"invalid follow id {value!r}: give the number `follow list` shows")
    return fid
