import csv
import io
import json

import pytest

from storyline.errors import InputError
from storyline.export import FORMATS, render

TIMELINE = {
    "story": {"id": 3, "title": "Bridge | closure", "articles": 2},
    "entries": [
        {
            "date": "2025-03-03",
            "precision": "day",
            "summary": "Work starts | on the bridge",
            "mentions": [{"article": "a", "sentence": "Work starts on March 3."}],
            "sources": [
                {"outlet": "Gazette", "type": "anonymous_group", "count": 4, "text": "four aides"},
                {"outlet": "Gazette", "type": "named_person", "count": None, "text": "the mayor"},
            ],
            "independent_sources": 2,
            "first_reported": {"article": "a", "outlet": "Gazette", "published": "2025-02-25"},
            "status": "confirmed",
            "deadline": True,
            "deadline_status": "expired",
        },
        {
            "date": None,
            "precision": None,
            "summary": "An undated claim",
            "mentions": [],
            "sources": [],
            "independent_sources": 1,
            "first_reported": {"article": "b", "outlet": None, "published": None},
            "status": "reported",
            "deadline": False,
        },
    ],
}


def test_render_json_round_trips():
    assert json.loads(render(TIMELINE, "json")) == TIMELINE


def test_render_md_escapes_pipes_and_labels_sources():
    out = render(TIMELINE, "md")
    assert out.startswith("# Bridge \\| closure")
    assert "Work starts \\| on the bridge" in out
    assert "4 anonymous (four aides)" in out and "the mayor (named_person)" in out
    assert "2025-03-03 (deadline, expired)" in out


@pytest.mark.parametrize(("n", "line"), [(1, "Story 3 · 1 article"), (2, "Story 3 · 2 articles")])
def test_render_md_counts_articles_in_words(n, line):
    story = TIMELINE["story"] | {"articles": n}
    assert line + "\n" in render(TIMELINE | {"story": story}, "md")


def test_render_csv_has_one_row_per_entry():
    rows = list(csv.DictReader(io.StringIO(render(TIMELINE, "csv"))))
    assert [r["date"] for r in rows] == ["2025-03-03", ""]
    assert rows[0]["independent_sources"] == "2" and rows[0]["deadline"] == "yes"


def test_render_timelinejs_skips_undated_entries():
    doc = json.loads(render(TIMELINE, "timelinejs"))
    assert [e["start_date"] for e in doc["events"]] == [{"year": "2025", "month": "3", "day": "3"}]
    assert doc["title"]["text"]["headline"] == "Bridge | closure"


@pytest.mark.parametrize("fmt", ["xml", ""])
def test_render_refuses_unknown_formats(fmt):
    with pytest.raises(InputError):
        render(TIMELINE, fmt)


@pytest.mark.parametrize("fmt", FORMATS)
def test_render_handles_an_empty_timeline(fmt):
    assert render({"story": {"id": None, "title": None}, "entries": []}, fmt)
