import pytest

from storyline.stories.dedup import (
    DedupIndex,
    best_verdict,
    compare,
    dedup_features,
    estimated_overlap,
    is_candidate,
    similarity,
)

WIRE = (
    "WASHINGTON - The safe passage expired on Nov 28, prompting the president to close the "
    "airspace on Nov 29, two of the sources said. The call lasted less than 15 minutes, "
    "according to four sources briefed on the call. The White House declined to comment. "
    "The government has always denied all criminal accusations against its officials."
)


@pytest.fixture
def feats(make):
    def build(key, text, **kw):
        return dedup_features(key, make(text, **kw))

    return build


@pytest.mark.parametrize(
    ("later", "kind"),
    [
        # Verbatim with other furniture around it: a copy.
        ("Menu | World\n\n" + WIRE + "\n\nShare this article", "copy"),
        # Same words, other case and spacing: the same text.
        (WIRE.upper().replace(" ", "  "), "exact"),
        # Trimmed to its first half: still a copy (containment).
        (WIRE[: WIRE.index("The White House")], "copy"),
    ],
)
def test_compare_groups_copies(later, kind, feats):
    verdict = compare(feats("a", WIRE), feats("b", later))
    assert verdict is not None
    assert verdict.kind == kind


@pytest.mark.parametrize(
    ("before", "after", "dates", "kind"),
    [
        # With resolved timexes the change is a date...
        ("Nov 28", "Nov 27", ({"Nov 28": "2025-11-28"}, {"Nov 27": "2025-11-27"}), "date"),
        # ...without them (an analysis without the timex step) at least a number.
        ("Nov 28", "Nov 27", ({}, {}), "number"),
        ("four sources", "five sources", ({}, {}), "number"),
    ],
)
def test_compare_flags_a_changed_fact(before, after, dates, kind, feats):
    a = feats("a", WIRE, dates=dates[0])
    verdict = compare(a, feats("b", WIRE.replace(before, after), dates=dates[1]))
    assert verdict is not None and verdict.kind == "rewrite"
    assert [c.kind for c in verdict.changed] == [kind]


def test_compare_weekday_copy_with_same_resolved_date_is_a_copy(feats):
    # "on Friday" resolved against the copy's own publication date is the same day as "Nov 28".
    copy = WIRE.replace("on Nov 28", "on Friday")
    a = feats("a", WIRE, dates={"Nov 28": "2025-11-28", "Nov 29": "2025-11-29"})
    b = feats("b", copy, dates={"Friday": "2025-11-28", "Nov 29": "2025-11-29"})
    verdict = compare(a, b)
    assert verdict is not None and verdict.kind == "copy"


def test_compare_weekday_copy_resolving_to_another_day_is_a_rewrite(feats):
    copy = WIRE.replace("on Nov 28", "on Friday")
    a = feats("a", WIRE, dates={"Nov 28": "2025-11-28"})
    b = feats("b", copy, dates={"Friday": "2025-12-05"})
    verdict = compare(a, b)
    assert verdict is not None and verdict.kind == "rewrite"


@pytest.mark.parametrize(
    "other",
    [
        # The same event reported independently shares words, not text.
        "Two sources said the president closed the airspace after the deadline for safe "
        "passage ran out; the White House would not comment on the short call.",
        "Unrelated text about a football match that ended in a draw on Saturday night.",
    ],
)
def test_compare_keeps_independent_reports_apart(other, feats):
    assert compare(feats("a", WIRE), feats("b", other)) is None


def test_compare_same_outlet_template_is_not_a_copy(feats):
    furniture = (
        " About the author: the Health Ranger is a best selling author, an environmental "
        "scientist and a multiple award winner, and he founded the site in 2012 to report "
        "on natural health, food science and much else besides, every day of the week."
    )
    one = "Cloth masks were tested on three hundred nurses in a hospital study last spring. " * 2
    two = "A vaccine trial enrolled volunteers in two cities and reported early results. " * 2
    a = feats("a", one + furniture, outlet="Site", title="Masks and germs")
    b = feats("b", two + furniture, outlet="Site", title="Vaccine trial news")
    assert compare(a, b) is None
    # The counter-example: other outlets, or the same headline, are judged on the text alone.
    c = feats("c", two + furniture, outlet="Other", title="Vaccine trial news")
    assert compare(a, c) is not None


