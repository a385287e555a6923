"""``storyline demo`` end to end on a fresh workspace: the seed analysed, the bundled sample
ingested, stories and timelines built."""

from __future__ import annotations

import pytest

from storyline.demo import run_demo


@pytest.mark.slow
def test_demo_runs_end_to_end(tmp_path):
    result = run_demo(str(tmp_path / "demo.sqlite"))
    assert not result.missing
    assert result.seed is not None and result.seed.article.wire == "Reuters"
    assert result.ingest is not None
    assert result.ingest.added == 30 and not result.ingest.failed
    # The seed and the pirates (two incidents three years apart) never share a story.
    seed_stories = [s for s in result.stories if len(s["articles"]) == 1]
    assert seed_stories
    assert sum(len(s["articles"]) for s in result.stories) == 31
    # The sample's two pirate incidents (ECB+ topic 12: documents "12_Necb" and "12_Necbplus")
    # are two stories, neither mixed with the other; a report that came before its incident's
    # story had grown is placed in it at the end of the batch (``settle_lone``).
    events = [{a.endswith("ecbplus") for a in s["articles"]} for s in result.stories]
    assert sorted(len(s["articles"]) for s in result.stories) == [1, 11, 19]
    assert all(len(kinds) == 1 for kinds in events)
    assert result.timelines and all(t["entries"] for t in result.timelines)

    again = run_demo(str(tmp_path / "demo.sqlite"))
    assert again.ingest is not None and again.ingest.added == 0
    assert sum(len(s["articles"]) for s in again.stories) == 31


@pytest.mark.slow
def test_demo_in_small_link_batches_gives_the_same_stories(tmp_path, monkeypatch):
    """Linked eight articles at a time (as ingest links 128), a lone report of an earlier batch
    is placed in its incident's story once a later batch has grown it: the same three stories
    as one batch gives (before: a lone ecbplus report was left over)."""
    import storyline.workspace as workspace

    monkeypatch.setattr(workspace, "LINK_BATCH", 8)
    result = run_demo(str(tmp_path / "demo.sqlite"))
    assert sorted(len(s["articles"]) for s in result.stories) == [1, 11, 19]
    assert all(len({a.endswith("ecbplus") for a in s["articles"]}) == 1 for s in result.stories)
