"""Hand edits of actor identity over the API: ``GET /api/actor-edits`` lists them, ``POST
/api/actor-edits`` merges or splits canonical actors (a write: the same access rule as
``POST /api/analyze``). Every edit is kept in the store and applied again at every later write."""

from __future__ import annotations

import json
from typing import Any, Literal

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from saidwhat.errors import ConfigError, InputError
from saidwhat.store import ActorEdit
from saidwhat.views.web.api import StoreDep
from saidwhat.views.web.request_helpers import get_store
from saidwhat.views.web.security import check_write_access

__all__ = ["EditRequest", "router"]

router = APIRouter(prefix="/api", tags=["api"])


class EditRequest(BaseModel):
    """A merge (``key`` into ``into``) or a split (the actors of ``key`` named ``name`` and/or in
    stored article ``article_id`` go to a new canonical actor)."""

    action: Literal["merge", "split"]
    key: str = Field(min_length=1, max_length=300)
    into: str | None = Field(default=None, max_length=300)
    name: str | None = Field(default=None, max_length=300)
    article_id: int | None = Field(default=None, ge=0)
    note: str | None = Field(default=None, max_length=1000)


async def read_json_object(request: Request) -> dict[str, Any]:
    """The request's JSON body, which must be an object."""
    raw = await request.body()
    try:
        value = json.loads(raw or b"null")
    except ValueError:
        raise InputError("the body is not valid JSON", input="request") from None
    if not isinstance(value, dict):
        raise InputError("the body must be a JSON object", input="request")
    return value


@router.get("/actor-edits", response_model=list[ActorEdit],
            summary="Merges and splits of actors made by hand")
def list_edits(store: StoreDep) -> list[ActorEdit]:
    return store.actor_edits()


@router.post("/actor-edits", response_model=ActorEdit, status_code=201,
             summary="Merge or split canonical actors by hand (kept for every later write)",
             responses={400: {"description": "no such actor or article, or nothing to split"},
                        401: {"description": "token missing or wrong"}})
async def add_edit(request: Request) -> Response:
    settings = request.app.state.settings
    check_write_access(request, token=settings.token, loopback=settings.loopback)
    req = EditRequest.model_validate(await read_json_object(request))
    store = get_store(request)
    if req.action == "merge":
        if not req.into:
            raise ConfigError("a merge needs 'into', the actor that stays", input="request")
        into = req.into
        edit = await run_in_threadpool(lambda: store.merge_actors(req.key, into, note=req.note))
    else:
        edit = await run_in_threadpool(lambda: store.split_actor(req.key, name=req.name,
                                                                 article_id=req.article_id, note=req.note))
    return JSONResponse(edit.model_dump(mode="json"), status_code=201)
