"""Fourth timex round: recognition (false alarms and missed classes), each with counter-examples.

DCT for every case: Tuesday 2025-12-02 (the seed's publication date).
"""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.nlp.timex import tag
from storyline.rules import data_path

DCT = dt.date(2025, 12, 2)


def texts(text: str) -> list[str]:
    return [t.text for t in tag(text, DCT)]


def found(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, DCT)}


@pytest.mark.parametrize("name", ["timex_title_words.txt"])
def test_recognition_data_file_has_header_comment(name: str) -> None:
    assert data_path(name).read_text(encoding="utf-8").startswith("# ")


# A time word with a capital inside a sentence belongs to a name or a title (TimeML tags
# times, not the titles of programmes, films or papers).
@pytest.mark.parametrize(
    ("text", "title"),
    [
        ('Baker, speaking on ABC News\' "This Week," said so.', "This Week"),
        ('He said on CBS\'s "60 Minutes" that he was sorry.', "60 Minutes"),
        ("This is VOA Today.", "Today"),
        ("The poster showed Gary Cooper from the film ``High Noon.''", "Noon"),
        ("He told USA Today that he would resign.", "Today"),
        ("The film Apocalypse Now was screened in Paris.", "Now"),
    ],
)
def test_titles_are_not_time_expressions(text: str, title: str) -> None:
    assert not any(title in t for t in texts(text))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ('He said, "Today we start."', "Today"),  # a quotation opens with a capital
        ("Talks resumed on Monday. Now the parties must agree.", "Now"),  # sentence start
        ("Today, the court ruled.", "Today"),
        ("Obama To Visit Israel Next Week", "Next Week"),  # a title-case headline
        ("-- Now, the parties must agree.", "Now"),
        ("The TODAY show aired at noon.", "noon"),
    ],
)
def test_titles_counter_examples(text: str, phrase: str) -> None:
    assert phrase in texts(text)
