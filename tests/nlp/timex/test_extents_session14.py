"""Session 14 of recognition and extents: classes of time expressions the tagger missed, split or
took inside idioms and names, read in new news pages (article-extraction-benchmark and
htmldate-mediacloud 2020), judged by the TimeML 1.2.1 (TE3) rules; every class has
counter-examples. Both paths (cue words and a spaCy parse) must agree."""

from __future__ import annotations

import pytest

from storyline.nlp.pipeline import get_nlp
from storyline.nlp.timex import tag


def found(text: str, dct: str, parse: bool = False) -> list[tuple[str, str]]:
    doc = get_nlp()(text) if parse else None
    return [(t.text, t.value) for t in tag(text, dct, doc=doc)]


# "every now and then", "now and again": from time to time, a frequency without a period (as
# "once in a while" is), so no present "now". "between now and then" bounds a stretch from
# the present and keeps its "now"; "now" on its own stays PRESENT_REF.
@pytest.mark.parametrize("parse", [False, True])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("But every now and again, I'd be reminded I was streaming.", []),
        ("Fast-food chains shake up their menus every now and again.", []),
        ("Every now and then we drive to the coast.", []),
        ("He found it in his heart to say a few flattering words now and then.", []),
        ("Now and then he called his mother in 2019.", [("2019", "2019")]),
        # counter-examples
        (
            "Treatments are expected to evolve between now and then.",
            [("now", "PRESENT_REF")],
        ),
        ("We are in a good position now, and then we will see.", [("now", "PRESENT_REF")]),
        ("The station is closed now.", [("now", "PRESENT_REF")]),
    ],
)
def test_now_and_then_idiom(text: str, expected: list[tuple[str, str]], parse: bool) -> None:
    assert found(text, "2020-05-15", parse) == expected
