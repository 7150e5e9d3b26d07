"""Calls run in child processes that can be killed: a time limit that holds for any input.

A thread cannot be stopped, and a regular expression or a parse holds the GIL, so a server that
analyses in threads can neither answer other requests nor give up on a runaway document (issue
13: a timed-out analysis kept 195 CPU-seconds and 1 GB). ``KillablePool`` keeps up to ``size``
worker processes, each running one call at a time. A call that outlives its timeout has its
process killed (SIGKILL: the memory is the kernel's to free at once) and a fresh one started
for the next call; a process that dies (killed by the kernel, out of memory) fails its call with
a clear error instead of hanging it. Each worker caps its own data segment at
``MAX_WORKER_MEMORY``, so a document that gets past every other limit fails with MemoryError
instead of exhausting the machine.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
import queue
import resource
import signal
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any

from saidwhat import errors
from saidwhat.errors import AnalysisError, AnalysisTimeoutError, SaidwhatError

__all__ = ["MAX_WORKER_MEMORY", "KillablePool", "WorkerBusy"]

log = logging.getLogger(__name__)

#: Data segment (heap and anonymous mappings) one worker may hold. A worker with the spaCy
#: model loaded uses about 0.4 GB and the analysis of one window at most 0.5 GB more
#: (docs/hardening.md); past this a document fails with MemoryError.
MAX_WORKER_MEMORY = 1536 * 1024 * 1024
#: Seconds a new worker may take to start and load what ``warm`` loads.
START_TIMEOUT = 120.0


class WorkerBusy(AnalysisError):
    """Every worker is busy (the caller may answer 503)."""


@dataclass(eq=False)  # identity: each worker is itself (kept in a set)
class _Worker:
    process: BaseProcess
    conn: Connection

    def kill(self) -> None:
        if self.process.is_alive() and self.process.pid is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.process.pid, signal.SIGKILL)
        self.process.join(5)
        with contextlib.suppress(OSError):  # closed already by a close() racing a start (EBADF)
            self.conn.close()


def _limit_memory(limit: int | None) -> None:
    if limit:
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))


def _watch_parent(parent: int) -> None:
    """Exit when the process that started this worker is gone (it cannot clean up after SIGKILL)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="saidwhat-parent-watch", daemon=True).start()


def _error_payload(exc: BaseException) -> tuple[str, str, str | None]:
    if isinstance(exc, SaidwhatError):
        return type(exc).__name__, exc.message, exc.input
    if isinstance(exc, MemoryError):
        return "AnalysisError", f"out of memory (the worker's limit is {MAX_WORKER_MEMORY >> 20} MB)", None
    return "AnalysisError", f"unexpected {type(exc).__name__}: {exc}", None


def _rebuild(payload: tuple[str, str, str | None]) -> SaidwhatError:
    name, message, where = payload
    klass = getattr(errors, name, None)
    if not (isinstance(klass, type) and issubclass(klass, SaidwhatError)):
        klass = AnalysisError
    return klass(message, input=where)


def _serve(conn: Connection, parent: int, memory: int | None, warm: Callable[[], None] | None) -> None:
    """A worker's life: answer ("ok", value) or ("error", payload) to each (fn, args) received."""
    _watch_parent(parent)
    _limit_memory(memory)
    if warm is not None:
        warm()
    conn.send(("ready", None))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        fn, args = message
        try:
            reply: tuple[str, Any] = ("ok", fn(*args))
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the caller
            reply = ("error", _error_payload(exc))
        try:
            conn.send(reply)
        except (OSError, ValueError) as exc:  # an unpicklable value: report it instead
            conn.send(("error", _error_payload(exc)))


