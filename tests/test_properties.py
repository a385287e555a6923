"""Properties of the WHOLE per-article step, ``storyline.analyze`` (extraction, sentences, timex,
entities, attribution, money, events), on generated input (style.md, "Property tests"):

* every span in the JSON points into the cleaned text: ``0 <= start < end <= len(text)`` and
  ``text[start:end] == span.text``; indexes and entity ids between sections resolve;
* ``analyze`` raises nothing but a one-line ``StorylineError`` on arbitrary Unicode, control
  characters, walls of whitespace, HTML fragments and huge single tokens;
* normalised TIMEX3 values parse back (the TIMEX3 value grammar; real calendar dates);
* ``Analysis.to_dict`` -> JSON -> ``analysis_from_dict`` -> ``to_dict`` round-trips.

Runs are derandomised (the same examples every run, no example database) and kept small: the
whole file stays well under a minute on a loaded 2-core machine.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline import analyze
from storyline.errors import StorylineError
from storyline.model import analysis_from_dict
from storyline.rules import load_table

pytestmark = pytest.mark.usefixtures("nlp")  # load spaCy once, outside any example's timing


def fast(n: int) -> Any:
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


# --- what a valid analysis looks like ------------------------------------------------------


def spans(data: Any, path: str = "$") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every {"start", "end", "text"} object in the JSON, with where it is."""
    if isinstance(data, dict):
        if {"start", "end", "text"} <= data.keys():
            yield path, data
        for key, value in data.items():
            yield from spans(value, f"{path}.{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from spans(value, f"{path}[{i}]")


def assert_spans_point_into_text(data: dict[str, Any]) -> None:
    text = data["article"]["text"]
    for path, span in spans({k: v for k, v in data.items() if k != "article"}):
        start, end = span["start"], span["end"]
        assert isinstance(start, int) and isinstance(end, int), path
        assert 0 <= start < end <= len(text), (path, start, end, len(text))
        assert text[start:end] == span["text"], (path, text[start:end], span["text"])


def assert_references_resolve(data: dict[str, Any]) -> None:
    entity_ids = {e["id"] for e in data["entities"]}
    assert len(entity_ids) == len(data["entities"]), "entity ids are unique"
    n_attr, n_timex = len(data["attributions"]), len(data["timexes"])
    for a in data["attributions"]:
        source = a["source"]
        if source and source["entity_id"] is not None:
            assert source["entity_id"] in entity_ids, source
    for q in data["quotes"]:
        assert q["speaker_entity_id"] is None or q["speaker_entity_id"] in entity_ids, q
        assert q["attribution"] is None or 0 <= q["attribution"] < n_attr, q
    for ev in data["events"]:
        assert set(ev["actors"]) <= entity_ids, ev
        assert all(0 <= i < n_attr for i in ev["attributions"]), ev
        if ev["date"] and "timex" in ev["date"]:
            assert 0 <= ev["date"]["timex"] < n_timex, ev


def analyse(text: str, **kwargs: Any) -> dict[str, Any] | None:
    """The analysis JSON, or None after a clean one-line StorylineError; anything else raises."""
    try:
        result = analyze(text, **kwargs)
    except StorylineError as exc:
        message = str(exc)
        assert message.strip() and "\n" not in message, repr(message)
        return None
    data = result.to_dict()
    json.dumps(data, ensure_ascii=False)  # serialisable as the CLI prints it
    return data


# --- generators ------------------------------------------------------------------------------


def _column(name: str, column: str) -> list[str]:
    return sorted({row[column] for row in load_table(name) if row[column]})


MONTHS = [m.title() for m in _column("timex_months.tsv", "name")]
WEEKDAYS = [w.title() for w in _column("timex_weekdays.tsv", "name")]
NUMBERS = _column("timex_numbers.tsv", "word")
UNITS = _column("timex_units.tsv", "word")
REFS = _column("timex_refs.tsv", "phrase")
HOLIDAYS = [h.title() for h in _column("timex_holidays.tsv", "name")]
MODIFIERS = _column("timex_modifiers.tsv", "phrase")
POSITIONS = _column("timex_positions.tsv", "phrase")
PARTS = _column("timex_day_parts.tsv", "word")

years = st.integers(1900, 2035)
months = st.sampled_from(MONTHS)
# Time expressions built from the tagger's own vocabularies, plus numeric and malformed forms.
time_phrases = st.one_of(
    st.builds(lambda m, d, y: f"{m} {d}, {y}", months, st.integers(1, 31), years),
    st.builds(lambda d, m: f"{d} {m}", st.integers(1, 31), months),
    st.builds(lambda m, y: f"in {m} {y}", months, years),
    st.builds(lambda p, m: f"{p} {m}", st.sampled_from(POSITIONS), months),
    st.builds(lambda w: f"on {w}", st.sampled_from(WEEKDAYS)),
    st.builds(
        lambda q, w: f"{q} {w}",
        st.sampled_from(["last", "next", "this", "since"]),
        st.sampled_from(WEEKDAYS),
    ),
    st.builds(lambda n, u: f"{n} {u} ago", st.sampled_from(NUMBERS), st.sampled_from(UNITS)),
    st.builds(lambda n, u: f"for {n} {u}", st.sampled_from(NUMBERS), st.sampled_from(UNITS)),
    st.builds(
        lambda m, n, u: f"{m} {n} {u}",
        st.sampled_from(MODIFIERS),
        st.sampled_from(NUMBERS),
        st.sampled_from(UNITS),
    ),
    st.builds(lambda w, p: f"{w} {p}", st.sampled_from(WEEKDAYS), st.sampled_from(PARTS)),
    st.sampled_from(REFS),
    st.sampled_from(HOLIDAYS),
    st.builds(str, years),
    st.builds(lambda y: f"the {y // 10 * 10}s", years),
    st.builds(lambda q, y: f"Q{q} {y}", st.integers(1, 4), years),
    st.builds(
        lambda y, m, d: f"{y}-{m:02d}-{d:02d}", years, st.integers(0, 13), st.integers(0, 32)
    ),
    st.builds(lambda d, m, y: f"{d}/{m}/{y}", st.integers(1, 31), st.integers(1, 12), years),
    st.builds(lambda h, m: f"at {h}:{m:02d} p.m.", st.integers(1, 12), st.integers(0, 59)),
    st.sampled_from(["every Monday", "each year", "a week", "the past two years", "mid-2024"]),
)
subjects = st.sampled_from(
    [
        "The council",
        "Mr Maduro",
        "Venezuela's President Nicolas Maduro",
        "Four sources briefed on the call",
        "Officials",
        "The White House",
        "He",
        "A spokesperson for the ministry",
        "The Miami Herald",
        "Reuters",
        "They",
    ]
)
predicates = st.sampled_from(
    [
        "said the talks ended",
        "will meet again",
        "denied the report",
        "declined to comment",
        "had a week to leave the country",
        "offered a reward of US$50 million",
        "reportedly rejected the accusations",
        'told reporters "we will not leave"',
        'called it "absolute loyalty"',
        "according to two people familiar with the matter, closed the border",
        "paid €3bn",
        "met",
    ]
)
sentences = st.builds(
    lambda s, p, t, end: f"{s} {p} {t}{end}",
    subjects,
    predicates,
    time_phrases,
    st.sampled_from([".", ".", "!", "?", '," he said.', " (Reuters) -"]),
)
paragraphs = st.lists(sentences, min_size=1, max_size=4).map(" ".join)
news_texts = st.lists(paragraphs, min_size=1, max_size=5).map("\n\n".join)
published = st.one_of(
    st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2035, 12, 31)).map(dt.date.isoformat)
)

