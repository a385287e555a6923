"""A followed story that merges into another (an article bridged them, or a lone report was
placed in its event's story) goes on being followed under the id it lives on in."""

from __future__ import annotations

from pathlib import Path

import pytest

import storyline.stories as st
from storyline.follow.follows import add_follow, list_follows

SAMPLE = Path(__file__).resolve().parents[2] / "demo" / "ecbplus-topic12.jsonl"


@pytest.mark.slow
def test_follows_of_a_merged_story_move_to_the_story_it_lives_on_in(workspace, tmp_path):
    # The bundled sample (two pirate incidents, ECB+ topic 12), ingested in two parts: after
    # the first five reports, one incident is split in two stories, which merge in the second.
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    first, rest = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    first.write_text("\n".join(lines[:5]) + "\n", encoding="utf-8")
    rest.write_text("\n".join(lines[5:]) + "\n", encoding="utf-8")
    workspace.ingest([first])
    before = {s["id"] for s in st.list_stories(workspace)}
    for sid in sorted(before):
        add_follow(workspace, story=sid, emails=["reader@example.org"])
    workspace.ingest([rest])
    after = {s["id"] for s in st.list_stories(workspace)}
    assert before - after, "no followed story merged: the case is not exercised"
    targets = [int(f.target) for f in list_follows(workspace)]
    assert set(targets) <= after  # every follow points at a story that exists
    assert len(targets) == len(before)  # none lost
