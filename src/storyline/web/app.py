"""``create_app(workspace, settings=...)``: the FastAPI application serving the JSON API under
/api and the HTML pages, over one workspace. No module-level state: everything the routes need
hangs off ``app.state`` (workspace, settings, templates), so tests can build as many apps as
they like.

Errors: a ``StorylineError`` (and any HTTP error) becomes ``{"error": {"code", "message"}}``
with its ``http_status`` under /api, and ``error.html`` for pages.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware
from starlette.routing import NoMatchFound

import storyline
from storyline.errors import StorylineError
from storyline.web import api, follow_routes, pages, storydata
from storyline.web.cache import AnswerCache, workspace_version
from storyline.web.security import BodyLimitMiddleware, SecurityHeadersMiddleware
from storyline.web.settings import WebSettings
from storyline.web.templates import make_templates

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"

# Codes for HTTP errors raised by the framework itself (unknown route, wrong method).
_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    413: "body_too_large",
    415: "unsupported_media_type",
}


def create_app(workspace: Any, *, settings: WebSettings | None = None) -> FastAPI:
    """The web app over ``workspace`` (a ``storyline.Workspace``).

    >>> app = create_app(Workspace(memory=True))  # doctest: +SKIP
    >>> uvicorn.run(app, host="127.0.0.1", port=8000)  # doctest: +SKIP
    """
    settings = settings or WebSettings()
    app = FastAPI(
        title="storyline",
        version=storyline.__version__,
        description="Sourced timelines of developing news stories: stories, timelines, "
        "articles with their analysis, entities, search.",
    )
    app.state.workspace = workspace
    app.state.settings = settings
    app.state.templates = make_templates()
    # Import the stories package now, not on the first visitor's request.
    storydata.available()
    app.state.cache = (
        AnswerCache(lambda: workspace_version(workspace)) if workspace is not None else None
    )

    app.include_router(api.router)
    app.include_router(follow_routes.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    app.add_exception_handler(StorylineError, _storyline_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(storydata.StoryMoved, _story_moved)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected_error)

    # Outermost last: the body limit sees the raw request before anything reads it. Pages and
    # JSON are compressed for clients that accept it (already-compressed answers are left as is).
    app.add_middleware(GZipMiddleware, minimum_size=1000)
    app.add_middleware(SecurityHeadersMiddleware)
    app.add_middleware(BodyLimitMiddleware, limit=settings.max_body_bytes)
    return app


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The one error shape: JSON for the API, ``error.html`` for pages."""
    if wants_json(request):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request,
        "error.html",
        {"status": status, "code": code, "message": message},
        status_code=status,
    )


async def _storyline_error(request: Request, exc: StorylineError) -> Response:
    return error_response(request, exc.http_status, exc.code, exc.message)


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    message = str(exc.detail) if exc.detail else code.replace("_", " ")
    if exc.status_code == 404 and message == "Not Found":
        message = f"nothing at {request.url.path}: check the address"
    response = error_response(request, exc.status_code, code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _story_moved(request: Request, exc: storydata.StoryMoved) -> Response:
    """A merged-away story id: a permanent redirect to the same route (query string kept) for
    the story it lives on in, so bookmarks, shared links and digests' links keep working."""
    route = request.scope.get("route")
    params = {**request.path_params, "story_id": str(exc.new_id)}
    try:
        url = request.url_for(str(getattr(route, "name", "")), **params)
    except NoMatchFound:
        return error_response(request, 404, "not_found", str(exc))
    query = request.url.query
    # A relative location (path and query): right behind a proxy that rewrites the host.
    location = url.path + (f"?{query}" if query else "")
    return RedirectResponse(location, status_code=301)


async def _validation_error(request: Request, exc: RequestValidationError) -> Response:
    problems = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ()) if p != "body") or "request"
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    return error_response(request, 422, "invalid_request", "; ".join(problems))


async def _unexpected_error(request: Request, exc: Exception) -> Response:
    # A bug, not a user error: keep the traceback in the server log, tell the user little.
    log.exception("unexpected error on %s %s", request.method, request.url.path)
    return error_response(
        request, 500, "internal_error", "the server hit a bug; the details are in its log"
    )
