"""Event mentions (events.py, event_frames.txt, event_non_events.txt, irregular_verbs.tsv).

The seed is checked twice: with hand-built time expressions and attributions
(tests/nlp/seed_fixtures.py, as EXPECTED.md specifies them) so the events step is tested on its
own, and end to end through ``analyze``."""

from __future__ import annotations

import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyline.model import EventMention, Timex
from storyline.nlp import entities, events
from storyline.rules import load_list, load_table

_spec = importlib.util.spec_from_file_location(
    "seed_fixtures", Path(__file__).with_name("seed_fixtures.py")
)
assert _spec and _spec.loader
seed_fixtures = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(seed_fixtures)

DCT = dt.date(2025, 12, 2)


def _events(nlp, text: str, timexes: list[Timex] | None = None, attributions=None):
    doc = nlp(text)
    ents = entities.extract(doc)
    return events.extract(
        doc, timexes=timexes or [], entities=ents, attributions=attributions or [], dct=DCT
    )


def _timex(text: str, needle: str, value: str, type_: str = "DATE", **kw) -> Timex:
    start = text.index(needle)
    return Timex(start, start + len(needle), needle, type_, value, **kw)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def seed_events(nlp, seed_text) -> list[EventMention]:
    doc = nlp(seed_text)
    ents = entities.extract(doc)
    return events.extract(
        doc,
        timexes=seed_fixtures.seed_timexes(seed_text),
        entities=ents,
        attributions=seed_fixtures.seed_attributions(seed_text),
        dct=DCT,
    )


def _dated(evs: list[EventMention], value: str) -> list[EventMention]:
    return [e for e in evs if e.date and e.date.value == value]


# --------------------------------------------------------------------------- seed, unit


@pytest.mark.parametrize(
    ("value", "summary_words", "trigger"),
    [
        ("2025-11-21", ["call", "came"], "come"),
        ("2025-11-21", ["Trump", "rejected", "requests"], "reject"),
        ("2025-11-21", ["Maduro", "told", "Trump", "willing to leave"], "tell"),
        ("2025-11-28", ["safe passage expired"], "expire"),
        ("2025-11-29", ["Trump", "declared", "airspace"], "declare"),
        ("2025-11-30", ["Trump", "confirmed", "spoken with Maduro"], "confirm"),
        ("2013", ["Maduro", "in power"], None),
        ("2024", ["Maduro", "claimed", "re-election"], "claim"),
        ("2025-12-01", ["Maduro", "swore", "absolute loyalty"], "swear"),
        ("2025-12-01", ["Trump", "held talks"], "hold"),
    ],
)
def test_extract_seed_dates_and_summaries(seed_events, value, summary_words, trigger):
    candidates = _dated(seed_events, value)
    matching = [e for e in candidates if all(w.lower() in e.summary.lower() for w in summary_words)]
    assert matching, (value, [e.summary for e in candidates])
    if trigger is not None:
        assert matching[0].trigger == trigger


def test_extract_seed_deadline_uses_resolved_end(seed_events):
    deadlines = [e for e in seed_events if e.deadline]
    assert len(deadlines) == 1
    (ev,) = deadlines
    assert ev.date is not None and ev.date.value == "2025-11-28" and ev.date.precision == "day"
    assert "a week to leave Venezuela" in ev.summary


@pytest.mark.parametrize(
    "dropped",
    ["according to", "two of the sources said", "which lasted", "Mr ", "on Nov 28", "That safe"],
)
def test_extract_seed_summaries_drop_frames_and_asides(seed_events, dropped):
    assert not [e.summary for e in seed_events if dropped in e.summary]


def test_extract_seed_summaries_are_shorter_than_sentences(seed_events):
    for e in seed_events:
        assert len(e.summary) <= len(e.sentence.text)


def test_extract_seed_pronoun_replaced_by_name(seed_events):
    requested = [e for e in seed_events if e.trigger == "request" and "sanctions" in e.summary]
    assert requested and requested[0].summary.startswith("Maduro requested removal of sanctions")


def test_extract_seed_undated_events_stay_undated(seed_events):
    reward = [e for e in seed_events if "reward" in e.summary and "raised" in e.summary]
    assert reward and reward[0].date is None
    another = [e for e in seed_events if "another call" in e.summary]
    assert another and another[0].date is None


def test_extract_seed_actors_are_entity_ids(nlp, seed_text, seed_events):
    ents = {e.id: e.name for e in entities.extract(nlp(seed_text))}
    declared = next(e for e in seed_events if e.trigger == "declare")
    assert "Donald Trump" in [ents[a] for a in declared.actors]


def test_extract_seed_attributions_back_their_events(seed_text, seed_events):
    atts = seed_fixtures.seed_attributions(seed_text)
    expired = next(e for e in seed_events if e.trigger == "expire")
    assert [atts[i].source.text for i in expired.attributions] == ["two of the sources"]
    held = next(e for e in seed_events if e.trigger == "hold")
    assert [atts[i].source.text for i in held.attributions] == ["a senior US official"]
    # Counter-example: "the call came ..." has no attribution in its sentence.
    came = next(e for e in seed_events if e.trigger == "come")
    assert came.attributions == []


def test_extract_seed_spans_are_valid(seed_text, seed_events):
    for e in seed_events:
        for span in (e.sentence, e.clause):
            assert span is not None
            assert seed_text[span.start : span.end] == span.text
        assert e.clause.start >= e.sentence.start and e.clause.end <= e.sentence.end


