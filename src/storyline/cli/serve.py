"""``storyline serve``: the JSON API and the web pages over a workspace, in one process."""

from __future__ import annotations

import ipaddress
from typing import Annotated

import typer

from storyline.cli import DbOption, resolve_db
from storyline.errors import InputError


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def register(app: typer.Typer) -> None:
    @app.command()
    def serve(
        ctx: typer.Context,
        host: Annotated[
            str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine.")
        ] = "127.0.0.1",
        port: Annotated[int, typer.Option(help="TCP port to listen on.")] = 8000,
        db: DbOption = None,
    ) -> None:
        """Serve the web pages and the JSON API (OpenAPI at /docs) over the workspace.

        Example: storyline serve --port 8000   (then open http://127.0.0.1:8000/)
        """
        import uvicorn

        from storyline.web import WebSettings, create_app
        from storyline.workspace import Workspace

        if not 0 < port < 65536:
            raise InputError(f"--port {port} is not a TCP port: use 1-65535")
        settings = WebSettings.from_env()
        if not _is_loopback(host) and not settings.api_token:
            # Reachable from other machines with open write endpoints: say so, loudly.
            typer.echo(
                f"Warning: serving on {host} without STORYLINE_API_TOKEN: anyone who can reach "
                "this port can add articles. Set STORYLINE_API_TOKEN to require a token.",
                err=True,
            )
        workspace = Workspace(resolve_db(ctx, db))
        web_app = create_app(workspace, settings=settings)
        typer.echo(f"storyline: serving {workspace.name} on http://{host}:{port}/ (Ctrl-C stops)")
        try:
            uvicorn.run(
                web_app,
                host=host,
                port=port,
                log_level="warning",
                access_log=False,
                # Our own middleware enforces the body limit; uvicorn bounds the rest.
                limit_concurrency=256,
                timeout_keep_alive=5,
                server_header=False,
            )
        finally:
            workspace.close()
