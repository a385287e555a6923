"""Finding quoted stretches: curly, straight, mixed, wrong-way-round and unbalanced marks."""

from __future__ import annotations

import pytest

from storyline.nlp.attribution.quotes import find_quotes


def _texts(text):
    return [text[s:e] for s, e in find_quotes(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('He said "yes" and "no".', ["yes", "no"]),
        ("He said \u201cyes\u201d and \u201cno\u201d.", ["yes", "no"]),
        # a curly opening closed by a straight mark
        ('\u201cWe are ready," she said.', ["We are ready,"]),
        # curly marks the wrong way round (a real page: usatoday)
        ("\u201cA,\u201c Levine said. \u201dB.", ["A,", "B."]),
        # unbalanced: the quote ends with its paragraph
        ('"Open quote\nNext paragraph "closed".', ["Open quote", "closed"]),
        ("No quotes at all.", []),
        ('""', []),
    ],
)
def test_find_quotes(text, expected):
    assert _texts(text) == expected


def test_find_quotes_spans_exclude_marks():
    text = 'x "abc" y'
    assert find_quotes(text) == [(3, 6)]
