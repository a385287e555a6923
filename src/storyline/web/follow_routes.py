"""Follows over HTTP: the JSON API under /api/follows and each follow's Atom feed at
/feeds/{follow_id}.atom. Include with ``app.include_router(follow_routes.router)``.

Thin routes over ``storyline.follow``; errors are ``StorylineError`` and take the app's one
error shape. Creating and removing follows are write endpoints and need the API token when one
is configured, like every other write.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pydantic import BaseModel, Field

from storyline.web.dependencies import WorkspaceDep
from storyline.web.security import require_token

router = APIRouter(tags=["follows"])

ATOM = "application/atom+xml; charset=utf-8"


class FollowIn(BaseModel):
    """What to follow (exactly one of story, entity, query) and who gets the digests."""

    story: str | None = Field(None, description="A story id.")
    entity: str | None = Field(None, description="A person, organisation or place, by name.")
    query: str | None = Field(None, description="A search query to follow.")
    emails: list[str] = Field(..., description="Recipients of the e-mail digests.")


@router.get("/api/follows", name="api.follows")
def list_follows(workspace: WorkspaceDep) -> list[dict[str, Any]]:
    """Every follow: ``[{"id", "kind", "target", "label", "emails", "created"}]``."""
    from storyline.follow import list_follows as list_all

    return [f.to_dict() for f in list_all(workspace)]


@router.post(
    "/api/follows",
    name="api.follows.add",
    status_code=201,
    dependencies=[Depends(require_token)],
)
def add_follow(body: FollowIn, workspace: WorkspaceDep, request: Request) -> dict[str, Any]:
    """Follow a story, an entity or a query; the answer carries the follow and its feed URL."""
    from storyline.follow import add_follow as add
    from storyline.follow import feed_path
    from storyline.stories import live_story_ref

    # A story that merged away is followed where it lives on (the answer's target says so).
    story = live_story_ref(workspace, body.story)
    follow = add(workspace, story=story, entity=body.entity, query=body.query, emails=body.emails)
    return {**follow.to_dict(), "feed": str(request.base_url).rstrip("/") + feed_path(follow.id)}


@router.get("/api/follows/{follow_id}", name="api.follow")
def get_follow(follow_id: int, workspace: WorkspaceDep) -> dict[str, Any]:
    from storyline.follow import get_follow as get

    return get(workspace, follow_id).to_dict()


@router.delete(
    "/api/follows/{follow_id}",
    name="api.follow.remove",
    status_code=204,
    dependencies=[Depends(require_token)],
)
def remove_follow(follow_id: int, workspace: WorkspaceDep) -> Response:
    from storyline.follow import remove_follow as remove

    remove(workspace, follow_id)
    return Response(status_code=204)


@router.get(
    "/feeds/{follow_id}.atom",
    name="feeds.follow",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}},
)
def follow_feed(
    follow_id: int,
    workspace: WorkspaceDep,
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500, description="Most recent items.")] = 100,
) -> Response:
    """The follow's Atom feed: one entry per digest item, newest first, stable ids."""
    from storyline.follow import atom_feed

    body = atom_feed(workspace, follow_id, base_url=str(request.base_url), limit=limit)
    return Response(content=body, media_type=ATOM)
