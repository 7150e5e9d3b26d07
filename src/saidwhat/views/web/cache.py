"""Answers to repeated reads, kept for as long as the store has not changed.

A search, an actor page or a reaction table is recomputed from the store on every request,
although the store changes only when something is ingested or analysed into it, and the same
searches come back again and again. ``ResponseCacheMiddleware`` keeps the complete answer (status,
headers, body) of successful GET requests, keyed by path and query, together with the store's
*change marker* at the time; an answer is served again only while the marker is the same, so a
write anywhere (another process's ingest included) makes every kept answer stale at once.
Correctness does not depend on any time to live.

The marker (``ChangeMarker``) costs one pragma on SQLite (``data_version``) and one indexed query
on PostgreSQL (the newest ids of the tables every write adds to, hand edits of actors included).
"""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saidwhat.store import Store
from saidwhat.store import tables as t

__all__ = ["MAX_CACHED_BYTES", "MAX_ENTRY_BYTES", "ChangeMarker", "ResponseCacheMiddleware", "change_marker"]

#: Total body bytes kept (least recently used answers go first).
MAX_CACHED_BYTES = 64 * 1024 * 1024
#: Largest single answer kept (a CSV export of a big reaction table is not worth holding).
MAX_ENTRY_BYTES = 2 * 1024 * 1024
#: Paths never cached: files have their own caching, and the analyze form takes no store reads.
_NEVER = ("/static", "/analyze", "/api/analyze")


class ChangeMarker:
    """A value that changes whenever anything is written to ``store`` (see the module doc).

    SQLite: ``PRAGMA data_version`` on a connection of our own that never writes, which changes
    whenever another connection (of this process or any other) commits; it reads the shared
    write-ahead-log index, no file metadata (two ``stat`` calls took 0.5–2 ms on a loaded
    machine, the pragma microseconds). PostgreSQL: the newest ids of the tables every write adds
    to, in one indexed query."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._sqlite: sqlite3.Connection | None = None
        read_only = getattr(store, "read_only", False)
        self._fixed: tuple[object, ...] | None = ("read-only",) if read_only else None
        database = store.engine.url.database
        if self._fixed is None and store.dialect == "sqlite" and database and database != ":memory:":
            path = database.removeprefix("file:").split("?", 1)[0]
            try:  # read-only, never in a transaction: each pragma sees the latest commit
                self._sqlite = sqlite3.connect(f"file:{quote(path)}?mode=ro", uri=True,
                                               check_same_thread=False, isolation_level=None)
            except sqlite3.Error:
                self._sqlite = None  # the query below works on SQLite too
        self._lock = threading.Lock()

    @property
    def cheap(self) -> bool:
        """True when reading the marker costs no round trip (it can run on the event loop)."""
        return self._sqlite is not None or self._fixed is not None

    def read(self) -> tuple[object, ...]:
        if self._fixed is not None:  # a store on read-only media never changes
            return self._fixed
        if self._sqlite is not None:
            with self._lock:
                return tuple(self._sqlite.execute("PRAGMA data_version").fetchone())
        tables = (t.articles, t.sightings, t.failures, t.actor_edits)  # an actor merged or split by hand too
        newest = [select(func.max(tbl.c.id)).scalar_subquery() for tbl in tables]
        with self.store.engine.connect() as conn:
            return tuple(conn.execute(select(*newest)).one())

    def close(self) -> None:
        if self._sqlite is not None:
            self._sqlite.close()


def change_marker(store: Store) -> tuple[object, ...]:
    """The store's change marker read once (see ``ChangeMarker``)."""
    marker = ChangeMarker(store)
    try:
        return marker.read()
    finally:
        marker.close()


@dataclass
class _Entry:
    marker: tuple[object, ...]
    status: int
    headers: list[tuple[bytes, bytes]]
    body: bytes


class ResponseCacheMiddleware:
    """Serve a kept answer to a GET whose path and query were answered before, while the store's
    change marker is unchanged. ``store`` gives the app's store (opened on first use)."""

    def __init__(self, app: ASGIApp, store: Callable[[], Store]) -> None:
        self.app = app
        self.store = store
        self.marker: ChangeMarker | None = None
        self.entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
        # requests being answered, by key: the same request arriving meanwhile waits for that
        # answer instead of computing it again (a burst of identical searches costs one)
        self.in_flight: dict[tuple[str, bytes], asyncio.Event] = {}
        self.size = 0
        self.hits = 0
        self.misses = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or scope["path"].startswith(_NEVER):
            await self.app(scope, receive, send)
            return
        try:
            marker = await self._marker()
        except Exception:  # the store is unusable: let the app answer (and report) that
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""))
        if await self._serve_kept(key, marker, send):
            return
        running = self.in_flight.get(key)
        if running is not None:  # the same request is being answered: wait for its answer
            await running.wait()
            if await self._serve_kept(key, marker, send):
                return
        self.misses += 1
        done = self.in_flight.setdefault(key, asyncio.Event())
        try:
            await self._answer_and_keep(scope, receive, send, key, marker)
        finally:
            if self.in_flight.get(key) is done:
                del self.in_flight[key]
            done.set()

    async def _serve_kept(self, key: tuple[str, bytes], marker: tuple[object, ...], send: Send) -> bool:
        """Send the kept answer for ``key`` when it is still current; False when there is none."""
        entry = self.entries.get(key)
        if entry is None or entry.marker != marker:
            return False
        self.entries.move_to_end(key)
        self.hits += 1
        await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
        await send({"type": "http.response.body", "body": entry.body})
        return True

    async def _marker(self) -> tuple[object, ...]:
        if self.marker is None:
            self.marker = ChangeMarker(self.store())
        if self.marker.cheap:
            return self.marker.read()
        return await run_in_threadpool(self.marker.read)

    async def _answer_and_keep(self, scope: Scope, receive: Receive, send: Send, key: tuple[str, bytes],
                               marker: tuple[object, ...]) -> None:
        start: Message | None = None
        parts: list[bytes] = []
        keep = True

        async def recording_send(message: Message) -> None:
            nonlocal start, keep
            if message["type"] == "http.response.start":
                start = message
                keep = message["status"] == 200
            elif message["type"] == "http.response.body" and keep:
                parts.append(message.get("body", b""))
                if sum(map(len, parts)) > MAX_ENTRY_BYTES:
                    keep = False
                    parts.clear()
            await send(message)

        await self.app(scope, receive, recording_send)
        if keep and start is not None:
            entry = _Entry(marker, int(start["status"]), list(start.get("headers", [])), b"".join(parts))
            self._keep(key, entry)

    def _keep(self, key: tuple[str, bytes], entry: _Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > MAX_CACHED_BYTES and self.entries:
            _, dropped = self.entries.popitem(last=False)
            self.size -= len(dropped.body)
