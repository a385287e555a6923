"""The HTML pages. Each route gathers its data through dependencies and ``views``, renders one
template named after it (``stories/get.html`` for ``pages.story``) and returns."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from storyline.errors import StorylineError
from storyline.web import queries
from storyline.web.dependencies import (
    ArticleDep,
    CacheDep,
    EntityDep,
    FiltersDep,
    PageDep,
    StoryDep,
    WorkspaceDep,
)
from storyline.web.views import EXPORT_FORMATS, article_view, story_view

router = APIRouter(include_in_schema=False)


def render(request: Request, name: str, status_code: int = 200, **context: object) -> HTMLResponse:
    templates = request.app.state.templates
    response: HTMLResponse = templates.TemplateResponse(
        request, name, context, status_code=status_code
    )
    return response


@router.get("/analyze", name="pages.analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return render(request, "analyze.html", form={}, error=None, view=None)


@router.post("/analyze", name="pages.analyze_post", response_class=HTMLResponse)
def analyze_submit(
    request: Request,
    text: Annotated[str, Form()] = "",
    published: Annotated[str, Form()] = "",
    url: Annotated[str, Form()] = "",
    outlet: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Analyse a pasted article on the fly and show it highlighted, with its timeline."""
    from storyline.analysis import analyze as run

    form = {"text": text, "published": published, "url": url, "outlet": outlet}
    try:
        analysis = run(
            text,
            published=published.strip() or None,
            url=url.strip() or None,
            outlet=outlet.strip() or None,
        )
    except StorylineError as exc:
        # Show the problem above the form, keeping what the user typed.
        return render(
            request,
            "analyze.html",
            status_code=exc.http_status,
            form=form,
            error=exc.message,
            view=None,
        )
    return render(request, "analyze.html", form=form, error=None, view=article_view(analysis))


@router.get("/", name="pages.index", response_class=HTMLResponse)
def index(
    request: Request, ws: WorkspaceDep, cache: CacheDep, page: PageDep, filters: FiltersDep
) -> HTMLResponse:
    """The active stories: article counts, outlets, a sparkline of coverage per day."""
    listing = queries.stories_page(ws, page, filters, cache)
    return render(request, "stories/list.html", listing=listing, page=page, filters=filters)


@router.get("/stories/{story_id}", name="pages.story", response_class=HTMLResponse)
def story(request: Request, ws: WorkspaceDep, cache: CacheDep, story: StoryDep) -> HTMLResponse:
    """A story's vertical timeline, with filters (actor, source type, status) and exports."""
    timeline = queries.timeline(ws, story["id"], cache=cache)
    view = story_view(story, timeline, articles=queries.story_articles(ws, story, cache))
    return render(request, "stories/get.html", story=story, view=view, formats=EXPORT_FORMATS)


@router.get("/articles", name="pages.articles", response_class=HTMLResponse)
def articles(
    request: Request, ws: WorkspaceDep, page: PageDep, filters: FiltersDep
) -> HTMLResponse:
    listing = queries.articles_page(ws, page, filters)
    return render(request, "articles/list.html", listing=listing, page=page, filters=filters)


@router.get("/articles/{article_id}", name="pages.article", response_class=HTMLResponse)
def article(request: Request, ws: WorkspaceDep, detail: ArticleDep) -> HTMLResponse:
    """The cleaned text, highlighted, with its metadata, timeline, sources and what was new."""
    view = article_view(detail.analysis)
    links = {
        ent.id: request.app.url_path_for("pages.entity", entity_id=str(target))
        for ent in detail.analysis.entities
        if (target := detail.entity_links.get(ent.id))
    }
    return render(request, "articles/get.html", detail=detail, view=view, entity_links=links)


@router.get("/entities", name="pages.entities", response_class=HTMLResponse)
def entities(
    request: Request, ws: WorkspaceDep, page: PageDep, q: str = "", type: str = ""
) -> HTMLResponse:
    listing = queries.entities_page(ws, page, q=q or None, entity_type=type or None)
    return render(request, "entities/list.html", listing=listing, page=page, q=q, type=type)


@router.get("/entities/{entity_id}", name="pages.entity", response_class=HTMLResponse)
def entity(request: Request, entity: EntityDep) -> HTMLResponse:
    """An entity's stories and the claims it made or that were made about it."""
    return render(request, "entities/get.html", entity=entity)


@router.get("/search", name="pages.search", response_class=HTMLResponse)
def search(
    request: Request, ws: WorkspaceDep, page: PageDep, filters: FiltersDep, q: str = ""
) -> HTMLResponse:
    listing = queries.search(ws, q, page, filters) if q.strip() else None
    return render(request, "search.html", listing=listing, page=page, q=q, filters=filters)
