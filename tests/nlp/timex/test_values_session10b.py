"""Session 10, second round of values and tense: the first round's rules for a passive
infinitive ("an interview to be broadcast Monday") and for a weekday of a plan made in the
past ("was due to arrive on Wednesday") were tested without a parse only. ``analyze()`` tags
with a spaCy parse, so every case here runs on both paths and must read the same."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a passive infinitive tells of what is still to be done; the parse makes its
        # participle a past verb (it gave the Monday gone), so the cue words decide
        (
            "Annan told the BBC in an interview to be broadcast Monday.",
            "2006-12-03",
            ("Monday", "2006-12-04"),
        ),
        (
            "Mueller told the daily Die Welt in a pre-release of an interview to be published "
            "on Wednesday.",
            "2005-12-13",
            ("Wednesday", "2005-12-14"),
        ),
        (
            "The opposition tabled a motion to be debated Thursday.",
            "2006-12-04",
            ("Thursday", "2006-12-07"),
        ),
        (
            "Leaders met ahead of the summit, to be held on Thursday in Brussels.",
            "2006-12-04",
            ("Thursday", "2006-12-07"),
        ),
        # counter-examples: after "was/were" a plan of the past; an active past stays past;
        # not across "and", nor from further back than four words
        (
            "The prisoners were to be released on Monday, but the order was revoked.",
            "1997-04-30",
            ("Monday", "1997-04-28"),
        ),
        ("The interview was broadcast on Monday.", "2006-12-03", ("Monday", "2006-11-27")),
        (
            "A first batch of Rwandan refugees was supposed to be airlifted out of Kisangani "
            "on Friday, but rebels blocked the airport.",
            "1997-04-21",
            ("Friday", "1997-04-18"),
        ),
        (
            "Assange was due to be released from HMP Belmarsh in September after serving the "
            "custody period of his jail term.",
            "2019-11-19",
            ("September", "2019-09"),
        ),
        (
            "Palestinians want the truce to be extended to the occupied West Bank and on "
            "Sunday, the al-Aqsa Brigades said they would halt attacks.",
            "2006-12-04",
            ("Sunday", "2006-12-03"),
        ),
        (
            "A woman claiming to be infected with COVID-19 allegedly spit in a nurse's face "
            "early Monday in an Aurora hospital.",
            "2020-05-15",
            ("early Monday", "2020-05-11"),
        ),
    ],
)
def test_passive_infinitive_looks_ahead_on_both_paths(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        # a weekday of a plan made in the past is the nearest such weekday, ahead or gone
        (
            "Mottaki -- who was due to arrive in Pakistan on Wednesday -- will visit "
            "Islamabad this week.",
            "2006-12-04",
            ("Wednesday", "2006-12-06"),
        ),
        (
            "The Italian flag was scheduled to be lowered on Friday at the American military "
            "base near Nassiriya.",
            "2006-11-30",
            ("Friday", "2006-12-01"),
        ),
        (
            "Economists said they would also pay close attention to data which was due to be "
            "published on Wednesday.",
            "1997-04-14",
            ("Wednesday", "1997-04-16"),
        ),
        (
            "Japanese Foreign Minister Yukihiko Ikeda, who was expected in Lima early Thursday "
            "accompanied by the relatives of several former hostages.",
            "1997-04-23",
            ("early Thursday", "1997-04-24"),
        ),
        # the parse reads the past of "was" (TE3 silver, whole stories with a parse: the
        # Thursday/Friday gone), so the cue words decide on both paths
        (
            "Most economists said that the central council of the Bundesbank was expected to "
            "hold its key rates at a meeting on Thursday.",
            "1997-04-02",
            ("Thursday", "1997-04-03"),
        ),
        (
            "The UN refugee agency earlier announced that the airlift from Kisangani to Rwanda "
            "via Goma was scheduled to begin Friday with 80 refugee children.",
            "1997-04-17",
            ("Friday", "1997-04-18"),
        ),
        (
            "PAGASA said Queenie was moving west at 19 kph and was expected to be 700 "
            "kilometers east southeast of northern Luzon by Friday morning.",
            "2006-11-09",
            ("Friday morning", "2006-11-10TMO"),
        ),
        (
            "And he was certain to receive more congratulations from Japanese Foreign Minister "
            "Yukihiko Ikeda, who was expected in Lima early Thursday accompanied by the "
            "relatives of several former hostages.",
            "1997-04-23",
            ("early Thursday", "1997-04-24"),
        ),
        # counter-examples: a past after the date keeps it gone (session 8's case); a past
        # deed; a present timetable; "due to" a cause; a plan in the past perfect
        (
            "The vote was expected on Thursday but was postponed.",
            "2006-12-06",
            ("Thursday", "2006-11-30"),
        ),
        (
            "The report was scheduled for Friday but was delayed by a strike.",
            "2006-12-04",
            ("Friday", "2006-12-01"),
        ),
        ("The talks were held on Wednesday.", "2006-12-04", ("Wednesday", "2006-11-29")),
        ("The minister is due to arrive on Friday.", "2006-12-04", ("Friday", "2006-12-08")),
        (
            "The flight was cancelled due to the storm on Wednesday.",
            "2006-12-04",
            ("Wednesday", "2006-11-29"),
        ),
        (
            "A C$30-a-share bid was extended to Nov. 16. It had been due to expire Friday evening.",
            "1989-10-30",
            ("Friday evening", "1989-10-27TEV"),
        ),
    ],
)
def test_plan_of_the_past_on_both_paths(
    text: str, dct: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, dct, parse)
