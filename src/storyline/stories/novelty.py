"""What each article added that was new: the timeline entries no earlier article reported.

Articles are read in publication order. A syndicated copy adds nothing its original did not
already carry (its group reported it first), so a wire story on five sites is new once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def first_reports(
    order: Sequence[str],
    mentions: Sequence[tuple[str, int]],
    entries: Sequence[Mapping[str, Any]],
    *,
    published: Mapping[str, str | None],
    groups: Mapping[str, str],
) -> list[dict[str, Any]]:
    """``order``: article keys, earliest first; ``mentions``: (article key, entry index) pairs;
    ``entries``: what to say of each entry. Gives, per article, the entries it was first with."""
    by_article: dict[str, list[int]] = {}
    for key, entry in mentions:
        by_article.setdefault(key, []).append(entry)
    seen: set[int] = set()
    reported_by_group: dict[str, set[int]] = {}
    out = []
    for key in order:
        group = groups.get(key, key)
        new = []
        for entry in dict.fromkeys(by_article.get(key, [])):
            if entry in seen:
                continue
            seen.add(entry)
            new.append(entry)
        reported_by_group.setdefault(group, set()).update(new)
        out.append(
            {
                "article": key,
                "published": published.get(key),
                "copy_of": group if group != key else None,
                "new": [dict(entries[i]) for i in new],
            }
        )
    return out
