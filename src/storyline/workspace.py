"""``Workspace``: a database of articles and their analyses, and the library API over it.

    >>> from storyline import Workspace
    >>> ws = Workspace("news.db")                      # or "postgresql://user@host/db"
    >>> report = ws.ingest(["feeds/", "archive.jsonl"], workers=2)  # doctest: +SKIP
    >>> [hit.article.title for hit in ws.search("safe passage")]    # doctest: +SKIP

Opening a workspace migrates its schema to the newest revision. Ingest is idempotent and
resumable: an article is keyed by its content, a document by its origin and bytes, and each
batch of articles is written in one transaction, so an ingest killed at any point and run again
loses nothing and doubles nothing. The cross-article steps (dedup, stories) are called after
each batch through ``storyline.stories.update(workspace, article_ids)``.

The repository functions in ``storyline.store`` take a connection; ``Workspace.begin()`` (a
write transaction) and ``Workspace.connect()`` (reads) are how other parts get one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from storyline.dates import iso, parse_date
from storyline.errors import InputError, NotFound, StoreUnavailable
from storyline.model import Analysis, Article
from storyline.store import articles as repo
from storyline.store import ingest_runs, migrate
from storyline.store.articles import ArticleRecord
from storyline.store.engine import WRITE, create_engine_for, database_url, describe
from storyline.store.pipeline import (
    CHUNK_SIZE,
    Outcome,
    document_fields,
    init_worker,
    process_documents,
    raw_bytes,
    rebuild_document,
)
from storyline.store.search import SearchHit, search_articles

if TYPE_CHECKING:
    # Annotations only: storyline.analysis loads spaCy, which opening a workspace must not.
    from storyline.analysis import AnalysisOptions

# New articles handed to the cross-article steps at a time.
LINK_BATCH = 128


@dataclass(frozen=True, slots=True)
class Problem:
    """A document left out of the workspace, and the one-line reason."""

    origin: str
    reason: str
    # Not an article at all (an image in a folder): listed, but not a sign of lost data.
    benign: bool = False


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Where an ingest stands; passed to the ``progress`` callback after each batch."""

    documents: int
    added: int
    duplicates: int
    skipped: int
    failed: int
    seconds: float


@dataclass(slots=True)
class IngestReport:
    """What an ingest did. ``exit_code`` is 1 when any document failed or was refused (bad or
    dangerous input: a gzip bomb, an undecodable page, a JSONL line with a bad date), else 0;
    files that are simply not articles (``Problem.benign``) do not count."""

    run_id: int | None = None
    added: int = 0
    duplicates: int = 0
    skipped: list[Problem] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    # Stored, but worth a look: an id the input gave that already names another article.
    notes: list[Problem] = field(default_factory=list)
    # The articles this run stored (not the duplicates).
    article_ids: list[int] = field(default_factory=list)
    seconds: float = 0.0
    # Where the main process spent its time (seconds): read (reading and splitting the inputs),
    # triage (checking the store for known documents), store (writing batches), link (the
    # cross-article steps). The rest of the wall clock is waiting for the workers.
    timings: dict[str, float] = field(default_factory=dict)

    @property
    def documents(self) -> int:
        return self.added + self.duplicates + len(self.skipped) + len(self.failed)

    @property
    def exit_code(self) -> int:
        refused = any(not p.benign for p in self.skipped)
        return 1 if self.failed or refused else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id,
            "documents": self.documents,
            "added": self.added,
            "duplicates": self.duplicates,
            "skipped": [dataclasses.asdict(p) for p in self.skipped],
            "failed": [dataclasses.asdict(p) for p in self.failed],
            "notes": [dataclasses.asdict(p) for p in self.notes],
            "seconds": round(self.seconds, 3),
            "timings": {k: round(v, 3) for k, v in self.timings.items()},
        }


@dataclass(frozen=True, slots=True)
class Change:
    """One reanalysed article whose stored result changed, and which parts did."""

    article_id: int
    parts: tuple[str, ...]


