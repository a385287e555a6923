"""What routes receive instead of looking things up themselves: the workspace, the settings,
pagination, filters, and lookups that answer 404 (``get_story_or_404`` ...).

The ones that only read the request are ``async``: FastAPI runs a plain ``def`` dependency in
its thread pool, a hop that costs more than the work itself. Lookups that query the store stay
``def``, so they never block the event loop."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Depends, Query, Request

from storyline.dates import iso, parse_date
from storyline.errors import InputError
from storyline.model import SOURCE_TYPES
from storyline.web import queries
from storyline.web.cache import AnswerCache
from storyline.web.queries import Filters, Page
from storyline.web.settings import WebSettings


async def get_workspace(request: Request) -> Any:
    return request.app.state.workspace


async def get_settings(request: Request) -> WebSettings:
    settings: WebSettings = request.app.state.settings
    return settings


async def get_cache(request: Request) -> AnswerCache | None:
    cache: AnswerCache | None = request.app.state.cache
    return cache


WorkspaceDep = Annotated[Any, Depends(get_workspace)]
CacheDep = Annotated["AnswerCache | None", Depends(get_cache)]
SettingsDep = Annotated[WebSettings, Depends(get_settings)]


async def get_page(
    settings: SettingsDep,
    limit: Annotated[int | None, Query(ge=1, description="Items per page.")] = None,
    offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0,
) -> Page:
    size = settings.page_size if limit is None else min(limit, settings.max_page_size)
    return Page(limit=size, offset=offset)


PageDep = Annotated[Page, Depends(get_page)]


async def get_filters(
    since: Annotated[str | None, Query(description="Published on or after, YYYY-MM-DD.")] = None,
    until: Annotated[str | None, Query(description="Published on or before, YYYY-MM-DD.")] = None,
    outlet: Annotated[str | None, Query(description="Only this outlet (exact name).")] = None,
    source_type: Annotated[
        str | None, Query(description="Only items with a source of this type.")
    ] = None,
) -> Filters:
    start = parse_date(since, what="'since' date")
    end = parse_date(until, what="'until' date")
    if start and end and start > end:
        raise InputError(f"'since' ({start}) is after 'until' ({end}): swap them")
    if source_type and source_type not in SOURCE_TYPES:
        raise InputError(
            f"unknown source type {source_type!r}: use one of {', '.join(SOURCE_TYPES)}"
        )
    return Filters(iso(start), iso(end), (outlet or "").strip() or None, source_type or None)


FiltersDep = Annotated[Filters, Depends(get_filters)]


def get_article_or_404(ws: WorkspaceDep, cache: CacheDep, article_id: str) -> queries.ArticleDetail:
    """The article by workspace id or external id; ``NotFound`` (404) otherwise."""
    return queries.article(ws, article_id, cache)


def get_story_or_404(ws: WorkspaceDep, cache: CacheDep, story_id: str) -> dict[str, Any]:
    return queries.story(ws, story_id, cache)


def get_entity_or_404(ws: WorkspaceDep, cache: CacheDep, entity_id: str) -> dict[str, Any]:
    return queries.entity(ws, entity_id, cache)


ArticleDep = Annotated[queries.ArticleDetail, Depends(get_article_or_404)]
StoryDep = Annotated[dict[str, Any], Depends(get_story_or_404)]
EntityDep = Annotated[dict[str, Any], Depends(get_entity_or_404)]
