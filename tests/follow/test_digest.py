"""digest.diff_timeline: what counts as new for a follow, and that item keys are stable."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from storyline.follow.digest import (
    ArticleRef,
    DigestItem,
    SeenEntry,
    diff_timeline,
    item_key,
)

TODAY = dt.date(2025, 12, 2)


def entry(
    date: str | None,
    summary: str,
    mentions: list[tuple[str, int]],
    sources: list[tuple[str, str, str]] = (),  # type: ignore[assignment]
    *,
    status: str = "reported",
    independent: int | None = None,
    deadline: bool = False,
) -> dict[str, Any]:
    """A Timeline JSON entry (design.md)."""
    srcs = [{"outlet": o, "type": t, "count": None, "text": x} for o, t, x in sources]
    return {
        "date": date,
        "precision": "day" if date and len(date) == 10 else ("month" if date else None),
        "summary": summary,
        "mentions": [{"article": a, "sentence": s} for a, s in mentions],
        "sources": srcs,
        "independent_sources": len({s["outlet"] for s in srcs})
        if independent is None
        else independent,
        "first_reported": {"article": mentions[0][0], "outlet": None, "published": None},
        "status": status,
        "deadline": deadline,
    }


CALL = entry(
    "2025-11-21",
    "Trump rejected Maduro's requests on a call",
    [("reuters-1", 3)],
    [("Reuters", "anonymous_group", "four sources briefed on the call")],
)
DEADLINE = entry(
    "2025-11-28",
    "Safe passage for Maduro expired",
    [("reuters-1", 9)],
    [("Reuters", "anonymous_group", "two of the sources")],
    deadline=True,
)
CONFIRM = entry(
    "2025-11-30",
    "Trump confirmed he spoke with Maduro",
    [("reuters-1", 12)],
    [("Reuters", "named_person", "Mr Trump")],
)


def timeline(*entries: dict[str, Any]) -> dict[str, Any]:
    return {"story": {"id": 1, "title": "Venezuela"}, "entries": list(entries)}


def run(tl: dict[str, Any], seen: list[SeenEntry] = (), **kw: Any):  # type: ignore[assignment]
    kw.setdefault("today", TODAY)
    return diff_timeline(7, tl, list(seen), **kw)


def kinds(items: list[DigestItem]) -> list[tuple[str, str]]:
    return [(it.kind, it.summary) for it in items]


@pytest.mark.parametrize("entries", [(CALL,), (CALL, CONFIRM), (CALL, DEADLINE, CONFIRM)])
def test_diff_first_run_reports_every_entry(entries):
    diff = run(timeline(*entries))
    assert [s for k, s in kinds(diff.items) if k == "new_entry"] == [e["summary"] for e in entries]
    assert len(diff.seen) == len(entries)


@pytest.mark.parametrize("entries", [(CALL,), (CALL, DEADLINE, CONFIRM)])
def test_diff_second_run_on_same_timeline_is_empty(entries):
    first = run(timeline(*entries), today=dt.date(2026, 6, 1))
    second = run(timeline(*entries), first.seen, today=dt.date(2026, 6, 1))
    assert second.items == []


@pytest.mark.parametrize("seed", [0, 1])
def test_diff_item_keys_are_deterministic(seed):
    tl = timeline(CALL, DEADLINE, CONFIRM)
    a = run(tl)
    b = run(copy.deepcopy(tl))
    assert [it.key for it in a.items] == [it.key for it in b.items]
    assert all(it.key.startswith("7:") for it in a.items)
    assert item_key(7, a.items[0].entry_key, "new_entry") == a.items[0].key


@pytest.mark.parametrize("new", [CONFIRM])
def test_diff_reports_only_the_new_entry(new):
    first = run(timeline(CALL))
    second = run(timeline(CALL, new), first.seen)
    assert kinds(second.items) == [("new_entry", new["summary"])]


@pytest.mark.parametrize(
    "outlet, text",
    [("AP", "a person familiar with the matter"), ("Miami Herald", "The Miami Herald")],
)
def test_diff_reports_new_independent_claim_on_known_entry(outlet, text):
    first = run(timeline(CALL))
    grown = copy.deepcopy(CALL)
    grown["mentions"].append({"article": "ap-2", "sentence": 1})
    grown["sources"].append({"outlet": outlet, "type": "press_report", "count": None, "text": text})
    grown["independent_sources"] = 2
    second = run(
        timeline(grown),
        first.seen,
        articles={"ap-2": ArticleRef(id="ap-2", title="AP story", outlet=outlet)},
    )
    assert kinds(second.items) == [("new_claim", CALL["summary"])]
    item = second.items[0]
    assert [s["text"] for s in item.sources] == [text]
    assert [a["id"] for a in item.articles] == ["ap-2"]
    assert item.entry_key == first.items[0].entry_key


@pytest.mark.parametrize("copy_outlet", ["The Straits Times", "Yahoo News"])
def test_diff_syndicated_copy_is_not_news(copy_outlet):
    """A wire copy on another site repeats the same claim and adds no independent source."""
    first = run(timeline(CALL))
    copied = copy.deepcopy(CALL)
    copied["mentions"].append({"article": "st-copy", "sentence": 3})
    copied["sources"].append(
        {
            "outlet": copy_outlet,
            "type": "anonymous_group",
            "count": None,
            "text": "four sources briefed on the call",
        }
    )
    copied["independent_sources"] = 1
    second = run(timeline(copied), first.seen)
    assert second.items == []


@pytest.mark.parametrize("old, new", [("reported", "confirmed"), ("reported", "denied")])
def test_diff_reports_status_change_once(old, new):
    first = run(timeline({**CALL, "status": old}))
    changed = {**CALL, "status": new}
    second = run(timeline(changed), first.seen)
    assert [(it.kind, it.previous_status, it.status) for it in second.items] == [
        ("status", old, new)
    ]
    third = run(timeline(changed), second.seen)
    assert third.items == []


@pytest.mark.parametrize(
    "today, kind",
    [
        (dt.date(2025, 11, 25), "deadline_upcoming"),
        (dt.date(2025, 11, 28), "deadline_upcoming"),
        (dt.date(2025, 12, 2), "deadline_expired"),
        (dt.date(2026, 3, 1), None),  # long past: not "just" expired
    ],
)
def test_diff_deadline_upcoming_or_just_expired(today, kind):
    diff = run(timeline(DEADLINE), today=today)
    deadline_kinds = [it.kind for it in diff.items if it.kind.startswith("deadline")]
    assert deadline_kinds == ([kind] if kind else [])


@pytest.mark.parametrize("first_day, second_day", [(dt.date(2025, 11, 25), dt.date(2025, 12, 2))])
def test_diff_deadline_upcoming_then_expired_are_two_items(first_day, second_day):
    first = run(timeline(DEADLINE), today=first_day)
    second = run(timeline(DEADLINE), first.seen, today=second_day)
    assert [it.kind for it in second.items] == ["deadline_expired"]
    assert second.items[0].key != first.items[-1].key


@pytest.mark.parametrize("summary_change", ["Trump turned down Maduro's requests on the call"])
def test_diff_entry_matched_by_mentions_when_summary_changes(summary_change):
    first = run(timeline(CALL))
    reworded = {**CALL, "summary": summary_change}
    second = run(timeline(reworded), first.seen)
    assert second.items == []
    assert second.seen[0].summary == summary_change


@pytest.mark.parametrize("sentence", [40])
def test_diff_entry_matched_by_date_and_summary_when_mentions_change(sentence):
    first = run(timeline(CALL))
    moved = copy.deepcopy(CALL)
    moved["mentions"] = [{"article": "reuters-1", "sentence": sentence}]
    second = run(timeline(moved), first.seen)
    assert second.items == []


def test_diff_split_of_known_entry_is_not_reported():
    both = entry(
        "2025-11-21",
        "Call and requests",
        [("reuters-1", 3), ("reuters-1", 4)],
        [("Reuters", "anonymous_group", "four sources")],
    )
    first = run(timeline(both))
    part_a = entry(
        "2025-11-21", "Call", [("reuters-1", 3)], [("Reuters", "anonymous_group", "four sources")]
    )
    part_b = entry(
        "2025-11-21",
        "Requests",
        [("reuters-1", 4)],
        [("Reuters", "anonymous_group", "four sources")],
    )
    second = run(timeline(part_a, part_b), first.seen)
    assert second.items == []


@pytest.mark.parametrize(
    "published, reported",
    [("2025-11-30", False), ("2025-12-01", True), (None, True)],
)
def test_diff_since_absorbs_old_news(published, reported):
    articles = {"reuters-1": ArticleRef(id="reuters-1", published=published)}
    diff = run(timeline(CALL), articles=articles, since=dt.date(2025, 12, 1))
    assert bool([it for it in diff.items if it.kind == "new_entry"]) is reported
    assert len(diff.seen) == 1  # remembered either way


def test_diff_articles_folded_by_syndication():
    shared = entry(
        "2025-11-21",
        "The call",
        [("reuters-1", 3), ("st-copy", 3), ("yahoo-copy", 2)],
        [("Reuters", "anonymous_group", "four sources")],
    )
    articles = {
        "reuters-1": ArticleRef(id="reuters-1", outlet="Reuters", published="2025-12-01"),
        "st-copy": ArticleRef(
            id="st-copy", outlet="The Straits Times", published="2025-12-02", copy_of="reuters-1"
        ),
        "yahoo-copy": ArticleRef(
            id="yahoo-copy", outlet="Yahoo News", published="2025-12-02", copy_of="reuters-1"
        ),
    }
    diff = run(timeline(shared), articles=articles)
    (item,) = diff.items
    assert [a["id"] for a in item.articles] == ["reuters-1"]
    assert item.articles[0]["copies"] == ["The Straits Times", "Yahoo News"]


@pytest.mark.parametrize("entries", [(CALL, DEADLINE, CONFIRM)])
def test_diff_round_trips_through_dicts(entries):
    diff = run(timeline(*entries))
    assert [DigestItem.from_dict(it.to_dict()) for it in diff.items] == diff.items
    assert [SeenEntry.from_dict(s.to_dict()) for s in diff.seen] == diff.seen


@pytest.mark.parametrize("order", [(0, 1), (1, 0)])
def test_diff_two_events_in_one_sentence_stay_apart(order):
    """Two entries can name the same mention (one sentence, two dated events); each must be
    matched with itself, whatever order the timeline lists them in."""
    told = entry(
        "2025-11-21",
        "Trump told Maduro he had a week to leave",
        [("reuters-1", 9)],
        [("Reuters", "named_person", "Mr Trump")],
    )
    expired = entry(
        "2025-11-28", "Safe passage expired", [("reuters-1", 9)],
        [("Reuters", "anonymous_group", "two of the sources")],
    )  # fmt: skip
    first = run(timeline(told, expired))
    pair = [told, expired]
    second = run(timeline(pair[order[0]], pair[order[1]]), list(reversed(first.seen)))
    assert second.items == []


@pytest.mark.parametrize("moved", [("reuters-1", 12)])
def test_diff_credits_only_articles_with_unseen_mentions(moved):
    """Re-clustering can move a known mention into another entry; the digest then credits only
    the new article, not the old one whose mention moved (it is old news)."""
    first = run(timeline(CALL, CONFIRM))
    # Day 2: CONFIRM's mention joins CALL's entry together with a new AP report.
    grown = copy.deepcopy(CALL)
    grown["mentions"] += [
        {"article": moved[0], "sentence": moved[1]},
        {"article": "ap-2", "sentence": 1},
    ]
    grown["sources"].append(
        {"outlet": "AP", "type": "anonymous_person", "count": 1, "text": "an official"}
    )
    grown["independent_sources"] = 2
    regrouped = entry("2025-12-02", "Maduro's aides met", [moved, ("ap-2", 4)])
    second = run(timeline(grown, regrouped), first.seen)
    credited = {a["id"] for it in second.items for a in it.articles}
    assert credited == {"ap-2"}, [(it.kind, it.articles) for it in second.items]
