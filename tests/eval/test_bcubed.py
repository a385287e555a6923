import pytest

from storyline.eval.bcubed import bcubed


@pytest.mark.parametrize(
    ("gold", "pred", "p", "r"),
    [
        # Perfect clustering.
        ({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "y"}, 1.0, 1.0),
        # Everything merged: recall stays 1, precision drops (items of "a": 2/3, of "b": 1/3).
        ({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "x", 3: "x"}, (2 / 3 * 2 + 1 / 3) / 3, 1.0),
        # Everything split: precision stays 1, recall drops.
        ({1: "a", 2: "a", 3: "b"}, {1: "x", 2: "y", 3: "z"}, 1.0, (0.5 + 0.5 + 1) / 3),
        # A missing prediction counts as a singleton, not as a free pass.
        ({1: "a", 2: "a"}, {1: "x"}, 1.0, 0.5),
    ],
)
def test_bcubed_scores_known_cases(gold, pred, p, r):
    score = bcubed(gold, pred)
    assert score.precision == pytest.approx(p)
    assert score.recall == pytest.approx(r)
    assert score.f1 == pytest.approx(2 * p * r / (p + r))


@pytest.mark.parametrize("gold", [{}])
def test_bcubed_refuses_empty_gold(gold):
    with pytest.raises(ValueError):
        bcubed(gold, {})
