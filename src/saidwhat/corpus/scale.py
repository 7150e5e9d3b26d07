"""Where per-document work runs: in this process, in local worker processes, or on Dask.

The driver (the ingest process) reads sources, submits one task per document, and consumes the
results *in input order* with a bounded number of tasks in flight, so memory stays flat on any
corpus size and ``--limit`` picks the same documents however many workers there are. The
driver alone writes to the store.

``--dask ADDR`` connects to a running scheduler (``tcp://host:8786``); ``--dask local:N`` starts a
``distributed.LocalCluster`` of N worker processes with one thread each (spaCy is not made for
threads) for the duration of the run. Workers need saidwhat installed (same version).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
import time
from collections import deque
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol

from saidwhat.errors import ConfigError

__all__ = ["Call", "DaskRunner", "InlineRunner", "PoolRunner", "Ready", "Runner", "make_runner", "ordered"]

log = logging.getLogger(__name__)


class Runner(Protocol):
    """Runs calls somewhere; ``slots`` is how many may be in flight at once."""

    slots: int
    description: str

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any: ...

    def result(self, handle: Any) -> Any: ...

    def close(self) -> None: ...


class InlineRunner:
    """In this process (the default, and what ``--workers 1`` means)."""

    slots = 1
    description = "1 process"

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return fn(*args)

    def result(self, handle: Any) -> Any:
        return handle

    def close(self) -> None:
        pass


def _exit_with_parent(parent: int) -> None:
    """In a pool worker: exit when the driver is gone (a SIGKILLed driver cannot stop its pool,
    and the workers' task queue never reports the end, since each worker holds its writing end)."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="saidwhat-parent-watch", daemon=True).start()


class PoolRunner:
    """N local worker processes (spawned, so they share nothing with the driver's database)."""

    def __init__(self, workers: int) -> None:
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"),
                                        initializer=_exit_with_parent, initargs=(os.getpid(),))
        self.slots = workers * 3
        self.description = f"{workers} worker processes"

    def submit(self, fn: Callable[..., Any], *args: Any) -> Future[Any]:
        return self.pool.submit(fn, *args)

    def result(self, handle: Future[Any]) -> Any:
        return handle.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)


def _follow_our_log_level() -> None:
    """Dask's own configuration sets its loggers to INFO when imported; make them say only what the
    root logger lets through (WARNING unless ``saidwhat -v``)."""
    level = logging.getLogger().getEffectiveLevel()
    for name in ("distributed", "dask"):
        logging.getLogger(name).setLevel(level)


class DaskRunner:
    """Tasks on a Dask cluster: an existing scheduler, or ``local:N`` for a LocalCluster."""

    def __init__(self, address: str) -> None:
        from distributed import Client, LocalCluster

        _follow_our_log_level()
        self.cluster: Any = None
        if address.startswith("local"):
            _, _, n = address.partition(":")
            try:
                n_workers = int(n or "2")
            except ValueError as exc:
                raise ConfigError(f"--dask local:N needs a number of workers, got {address!r}") from exc
            if n_workers < 1:
                raise ConfigError("--dask local:N needs N >= 1")
            self.cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True,
                                        dashboard_address=None, silence_logs=logging.WARNING)
            self.client = Client(self.cluster)
            self.description = f"Dask LocalCluster, {n_workers} workers"
        else:
            try:
                self.client = Client(address, timeout=30)
            except OSError as exc:
                raise ConfigError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
            self.description = f"Dask scheduler {address}"
        threads = sum(self.client.nthreads().values()) or 1
        self.slots = max(2, threads * 3)

    def submit(self, fn: Callable[..., Any], *args: Any) -> Any:
        return self.client.submit(fn, *args, pure=False)

    def result(self, handle: Any) -> Any:
        return handle.result()

    def close(self) -> None:
        self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def make_runner(workers: int = 1, dask: str | None = None) -> Runner:
    if dask:
        return DaskRunner(dask)
    if workers > 1:
        return PoolRunner(workers)
    return InlineRunner()


@dataclass(frozen=True)
class Ready:
    """An item whose outcome is already known (no task needed)."""

    item: Any
    value: Any


@dataclass(frozen=True)
class Call:
    """An item to compute as ``fn(*args)`` on the runner."""

    item: Any
    fn: Callable[..., Any]
    args: tuple[Any, ...]


def ordered(runner: Runner, jobs: Iterable[Ready | Call]) -> Generator[tuple[Any, Any], None, None]:
    """Yield ``(item, value)`` in job order, keeping at most ``runner.slots`` calls in flight.

    Stop consuming (close the generator) to stop submitting; calls in flight are abandoned.
    """
    queue: deque[tuple[Any, bool, Any]] = deque()
    in_flight = 0
    it = iter(jobs)
    exhausted = False
    while True:
        while not exhausted and in_flight < runner.slots and len(queue) < 4 * runner.slots + 16:
            try:
                job = next(it)
            except StopIteration:
                exhausted = True
                break
            if isinstance(job, Ready):
                queue.append((job.item, False, job.value))
            else:
                queue.append((job.item, True, runner.submit(job.fn, *job.args)))
                in_flight += 1
        if not queue:
            return
        item, pending, handle = queue.popleft()
        if pending:
            in_flight -= 1
            yield item, runner.result(handle)
        else:
            yield item, handle
