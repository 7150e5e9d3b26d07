"""The web app's defences: response headers, request-size limit, write-access checks.

Article text is hostile input, and the server may be reachable by browsers that also visit
hostile sites, so every response carries a strict CSP, bodies are bounded while they stream,
and anything that writes or fetches needs a token unless the server only listens on loopback.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import secrets
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saidwhat.errors import InputError, InputTooLargeError
from saidwhat.sanitize import CONTROL_CHARS

__all__ = [
    "CSP",
    "SECURITY_HEADERS",
    "BodyLimitMiddleware",
    "BodyTooLarge",
    "SecurityHeadersMiddleware",
    "WriteForbidden",
    "check_write_access",
    "is_loopback_host",
    "loopback_host_names",
    "refuse_control_characters",
]

log = logging.getLogger(__name__)

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
)

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
)


class SecurityHeadersMiddleware:
    """Add the security headers to every HTTP response, including error responses."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + list(SECURITY_HEADERS)}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("unhandled error on %s", scope.get("path"))
            if started:
                raise
            body = json.dumps({"code": "HTTP500", "message": "internal server error",
                               "type": "InternalError", "input": None}).encode()
            await send_with_headers({"type": "http.response.start", "status": 500,
                                     "headers": [(b"content-type", b"application/json"),
                                                 (b"content-length", str(len(body)).encode())]})
            await send_with_headers({"type": "http.response.body", "body": body})


class BodyTooLarge(HTTPException):
    """Raised while a request body streams in past the limit (FastAPI re-raises HTTPExceptions)."""

    def __init__(self, limit: int) -> None:
        self.error = InputTooLargeError(f"the request body is over the {limit} byte limit", input="request")
        super().__init__(status_code=413, detail=self.error.message)


class BodyLimitMiddleware:
    """Refuse bodies over ``max_bytes``: early by Content-Length, and by counting streamed chunks
    (a client can lie about, or omit, Content-Length)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = Headers(scope=scope).get("content-length")
        if length is not None:
            try:
                too_big = int(length) > self.max_bytes
            except ValueError:
                too_big = True
            if too_big:
                await _send_json(send, 413, BodyTooLarge(self.max_bytes).error.to_dict())
                return
        seen = 0
        started = False

        async def limited_receive() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise BodyTooLarge(self.max_bytes)
            return message

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except BodyTooLarge as exc:
            if started:
                raise
            await _send_json(send, 413, exc.error.to_dict())


async def _send_json(send: Send, status: int, payload: dict[str, str | None]) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def is_loopback_host(host: str) -> bool:
    """True when binding ``host`` only exposes the server to this machine."""
    name = host.strip().strip("[]").lower()
    if name in {"localhost", "localhost.localdomain"}:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def loopback_host_names(port: int | None = None) -> list[str]:
    """Host header values accepted by a loopback server (refusing others defeats DNS rebinding)."""
    names = ["127.0.0.1", "localhost", "[::1]", "::1"]
    return names + ([f"{n}:{port}" for n in names] if port else [])


class WriteForbidden(Exception):
    """A write or fetch request without the right token or from another site (401/403)."""

    def __init__(self, message: str, *, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.status = status

    def to_dict(self) -> dict[str, str | None]:
        return {"code": f"HTTP{self.status}", "input": None, "message": self.message,
                "type": "WriteForbidden"}


def _bearer(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    scheme, _, value = auth.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def check_write_access(request: Request, *, token: str | None, loopback: bool,
                       form_token: str | None = None) -> None:
    """Allow a write/fetch request or raise ``WriteForbidden``.

    With a token configured it must match (constant-time), as a Bearer header or a form field.
    Without one, writes are allowed only when the server listens on loopback, and then only from
    same-origin pages (a hostile site open in the same browser cannot post cross-site).
    """
    _check_same_origin(request)
    if token:
        given = _bearer(request) or form_token or ""
        if not secrets.compare_digest(given.encode(), token.encode()):
            raise WriteForbidden("a valid token is required (Authorization: Bearer … or the token field)",
                                 status=401)
        return
    if not loopback:
        raise WriteForbidden(
            "this server listens beyond loopback and has no token: restart it with --token or SAIDWHAT_TOKEN",
            status=403)


def _check_same_origin(request: Request) -> None:
    """Refuse cross-site browser posts (CSRF), judged by Sec-Fetch-Site and Origin."""
    site = request.headers.get("sec-fetch-site")
    if site is not None and site not in {"same-origin", "none"}:
        raise WriteForbidden("cross-site requests may not write", status=403)
    origin = request.headers.get("origin")
    if origin and origin != "null":
        host = request.headers.get("host", "")
        if urlsplit(origin).netloc.lower() != host.lower():
            raise WriteForbidden("cross-origin requests may not write", status=403)
    elif origin == "null":
        raise WriteForbidden("requests from opaque origins may not write", status=403)



def refuse_control_characters(request: Request) -> None:
    """Refuse (422) a path or query parameter holding NUL or another control character: no name,
    query or date has one, PostgreSQL cannot even compare with one, and both stores must answer
    alike. Runs before every route (an app-wide dependency)."""
    if CONTROL_CHARS.search(request.url.path):
        raise InputError("the path contains a control character", input="request")
    for name, value in request.query_params.multi_items():
        if CONTROL_CHARS.search(name) or CONTROL_CHARS.search(value):
            raise InputError(f"the parameter {name[:40]!r} contains a control character", input="request")
