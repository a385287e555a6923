"""``storyline.store.pipeline``: the per-document work of an ingest (extraction and analysis in
a worker), with the real model. The parse runs in small batches to bound a worker's memory; the
analyses must not depend on how the texts were batched."""

from __future__ import annotations

import pytest

import storyline.store.pipeline as pipeline
from storyline.analysis import analyze_article
from storyline.ingest.sources import Document, load_document

pytestmark = pytest.mark.issue(5)

TEXTS = [
    "The council of Northbridge voted on Monday to close the old bridge, officials said.",
    "Mayor Ann Lee said on Tuesday that the repairs would cost $4 million.\n\nWork starts in May.",
    "Flooding closed three schools in Eastvale on Wednesday, the district said.",
    "A spokesman for the utility said power would be back by Friday.",
    "Police said two men were arrested after the break-in at the museum on Sunday.",
]


def _docs(texts: list[str]) -> list[tuple[int, Document]]:
    return [
        (
            i,
            Document(
                raw=text.encode("utf-8"),
                origin=f"test:{i}",
                content_type="text/plain",
                published="2025-03-04",
                published_source="jsonl",
            ),
        )
        for i, text in enumerate(texts)
    ]


@pytest.mark.parametrize("parse_batch", [1, 2, 16])
def test_process_documents_same_analyses_whatever_the_parse_batch(nlp, monkeypatch, parse_batch):
    items = _docs(TEXTS)
    monkeypatch.setattr(pipeline, "PARSE_BATCH", parse_batch)
    batched = [o.analysis.to_dict() for o in pipeline.process_documents(items)]
    # Each article analysed alone, as `storyline analyze` does.
    alone = [analyze_article(load_document(doc), nlp=nlp).to_dict() for _, doc in items]
    assert batched == alone


def test_process_documents_bad_document_fails_alone(nlp):
    items = _docs([TEXTS[0], "   ", TEXTS[1]])
    outcomes = pipeline.process_documents(items)
    assert [o.index for o in outcomes] == [0, 1, 2]
    assert outcomes[0].analysis is not None and outcomes[2].analysis is not None
    assert outcomes[1].analysis is None and outcomes[1].error
    assert "\n" not in outcomes[1].error
