"""Session 14: a clock time in an update note with no day of its own ("Editor's note: This
story was updated at 5:45 p.m. ET to include details from the NASA telecon") is on the
publication day, as an update stamp's date already is (values.update_stamp): an update is
never before publication, so the day the story last told of (an earlier date) is not its day.
Counter-example: a clock time in the story ("closed at 5:45 p.m.") keeps the story's day.
Both paths are tested."""

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
            "These 11 had until Nov. 1 to submit detailed proposals. Editor's note: This story "
            "was updated at 5:45 p.m. ET to include details from the NASA telecon.",
            ("5:45 p.m. ET", "2019-11-18T17:45"),
        ),
        (
            "The proposals were due on Nov. 1.\n\nUpdated at 1:23 p.m.",
            ("1:23 p.m.", "2019-11-18T13:23"),
        ),
        # counter-example: a clock time of the story keeps the day the story is at
        (
            "The deal was signed on Nov. 1 and closed at 5:45 p.m.",
            ("5:45 p.m.", "2019-11-01T17:45"),
        ),
    ],
)
def test_update_note_clock_is_on_publication_day(
    text: str, expected: tuple[str, str], parse: bool
) -> None:
    assert expected in found(text, "2019-11-18", parse)
