"""``storyline demo``: the seed article and a bundled sample, end to end.

The seed (a Reuters report as republished by The Straits Times) is a test fixture that lives in
the repository's ``tests/fixtures``; the sample is ECB+ topic 12 (CC BY 3.0, see demo/README.md),
two look-alike stories about the Indian navy and Somali pirates, three years apart.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyline.analysis import analyze
from storyline.model import Analysis
from storyline.workspace import IngestReport, Workspace

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "fixtures" / "articles" / "reuters-st-2025-12-trump-maduro-call.txt"
SEED_PUBLISHED = "2025-12-02"
SEED_URL = (
    "https://www.straitstimes.com/world/"
    "trump-rejected-maduro-requests-on-call-options-narrow-for-venezuela-leader-sources-say"
)
SAMPLE = REPO / "demo" / "ecbplus-topic12.jsonl"
DEFAULT_DB = Path(".storyline") / "demo.sqlite"


@dataclass(slots=True)
class DemoResult:
    db: str
    seed: Analysis | None
    ingest: IngestReport | None
    stories: list[dict[str, Any]] = field(default_factory=list)
    timelines: list[dict[str, Any]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


def run_demo(db: str | None = None, *, max_dates: int = 8, per_date: int = 2) -> DemoResult:
    """Analyse the seed, ingest it and the sample into a workspace, and build the timelines."""
    import storyline.stories as stories

    path = Path(db) if db else DEFAULT_DB
    if "://" not in str(path):
        path.parent.mkdir(parents=True, exist_ok=True)
    result = DemoResult(db=str(path), seed=None, ingest=None)
    with Workspace(str(path)) as ws:
        if SEED.exists():
            raw = SEED.read_bytes()
            result.seed = analyze(raw, published=SEED_PUBLISHED, url=SEED_URL)
            ws.add(raw, origin=str(SEED), published=SEED_PUBLISHED, url=SEED_URL)
        else:
            result.missing.append(f"the seed article ({SEED}) is not here: run from a checkout")
        if SAMPLE.exists():
            result.ingest = ws.ingest([SAMPLE])
        else:
            result.missing.append(f"the bundled sample ({SAMPLE}) is not here")
        result.stories = stories.list_stories(ws)
        # The three biggest stories with something to show: a summary timeline keeps dated
        # entries only, and some sample texts date none of their events.
        for story in result.stories:
            timeline = stories.timeline_for(
                ws, story_id=story["id"], max_dates=max_dates, per_date=per_date
            )
            if timeline["entries"]:
                result.timelines.append(timeline)
            if len(result.timelines) == 3:
                break
    return result
