"""The attribution scorer on small hand-made cases whose right answers are worked out by hand."""

from __future__ import annotations

import pytest

from storyline.eval.attribution import overlap_match, score

TEXT = (
    "Mr Trump said the deal was off, two officials told Reuters. "
    "The White House declined to comment."
)


def span(text: str, part: str, nth: int = 0) -> dict:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return {"start": start, "end": start + len(part), "text": part}


def att(cue, source, content, type_="named_person", count=None, polarity="assert"):
    src = None
    if source is not None:
        src = span(TEXT, source) | {
            "type": type_,
            "count": count,
            "anonymous": type_.startswith("anonymous"),
        }
    return {
        "cue": span(TEXT, cue),
        "source": src,
        "content": span(TEXT, content) if content else None,
        "polarity": polarity,
    }


GOLD = [
    att("said", "Mr Trump", "the deal was off"),
    att("told", "two officials", "Mr Trump said the deal was off", "anonymous_group", 2),
    att("declined to comment", "The White House", None, "named_organization", polarity="decline"),
]


def test_scorer_perfect_prediction():
    s = score([(TEXT, GOLD, GOLD)])
    for key, prf in s.spans.items():
        assert prf.f1 == 1.0, key
    assert s.sourced_claim.f1 == 1.0
    assert s.type_accuracy.value == 1.0
    assert s.count_exact.value == 1.0
    assert s.polarity_macro_f1 == 1.0


def test_scorer_empty_prediction_has_zero_recall():
    s = score([(TEXT, GOLD, [])])
    assert s.spans["source_overlap"].recall == 0.0
    assert s.spans["source_overlap"].fn == 3
    assert s.sourced_claim.fn == 2  # the decline has no content: not a claim
    assert s.count_exact.total == 1 and s.count_exact.right == 0


def test_scorer_overlap_but_not_exact():
    # "Trump" against "Mr Trump": 1 shared token of 2 -> overlap match, not exact.
    pred = [att("said", "Trump", "the deal was off")]
    s = score([(TEXT, GOLD[:1], pred)])
    assert s.spans["source_exact"].f1 == 0.0
    assert s.spans["source_overlap"].f1 == 1.0


def test_scorer_exact_ignores_edge_punctuation():
    pred = [att("said", "Mr Trump", "the deal was off,")]
    s = score([(TEXT, GOLD[:1], pred)])
    assert s.spans["content_exact"].f1 == 1.0


def test_scorer_wrong_type_breaks_sourced_claim_only():
    pred = [att("said", "Mr Trump", "the deal was off", "named_organization")]
    s = score([(TEXT, GOLD[:1], pred)])
    assert s.spans["source_overlap"].f1 == 1.0
    assert s.sourced_claim.tp == 0 and s.sourced_claim.fp == 1 and s.sourced_claim.fn == 1
    assert s.type_accuracy.total == 1 and s.type_accuracy.right == 0


def test_scorer_wrong_count_and_polarity():
    pred = [
        att("told", "two officials", "Mr Trump said the deal was off", "anonymous_group", None),
        att("declined to comment", "The White House", None, "named_organization"),
    ]
    s = score([(TEXT, GOLD[1:], pred)])
    assert s.count_exact.right == 0 and s.count_exact.total == 1
    assert s.polarity["decline"].fn == 1
    assert s.polarity["assert"].fp == 1 and s.polarity["assert"].tp == 1


def test_scorer_spurious_prediction_lowers_precision():
    pred = [*GOLD, att("said", "Mr Trump", "Mr Trump said the deal was off, two officials")]
    s = score([(TEXT, GOLD, pred)])
    assert s.spans["cue_exact"].fp == 0  # same cue span counts once
    assert s.spans["content_overlap"].fp == 1
    assert s.spans["content_overlap"].precision == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ({1, 2, 3, 4}, {1, 2}, True),  # 2 shared of the longer 4 -> 0.5
        ({1, 2, 3, 4, 5}, {1, 2}, False),  # 2 of 5 -> 0.4
        ({1, 2}, {3, 4}, False),
        (set(), {1}, False),
    ],
)
def test_overlap_match_threshold(a, b, expected):
    assert overlap_match(frozenset(a), frozenset(b)) is expected
