"""Outlet names from web hosts (``outlet_hosts.tsv``): straitstimes.com -> The Straits Times."""

from __future__ import annotations

import functools
from urllib.parse import urlsplit

from storyline.rules import load_table


@functools.cache
def _hosts() -> dict[str, str]:
    return {row["host"].lower(): row["outlet"] for row in load_table("outlet_hosts.tsv")}


def host_of(url: str | None) -> str | None:
    """The host of a URL, lower case, without "www." (also for URLs missing their scheme)."""
    if not url:
        return None
    url = url.strip().strip("<>")
    if "//" not in url:
        url = "//" + url
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def outlet_for_url(url: str | None) -> str | None:
    """The curated name for the URL's host or its closest listed parent domain."""
    host = host_of(url)
    if not host:
        return None
    table = _hosts()
    parts = host.split(".")
    for i in range(len(parts) - 1):
        name = table.get(".".join(parts[i:]))
        if name:
            return name
    return None