no_surrogates = st.characters(codec="utf-8")  # every code point but lone surrogates
control_text = st.lists(
    st.one_of(
        st.characters(categories=["Cc", "Cf", "Zl", "Zp"]),
        st.sampled_from(["said", "Monday", "Mr Maduro", " ", "\n", "."]),
    ),
    max_size=200,
).map("".join)
WHITESPACE = [" ", "\n", "\t", "\r\n", "\u00a0", "\u2028", "\u3000", "\u200b", "\x0b", "\x0c"]
whitespace_walls = st.builds(
    lambda wall, words, wall2: wall + words + wall2,
    st.lists(st.sampled_from(WHITESPACE), min_size=50, max_size=3000).map("".join),
    st.one_of(st.just(""), sentences),
    st.lists(st.sampled_from(WHITESPACE), max_size=3000).map("".join),
)
TAGS = [
    "<p>",
    "</p>",
    "<div class='x'>",
    "</div>",
    "<br>",
    "<script>alert(1)</script>",
    "<!-- c -->",
    "<article>",
    "</article>",
    "<nav>Home | World</nav>",
    "<a href='/x'>",
    "</a>",
    "<html>",
    "<body>",
    "&amp;",
    "&#x27;",
    "&nbsp;",
    "<",
    ">",
    "<![CDATA[x]]>",
    "<h1>",
    "</h1>",
    "<meta property='article:published_time' content='2025-13-45'>",
]
html_fragments = st.lists(st.one_of(st.sampled_from(TAGS), sentences), max_size=40).map("".join)
huge_tokens = st.builds(
    lambda ch, n, wrap: wrap.format(ch * n),
    st.sampled_from(["a", "9", "é", "-", "/", "€", "\u0915", "$1,"]),
    st.integers(20_000, 120_000),
    st.sampled_from(["{}", "The council said {} on Monday.", "<p>{}</p>"]),
)


