"""Hand-built time expressions and attributions for the seed article, as the timex and
attribution steps are specified to produce them (EXPECTED.md). They let the events step be
tested on its own, on the real spaCy parse, whatever state those steps are in."""

from __future__ import annotations

from storyline.model import Attribution, Source, Span, Timex

# (text, occurrence, type, value, extra)
SEED_TIMEXES: tuple[tuple[str, int, str, str, dict[str, object]], ...] = (
    ("November", 0, "DATE", "2025-11", {}),
    ("Nov 21", 0, "DATE", "2025-11-21", {}),
    ("months", 0, "DURATION", "PXM", {}),
    ("less than 15 minutes", 0, "DURATION", "PT15M", {"mod": "LESS_THAN"}),
    (
        "a week",
        0,
        "DURATION",
        "P1W",
        {"anchor": "2025-11-21", "resolved_end": "2025-11-28", "deadline": True},
    ),
    ("Nov 28", 0, "DATE", "2025-11-28", {}),
    ("Nov 29", 0, "DATE", "2025-11-29", {}),
    ("Nov 30", 0, "DATE", "2025-11-30", {}),
    ("since 2013", 0, "DATE", "2013", {"mod": "AFTER"}),
    ("last year", 0, "DATE", "2024", {}),
    ("Dec 1", 0, "DATE", "2025-12-01", {}),
    ("Dec 1", 1, "DATE", "2025-12-01", {}),
)


def find(text: str, needle: str, occurrence: int = 0, start_at: int = 0) -> Span:
    pos = start_at - 1
    for _ in range(occurrence + 1):
        pos = text.index(needle, pos + 1)
    return Span(pos, pos + len(needle), needle)


def seed_timexes(text: str) -> list[Timex]:
    out = []
    for needle, occ, typ, value, extra in SEED_TIMEXES:
        sp = find(text, needle, occ)
        out.append(Timex(sp.start, sp.end, sp.text, typ, value, **extra))  # type: ignore[arg-type]
    return sorted(out, key=lambda t: t.start)


def seed_attributions(text: str) -> list[Attribution]:
    """A few of the seed's attributions (cue, source, content), in text order."""

    def attr(cue: str, source: str, content_from: str, content_to: str, anchor: str, **kw):
        base = text.index(anchor)
        c = find(text, cue, 0, base)
        s = find(text, source, 0, base)
        a = text.index(content_from, base)
        b = text.index(content_to, a) + len(content_to)
        return Attribution(
            c, Source(s.start, s.end, s.text, "anonymous_group"), Span(a, b, text[a:b]), **kw
        )

    return [
        attr(
            "according to",
            "four sources briefed on the call",
            "Venezuela's President",
            "from the Venezuelan leader",
            "WASHINGTON - ",
        ),
        attr(
            "said",
            "three of the sources",
            "Mr Maduro told",
            "International Criminal Court",
            "Mr Maduro told",
        ),
        attr(
            "according to",
            "two of the sources",
            "Mr Maduro asked",
            "new elections",
            "Mr Maduro asked",
        ),
        attr("said", "two of the sources", "That safe passage", "was closed", "That safe passage"),
        attr(
            "said",
            "a senior US official",
            "Mr Trump held",
            "among other topics",
            "Mr Trump held talks",
        ),
    ]
