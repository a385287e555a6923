"""Why the cue rule families exist: attribution_verbs.tsv, attribution_claim_nouns.txt,
attribution_phrases.tsv and attribution_hedges.txt, each with cases and a counter-example."""

from __future__ import annotations

import pytest

from storyline.errors import RuleFileError
from storyline.nlp.attribution import extract
from storyline.nlp.attribution.lexicon import _check, lexicon


def _cues(nlp, text):
    atts, _ = extract(nlp(text), [])
    return {a.cue.text: a for a in atts}


def test_attribution_lexicon_loads_every_family():
    lex = lexicon()
    assert lex.verbs["say"].polarity == "assert"
    assert lex.verbs["deny"].polarity == "deny"
    assert any(p.phrase == "according to" for p in lex.phrases)
    assert {"reportedly", "may"} <= lex.hedges
    assert lex.numbers["four"] == 4


def test_attribution_lexicon_rejects_unknown_values():
    with pytest.raises(RuleFileError, match="polarity 'maybe'"):
        _check("maybe", ("assert", "deny", "decline"), "attribution_verbs.tsv", "polarity")


# attribution_verbs.tsv: verbs of saying, with polarity and what they need as content.
@pytest.mark.parametrize(
    ("text", "cue", "polarity"),
    [
        ("The envoy said the talks had failed.", "said", "assert"),
        ("The envoy told reporters the talks had failed.", "told", "assert"),
        ("The envoy acknowledged that the talks had failed.", "acknowledged", "assert"),
        ("The envoy warned that the talks could fail.", "warned", "assert"),
        ("The envoy denied that the talks had failed.", "denied", "deny"),
        ("Rivera tweeted that the talks had failed.", "tweeted", "assert"),
        ("The spokesman accused the rebels of breaking the truce.", "accused", "assert"),
        ("A new poll shows that support for the plan has fallen.", "shows", "assert"),
    ],
)
def test_attribution_verb_cues(nlp, text, cue, polarity):
    cues = _cues(nlp, text)
    assert cue in cues, list(cues)
    assert cues[cue].polarity == polarity


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The envoy told reporters to leave the room.", "told"),  # an order, no content clause
        ("He claimed victory in the vote.", "claimed"),  # "clause" verbs need a clause or quote
        ("The envoy posted a video.", "posted"),
        ("Deputies found him hiding in a bathtub.", "found"),  # a finding needs "that" or a text
    ],
)
def test_attribution_verb_counter_examples(nlp, text, cue):
    assert cue not in _cues(nlp, text)


# attribution_claim_nouns.txt: "rejected" denies only a claim.
@pytest.mark.parametrize("noun", ["accusations", "allegations", "claims", "reports"])
def test_attribution_claim_nouns_make_a_denial(nlp, noun):
    cues = _cues(nlp, f"The minister rejected the {noun}.")
    assert cues["rejected"].polarity == "deny"


@pytest.mark.parametrize("noun", ["requests", "offer", "proposal"])
def test_attribution_claim_nouns_counter_example(nlp, noun):
    assert "rejected" not in _cues(nlp, f"The minister rejected the {noun}.")


@pytest.mark.parametrize(
    ("text", "denied"),
    [
        ("He denied any wrongdoing.", True),
        ("The ministry denied reports of a coup.", True),
        ("China denied access to its scientists.", False),  # refusing access denies no claim
        ("The judge denied bail.", False),
    ],
)
def test_attribution_claim_nouns_for_denied(nlp, text, denied):
    assert ("denied" in _cues(nlp, text)) is denied


# attribution_phrases.tsv: multi-word cues.
@pytest.mark.parametrize(
    ("text", "cue", "polarity", "source_type"),
    [
        (
            "The price will rise, according to the ministry.",
            "according to",
            "assert",
            "named_organization",
        ),
        (
            "The White House declined to elaborate further.",
            "declined to elaborate",
            "decline",
            "named_organization",
        ),
        (
            "The ministry did not immediately reply to requests for comment.",
            "did not immediately reply",
            "decline",
            "named_organization",
        ),
        (
            "The ministry didn't respond to requests for comment.",
            "didn't respond",
            "decline",
            "named_organization",
        ),
        (
            "The general did not rule out a wider offensive.",
            "did not rule out",
            "assert",
            "named_person",
        ),
        (
            "It was not immediately clear whether anyone was hurt.",
            "was not immediately clear",
            "assert",
            "reporter",
        ),
    ],
)
def test_attribution_phrase_cues(nlp, text, cue, polarity, source_type):
    cues = _cues(nlp, text)
    assert cue in cues, list(cues)
    assert cues[cue].polarity == polarity
    assert cues[cue].source is not None and cues[cue].source.type == source_type


def test_attribution_phrase_counter_example(nlp):
    # "according to plan" names no source: no attribution.
    cues = _cues(nlp, "Everything went according to plan, and the bridge opened.")
    assert all(a.source is None or a.source.text != "plan" for a in cues.values()) or not cues


# attribution_hedges.txt: the claim is marked uncertain.
@pytest.mark.parametrize("hedge", ["reportedly", "allegedly"])
def test_attribution_hedge_adverbs(nlp, hedge):
    cues = _cues(nlp, f"The general {hedge} told aides that the attack would start soon.")
    assert cues["told"].hedged


@pytest.mark.parametrize("modal", ["may", "might", "could"])
def test_attribution_hedge_modals(nlp, modal):
    cues = _cues(nlp, f"Officials said the attack {modal} start soon.")
    assert cues["said"].hedged


def test_attribution_hedge_counter_example(nlp):
    cues = _cues(nlp, "Officials said the attack will start soon.")
    assert not cues["said"].hedged


# attribution_reporter_clauses.txt: "..., though ..." after a content is the reporter's.
@pytest.mark.parametrize("word", ["though", "although"])
def test_attribution_reporter_clauses_cut(nlp, word):
    cues = _cues(
        nlp, f"The firm said it would fix the study, {word} the data still topped its list."
    )
    assert cues["said"].content.text == "it would fix the study"


def test_attribution_reporter_clauses_counter_example(nlp):
    cues = _cues(nlp, "The firm said it would fix the study because the data were wrong.")
    assert cues["said"].content.text == "it would fix the study because the data were wrong"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The suspect is believed to have fled the country.", "believed"),
        ("The plan is said to include tax cuts.", "said"),
    ],
)
def test_attribution_raised_passive_is_hedged_and_unsourced(nlp, text, cue):
    cues = _cues(nlp, text)
    assert cues[cue].source is None and cues[cue].hedged
    assert cues[cue].content.text == text.rstrip(".")