# --------------------------------------------------------------------------- seed, end to end


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ("2025-11-21", ["rejected"]),
        ("2025-11-28", ["expired"]),
        ("2025-11-29", ["airspace"]),
        ("2025-11-30", ["confirmed"]),
        ("2025-12-01", ["swore"]),
        ("2025-12-01", ["held talks"]),
        ("2024", ["re-election"]),
        ("2013", ["in power"]),
    ],
)
def test_analyze_seed_timeline(seed_analysis, value, words):
    candidates = _dated(seed_analysis.events, value)
    assert any(all(w in e.summary for w in words) for e in candidates), [
        e.summary for e in candidates
    ]


def test_analyze_seed_deadline(seed_analysis):
    deadlines = [e for e in seed_analysis.events if e.deadline]
    assert deadlines and deadlines[0].date and deadlines[0].date.value == "2025-11-28"


def test_analyze_seed_sources_of_the_expiry(seed_analysis):
    expired = next(e for e in seed_analysis.events if e.trigger == "expire")
    sources = [seed_analysis.attributions[i].source for i in expired.attributions]
    assert [s.count for s in sources if s is not None] == [2]


# --------------------------------------------------------------------------- rule families


@pytest.mark.parametrize(
    ("text", "summary"),
    [
        ("Officials said the bridge collapsed.", "The bridge collapsed"),
        ("The minister stressed that talks continued.", "Talks continued"),
        ("The rebels took the town, a spokesman added.", "The rebels took the town"),
    ],
)
def test_event_frames_give_their_content(nlp, text, summary):
    summaries = [e.summary for e in _events(nlp, text)]
    assert summary in summaries, summaries
    assert not [s for s in summaries if "said" in s or "stressed" in s or "added" in s]


def test_event_frames_with_their_own_date_are_events(nlp):
    # Counter-example: a dated announcement is itself an event.
    text = "The company said on Monday that it would close the plant."
    ev = _events(nlp, text, [_timex(text, "Monday", "2025-12-01")])
    assert [e for e in ev if e.trigger == "say" and e.date and e.date.value == "2025-12-01"]


@pytest.mark.parametrize(
    "text",
    [
        "The White House declined to elaborate further.",
        "The ministry did not immediately reply to requests for comment.",
    ],
)
def test_event_non_events_give_nothing(nlp, text):
    assert _events(nlp, text) == []


def test_event_non_events_counter_example(nlp):
    ev = _events(nlp, "The court rejected the appeal.")
    assert [e.summary for e in ev] == ["The court rejected the appeal"]


@pytest.mark.parametrize("row", load_table("irregular_verbs.tsv"), ids=lambda r: r["lemma"])
def test_irregular_verbs_past_tense(row):
    assert events.past_tense(row["lemma"]) == row["past"]


@pytest.mark.parametrize(
    ("lemma", "past"), [("declare", "declared"), ("deny", "denied"), ("reject", "rejected")]
)
def test_past_tense_regular_verbs(lemma, past):
    assert events.past_tense(lemma) == past


@pytest.mark.parametrize("family", ["event_frames.txt", "event_non_events.txt"])
def test_event_list_families_load(family):
    assert load_list(family)


@pytest.mark.parametrize(
    ("type_", "value", "extra", "expected"),
    [
        ("DATE", "2025-11-21", {}, ("2025-11-21", "day", False)),
        ("DATE", "2025-11", {}, ("2025-11", "month", False)),
        ("DATE", "2024", {}, ("2024", "year", False)),
        ("TIME", "2025-11-21T14:30", {}, ("2025-11-21T14:30", "time", False)),
        (
            "DURATION",
            "P1W",
            {"resolved_end": "2025-11-28", "deadline": True},
            ("2025-11-28", "day", True),
        ),
        ("DURATION", "PXM", {}, None),
        ("DATE", "PRESENT_REF", {}, None),
        ("SET", "P1W", {}, None),
    ],
)
def test_event_date_from_timex(type_, value, extra, expected):
    date, deadline = events.event_date(Timex(0, 1, "x", type_, value, **extra))
    if expected is None:
        assert date is None
    else:
        assert date is not None and (date.value, date.precision, deadline) == expected


def test_back_reference_dates_the_clause(nlp):
    text = "The meeting, on Nov 21, was tense. Mr Lee walked out during the meeting."
    ev = _events(nlp, text, [_timex(text, "Nov 21", "2025-11-21")])
    walked = [e for e in ev if e.trigger == "walk"]
    assert walked and walked[0].date and walked[0].date.value == "2025-11-21"


def test_back_reference_needs_a_definite_mention(nlp):
    # Counter-example: "another meeting" is not the dated one.
    text = "The meeting, on Nov 21, was tense. Mr Lee has requested another meeting."
    ev = _events(nlp, text, [_timex(text, "Nov 21", "2025-11-21")])
    requested = [e for e in ev if e.trigger == "request"]
    assert requested and requested[0].date is None


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            [
                "Mr",
                "Maduro",
                "Trump",
                "he",
                "said",
                "on",
                "Nov",
                "21",
                "the",
                "call",
                "rejected",
                "according",
                "to",
                "sources",
                ",",
                ".",
                "that",
                "which",
                "expired",
                "a",
                "week",
                "\u00a0",
                "\n",
                '"',
                "told",
                "It",
                "is",
                "unclear",
            ]
        ),
        max_size=40,
    )
)
def test_extract_never_crashes_and_spans_are_valid(nlp, words):
    text = " ".join(words)
    timexes = []
    if "Nov 21" in text:
        timexes.append(_timex(text, "Nov 21", "2025-11-21"))
    for e in _events(nlp, text, timexes):
        assert e.summary
        assert text[e.sentence.start : e.sentence.end] == e.sentence.text
        assert e.clause is not None and text[e.clause.start : e.clause.end] == e.clause.text
