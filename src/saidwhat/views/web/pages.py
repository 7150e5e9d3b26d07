"""The server-rendered pages: search, article, actor, reactions, analyze.

Everything shown comes from the store or the analysis and is treated as hostile: templates are
autoescaped (no ``|safe`` on data), links to outside URLs are kept only for http(s), and data for
the page's script travels in escaped ``data-`` attributes.
"""

from __future__ import annotations

import calendar
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar, cast
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, Request
from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import RedirectResponse, Response
from starlette.templating import Jinja2Templates

from saidwhat.dates import parse_date_filter
from saidwhat.errors import ConfigError, SaidwhatError
from saidwhat.sanitize import mixed_scripts
from saidwhat.schema import STANCE_LABELS, UNCERTAIN_BELOW, AnalyzedArticle, is_uncertain
from saidwhat.store import QuoteHit, ReactionRow, ResultPage, StoredArticle, Story, TrailSummary
from saidwhat.views.render import ROLES_SHOWN, UNCERTAIN, quote_uncertain, unquoted
from saidwhat.views.web import charts
from saidwhat.views.web.highlight import build_view
from saidwhat.views.web.request_helpers import get_store, read_analyze_body, status_for, validate_analyze
from saidwhat.views.web.security import WriteForbidden, check_write_access

__all__ = ["render_error", "router", "templates"]

HERE = Path(__file__).resolve().parent
T = TypeVar("T")
PAGE_SIZE = 20
DATE_SAMPLE = 200  # the month facet counts the best this-many hits (the store has no date facet)
FILTERS = ("q", "actor", "outlet", "target", "stance", "since", "until")


def safe_url(url: str | None) -> str | None:
    """The URL if it is plain http(s) (no ``javascript:``/``data:`` links from article metadata)."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc \
            and not any(c in url for c in "\x00\r\n\t "):
        return url
    return None


def actor_href(key: str | None) -> str | None:
    return f"/actors/{quote(key, safe='')}" if key else None


def script_flag(name: object) -> Markup:
    """A visible warning after a name that mixes look-alike scripts ("Јоhn Ѕmith" with Cyrillic
    letters), which would otherwise pass for another actor's name; empty for ordinary names."""
    scripts = mixed_scripts(str(name or ""))
    if not scripts:
        return Markup("")
    what = escape(" and ".join(s.title() for s in scripts))
    return Markup(f' <span class="badge warn" title="this name mixes {what} letters: it may imitate another '
                  f'name">mixed scripts ({what})</span>')


def _env() -> Environment:
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["safe_url"] = safe_url
    env.filters["actor_href"] = actor_href
    env.filters["is_uncertain"] = is_uncertain
    env.globals["uncertain_below"] = UNCERTAIN_BELOW
    env.filters["quote_uncertain"] = quote_uncertain
    env.globals["quote_uncertain_below"] = UNCERTAIN
    env.globals["roles_shown"] = ROLES_SHOWN
    env.filters["unquoted"] = unquoted
    env.filters["urlq"] = lambda v: quote(str(v), safe="")
    env.filters["script_flag"] = script_flag
    env.globals["stance_labels"] = STANCE_LABELS
    return env


templates = Jinja2Templates(env=_env())
router = APIRouter(include_in_schema=False)


def _qs(params: dict[str, Any], **changes: Any) -> str:
    merged = {**params, **changes}
    clean = {k: v for k, v in merged.items() if v not in (None, "", 0)}
    return "?" + urlencode(clean) if clean else "?"


def _page(request: Request, name: str, status: int = 200, **ctx: Any) -> Response:
    settings = request.app.state.settings
    base = {"settings": settings, "path": request.url.path, "nav": name.split(".")[0]}
    return templates.TemplateResponse(request, name, {**base, **ctx}, status_code=status)


def render_error(request: Request, status: int, message: str, code: Any = None) -> Response:
    return _page(request, "error.html", status=status, status_code=status, message=message, code=code)


def _pager(page: ResultPage[Any], params: dict[str, Any]) -> dict[str, Any]:
    prev_off = max(page.offset - page.limit, 0)
    nxt = page.offset + page.limit
    return {
        "first": page.offset + 1 if page.total else 0,
        "last": min(page.offset + len(page.items), page.total),
        "total": page.total,
        "prev": _qs(params, offset=prev_off) if page.offset > 0 else None,
        "next": _qs(params, offset=nxt) if nxt < page.total else None,
    }


