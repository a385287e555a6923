"""What the story page shows, computed from Timeline JSON (design.md) without HTML."""

from __future__ import annotations

from typing import Any

import pytest

from storyline.web.templates import is_safe_url, sparkline_points
from storyline.web.views import coverage_by_day, entry_statuses, source_badges, story_view


@pytest.mark.parametrize(
    ("sources", "labels"),
    [
        (
            [{"outlet": "Reuters", "type": "anonymous_group", "count": 4, "text": "four sources"}],
            ["4 anonymous"],
        ),
        (
            [
                {
                    "outlet": "Reuters",
                    "type": "anonymous_group",
                    "count": 4,
                    "text": "four sources",
                },
                {"outlet": "AP", "type": "anonymous_person", "count": None, "text": "an official"},
            ],
            ["5 anonymous"],
        ),
        (
            # The same anonymous pool quoted again by a copy counts once, at its largest size.
            [
                {
                    "outlet": "Reuters",
                    "type": "anonymous_group",
                    "count": 4,
                    "text": "four sources",
                },
                {
                    "outlet": "Reuters",
                    "type": "anonymous_group",
                    "count": 3,
                    "text": "Four sources",
                },
            ],
            ["4 anonymous"],
        ),
        (
            [{"outlet": "AP", "type": "named_person", "count": 1, "text": "Trump"}],
            ["Trump (named)"],
        ),
        (
            [{"outlet": "AP", "type": "press_report", "count": None, "text": "Miami Herald"}],
            ["Miami Herald (report)"],
        ),
        (
            [
                {"outlet": "AP", "type": "named_person", "text": "Trump"},
                {"outlet": "CNN", "type": "named_person", "text": "trump"},
            ],
            ["Trump (named)"],
        ),
        ([{"outlet": "AP", "type": "reporter", "text": "AP"}], ["AP (own reporting)"]),
        ([{"outlet": None, "type": "reporter", "text": None}], ["own reporting"]),
        ([], []),
    ],
)
def test_source_badges_read_like_a_newsroom(
    sources: list[dict[str, Any]], labels: list[str]
) -> None:
    assert [b.label for b in source_badges(sources)] == labels


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ({"status": "confirmed", "date": "2025-11-21"}, ["confirmed"]),
        ({"status": "denied"}, ["denied"]),
        ({}, ["reported"]),
        (
            {"status": "reported", "date": "2025-11-28", "deadline": True},
            ["reported", "deadline expired"],
        ),
        (
            {"status": "reported", "date": "2099-01-01", "deadline": True},
            ["reported", "deadline upcoming"],
        ),
    ],
)
def test_entry_statuses_add_deadline_state(entry: dict[str, Any], expected: list[str]) -> None:
    assert entry_statuses(entry, today="2025-12-02") == expected


TIMELINE = {
    "story": {"id": 1, "title": "Trump and Maduro"},
    "entries": [
        {
            "date": "2025-11-21",
            "precision": "day",
            "summary": "Trump and Maduro spoke by phone",
            "mentions": [{"article": "a1", "sentence": "The call, on Nov 21, ..."}],
            "sources": [
                {
                    "outlet": "Reuters",
                    "type": "anonymous_group",
                    "count": 4,
                    "text": "four sources",
                },
                {"outlet": "Miami Herald", "type": "named_person", "count": 1, "text": "Trump"},
            ],
            "independent_sources": 2,
            "first_reported": {
                "article": "a1",
                "outlet": "Miami Herald",
                "published": "2025-11-28",
            },
            "status": "confirmed",
            "deadline": False,
        },
        {
            "date": "2025-11-28",
            "precision": "day",
            "summary": "Safe passage expired",
            "mentions": [],
            "sources": [{"outlet": "Reuters", "type": "press_report", "text": "Reuters"}],
            "independent_sources": 1,
            "first_reported": None,
            "status": "reported",
            "deadline": True,
        },
    ],
}


def test_story_view_collects_filter_options() -> None:
    view = story_view(TIMELINE["story"], TIMELINE, today="2025-12-02")
    assert [e.status for e in view.entries] == ["confirmed", "reported"]
    assert view.actors == ["Trump"]
    assert view.source_types == ["anonymous_group", "named_person", "press_report"]
    assert view.statuses == ["reported", "confirmed", "deadline expired"]
    assert view.entries[1].statuses == ["reported", "deadline expired"]


def test_coverage_by_day_fills_gaps_with_zero() -> None:
    days = coverage_by_day(["2025-11-28", "2025-11-28T10:00", "2025-12-01", None, "bad"])
    assert days == [("2025-11-28", 2), ("2025-11-29", 0), ("2025-11-30", 0), ("2025-12-01", 1)]


@pytest.mark.parametrize(("counts", "n_points"), [([1, 3, 0, 2], 4), ([5], 2), ([], 0)])
def test_sparkline_points_one_per_day(counts: list[int], n_points: int) -> None:
    points = sparkline_points(counts)
    assert len(points.split()) == n_points
    for p in points.split():
        x, y = (float(v) for v in p.split(","))
        assert 0 <= x <= 120 and 0 <= y <= 24


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://example.com/a", True),
        ("http://example.com", True),
        ("javascript:alert(1)", False),
        (" JavaScript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("//evil.example/x", False),
        (None, False),
    ],
)
def test_is_safe_url_links_only_http(url: object, safe: bool) -> None:
    assert is_safe_url(url) is safe


def test_group_mentions_folds_copies_and_caps_links() -> None:
    from storyline.web.views import MAX_LINKS, MAX_SENTENCES, group_mentions

    same = [{"article": f"copy{i}", "sentence": "The call was on Nov 21."} for i in range(10)]
    other = [{"article": f"o{i}", "sentence": f"Sentence number {i}."} for i in range(10)]
    groups = group_mentions(same + other, {"copy0": {"outlet": "Reuters"}})
    assert len(groups) == MAX_SENTENCES
    assert groups[0].sentence == "The call was on Nov 21."
    assert len(groups[0].articles) == MAX_LINKS and groups[0].more == 10 - MAX_LINKS
    assert groups[0].articles[0]["outlet"] == "Reuters"