def test_index_finds_the_original_among_many(feats):
    index = DedupIndex()
    for i in range(20):
        index.add(feats(f"x{i}", f"Unrelated article number {i} about topic {i * 7} " * 5))
    index.add(feats("orig", WIRE, published="2025-12-01"))
    verdict = index.add(feats("copy", "Furniture\n" + WIRE, published="2025-12-02"))
    assert verdict is not None and verdict.other == "orig" and verdict.kind == "copy"


def _long_page(lead: str, n: int = 12) -> str:
    # The copied story first, then paragraphs of other material that share no 5-word run.
    extra = " ".join(
        f"Item {i}: the council of district {i * 13} met {i + 2} times and spent {i * 977} "
        f"dollars on road number {i * 31}, officer {i * 7} told residents."
        for i in range(n * 4)
    )
    return lead + "\n\n" + extra


@pytest.mark.parametrize(
    ("short", "long", "candidate"),
    [
        # A teaser carrying a long story's first paragraphs: Jaccard ~0.1, containment ~1.
        (WIRE, _long_page(WIRE), True),
        # A near-copy: both estimates high.
        (WIRE, "Menu\n\n" + WIRE, True),
        # The counter-example: a long page that merely shares its subject.
        (
            "Two sources said the president closed the airspace after the deadline for safe "
            "passage ran out; the White House would not comment on the short call.",
            _long_page("An unrelated lead paragraph about a county budget vote on Monday."),
            False,
        ),
    ],
)
def test_is_candidate_estimates_containment_from_signatures(short, long, candidate, feats):
    a, b = feats("a", short), feats("b", long)
    assert is_candidate(a.minhash.hashvalues, b.minhash.hashvalues) is candidate


def test_estimated_overlap_tracks_the_exact_figures(feats):
    a, b = feats("a", WIRE), feats("b", _long_page(WIRE))
    jac, cont = similarity(a, b)
    est_jac, est_cont = estimated_overlap(a.minhash.hashvalues, b.minhash.hashvalues)
    assert jac < 0.3 and cont > 0.9
    assert abs(est_jac - jac) < 0.1 and est_cont > 0.6


def test_best_verdict_a_truncated_copy_does_not_vouch_for_a_changed_fact(feats):
    # The truncated copy lacks the sentence the article changed; the full copies have it.
    trunc = feats("trunc", WIRE[WIRE.index("The call lasted") :], published="2025-12-01")
    full = [feats(f"full{i}", "Menu\n\n" + WIRE, published="2025-12-02") for i in range(2)]
    changed = feats("new", WIRE.replace("Nov 28", "Nov 24"), published="2025-12-02")
    verdict = best_verdict(changed, [trunc, *full])
    assert verdict is not None and verdict.kind == "rewrite"
    assert verdict.other in {"full0", "full1"}


def test_best_verdict_a_faithful_copy_stays_a_copy_beside_a_rewrite(feats):
    # The counter-example: a full copy agreeing with the article outvotes the rewrite.
    trunc = feats("trunc", WIRE[WIRE.index("The call lasted") :], published="2025-12-01")
    full = feats("full", "Menu\n\n" + WIRE, published="2025-12-02")
    rewrite = feats("rewrite", WIRE.replace("Nov 28", "Nov 24"), published="2025-12-02")
    faithful = feats("new", WIRE + "\n\nShare this article", published="2025-12-03")
    verdict = best_verdict(faithful, [trunc, full, rewrite])
    assert verdict is not None and verdict.kind == "copy"
