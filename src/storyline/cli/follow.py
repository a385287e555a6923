"""``storyline follow add|list|remove`` and ``storyline digest``. Thin: options in, one library
call (``storyline.follow``), the result rendered."""

from __future__ import annotations

import json
import re
import time
from enum import StrEnum
from typing import Annotated, Any

import typer

from storyline.cli import DbOption, resolve_db
from storyline.errors import InputError, StorylineError


class ListFormat(StrEnum):
    text = "text"
    json = "json"


_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.IGNORECASE)
_UNIT = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}


def parse_every(value: str) -> float:
    """``--every`` as seconds: "90s", "15m", "1h", "1d" (a bare number is seconds)."""
    m = _EVERY.match(value or "")
    seconds = float(m.group(1)) * _UNIT[(m.group(2) or "s").lower()] if m else 0.0
    if seconds <= 0:
        raise InputError(f"invalid --every {value!r}: give a period such as 15m, 1h or 1d")
    return seconds


def _open(ctx: typer.Context, db: str | None) -> Any:
    from storyline.workspace import Workspace

    return Workspace(resolve_db(ctx, db))


def _summary(run: Any) -> str:
    parts = [f"follow {run.follow.id} ({run.follow.title}): {run.new_items} new"]
    for d in run.deliveries:
        if d.error:
            parts.append(f"{d.recipient}: NOT delivered ({d.error})")
        elif d.sent:
            resent = f", {len(d.resent)} retried" if d.resent else ""
            parts.append(f"{d.recipient}: {d.items} items in {len(d.sent)} message(s){resent}")
        else:
            parts.append(f"{d.recipient}: nothing to send")
    return "; ".join(parts)