def _int(value: str | None, default: int = 0, hi: int = 1_000_000) -> int:
    try:
        return min(max(int(value or default), 0), hi)
    except ValueError:
        return default


def _valid_date(value: str, name: str) -> bool:
    """Pages drop a filter that is not a date (a hand-edited link) rather than fail."""
    try:
        parse_date_filter(value, name)
    except ConfigError:
        return False
    return True


def _filters(request: Request) -> dict[str, str]:
    out = {}
    for k in FILTERS:
        v = (request.query_params.get(k) or "").strip()[:300]
        if v:
            out[k] = v
    if out.get("stance") not in (None, *STANCE_LABELS):
        out.pop("stance")
    for k in ("since", "until"):
        if k in out and not _valid_date(out[k], k):
            out.pop(k)
    return out


@router.get("/")
@router.get("/search")
def search_page(request: Request) -> Response:
    store = get_store(request)
    f = _filters(request)
    offset = _int(request.query_params.get("offset"))
    args: dict[str, Any] = {k: v for k, v in f.items() if k != "q"}
    if offset == 0:  # one query serves the first page and the date facet's sample
        sample = store.search_quotes(f.get("q"), offset=0, limit=DATE_SAMPLE, **args)
        hits = ResultPage[QuoteHit](items=sample.items[:PAGE_SIZE], total=sample.total, offset=0,
                                    limit=PAGE_SIZE)
    else:
        hits = store.search_quotes(f.get("q"), offset=offset, limit=PAGE_SIZE, **args)
        sample = store.search_quotes(f.get("q"), offset=0, limit=DATE_SAMPLE, **args) if hits.total else hits
    facets = store.facets(f.get("q"), **args)
    facet_links: dict[str, list[dict[str, Any]]] = {}
    for name, values in facets.items():
        if name not in FILTERS:
            continue
        links = []
        for value, count in values[:12]:
            active = f.get(name) == value
            links.append({"value": value, "count": count, "active": active,
                          "href": _qs(f, **{name: None if active else value})})
        facet_links[name] = links
    facet_links["date"] = _date_facet(sample.items, f)
    date_sample = DATE_SAMPLE if hits.total > DATE_SAMPLE else None
    return _page(request, "search.html", f=f, hits=hits, facets=facet_links, date_sample=date_sample,
                 pg=_pager(hits, {**f, "offset": offset}), stats=store.stats(),
                 clear={k: _qs(f, **{k: None}) for k in f})


def _date_facet(sample: list[QuoteHit], f: dict[str, str]) -> list[dict[str, Any]]:
    """Month links (since/until ranges) counted over the matching quotes, or over the best
    ``DATE_SAMPLE`` of them when there are more (the store's facets have no date counts)."""
    months: dict[str, int] = defaultdict(int)
    for h in sample:
        if h.published and len(h.published) >= 7:
            months[h.published[:7]] += 1
    links = []
    for month, count in sorted(months.items(), reverse=True)[:12]:
        year, mon = int(month[:4]), int(month[5:7])
        if not 1 <= mon <= 12:
            continue
        since, until = f"{month}-01", f"{month}-{calendar.monthrange(year, mon)[1]:02d}"
        active = f.get("since") == since and f.get("until") == until
        links.append({"value": month, "count": count, "active": active,
                      "href": _qs(f, since=None if active else since, until=None if active else until)})
    return links


@router.get("/favicon.ico")
def favicon() -> Response:
    """No icon: an empty answer instead of a 404 in every browser console."""
    return Response(status_code=204, headers={"Cache-Control": "max-age=86400"})


@router.get("/articles")
def articles_page(request: Request) -> Response:
    store = get_store(request)
    f = {k: v for k, v in _filters(request).items() if k in ("outlet", "since", "until")}
    offset = _int(request.query_params.get("offset"))
    page = store.list_articles(offset=offset, limit=PAGE_SIZE, **f)
    return _page(request, "articles.html", page=page, f=f, pg=_pager(page, {**f, "offset": offset}))


def _actor_keys(stored: StoredArticle) -> dict[str, str]:
    """Map a stored article's actor ids to the store's canonical actor keys (for actor links)."""
    return dict(stored.actor_keys)


