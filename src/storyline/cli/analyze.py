"""``storyline analyze``: one article, no database."""

from __future__ import annotations

import json
import re
import sys
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from storyline.errors import InputError
from storyline.export.article import source_list, timeline_rows, to_markdown

if TYPE_CHECKING:
    from rich.console import Console

    from storyline.model import Analysis


class Format(StrEnum):
    text = "text"
    json = "json"
    md = "md"


def is_url(path: str) -> bool:
    """Whether a path argument is a URL ("https://...", "s3://..."), which storyline never
    fetches; a file that exists under such a name is a file."""
    return bool(re.match(r"[a-z][a-z0-9+.-]*://", path, re.I)) and not Path(path).exists()


def read_input(path: str) -> bytes:
    """The bytes of FILE, or of standard input for '-'."""
    if path == "-":
        return sys.stdin.buffer.read()
    p = Path(path)
    if is_url(path):
        raise InputError(
            f"{path}: analyze reads a file or standard input, not a URL (it never goes on the "
            f"network): curl -s {path} | storyline analyze - --url {path}"
        )
    if p.is_dir():
        raise InputError(f"{path} is a folder: give one article file (or use `storyline ingest`)")
    try:
        return p.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"{path}: no such file") from exc
    except PermissionError as exc:
        raise InputError(f"{path}: permission denied") from exc


def _refuse_containers(raw: bytes, path: str) -> None:
    """A feed's XML or a JSONL line's braces analysed as one article's text give nonsense."""
    from storyline.ingest.sources import container_kind

    kind = container_kind(raw, None if path == "-" else Path(path))
    if kind:
        target = "FILE" if path == "-" else path  # ingest reads files, not standard input
        raise InputError(
            f"{path}: {kind} holds many articles, not one: use `storyline ingest {target}` "
            "(analyze takes one article's text or HTML)"
        )


def render_text(analysis: Analysis, console: Console) -> None:
    from rich.table import Table

    art = analysis.article
    console.print(f"[bold]{art.title or 'Untitled article'}[/bold]")
    bits = [f"published {art.published or 'unknown'} ({art.published_source or '?'})"]
    if art.outlet:
        bits.append(f"outlet {art.outlet}")
    if art.wire:
        bits.append(f"wire {art.wire}")
    if art.dateline:
        bits.append(f"dateline {art.dateline}")
    console.print(" · ".join(bits), style="dim")
    for w in analysis.warnings:
        console.print(f"Warning: {w}", style="yellow")

    table = Table(title="Timeline", show_lines=False, expand=True)
    table.add_column("Date", no_wrap=True)
    table.add_column("Event", ratio=3)
    table.add_column("Who says so", ratio=2)
    for row in timeline_rows(analysis):
        date = row.date or "undated"
        if row.deadline:
            date += "\n(deadline)"
        who = "\n".join(b.label for b in row.sources) or "unattributed"
        table.add_row(date, row.summary, who)
    console.print(table)

    sources = Table(title="Sources", expand=True)
    sources.add_column("Source")
    sources.add_column("Type")
    sources.add_column("Count", justify="right")
    sources.add_column("Stance")
    for badge in source_list(analysis):
        stance = badge.polarity + (", hedged" if badge.hedged else "")
        count = str(badge.count) if badge.count else "-"
        sources.add_row(badge.text, badge.type.replace("_", " "), count, stance)
    console.print(sources)


def register(app: typer.Typer) -> None:
    @app.command()
    def analyze(
        file: Annotated[
            str, typer.Argument(help="An article file (text or HTML), or - for stdin.")
        ],
        published: Annotated[
            str | None,
            typer.Option(help="Publication date, YYYY-MM-DD (the anchor of relative dates)."),
        ] = None,
        url: Annotated[str | None, typer.Option(help="Where the article was published.")] = None,
        outlet: Annotated[str | None, typer.Option(help="The publishing outlet's name.")] = None,
        format: Annotated[
            Format, typer.Option("--format", "-f", help="Output format.")
        ] = Format.text,
    ) -> None:
        """Analyse one article: its dated events, who says so, and its sources.

        Example: storyline analyze article.txt --published 2025-12-02 --format json
        """
        from storyline.analysis import analyze as run

        raw = read_input(file)
        _refuse_containers(raw, file)
        analysis = run(raw, published=published, url=url, outlet=outlet)
        if format is Format.json:
            typer.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
        elif format is Format.md:
            typer.echo(to_markdown(analysis), nl=False)
        else:
            from rich.console import Console

            render_text(analysis, Console())
        for w in analysis.warnings:
            if format is not Format.text:
                typer.echo(f"Warning: {w}", err=True)
