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


@pytest.mark.parametrize("name", ["timex_title_words.txt", "timex_generic_nouns.txt"])
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


# "today's youth", "the leaders of tomorrow": the present age or the future in general, left
# untagged in TimeBank and AQUAINT alike.
@pytest.mark.parametrize(
    "text",
    [
        "It matters to mothers in today's world.",
        "The case is for today's youth what the blockade was.",
        "If I were choosing the people of tomorrow, I would choose them.",
        "They are yesterday's men.",
        "Today's young people read less.",
    ],
)
def test_generic_today_is_not_a_day(text: str) -> None:
    assert not texts(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Shareholders responded coolly to yesterday's announcement.", "2025-12-01"),
        ("Tomorrow's vote has international implications.", "2025-12-03"),
        ("The offer was advertised in today's editions.", "2025-12-02"),
        ("The law takes effect as of tomorrow.", "2025-12-03"),
        ("Today, young people read less.", "2025-12-02"),
    ],
)
def test_generic_today_counter_examples(text: str, value: str) -> None:
    assert value in found(text).values()
