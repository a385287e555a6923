"""Session 10 of values and tense: whole TE3-silver stories read with every tag's value
(random.Random(1010), 120 stories), and TBAQ dev errors read in their documents. Rules for
general errors of direction; each has parametrised cases in the shape of the real sentences
and counter-examples, run on the cue-word path (the default of ``storyline timeml``) and,
where the parse path reads them the same, with a spaCy parse too. The passive infinitive and
the plans of the past are tested in ``test_values_session10b.py``, on both paths at once."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a reporting verb right before the "on" of its date: the saying's own day, a past
        # trusted as far as any plain past event verb (284 days back here)
        (
            "H5N1 was first diagnosed in birds in Egypt in February, and the first case in "
            "humans was announced on March 18.",
            "2006-12-27",
            ("March 18", "2006-03-18"),
        ),
        (
            "He announced on March 18 that he would step down.",
            "2006-12-27",
            ("March 18", "2006-03-18"),
        ),
        # counter-examples: a noun between may be the plan's date; a future stays ahead
        ("He announced a referendum on March 18.", "2006-12-27", ("March 18", "2007-03-18")),
        (
            "The results will be announced on March 18.",
            "2006-12-27",
            ("March 18", "2007-03-18"),
        ),
    ],
)
def test_saying_dated_by_its_own_day(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a naming participle and its quoted title are no clause: the verb before dates it
        # (with a parse too: the parse hangs the date on the participle)
        (
            "The fourth channel of CCTV will broadcast the 50-minute documentary, entitled "
            '"Kyushu -- Following Sun Yat-sen\'s Path" on Saturday afternoon and night, a '
            "CCTV spokesperson said.",
            "2006-11-03",
            ("Saturday afternoon", "2006-11-04TAF"),
        ),
        (
            'The network will show the film, titled "Home Again", on Sunday.',
            "2006-11-03",
            ("Sunday", "2006-11-05"),
        ),
        # counter-examples: a past verb after the title; a quote after a verb still cuts
        ('The film, titled "Home", opened on Saturday.', "2006-11-03", ("Saturday", "2006-10-28")),
        (
            'Critics will say it was "a disaster" on Saturday, he said.',
            "2006-11-03",
            ("Saturday", "2006-10-28"),
        ),
    ],
)
def test_quoted_title_is_passed_over(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a possessive weekday of a scheduled event after in/into/at/for, with a future or a
        # present verb before it: the event to come
        (
            "China will face the Democratic People's Republic of Korea in Sunday's final.",
            "2005-11-05",
            ("Sunday", "2005-11-06"),
        ),
        (
            "Argentina are one of the eight seeds for Friday's draw.",
            "2006-11-29",
            ("Friday", "2006-12-01"),
        ),
        ("The team is preparing for Sunday's match.", "2006-11-18", ("Sunday", "2006-11-19")),
        # after a saying, the reported clause's verbs decide (TE3 silver)
        (
            "Polling firms said the ruling Fifth Republic Movement of President Hugo Chavez "
            "will win a sweeping victory in Sunday's elections.",
            "2005-11-29",
            ("Sunday", "2005-12-04"),
        ),
        ("He said they scored twice in Sunday's final.", "2005-11-29", ("Sunday", "2005-11-27")),
        # counter-examples: a past verb, a verb only after the date, no event noun
        ("He scored twice in Sunday's final.", "2006-11-18", ("Sunday", "2006-11-12")),
        (
            "Turnout in Sunday's election is put at 60 percent.",
            "2006-11-21",
            ("Sunday", "2006-11-19"),
        ),
        (
            "Police will investigate the deaths in Friday's attack.",
            "2006-11-18",
            ("Friday", "2006-11-17"),
        ),
        # a perfect is no prospect (TE3 silver; an ECB+ story)
        (
            "Kenya's proposed new constitution has been rejected in Monday's referendum.",
            "2005-11-22",
            ("Monday", "2005-11-21"),
        ),
        (
            "The Sixers had a three-game losing streak going into Saturday night's contest.",
            "2005-11-22",
            ("Saturday night", "2005-11-19TNI"),
        ),
    ],
)
def test_possessive_event_in_prospect(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a month and day before an adjective "final" is no event named (the rounds of a
        # contest are read only after a possessive weekday)
        (
            "The US Interior and Commerce departments reported Dec. 11 final proposed changes.",
            "2012-06-10",
            ("Dec. 11", "2011-12-11"),
        ),
    ],
)
def test_final_after_a_month_day_is_no_event(
    text: str, dct: str, expected: tuple[str, str]
) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a one-letter word before a full stop and a capitalised opener ends the sentence:
        # the perfect of the sentence before is not the date's clause (TE3 silver)
        (
            "Hosts India, China and Japan have been drawn in Group A and Chinese Taipei, "
            "Thailand and Philippines in Group B.  The two group winners will meet in "
            "Sunday's final.",
            "2006-11-22",
            ("Sunday", "2006-11-26"),
        ),
    ],
)
def test_group_letter_ends_a_sentence(text: str, dct: str, expected: tuple[str, str]) -> None:
    assert expected in found(text, dct)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("The envoy met George W. Bush on Sunday.", 1),  # an initial before a name
        ("They were drawn in Group B. The final is on Sunday.", 2),
    ],
)
def test_initial_or_sentence_end(text: str, sentences: int) -> None:
    from storyline.nlp.timex.tense import Sentences

    assert len(Sentences(text).bounds) == sentences
