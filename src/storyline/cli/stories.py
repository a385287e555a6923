"""``storyline stories`` and ``storyline timeline``: the stories of a workspace and their
sourced timelines. Thin: each opens the ``Workspace``, calls one ``storyline.stories``
function and renders the answer."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from storyline.cli import DbOption, resolve_db

if TYPE_CHECKING:
    from rich.console import Console

# Rich, the workspace and storyline.stories are imported inside the commands: `storyline --help`
# and `timeline --format json` should not pay for what they do not use (tests/cli/test_startup.py).


class StoriesFormat(StrEnum):
    text = "text"
    json = "json"


class TimelineFormat(StrEnum):
    text = "text"
    json = "json"
    md = "md"
    csv = "csv"
    timelinejs = "timelinejs"


def _open(ctx: typer.Context, db: str | None) -> Any:
    from storyline.workspace import Workspace

    return Workspace(resolve_db(ctx, db))


def _timeline_text(tl: dict[str, Any], console: Console) -> None:
    from rich.table import Table

    from storyline.export.markdown import date_label, source_label

    story = tl.get("story") or {}
    table = Table(title=story.get("title") or "Timeline", show_lines=False)
    for col in ("date", "event", "status", "sources", "who says so", "first reported"):
        table.add_column(col)
    for e in tl.get("entries", []):
        first = e.get("first_reported") or {}
        table.add_row(
            date_label(e),
            e.get("summary") or "",
            e.get("status") or "",
            str(e.get("independent_sources", 0)),
            "; ".join(source_label(s) for s in e.get("sources", [])),
            " ".join(x for x in (first.get("outlet"), first.get("published")) if x)
            or str(first.get("article") or ""),
        )
    console.print(table)


def register(app: typer.Typer) -> None:
    @app.command()
    def stories(
        ctx: typer.Context,
        format: Annotated[
            StoriesFormat, typer.Option("--format", "-f", help="text or json.")
        ] = StoriesFormat.text,
        db: DbOption = None,
    ) -> None:
        """The stories in the workspace, biggest first.

        Example: storyline stories --format json
        """
        import storyline.stories as st

        with _open(ctx, db) as ws:
            found = st.list_stories(ws)
        if not found:
            # A mistyped --db opens a new, empty workspace: say so rather than just "0 stories".
            # An interrupted ingest stores articles before it groups them; its rerun groups them.
            typer.echo(
                f"No stories in workspace {ws.name!r}: "
                "add articles with `storyline ingest PATH...` "
                "(after an interrupted ingest, run it again)",
                err=True,
            )
        if format == StoriesFormat.json:
            rows = [{"id": s["id"], "title": s["title"], "articles": s["articles"]} for s in found]
            typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
            return
        from rich.console import Console
        from rich.table import Table

        table = Table(title=f"{len(found)} stories")
        for col in ("id", "title", "articles", "first", "last"):
            table.add_column(col)
        for s in found:
            table.add_row(
                str(s["id"]),
                s["title"] or "",
                # Articles, not ids: one text ingested under several ids is one article.
                str(s.get("size") or len(s["articles"])),
                s["first_published"] or "",
                s["last_published"] or "",
            )
        Console().print(table)

    @app.command()
    def timeline(
        ctx: typer.Context,
        story: Annotated[
            str | None, typer.Argument(help="A story id (see `storyline stories`).")
        ] = None,
        query: Annotated[
            str | None, typer.Option("--query", "-q", help="A timeline over matching articles.")
        ] = None,
        all_: Annotated[
            bool, typer.Option("--all", help="A timeline over the whole workspace.")
        ] = False,
        max_dates: Annotated[
            int | None, typer.Option("--max-dates", help="Keep the N most important dates.")
        ] = None,
        per_date: Annotated[
            int | None, typer.Option("--per-date", help="Keep the K best entries of each date.")
        ] = None,
        format: Annotated[
            TimelineFormat,
            typer.Option("--format", "-f", help="text, json, md, csv or timelinejs."),
        ] = TimelineFormat.text,
        db: DbOption = None,
    ) -> None:
        """A sourced timeline: of a story, of the articles matching --query, or of --all.

        Example: storyline timeline --all --max-dates 10 --per-date 2 --format json
        """
        if format == TimelineFormat.json and query is None:
            cached = _cached_timeline(resolve_db(ctx, db), story, all_, max_dates, per_date)
            if cached is not None:
                typer.echo(cached)
                return
        import storyline.stories as st
        from storyline.export import render

        with _open(ctx, db) as ws:
            story, note = current_story(ws, story)
            if format == TimelineFormat.json:
                # Straight from the cache when it can: no decoding and re-encoding of megabytes.
                text = st.timeline_json(
                    ws,
                    story_id=story,
                    query=query,
                    all=all_,
                    max_dates=max_dates,
                    per_date=per_date,
                )
                say(note)
                typer.echo(text)
                return
            tl = st.timeline_for(
                ws,
                story_id=story,
                query=query,
                all=all_,
                max_dates=max_dates,
                per_date=per_date,
            )
        say(note)
        if not (tl.get("story") or {}).get("articles"):
            typer.echo(_no_articles_hint(query), err=True)
        if format == TimelineFormat.text:
            from rich.console import Console

            _timeline_text(tl, Console())
            return
        typer.echo(render(tl, format.value), nl=False)


def current_story(ws: Any, story: str | None) -> tuple[str | None, str | None]:
    """(the story id to use, a note for stderr or None): the story ``story`` merged into when
    it merged away, else ``story`` as given (an id that names no story is left for the command
    to report). The command says the note once it has succeeded, so stdout stays the normal
    output and an error stays one line."""
    import storyline.stories as st

    live = st.live_story_ref(ws, story)
    if story is None or live == story:
        return story, None
    return live, f"story {int(story)} was merged into story {live}; showing {live}"


def say(note: str | None) -> None:
    """A note for the user on stderr (nothing for None)."""
    if note:
        typer.echo(note, err=True)


def _cached_timeline(
    db: str | None, story: str | None, all_: bool, max_dates: int | None, per_date: int | None
) -> str | None:
    """A story's (or --all) timeline as cached in a SQLite workspace, read with the standard
    library alone (``store.quick``): no SQLAlchemy, about half the command's time. None when
    there is none to read that way; the ordinary path then builds it or reports the error."""
    from storyline.store.quick import cached_timeline_text, sqlite_file
    from storyline.stories.keys import timeline_key

    # A bad --max-dates or --per-date names no cached row (none is ever stored under it), so
    # the ordinary path gets to say what is wrong.
    if (story is not None) == all_ or (story is not None and not story.isdigit()):
        return None
    path = sqlite_file(db)
    if path is None:
        return None
    return cached_timeline_text(
        path, timeline_key(int(story) if story else None, max_dates, per_date)
    )


def _no_articles_hint(query: str | None) -> str:
    """Why a --query or --all timeline is empty, and what to try (an empty table says neither)."""
    if query:
        return (
            f"No articles match {query!r}: try fewer or other words "
            "(`storyline articles list --query ...` shows what matches)"
        )
    return "No articles in this workspace: add some with `storyline ingest PATH...`"
