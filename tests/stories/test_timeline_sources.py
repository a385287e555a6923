"""Independent sources in the timeline: copies of one wire story count once even when dedup
did not match their texts (they credit the same wire), a rewrite that changed a fact stays its
own account, and the first report is the earliest copy of a text stored under several ids."""

import pytest

from storyline.stories.timeline import TimelineArticle, assign_sources, build_timeline

pytestmark = pytest.mark.issue(5)

CALL = "The two leaders spoke by phone on Nov 21, officials said."
EXPIRED = "The safe passage expired on Nov 28, two of the sources said."


def call(make, key, outlet, *, wire=None, group=None, changed=(), published="2025-12-02"):
    analysis = make(
        CALL,
        published=published,
        outlet=outlet,
        dates={"Nov 21": "2025-11-21"},
        events=[
            {
                "at": "spoke",
                "summary": "The two leaders spoke by phone",
                "date": "Nov 21",
                "source": ("officials", "anonymous_group", "assert"),
            }
        ],
    )
    analysis.article.wire = wire
    return TimelineArticle(
        key=key,
        analysis=analysis,
        outlet=outlet,
        published=published,
        group=group,
        changed=list(changed),
    )


@pytest.mark.parametrize(
    ("wires", "independent"),
    [
        (("Reuters", "Reuters", "Reuters"), 1),  # three credited copies dedup did not match
        ((" reuters ", "REUTERS", "Reuters"), 1),  # the credit as written does not matter
        (("Reuters", "AFP", "Reuters"), 2),  # two wires are two sources
        # Counter-example: no credit, no folding (an outlet's own reporting counts).
        ((None, "Reuters", "Reuters"), 2),
        ((None, None, None), 3),
    ],
)
def test_build_timeline_counts_articles_crediting_one_wire_once(make, wires, independent):
    arts = [call(make, f"a{i}", f"Outlet {i}", wire=w) for i, w in enumerate(wires)]
    (entry,) = build_timeline(arts).entries
    assert entry.independent_sources == independent
    assert len(entry.mentions) == 3


def test_assign_sources_folds_a_whole_group_whose_copies_credit_the_wire(make):
    # The original lost its credit (a truncated copy); its copy carries it: the group is the
    # wire's, and a credited article outside the group counts with it.
    arts = [
        call(make, "orig", "Daily Brief", published="2025-12-01"),
        call(make, "copy", "Site", wire="Reuters", group="orig"),
        call(make, "roundtrip", "Pacific", wire="Reuters"),
    ]
    assign_sources(arts)
    assert {a.source for a in arts} == {"wire:reuters"}
    (entry,) = build_timeline(arts).entries
    assert entry.independent_sources == 1
    # Credited to the outlet that carried it first.
    assert [s["outlet"] for s in entry.sources] == ["Daily Brief"]


def test_build_timeline_a_rewrite_crediting_the_wire_stays_apart_and_contested(make):
    def expired(key, outlet, day, *, changed=(), copy_of=None):
        analysis = make(
            EXPIRED.replace("Nov 28", f"Nov {day}"),
            published="2025-12-02",
            outlet=outlet,
            dates={f"Nov {day}": f"2025-11-{day}"},
            events=[
                {
                    "at": "expired",
                    "summary": "Safe passage expired",
                    "date": f"Nov {day}",
                    "source": ("two of the sources", "anonymous_group", "assert"),
                }
            ],
        )
        analysis.article.wire = "Reuters"
        return TimelineArticle(
            key=key,
            analysis=analysis,
            outlet=outlet,
            published="2025-12-02",
            changed=list(changed),
            copy_of=copy_of,
        )

    arts = [
        expired("wire", "ST", 28),
        expired("other", "Other", 28),
        expired("rewrite", "Rewrite", 24, changed=[("date", "nov 24")], copy_of="wire"),
    ]
    (entry,) = build_timeline(arts).entries
    assert entry.status == "contested"
    assert entry.date == "2025-11-28"
    # The two credited copies are one source; the rewrite's changed account is another.
    assert entry.independent_sources == 2
    assert {c["date"]: c["independent_sources"] for c in entry.conflicts} == {
        "2025-11-24": 1,
        "2025-11-28": 1,
    }


def test_build_timeline_first_report_is_the_earliest_copy_of_a_text(make):
    late = call(make, "page", "Gulf Ledger", published="2025-12-03")
    # The same text was also ingested under another id, published two days earlier.
    late.earliest = ("record", "Straits Times", "2025-12-01")
    other = call(make, "other", "Herald", published="2025-12-02")
    (entry,) = build_timeline([other, late]).entries
    assert entry.first_reported == {
        "article": "record",
        "outlet": "Straits Times",
        "published": "2025-12-01",
    }
    assert [m["article"] for m in entry.mentions] == ["page", "other"]
