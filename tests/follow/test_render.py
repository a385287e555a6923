"""render: one digest as Markdown, plain text and HTML, saying the same things."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from storyline.follow.digest import ArticleRef, diff_timeline
from storyline.follow.follows import Follow
from storyline.follow.render import md_escape, render_html, render_markdown, render_text

from .test_digest import CALL, CONFIRM, DEADLINE, TODAY, entry, timeline

FOLLOW = Follow(id=2, kind="entity", target="Nicolas Maduro", emails=("a@example.org",))
REFS = {
    "reuters-1": ArticleRef(
        id="reuters-1", title="Trump rejected Maduro requests", url="https://example.org/r1",
        outlet="Reuters", published="2025-12-01",
    ),
    "st-copy": ArticleRef(
        id="st-copy", title="Trump rejected Maduro requests", outlet="The Straits Times",
        published="2025-12-02", copy_of="reuters-1",
    ),
}  # fmt: skip


def digest_items():
    shared = {**CALL, "mentions": CALL["mentions"] + [{"article": "st-copy", "sentence": 3}]}
    return diff_timeline(
        2, timeline(shared, DEADLINE, CONFIRM), [], articles=REFS, today=TODAY
    ).items


@pytest.mark.parametrize("render", [render_markdown, render_text])
def test_render_text_forms_name_sections_entries_and_sources(render):
    out = render(
        FOLLOW,
        digest_items(),
        feed_url="http://127.0.0.1:8000/feeds/2.atom",
        page_url="http://127.0.0.1:8000/search?q=Nicolas+Maduro",
    )
    for expected in (
        "New on the timeline",
        "Deadlines just expired",
        "2025-11-21",
        "four sources briefed on the call",
        "Articles that added something new",
        "also run by The Straits Times",
        "http://127.0.0.1:8000/feeds/2.atom",
        "On storyline: ",
        "http://127.0.0.1:8000/search?q=Nicolas+Maduro",
    ):
        assert expected in out, expected


@pytest.mark.parametrize("render", [render_markdown, render_text, render_html])
def test_render_without_a_base_url_has_no_storyline_links(render):
    out = render(FOLLOW, digest_items())
    assert "On storyline" not in out and "Atom feed" not in out


def test_render_html_links_the_follow_page():
    page = "http://news.local/stories/7"
    soup = BeautifulSoup(render_html(FOLLOW, digest_items(), page_url=page), "html.parser")
    assert page in [a["href"] for a in soup.find_all("a")]


@pytest.mark.parametrize("render", [render_markdown, render_text])
def test_render_syndicated_copy_listed_once(render):
    out = render(FOLLOW, digest_items())
    articles = out.split("Articles that added something new", 1)[1]
    assert articles.count("Trump rejected Maduro requests") == 1


def test_render_html_is_escaped_and_structured():
    hostile = entry("2025-11-22", "<script>alert(1)</script> & more", [("x", 1)])
    items = diff_timeline(2, timeline(hostile, CALL), [], today=TODAY).items
    soup = BeautifulSoup(render_html(FOLLOW, items), "html.parser")
    assert soup.find("script") is None
    kinds = [div["data-kind"] for div in soup.select("div.item")]
    assert kinds == ["new_entry", "new_entry"]
    assert "<script>alert(1)</script> & more" in soup.get_text()


@pytest.mark.parametrize(
    "raw, escaped",
    [("*bold* [link](x)", r"\*bold\* \[link\](x)"), ("plain words", "plain words"), (None, "")],
)
def test_md_escape(raw, escaped):
    assert md_escape(raw) == escaped


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,<script>x</script>"])
@pytest.mark.parametrize("render", [render_markdown, render_html])
def test_render_links_only_http_urls(render, url):
    refs = {"x": ArticleRef(id="x", title="Hostile", url=url, outlet="Evil Herald")}
    items = diff_timeline(2, timeline(entry("2025-11-22", "An event", [("x", 1)])), [],
                          articles=refs, today=TODAY).items  # fmt: skip
    out = render(FOLLOW, items)
    if render is render_html:
        assert not BeautifulSoup(out, "html.parser").find("a", href=url)
    else:
        assert f"(<{url}>)" not in out and "Hostile" in out