# --- properties --------------------------------------------------------------------------------


@fast(40)
@given(st.one_of(st.text(alphabet=no_surrogates, max_size=300), control_text))
def test_analyze_arbitrary_unicode_and_controls_raise_only_storyline_errors(text):
    data = analyse(text)
    if data is not None:
        assert_spans_point_into_text(data)


@fast(15)
@given(whitespace_walls)
def test_analyze_walls_of_whitespace_raise_only_storyline_errors(text):
    data = analyse(text)
    if data is not None:
        assert_spans_point_into_text(data)


@fast(25)
@given(html_fragments)
def test_analyze_html_fragments_raise_only_storyline_errors(text):
    data = analyse(text)
    if data is not None:
        assert_spans_point_into_text(data)


@pytest.mark.slow
@fast(4)
@given(huge_tokens)
def test_analyze_huge_single_tokens_raise_only_storyline_errors(text):
    data = analyse(text, published="2025-12-02")
    if data is not None:
        assert_spans_point_into_text(data)


@fast(50)
@given(news_texts, published)
def test_analyze_spans_point_into_the_text(text, date):
    data = analyse(text, published=date)
    if data is not None:
        assert_spans_point_into_text(data)
        assert_references_resolve(data)


# TIMEX3 value grammar (TimeML 1.2.1 / TempEval-3), with X for an unknown digit; a year or
# century before our era carries TIDES' "BC" ("2,500 years ago" = BC0495, centuries BC29).
_YEAR = r"(?:(?:BC)?(?:\d{4}|\d{2})|\d{3}X|\d{2}XX|XXXX|\d{3})"
_DATE = (
    rf"{_YEAR}(?:-(?:\d{{2}}|XX)(?:-(?:\d{{2}}|XX))?|-W(?:\d{{2}}|XX)(?:-(?:WE|[1-7]))?"
    r"|-Q[1-4X]|-H[12X]|-(?:SP|SU|FA|WI))?"
)
_CLOCK = r"T(?:\d{2}(?::\d{2}(?::\d{2}(?:\.\d+)?)?)?|MO|AF|EV|NI|DT)"
_NUM = r"(?:\d+(?:\.\d+)?|X)"
# ("a while" is PXX: neither the count nor the unit is known, as TimeBank writes it)
_DURATION = (
    rf"P(?:{_NUM}(?:Y|M|W|D|DE|CE|ML|Q|H|L|WE))+(?:T(?:{_NUM}[HMS])+)?|PT(?:{_NUM}[HMS])+|PXX"
)
_REF = r"PRESENT_REF|PAST_REF|FUTURE_REF"
TIMEX_GRAMMAR = {
    "DATE": re.compile(rf"(?:{_DATE}|{_REF})"),
    "TIME": re.compile(rf"(?:(?:{_DATE})?{_CLOCK}|{_REF})"),
    "DURATION": re.compile(rf"(?:{_DURATION})"),
    "SET": re.compile(rf"(?:{_DATE}(?:{_CLOCK})?|{_CLOCK}|{_DURATION})"),
}
TIMEX_MODS = {
    "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END", "APPROX",
}  # fmt: skip
PRECISION_GRAMMAR = {
    "year": re.compile(r"\d{4}"),
    "month": re.compile(r"\d{4}-\d{2}"),
    "day": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "time": re.compile(r"\d{4}-\d{2}-\d{2}T.+"),
}


