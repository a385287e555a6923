"""A small cache of computed answers (timelines, story lists), kept per app on ``app.state``.

A timeline over thousands of articles costs far more than serving it, and it only changes when
the workspace does. Each entry is stored with the workspace's *version* (how many articles, the
newest one, the last time articles were linked into stories); the version itself is read at
most once per ``recheck`` seconds, so a burst of requests costs one cheap query, and a change
made by an ingest in another process shows within that delay. Entries also expire after
``max_age`` seconds, which bounds how long a change the version cannot see (a reanalysis that
changed no article) stays hidden.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

import sqlalchemy as sa

T = TypeVar("T")


def workspace_version(ws: Any) -> tuple[Any, ...]:
    """Changes whenever an article is added or linked into stories. Only indexed columns are
    read: a scan of the analyses table (megabytes of JSON) would cost more than the answers
    the cache saves."""
    from storyline.store.schema import articles

    with ws.connect() as conn:
        row = conn.execute(
            sa.select(
                sa.func.count(), sa.func.max(articles.c.id), sa.func.max(articles.c.linked_at)
            )
        ).one()
    return tuple(row)


class AnswerCache:
    """LRU of ``key -> answer`` valid for one workspace version; thread-safe (sync routes run
    in a thread pool). Concurrent requests for the same missing answer compute it once."""

    def __init__(
        self,
        version: Callable[[], Hashable],
        *,
        size: int = 256,
        recheck: float = 1.0,
        max_age: float = 300.0,
    ) -> None:
        self._version = version
        self._size = size
        self._recheck = recheck
        self._max_age = max_age
        self._lock = threading.Lock()
        self._version_lock = threading.Lock()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        # key -> (version, made at, answer)
        self._items: OrderedDict[Hashable, tuple[Hashable, float, Any]] = OrderedDict()
        self._seen: Hashable = None
        self._seen_at = float("-inf")

    def version(self) -> Hashable:
        with self._version_lock:  # one query at a time, however many threads ask
            now = time.monotonic()
            if now - self._seen_at >= self._recheck:
                self._seen, self._seen_at = self._version(), now
            return self._seen

    def _current(self, key: Hashable, version: Hashable, now: float) -> Any:
        hit = self._items.get(key)
        if hit is None or hit[0] != version or now - hit[1] > self._max_age:
            return None
        self._items.move_to_end(key)
        return hit[2]

    def peek(self, key: Hashable) -> Any:
        """The cached answer when it is known to be current without asking the store (the
        version was read less than ``recheck`` seconds ago), else None. Never blocks: the
        async fast path of a route uses it, and falls back to ``get_or_compute`` in a thread."""
        now = time.monotonic()
        with self._lock:
            if now - self._seen_at >= self._recheck:
                return None
            return self._current(key, self._seen, now)

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self.version()
        with self._lock:
            hit = self._current(key, version, time.monotonic())
            if hit is not None:
                return hit
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            with self._lock:  # another thread may have computed it meanwhile
                hit = self._current(key, version, time.monotonic())
                if hit is not None:
                    return hit
            value = compute()
            with self._lock:
                self._items[key] = (version, time.monotonic(), value)
                self._items.move_to_end(key)
                while len(self._items) > self._size:
                    old, _ = self._items.popitem(last=False)
                    self._key_locks.pop(old, None)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._seen_at = float("-inf")
