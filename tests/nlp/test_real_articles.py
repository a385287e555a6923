"""Entities, money and events on five real articles from ../shared/data, with facts checked by
hand against the article text (ReCOVery: Reuters, ABC News, Politico; article-extraction
benchmark: Al Jazeera and AP pages as HTML)."""

from __future__ import annotations

import csv
import gzip
import sys
from pathlib import Path

import pytest

from storyline import analyze
from storyline.model import Analysis, Entity

pytestmark = pytest.mark.shared_data

_CACHE: dict[str, Analysis] = {}


def _recovery(shared: Path, csv_name: str, row: int) -> Analysis:
    key = f"{csv_name}:{row}"
    if key not in _CACHE:
        csv.field_size_limit(sys.maxsize)
        path = shared / "recovery-covid19-news" / "reliable" / csv_name
        with path.open(encoding="utf-8") as fh:
            rec = list(csv.DictReader(fh))[row]
        _CACHE[key] = analyze(rec["body_text"], published=rec["publish_date"], url=rec["url"])
    return _CACHE[key]


def _benchmark(shared: Path, prefix: str) -> Analysis:
    if prefix not in _CACHE:
        folder = shared / "article-extraction-benchmark" / "html"
        (path,) = folder.glob(f"{prefix}*.html.gz")
        html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
        _CACHE[prefix] = analyze(html)
    return _CACHE[prefix]


def _person(a: Analysis, name: str) -> Entity:
    found = [e for e in a.entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type) for e in a.entities]
    return found[0]


def _mentions(e: Entity) -> set[str]:
    return {m.text for m in e.mentions}


@pytest.fixture
def reuters_who(shared_data):
    # "Trump threatens to halt WHO funding, review U.S. membership", Reuters, 2020-05-19.
    return _recovery(shared_data, "news-dataset-reuters.csv", 0)


@pytest.fixture
def abc_mis_c(shared_data):
    # ABC News on the child inflammatory illness (MIS-C), May 2020.
    return _recovery(shared_data, "news-dataset_abc_news.csv", 1)


@pytest.fixture
def politico_hcq(shared_data):
    # Politico on the chloroquine study, May 2020.
    return _recovery(shared_data, "news-dataset-politico.csv", 0)


@pytest.fixture
def aljazeera_crash(shared_data):
    # Al Jazeera, "US service members killed in Afghanistan helicopter crash", 2019-11-20.
    return _benchmark(shared_data, "7916ecca969ffdd8")


@pytest.fixture
def ap_sondland(shared_data):
    # AP, "Unpredictable Sondland faces questions about Trump, Ukraine", 2019-11-20.
    return _benchmark(shared_data, "82b6d780c792df78")


def test_reuters_who_entities(reuters_who):
    trump = _person(reuters_who, "Donald Trump")
    assert trump.type == "PERSON" and "Trump" in _mentions(trump)
    who = _person(reuters_who, "World Health Organization")
    assert who.type == "ORG" and "WHO" in _mentions(who)
    assert "Zhao" in _mentions(_person(reuters_who, "Zhao Lijian"))


@pytest.mark.parametrize("amount", [400_000_000, 58_000_000])
def test_reuters_who_money(reuters_who, amount):
    assert any(m.amount == amount and m.currency == "USD" for m in reuters_who.money)


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2020-04", ["Trump suspended", "contributions to the WHO"]),  # "last month"
        ("2019", ["coronavirus emerged in China"]),  # "late last year"
    ],
)
def test_reuters_who_events(reuters_who, value, words):
    dated = [e.summary for e in reuters_who.events if e.date and e.date.value == value]
    assert any(all(w in s for w in words) for s in dated), dated


def test_abc_people_and_titles(abc_mis_c):
    fauci = _person(abc_mis_c, "Anthony Fauci")
    assert {"Dr. Anthony Fauci", "Fauci"} <= _mentions(fauci)
    assert "Gidengil" in _mentions(_person(abc_mis_c, "Courtney Gidengil"))
    assert "Education Commissioner" in _person(abc_mis_c, "Miquel Cardona").titles


def test_abc_events(abc_mis_c):
    summaries = [e.summary for e in abc_mis_c.events]
    assert "Three children have died with the syndrome in New York" in summaries


def test_politico_events(politico_hcq):
    fda = _person(politico_hcq, "FDA")
    issued = [e for e in politico_hcq.events if e.trigger == "issue"]
    assert issued and "emergency authorization" in issued[0].summary
    assert fda.id in issued[0].actors


def test_aljazeera_people(aljazeera_crash):
    assert "General" in _person(aljazeera_crash, "Mark Milley").titles
    mujahid = _person(aljazeera_crash, "Zabihullah Mujahid")
    assert any("spokesman" in t for t in mujahid.titles)


def test_aljazeera_events(aljazeera_crash):
    first = aljazeera_crash.events[0]
    assert "service members have been killed in a helicopter crash" in first.summary
    # "..., the US military said in a statement": the event is backed by that attribution.
    assert first.attributions
    assert any("helicopter shot down" in e.summary for e in aljazeera_crash.events)


def test_ap_sondland_entities(ap_sondland):
    sondland = _person(ap_sondland, "Gordon Sondland")
    assert "Sondland" in _mentions(sondland) and "Ambassador" in sondland.titles
    assert "Giuliani" in _mentions(_person(ap_sondland, "Rudy Giuliani"))


def test_ap_sondland_events(ap_sondland):
    sept = [e.summary for e in ap_sondland.events if e.date and e.date.value == "2019-09"]
    assert any("Morrison witnessed" in s for s in sept), sept
    bragged = [e.summary for e in ap_sondland.events if "bragged" in e.summary]
    assert bragged == ["Sondland bragged about his proximity to Trump"]
