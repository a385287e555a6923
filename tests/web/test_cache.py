from __future__ import annotations

import time

import pytest

from storyline.web.cache import AnswerCache, workspace_version


class Counter:
    def __init__(self) -> None:
        self.calls = 0
        self.version = 1

    def compute(self) -> int:
        self.calls += 1
        return self.calls


@pytest.mark.parametrize("repeats", [1, 5])
def test_cache_computes_once_per_version(repeats: int) -> None:
    c = Counter()
    cache = AnswerCache(lambda: c.version, recheck=0)
    answers = {cache.get_or_compute("k", c.compute) for _ in range(repeats)}
    assert answers == {1} and c.calls == 1


def test_cache_recomputes_when_workspace_changes() -> None:
    c = Counter()
    cache = AnswerCache(lambda: c.version, recheck=0)
    assert cache.get_or_compute("k", c.compute) == 1
    c.version = 2
    assert cache.get_or_compute("k", c.compute) == 2


def test_cache_evicts_least_recently_used() -> None:
    c = Counter()
    cache = AnswerCache(lambda: c.version, size=2, recheck=0)
    for key in ("a", "b", "a", "c"):
        cache.get_or_compute(key, c.compute)
    assert c.calls == 3
    cache.get_or_compute("a", c.compute)  # kept: used recently
    assert c.calls == 3
    cache.get_or_compute("b", c.compute)  # evicted by "c"
    assert c.calls == 4


def test_workspace_version_changes_on_add() -> None:
    from storyline.workspace import Workspace

    with Workspace(memory=True) as ws:
        before = workspace_version(ws)
        ws.add("The council said on Monday that the road would close.", published="2025-12-01")
        assert workspace_version(ws) != before


def test_peek_answers_only_current_entries() -> None:
    c = Counter()
    cache = AnswerCache(lambda: c.version, recheck=60)
    assert cache.peek("k") is None  # nothing cached yet
    cache.get_or_compute("k", c.compute)
    assert cache.peek("k") == 1
    stale = AnswerCache(lambda: c.version, recheck=0)
    stale.get_or_compute("k", c.compute)
    # The version is due a recheck: peek will not vouch for the entry.
    assert stale.peek("k") is None


def test_entries_expire_after_max_age() -> None:
    c = Counter()
    cache = AnswerCache(lambda: c.version, recheck=0, max_age=0)
    cache.get_or_compute("k", c.compute)
    time.sleep(0.01)
    assert cache.get_or_compute("k", c.compute) == 2


def test_concurrent_misses_compute_once() -> None:
    import threading

    c = Counter()

    def slow() -> int:
        time.sleep(0.05)
        return c.compute()

    cache = AnswerCache(lambda: c.version, recheck=60)
    threads = [threading.Thread(target=cache.get_or_compute, args=("k", slow)) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert c.calls == 1
