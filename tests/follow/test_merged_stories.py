"""A followed story that merges into another (an article bridged them, or a lone report was
placed in its event's story) goes on being followed under the id it lives on in."""

from __future__ import annotations

import pytest
from storyline_test_workspace_fixtures import ingest_sample_in_two_parts

from storyline.follow.follows import add_follow, list_follows


@pytest.mark.slow
def test_follows_of_a_merged_story_move_to_the_story_it_lives_on_in(workspace, tmp_path):
    # The bundled sample (two pirate incidents, ECB+ topic 12), ingested in two parts: after
    # the first five reports, one incident is split in two stories, which merge in the second.
    def follow_all(stories: set[int]) -> None:
        for sid in sorted(stories):
            add_follow(workspace, story=sid, emails=["reader@example.org"])

    before, after = ingest_sample_in_two_parts(workspace, tmp_path, between=follow_all)
    assert before - after, "no followed story merged: the case is not exercised"
    targets = [int(f.target) for f in list_follows(workspace)]
    assert set(targets) <= after  # every follow points at a story that exists
    assert len(targets) == len(before)  # none lost
