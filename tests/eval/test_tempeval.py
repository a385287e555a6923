# ruff: noqa: E501  (TimeML samples stay on one line, as in the data files)
"""The TE3 Task A scorer, checked against small cases computed by hand."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.eval.tempeval import Scores, match, score_dirs, score_document


@dataclass
class T:
    start: int
    end: int
    type: str = "DATE"
    value: str = "2025-11-21"


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        # one exact match with the right value, one overlap with a wrong value
        (
            [T(0, 6), T(10, 20, value="P1W")],
            [T(0, 6), T(12, 20, value="P2W")],
            {"strict_f1": 50.0, "relaxed_f1": 100.0, "value_accuracy": 50.0, "value_f1": 50.0},
        ),
        # one found, one spurious: relaxed P 1/2, R 1/1, F1 2/3
        (
            [T(0, 6)],
            [T(0, 6), T(30, 35)],
            {"relaxed_p": 50.0, "relaxed_r": 100.0, "relaxed_f1": 66.67, "value_f1": 66.67},
        ),
        # nothing found
        ([T(0, 6)], [], {"relaxed_f1": 0.0, "value_f1": 0.0, "strict_f1": 0.0}),
        # right extent, wrong type: type accuracy 0, value still right
        ([T(0, 6)], [T(0, 6, type="TIME")], {"type_f1": 0.0, "value_f1": 100.0}),
    ],
)
def test_score_document_hand_computed(gold, system, expected) -> None:
    scores = Scores.from_counts(score_document(gold, system)).as_percentages()
    for name, value in expected.items():
        assert scores[name] == pytest.approx(value, abs=0.01), name


@pytest.mark.parametrize(
    ("gold", "system", "pairs"),
    [
        # one long system span over two gold ones matches only one of them (the larger overlap)
        ([T(0, 4), T(5, 15)], [T(0, 15)], [(1, 0)]),
        # an exact match is preferred to a bigger overlap
        ([T(0, 10)], [T(0, 12), T(0, 10)], [(0, 1)]),
        # touching spans do not overlap
        ([T(0, 5)], [T(5, 9)], []),
    ],
)
def test_match_one_to_one(gold, system, pairs) -> None:
    assert match(gold, system) == pairs


GOLD = """<TimeML><DOCID>d</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2025-12-02" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>
<TEXT>The call, on <TIMEX3 tid="t1" type="DATE" value="2025-11-21">Nov 21</TIMEX3>, took <TIMEX3 tid="t2" type="DURATION" value="PT15M">15 minutes</TIMEX3>.</TEXT></TimeML>
"""


def test_score_dirs_reads_gold_and_system(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "sys").mkdir()
    (tmp_path / "gold" / "d.tml").write_text(GOLD)
    system = GOLD.replace('value="PT15M"', 'value="PT14M"')
    (tmp_path / "sys" / "d.tml").write_text(system)
    s = Scores.from_counts(score_dirs(tmp_path / "gold", tmp_path / "sys"))
    assert (s.strict_f1, s.relaxed_f1, s.value_accuracy) == (1.0, 1.0, 0.5)


def test_score_dirs_refuses_changed_text(tmp_path: Path) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "sys").mkdir()
    (tmp_path / "gold" / "d.tml").write_text(GOLD)
    (tmp_path / "sys" / "d.tml").write_text(GOLD.replace("The call", "A call"))
    with pytest.raises(InputError, match="TEXT differs"):
        score_dirs(tmp_path / "gold", tmp_path / "sys")


@pytest.mark.shared_data
@pytest.mark.slow
def test_score_dirs_reproduces_heideltime_reference(shared_data: Path) -> None:
    """The reference README quotes HeidelTime on TimeBank: strict 85.3, relaxed 91.9."""
    te3 = shared_data / "tempeval3"
    s = Scores.from_counts(
        score_dirs(te3 / "timebank", te3 / "reference-outputs" / "heideltime-2.2.1" / "timebank")
    )
    assert 100 * s.strict_f1 == pytest.approx(85.3, abs=0.2)
    assert 100 * s.relaxed_f1 == pytest.approx(91.9, abs=0.2)
    assert 100 * s.value_f1 == pytest.approx(79.6, abs=0.3)