def _article_page(request: Request, article: AnalyzedArticle, *, stored: StoredArticle | None = None,
                  keys: dict[str, str] | None = None, status: int = 200,
                  trails: dict[str, TrailSummary] | None = None, story: Story | None = None) -> Response:
    view = build_view(article, keys)
    return _page(request, "article.html", status=status, a=article, view=view, stored=stored,
                 original=safe_url(article.url), trails=trails or {}, story=story)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: int) -> Response:
    store = get_store(request)
    stored = store.get_article(article_id)
    if stored is None:
        raise HTTPException(404, f"no article {article_id}")
    return _article_page(request, stored.article, stored=stored, keys=_actor_keys(stored),
                         trails=store.article_trails(article_id), story=store.story(article_id))


@router.get("/trails")
def trails_page(request: Request) -> Response:
    store = get_store(request)
    q = (request.query_params.get("q") or "").strip()[:300]
    offset = _int(request.query_params.get("offset"))
    min_articles = max(_int(request.query_params.get("min_articles"), 2, 100_000), 1)
    page = store.list_trails(min_articles=min_articles, text=q or None, offset=offset, limit=PAGE_SIZE)
    params = {"q": q, "min_articles": min_articles if min_articles != 2 else None, "offset": offset}
    return _page(request, "trails.html", page=page, q=q, min_articles=min_articles, pg=_pager(page, params))


@router.get("/trails/{trail_id}")
def trail_page(request: Request, trail_id: int) -> Response:
    trail = get_store(request).trail(trail_id) if 0 <= trail_id < 2**62 else None
    if trail is None:
        raise HTTPException(404, f"no trail {trail_id}")
    return _page(request, "trail.html", trail=trail)


@router.get("/actors")
def actors_page(request: Request) -> Response:
    store = get_store(request)
    name = (request.query_params.get("name") or "").strip()[:200]
    offset = _int(request.query_params.get("offset"))
    page = store.list_actors(name=name or None, offset=offset, limit=PAGE_SIZE)
    return _page(request, "actors.html", page=page, q_name=name,
                 pg=_pager(page, {"name": name, "offset": offset}))


ACTOR_TIMELINES = 6  # targets whose stance over time the actor page lists (the most articles first)
TIMELINE_ROWS = 40  # articles listed per target there (the JSON has them all)


@router.get("/actors/{key:path}")
def actor_page(request: Request, key: str) -> Response:
    store = get_store(request)
    actor = store.get_actor(key) if len(key) <= 500 else None
    if actor is None:
        raise HTTPException(404, "no such actor")
    by_target: dict[str, list[tuple[str, str, int]]] = defaultdict(list)
    for p in actor.stance_over_time:
        by_target[p.target].append((p.date, p.label, p.count))
    over_time = [charts.columns_over_time(pts, title=f"Stance toward {t} over time")
                 for t, pts in sorted(by_target.items(), key=lambda kv: -sum(c for _, _, c in kv[1]))[:4]]
    stance_chart = charts.bar_chart(
        [(t, c.model_dump(), f"/reactions?target={quote(t, safe='')}") for t, c in
         sorted(actor.stance.items(), key=lambda kv: -sum(kv[1].model_dump().values()))],
        title=f"Stance of {actor.name} per target")
    return _page(request, "actor.html", actor=actor, over_time=over_time, stance_chart=stance_chart,
                 timelines=actor.timelines[:ACTOR_TIMELINES], timeline_rows=TIMELINE_ROWS,
                 timelines_hidden=max(0, len(actor.timelines) - ACTOR_TIMELINES))


def _by_affiliation(rows: list[ReactionRow]) -> list[tuple[str, dict[str, int], str | None]]:
    agg: dict[str, dict[str, int]] = defaultdict(lambda: dict.fromkeys(STANCE_LABELS, 0))
    for r in rows:
        name = r.affiliation or "(no affiliation)"
        agg[name]["support"] += r.support
        agg[name]["oppose"] += r.oppose
        agg[name]["neutral"] += r.neutral
    return [(k, v, None) for k, v in sorted(agg.items(), key=lambda kv: (-sum(kv[1].values()), kv[0]))]


REACTION_ROWS = 50
CHANGE_ROWS = 100  # the most stance changes listed under the reactions table (the latest first)
CHART_ROWS = 30
CACHE_SECONDS = 30.0


def _cached(request: Request, key: str, fn: Callable[[], T]) -> T:
    """Memoise an expensive, slowly changing store answer (the target list) for a few seconds."""
    cache: dict[str, tuple[float, Any]] = request.app.state.page_cache
    hit = cache.get(key)
    now = time.monotonic()
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return cast(T, hit[1])
    value = fn()
    cache[key] = (now, value)
    return value


