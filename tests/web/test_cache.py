from __future__ import annotations

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
