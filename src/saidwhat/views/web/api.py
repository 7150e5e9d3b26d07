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
from urllib.parse import quote as url_quote

from fastapi import APIRouter, Depends, Path, Query, Request
from pydantic import AfterValidator, BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from saidwhat.dates import DATE_FILTER_FORMS, parse_date_filter
from saidwhat.errors import ConfigError
from saidwhat.sanitize import spreadsheet_cell
from saidwhat.schema import STANCE_LABELS, AnalyzedArticle, StanceLabel
from saidwhat.store import (
    ActorDetail,
    ActorSummary,
    ArticleSummary,
    QuoteHit,
    ReactionRow,
    ResultPage,
    StanceChange,
    Store,
    StoredArticle,
    Trail,
    TrailSummary,
)
from saidwhat.views.web.analyze import AnalyzeRequest
from saidwhat.views.web.request_helpers import get_store, read_analyze_body, validate_analyze
from saidwhat.views.web.security import check_write_access

__all__ = ["download_disposition", "router"]

router = APIRouter(prefix="/api", tags=["api"])
T = TypeVar("T")

def _date_filter(name: str) -> AfterValidator:
    """The strict date parser (``saidwhat.dates``) as a query validator: a bad date is a 422."""

    def check(value: str | None) -> str | None:
        if value is None:
            return None
        try:
            return parse_date_filter(value, name)
        except ConfigError as exc:
            raise ValueError(exc.message) from None

    return AfterValidator(check)


Offset = Annotated[int, Query(ge=0, le=1_000_000, description="items to skip")]
Limit = Annotated[int, Query(ge=1, le=100, description="items per page (at most 100)")]
Since = Annotated[str | None, _date_filter("since"),
                  Query(max_length=10, description=f"published on or after ({DATE_FILTER_FORMS})")]
Until = Annotated[str | None, _date_filter("until"),
                  Query(max_length=10, description=f"published on or before ({DATE_FILTER_FORMS})")]
Text = Annotated[str | None, Query(max_length=500)]
Stance = Annotated[StanceLabel | None, Query()]


StoreDep = Annotated[Store, Depends(get_store)]


@router.get("/articles", response_model=ResultPage[ArticleSummary], summary="List stored articles")
def list_articles(store: StoreDep, outlet: Text = None, since: Since = None, until: Until = None,
                  offset: Offset = 0, limit: Limit = 20) -> ResultPage[ArticleSummary]:
    return store.list_articles(outlet=outlet or None, since=since, until=until, offset=offset, limit=limit)


@router.get("/articles/{article_id}", response_model=StoredArticle,
            summary="One stored article with its analysis",
            responses={404: {"description": "no such article"}})
def get_article(store: StoreDep, article_id: Annotated[int, Path(ge=0)]) -> StoredArticle:
    found = store.get_article(article_id)
    if found is None:
        raise HTTPException(404, f"no article {article_id}")
    return found


@router.get("/quotes", response_model=ResultPage[QuoteHit], summary="Search quotes (full text and filters)")
def search_quotes(store: StoreDep, q: Text = None, actor: Text = None, outlet: Text = None,
                  since: Since = None, until: Until = None, target: Text = None, stance: Stance = None,
                  offset: Offset = 0, limit: Limit = 20) -> ResultPage[QuoteHit]:
    return store.search_quotes(q or None, actor=actor or None, outlet=outlet or None, since=since,
                               until=until, target=target or None, stance=stance, offset=offset, limit=limit)


@router.get("/facets", summary="Counts by actor, outlet, target and stance for a quote search")
def facets(store: StoreDep, q: Text = None, actor: Text = None, outlet: Text = None, since: Since = None,
           until: Until = None, target: Text = None,
           stance: Stance = None) -> dict[str, list[tuple[str, int]]]:
    return store.facets(q or None, actor=actor or None, outlet=outlet or None, since=since, until=until,
                        target=target or None, stance=stance)


@router.get("/actors", response_model=ResultPage[ActorSummary], summary="List canonical actors")
def list_actors(store: StoreDep, name: Text = None, offset: Offset = 0,
                limit: Limit = 20) -> ResultPage[ActorSummary]:
    return store.list_actors(name=name or None, offset=offset, limit=limit)


@router.get("/actors/{key:path}", response_model=ActorDetail, summary="One actor: quotes, stances, outlets",
            responses={404: {"description": "no such actor"}})
def get_actor(store: StoreDep, key: str) -> ActorDetail:
    found = store.get_actor(key) if len(key) <= 500 else None
    if found is None:
        raise HTTPException(404, "no such actor")
    return found


TargetQ = Annotated[str, Query(min_length=1, max_length=200, description="the target, by name or alias")]


Changed = Annotated[bool, Query(description="only actors whose stance turned (support ↔ oppose) at least "
                                            "once")]


@router.get("/reactions", response_model=ResultPage[ReactionRow], summary="Who reacted to a target, and how",
            description="One row per actor: counts, the stance across articles, and its timeline (one "
                        "dated point per article, the change points where support turned to oppose or back).")
def reactions(store: StoreDep, target: TargetQ, since: Since = None, until: Until = None, offset: Offset = 0,
              limit: Limit = 20, changed: Changed = False) -> ResultPage[ReactionRow]:
    rows = store.reactions(target, since=since, until=until)
    if changed:
        rows = [r for r in rows if r.changed]
    return ResultPage[ReactionRow](items=rows[offset:offset + limit], total=len(rows), offset=offset,
                                   limit=limit)


