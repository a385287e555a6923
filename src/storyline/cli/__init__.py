"""The ``storyline`` command. Thin: each command parses its options, calls one library
function and renders the result. Errors the user can fix (``StorylineError``) are printed as one
``Error: ...`` line on stderr with exit code 2; anything else is a bug and keeps its traceback.

Each command group lives in its own module with a ``register(app)`` function.
"""

from __future__ import annotations

import sys
from typing import Annotated

import click
import typer

# Typer >= 0.29 raises its own copies of click's exceptions; catch both families.
from typer._click.exceptions import ClickException as TyperClickException

from storyline.errors import StorylineError

app = typer.Typer(
    name="storyline",
    help="Follow a developing news story as a sourced timeline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="Workspace: a SQLite file path or a postgresql:// URL "
        "(default: $STORYLINE_DB, else a file in your user data directory).",
        envvar="STORYLINE_DB",
    ),
]


@app.callback()
def _root(ctx: typer.Context, db: DbOption = None) -> None:
    """storyline: dated events, who says so, and how many sources, from news articles."""
    ctx.obj = {"db": db}


def resolve_db(ctx: typer.Context, db: str | None) -> str | None:
    """A command's own --db wins over the global one."""
    if db:
        return db
    root = ctx.find_root()
    obj = root.obj or {}
    value = obj.get("db") if isinstance(obj, dict) else None
    return value if isinstance(value, str) else None


def _register_all() -> None:
    from importlib import import_module

    for name in ("analyze", "timeml", "workspace", "stories", "serve", "follow", "batch", "demo"):
        try:
            module = import_module(f"storyline.cli.{name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"storyline.cli.{name}":
                continue  # that command group is not built yet
            raise
        module.register(app)


_register_all()


def error_line(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)


def main(argv: list[str] | None = None) -> None:
    try:
        rv = app(args=argv, standalone_mode=False, prog_name="storyline")
    except StorylineError as exc:
        error_line(str(exc))
        sys.exit(2)
    except (click.exceptions.Abort, typer.Abort):
        typer.echo("Aborted.", err=True)
        sys.exit(130)
    except (click.exceptions.ClickException, TyperClickException) as exc:
        # Usage errors (a missing argument, an unknown option): click's own short message.
        exc.show()
        sys.exit(exc.exit_code)
    except (click.exceptions.Exit, typer.Exit) as exc:
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        typer.echo("Interrupted.", err=True)
        sys.exit(130)
    if rv == 130:
        # Typer turns Ctrl-C into Exit(130) and, outside standalone mode, returns the code, so
        # the KeyboardInterrupt branch above never sees it: say why we stop all the same.
        typer.echo("Interrupted.", err=True)
    sys.exit(rv if isinstance(rv, int) else 0)
