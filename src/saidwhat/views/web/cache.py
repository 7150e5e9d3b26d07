"""Answers to repeated reads, kept for as long as the store has not changed.

A search, an actor page or a reaction table is recomputed from the store on every request,
although the store changes only when something is ingested or analysed into it, and the same
searches come back again and again. ``ResponseCacheMiddleware`` keeps the complete answer (status,
headers, body) of successful GET requests, keyed by path and query, together with the store's
*change marker* at the time; an answer is served again only while the marker is the same, so a
write anywhere (another process's ingest included) makes every kept answer stale at once.
Correctness does not depend on any time to live.

The marker (``change_marker``) costs two ``stat`` calls on SQLite (the database file and its
write-ahead log change on every commit) and one indexed query on PostgreSQL (the newest ids of
the tables every write adds to, hand edits of actors included).
"""

from __future__ import annotations

import os
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from saidwhat.store import Store
from saidwhat.store import tables as t

__all__ = ["MAX_CACHED_BYTES", "MAX_ENTRY_BYTES", "ResponseCacheMiddleware", "change_marker"]

#: Total body bytes kept (least recently used answers go first).
MAX_CACHED_BYTES = 64 * 1024 * 1024
#: Largest single answer kept (a CSV export of a big reaction table is not worth holding).
MAX_ENTRY_BYTES = 2 * 1024 * 1024
#: Paths never cached: files have their own caching, and the analyze form takes no store reads.
_NEVER = ("/static", "/analyze", "/api/analyze")


def change_marker(store: Store) -> tuple[object, ...]:
    """A value that changes whenever anything is written to ``store`` (see the module doc)."""
    database = store.engine.url.database
    if store.dialect == "sqlite" and database and database != ":memory:":
        path = database.removeprefix("file:").split("?", 1)[0]
        marks: list[object] = []
        for name in (path, path + "-wal"):
            try:
                st = os.stat(name)
            except OSError:
                marks += [None, None]
            else:
                marks += [st.st_mtime_ns, st.st_size]
        return tuple(marks)
    tables = (t.articles, t.sightings, t.failures, t.actor_edits)  # an actor merged or split by hand too
    newest = [select(func.max(tbl.c.id)).scalar_subquery() for tbl in tables]
    with store.engine.connect() as conn:
        return tuple(conn.execute(select(*newest)).one())


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
        self.entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
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
        entry = self.entries.get(key)
        if entry is not None and entry.marker == marker:
            self.entries.move_to_end(key)
            self.hits += 1
            await send({"type": "http.response.start", "status": entry.status, "headers": entry.headers})
            await send({"type": "http.response.body", "body": entry.body})
            return
        self.misses += 1
        await self._answer_and_keep(scope, receive, send, key, marker)

    async def _marker(self) -> tuple[object, ...]:
        store = self.store()
        if store.dialect == "sqlite":
            return change_marker(store)
        return await run_in_threadpool(change_marker, store)

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