@dataclass(slots=True)
class ReanalyzeReport:
    checked: int = 0
    changed: list[Change] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)

    @property
    def unchanged(self) -> int:
        return self.checked - len(self.changed) - len(self.failed)

    @property
    def exit_code(self) -> int:
        return 1 if self.failed else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "checked": self.checked,
            "changed": [{"article": c.article_id, "parts": list(c.parts)} for c in self.changed],
            "unchanged": self.unchanged,
            "failed": [dataclasses.asdict(p) for p in self.failed],
        }


@dataclass(frozen=True, slots=True)
class Added:
    """The answer of ``Workspace.add``: the article's id, and whether it is new."""

    article_id: int
    created: bool


ProgressCallback = Callable[[IngestProgress], None]
# (index into the batch, Document) pairs, as handed to the workers.
Items = list[tuple[int, Any]]


class Workspace:
    """A storyline workspace: a SQLite file or a PostgreSQL database.

    ``db`` is a file path or a ``postgresql://`` URL; without it, ``$STORYLINE_DB``, else a
    file in the user data directory. ``memory=True`` gives a throwaway in-memory workspace.
    """

    def __init__(
        self, db: str | PathLike[str] | None = None, *, memory: bool = False, echo_sql: bool = False
    ) -> None:
        self.url = database_url(str(db) if db is not None else None, memory=memory)
        self.name = describe(self.url)
        self.engine = create_engine_for(self.url, echo=echo_sql)
        try:
            migrate.upgrade(self.engine)
        except sa.exc.DBAPIError as exc:
            self.engine.dispose()
            raise StoreUnavailable(f"cannot open workspace {self.name!r}: {_reason(exc)}") from None
        except migrate.UnknownRevision as exc:
            self.engine.dispose()
            raise StoreUnavailable(
                f"workspace {self.name!r} has schema revision {exc.revision}, which this "
                "storyline does not know: it was written by a newer version; upgrade storyline"
            ) from None

    def __repr__(self) -> str:
        return f"Workspace({self.name!r})"

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    @property
    def dialect(self) -> str:
        """``sqlite`` or ``postgresql``."""
        return self.engine.dialect.name

    # -- connections ---------------------------------------------------------------------

    @contextlib.contextmanager
    def begin(self) -> Iterator[sa.Connection]:
        """A connection in a write transaction: committed on success, rolled back on error.

        On SQLite the write lock is taken at the start (BEGIN IMMEDIATE), so concurrent writers
        from other processes wait their turn instead of failing half-way.
        """
        with self._errors(), self.engine.connect() as conn:
            conn.execution_options(**{WRITE: True})
            with conn.begin():
                yield conn

    @contextlib.contextmanager
    def connect(self) -> Iterator[sa.Connection]:
        """A connection for reading (its implicit transaction is rolled back at the end)."""
        with self._errors(), self.engine.connect() as conn:
            yield conn

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sa.exc.OperationalError as exc:
            raise StoreUnavailable(f"workspace {self.name!r}: {_reason(exc)}") from None

    # -- reading -------------------------------------------------------------------------

    def article(self, article_id: int | str) -> ArticleRecord:
        """An article by workspace id (int), or by external id / id given as text."""
        with self.connect() as conn:
            if isinstance(article_id, int):
                record = repo.get_article(conn, article_id)
            else:
                record = repo.find_article(conn, article_id)
        if record is None:
            raise NotFound(f"no article {article_id!r} in workspace {self.name!r}")
        return record

    def articles(
        self,
        *,
        limit: int | None = 50,
        offset: int = 0,
        outlet: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> list[ArticleRecord]:
        """Articles, newest publication date first; ``since``/``until`` are inclusive dates."""
        since_date = iso(parse_date(since, what="--since date"))
        until_date = iso(parse_date(until, what="--until date"))
        with self.connect() as conn:
            return repo.list_articles(
                conn, limit=limit, offset=offset, outlet=outlet, since=since_date, until=until_date
            )

    def count(self) -> int:
        with self.connect() as conn:
            return repo.count_articles(conn)

    def analysis(self, article_id: int) -> Analysis:
        found = self.analyses([article_id])
        if article_id not in found:
            raise NotFound(f"no analysis for article {article_id!r} in workspace {self.name!r}")
        return found[article_id]

    def analyses(self, article_ids: Iterable[int]) -> dict[int, Analysis]:
        """Analyses by article id, loaded in bulk (ids without one are left out)."""
        with self.connect() as conn:
            return repo.load_analyses(conn, article_ids)

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Articles matching the words of ``query``, best first (title words weigh more)."""
        with self.connect() as conn:
            return search_articles(conn, query, limit=limit)

    # -- writing -------------------------------------------------------------------------

    def ingest(
        self,
        paths: Sequence[str | PathLike[str]],
        *,
        workers: int = 1,
        published: str | None = None,
        progress: ProgressCallback | None = None,
        options: AnalysisOptions | None = None,
    ) -> IngestReport:
        """Store and analyse every article under ``paths`` (files, folders, JSONL, feeds, WARC).

        ``published`` is the publication date for documents that carry none. Bad documents are
        listed in the report and the rest goes on; a bad command (no such path, an invalid date,
        ``workers < 1``) raises an ``InputError`` before anything is written.
        """
        from storyline.ingest.sources import iter_documents

        names = [str(p) for p in paths]
        if not names:
            raise InputError("give at least one file or folder to ingest")
        for name in names:
            if not Path(name).exists():
                raise InputError(f"no such file or folder: {name}")
        if workers < 1:
            raise InputError(f"--workers must be 1 or more, not {workers}")
        default_published = iso(parse_date(published, what="--published date"))
        run = _IngestRun(self, workers=workers, options=options, progress=progress)
        return run.run(names, iter_documents(names), default_published)

    def add(
        self,
        raw: str | bytes,
        *,
        origin: str = "api",
        published: str | None = None,
        url: str | None = None,
        outlet: str | None = None,
        title: str | None = None,
        content_type: str | None = None,
        external_id: str | None = None,
    ) -> Added:
        """Store one article given as text or HTML (``POST /api/articles``); idempotent.

        A document that cannot be read raises its ``InputError``.
        """
        from storyline.ingest.sources import Document

        doc = Document(
            raw=raw.encode("utf-8") if isinstance(raw, str) else raw,
            origin=origin,
            external_id=external_id,
            url=url,
            content_type=content_type,
            published=iso(parse_date(published, what="publication date")),
            published_source="given" if published else None,
            title=title,
            outlet=outlet,
        )
        run = _IngestRun(self, workers=1, options=None, progress=None)
        report = run.run([origin], iter([doc]), None, record=False)
        if report.failed:
            raise InputError(report.failed[0].reason)
        with self.connect() as conn:
            known = repo.known_documents(conn, [repo.raw_key(raw_bytes(doc))])
        return Added(known[(origin, repo.raw_key(raw_bytes(doc)))], bool(report.added))

    def reanalyze(
        self,
        ids: Sequence[int | str] | None = None,
        *,
        all: bool = False,
        workers: int = 1,
        options: AnalysisOptions | None = None,
    ) -> ReanalyzeReport:
        """Run extraction and analysis again from the stored raw documents (after the rules
        improved, or a migration); store and report what changed. The timelines of the stories
        of changed articles are built afresh on their next read; which story an article belongs
        to is kept (it is decided once, when the article arrives)."""
        if all and ids:
            raise InputError("give article ids or --all, not both")
        if not all and not ids:
            raise InputError("give the articles to reanalyze, or --all for every article")
        if all:
            with self.connect() as conn:
                article_ids = repo.all_article_ids(conn)
        else:
            article_ids = [self.article(i).id for i in ids or []]
        report = ReanalyzeReport()
        batches = (
            self._stored_documents(article_ids[start : start + CHUNK_SIZE], report)
            for start in range(0, len(article_ids), CHUNK_SIZE)
        )
        with _Executor(workers, options) as executor:
            for items, outcomes in executor.run_all(b for b in batches if b):
                self._store_reanalysis(items, outcomes, report)
        return report

    def _stored_documents(self, article_ids: list[int], report: ReanalyzeReport) -> Items:
        items: Items = []
        with self.connect() as conn:
            for article_id in article_ids:
                report.checked += 1
                docs = repo.article_documents(conn, article_id)
                if not docs:
                    report.failed.append(
                        Problem(str(article_id), "no raw document is stored for this article")
                    )
                    continue
                first = docs[0]
                items.append((article_id, rebuild_document(first.raw, first.hints)))
        return items

    def _store_reanalysis(
        self, items: Items, outcomes: list[Outcome], report: ReanalyzeReport
    ) -> None:
        from storyline.store import stories as story_repo

        with self.begin() as conn:
            changed_before = len(report.changed)
            stored = repo.load_analyses(conn, [i for i, _ in items])
            for (article_id, doc), outcome in zip(items, outcomes, strict=True):
                if outcome.error or outcome.analysis is None or outcome.article is None:
                    report.failed.append(Problem(doc.origin, outcome.error or "no result"))
                    continue
                old = stored.get(article_id)
                parts = _changed_parts(old.to_dict() if old else None, outcome.analysis.to_dict())
                if not parts:
                    continue
                rewrite = "article" in parts or "text" in parts
                if rewrite and not repo.update_article(conn, article_id, outcome.article):
                    report.failed.append(
                        Problem(doc.origin, "its new text is already another article's")
                    )
                    continue
                repo.save_analysis(conn, article_id, outcome.analysis)
                report.changed.append(Change(article_id, parts))
            # Timelines are built from the stored analyses and cached per story: the stories of
            # changed articles must be built again on their next read.
            changed = [c.article_id for c in report.changed[changed_before:]]
            if changed:
                story_repo.invalidate(conn, set(story_repo.story_of(conn, changed).values()))


def _changed_parts(old: dict[str, Any] | None, new: dict[str, Any]) -> tuple[str, ...]:
    if old is None:
        return ("analysis",)
    parts = []
    old_article, new_article = dict(old["article"]), dict(new["article"])
    if old_article.pop("text", None) != new_article.pop("text", None):
        parts.append("text")
    if old_article != new_article:
        parts.append("article")
    parts.extend(k for k in new if k != "article" and old.get(k) != new[k])
    return tuple(parts)


def _reason(exc: sa.exc.DBAPIError) -> str:
    """The database's own message, first line only, without SQLAlchemy's background notes,
    and what to do about it where SQLite's terse wording leaves that open."""
    message = str(exc.orig) if exc.orig is not None else str(exc)
    first = message.strip().splitlines()[0] if message.strip() else type(exc).__name__
    hint = next((h for start, h in _SQLITE_HINTS if first.lower().startswith(start)), None)
    return f"{first}: {hint}" if hint else first


# SQLite's messages name the state, not the cause a user can act on.
_SQLITE_HINTS = (
    (
        "database is locked",
        "another process is writing to this workspace; run the command again when it is done",
    ),
    (
        "unable to open database file",
        "check that the folder exists and is writable (SQLite keeps -wal and -shm files beside "
        "the workspace)",
    ),
    (
        "attempt to write a readonly database",
        "the workspace or its folder is read-only; make it writable or copy it somewhere that is",
    ),
    ("file is not a database", "--db names a file that is not a storyline workspace"),
    ("database or disk is full", "free some disk space and run the command again"),
)


class _Executor:
    """Runs ``process_documents`` on batches: in this process for one worker, else in a pool
    of spawned processes that each load the model once.

    Finished batches are handed back in the order they were submitted, whichever worker was
    faster, so articles get the same ids, and the cross-article steps the same batches, with
    any number of workers. ``IN_FLIGHT`` batches per worker are queued in the pool at a time:
    enough to keep the workers busy while the main process stores and links, few enough that a
    killed ingest loses little. Batches that finish while an older one is still running (a long
    article) wait in order, up to ``WAITING`` per worker, while the pool keeps working."""

    IN_FLIGHT = 3
    WAITING = 6

    def __init__(self, workers: int, options: AnalysisOptions | None) -> None:
        self.workers = workers
        self.options = options
        self.pool: ProcessPoolExecutor | None = None
        # Running and finished batches in submission order (dicts keep it): the oldest first.
        self.pending: dict[Future[list[Outcome]], Items] = {}

    def __enter__(self) -> _Executor:
        if self.workers > 1:
            self.pool = self._new_pool()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)

    def _new_pool(self) -> ProcessPoolExecutor:
        import multiprocessing

        # Each worker is one of N processes already: numeric libraries in it must not start a
        # thread per core as well. Spawned children read these at start-up.
        for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
            os.environ.setdefault(var, "1")
        # spawn, not fork: the parent may hold a database connection and a progress thread.
        return ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=init_worker
        )

    def submit(self, items: Items) -> Iterator[tuple[Items, list[Outcome]]]:
        """Queue one batch; yields the oldest batches that are finished, in order (waiting
        while the pool, or the line of finished batches behind a running one, is full)."""
        if self.pool is None:
            yield items, process_documents(items, self.options)
            return
        while True:
            yield from self._ready()
            running = [f for f in self.pending if not f.done()]
            if len(running) >= self.IN_FLIGHT * self.workers:
                wait(running, return_when=FIRST_COMPLETED)
            elif len(self.pending) >= (self.IN_FLIGHT + self.WAITING) * self.workers:
                wait([next(iter(self.pending))])
            else:
                break
        self.pending[self.pool.submit(process_documents, items, self.options)] = items
        yield from self._ready()

    def drain(self) -> Iterator[tuple[Items, list[Outcome]]]:
        while self.pending:
            wait([next(iter(self.pending))])
            yield from self._ready()

    def run_all(self, batches: Iterable[Items]) -> Iterator[tuple[Items, list[Outcome]]]:
        for items in batches:
            yield from self.submit(items)
        yield from self.drain()

    def _ready(self) -> Iterator[tuple[Items, list[Outcome]]]:
        """The finished batches at the head of the line, oldest first."""
        while self.pending:
            future = next(iter(self.pending))
            if not future.done():
                return
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                self._restart()
                continue
            yield self.pending.pop(future), outcomes

    def _restart(self) -> None:
        """A worker died and the pool is unusable. The batches the broken pool lost run again
        one at a time in a new pool, so the one that kills its worker again is known: it fails
        with a reason, the others keep their results (finished ones are not run again)."""
        reason = "a worker process died while analysing this batch"
        line, self.pending = self.pending, {}
        broken = True
        for future, batch in line.items():
            if future.done() and future.exception() is None:
                self.pending[future] = batch
                continue
            if broken:
                self._replace_pool()
                broken = False
            assert self.pool is not None
            try:
                outcomes = self.pool.submit(process_documents, batch, self.options).result()
            except BrokenProcessPool:
                outcomes = [Outcome(i, error=reason) for i, _ in batch]
                broken = True
            done: Future[list[Outcome]] = Future()
            done.set_result(outcomes)
            self.pending[done] = batch
        if broken:
            self._replace_pool()

    def _replace_pool(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=False, cancel_futures=True)
        self.pool = self._new_pool()


