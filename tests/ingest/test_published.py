"""Publication dates from URLs, datelines and the text (storyline.ingest.published) and outlet
names from hosts (storyline.ingest.outlets, data: outlet_hosts.tsv)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyline.ingest.dateline import find_dateline
from storyline.ingest.outlets import host_of, outlet_for_url
from storyline.ingest.published import date_from_url, estimate_from_text, from_dateline, full_dates


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.washingtonpost.com/politics/2020/07/08/federal-workers/", "2020-07-08"),
        ("https://example.com/news/2025-12-02-maduro-call", "2025-12-02"),
        ("https://example.com/archive/20251202/story.html", "2025-12-02"),
        ("https://www.nytimes.com/2019/11/19/opinion/republicans.html", "2019-11-19"),
        # Counter-examples: ids, invalid dates and year-month paths give no date.
        ("https://www.straitstimes.com/world/trump-rejected-maduro-requests", None),
        ("https://www.reuters.com/article/idUSKBN28B1234", None),
        ("https://example.com/2025/02/30/not-a-day", None),
        ("https://example.com/2025/12/story", None),
        ("https://tass.ru/moskva/8836033", None),
        (None, None),
    ],
)
def test_date_from_url(url, date):
    found = date_from_url(url)
    assert (found.isoformat() if found else None) == date


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Talks began on Nov 30, 2025 and ended Dec. 1, 2025.", ["2025-11-30", "2025-12-01"]),
        ("It was signed on 3 March 2024.", ["2024-03-03"]),
        ("Released 2025-11-21 by the agency.", ["2025-11-21"]),
        ("On the 1st of June, 2020, the law changed.", ["2020-06-01"]),
        # Counter-examples: no year, an invalid day, a number range.
        ("The call, on Nov 21, came after months of pressure.", []),
        ("February 30, 2025 is not a day.", []),
        ("Between 2020-2021 sales grew.", []),
    ],
)
def test_full_dates(text, dates):
    assert sorted(d.isoformat() for d in full_dates(text)) == dates


def test_estimate_from_text_takes_the_latest_date():
    assert estimate_from_text("On 3 March 2024 and March 20, 2024.") == dt.date(2024, 3, 20)
    assert estimate_from_text("No dates at all, only since 2013.") is None


@pytest.mark.parametrize(
    ("paragraph", "text", "date", "estimated"),
    [
        ("Washington, Dec. 1, 2025 (AP) -- x", "", dt.date(2025, 12, 1), False),
        ("LONDON, Dec 1 (Reuters) - x", "on Nov 30, 2025", dt.date(2025, 12, 1), True),
        # A story filed on Jan 2 that recalls Dec 20 of the year before.
        ("LONDON, Jan 2 (Reuters) - x", "since Dec 20, 2025", dt.date(2026, 1, 2), True),
        ("LONDON, Dec 1 (Reuters) - x", "no year anywhere", None, False),
        ("WASHINGTON - x", "on Nov 30, 2025", None, False),
    ],
)
def test_from_dateline(paragraph, text, date, estimated):
    assert from_dateline(find_dateline(paragraph), text) == (date, estimated)


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://www.straitstimes.com/world/some-story", "The Straits Times"),
        ("https://www.reuters.com/world/", "Reuters"),
        ("https://news.bbc.co.uk/2/hi/world.stm", "BBC"),
        ("https://hosted.ap.org/berkshireeagle/article/x", "AP"),
        ("https://chicago.suntimes.com/news/x", "Chicago Sun-Times"),
        ("straitstimes.com/world/x", "The Straits Times"),
        # Counter-examples: unknown hosts and look-alike hosts are not guessed.
        ("https://www.example-herald.test/x", None),
        ("https://notreuters.com/x", None),
        ("not a url", None),
    ],
)
def test_outlet_for_url(url, outlet):
    assert outlet_for_url(url) == outlet


def test_host_of_strips_www_and_brackets():
    assert host_of("<https://www.Example.org/a>") == "example.org"
    assert host_of(None) is None
