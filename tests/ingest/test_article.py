"""load_article: one document to a clean Article (storyline.ingest.article)."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.errors import InputError, InvalidDate
from storyline.ingest import load_article
from storyline.ingest.article import NO_DATE_WARNING

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SEED = FIXTURES / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
WIRE_PAGE = FIXTURES / "ingest" / "handmade-wire-page.html"
SEED_URL = (
    "https://www.straitstimes.com/world/"
    "trump-rejected-maduro-requests-on-call-options-narrow-for-venezuela-leader-sources-say"
)
FURNITURE = (
    "Sign up now",
    "newsletters delivered",
    "Follow topic",
    "See more on",
    "PHOTO: REUTERS",
    "sources. REUTERS",
)


@pytest.fixture(scope="module")
def seed():
    return load_article(SEED.read_bytes(), url=SEED_URL, published="2025-12-02")


def test_load_article_seed_text_is_free_of_furniture(seed):
    for bit in FURNITURE:
        assert bit not in seed.text
    # The caption appeared twice before the credit; as a caption it goes, the body sentence stays.
    assert seed.text.count("seeking regime change to take control") == 1
    assert seed.text.startswith("WASHINGTON - Venezuela's President Nicolas Maduro is running out")
    assert seed.text.endswith(
        "Mr Maduro's administration has requested another call with Mr Trump, "
        "according to the three sources."
    )


def test_load_article_seed_metadata(seed):
    assert (
        seed.title == "Trump rejected Maduro requests on call, options narrow for Venezuela leader"
    )
    assert seed.dateline == "Washington"
    assert seed.wire == "Reuters"
    assert seed.outlet == "The Straits Times"
    assert (seed.published, seed.published_source) == ("2025-12-02", "given")
    assert seed.extractor == "text"
    assert seed.warnings == []


def test_load_article_seed_keeps_no_break_spaces_and_the_dates_timex_needs(seed):
    assert seed.text.count("\u00a0") == 4
    assert "denied the\u00a0accusations" in seed.text
    for date in ("Nov 21", "Nov 28", "Nov 29", "Nov 30", "Dec 1", "since 2013", "last year"):
        assert date in seed.text


def test_load_article_seed_without_date_warns_and_never_uses_today():
    art = load_article(SEED.read_text(encoding="utf-8"))
    assert art.published is None and art.published_source is None
    assert art.warnings == [NO_DATE_WARNING]
    assert art.outlet is None


def test_load_article_html_page_metadata_and_cleaning():
    art = load_article(WIRE_PAGE.read_bytes())
    assert art.title == "Port workers end strike after pay deal"
    assert art.byline == "Jane Roe"
    assert art.outlet == "Example Herald"  # og:site_name; the host is not in outlet_hosts.tsv
    assert (art.published, art.published_source) == ("2025-03-14", "html")  # original, not modified
    assert art.dateline == "Rotterdam"
    assert art.wire == "Reuters"
    assert art.extractor == "trafilatura"
    assert art.text.startswith("ROTTERDAM, March 14 (Reuters) - Dock workers")
    for bit in ("Related Stories", "cookies", "Reporting by", "All rights reserved", "Home"):
        assert bit not in art.text


def test_load_article_outlet_table_beats_page_site_name():
    art = load_article(WIRE_PAGE.read_bytes(), url="https://www.reuters.com/world/port-strike")
    assert art.outlet == "Reuters"


@pytest.mark.parametrize(
    ("kwargs", "text", "published", "source"),
    [
        ({"published": "2025-12-02"}, "Body text of the story goes here.", "2025-12-02", "given"),
        ({"published": "2025-12-02T10:30:00Z"}, "Body text of the story.", "2025-12-02", "given"),
        (
            {"url": "https://example.com/2025/12/02/story-slug"},
            "Body text of the story.",
            "2025-12-02",
            "url",
        ),
        (
            {},
            "Washington, Dec. 1, 2025 (AP) -- The Senate voted.\n\nMore.",
            "2025-12-01",
            "dateline",
        ),
        (
            {},
            "LONDON, Dec 1 (Reuters) - Talks began on Nov 30, 2025.\n\nMore.",
            "2025-12-01",
            "estimated",
        ),
        (
            {},
            "The deal was signed on 3 March 2024 and came into force on March 20, 2024.",
            "2024-03-20",
            "estimated",
        ),
    ],
)
def test_load_article_publication_date_sources(kwargs, text, published, source):
    art = load_article(text, **kwargs)
    assert (art.published, art.published_source) == (published, source)
    if source == "estimated":
        assert art.warnings and art.warnings[0].startswith(
            f"publication date estimated as {published}"
        )
        assert "--published YYYY-MM-DD" in art.warnings[0]
    else:
        assert art.warnings == []


@pytest.mark.parametrize("value", ["0000-00-00", "2025-02-30", "yesterday", "2025-13-01"])
def test_load_article_invalid_published_is_invalid_date(value):
    with pytest.raises(InvalidDate) as err:
        load_article("Body text of the story.", published=value)
    assert str(err.value) == (
        f"invalid publication date {value!r}: give a real calendar date as YYYY-MM-DD"
    )


def _big_text(mb: int) -> str:
    line = "The council met again on Tuesday and discussed the budget at length.\n"
    return line * (mb * 1024 * 1024 // len(line) + 1)


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        (b"", "the input is empty: give a file with an article's text or HTML"),
        (b"   \n\t\n  ", "the input is empty: give a file with an article's text or HTML"),
        ("  \n ", "the input is empty: give a file with an article's text or HTML"),
        (
            b"\x00\x01\x02binary\x00junk" * 100,
            "the input is a binary file (it contains NUL bytes), not an article's text or HTML",
        ),
        (
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
            "the input is a PNG image, not an article's text or HTML",
        ),
        (b"%PDF-1.7\n" + b"x" * 100, "the input is a PDF file, not an article's text or HTML"),
        (
            bytes(range(128, 256)) * 40,
            "cannot decode the input as text: it is not UTF-8 and no other encoding fits; "
            "convert it to UTF-8 (e.g. iconv -f LATIN1 -t UTF-8)",
        ),
        (
            "text \x01\x02\x03\x04\x05\x06\x07\x08 with controls " * 50,
            "the input looks like binary data, not text or HTML (too many control characters); "
            "give an article's text or HTML",
        ),
        (
            "<html><head><title>Menu</title></head><body><nav><a href='/'>Home</a></nav>"
            "<script>var x = 1;</script></body></html>",
            "no article text found in the HTML (1 word of body text after all extraction stages); "
            "give the article's own page, or its text",
        ),
        (
            "Sign up now: Get ST's newsletters delivered to your inbox\n\n"
            "Follow topic:\n\nSee more on",
            "no article text found: the input holds only page furniture (menus, credits, "
            "newsletter prompts, a consent notice); give the article's text",
        ),
    ],
    ids=[
        "empty",
        "whitespace",
        "whitespace-str",
        "nul-bytes",
        "png",
        "pdf",
        "undecodable",
        "control-chars",
        "html-no-article",
        "only-furniture",
    ],
)
def test_load_article_bad_input_one_clear_line(raw, message):
    with pytest.raises(InputError) as err:
        load_article(raw)
    assert str(err.value) == message
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("mb", [20, 50])
def test_load_article_too_large_one_clear_line(mb):
    raw = _big_text(mb).encode()
    with pytest.raises(InputError) as err:
        load_article(raw)
    assert str(err.value).startswith(
        f"the input is too large for one article ({mb}.0 MB, limit 16.0 MB)"
    )


def test_load_article_text_over_spacy_limit_after_extraction():
    with pytest.raises(
        InputError,
        match=r"^the article text is too long \(\d,\d{3},\d{3} characters, limit 1,000,000\)",
    ):
        load_article(_big_text(2))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Le président a déclaré à Paris que la réunion était terminée.".encode("latin-1"),
            "Le président a déclaré à Paris que la réunion était terminée.",
        ),
        (
            "He said \u201cyes\u201d \u2014 and left the room.".encode("cp1252"),
            "He said \u201cyes\u201d \u2014 and left the room.",
        ),
        (
            "\ufeffBody with a byte-order mark, in UTF-8.".encode(),
            "Body with a byte-order mark, in UTF-8.",
        ),
        (
            "Body in UTF-16 with its byte-order mark.".encode("utf-16"),
            "Body in UTF-16 with its byte-order mark.",
        ),
        (
            "Президент заявил, что встреча закончилась поздно вечером.".encode("cp1251"),
            "Президент заявил, что встреча закончилась поздно вечером.",
        ),
        (
            "Body in UTF-16 written without a byte-order mark.".encode("utf-16-le"),
            "Body in UTF-16 written without a byte-order mark.",
        ),
        (
            "If you\u2019re still at home, you\u2019re not alone.".encode()
            .decode("latin-1")
            .encode(),
            "If you\u2019re still at home, you\u2019re not alone.",
        ),
    ],
    ids=["latin1", "cp1252", "utf8-bom", "utf16-bom", "cp1251", "utf16le-no-bom", "mojibake"],
)
def test_load_article_wrong_encodings_are_decoded(raw, expected):
    assert load_article(raw).text == expected


def test_load_article_meta_charset_is_honoured():
    body = (
        "<p>Le ministre a annoncé la réforme des retraites à l'Assemblée nationale mardi soir.</p>"
    )
    html = f'<html><head><meta charset="iso-8859-1"></head><body>{body * 3}</body></html>'
    art = load_article(html.encode("latin-1"))
    assert "annoncé la réforme" in art.text


def test_load_article_broken_html_still_gives_text():
    para = (
        "<p>Officials said on Tuesday that the bridge would reopen next month after "
        "repairs, according to a statement from the transport ministry"
    )
    broken = "<html><body><div><b>" + para * 6 + "<div><span>unclosed <i>tags"
    art = load_article(broken)
    assert "the bridge would reopen next month" in art.text
    assert art.extractor in ("trafilatura", "fallback", "baseline")


def test_load_article_html_fragment_keeps_every_paragraph():
    frag = "<p>First paragraph of the story, with a date: Nov 21.</p><p>Second paragraph here.</p>"
    art = load_article(frag, content_type="text/html")
    assert art.extractor == "fragment"
    assert (
        art.text == "First paragraph of the story, with a date: Nov 21.\n\nSecond paragraph here."
    )


def test_load_article_plain_text_that_mentions_a_tag_is_not_html():
    text = "Developers discussed the <div> element at the conference.\n\nMore text follows."
    assert load_article(text).extractor == "text"


@pytest.mark.parametrize(
    ("header", "published", "source"),
    [
        ("Published Dec 02, 2025, 05:00 AM", "2025-12-02", "text"),
        ("First published on Tue 2 Dec 2025 06.00 GMT", "2025-12-02", "text"),
        ("Updated: December 3, 2025 07:04", "2025-12-03", "estimated"),
        ("Published: 2025-12-02\n\nUpdated: 2025-12-03", "2025-12-02", "text"),
    ],
)
def test_load_article_published_line_of_a_copied_page(header, published, source):
    text = f"Headline of the story here\n\n{header}\n\nWASHINGTON - Body text.\n\nMore text."
    art = load_article(text)
    assert (art.published, art.published_source) == (published, source)
    assert "ublished" not in art.text and "pdated" not in art.text
    assert art.text.startswith("WASHINGTON - Body text.")


def test_load_article_published_line_counter_example_sentence_stays():
    text = "WASHINGTON - The report was published on Monday by the agency.\n\nMore text."
    art = load_article(text)
    assert art.text.startswith("WASHINGTON - The report was published on Monday")


@pytest.mark.parametrize(
    ("text", "title", "starts"),
    [
        # The pasted headline repeats the given title (reworded): it leaves the body.
        (
            "Trump rejected Maduro requests on call\n\nWASHINGTON - Body.\n\nMore.",
            "Trump rejected Maduro requests on call, sources say",
            "WASHINGTON - Body.",
        ),
        # A given title does not make an unrelated first line a headline: nothing is lost.
        (
            "Oil prices fell on Tuesday\n\nLONDON - Body.\n\nMore.",
            "Stocks drift near highs",
            "Oil prices fell on Tuesday",
        ),
    ],
)
def test_load_article_given_title_and_headline_echo(text, title, starts):
    art = load_article(text, title=title)
    assert art.title == title
    assert art.text.startswith(starts)


def test_load_article_html_with_too_many_tags_is_refused_fast():
    page = "<html><body>" + "<span>a</span>" * 40_000 + "</body></html>"
    with pytest.raises(InputError) as err:
        load_article(page)
    assert str(err.value) == (
        "the page has too many HTML tags for one article (80,004, limit 50,000); "
        "give the article's own page, or its text"
    )


@pytest.mark.parametrize(
    ("lang", "language", "warned"),
    [('lang="pt-BR"', "pt", True), ("lang=en-GB", "en", False), ("", None, False)],
)
def test_load_article_page_language(lang, language, warned):
    para = "<p>Officials said on Tuesday that the bridge would reopen next month.</p>"
    page = (
        f"<!DOCTYPE html><html {lang}><head><title>x</title></head><body>{para * 4}</body></html>"
    )
    art = load_article(page)
    assert art.language == language
    assert any("declares language" in w for w in art.warnings) is warned


def test_load_article_copyright_year_is_not_a_publication_date():
    para = "<p>Officials said on Tuesday that the bridge would reopen next month.</p>"
    page = (
        "<!DOCTYPE html><html lang=en><head><title>Bridge</title></head><body><article>"
        f"{para * 4}</article><footer>© 2016 Example Media</footer></body></html>"
    )
    art = load_article(page)
    assert art.published is None
    assert art.warnings == [NO_DATE_WARNING]


def test_load_article_entity_bomb_in_html_is_not_expanded():
    levels = ['<!ENTITY a0 "lollollollollollollollollollol">'] + [
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 9)
    ]
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [{"".join(levels)}]><html><body>'
        "<p>&a8; Officials said on Tuesday that the bridge would reopen next month.</p>"
        "</body></html>"
    )
    art = load_article(page, content_type="application/xhtml+xml")
    assert len(art.text) < 1000
    assert "the bridge would reopen next month" in art.text
