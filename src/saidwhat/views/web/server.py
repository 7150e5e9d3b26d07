"""The HTTP server side of ``saidwhat serve``: uvicorn with a time limit on reading each request.

uvicorn closes an idle keep-alive connection after a few seconds, but it waits forever for a new
connection's first bytes, for the rest of a request's headers and for its body: a client that
sends a byte a minute holds a connection (and, for a body, a request handler) as long as it
likes. ``ReadTimeoutH11Protocol`` gives every request ``READ_TIMEOUT`` seconds from its first
byte (or from the connection's opening) until it is completely received; past that, a request
still in its headers gets ``408 Request Timeout`` and the connection is closed, and one in its
body has its connection closed (the handler sees a disconnect). Time to *answer* is not limited
here: analyses have their own limit (``views.web.analyze``).
"""

from __future__ import annotations

import asyncio
import os
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

__all__ = ["PROTOCOL", "READ_TIMEOUT", "ReadTimeoutH11Protocol", "read_timeout"]

#: Seconds to receive one request, headers and body (``--read-timeout``; the environment
#: variable carries it to uvicorn's worker processes). A 2 MB body on a slow 1 Mbit/s link
#: takes 16 s; requests to this server are small, and most are a single packet.
READ_TIMEOUT = 20.0
READ_TIMEOUT_ENV = "SAIDWHAT_READ_TIMEOUT"
#: uvicorn's ``http`` setting naming the protocol class (a string pickles into worker processes).
PROTOCOL = "saidwhat.views.web.server:ReadTimeoutH11Protocol"
_TIMEOUT_RESPONSE = (b"HTTP/1.1 408 Request Timeout\r\ncontent-type: text/plain; charset=utf-8\r\n"
                     b"content-length: 24\r\nconnection: close\r\n\r\nrequest read timed out.\n")
_READING = (h11.IDLE, h11.SEND_BODY)


def read_timeout() -> float:
    """The configured limit: ``SAIDWHAT_READ_TIMEOUT`` if set (and positive), else ``READ_TIMEOUT``."""
    try:
        value = float(os.environ.get(READ_TIMEOUT_ENV) or READ_TIMEOUT)
    except ValueError:
        return READ_TIMEOUT
    return value if value > 0 else READ_TIMEOUT


class ReadTimeoutH11Protocol(H11Protocol):
    """uvicorn's h11 protocol with a deadline for receiving each request (see the module doc)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.read_timeout = read_timeout()
        self._read_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self.conn.their_state in _READING:
            self._arm()  # a request has begun (or goes on): its clock runs from its first byte
        super().data_received(data)
        if self.conn.their_state not in _READING:
            self._disarm()  # received whole: the rest is the answer's time

    def _arm(self) -> None:
        if self._read_timer is None:
            self._read_timer = self.loop.call_later(self.read_timeout, self._timed_out)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _timed_out(self) -> None:
        self._read_timer = None
        if self.transport.is_closing() or self.conn.their_state not in _READING:
            return
        if self.conn.their_state is h11.IDLE and self.conn.our_state is h11.IDLE:
            self.transport.write(_TIMEOUT_RESPONSE)  # still in the headers: say why
        self.transport.close()
