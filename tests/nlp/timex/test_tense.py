"""Which way an underspecified date points, from the tense of its clause."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag

DCT = dt.date(2025, 12, 2)  # a Tuesday


def value_of(text: str, phrase: str, doc=None) -> str:
    return next(t.value for t in tag(text, DCT, doc=doc) if t.text == phrase)


CASES = [
    ("The safe passage expired on Friday.", "Friday", "2025-11-28"),
    ("The leaders will meet on Friday.", "Friday", "2025-12-05"),
    ("He said on Monday that talks will resume.", "Monday", "2025-12-01"),
    ("Talks resumed Monday and will end Friday.", "Friday", "2025-12-05"),
    ("The committee met last Tuesday.", "last Tuesday", "2025-11-25"),
    ("They will vote next Tuesday.", "next Tuesday", "2025-12-09"),
    ("He spoke on Tuesday.", "Tuesday", "2025-12-02"),  # the DCT's own weekday
    ("The vote was held on Nov 30.", "Nov 30", "2025-11-30"),
    ("The vote will be held on Dec 30.", "Dec 30", "2025-12-30"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), CASES)
def test_weekday_tense_without_parse(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(("text", "phrase", "value"), CASES)
def test_weekday_tense_with_parse(nlp, text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, doc=nlp(text)) == value


def test_far_tense_does_not_pull_a_year_back() -> None:
    """ "Nov 20" in a past-tense sentence of a late-October article is next month."""
    got = next(t.value for t in tag("He said the vote was set for Nov. 20.", dt.date(1989, 10, 26)))
    assert got == "1989-11-20"


def test_doc_without_parse_falls_back_to_cue_words(nlp) -> None:
    """A doc from a pipeline without the parser has no sentences: no crash, cue words decide."""
    text = "The leaders will meet on Friday."
    with nlp.select_pipes(enable=["tok2vec", "tagger"]):
        doc = nlp(text)
    assert value_of(text, "Friday", doc=doc) == "2025-12-05"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a capitalised "-ed" word is a name, not a past tense: "would" decides
        (
            "Castro said he would be traveling to the United States Thursday.",
            "Thursday",
            "2025-12-04",
        ),
        # counter-example: a lower-case regular past still reads as past
        ("The team traveled to the United States Thursday.", "Thursday", "2025-11-27"),
    ],
)
def test_capitalised_ed_word_is_no_tense_cue(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # "since" points back however far: January said in December is this year's
        ("Since January, prices have risen.", "January", "2025-01"),
        ("Prices have risen since Jan. 15.", "Jan. 15", "2025-01-15"),
        # counter-example: without "since" the future tense keeps the coming January
        ("Prices will rise in January.", "January", "2026-01"),
        # schedule verbs in the simple present point ahead
        ("The trial begins Monday.", "Monday", "2025-12-08"),
        ("Talks resume Thursday in Geneva.", "Thursday", "2025-12-04"),
        # counter-example: the past form of the same verb points back
        ("The trial began Monday.", "Monday", "2025-12-01"),
    ],
)
def test_since_and_schedule_verbs(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # an infinitive or a participle after "be" has no tense: the auxiliary decides
        ("It had been due to expire Friday evening.", "Friday evening", "2025-11-28TEV"),
        (
            "The offer had been scheduled to expire at midnight Friday.",
            "midnight Friday",
            "2025-11-28T24:00",
        ),
        ("He will be named commander for a mission in December.", "December", "2025-12"),
        ("Collins will be named commander for a mission in March.", "March", "2026-03"),
        # counter-examples: a tensed verb right before the date still decides
        ("The offer expired Friday evening.", "Friday evening", "2025-11-28TEV"),
        ("The leaders plan to meet Friday.", "Friday", "2025-12-05"),
        ("A commander was named in October.", "October", "2025-10"),
    ],
)
def test_untensed_verb_forms_defer_to_the_auxiliary(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a word of intent or agreement + "to": the event is still to come, the past tense of
        # the clause says nothing about the date (the nearest occurrence is taken)
        ("Thermo agreed to purchase the line for $22 million in February.", "February", "2026-02"),
        (
            "The bank announced an agreement to acquire the company in January.",
            "January",
            "2026-01",
        ),
        # counter-examples: no such word before "to"; an ordinary past still points back
        ("He was shot to death on Nov. 30.", "Nov. 30", "2025-11-30"),
        ("The firm bought the line in February.", "February", "2025-02"),
        ("Thermo agreed in February to buy the line.", "February", "2025-02"),
    ],
)
def test_intent_before_to_neutralises_a_past_tense(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a month alone follows a past tense up to 330 days back
        ("The law took effect in February.", "February", "2025-02"),
        # a plain past right before "in" reaches the whole year back (session 11: "The
        # current parliament, elected in January", TE3-silver, said in December)
        ("The law took effect in January.", "January", "2025-01"),
        # counter-example: past any other cue, eleven months back is too far, the nearest
        # occurrence wins (a reported plan)
        ("The Saudis told oil companies of a cutback in January.", "January", "2026-01"),
    ],
)
def test_month_reach_of_the_tense(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Thermo agreed to purchase the line for $22 million in February.", "February", "2026-02"),
        (
            "The bank announced an agreement to acquire the company in January.",
            "January",
            "2026-01",
        ),
        # counter-examples with a parse: no word of intent before "to", an ordinary past
        ("He was shot to death on Nov. 30.", "Nov. 30", "2025-11-30"),
        ("Thermo agreed in February to buy the line.", "February", "2025-02"),
        ("The bid on Friday was rejected.", "Friday", "2025-11-28"),
    ],
)
def test_intent_before_to_with_parse(nlp, text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, doc=nlp(text)) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # "set", "plan(s)" look ahead only before "to" or "for"
        ("The peace process is set to resume Monday.", "Monday", "2025-12-08"),
        ("The vote was set for Dec. 20.", "Dec. 20", "2025-12-20"),
        ("He plans to visit Kyiv on Friday.", "Friday", "2025-12-05"),
        # counter-examples: a noun or a past participle says nothing about the future
        ("The index fell from the record set on Friday.", "Friday", "2025-11-28"),
        ("On Friday, when she set aside vacation plans, the talks began.", "Friday", "2025-11-28"),
    ],
)
def test_set_and_plans_look_ahead_only_before_to_or_for(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # an "-ed" word after a determiner is an adjective, not a past tense: "would" decides
        ("The split would be paid on a still unspecified date in March.", "March", "2026-03"),
        ("The new wing will open to the injured soldiers on Friday.", "Friday", "2025-12-05"),
        # counter-examples: the same words as verbs still read as past
        ("The company unveiled the plan on Friday.", "Friday", "2025-11-28"),
        ("Officials said the soldiers were injured on Friday.", "Friday", "2025-11-28"),
    ],
)
def test_ed_adjective_after_a_determiner_is_no_tense_cue(
    text: str, phrase: str, value: str
) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # an expression inside parentheses takes the tense of the clause around them
        (
            "He will leave at 4 in the morning (4 a.m. EDT Thursday), Castro said.",
            "4 a.m. EDT Thursday",
            "2025-12-04T04:00",
        ),
        # counter-example: after a closed aside, the aside's words are not the clause
        ("The minister (who will retire soon) spoke on Monday.", "Monday", "2025-12-01"),
    ],
)
def test_parenthesised_expression_keeps_its_clause(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value