def register(app: typer.Typer) -> None:
    follow_app = typer.Typer(
        help="Follow a story, an entity or a search, and get digests of what is new.",
        no_args_is_help=True,
    )
    app.add_typer(follow_app, name="follow")

    @follow_app.command("add")
    def add(
        ctx: typer.Context,
        email: Annotated[
            list[str],
            typer.Option("--email", help="A recipient of the digests (repeat for several)."),
        ],
        story: Annotated[str | None, typer.Option("--story", help="A story id.")] = None,
        entity: Annotated[
            str | None, typer.Option("--entity", help="A person, organisation or place.")
        ] = None,
        query: Annotated[str | None, typer.Option("--query", help="A saved search.")] = None,
        db: DbOption = None,
    ) -> None:
        """Follow one story, entity or search.

        Example: storyline follow add --story 3 --email me@example.org
        """
        from storyline.cli.stories import current_story, say
        from storyline.follow import add_follow, feed_path

        with _open(ctx, db) as ws:
            # A merged-away id follows the story it lives on in (said on stderr).
            story, note = current_story(ws, story)
            follow = add_follow(ws, story=story, entity=entity, query=query, emails=email)
        say(note)
        typer.echo(f"follow {follow.id}: {follow.title} -> {', '.join(follow.emails)}")
        typer.echo(f"Atom feed (under `storyline serve`): {feed_path(follow.id)}")

    @follow_app.command("list")
    def list_(
        ctx: typer.Context,
        format: Annotated[
            ListFormat, typer.Option("--format", "-f", help="Output format.")
        ] = ListFormat.text,
        db: DbOption = None,
    ) -> None:
        """List follows: what each follows and who gets its digests.

        Example: storyline follow list --format json
        """
        from storyline.follow import list_follows

        with _open(ctx, db) as ws:
            follows = list_follows(ws)
        if format == ListFormat.json:
            typer.echo(json.dumps([f.to_dict() for f in follows], indent=2, ensure_ascii=False))
            return
        if not follows:
            typer.echo("no follows yet: add one with `storyline follow add`")
        for f in follows:
            typer.echo(f"{f.id}\t{f.kind}\t{f.target}\t{', '.join(f.emails)}")

    @follow_app.command("remove")
    def remove(
        ctx: typer.Context,
        follow_id: Annotated[str, typer.Argument(metavar="ID", help="The follow's id.")],
        db: DbOption = None,
    ) -> None:
        """Stop following: remove a follow, what it remembers and its unsent digests.

        Example: storyline follow remove 2
        """
        from storyline.follow import remove_follow

        with _open(ctx, db) as ws:
            remove_follow(ws, follow_id)
        typer.echo(f"follow {follow_id} removed")

    @app.command()
    def digest(
        ctx: typer.Context,
        follow: Annotated[
            str | None, typer.Option("--follow", help="Only this follow (default: all).")
        ] = None,
        since: Annotated[
            str | None,
            typer.Option(help="Ignore what only articles published before YYYY-MM-DD add."),
        ] = None,
        dry_run: Annotated[
            bool, typer.Option("--dry-run", help="Print the digests (Markdown); send nothing.")
        ] = False,
        smtp_host: Annotated[
            str | None, typer.Option(help="SMTP server (else $STORYLINE_SMTP_HOST, localhost).")
        ] = None,
        smtp_port: Annotated[
            int | None, typer.Option(help="SMTP port (else $STORYLINE_SMTP_PORT, 25/587/465).")
        ] = None,
        starttls: Annotated[
            bool | None,
            typer.Option(
                "--starttls/--no-starttls",
                help="Upgrade with STARTTLS (else $STORYLINE_SMTP_STARTTLS).",
            ),
        ] = None,
        sender: Annotated[
            str | None, typer.Option("--from", help="From address (else $STORYLINE_SMTP_FROM).")
        ] = None,
        base_url: Annotated[
            str | None,
            typer.Option(help="Where `storyline serve` is reachable, for links in mail."),
        ] = None,
        watch: Annotated[
            bool, typer.Option("--watch", help="Keep running: a digest every --every.")
        ] = False,
        every: Annotated[str, typer.Option(help="With --watch: how often (15m, 1h, 1d).")] = "1h",
        format: Annotated[
            ListFormat, typer.Option("--format", "-f", help="Report format.")
        ] = ListFormat.text,
        db: DbOption = None,
    ) -> None:
        """Build and send the digests: what is new since the last one, exactly once.

        Example: storyline digest --smtp-host mail.example.org --smtp-port 587 --starttls
        """
        from storyline.dates import parse_date
        from storyline.follow import Follow, SmtpSettings, feed_path, page_path, run_digests

        since_date = parse_date(since, what="--since date")
        follow_id = _follow_arg(follow)
        period = parse_every(every) if watch else 0.0
        if watch and dry_run:
            raise InputError("--watch and --dry-run do not mix: a dry run sends nothing to repeat")
        settings = None
        if not dry_run:
            settings = SmtpSettings.from_env(
                host=smtp_host, port=smtp_port, starttls=starttls, sender=sender
            )
        base = (base_url or "").rstrip("/")

        def feed_url(follow_id: int) -> str:
            return base + feed_path(follow_id)

        def page_url(follow: Follow) -> str:
            return base + page_path(follow)

        def once() -> int:
            with _open(ctx, db) as ws:
                runs = run_digests(
                    ws,
                    follow_id=follow_id,
                    since=since_date,
                    dry_run=dry_run,
                    settings=settings,
                    feed_url=feed_url if base else None,
                    page_url=page_url if base else None,
                )
            if format == ListFormat.json:
                typer.echo(json.dumps([r.to_dict() for r in runs], indent=2, ensure_ascii=False))
            elif dry_run:
                for r in runs:
                    nothing = f"follow {r.follow.id} ({r.follow.title}): nothing new\n"
                    typer.echo(r.markdown or nothing)
            else:
                if not runs:
                    typer.echo("no follows yet: add one with `storyline follow add`")
                for r in runs:
                    typer.echo(_summary(r))
            return 1 if any(r.failed for r in runs) else 0

        if not watch:
            raise typer.Exit(once())
        while True:
            try:
                once()
            except StorylineError as exc:  # a bad hour must not stop the scheduler
                typer.echo(f"Error: {exc}", err=True)
            time.sleep(period)


def _follow_arg(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.strip().isdigit() or int(value) < 1:
        raise InputError(
            f"invalid --follow {value!r}: give the number `storyline follow list` shows"
        )
    return int(value)