class KillablePool:
    """Up to ``size`` worker processes; ``run`` blocks its calling thread (not the GIL) until the
    call returns, fails, or its timeout kills the worker."""

    def __init__(self, size: int, *, warm: Callable[[], None] | None = None,
                 memory: int | None = MAX_WORKER_MEMORY) -> None:
        if size < 1:
            raise ValueError("a pool needs at least one worker")
        self.size = size
        self._warm = warm
        self._memory = memory
        self._ctx = multiprocessing.get_context("spawn")
        self._idle: queue.SimpleQueue[_Worker] = queue.SimpleQueue()
        self._slots = threading.BoundedSemaphore(size)
        self._lock = threading.Lock()
        self._workers: set[_Worker] = set()
        self._count = 0  # workers alive or starting: never more than ``size``
        self._closed = False

    # -- workers ------------------------------------------------------------------------------

    def _reserve(self) -> bool:
        """Count one more worker if there is room for it."""
        with self._lock:
            if self._count >= self.size:
                return False
            self._count += 1
            return True

    def _spawn(self) -> _Worker:
        """Start a worker already counted by ``_reserve``; uncount it if it does not start."""
        ours, theirs = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(target=_serve, args=(theirs, os.getpid(), self._memory, self._warm),
                                    name="saidwhat-worker", daemon=True)
        try:
            process.start()
        except OSError as exc:  # no process could be made (limits): give the place back
            with self._lock:
                self._count -= 1
            raise AnalysisError(f"cannot start a worker process: {exc}") from exc
        finally:
            theirs.close()
        worker = _Worker(process, ours)
        with self._lock:
            self._workers.add(worker)
        try:
            if not ours.poll(START_TIMEOUT):
                raise AnalysisError(f"a worker process did not start within {START_TIMEOUT:g} s")
            ours.recv()
        except (EOFError, OSError) as exc:
            self._drop(worker)
            raise AnalysisError("a worker process exited while starting") from exc
        except AnalysisError:
            self._drop(worker)
            raise
        return worker

    def _drop(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            if worker in self._workers:
                self._workers.discard(worker)
                self._count -= 1

    def _take(self) -> _Worker:
        """An idle worker; a new one when there is room; else the next to become idle (one being
        started, or one finishing: the caller holds a slot, so one will)."""
        while True:
            try:
                worker = self._idle.get_nowait()
            except queue.Empty:
                if self._reserve():
                    return self._spawn()
                try:
                    worker = self._idle.get(timeout=START_TIMEOUT)
                except queue.Empty:
                    raise AnalysisError("no worker became free", input=None) from None
            if worker.process.is_alive():
                return worker
            self._drop(worker)

    def start(self) -> None:
        """Start and warm every worker now (in the background), instead of on first use."""

        def fill() -> None:
            while self._reserve():
                try:
                    self._idle.put(self._spawn())
                except SaidwhatError as exc:
                    log.warning("could not start a worker: %s", exc)
                    return

        threading.Thread(target=fill, name="saidwhat-pool-start", daemon=True).start()

    def pids(self) -> list[int]:
        with self._lock:
            return [w.process.pid for w in self._workers if w.process.pid is not None]

    # -- calls --------------------------------------------------------------------------------

    def run(self, fn: Callable[..., Any], *args: Any, timeout: float, name: str | None = None,
            wait: bool = True) -> Any:
        """``fn(*args)`` in a worker; its value, or its error re-raised here. Past ``timeout``
        seconds the worker is killed and ``AnalysisTimeoutError`` raised. Without ``wait``,
        ``WorkerBusy`` is raised at once when every worker is busy."""
        if self._closed:
            raise AnalysisError("the worker pool is closed", input=name)
        if not self._slots.acquire(blocking=wait):
            raise WorkerBusy("every worker is busy; try again shortly", input=name)
        try:
            return self._call(fn, args, timeout, name)
        finally:
            self._slots.release()

    def _call(self, fn: Callable[..., Any], args: tuple[Any, ...], timeout: float, name: str | None) -> Any:
        worker = self._take()
        try:
            worker.conn.send((fn, args))
            ready = worker.conn.poll(timeout)
        except (OSError, ValueError) as exc:
            self._drop(worker)
            raise AnalysisError(f"could not hand the work to a worker: {exc}", input=name) from exc
        if not ready:
            self._drop(worker)
            raise AnalysisTimeoutError(f"not done within {timeout:g} s (the worker was stopped)", input=name)
        try:
            status, payload = worker.conn.recv()
        except (EOFError, OSError) as exc:
            code = worker.process.exitcode
            self._drop(worker)
            raise AnalysisError(f"the worker process died (exit code {code}); the document may need more "
                                "memory than a worker may use", input=name) from exc
        self._idle.put(worker)
        if status == "ok":
            return payload
        error = _rebuild(payload)
        if error.input is None:
            error.input = name
        raise error

    def close(self) -> None:
        """Stop every worker (calls in flight fail)."""
        self._closed = True
        with self._lock:
            workers = list(self._workers)
        for worker in workers:
            with contextlib.suppress(OSError, ValueError):
                worker.conn.send(None)
        for worker in workers:
            worker.process.join(2)
            self._drop(worker)
