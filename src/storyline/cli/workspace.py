"""``storyline ingest``, ``storyline reanalyze`` and ``storyline articles``: the workspace's
commands. Thin: each opens the ``Workspace``, calls one method, renders the report."""

from __future__ import annotations

import json
from collections import Counter
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from storyline.cli import DbOption, resolve_db

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import ProgressColumn

    from storyline.workspace import IngestProgress, IngestReport, Workspace

# Rich is imported inside the commands that draw with it, so that `storyline --help` and the
# reading commands start fast (tests/cli/test_startup.py).


class Format(StrEnum):
    text = "text"
    json = "json"


def _rate_column() -> ProgressColumn:
    """Documents per second since the start (Rich's own speed column is for bytes)."""
    from rich.progress import ProgressColumn, Task
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task: Task) -> Text:
            elapsed = task.elapsed or 0.0
            rate = task.completed / elapsed if elapsed > 0 else 0.0
            return Text(f"{rate:.1f} articles/s", style="progress.data.speed")

    return RateColumn()


def _open(ctx: typer.Context, db: str | None) -> Workspace:
    from storyline.workspace import Workspace

    return Workspace(resolve_db(ctx, db))


def _ingest_summary(report: IngestReport, console: Console) -> None:
    from rich.table import Table

    table = Table(title=f"Ingested {report.documents} documents in {report.seconds:.1f}s")
    table.add_column("result")
    table.add_column("documents", justify="right")
    table.add_column("why")
    table.add_row("added", str(report.added), "new articles, analysed and stored")
    table.add_row("duplicates", str(report.duplicates), "content already in the workspace")
    reasons = Counter(p.reason for p in report.skipped)
    if not reasons:
        table.add_row("skipped", "0", "")
    for reason, n in reasons.most_common():
        table.add_row("skipped", str(n), reason)
    table.add_row("failed", str(len(report.failed)), "listed below" if report.failed else "")
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def ingest(
        ctx: typer.Context,
        paths: Annotated[
            list[str],
            typer.Argument(help="Files, folders, .jsonl, RSS/Atom/JSON feeds, .warc[.gz]."),
        ],
        workers: Annotated[
            int, typer.Option("--workers", "-w", help="Processes analysing articles in parallel.")
        ] = 1,
        published: Annotated[
            str | None,
            typer.Option(help="Publication date (YYYY-MM-DD) for documents that give none."),
        ] = None,
        format: Annotated[
            Format, typer.Option("--format", "-f", help="Summary format.")
        ] = Format.text,
        db: DbOption = None,
    ) -> None:
        """Add articles to the workspace: analysed, deduplicated, grouped into stories.

        Idempotent and resumable: run it again (after an interruption too) and only what is
        missing is added. Exit code 1 when any document failed; files and pages that are no
        articles (an image, a page of menus or a consent notice only) are listed as skipped.

        Example: storyline ingest news/ feeds.xml archive.jsonl --workers 2
        """
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        _refuse_urls(paths)
        ws = _open(ctx, db)
        err = Console(stderr=True)
        try:
            with Progress(
                SpinnerColumn(),
                TextColumn("[bold]ingest[/bold] {task.completed} documents"),
                TextColumn("{task.fields[counts]}"),
                _rate_column(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
                disable=format is Format.json or not err.is_terminal,
            ) as bar:
                task = bar.add_task("ingest", total=None, counts="")

                def show(p: IngestProgress) -> None:
                    counts = (
                        f"added {p.added} · duplicates {p.duplicates} · "
                        f"skipped {p.skipped} · failed {p.failed}"
                    )
                    bar.update(task, completed=p.documents, counts=counts)

                report = ws.ingest(paths, workers=workers, published=published, progress=show)
        except KeyboardInterrupt:
            # Ctrl-C: every finished batch is stored; the rerun adds only what is missing.
            typer.echo(
                "Interrupted: what was stored is kept; run the same command again to resume "
                "(only what is missing is added).",
                err=True,
            )
            raise SystemExit(130) from None
        finally:
            ws.close()
        if format is Format.json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            _ingest_summary(report, Console())
        for problem in report.skipped:
            if not problem.benign:
                typer.echo(f"skipped: {problem.origin}: {problem.reason}", err=True)
        for problem in report.failed:
            typer.echo(f"failed: {problem.origin}: {problem.reason}", err=True)
        for problem in report.notes:
            typer.echo(f"note: {problem.origin}: {problem.reason}", err=True)
        if report.exit_code:
            raise typer.Exit(report.exit_code)

    @app.command()
    def reanalyze(
        ctx: typer.Context,
        articles: Annotated[
            list[str] | None,
            typer.Argument(help="Article ids (workspace or external ids).", show_default=False),
        ] = None,
        all_: Annotated[bool, typer.Option("--all", help="Every article.")] = False,
        workers: Annotated[
            int, typer.Option("--workers", "-w", help="Processes analysing articles in parallel.")
        ] = 1,
        format: Annotated[
            Format, typer.Option("--format", "-f", help="Report format.")
        ] = Format.text,
        db: DbOption = None,
    ) -> None:
        """Run extraction and analysis again from the stored raw documents.

        Use it after the rules improved or the workspace was migrated; it reports which
        articles changed and in what.

        Example: storyline reanalyze --all
        """
        ws = _open(ctx, db)
        try:
            report = ws.reanalyze(articles or None, all=all_, workers=workers)
        finally:
            ws.close()
        if format is Format.json:
            typer.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
        else:
            from rich.console import Console

            console = Console()
            console.print(
                f"Reanalysed {report.checked} articles: {len(report.changed)} changed, "
                f"{report.unchanged} unchanged, {len(report.failed)} failed."
            )
            for change in report.changed:
                console.print(f"  article {change.article_id}: {', '.join(change.parts)}")
        for problem in report.failed:
            typer.echo(f"failed: {problem.origin}: {problem.reason}", err=True)
        if report.exit_code:
            raise typer.Exit(report.exit_code)

    articles_app = typer.Typer(
        help="List, show and search the workspace's articles.", no_args_is_help=True
    )
    app.add_typer(articles_app, name="articles")

    @articles_app.command("list")
    def list_articles(
        ctx: typer.Context,
        limit: Annotated[int, typer.Option(help="How many.")] = 50,
        offset: Annotated[int, typer.Option(help="Skip this many first.")] = 0,
        outlet: Annotated[str | None, typer.Option(help="Only this outlet.")] = None,
        since: Annotated[
            str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")
        ] = None,
        until: Annotated[
            str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")
        ] = None,
        query: Annotated[
            str | None, typer.Option("--query", "-q", help="Full-text search.")
        ] = None,
        format: Annotated[
            Format, typer.Option("--format", "-f", help="Output format.")
        ] = Format.text,
        db: DbOption = None,
    ) -> None:
        """Articles, newest first (or best match first with --query).

        Example: storyline articles list --since 2025-12-01 --query "Maduro"
        """
        from storyline.errors import InputError
        from storyline.store.engine import MAX_ID

        if limit < 1:
            raise InputError(f"--limit must be 1 or more, not {limit}")
        if offset < 0:
            raise InputError(f"--offset must be 0 or more, not {offset}")
        # Past 64 bits the database would raise OverflowError; "all" and "past the end" it is.
        offset = min(offset, MAX_ID)
        limit = min(limit, MAX_ID - offset)
        ws = _open(ctx, db)
        try:
            if query:
                hits = ws.search(query, limit=limit + offset)[offset:]
                records = [h.article for h in hits]
            else:
                records = ws.articles(
                    limit=limit, offset=offset, outlet=outlet, since=since, until=until
                )
        finally:
            ws.close()
        if format is Format.json:
            rows = [{k: v for k, v in r.to_dict().items() if k != "text"} for r in records]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        from storyline.ingest.text import opening

        table = Table()
        for col in ("id", "published", "outlet", "title"):
            table.add_column(col)
        for r in records:
            table.add_row(
                str(r.id), r.published or "", r.outlet or "", r.title or opening(r.text, 60)
            )
        Console().print(table)

    @articles_app.command("show")
    def show_article(
        ctx: typer.Context,
        article: Annotated[str, typer.Argument(help="Workspace id or external id.")],
        format: Annotated[
            Format, typer.Option("--format", "-f", help="Output format.")
        ] = Format.text,
        db: DbOption = None,
    ) -> None:
        """One stored article and its analysis (json: the `analyze --format json` shape).

        Example: storyline articles show 12 --format json
        """
        from storyline.cli.analyze import render_text

        ws = _open(ctx, db)
        try:
            record = ws.article(article)
            analysis = ws.analysis(record.id)
        finally:
            ws.close()
        if format is Format.json:
            data = analysis.to_dict()
            data["article"].update(id=record.id, external_id=record.external_id)
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        else:
            from rich.console import Console

            render_text(analysis, Console())


def _refuse_urls(paths: list[str]) -> None:
    """A URL given as a path: say that storyline is offline, not merely "no such file"."""
    from storyline.cli.analyze import is_url
    from storyline.errors import InputError

    for path in paths:
        if is_url(path):
            raise InputError(
                f"{path}: storyline ingest reads files and folders, not URLs (it never goes on "
                "the network): download it first, e.g. curl -o page.html URL"
            )
