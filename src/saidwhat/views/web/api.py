"""The JSON API: paginated reads of the store and ``POST /api/analyze``.

Every list answers ``{items, total, offset, limit}``; every error answers
``{code, message, type, input}`` (``SaidwhatError.to_dict()``) with a 4xx status for bad input.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from typing import Annotated, Any, Literal, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from saidwhat.errors import InputError
from saidwhat.schema import AnalyzedArticle
from saidwhat.store import (
    ActorDetail,
    ActorSummary,
    ArticleSummary,
    Page,
    QuoteHit,
    ReactionRow,
    Store,
    StoredArticle,
)
from saidwhat.views.web.analyze import AnalyzeRequest
from saidwhat.views.web.security import check_write_access

__all__ = ["get_store", "read_analyze_body", "read_json_object", "router", "validate_analyze"]

router = APIRouter(prefix="/api", tags=["api"])
T = TypeVar("T")

DATE = r"^\d{4}-\d{2}-\d{2}$"
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=100, description="items per page (at most 100)")]
Since = Annotated[str | None, Query(pattern=DATE, description="published on or after (YYYY-MM-DD)")]
Until = Annotated[str | None, Query(pattern=DATE, description="published on or before (YYYY-MM-DD)")]
Text = Annotated[str | None, Query(max_length=500)]
Stance = Annotated[Literal["support", "oppose", "neutral"] | None, Query()]


def get_store(request: Request) -> Store:
    """The app's store (opened on first use)."""
    store: Store = request.app.state.store_holder.get()
    return store


StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/articles", response_model=Page[ArticleSummary], summary="List stored articles")
def list_articles(store: StoreDep, outlet: Text = None, since: Since = None, until: Until = None,
                  offset: Offset = 0, limit: Limit = 20) -> Page[ArticleSummary]:
    return store.list_articles(outlet=outlet or None, since=since, until=until, offset=offset, limit=limit)


@router.get("/articles/{article_id}", response_model=StoredArticle, summary="One stored article with its analysis",
            responses={404: {"description": "no such article"}})
def get_article(store: StoreDep, article_id: Annotated[int, Path(ge=0)]) -> StoredArticle:
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get("/quotes", response_model=Page[QuoteHit], summary="Search quotes (full text and filters)")
def search_quotes(store: StoreDep, q: Text = None, actor: Text = None, outlet: Text = None, since: Since = None,
                  until: Until = None, target: Text = None, stance: Stance = None, offset: Offset = 0,
                  limit: Limit = 20) -> Page[QuoteHit]:
    return store.search_quotes(q or None, actor=actor or None, outlet=outlet or None, since=since, until=until,
                               target=target or None, stance=stance, offset=offset, limit=limit)


@router.get("/facets", summary="Counts by actor, outlet, target and stance for a quote search")
def facets(store: StoreDep, q: Text = None, actor: Text = None, outlet: Text = None, since: Since = None,
           until: Until = None, target: Text = None, stance: Stance = None) -> dict[str, list[tuple[str, int]]]:
    return store.facets(q or None, actor=actor or None, outlet=outlet or None, since=since, until=until,
                        target=target or None, stance=stance)


@router.get("/actors", response_model=Page[ActorSummary], summary="List canonical actors")
def list_actors(store: StoreDep, name: Text = None, offset: Offset = 0, limit: Limit = 20) -> Page[ActorSummary]:
    return store.list_actors(name=name or None, offset=offset, limit=limit)


@router.get("/actors/{key:path}", response_model=ActorDetail, summary="One actor: quotes, stances, outlets",
            responses={404: {"description": "no such actor"}})
def get_actor(store: StoreDep, key: str) -> ActorDetail:
    found = store.get_actor(key) if len(key) <= 500 else None
    if found is None:
        raise HTTPException(404, "no such actor")
    return found


TargetQ = Annotated[str, Query(min_length=1, max_length=200, description="the target, by name or alias")]


@router.get("/reactions", response_model=Page[ReactionRow], summary="Who reacted to a target, and how")
def reactions(store: StoreDep, target: TargetQ, since: Since = None, until: Until = None, offset: Offset = 0,
              limit: Limit = 20) -> Page[ReactionRow]:
    rows = store.reactions(target, since=since, until=until)
    return Page[ReactionRow](items=rows[offset:offset + limit], total=len(rows), offset=offset, limit=limit)


