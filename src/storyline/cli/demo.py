"""``storyline demo``: the seed article and the bundled sample, end to end."""

from __future__ import annotations

from typing import Annotated

import typer

from storyline.cli import DbOption, resolve_db


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        ctx: typer.Context,
        db: DbOption = None,
        max_dates: Annotated[
            int, typer.Option("--max-dates", help="Dates kept in each story's timeline.")
        ] = 8,
    ) -> None:
        """Run storyline end to end on the seed article and the bundled ECB+ sample.

        Example: storyline demo --db demo.sqlite
        """
        from rich.console import Console
        from rich.rule import Rule

        from storyline.cli.analyze import render_text
        from storyline.cli.stories import _timeline_text
        from storyline.cli.workspace import _ingest_summary
        from storyline.demo import run_demo

        console = Console()
        console.print(Rule("storyline demo"))
        result = run_demo(resolve_db(ctx, db), max_dates=max_dates)
        for note in result.missing:
            console.print(f"Note: {note}", style="yellow")
        if result.seed is not None:
            console.print(Rule("1. One article: the seed (Reuters via The Straits Times)"))
            render_text(result.seed, console)
        if result.ingest is not None:
            console.print(Rule("2. Ingest: the seed and 30 ECB+ articles (CC BY 3.0)"))
            _ingest_summary(result.ingest, console)
        console.print(Rule(f"3. {len(result.stories)} stories; the biggest, as timelines"))
        for story in result.stories[:8]:
            n = len(story["articles"])
            console.print(
                f"  story {story['id']}: {story['title']} ({n} article{'' if n == 1 else 's'})"
            )
        for tl in result.timelines:
            _timeline_text(tl, console)
        console.print(
            f"\nWorkspace: {result.db}. Next: storyline serve --db {result.db}  "
            "(then open http://127.0.0.1:8000)"
        )
