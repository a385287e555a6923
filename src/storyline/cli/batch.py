"""``storyline batch`` and ``storyline load``: big archives on Ray, then into a workspace."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli import DbOption, resolve_db


def register(app: typer.Typer) -> None:
    @app.command()
    def batch(
        inputs: Annotated[list[str], typer.Argument(help="WARC or JSONL files or glob patterns.")],
        out: Annotated[str, typer.Option("--out", help="Output folder for the Parquet files.")],
        ray_address: Annotated[
            str | None,
            typer.Option("--ray-address", help="A Ray cluster to join (default: a local runtime)."),
        ] = None,
        num_cpus: Annotated[
            int | None, typer.Option("--num-cpus", help="CPUs for a local Ray runtime.")
        ] = None,
        actors: Annotated[
            int | None, typer.Option("--actors", help="Analysis actors (default: one per CPU).")
        ] = None,
    ) -> None:
        """Analyse every article in WARC/JSONL archives on Ray; write Parquet; resumable.

        Example: storyline batch 'crawl/*.warc.gz' --out batch-out/
        """
        from rich.console import Console
        from rich.table import Table

        from storyline.scale.batch import InputResult, run_batch

        console = Console(stderr=True)

        def show(result: InputResult) -> None:
            state = "already done" if result.resumed else f"{result.seconds:.1f}s"
            console.print(
                f"{result.input}: {result.articles} articles, {result.skipped} skipped, "
                f"{result.failed} failed ({state})"
            )

        report = run_batch(
            inputs, out, ray_address=ray_address, num_cpus=num_cpus, actors=actors, progress=show
        )
        table = Table(title=f"batch → {report.out}")
        for col in ("inputs", "articles", "skipped", "failed", "seconds"):
            table.add_column(col, justify="right")
        table.add_row(
            str(len(report.inputs)),
            str(report.articles),
            str(report.skipped),
            str(report.failed),
            f"{report.seconds:.1f}",
        )
        Console().print(table)
        if report.failed:
            raise typer.Exit(1)

    @app.command()
    def load(
        ctx: typer.Context,
        out: Annotated[str, typer.Argument(help="A `storyline batch` output folder.")],
        db: DbOption = None,
    ) -> None:
        """Bulk-load a batch's Parquet into the workspace, then dedup, stories and timelines.

        Example: storyline load batch-out/ --db newsroom.sqlite
        """
        from rich.console import Console

        from storyline.scale.load import load_batch
        from storyline.workspace import Workspace

        with Workspace(resolve_db(ctx, db)) as ws:
            report = load_batch(ws, out)
        Console().print(
            f"loaded {report.added} new articles ({report.duplicates} already there, "
            f"{report.skipped} skipped rows) from {report.files} Parquet files"
        )