EXPORT_FIELDS = ("actor", "actor_key", "affiliation", "kind", "stance", "support", "oppose", "neutral",
                 "first_seen", "n_articles", "outlets", "evidence_quote", "evidence_speaker",
                 "evidence_article_id", "evidence_url")


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (article text is hostile)."""
    text = "" if value is None else str(value)
    if text[:1] in ("=", "+", "-", "@", "\t", "\r"):
        text = "'" + text
    return text


def reaction_records(rows: list[ReactionRow]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        ev = r.evidence
        out.append({"actor": r.actor, "actor_key": r.actor_key, "affiliation": r.affiliation, "kind": r.kind,
                    "stance": r.stance, "support": r.support, "oppose": r.oppose, "neutral": r.neutral,
                    "first_seen": r.first_seen, "n_articles": r.n_articles, "outlets": "; ".join(r.outlets),
                    "evidence_quote": ev.text if ev else None, "evidence_speaker": ev.speaker if ev else None,
                    "evidence_article_id": ev.article_id if ev else None, "evidence_url": ev.url if ev else None})
    return out


@router.get("/reactions/export", summary="The whole reaction table as a CSV or JSON download",
            response_class=Response,
            responses={200: {"content": {"text/csv": {}, "application/json": {}}}})
def export_reactions(store: StoreDep, target: TargetQ, format: Literal["csv", "json"] = "csv",
                     since: Since = None, until: Until = None) -> Response:
    rows = reaction_records(store.reactions(target, since=since, until=until))
    slug = "".join(c if c.isalnum() else "-" for c in target.lower()).strip("-")[:60] or "target"
    disposition = f'attachment; filename="reactions-{slug}.{format}"'
    if format == "json":
        body = json.dumps({"target": target, "rows": rows}, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json", headers={"Content-Disposition": disposition})
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_FIELDS)
    for rec in rows:
        writer.writerow([_cell(rec[f]) for f in EXPORT_FIELDS])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": disposition})


@router.get("/stats", summary="Counts of stored articles, quotes, actors, failures")
def stats(store: StoreDep) -> dict[str, int]:
    return store.stats()


async def read_analyze_body(request: Request) -> tuple[dict[str, Any], str | None]:
    """Read (not yet validate) an analyze request from a JSON body or a form, and the form's token
    field; validation comes after the access check, so strangers learn nothing from it."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype in ("application/x-www-form-urlencoded", "multipart/form-data"):
        form = await request.form(max_files=0, max_fields=50)
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        targets: list[str] = []
        for t in form.getlist("targets") + form.getlist("target"):
            if isinstance(t, str):
                targets += [x.strip() for x in t.split(",") if x.strip()]
        kind = fields.get("kind", "")
        content = fields.get("content", "")
        data: dict[str, Any] = {k: fields.get(k) or None for k in ("url", "html", "text")}
        if content.strip() and kind in ("html", "text"):
            data[kind] = content
        data["targets"] = targets
        data["store"] = fields.get("store", "").lower() in ("1", "true", "on", "yes")
        return data, fields.get("token") or None
    if ctype in ("application/json", ""):
        raw = await request.body()
        try:
            value = json.loads(raw or b"null")
        except ValueError:
            raise InputError("the body is not valid JSON", input="request") from None
        if not isinstance(value, dict):
            raise InputError("the body must be a JSON object", input="request")
        return value, None
    raise InputError(f"unsupported content type {ctype[:80]!r}: send JSON or a form", input="request")


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


def validate_analyze(data: dict[str, Any]) -> AnalyzeRequest:
    try:
        return AnalyzeRequest.model_validate(data)
    except ValidationError as exc:
        raise InputError(_validation_message(exc), input="request") from None


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for e in exc.errors():
        loc = ".".join(str(x) for x in e.get("loc", ()))
        parts.append(f"{loc}: {e.get('msg')}" if loc else str(e.get("msg")))
    return "; ".join(parts)[:500] or "invalid request"


ANALYZE_BODY = {
    "required": True,
    "content": {
        "application/json": {"schema": AnalyzeRequest.model_json_schema()},
        "application/x-www-form-urlencoded": {"schema": AnalyzeRequest.model_json_schema()},
    },
}


@router.post(
    "/analyze",
    response_model=AnalyzedArticle,
    summary="Analyse a page (url, html or text): the same chain and schema as `saidwhat analyze`",
    openapi_extra={"requestBody": ANALYZE_BODY},
    responses={
        201: {"description": "analysed and stored; Location names the stored article"},
        400: {"description": "refused URL (SW202, private/loopback address)"},
        401: {"description": "token missing or wrong"},
        413: {"description": "request body over the size limit (SW106)"},
        422: {"description": "unusable input (SW1xx)"},
        502: {"description": "the URL could not be fetched (SW201)"},
        504: {"description": "the analysis took longer than the time limit"},
    },
)
async def analyze(request: Request) -> Response:
    settings = request.app.state.settings
    if request.headers.get("authorization") or not settings.token:
        # a header token (or none needed): check before reading the body at all
        check_write_access(request, token=settings.token, loopback=settings.loopback)
        data, _ = await read_analyze_body(request)
    else:
        data, form_token = await read_analyze_body(request)
        check_write_access(request, token=settings.token, loopback=settings.loopback, form_token=form_token)
    req = validate_analyze(data)
    result = await request.app.state.analyzer.run(req)
    body = result.model_dump(mode="json")
    if req.store:
        store = get_store(request)
        added = await _run_sync(lambda: store.add_article(result))
        return JSONResponse(body, status_code=201,
                            headers={"Location": f"/api/articles/{added.article_id}",
                                     "X-Saidwhat-Article-Id": str(added.article_id),
                                     "X-Saidwhat-Store-Status": added.status})
    return JSONResponse(body)


async def _run_sync(fn: Callable[[], T]) -> T:
    return await run_in_threadpool(fn)
