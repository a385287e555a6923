"""The attribution gold set is well formed: offsets match the text, types and splits are valid,
and it is as big and as varied as issue 4 asks (>= 60 real paragraphs, >= 8 outlets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.model import SOURCE_TYPES

GOLD = Path(__file__).resolve().parent / "attribution_gold.jsonl"
RECORDS = [
    json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()
]
IDS = [r["id"] for r in RECORDS]


def _spans(rec):
    for att in rec["attributions"]:
        for key in ("cue", "source", "content"):
            if att.get(key):
                yield key, att[key]


def test_gold_size_and_variety():
    paragraphs = [r for r in RECORDS if r["origin"] != "seed"]
    assert len(paragraphs) >= 60
    assert len({r["outlet"] for r in paragraphs}) >= 8
    assert any(r["origin"] == "seed" for r in RECORDS)
    assert len(set(IDS)) == len(IDS)
    assert len({r["text"] for r in RECORDS}) == len(RECORDS), "duplicate paragraph text"


def test_gold_has_both_splits():
    splits = {r["split"] for r in RECORDS}
    assert splits == {"dev", "test"}


@pytest.mark.parametrize("rec", RECORDS, ids=IDS)
def test_gold_offsets_match_text(rec):
    text = rec["text"]
    for key, span in _spans(rec):
        assert 0 <= span["start"] < span["end"] <= len(text), (key, span)
        assert text[span["start"] : span["end"]] == span["text"], (key, span)


@pytest.mark.parametrize("rec", RECORDS, ids=IDS)
def test_gold_labels_are_valid(rec):
    assert rec["split"] in ("dev", "test")
    for att in rec["attributions"]:
        assert att["polarity"] in ("assert", "deny", "decline")
        assert isinstance(att["hedged"], bool) and isinstance(att["direct_quote"], bool)
        src = att["source"]
        if src is not None:
            assert src["type"] in SOURCE_TYPES
            assert src["anonymous"] == (src["type"] in ("anonymous_person", "anonymous_group"))
            if not src["anonymous"]:
                assert src["count"] is None
        if att["polarity"] != "decline":
            assert att["content"] is not None, att["cue"]
