"""What the JSON API and the pages share about a request: the store, the analyze body, and the
HTTP status of an error. Its own module, so that no two web modules import each other."""

from __future__ import annotations

import json
from typing import Any

from pydantic import ValidationError
from starlette.requests import Request

from saidwhat.errors import (
    AnalysisError,
    BlockedAddressError,
    FetchError,
    InputError,
    InputTooLargeError,
    InvalidURLError,
    SaidwhatError,
    StoreError,
)
from saidwhat.store import Store
from saidwhat.views.web.analyze import AnalysisTimeout, AnalyzerBusy, AnalyzeRequest

__all__ = ["get_store", "read_analyze_body", "status_for", "validate_analyze"]


def get_store(request: Request) -> Store:
    """The app's store (opened on first use)."""
    store: Store = request.app.state.store_holder.get()
    return store


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
        except RecursionError:
            raise InputError("the body is JSON nested too deeply", input="request") from None
        if not isinstance(value, dict):
            raise InputError("the body must be a JSON object", input="request")
        return value, None
    raise InputError(f"unsupported content type {ctype[:80]!r}: send JSON or a form", input="request")


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


def status_for(exc: SaidwhatError) -> int:
    """The HTTP status of a saidwhat error: 4xx for the caller's input, 5xx for the server."""
    if isinstance(exc, InputTooLargeError):
        return 413
    if isinstance(exc, BlockedAddressError | InvalidURLError):
        return 400
    if isinstance(exc, InputError):
        return 422
    if isinstance(exc, FetchError):
        return 502
    if isinstance(exc, AnalysisTimeout):
        return 504
    if isinstance(exc, AnalyzerBusy):
        return 503
    if isinstance(exc, AnalysisError):
        return 500
    if isinstance(exc, StoreError):
        return 503
    return 400  # ConfigError and the rest: in a request, a bad option is the caller's
