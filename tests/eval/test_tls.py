import datetime as dt
import json
from pathlib import Path

import pytest

from storyline.eval.tls import TlsScorer, date_f1, porter_stem, timeline_from_json, tokens

D = dt.date
PLAIN = TlsScorer(stem=False, stopwords=False)


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("generalization", "gener"),
        ("adjustment", "adjust"),
        ("adoption", "adopt"),
        ("controll", "control"),
        # Counter-examples: short or already minimal words stay as they are.
        ("sky", "sky"),
        ("roll", "roll"),
    ],
)
def test_porter_stem_known_words(word, stem):
    assert porter_stem(word) == stem


@pytest.mark.parametrize(
    ("text", "stem", "stopwords", "expected"),
    [
        ("The officials were running", True, True, ["offici", "run"]),
        ("The officials were running", False, False, ["the", "officials", "were", "running"]),
        ("U.S. halts WHO-funding", False, False, ["u", "s", "halts", "who", "funding"]),
    ],
)
def test_tokens_rouge_style(text, stem, stopwords, expected):
    assert tokens(text, stem=stem, stopwords=stopwords) == expected


@pytest.mark.parametrize(
    ("pred", "gold", "p", "r"),
    [
        (
            {D(2020, 1, 1), D(2020, 1, 2), D(2020, 1, 3)},
            {D(2020, 1, 2), D(2020, 1, 3), D(2020, 1, 4), D(2020, 1, 5)},
            2 / 3,
            1 / 2,
        ),
        ({D(2020, 1, 1)}, {D(2020, 1, 2)}, 0.0, 0.0),
    ],
)
def test_date_f1_against_gold_days(pred, gold, p, r):
    s = date_f1({d: ["x"] for d in pred}, [{d: ["y"] for d in gold}])
    assert (s.precision, s.recall) == pytest.approx((p, r))
    assert s.f1 == pytest.approx(2 * p * r / (p + r) if p + r else 0.0)


def test_concat_rouge_ignores_dates():
    # hits a, b of 3 peer and 4 model unigrams; R-2: hit (a b) of 2 and 3 bigrams.
    s = PLAIN.score({D(2020, 1, 1): ["a b c"]}, [{D(2020, 1, 2): ["a b d e"]}])
    assert (s.concat[1].precision, s.concat[1].recall) == pytest.approx((2 / 3, 2 / 4))
    assert (s.concat[2].precision, s.concat[2].recall) == pytest.approx((1 / 2, 1 / 3))


def test_agreement_rouge_counts_only_same_day_overlap():
    # Jan 1: hit "a" (2 peer, 2 model); Jan 2 only predicted (2 peer); Jan 3 only gold (2 model):
    # the identical "c d" on a different day earns nothing.
    pred = {D(2020, 1, 1): ["a b"], D(2020, 1, 2): ["c d"]}
    gold = {D(2020, 1, 1): ["a x"], D(2020, 1, 3): ["c d"]}
    s = PLAIN.score(pred, [gold])
    assert (s.agreement[1].precision, s.agreement[1].recall) == pytest.approx((1 / 4, 1 / 4))


def test_align_m1_weights_hits_by_day_distance():
    # Jan 1 aligns to Jan 2 (cost 0.5 * 0 content cost beats Jan 5's 0.8 * 1): its 2 hits count
    # 1/(1+1). Recall: Jan 2 -> Jan 1 (2 hits * 1/2 of 2), Jan 5 -> Jan 1 (0 of 2).
    pred = {D(2020, 1, 1): ["a b"]}
    gold = {D(2020, 1, 2): ["a b"], D(2020, 1, 5): ["c d"]}
    s = PLAIN.score(pred, [gold])
    assert (s.align_m1[1].precision, s.align_m1[1].recall) == pytest.approx((1 / 2, 1 / 4))
    assert s.align_m1[1].f1 == pytest.approx(1 / 3)


def test_align_m1_same_day_counts_fully():
    s = PLAIN.score({D(2020, 1, 2): ["a b"]}, [{D(2020, 1, 2): ["a b"]}])
    assert s.align_m1[1].f1 == pytest.approx(1.0)
    assert s.align_m1[2].f1 == pytest.approx(1.0)


def test_several_references_sum_hits_and_multiply_peer_counts():
    # Each reference is a model: hits 1 + 1, peer 2 unigrams x 2 models, model 2 + 2.
    pred = {D(2020, 1, 1): ["a b"]}
    refs = [{D(2020, 1, 1): ["a c"]}, {D(2020, 1, 2): ["b d"]}]
    s = PLAIN.score(pred, refs)
    assert (s.concat[1].precision, s.concat[1].recall) == pytest.approx((0.5, 0.5))
    assert (s.date.precision, s.date.recall) == pytest.approx((1.0, 0.5))
    # Agreement: Jan 1 hits "a" in the first reference only; the second has no Jan 1 but its
    # empty model still multiplies the peer count (2 x 2); recall over 2 + 2 model unigrams.
    assert (s.agreement[1].precision, s.agreement[1].recall) == pytest.approx((1 / 4, 1 / 4))


@pytest.mark.parametrize("refs", [[]])
def test_scorer_refuses_no_reference(refs):
    with pytest.raises(ValueError):
        PLAIN.score({D(2020, 1, 1): ["a"]}, refs)


def test_timeline_from_json_keeps_day_dates_only():
    tl = {
        "entries": [
            {"date": "2020-05-19", "summary": "one", "mentions": [{"sentence": "One."}]},
            {"date": "2020-05-19T14:00", "summary": "two", "mentions": []},
            {"date": "2020-05", "summary": "a month"},
            {"date": None, "summary": "undated"},
        ]
    }
    assert timeline_from_json(tl) == {D(2020, 5, 19): ["one", "two"]}
    assert timeline_from_json(tl, field="sentence") == {D(2020, 5, 19): ["One.", "two"]}


DATA = Path(__file__).resolve().parents[1] / "data"
# Dev topics (tuned on) and held-out topics (scored once): the same shape.
GOLD = sorted([*(DATA / "tls_dev").glob("*.json"), *(DATA / "tls_heldout").glob("*.json")])


@pytest.mark.parametrize("path", GOLD, ids=[f"{p.parent.name}/{p.stem}" for p in GOLD])
def test_tls_dev_gold_holds_ids_dates_and_summaries_only(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    keys = {"topic", "source", "selection", "annotation", "articles", "timeline"}
    assert keys <= set(gold) <= keys | {"split"}
    assert len(gold["articles"]) == len(set(gold["articles"])) >= 10
    days = [dt.date.fromisoformat(item["date"]) for item in gold["timeline"]]
    assert days == sorted(set(days))
    # One-line summaries in the annotator's words, never article text.
    assert all(0 < len(item["summary"]) <= 200 for item in gold["timeline"])
