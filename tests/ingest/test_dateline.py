"""Datelines (storyline.ingest.dateline, data: dateline_months.tsv, dateline_not_places.txt)."""

from __future__ import annotations

import pytest

from storyline.ingest.dateline import find_dateline


@pytest.mark.parametrize(
    ("paragraph", "place", "month", "day", "year", "wire"),
    [
        (
            "WASHINGTON - Venezuela's President Nicolas Maduro is running out",
            "Washington",
            None,
            None,
            None,
            None,
        ),
        (
            "WASHINGTON (Reuters) - The U.S. Senate on Monday voted",
            "Washington",
            None,
            None,
            None,
            "Reuters",
        ),
        ("LONDON, Dec 1 (Reuters) - British house prices rose", "London", 12, 1, None, "Reuters"),
        ("NEW YORK (AP) — Stocks fell on Wall Street", "New York", None, None, None, "AP"),
        (
            "SAN JUAN, Puerto Rico (AP) — A powerful storm",
            "San Juan, Puerto Rico",
            None,
            None,
            None,
            "AP",
        ),
        ("Dec 1 (Reuters) - Oil prices rose on Monday", None, 12, 1, None, "Reuters"),
        ("Washington, Dec. 1, 2025 (AP) -- The Senate voted", "Washington", 12, 1, 2025, "AP"),
        ("PARIS (AFP) - France's president said", "Paris", None, None, None, "AFP"),
        ("BEIJING: China's exports grew", "Beijing", None, None, None, None),
        ("ST. LOUIS (AP) — A jury found", "St. Louis", None, None, None, "AP"),
        ("WINSTON-SALEM, N.C. (AP) — Police said", "Winston-Salem, N.C.", None, None, None, "AP"),
        ("KYIV, Ukraine — Russian drones struck", "Kyiv, Ukraine", None, None, None, None),
    ],
)
def test_find_dateline_recognises_wire_and_house_styles(paragraph, place, month, day, year, wire):
    found = find_dateline(paragraph)
    assert found is not None
    assert (found.place, found.month, found.day, found.year, found.wire_text) == (
        place,
        month,
        day,
        year,
        wire,
    )
    assert paragraph[: found.end].rstrip().endswith(("-", "—", ":", "--"))


@pytest.mark.parametrize(
    "paragraph",
    [
        # Counter-examples: labels, ordinary sentences and title-case words with a dash.
        "BREAKING: Markets tumble as rates rise",
        "UPDATE - the story has been corrected",
        "Officials - who spoke on condition of anonymity - said",
        "The call, on Nov 21, came after months of pressure.",
        "Venezuela's President Nicolas Maduro says the US is seeking regime change.",
        "Mr Trump rejected most of his requests on the call",
        "A - the first letter",
    ],
)
def test_find_dateline_ignores_sentences_and_labels(paragraph):
    assert find_dateline(paragraph) is None


def test_find_dateline_cnn_style_without_separator():
    found = find_dateline("Hong Kong (CNN Business)A muddled view of US-China trade talks")
    assert found is not None
    assert (found.place, found.wire_text) == ("Hong Kong", "CNN Business")


def test_find_dateline_standing_alone_as_a_paragraph():
    found = find_dateline("WASHINGTON \u2014")
    assert found is not None and found.place == "Washington"


@pytest.mark.parametrize(
    "paragraph",
    [
        "TRIBUNNEWS.COM - Jawaban soal menurutmu",
        "TOSS: India won the toss and chose to bat",
        "MORE: Police release new details",
    ],
)
def test_find_dateline_sites_and_labels_are_no_places(paragraph):
    assert find_dateline(paragraph) is None
