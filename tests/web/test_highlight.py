from __future__ import annotations

import pytest

from storyline.model import Analysis, Article, Attribution, Entity, Quote, Source, Span, Timex
from storyline.web.highlight import Mark, article_segments, marks_for, segments

TEXT = 'Two officials said on Friday that "the call happened," Trump said.'
#       0123456789012345678901234567890123456789012345678901234567890123456


def span(text: str, piece: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return Span(start, start + len(piece), piece)


def analysis() -> Analysis:
    officials = span(TEXT, "Two officials")
    friday = span(TEXT, "Friday")
    trump = span(TEXT, "Trump")
    quote = span(TEXT, '"the call happened,"')
    return Analysis(
        article=Article(text=TEXT, published="2025-12-02"),
        timexes=[Timex(friday.start, friday.end, "Friday", "DATE", "2025-11-28")],
        entities=[Entity("e1", "Donald Trump", "PERSON", mentions=[trump])],
        attributions=[
            Attribution(
                cue=span(TEXT, "said"),
                source=Source(
                    officials.start,
                    officials.end,
                    officials.text,
                    "anonymous_group",
                    count=2,
                    anonymous=True,
                ),
                content=None,
            ),
            Attribution(
                cue=span(TEXT, "said", 1),
                source=Source(trump.start, trump.end, "Trump", "named_person", entity_id="e1"),
                content=quote,
                direct_quote=True,
            ),
        ],
        quotes=[Quote(quote.start, quote.end, quote.text, speaker_entity_id="e1")],
    )


def test_segments_rebuild_the_text_exactly() -> None:
    segs = article_segments(analysis())
    assert "".join(s.text for s in segs) == TEXT


@pytest.mark.parametrize(
    ("piece", "css", "tip"),
    [
        ("Friday", "hl-timex", "date 2025-11-28"),
        ("Two officials", "hl-source", "source: 2 anonymous"),
        ("Trump", "hl-source", "source: named = Donald Trump"),
        ("Trump", "hl-entity", "PERSON: Donald Trump"),
        ('"the call happened,"', "hl-quote", "quote: Donald Trump"),
    ],
)
def test_segments_carry_class_and_hover_text(piece: str, css: str, tip: str) -> None:
    segs = article_segments(analysis())
    hits = [s for s in segs if s.text == piece]
    assert hits, f"{piece!r} is not one segment"
    assert css in hits[0].classes
    assert tip in hits[0].tips


def test_segments_overlap_splits_without_nesting() -> None:
    # "call" sits in a quote and in an entity mark that starts mid-quote.
    text = 'He said "the big call" ended.'
    quote = Mark(8, 22, "quote", "hl-quote", "quote")
    ent = Mark(17, 28, "entity", "hl-entity", "EVENT")
    segs = segments(text, [quote, ent])
    assert [(s.text, s.classes) for s in segs] == [
        ("He said ", ()),
        ('"the big ', ("hl-quote",)),
        ('call"', ("hl-quote", "hl-entity")),
        (" ended", ("hl-entity",)),
        (".", ()),
    ]


@pytest.mark.parametrize(
    ("start", "end"),
    [(-1, 3), (5, 5), (10, 4), (0, 10_000)],
)
def test_marks_for_drops_offsets_outside_the_text(start: int, end: int) -> None:
    a = analysis()
    a.timexes.append(Timex(start, end, "x", "DATE", "2025"))
    kept = marks_for(a)
    assert all(0 <= m.start < m.end <= len(TEXT) for m in kept)
    assert len([m for m in kept if m.kind == "timex"]) == 1


@pytest.mark.parametrize("text", ["", "no annotations here"])
def test_segments_plain_text_is_one_piece(text: str) -> None:
    segs = segments(text, [])
    assert "".join(s.text for s in segs) == text
    assert all(s.classes == () for s in segs)
