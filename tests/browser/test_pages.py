"""The pages in a real Chromium: paste an article, read an article, open a story, click an
entry, use a filter. Screenshots of the story and article pages go to docs/screenshots/."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "tests" / "fixtures" / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
HOSTILE = ROOT / "tests" / "web" / "fixtures" / "hostile-article.html"


@pytest.mark.parametrize("published", ["2025-12-02"])
def test_analyze_page_paste_shows_highlighted_article(page, published: str) -> None:
    page.goto("/analyze")
    page.fill("textarea#text", SEED.read_text(encoding="utf-8"))
    page.fill("input[name=published]", published)
    page.click("form.analyze button[type=submit]")
    page.wait_for_selector("#result")
    text = page.inner_text("#article-text")
    assert "Maduro" in text
    meta = page.inner_text("#result dl.meta")
    assert published in meta
    # Every highlight shows its hover text (a normalised date, who a source is).
    marks = page.locator("#article-text [data-tip]")
    for i in range(min(marks.count(), 20)):
        assert marks.nth(i).get_attribute("title")


def test_analyze_page_hostile_paste_runs_no_script(page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto("/analyze")
    page.fill("textarea#text", HOSTILE.read_text(encoding="utf-8"))
    page.fill("input[name=outlet]", "<img src=x onerror=alert('outlet')>")
    page.click("form.analyze button[type=submit]")
    page.wait_for_selector("#result")
    page.wait_for_timeout(300)
    assert dialogs == []
    assert page.locator("#result img").count() == 0


def test_article_page_shows_text_and_sources(page, server, screenshots: Path) -> None:
    page.goto("/articles/seed")
    assert "Maduro" in page.inner_text("h1")
    assert "Maduro" in page.inner_text("#article-text")
    assert page.locator("section.article-sources").is_visible()
    page.screenshot(path=str(screenshots / "article.png"), full_page=False)


def _first_story(server) -> dict:
    stories = httpx.get(f"{server.url}/api/stories?limit=100", timeout=10).json()["items"]
    assert stories, "the served workspace has no stories"
    # The story with the most articles makes the richest timeline.
    return max(stories, key=lambda s: s["article_count"])


def test_story_list_links_to_stories(page, server) -> None:
    page.goto("/")
    rows = page.locator("table.stories tr.story")
    assert rows.count() >= 1
    assert page.locator("table.stories svg.sparkline").count() >= 1
    rows.first.locator("a").click()
    page.wait_for_selector("ol.timeline, p.empty")
    assert "/stories/" in page.url


def test_story_page_click_entry_and_filter(page, server) -> None:
    story = _first_story(server)
    page.goto(f"/stories/{story['id']}")
    entries = page.locator("li.entry")
    n = entries.count()
    assert n >= 1
    first = entries.first
    detail = first.locator(".entry-detail")
    # Collapsed by the script; a click on the entry opens it, another closes it.
    assert detail.is_hidden()
    first.locator(".entry-head").click()
    assert detail.is_visible()
    assert first.locator(".entry-detail blockquote").count() >= 1
    first.locator(".toggle").click()
    assert detail.is_hidden()

    # Filter by the status of the first entry: only entries with that status stay visible.
    status = first.get_attribute("data-statuses").split("|")[0]
    page.select_option("#timeline-filters select[name=status]", status)
    visible = page.locator("li.entry:visible")
    shown = visible.count()
    assert 1 <= shown <= n
    for i in range(shown):
        assert status in visible.nth(i).get_attribute("data-statuses").split("|")
    assert page.inner_text("#shown-count") == str(shown)
    page.click("#timeline-filters button[type=reset]")
    page.wait_for_function(f"document.querySelectorAll('li.entry:not([hidden])').length === {n}")


def test_story_page_export_link_downloads_json(page, server) -> None:
    story = _first_story(server)
    page.goto(f"/stories/{story['id']}")
    href = page.locator(".exports a.export").first.get_attribute("href")
    r = httpx.get(f"{server.url}{href}", timeout=10)
    assert r.status_code == 200
    assert "attachment" in r.headers["content-disposition"]


def test_seed_story_page_shows_sourced_entries(page, server, screenshots: Path) -> None:
    article = httpx.get(f"{server.url}/api/articles/seed", timeout=30).json()
    assert article["stories"], "the seed article is in no story"
    page.goto(f"/stories/{article['stories'][0]['id']}")
    entries = page.locator("li.entry")
    assert entries.count() >= 3
    # Every entry shows a date, a summary, a status and who says so.
    for i in range(min(entries.count(), 10)):
        e = entries.nth(i)
        assert e.locator(".entry-head time").inner_text()
        assert e.locator(".entry-head .summary").inner_text()
        assert e.locator(".status").count() >= 1
        assert e.locator(".entry-meta .badge").count() >= 1
    # Open the entry backed by the most badges among the first few, for the screenshot.
    first = range(min(entries.count(), 4))
    busiest = max(first, key=lambda i: entries.nth(i).locator(".badge").count())
    entries.nth(busiest).locator(".entry-head").click()
    page.screenshot(path=str(screenshots / "story.png"), full_page=False)