class TargetItem(BaseModel):
    """A target joined across articles: how many actors react to it in how many articles."""

    name: str
    sort: str
    actors: int
    articles: int


@router.get("/targets", response_model=list[TargetItem],
            summary="Targets across articles, most reacting actors first, then most articles")
def list_targets(store: StoreDep, limit: Limit = 50) -> list[TargetItem]:
    return [TargetItem(name=x.name, sort=x.sort, actors=x.n_actors, articles=x.n_articles)
            for x in store.targets(limit=limit)]


EXPORT_FIELDS = ("actor", "actor_key", "affiliation", "kind", "stance", *STANCE_LABELS, "first_seen",
                 "n_articles", "outlets", "evidence_quote", "evidence_speaker", "evidence_article_id",
                 "evidence_url", "latest", "changed", "changes")


def _cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (article text is hostile)."""
    return str(spreadsheet_cell("" if value is None else str(value)))


def _change_text(c: StanceChange) -> str:
    """A change point in one cell: "2026-06-18 Harbor Radio: oppose (2026-03-12 The Courier) → support"."""
    return (f"{c.date} {c.outlet or '?'}: {c.previous} ({c.previous_date} {c.previous_outlet or '?'}) "
            f"→ {c.label}")


def reaction_records(rows: list[ReactionRow]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for r in rows:
        ev = r.evidence
        counts: dict[str, Any] = {label: getattr(r, label) for label in STANCE_LABELS}
        out.append({"actor": r.actor, "actor_key": r.actor_key, "affiliation": r.affiliation, "kind": r.kind,
                    "stance": r.stance, **counts,
                    "first_seen": r.first_seen, "n_articles": r.n_articles, "outlets": "; ".join(r.outlets),
                    "evidence_quote": ev.text if ev else None, "evidence_speaker": ev.speaker if ev else None,
                    "evidence_article_id": ev.article_id if ev else None,
                    "evidence_url": ev.url if ev else None, "latest": r.latest, "changed": r.changed,
                    "changes": "; ".join(_change_text(c) for c in r.changes)})
    return out


def download_disposition(target: str, ext: str) -> str:
    """The Content-Disposition of a download named after its target.

    HTTP headers are Latin-1, so the plain ``filename`` keeps ASCII letters and digits only; the
    target's own letters ("Ā", "新疆") go in ``filename*`` (RFC 6266 / 5987, UTF-8 percent-encoded),
    which browsers prefer. A target made only of other letters is named "target" in the plain form."""
    words = "".join(c if c.isalnum() else "-" for c in target.lower())
    ascii_slug = "".join(c if c.isascii() else "-" for c in words)
    plain = "-".join(p for p in ascii_slug.split("-") if p)[:60] or "target"
    slug = "-".join(p for p in words.split("-") if p)[:60] or "target"
    return (f'attachment; filename="reactions-{plain}.{ext}"; '
            f"filename*=UTF-8''{url_quote(f'reactions-{slug}.{ext}', safe='')}")


@router.get("/reactions/export", summary="The whole reaction table as a CSV or JSON download",
            response_class=Response,
            responses={200: {"content": {"text/csv": {}, "application/json": {}}}})
def export_reactions(store: StoreDep, target: TargetQ, format: Literal["csv", "json"] = "csv",
                     since: Since = None, until: Until = None) -> Response:
    found = store.reactions(target, since=since, until=until)
    rows = reaction_records(found)
    disposition = download_disposition(target, format)
    if format == "json":  # the JSON rows carry the timeline and the change points whole
        rows = [{**rec, "changes": [c.model_dump(mode="json") for c in r.changes],
                 "timeline": [p.model_dump(mode="json") for p in r.timeline]}
                for rec, r in zip(rows, found, strict=True)]
        body = json.dumps({"target": target, "rows": rows}, ensure_ascii=False, indent=1)
        return Response(body, media_type="application/json", headers={"Content-Disposition": disposition})
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(EXPORT_FIELDS)
    for rec in rows:
        writer.writerow([_cell(rec[f]) for f in EXPORT_FIELDS])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": disposition})


@router.get("/trails", response_model=ResultPage[TrailSummary],
            summary="Quote trails: one utterance carried by several articles, the widest first")
def list_trails(store: StoreDep, q: Text = None,
                min_articles: Annotated[int, Query(ge=1, le=100_000, description="carried by at least")] = 2,
                offset: Offset = 0, limit: Limit = 20) -> ResultPage[TrailSummary]:
    return store.list_trails(min_articles=min_articles, text=q or None, offset=offset, limit=limit)


@router.get("/trails/{trail_id}", response_model=Trail,
            summary="One quote trail: first sighting, every sighting, how each differs (word-level diff)",
            responses={404: {"description": "no such trail"}})
def get_trail(store: StoreDep, trail_id: Annotated[int, Path(ge=0, le=2**62)]) -> Trail:
    found = store.trail(trail_id)
    if found is None:
        raise HTTPException(404, f"no trail {trail_id}")
    return found


@router.get("/stats", summary="Counts of stored articles, quotes, actors, failures")
def stats(store: StoreDep) -> dict[str, int]:
    return store.stats()


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
