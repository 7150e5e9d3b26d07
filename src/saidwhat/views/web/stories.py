"""Stories and copies on the web: ``GET /api/stories``, ``/api/stories/{id}``,
``/api/articles/{id}/changes/{copy}``, and the ``/stories`` pages and a copy's "what changed" page."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Request
from starlette.responses import Response

from saidwhat.store import CopyChanges, ResultPage, Story, StorySummary
from saidwhat.views.web.api import Limit, Offset, Since, StoreDep, Text, Until
from saidwhat.views.web.pages import PAGE_SIZE, _int, _page, _pager
from saidwhat.views.web.request_helpers import get_store

__all__ = ["api_router", "page_router"]

api_router = APIRouter(prefix="/api", tags=["api"])
page_router = APIRouter(include_in_schema=False)

ArticleId = Annotated[int, Path(ge=0, le=2**62)]


@api_router.get("/stories", response_model=ResultPage[StorySummary],
                summary="Stories: articles on one event across outlets, most articles first")
def list_stories(store: StoreDep, q: Text = None, outlet: Text = None, since: Since = None,
                 until: Until = None, offset: Offset = 0, limit: Limit = 20) -> ResultPage[StorySummary]:
    return store.stories(text=q, outlet=outlet, since=since, until=until, offset=offset, limit=limit)


@api_router.get("/stories/{story_id}", response_model=Story,
                summary="One story (its id, or the id of any of its articles)",
                responses={404: {"description": "no story holds this article"}})
def get_story(store: StoreDep, story_id: ArticleId) -> Story:
    story = store.story(story_id)
    if story is None:
        raise HTTPException(404, f"no story holds article {story_id}")
    return story


@api_router.get("/articles/{article_id}/changes/{copy_id}", response_model=CopyChanges,
                summary="What a copy writes otherwise: names, quotes, numbers in the sentences both share",
                responses={404: {"description": "either article is not stored"}})
def copy_changes(store: StoreDep, article_id: ArticleId, copy_id: ArticleId) -> CopyChanges:
    found = store.copy_changes(article_id, copy_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id} or {copy_id}")
    return found


@page_router.get("/stories")
def stories_page(request: Request) -> Response:
    store = get_store(request)
    q = (request.query_params.get("q") or "").strip()[:300]
    outlet = (request.query_params.get("outlet") or "").strip()[:300]
    offset = _int(request.query_params.get("offset"))
    page = store.stories(text=q or None, outlet=outlet or None, offset=offset, limit=PAGE_SIZE)
    params = {"q": q, "outlet": outlet, "offset": offset}
    return _page(request, "stories.html", page=page, q=q, outlet=outlet, pg=_pager(page, params))


@page_router.get("/stories/{story_id}")
def story_page(request: Request, story_id: int) -> Response:
    story = get_store(request).story(story_id) if 0 <= story_id < 2**62 else None
    if story is None:
        raise HTTPException(404, f"no story holds article {story_id}")
    return _page(request, "story.html", story=story)


@page_router.get("/articles/{article_id}/changes/{copy_id}")
def changes_page(request: Request, article_id: int, copy_id: int) -> Response:
    store = get_store(request)
    ok = 0 <= article_id < 2**62 and 0 <= copy_id < 2**62
    found = store.copy_changes(article_id, copy_id) if ok else None
    if found is None:
        raise HTTPException(404, f"no article {article_id} or {copy_id}")
    first, copy = store.get_article(article_id), store.get_article(copy_id)
    return _page(request, "changes.html", ch=found, first=first, copy=copy)
