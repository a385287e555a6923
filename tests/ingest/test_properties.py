"""Properties of load_article on arbitrary input: it returns an Article or raises an
InputError (one line), never anything else; the result is stable when loaded again."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storyline.errors import InputError
from storyline.ingest import load_article
from storyline.ingest.text import clean

WORDS = st.sampled_from(
    [
        "WASHINGTON -",
        "REUTERS",
        "Follow topic:",
        "PHOTO: AFP",
        "Nov 21, 2025",
        "said",
        "\u00a0",
        "<p>",
        "</p>",
        "<html>",
        "\n\n",
        "\n",
        " ",
        "Mr Maduro",
        "By Jane Doe",
        "(AP) —",
        "\x00",
        "\ufeff",
        "\u200b",
        "\x1b",
        "é",
        "“",
        "Read more",
        "2025-02-30",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=400), st.lists(WORDS, max_size=60).map(" ".join)))
@example(text="BY A0\nBY A0")  # a repeated byline line was kept, then removed by a second clean
@example(text="READ MORE\n 0\n\n")  # a kept line's leading space, stripped by a second clean
def test_load_article_text_never_raises_anything_but_input_error(text):
    try:
        art = load_article(text)
    except InputError as exc:
        assert "\n" not in str(exc)
        return
    assert art.text.strip()
    # Cleaning is idempotent: the cleaned text holds no furniture, captions or repeats. (A
    # single hard-wrapped paragraph is read line by line the second time, by design: text
    # without blank lines has one paragraph per line.)
    paragraphs = art.text.split("\n\n")
    if len(paragraphs) > 1 or "\n" not in art.text:
        assert clean(art.text, detect_title=False).paragraphs == paragraphs


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=600))
def test_load_article_bytes_never_raise_anything_but_input_error(raw):
    try:
        load_article(raw)
    except InputError as exc:
        assert "\n" not in str(exc)