@router.get("/reactions")
def reactions_page(request: Request) -> Response:
    store = get_store(request)
    target = (request.query_params.get("target") or "").strip()[:200]
    f = {k: v for k, v in _filters(request).items() if k in ("since", "until", "stance")}
    if request.query_params.get("changed") in ("1", "true", "on"):
        f["changed"] = "1"
    offset = _int(request.query_params.get("offset"))
    # targets joined across articles, most reacting actors first: (name, "N actors in M articles")
    targets = _cached(request, "targets", lambda: [
        (x.name, f"{x.n_actors} actors · {x.n_articles} articles") for x in store.targets(limit=30)])
    ctx: dict[str, Any] = {"rows": [], "n_rows": 0}
    if target:
        rows = store.reactions(target, since=f.get("since"), until=f.get("until"))
        ctx["n_rows"] = len(rows)
        shown = [r for r in rows if (not f.get("stance") or r.stance == f["stance"])
                 and (not f.get("changed") or r.changed)]
        # every turn of the shown actors, the latest first
        ctx["changes"] = sorted(((r, c) for r in shown for c in r.changes), key=lambda rc: rc[1].date,
                                reverse=True)[:CHANGE_ROWS]
        page = ResultPage[ReactionRow](items=shown[offset:offset + REACTION_ROWS], total=len(shown),
                                       offset=offset, limit=REACTION_ROWS)
        ctx["rows"] = page.items
        ctx["pg"] = _pager(page, {"target": target, **f, "offset": offset})
        # charts: the actors taking a stance most often first, then the most quoted
        top = sorted(shown, key=lambda r: (-(r.support + r.oppose), -(r.support + r.oppose + r.neutral)))
        ctx["by_actor"] = charts.bar_chart(
            [(r.actor, {"support": r.support, "oppose": r.oppose, "neutral": r.neutral},
              actor_href(r.actor_key))
             for r in top], title=f"Stance toward {target} by actor"
            + (f" (top {CHART_ROWS} of {len(top)})" if len(top) > CHART_ROWS else ""), max_rows=CHART_ROWS)
        by_aff = _by_affiliation(shown)
        ctx["by_affiliation"] = charts.bar_chart(
            by_aff, title=f"Stance toward {target} by affiliation"
            + (f" (top {CHART_ROWS} of {len(by_aff)})" if len(by_aff) > CHART_ROWS else ""),
            max_rows=CHART_ROWS)
        dated = [r for r in shown if r.first_seen]
        ctx["timeline"] = charts.timeline(
            [(r.actor, r.first_seen, r.stance, actor_href(r.actor_key)) for r in dated], max_rows=CHART_ROWS,
            title=f"First reactions to {target}"
            + (f" (earliest {CHART_ROWS} of {len(dated)})" if len(dated) > CHART_ROWS else ""))
        ctx["export"] = {fmt: "/api/reactions/export" + _qs({"target": target, "since": f.get("since"),
                                                             "until": f.get("until"), "format": fmt})
                         for fmt in ("csv", "json")}
    return _page(request, "reactions.html", target=target, targets=targets, f=f, **ctx)


@router.get("/analyze")
def analyze_form(request: Request) -> Response:
    return _page(request, "analyze.html", form={}, error=None)


@router.post("/analyze")
async def analyze_submit(request: Request) -> Response:
    settings = request.app.state.settings
    form_values: dict[str, str] = {}
    try:
        data, form_token = await read_analyze_body(request)
        form_values = {"url": str(data.get("url") or ""),
                       "content": str(data.get("html") or data.get("text") or ""),
                       "kind": "html" if data.get("html") else "text",
                       "targets": ", ".join(str(t) for t in data.get("targets") or [])}
        check_write_access(request, token=settings.token, loopback=settings.loopback, form_token=form_token)
        req = validate_analyze(data)
        result = await request.app.state.analyzer.run(req)
    except WriteForbidden as exc:
        return _page(request, "analyze.html", status=exc.status, form=form_values, error=exc.to_dict())
    except SaidwhatError as exc:

        return _page(request, "analyze.html", status=status_for(exc), form=form_values, error=exc.to_dict())
    if req.store:
        store = get_store(request)
        added = await run_in_threadpool(store.add_article, result)
        return RedirectResponse(f"/articles/{added.article_id}", status_code=303)
    return _article_page(request, result)

