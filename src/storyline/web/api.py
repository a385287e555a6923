"""The JSON API under /api. Thin routes: inputs come from dependencies, the work is one library
call, the answer is the library's own JSON (``Analysis.to_dict``, the timeline JSON), so the API
and the CLI never disagree. Errors: ``{"error": {"code", "message"}}`` (see ``app.py``)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

from storyline.errors import InputError
from storyline.web import queries
from storyline.web.dependencies import (
    ArticleDep,
    CacheDep,
    EntityDep,
    FiltersDep,
    PageDep,
    SettingsDep,
    StoryDep,
    WorkspaceDep,
)
from storyline.web.queries import Filters
from storyline.web.security import fetch_url, require_token
from storyline.web.settings import WebSettings

router = APIRouter(prefix="/api", tags=["api"])

# A bigger batch belongs to `storyline ingest`, which has progress and resumes.
MAX_ARTICLES_PER_POST = 100


class ArticleIn(BaseModel):
    """One article: its text or HTML, and what is known about where it came from."""

    text: str | None = Field(None, description="Plain text of the article.")
    html: str | None = Field(None, description="The article's HTML page.")
    published: str | None = Field(None, description="Publication date, YYYY-MM-DD.")
    url: str | None = Field(None, description="Where it was published.")
    outlet: str | None = Field(None, description="The publishing outlet.")
    title: str | None = Field(None, description="Headline.")


class AnalyzeIn(ArticleIn):
    fetch: bool = Field(
        False,
        description="Fetch `url` instead of sending text (only when the server allows it; "
        "never private or loopback addresses).",
    )


def article_input(body: AnalyzeIn | ArticleIn, settings: WebSettings) -> tuple[str, str | None]:
    """The raw document and its content type, from text, html or (if allowed) a fetch."""
    given = [k for k in ("text", "html") if getattr(body, k) is not None]
    if len(given) > 1:
        raise InputError('give the article as "text" or as "html", not both')
    if isinstance(body, AnalyzeIn) and body.fetch:
        if given:
            raise InputError('"fetch" takes the article from "url": do not send text or html too')
        if not body.url:
            raise InputError('"fetch" needs a "url" to fetch')
        raw = fetch_url(body.url, settings)
        return raw.decode("utf-8", errors="replace"), "text/html"
    if not given:
        raise InputError('send the article as "text" or "html" (JSON body)')
    if body.text is not None:
        return body.text, "text/plain"
    assert body.html is not None
    return body.html, "text/html"


@router.post("/analyze", name="api.analyze")
def analyze(body: AnalyzeIn, settings: SettingsDep) -> dict[str, Any]:
    """Analyse one article (no database): the same JSON as `storyline analyze --format json`."""
    from storyline.analysis import analyze as run

    raw, content_type = article_input(body, settings)
    analysis = run(
        raw,
        published=body.published,
        url=body.url,
        outlet=body.outlet,
        title=body.title,
        content_type=content_type,
    )
    return analysis.to_dict()


# ---- articles -----------------------------------------------------------------------------


@router.get("/articles", name="api.articles")
def list_articles(ws: WorkspaceDep, page: PageDep, filters: FiltersDep) -> dict[str, Any]:
    """Articles, newest first; filter by publication date range, outlet, source type."""
    return queries.articles_page(ws, page, filters).to_dict(page)


@router.get("/articles/{article_id}", name="api.article")
def get_article(article: ArticleDep) -> dict[str, Any]:
    """One article with its full analysis (the `analyze` JSON) and its stories."""
    return article.to_dict()


@router.post(
    "/articles",
    name="api.add_articles",
    status_code=201,
    dependencies=[Depends(require_token)],
)
def add_articles(
    ws: WorkspaceDep, settings: SettingsDep, body: ArticleIn | list[ArticleIn]
) -> dict[str, Any]:
    """Add one article or a list of them (bearer token when STORYLINE_API_TOKEN is set).
    Idempotent: the same text twice is one article."""
    items = body if isinstance(body, list) else [body]
    if not items:
        raise InputError("send at least one article")
    if len(items) > MAX_ARTICLES_PER_POST:
        raise InputError(
            f"{len(items)} articles in one request: send at most {MAX_ARTICLES_PER_POST}"
        )
    docs = []
    for item in items:
        raw, content_type = article_input(item, settings)
        docs.append(
            queries.NewArticle(raw, content_type, item.model_dump(exclude={"text", "html"}))
        )
    return {"articles": queries.add_articles(ws, docs)}


# ---- stories ------------------------------------------------------------------------------


@router.get("/stories", name="api.stories")
def list_stories(
    ws: WorkspaceDep, cache: CacheDep, page: PageDep, filters: FiltersDep
) -> dict[str, Any]:
    """Stories, most recently active first, with article counts, outlets and coverage per day."""
    return queries.stories_page(ws, page, filters, cache).to_dict(page)


@router.get("/stories/{story_id}", name="api.story")
def get_story(story: StoryDep) -> dict[str, Any]:
    """One story: its articles, outlets and coverage per day."""
    return story


@router.get(
    "/stories/{story_id}/timeline",
    name="api.timeline",
    responses={200: {"content": {"application/json": {}}}},
)
async def get_timeline(
    request: Request,
    ws: WorkspaceDep,
    cache: CacheDep,
    story_id: str,
    filters: FiltersDep,
    max_dates: Annotated[
        int | None, Query(ge=1, description="Keep the N most important dates.")
    ] = None,
    per_date: Annotated[int | None, Query(ge=1, description="Keep K entries per date.")] = None,
) -> Response:
    """The story's timeline: the same JSON as `storyline timeline STORY --format json`.
    `since`/`until` keep entries dated in that range, `outlet` entries one of its articles
    reported, `source_type` entries backed by a source of that type."""
    if filters != Filters():
        data = await run_in_threadpool(
            queries.timeline, ws, story_id, max_dates=max_dates, per_date=per_date, cache=cache
        )
        return JSONResponse(queries.filter_timeline(data, filters))
    # The endpoint under load: bytes serialised (and gzipped) once per workspace version,
    # answered from the event loop when current, built in a worker thread otherwise.
    gzipped = "gzip" in request.headers.get("accept-encoding", "").lower()
    body = queries.peek_timeline_json(story_id, max_dates, per_date, gzipped, cache)
    if body is None:
        body = await run_in_threadpool(
            queries.timeline_json,
            ws,
            story_id,
            max_dates=max_dates,
            per_date=per_date,
            gzipped=gzipped,
            cache=cache,
        )
    headers = {"vary": "Accept-Encoding"}
    if gzipped:
        headers["content-encoding"] = "gzip"
    return Response(body, media_type="application/json", headers=headers)


@router.get("/stories/{story_id}/export.{fmt}", name="api.export")
def export_story(ws: WorkspaceDep, cache: CacheDep, story: StoryDep, fmt: str) -> Response:
    """The timeline as a file: json, md, csv or timelinejs (the CLI's --format values)."""
    content, media_type, filename = queries.export(ws, story["id"], fmt, cache)
    return Response(
        content,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


# ---- entities, search ---------------------------------------------------------------------


@router.get("/entities", name="api.entities")
def list_entities(
    ws: WorkspaceDep,
    page: PageDep,
    q: Annotated[str | None, Query(description="Only entities whose name contains this.")] = None,
    type: Annotated[str | None, Query(description="PERSON, ORG, GPE ...")] = None,
) -> dict[str, Any]:
    """Entities across articles, most mentioned first."""
    return queries.entities_page(ws, page, q=q, entity_type=type).to_dict(page)


@router.get("/entities/{entity_id}", name="api.entity")
def get_entity(entity: EntityDep) -> dict[str, Any]:
    """One entity: its aliases, its stories, and the claims it made or that mention it."""
    return entity


@router.get("/search", name="api.search")
def search(
    ws: WorkspaceDep,
    page: PageDep,
    filters: FiltersDep,
    q: Annotated[str, Query(description="Words to find in articles (full-text).")] = "",
) -> dict[str, Any]:
    """Full-text search over articles (SQLite FTS5 / PostgreSQL tsvector)."""
    return queries.search(ws, q, page, filters).to_dict(page)
