"""A small cache of computed answers (timelines, story lists), kept per app on ``app.state``.

A timeline over thousands of articles costs far more than serving it, and it only changes when
the workspace does. Each entry is stored with the workspace's *version* (how many articles, the
newest one, the last linking and analysis times); the version itself is read at most once per
``recheck`` seconds, so a burst of requests costs one cheap query, and a change made by an
ingest in another process shows within that delay.
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
    """Changes whenever an article is added, linked into stories or reanalysed."""
    from storyline.store.schema import analyses, articles

    with ws.connect() as conn:
        a = conn.execute(
            sa.select(
                sa.func.count(), sa.func.max(articles.c.id), sa.func.max(articles.c.linked_at)
            )
        ).one()
        b = conn.execute(sa.select(sa.func.max(analyses.c.analyzed_at))).one()
    return (*tuple(a), *tuple(b))


class AnswerCache:
    """LRU of ``key -> answer`` valid for one workspace version; thread-safe (sync routes run
    in a thread pool)."""

    def __init__(
        self,
        version: Callable[[], Hashable],
        *,
        size: int = 256,
        recheck: float = 1.0,
    ) -> None:
        self._version = version
        self._size = size
        self._recheck = recheck
        self._lock = threading.Lock()
        self._items: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._seen: Hashable = None
        self._seen_at = float("-inf")

    def version(self) -> Hashable:
        now = time.monotonic()
        with self._lock:
            if now - self._seen_at < self._recheck:
                return self._seen
        current = self._version()
        with self._lock:
            self._seen, self._seen_at = current, now
        return current

    def peek(self, key: Hashable) -> Any:
        """The cached answer when it is known to be current without asking the store (the
        version was read less than ``recheck`` seconds ago), else None. Never blocks: the
        async fast path of a route uses it, and falls back to ``get_or_compute`` in a thread."""
        now = time.monotonic()
        with self._lock:
            if now - self._seen_at >= self._recheck:
                return None
            hit = self._items.get(key)
            if hit is None or hit[0] != self._seen:
                return None
            self._items.move_to_end(key)
            return hit[1]

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self.version()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] == version:
                self._items.move_to_end(key)
                return hit[1]
        value = compute()
        with self._lock:
            self._items[key] = (version, value)
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self._seen_at = float("-inf")
