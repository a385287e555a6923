"""A quality floor on the TempEval-3 dev split (TBAQ), so a rule change cannot silently lose
ground. The floors sit a little under the figures in docs/benchmarks.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.eval.tempeval import Counts, Scores, score_document
from storyline.eval.timeml import read_timeml
from storyline.nlp.timex import tag

FLOORS = {"strict_f1": 89.6, "relaxed_f1": 95.0, "value_f1": 81.5}


@pytest.mark.shared_data
@pytest.mark.slow
def test_tbaq_scores_stay_above_floor(shared_data: Path) -> None:
    total = Counts()
    for part in ("timebank", "aquaint"):
        for path in sorted((shared_data / "tempeval3" / part).glob("*.tml")):
            doc = read_timeml(path)
            total.add(score_document(doc.timexes, tag(doc.text, doc.dct), text=doc.text))
    assert total.gold == 1822
    scores = Scores.from_counts(total).as_percentages()
    assert {k: scores[k] >= v for k, v in FLOORS.items()} == dict.fromkeys(FLOORS, True), scores
