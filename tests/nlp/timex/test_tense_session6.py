"""Session 6, tense by English grammar (no parse): genuine TBAQ tense errors, each fixed by a
general rule with parametrised cases and a counter-example showing where it must not fire."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag
from storyline.rules import data_path

DCT = dt.date(2025, 12, 2)  # a Tuesday: the past Friday is Nov 28, the coming one Dec 5


def value_of(text: str, phrase: str, dct: dt.date = DCT) -> str:
    return next(t.value for t in tag(text, dct) if t.text == phrase)


@pytest.mark.parametrize(
    "name",
    [
        "timex_unchanged_past.txt",
        "timex_causative_verbs.txt",
        "timex_bare_aux.tsv",
        "timex_not_participles.txt",
    ],
)
def test_tense_data_file_has_header_comment(name: str) -> None:
    assert data_path(name).read_text(encoding="utf-8").startswith("# ")


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # TBAQ: "set aside" after a name is past (the present would be "sets"), whatever the
        # "plans for" after it
        (
            "On Friday, when Albright set aside vacation plans for the hastily planned trip, "
            "the department lifted a warning.",
            "Friday",
            "2025-11-28",
        ),
        ("He cut the price Friday.", "Friday", "2025-11-28"),
        ("The Fed cut rates Friday.", "Friday", "2025-11-28"),
        ("She quietly quit the board on Friday.", "Friday", "2025-11-28"),
        # counter-examples: "set to"/"set for" still look ahead; after a modal or "to" the
        # verb is an infinitive; a capitalised plural opening the clause is no name
        ("Albright set to visit Kenya on Friday.", "Friday", "2025-12-05"),
        ("The leaders will set the agenda on Friday.", "Friday", "2025-12-05"),
        ("The leaders plan to cut rates on Friday.", "Friday", "2025-12-05"),
    ],
)
def test_unchanged_past_after_a_singular_subject_is_past(
    text: str, phrase: str, value: str
) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value", "dct"),
    [
        # TBAQ: the bare "begin" after "let" + object is no timetable present; "Bush let" is past
        (
            "Finally, Mr. Bush let the ground offensive begin as previously planned Saturday "
            "night.",
            "Saturday night",
            "1991-02-23TNI",
            dt.date(1991, 2, 25),
        ),
        ("The judge made the trial start Monday.", "Monday", "2025-12-01", DCT),
        ("Officials saw the talks resume Monday.", "Monday", "2025-12-01", DCT),
        # counter-examples: a causative that is not past leaves the schedule verb its future;
        # without a causative the present schedule verb still looks ahead
        ("The judge will let the trial begin Monday.", "Monday", "2025-12-08", DCT),
        ("They expect to see talks resume Monday.", "Monday", "2025-12-08", DCT),
        ("The trial begins Monday.", "Monday", "2025-12-08", DCT),
    ],
)
def test_bare_infinitive_after_a_past_causative_is_past(
    text: str, phrase: str, value: str, dct: dt.date
) -> None:
    assert value_of(text, phrase, dct) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a bare verb after an auxiliary has no tense of its own: "hit" alone reads past,
        # "begin" alone is a timetable present; the auxiliary decides
        ("The storm will hit Friday.", "Friday", "2025-12-05"),
        ("The storm could hit the coast Friday.", "Friday", "2025-12-05"),
        ("The trial did not begin Monday.", "Monday", "2025-12-01"),
        ("The trial didn't begin Monday.", "Monday", "2025-12-01"),
        ("The trial didn\u2019t begin Monday.", "Monday", "2025-12-01"),
        ("Beginning Thursday, gatherings can resume across the state.", "Thursday", "2025-12-04"),
        # counter-examples: without the auxiliary the verb's own form decides
        ("The storm hit Friday.", "Friday", "2025-11-28"),
        ("The trial begins Monday.", "Monday", "2025-12-08"),
        ("The trial will begin Monday.", "Monday", "2025-12-08"),
    ],
)
def test_bare_verb_after_an_auxiliary_takes_the_auxiliary_tense(
    text: str, phrase: str, value: str
) -> None:
    assert value_of(text, phrase) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value", "dct"),
    [
        # TBAQ: a participle describing a noun ("a service planned ... for Saturday") is no
        # future; the clause's own verb after the date decides
        (
            "A memorial service planned at the University of Rochester for Saturday was "
            "canceled after security plans were leaked.",
            "Saturday",
            "1999-10-23",
            dt.date(1999, 10, 24),
        ),
        ("The talks scheduled for Monday were called off.", "Monday", "2025-12-01", DCT),
        ("A rally planned for Saturday will go ahead.", "Saturday", "2025-12-06", DCT),
        # counter-examples: a finite "planned to" or a participle with no verb after it
        # still looks ahead
        ("The team planned to leave Nairobi on Thursday.", "Thursday", "2025-12-04", DCT),
        ("A rally is planned for Saturday.", "Saturday", "2025-12-06", DCT),
        ("Protest planned for Saturday.", "Saturday", "2025-12-06", DCT),
    ],
)
def test_reduced_relative_participle_defers_to_the_main_verb(
    text: str, phrase: str, value: str, dct: dt.date
) -> None:
    assert value_of(text, phrase, dct) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # ReCOVery (2020-05-13): "meet" after "will probably" is the future's
        ("The same two candidates will probably meet again in November.", "November", "2020-11"),
        # counter-example: after an auxiliary with no tense of its own ("may", "could") a
        # timetable verb keeps its look ahead (ReCOVery: it was 2019-08 for a while)
        ("He said production may begin in August.", "August", "2020-08"),
        ("He said the talks could resume in August.", "August", "2020-08"),
    ],
)
def test_month_after_an_auxiliary_and_a_bare_verb(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dt.date(2020, 5, 13)) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a team plays on a day ahead, a timetable present like "begins"
        ("The Gophers play Saturday.", "Saturday", "2025-12-06"),
        ("Michigan plays Ohio State on Saturday.", "Saturday", "2025-12-06"),
        # counter-examples: after "did not" the auxiliary decides; after a determiner or a
        # possessive "play" is a noun; "host" and "visit" are no cues (nouns in news)
        ("The Gophers did not play Saturday.", "Saturday", "2025-11-29"),
        ("The team's play Saturday was poor.", "Saturday", "2025-11-29"),
        (
            "Speaking to talk show host Hugh Hewitt on Friday, he slammed Beijing.",
            "Friday",
            "2025-11-28",
        ),
        ("Trump's visit to Walter Reed on Saturday was brief.", "Saturday", "2025-11-29"),
    ],
)
def test_play_is_a_schedule_verb_unless_a_noun(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase) == value


def parsed_value(nlp, text: str, phrase: str, dct: dt.date) -> str:
    return next(t.value for t in tag(text, dct, doc=nlp(text)) if t.text == phrase)


@pytest.mark.parametrize(
    ("text", "phrase", "value", "dct"),
    [
        # with a parse (analyze()): a plan verb looks ahead as its cue word does without one
        (
            "Protesters planned a large demonstration in Little Havana on Saturday.",
            "Saturday",
            "2025-12-06",
            DCT,
        ),
        (
            "The attorney has scheduled a news conference Thursday to announce a development.",
            "Thursday",
            "2025-12-04",
            DCT,
        ),
        # counter-examples: a plan of the past ("had been scheduled to expire") and a reduced
        # relative ("a service planned ... was canceled") do not look ahead
        (
            "The offer previously had been scheduled to expire at midnight Friday.",
            "midnight Friday",
            "1989-10-27T24:00",
            dt.date(1989, 10, 30),
        ),
        (
            "A memorial service planned at the University of Rochester for Saturday was "
            "canceled after security plans were leaked.",
            "Saturday",
            "1999-10-23",
            dt.date(1999, 10, 24),
        ),
    ],
)
def test_parsed_plan_verb_looks_ahead(
    nlp, text: str, phrase: str, value: str, dct: dt.date
) -> None:
    assert parsed_value(nlp, text, phrase, dct) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value", "dct"),
    [
        # spaCy tags "hurt" VBP after a singular subject: the present would be "hurts"
        (
            "Weakness in big technology stocks hurt the composite index on Friday.",
            "Friday",
            "1989-10-27",
            dt.date(1989, 10, 30),
        ),
        # a denied ability is news of the past, with a parse as without one
        (
            "Neither he nor the grandparents could be located Wednesday in their hometown.",
            "Wednesday",
            "2000-01-05",
            dt.date(2000, 1, 6),
        ),
        # a date something is extended through is ahead
        (
            "The lockdown has extended through the end of July.",
            "the end of July",
            "2020-07",
            dt.date(2020, 5, 19),
        ),
        # a reporting present ("he says") is no timetable
        (
            "Despite the fraught exchange Wednesday, he says the leadership was supportive.",
            "Wednesday",
            "2025-11-26",
            DCT,
        ),
        # counter-examples: a plural subject's present stays present; "wouldn't" still
        # looks ahead
        ("The two teams meet Friday.", "Friday", "2025-12-05", DCT),
        (
            "She feared the gifts wouldn't arrive by her daughter's birthday on Friday.",
            "Friday",
            "2025-12-05",
            DCT,
        ),
    ],
)
def test_parsed_tense_reads_grammar_the_tagger_misses(
    nlp, text: str, phrase: str, value: str, dct: dt.date
) -> None:
    assert parsed_value(nlp, text, phrase, dct) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a reported clause opened by its subject, without "that", keeps its own tense
        (
            "Biden aides said they believe the November contest will focus on 17 states.",
            "November",
            "2020-11",
        ),
        # counter-examples: with no cue after the date the saying's past stays; a date right
        # after the reporting verb is the saying's
        ("Aides said they met the governor in November.", "November", "2019-11"),
        ("Aides said in November that the contest will focus on 17 states.", "November", "2019-11"),
    ],
)
def test_reported_clause_without_that_keeps_its_tense(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dt.date(2020, 5, 15)) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a date something is pushed back to is ahead, also after a vague "sometime in"
        (
            "The release was planned for March, but that's been pushed back to sometime in May.",
            "May",
            "2020-05",
        ),
        ("The launch was delayed until later in June.", "June", "2020-06"),
        # counter-example: no preposition of a new date, the past tense decides
        ("The firm pushed sales hard in May.", "May", "2019-05"),
    ],
)
def test_date_moved_to_after_a_vague_sometime_is_ahead(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dt.date(2020, 3, 9)) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # a "that" clause right after the date belongs to the noun before it: its tense is
        # not the date's (ReCOVery: both were the coming Thursday)
        (
            "After reports Thursday that the office would be coordinating, Fauci told lawmakers.",
            "Thursday",
            "2020-02-27",
        ),
        (
            "The news comes amid reports Thursday that millions will file claims.",
            "Thursday",
            "2020-02-27",
        ),
        # counter-example: after a comma "that" is a determiner and its clause is the date's
        ("On Thursday, that decision will be reviewed.", "Thursday", "2020-03-05"),
    ],
)
def test_that_clause_after_the_date_is_not_its_tense(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dt.date(2020, 2, 28)) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # news audit: a plan of the past stays open with an adverb between "was" and the plan
        # verb (it was 2021-SP, the coming spring, said in August 2020)
        (
            "Officials said the meeting was originally scheduled to take place in the spring "
            "but was delayed.",
            "the spring",
            "2020-SP",
        ),
        (
            "The talks were previously planned for Friday but were called off.",
            "Friday",
            "2020-08-14",
        ),
        # counter-example: a present "is" before the adverb keeps the look ahead
        ("The vote is currently scheduled to take place in the spring.", "the spring", "2021-SP"),
    ],
)
def test_plan_of_the_past_after_an_adverb(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dt.date(2020, 8, 17)) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # news audit: a participle adjunct after a comma shares the main clause's time, not
        # that of a clause nested before the comma ("is" was read: the coming Thursday)
        (
            "President Donald Trump has elevated the theory that Harris is ineligible, citing "
            "the claim on Thursday without weighing in on its validity.",
            "Thursday",
            "2020-08-13",
        ),
        # ReCOVery: the last coordinated clause is the main one ("is facing" was read)
        (
            "The county is already facing a shortfall, and yesterday the county reached a "
            "milestone, surpassing Queens County as the county with the most cases Thursday.",
            "Thursday",
            "2020-08-13",
        ),
        # ReCOVery: a modal without a verb cue in the adjunct leaves it to the main clause
        (
            "Ocasio-Cortez poked fun at the plans, arguing they could just pay their taxes in a "
            "tweet on Wednesday evening.",
            "Wednesday evening",
            "2020-08-12TEV",
        ),
        # counter-examples: a cue inside the adjunct is its own; after a reporting verb the
        # adjunct may belong to the reported clause; a preposition in -ing opens no adjunct
        (
            "The company has warned that sales will fall, saying it will close stores on Friday.",
            "Friday",
            "2020-08-21",
        ),
        ("The governor said schools will close, citing a surge on Friday.", "Friday", "2020-08-21"),
        ("The team has said it will play, during the holiday on Friday.", "Friday", "2020-08-21"),
    ],
)
def test_participle_adjunct_takes_the_main_clause_tense(text: str, phrase: str, value: str) -> None:
    assert value_of(text, phrase, dt.date(2020, 8, 15)) == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        # news audit: the date dates the noun it hangs on, the present "comes" above it is no
        # timetable (with a parse it was the coming Thursday)
        (
            "This comes on the heels of the MTA's announcement on Thursday that it will "
            "suspend subway service each night.",
            "Thursday",
            "2020-04-30",
        ),
        # counter-example: a present the cue words read too still makes it a schedule
        ("The vote on Thursday is expected to pass.", "Thursday", "2020-05-07"),
        ("The team has a game on Saturday.", "Saturday", "2020-05-02"),
    ],
)
def test_parsed_present_above_a_noun_defers_to_the_cue_words(
    nlp, text: str, phrase: str, value: str
) -> None:
    assert parsed_value(nlp, text, phrase, dt.date(2020, 5, 1)) == value
