"""The per-document work of an ingest: extraction and analysis, with no database.

``process_documents`` runs in a worker process (or in the caller's, for one worker): it turns
each ``Document`` into an ``Article`` (``storyline.ingest.sources.load_document``), parses the
batch's texts with one ``nlp.pipe`` call, and runs ``analyze_article`` on each parse. A bad
document gives an ``Outcome`` with an error line and the batch goes on. The main process keeps
the documents' bytes and writes the outcomes to the database.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from storyline.errors import NotAnArticle, StorylineError
from storyline.model import Analysis, Article

if TYPE_CHECKING:
    from storyline.analysis import AnalysisOptions

# The ingest process that started this worker (set in workers only).
_PARENT: int | None = None
# Documents per task sent to a worker: large enough to keep the worker busy between the main
# process's visits, small enough that a killed ingest loses little work and the progress bar
# moves.
CHUNK_SIZE = 16
# Texts the model parses at once. The parse's working memory grows with the tokens of the
# whole batch (about 16 kB a token in tok2vec), so a batch of 16 holding one very long article
# (a live blog of 80,000 characters) needs half a gigabyte more than the article alone, while
# bigger batches save no CPU time with this model (measured on ReCOVery: see
# docs/benchmarks.md, "Ingest throughput").
PARSE_BATCH = 4


@dataclass(slots=True)
class Outcome:
    """What became of one document: an analysed article, or the one-line reason it failed."""

    index: int
    article: Article | None = None
    analysis: Analysis | None = None
    error: str | None = None
    # The document is no article at all (a page of furniture only): skipped, not failed.
    not_an_article: bool = False


def _failure(exc: BaseException) -> str:
    if isinstance(exc, StorylineError):
        return str(exc)
    # Not the user's fault: keep the batch going, but say plainly that it is a bug.
    return f"internal error ({type(exc).__name__}: {exc}); please report it"


def extract(doc: Any) -> Article:
    from storyline.ingest.sources import load_document

    return load_document(doc)


def process_documents(
    items: Sequence[tuple[int, Any]], options: AnalysisOptions | None = None
) -> list[Outcome]:
    """Extract and analyse ``(index, Document)`` pairs; one ``Outcome`` per pair, same order."""
    from storyline.nlp.pipeline import get_nlp

    outcomes = [Outcome(index) for index, _ in items]
    ready: list[Outcome] = []
    for outcome, (_, doc) in zip(outcomes, items, strict=True):
        _exit_if_orphaned()
        try:
            outcome.article = extract(doc)
            ready.append(outcome)
        except Exception as exc:
            outcome.error = _failure(exc)
            outcome.not_an_article = isinstance(exc, NotAnArticle)
    analyse_articles(ready, options=options, nlp=get_nlp())
    return outcomes


def analyse_articles(outcomes: list[Outcome], *, options: AnalysisOptions | None, nlp: Any) -> None:
    """Fill in ``analysis`` (or ``error``) for outcomes that hold an article."""
    # Imported here: storyline.analysis loads spaCy, which a workspace that only reads
    # (``storyline stories``, ``storyline timeline``) must not pay for at start-up.
    from storyline.analysis import analyze_article

    texts = [o.article.text for o in outcomes if o.article is not None]
    try:
        docs = list(nlp.pipe(texts, batch_size=PARSE_BATCH))
    except Exception:
        # One text broke the batched parse: parse one by one so only that article fails.
        docs = [None] * len(texts)
    for outcome, doc in zip(outcomes, docs, strict=True):
        assert outcome.article is not None
        _exit_if_orphaned()
        try:
            outcome.analysis = analyze_article(outcome.article, options=options, nlp=nlp, doc=doc)
        except Exception as exc:
            outcome.error = _failure(exc)
            outcome.article = None


def _exit_if_orphaned() -> None:
    # The ingest that started this worker was killed (kill -9 leaves workers running): stop
    # now rather than analyse queued batches nobody will store.
    if _PARENT is not None and os.getppid() != _PARENT:
        os._exit(1)


def init_worker() -> None:
    """Load the model once per worker process, before the first task arrives."""
    global _PARENT
    _PARENT = os.getppid()
    from storyline.nlp.pipeline import get_nlp

    get_nlp()


def document_fields(doc: Any) -> dict[str, Any]:
    """A Document's fields without its bytes: what the store keeps as hints for reanalysis."""
    if dataclasses.is_dataclass(doc) and not isinstance(doc, type):
        fields = {f.name: getattr(doc, f.name) for f in dataclasses.fields(doc)}
    else:
        fields = dict(vars(doc))
    fields.pop("raw", None)
    return {k: v for k, v in fields.items() if _jsonable(v)}


def raw_bytes(doc: Any) -> bytes:
    raw = doc.raw
    return raw.encode("utf-8") if isinstance(raw, str) else bytes(raw)


def _jsonable(value: Any) -> bool:
    return value is None or isinstance(value, str | int | float | bool | list | dict)


def rebuild_document(raw: bytes, hints: dict[str, Any]) -> Any:
    """The ``Document`` a stored document came from, to run extraction on it again."""
    from storyline.ingest.sources import Document

    names = {f.name for f in dataclasses.fields(Document)}
    return Document(raw=raw, **{k: v for k, v in hints.items() if k in names and k != "raw"})
