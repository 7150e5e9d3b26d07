"""Who gets quoted: ``GET /api/diversity`` and the ``/diversity`` page with its share charts."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from starlette.responses import Response

from saidwhat.store import DiversityTable
from saidwhat.views.web import charts
from saidwhat.views.web.api import Since, StoreDep, Until
from saidwhat.views.web.pages import _page
from saidwhat.views.web.request_helpers import get_store

__all__ = ["api_router", "page_router"]

api_router = APIRouter(prefix="/api", tags=["api"])
page_router = APIRouter(include_in_schema=False)

Dimension = Literal["gender", "kind", "affiliation"]
By = Literal["outlet", "year", "month", "day", "all"]
Count = Literal["quotes", "speakers"]
DIMENSIONS: tuple[Dimension, ...] = ("gender", "kind", "affiliation")
CHART_ROWS = 30


@api_router.get("/diversity", response_model=DiversityTable,
                summary="Who gets quoted: shares by gender, kind or affiliation, per outlet or period")
def diversity(store: StoreDep, dimension: Dimension = "gender", by: By = "outlet", count: Count = "quotes",
              since: Since = None, until: Until = None,
              outlet: Annotated[str | None, Query(max_length=300)] = None,
              top: Annotated[int, Query(ge=1, le=30)] = 8) -> DiversityTable:
    return store.diversity(dimension=dimension, by=by, count=count, since=since, until=until,
                           outlet=outlet or None, top=top)


def _choice(request: Request, name: str, allowed: tuple[str, ...], default: str) -> str:
    value = request.query_params.get(name) or default
    return value if value in allowed else default


def _date(request: Request, name: str) -> str | None:
    value = (request.query_params.get(name) or "").strip()
    return value if len(value) == 10 and value[4] == "-" and value[7] == "-" else None


@page_router.get("/diversity")
def diversity_page(request: Request) -> Response:
    store = get_store(request)
    by = _choice(request, "by", ("outlet", "year", "month", "day", "all"), "outlet")
    count = _choice(request, "count", ("quotes", "speakers"), "quotes")
    since, until = _date(request, "since"), _date(request, "until")
    outlet = (request.query_params.get("outlet") or "").strip()[:300] or None
    tables = [store.diversity(dimension=d, by=by, count=count, since=since, until=until, outlet=outlet)
              for d in DIMENSIONS]
    f = {"since": since or "", "until": until or "", "outlet": outlet or ""}
    figures = []
    for table in tables:
        rows = [(r.group, r.counts) for r in table.rows]
        if len(table.rows) > 1:
            rows.append(("all", table.overall.counts))
        title = f"Share of {count} by {table.dimension}, per {by}" + (
            f" (first {CHART_ROWS} of {len(table.rows)})" if len(table.rows) > CHART_ROWS else "")
        figures.append((table, charts.share_chart(rows, table.categories, title=title,
                                                  max_rows=CHART_ROWS + 1)))
    return _page(request, "diversity.html", figures=figures, by=by, count=count, f=f)