def _parses_back(value: str) -> None:
    """A fully specified calendar part must be a real date ("2025-02-30" is not)."""
    m = re.match(r"(\d{4})-(\d{2})(?:-(\d{2}))?(?![\d])", value)
    if m:
        year, month, day = int(m[1]), int(m[2]), int(m[3] or 1)
        dt.date(year, month, day)  # raises ValueError on a non-date
    w = re.match(r"\d{4}-W(\d{2})", value)
    if w:
        assert 1 <= int(w[1]) <= 53, value


def assert_timex_values_parse_back(data: dict[str, Any]) -> None:
    for t in data["timexes"]:
        grammar = TIMEX_GRAMMAR[t["type"]]
        assert grammar.fullmatch(t["value"]), (t["type"], t["value"], t["text"])
        _parses_back(t["value"])
        assert t["mod"] is None or t["mod"] in TIMEX_MODS, t
        for key in ("anchor", "resolved_end"):
            if key in t:
                assert TIMEX_GRAMMAR["TIME"].fullmatch(t[key]) or TIMEX_GRAMMAR["DATE"].fullmatch(
                    t[key]
                ), t
                _parses_back(t[key])
        if t["type"] == "SET" and "freq" in t:
            assert re.fullmatch(rf"{_NUM}(?:Y|M|W|D|H|MIN|S|X)", t["freq"]), t
    for ev in data["events"]:
        if ev["date"]:
            value, precision = ev["date"]["value"], ev["date"]["precision"]
            assert PRECISION_GRAMMAR[precision].fullmatch(value), ev["date"]
            _parses_back(value)


@fast(50)
@given(news_texts, published)
def test_analyze_timex_values_parse_back(text, date):
    data = analyse(text, published=date)
    if data is not None:
        assert_timex_values_parse_back(data)


@pytest.mark.parametrize("phrase", ["overnight", "tonight"])
def test_analyze_time_ref_without_dct_keeps_its_time_part(phrase):
    data = analyse(f"The council said the talks ended {phrase}.")
    assert data is not None
    (timex,) = [t for t in data["timexes"] if t["text"] == phrase]
    assert timex["type"] == "TIME"
    assert TIMEX_GRAMMAR["TIME"].fullmatch(timex["value"]), timex


def test_analyze_timex_values_parse_back_on_the_seed(seed_analysis):
    data = seed_analysis.to_dict()
    assert data["timexes"], "the seed has time expressions"
    assert_timex_values_parse_back(data)


def _round_trip(data: dict[str, Any]) -> dict[str, Any]:
    stored = json.loads(json.dumps(data, ensure_ascii=False))  # what the store keeps
    return analysis_from_dict(stored).to_dict()


@fast(30)
@given(news_texts, published)
def test_analysis_to_dict_round_trips(text, date):
    data = analyse(text, published=date)
    if data is not None:
        assert _round_trip(data) == data


def test_analysis_to_dict_round_trips_on_the_seed(seed_analysis):
    data = seed_analysis.to_dict()
    assert data["attributions"] and data["events"] and data["money"]
    assert _round_trip(data) == data
