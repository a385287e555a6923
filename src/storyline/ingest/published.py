"""Where the publication date comes from when nobody gives it.

In order (``Article.published_source``): ``given`` (the caller), ``html`` (page metadata via
htmldate, the original date preferred), ``feed``/``jsonl`` (the reader's hint), ``url``
(/2025/12/02/), ``text`` (a "Published Dec 02, 2025" line of a copied page), ``dateline`` (a
dateline with a year: "Dec. 1, 2025 (AP)"), and ``estimated``: the page's "Updated ..." line, a
dateline's month and day with the year of the latest full date in the text, or else the latest
full date the text states ("Nov 30, 2025", "30 November 2025", "2025-11-30"). An estimate
always comes with a warning saying how to give the real date. Today's date is never used.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from storyline.ingest.dateline import Dateline, month_pattern, months

# Years a news article's publication date can plausibly have.
MIN_YEAR, MAX_YEAR = 1990, 2100
# A dateline month/day more than this many days before the latest full date in the text
# belongs to the following year (a story filed Jan 2 that recalls Dec 20).
YEAR_WRAP_DAYS = 180

_URL_DATES = (
    re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)(?:/|$|[^\d])"),
    re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?!\d)"),
    re.compile(r"/(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:/|$|[-_.])"),
)


def _date(y: int, m: int, d: int) -> dt.date | None:
    if not MIN_YEAR <= y <= MAX_YEAR:
        return None
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def date_from_url(url: str | None) -> dt.date | None:
    """A full date in the URL path ("/2025/12/02/", "2025-12-02", "/20251202/")."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.I)
    for regex in _URL_DATES:
        for m in regex.finditer(path):
            found = _date(int(m["y"]), int(m["m"]), int(m["d"]))
            if found:
                return found
    return None


@functools.cache
def _full_date_regexes() -> tuple[re.Pattern[str], ...]:
    month = f"(?P<month>{month_pattern()})"
    return (
        re.compile(rf"\b{month}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
        re.compile(
            rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+(?P<year>\d{{4}})\b"
        ),
        re.compile(r"(?<![\d-])(?P<year>\d{4})-(?P<mnum>\d{2})-(?P<day>\d{2})(?![\d-])"),
    )


def full_dates(text: str) -> list[dt.date]:
    """Every explicit day-month-year date in the text that is a real calendar date."""
    out = []
    for regex in _full_date_regexes():
        for m in regex.finditer(text):
            if m.groupdict().get("mnum"):
                month = int(m["mnum"])
            else:
                month = months().get(m["month"].lower().rstrip("."), 0)
            found = _date(int(m["year"]), month, int(m["day"]))
            if found:
                out.append(found)
    return out


def from_dateline(dateline: Dateline | None, text: str) -> tuple[dt.date | None, bool]:
    """(date, estimated): a dateline date; its year from the text when it has none."""
    if not dateline or not dateline.month or not dateline.day:
        return None, False
    if dateline.year:
        return _date(dateline.year, dateline.month, dateline.day), False
    dates = full_dates(text)
    if not dates:
        return None, False
    latest = max(dates)
    candidate = _date(latest.year, dateline.month, dateline.day)
    if candidate and (latest - candidate).days > YEAR_WRAP_DAYS:
        candidate = _date(latest.year + 1, dateline.month, dateline.day)
    return candidate, True


def estimate_from_text(text: str) -> dt.date | None:
    """The latest explicit full date in the text (a lower bound for the publication date)."""
    dates = full_dates(text)
    return max(dates) if dates else None