class _IngestRun:
    """One ingest: triage documents against the store, analyse the new ones, write in batches,
    hand new articles to the cross-article steps."""

    def __init__(
        self,
        workspace: Workspace,
        *,
        workers: int,
        options: AnalysisOptions | None,
        progress: ProgressCallback | None,
    ) -> None:
        self.ws = workspace
        self.workers = workers
        self.options = options
        self.progress = progress
        self.report = IngestReport()
        self.started = time.perf_counter()
        self.to_link: list[int] = []
        # The analyses of articles stored but not linked yet, as the workers returned them:
        # the cross-article steps take them from here instead of decoding them from the store.
        self.fresh: dict[int, Analysis] = {}

    def run(
        self,
        names: list[str],
        documents: Iterable[Any],
        default_published: str | None,
        *,
        record: bool = True,
    ) -> IngestReport:
        report = self.report
        if record:
            with self.ws.begin() as conn:
                report.run_id = ingest_runs.start_run(conn, names)
                # Articles an interrupted run stored but never linked: catch up now.
                self.to_link = repo.unlinked_article_ids(conn)
        status = "failed"
        try:
            with _Executor(self.workers, self.options) as executor:
                for batch in _timed(_batches(documents, CHUNK_SIZE), report.timings, "read"):
                    with _timer(report.timings, "triage"):
                        items = self._triage(batch, default_published)
                    if items:
                        for done in executor.submit(items):
                            self._store(*done)
                for done in executor.drain():
                    self._store(*done)
            self._link(force=True)
            status = "done"
        finally:
            report.seconds = time.perf_counter() - self.started
            if report.run_id is not None:
                with self.ws.begin() as conn:
                    ingest_runs.finish_run(
                        conn,
                        report.run_id,
                        status=status,
                        added=report.added,
                        duplicates=report.duplicates,
                        skipped=len(report.skipped),
                        failed=len(report.failed),
                    )
        return report

    def _triage(self, batch: list[Any], default_published: str | None) -> Items:
        """Skip what the source skipped and what the store already has; the rest is new work."""
        from storyline.ingest.sources import Skipped

        docs = []
        problems = []
        for entry in batch:
            if isinstance(entry, Skipped):
                self.report.skipped.append(
                    Problem(entry.origin, entry.reason, getattr(entry, "benign", False))
                )
                problems.append((entry.origin, "skipped", entry.reason))
            else:
                if default_published and not getattr(entry, "published", None):
                    entry = dataclasses.replace(
                        entry, published=default_published, published_source="given"
                    )
                docs.append(entry)
        keys = [repo.raw_key(raw_bytes(d)) for d in docs]
        with self.ws.connect() as conn:
            known = repo.stored_documents(conn, keys)
        items: Items = []
        copies: list[tuple[Any, int]] = []
        for doc, sha in zip(docs, keys, strict=True):
            stored = known.get(sha, [])
            if any(k.origin == doc.origin for k in stored):
                self.report.duplicates += 1  # stored by an earlier run: nothing to do
            elif (same := _same_day_copy(doc, stored)) is not None:
                copies.append((doc, same))  # the same bytes from a new place, the same day
            else:
                items.append((len(items), doc))
        if copies or (problems and self.report.run_id is not None):
            with self.ws.begin() as conn:
                for doc, article_id in copies:
                    self._add_document(conn, article_id, doc)
                    self.report.duplicates += 1
                if self.report.run_id is not None:
                    ingest_runs.record_problems(conn, self.report.run_id, problems)
        if not items:
            self._tick()
        return items

    def _store(self, items: Items, outcomes: list[Outcome]) -> None:
        report = self.report
        problems = []
        new_ids = []
        with _timer(report.timings, "store"), self.ws.begin() as conn:
            for (_, doc), outcome in zip(items, outcomes, strict=True):
                if outcome.error or outcome.article is None or outcome.analysis is None:
                    reason = outcome.error or "no result"
                    if outcome.not_an_article:
                        report.skipped.append(Problem(doc.origin, reason, benign=True))
                        problems.append((doc.origin, "skipped", reason))
                        continue
                    report.failed.append(Problem(doc.origin, reason))
                    problems.append((doc.origin, "failed", reason))
                    continue
                article_id, created = repo.insert_article(
                    conn, outcome.article, external_id=getattr(doc, "external_id", None)
                )
                # A further copy of a stored text keeps what its own page said (its date and
                # outlet): the first report of the text may be this copy.
                self._add_document(conn, article_id, doc, None if created else outcome.article)
                if created:
                    self._note_taken_id(conn, article_id, doc)
                    repo.save_analysis(conn, article_id, outcome.analysis)
                    new_ids.append(article_id)
                    self.fresh[article_id] = outcome.analysis
                else:
                    report.duplicates += 1
            if report.run_id is not None:
                ingest_runs.record_problems(conn, report.run_id, problems)
        report.added += len(new_ids)
        report.article_ids.extend(new_ids)
        self.to_link.extend(new_ids)
        self._link()
        self._tick()

    def _note_taken_id(self, conn: sa.Connection, article_id: int, doc: Any) -> None:
        """A new article whose input id already names another one (two texts under one JSONL
        id) is stored, but its id then finds the other: say which workspace id finds it."""
        ref = getattr(doc, "external_id", None)
        if not ref:
            return
        other = repo.find_article(conn, ref)
        if other is not None and other.id != article_id:
            self.report.notes.append(
                Problem(
                    doc.origin,
                    f"id {ref!r} already names article {other.id} (another text or day); "
                    f"this one is article {article_id}: give each article its own id",
                    benign=True,
                )
            )

    @staticmethod
    def _add_document(
        conn: sa.Connection, article_id: int, doc: Any, copy: Article | None = None
    ) -> None:
        hints = document_fields(doc)
        if copy is not None:
            hints["extracted"] = {"published": copy.published, "outlet": copy.outlet}
        repo.add_document(
            conn,
            article_id,
            raw=raw_bytes(doc),
            origin=doc.origin,
            content_type=getattr(doc, "content_type", None),
            external_id=getattr(doc, "external_id", None),
            url=getattr(doc, "url", None),
            hints=hints,
        )

    def _link(self, *, force: bool = False) -> None:
        """Hand stored articles to the cross-article steps, then mark them linked."""
        if not self.to_link or (len(self.to_link) < LINK_BATCH and not force):
            return
        import storyline.stories as stories

        update = getattr(stories, "update", None)
        if update is None:
            self.to_link = []  # left unlinked: a later ingest catches them up
            self.fresh.clear()
            return
        ids, self.to_link = self.to_link, []
        fresh = {i: self.fresh.pop(i) for i in ids if i in self.fresh}
        with _timer(self.report.timings, "link"):
            update(self.ws, ids, analyses=fresh)
            with self.ws.begin() as conn:
                repo.mark_linked(conn, ids)

    def _tick(self) -> None:
        if self.progress is None:
            return
        r = self.report
        self.progress(
            IngestProgress(
                documents=r.documents,
                added=r.added,
                duplicates=r.duplicates,
                skipped=len(r.skipped),
                failed=len(r.failed),
                seconds=time.perf_counter() - self.started,
            )
        )


def _same_day_copy(doc: Any, stored: list[repo.KnownDocument]) -> int | None:
    """The article of a stored document with these very bytes whose source gave the same
    publication day as ``doc``'s (or, like it, none: the date is then read from the bytes):
    ``doc`` is a further copy of that article, with nothing to analyse. Another day's copy is
    analysed again, against its own date."""
    day = repo.publication_day(getattr(doc, "published", None))
    for known in stored:
        if repo.publication_day(known.published) == day:
            return known.article_id
    return None


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


@contextlib.contextmanager
def _timer(timings: dict[str, float], name: str) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = timings.get(name, 0.0) + time.perf_counter() - start


def _timed(items: Iterable[Any], timings: dict[str, float], name: str) -> Iterator[Any]:
    """``items``, adding the time spent producing each one to ``timings[name]``."""
    iterator = iter(items)
    while True:
        with _timer(timings, name):
            try:
                item = next(iterator)
            except StopIteration:
                return
        yield item
