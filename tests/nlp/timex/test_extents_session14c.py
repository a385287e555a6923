"""Session 14: "the following morning", "the preceding evening" are a part of the day after
(before) the day the story is at, as "the next morning" and "the previous night" already were;
they were untagged, and a clock before them ("at 6:30 a.m. the following morning") stayed on
the story's day. Counter-examples: "the following" as a pronoun before a colon is no time, and
"the next morning" keeps its value. Both paths (cue words and a spaCy parse) are tested."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "He was arrested on Friday and released at 6:30 a.m. the following morning.",
            [("Friday", "2025-11-28"), ("6:30 a.m. the following morning", "2025-11-29T06:30")],
        ),
        (
            "Police searched the house on Friday. The following evening they charged him.",
            [("Friday", "2025-11-28"), ("The following evening", "2025-11-29TEV")],
        ),
        (
            "The summit opened on Monday; the preceding evening the ministers met for dinner.",
            [("Monday", "2025-12-01"), ("the preceding evening", "2025-11-30TEV")],
        ),
        # counter-examples: the pronoun "the following", and "the next morning" as before
        ("He said the following: morning prayers would stay closed.", []),
        (
            "He was arrested on Friday and released at 6:30 a.m. the next morning.",
            [("Friday", "2025-11-28"), ("6:30 a.m. the next morning", "2025-11-29T06:30")],
        ),
    ],
)
def test_following_part_of_day(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2025-12-03", parse) == expected
