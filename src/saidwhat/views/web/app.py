"""The FastAPI application: JSON API under ``/api``, server-rendered pages, static files.

``create_app`` builds one app around one store. Reads are open; ``POST /api/analyze`` and the
analyze form need the token when one is configured, and are refused outright when the server
listens beyond loopback without one (see ``security.check_write_access``).
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from saidwhat import __version__
from saidwhat.errors import (
    InputError,
    SaidwhatError,
    StoreError,
)
from saidwhat.store import Store, open_store
from saidwhat.views.web.analyze import Analyzer
from saidwhat.views.web.cache import ResponseCacheMiddleware
from saidwhat.views.web.request_helpers import status_for
from saidwhat.views.web.security import (
    BodyLimitMiddleware,
    BodyTooLarge,
    SecurityHeadersMiddleware,
    WriteForbidden,
    is_loopback_host,
    loopback_host_names,
    refuse_control_characters,
)

__all__ = ["WebSettings", "app_from_env", "create_app"]

log = logging.getLogger(__name__)
HERE = Path(__file__).resolve().parent


@dataclass
class WebSettings:
    """What the app was started with; kept on ``app.state.settings``."""

    store_url: str | None
    token: str | None
    allow_private_network: bool
    host: str
    max_body_bytes: int
    analyze_timeout: float

    @property
    def loopback(self) -> bool:
        return is_loopback_host(self.host)

    @property
    def token_required(self) -> bool:
        return bool(self.token) or not self.loopback

    @property
    def writes_possible(self) -> bool:
        return bool(self.token) or self.loopback


class StoreHolder:
    """Opens the store on first use; a store that does not exist is an error (503), never made empty."""

    def __init__(self, url: str | None, store: Store | None) -> None:
        self.url = url
        self._store = store
        self._owned = store is None
        self._lock = threading.Lock()

    def get(self) -> Store:
        if self._store is None:
            with self._lock:
                if self._store is None:
                    try:
                        self._store = open_store(self.url, create=False)  # the web never creates a store
                    except SaidwhatError:
                        raise
                    except Exception as exc:
                        raise StoreError(f"cannot open the store: {exc}", input=self.url) from exc
        return self._store

    def close(self) -> None:
        if self._store is not None and self._owned:
            self._store.close()
            self._store = None





#: What a caller is told when the store fails (the details, a path or a driver message, are logged).
STORE_UNAVAILABLE = "the store is unavailable; the server's log has the details"


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def create_app(
    store_url: str | None = None,
    *,
    token: str | None = None,
    allow_private_network: bool = False,
    host: str = "127.0.0.1",
    port: int | None = None,
    store: Store | None = None,
    max_body_bytes: int = 2 * 1024 * 1024,
    analyze_timeout: float = 60.0,
    analyze_slots: int = 1,
    allowed_hosts: list[str] | None = None,
    start_analysis: bool = False,
    cache: bool = True,
) -> FastAPI:
    """Build the app. ``host``/``port`` are where it listens: they decide whether writes need a
    token, and on loopback which Host headers are accepted (anti DNS rebinding).

    Analyses run in ``analyze_slots`` worker processes (see ``views.web.analyze``), started on
    the first analysis, or when the app starts with ``start_analysis`` (and writes are possible).
    With ``cache``, answers to repeated reads are kept while the store is unchanged (``views.web.cache``)."""
    token = token if token is not None else (os.environ.get("SAIDWHAT_TOKEN") or None)
    settings = WebSettings(store_url=store_url, token=token, allow_private_network=allow_private_network,
                           host=host, max_body_bytes=max_body_bytes, analyze_timeout=analyze_timeout)
    holder = StoreHolder(store_url, store)
    analyzer = Analyzer(slots=analyze_slots, timeout=analyze_timeout,
                        allow_private_network=allow_private_network)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        if start_analysis and settings.writes_possible:
            analyzer.start()
        yield
        analyzer.close()
        holder.close()

    app = FastAPI(
        title="saidwhat",
        version=__version__,
        description="Who said what in the news, and where they stand: quotes, actors, stances and "
                    "reactions across stored articles, every quote pointing at character offsets "
                    "of the clean article text.",
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN; /openapi.json is served
        redoc_url=None,
        lifespan=lifespan,
        dependencies=[Depends(refuse_control_characters)],
    )
    app.state.settings = settings
    app.state.store_holder = holder
    app.state.analyzer = analyzer
    app.state.page_cache = {}

    from saidwhat.views.web import actor_edits, diversity, stories
    from saidwhat.views.web.api import router as api_router
    from saidwhat.views.web.pages import render_error
    from saidwhat.views.web.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(actor_edits.router)
    app.include_router(diversity.api_router)
    app.include_router(stories.api_router)
    app.include_router(pages_router)
    app.include_router(diversity.page_router)
    app.include_router(stories.page_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")

    # Outermost last: headers on every response, then Host check, then body limit, then the cache.
    if cache:
        app.add_middleware(ResponseCacheMiddleware, store=holder.get)
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    hosts = allowed_hosts
    if hosts is None and settings.loopback:
        hosts = loopback_host_names(port)
    if hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts)
    app.add_middleware(SecurityHeadersMiddleware)

    _add_error_handlers(app, render_error)
    return app


def _add_error_handlers(app: FastAPI, render_error: Callable[..., Response]) -> None:
    """Every error as JSON under /api, as a page elsewhere; store failures without their details."""

    def error_response(request: Request, status: int, payload: dict[str, Any]) -> Response:
        if _wants_json(request):
            return JSONResponse(payload, status_code=status)
        return render_error(request, status, str(payload.get("message") or ""), payload.get("code"))

    @app.exception_handler(SaidwhatError)
    async def _saidwhat_error(request: Request, exc: SaidwhatError) -> Response:
        status = status_for(exc)
        if status >= 500:
            log.warning("%s", exc)
        payload = exc.to_dict()
        if isinstance(exc, StoreError):  # the server's business: no paths or database text to callers
            payload = {**payload, "input": None, "message": STORE_UNAVAILABLE}
        return error_response(request, status, payload)

    @app.exception_handler(WriteForbidden)
    async def _forbidden(request: Request, exc: WriteForbidden) -> Response:
        resp = error_response(request, exc.status, exc.to_dict())
        if exc.status == 401:
            resp.headers["WWW-Authenticate"] = 'Bearer realm="saidwhat"'
        return resp

    @app.exception_handler(BodyTooLarge)
    async def _too_large(request: Request, exc: BodyTooLarge) -> Response:
        return error_response(request, 413, exc.error.to_dict())

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))}
                  for e in exc.errors()]
        msg = "; ".join(f"{'.'.join(e['loc'][1:]) or e['loc'][0] if e['loc'] else 'request'}: {e['msg']}"
                        for e in errors)
        payload: dict[str, Any] = {**InputError(msg or "invalid request", input="request").to_dict(),
                                   "errors": errors}
        return error_response(request, 422, payload)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        payload = {"code": f"HTTP{exc.status_code}", "input": None, "message": str(exc.detail),
                   "type": "HTTPError"}
        resp = error_response(request, exc.status_code, payload)
        for k, v in (exc.headers or {}).items():
            resp.headers[k] = v
        return resp


def app_from_env() -> FastAPI:
    """App factory for uvicorn worker processes (``serve --workers N``): options from the environment."""
    import json

    opts = json.loads(os.environ.get("SAIDWHAT_WEB_OPTIONS") or "{}")
    return create_app(opts.pop("store_url", None), **opts)
