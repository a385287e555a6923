"""BCubed precision, recall and F1 (Bagga & Baldwin 1998; Amigó et al. 2009) for clusterings.

Each item gets a precision (the share of its predicted cluster that shares its gold class) and a
recall (the share of its gold class that shares its predicted cluster); the scores are the means
over items. Items missing from the prediction count as singletons, so a system cannot gain by
dropping hard documents.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class BCubed:
    precision: float
    recall: float
    f1: float
    n_items: int
    n_gold: int
    n_predicted: int

    def to_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "n_items": self.n_items,
            "n_gold": self.n_gold,
            "n_predicted": self.n_predicted,
        }


def bcubed(gold: Mapping[Hashable, Hashable], predicted: Mapping[Hashable, Hashable]) -> BCubed:
    """Score ``predicted`` (item -> cluster id) against ``gold`` (item -> class id).

    Only items in ``gold`` are scored; an item absent from ``predicted`` is its own cluster.
    """
    if not gold:
        raise ValueError("bcubed needs at least one gold item")
    pred = {item: predicted.get(item, ("__singleton__", item)) for item in gold}
    pair_counts: Counter[tuple[Hashable, Hashable]] = Counter(
        (pred[item], gold[item]) for item in gold
    )
    pred_sizes: Counter[Hashable] = Counter(pred.values())
    gold_sizes: Counter[Hashable] = Counter(gold.values())
    p_sum = r_sum = 0.0
    for item in gold:
        both = pair_counts[(pred[item], gold[item])]
        p_sum += both / pred_sizes[pred[item]]
        r_sum += both / gold_sizes[gold[item]]
    n = len(gold)
    p, r = p_sum / n, r_sum / n
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return BCubed(p, r, f1, n, len(gold_sizes), len(pred_sizes))
