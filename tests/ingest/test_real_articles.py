"""Five real articles from ../shared/data through load_article, with facts checked by hand
(issue 2 acceptance): three HTML pages from article-extraction-benchmark (AP, Reuters, CTV
carrying AP copy) and two scraped texts from ReCOVery (Reuters, NPR)."""

from __future__ import annotations

import csv
import gzip
import json

import pytest

from storyline.ingest import load_article

pytestmark = pytest.mark.shared_data

AEB = {
    # id: (title, outlet, published, dateline, wire, first words, last words); the URL is the
    # benchmark's own (ground-truth.json).
    "82b6d780c792df78dcfb00484d50c86fbc7f324a9eb5835b7615f028edb9a574": (
        "Unpredictable Sondland faces questions about Trump, Ukraine",
        "AP",
        "2019-11-20",  # the day of Sondland's public hearing
        "Washington",
        "AP",
        "WASHINGTON (AP) — Ambassador Gordon Sondland, the most anticipated witness",
        "by money paid to his son.\u201d",
    ),
    "57d46c9d751e3fd3ffaf3ede7ac20cebd30eacb5ea78e1a6aa0a72059244e7ca": (
        "Oversupply angst drags oil lower, stocks drift near highs",
        "Reuters",
        "2019-11-19",  # "fell sharply on Tuesday": Nov 19, 2019 was a Tuesday
        "New York",
        "Reuters",
        "NEW YORK (Reuters) - Oil prices fell sharply on Tuesday on oversupply concerns",
        "lost 0.06% to $1,737.00 a tonne.",
    ),
    "b37be3535e1fb61e5a238b7fa1ead1ad98b651cb09f138efadac3d54a122fb21": (
        "Snooze cruise: Study sees future for hibernating astronauts",
        "CTV News",
        "2019-11-18",  # "The agency said Monday": Nov 18, 2019
        "Berlin",
        "AP",  # CTV runs AP copy: the byline is "The Associated Press"
        "BERLIN -- The European Space Agency says putting astronauts",
        "sleep through much of the 180-day cruise to Mars.",
    ),
}


@pytest.mark.parametrize("aeb_id", sorted(AEB))
def test_load_article_real_html_pages(shared_data, aeb_id):
    title, outlet, published, dateline, wire, first, last = AEB[aeb_id]
    root = shared_data / "article-extraction-benchmark"
    gold = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))[aeb_id]
    html = gzip.decompress((root / "html" / f"{aeb_id}.html.gz").read_bytes())
    art = load_article(html, url=gold["url"])
    assert (art.title, art.outlet, art.published, art.published_source) == (
        title,
        outlet,
        published,
        "html",
    )
    assert (art.dateline, art.wire, art.extractor) == (dateline, wire, "trafilatura")
    assert art.text.startswith(first)
    assert art.text.endswith(last)
    for furniture in ("___", "(Graphic:", "Advertisement", "Share this"):
        assert furniture not in art.text
    assert " ".join(gold["articleBody"].split()[:12]) in " ".join(art.text.split())


def _recovery_row(shared_data, name, news_id):
    csv.field_size_limit(10**9)
    path = shared_data / "recovery-covid19-news" / "reliable" / name
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["news_id"] == news_id:
                return row
    raise AssertionError(f"{name}: news_id {news_id} not found")


def test_load_article_real_reuters_text(shared_data):
    row = _recovery_row(shared_data, "news-dataset-reuters.csv", "1")
    art = load_article(row["body_text"], url=row["url"])
    assert (art.outlet, art.dateline, art.wire) == ("Reuters", "New York", "Reuters")
    # The URL has no date and the text no full date: no date, and a warning saying so.
    assert (art.published, art.published_source) == (None, None)
    assert art.warnings == [
        "no publication date found; relative dates are not resolved; pass --published YYYY-MM-DD"
    ]
    assert art.title is None  # the scraped body has no headline line
    assert art.text.startswith("NEW YORK (Reuters) - The phased reopening of U.S. business")
    assert "GRAPHIC:" not in art.text
    assert art.text.endswith("I\u2019m trusting in God.\u201d")
    # With the date the dataset gives, it is taken as given.
    dated = load_article(row["body_text"], url=row["url"], published=row["publish_date"])
    assert (dated.published, dated.published_source) == ("2020-05-19", "given")


def test_load_article_real_npr_text(shared_data):
    row = _recovery_row(shared_data, "news-dataset_npr.csv", "0")
    art = load_article(row["body_text"], url=row["url"])
    assert art.title == (
        "Obama, Malala, Jonas Brothers Send Off Class Of 2020 In Virtual Graduation"
    )
    assert (art.outlet, art.published, art.published_source) == ("NPR", "2020-05-17", "url")
    assert (art.dateline, art.wire) == (None, None)
    assert "Enlarge this image" not in art.text and "toggle caption" not in art.text
    assert art.text.startswith("Celebrities, activists, artists and students themselves")
    assert art.text.endswith("joined by students dancing in sync via video.")
