"""The one runner: a function over many inputs, in this process, local worker processes or Dask.

Every input yields one ``Result``: its value, or the ``SaidwhatError`` it failed with (errors
pickle, so they cross process and Dask boundaries as they are). One bad input never sinks the
batch. The driver (the CLI, an evaluation, the ingest process) consumes results *in input order*
with a bounded number of tasks in flight, so memory stays flat on any corpus size, ``--limit``
picks the same inputs however many workers there are, and a caller can write each result (a
JSONL line, a store row) as soon as it and those before it are done. ``saidwhat analyze
--workers N``, ``saidwhat evaluate`` and ``saidwhat ingest --workers N|--dask ADDR`` all run here.

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
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from saidwhat.errors import AnalysisError, ConfigError, SaidwhatError, require_extra

__all__ = ["Call", "DaskRunner", "InlineRunner", "PoolRunner", "Ready", "Result", "Runner", "make_runner",
           "run_batch", "run_jobs"]

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class Result(Generic[T]):
    """One input's result: ``value`` when it succeeded, else ``error``."""

    input: Any
    value: T | None = None
    error: SaidwhatError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def guarded(name: str, fn: Callable[..., T], *args: Any) -> tuple[T | None, SaidwhatError | None]:
    """``fn(*args)`` as (value, error), never raising (runs in workers; ``name`` names the input)."""
    try:
        return fn(*args), None
    except SaidwhatError as exc:
        if exc.input is None:
            exc.input = name
        return None, exc
    except Exception as exc:
        log.exception("unexpected failure on %s", name)
        return None, AnalysisError(f"unexpected {type(exc).__name__}: {exc}", input=name)


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
        require_extra("distributed", "dask", "--dask")
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
    """An input whose result is already known (no task needed)."""

    result: Result[Any]


@dataclass(frozen=True)
class Call:
    """An input to compute as ``fn(*args)`` on the runner; ``name`` names it in errors."""

    item: Any
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    name: str | None = None


def run_jobs(runner: Runner, jobs: Iterable[Ready | Call], *, keep_going: bool = True
             ) -> Generator[Result[Any], None, None]:
    """Yield one ``Result`` per job in job order, keeping at most ``runner.slots`` calls in flight.

    Without ``keep_going`` the first failure is the last result. Stop consuming (close the
    generator) to stop submitting; calls in flight are abandoned.
    """
    queue: deque[Result[Any] | tuple[Any, Any]] = deque()
    in_flight = 0
    it = iter(jobs)
    exhausted = False
    while True:
        while not exhausted and in_flight < runner.slots and len(queue) < 4 * runner.slots + 16:
            job = next(it, None)
            if job is None:
                exhausted = True
            elif isinstance(job, Ready):
                queue.append(job.result)
            else:
                name = job.name if job.name is not None else str(job.item)
                queue.append((job.item, runner.submit(guarded, name, job.fn, *job.args)))
                in_flight += 1
        if not queue:
            return
        head = queue.popleft()
        if isinstance(head, Result):
            result = head
        else:
            in_flight -= 1
            value, error = runner.result(head[1])
            result = Result(head[0], value=value, error=error)
        yield result
        if not result.ok and not keep_going:
            return


def run_batch(fn: Callable[[Any], T], inputs: Iterable[Any], *, workers: int = 1, dask: str | None = None,
              keep_going: bool = True) -> Iterator[Result[T]]:
    """``fn(input)`` for each input on a runner made for the call (see ``make_runner``), in order.

    ``fn`` must pickle (a module-level function or a ``functools.partial`` of one) when
    ``workers > 1`` or ``dask`` is given.
    """
    items = list(inputs)
    runner = make_runner(workers if len(items) > 1 else 1, dask)
    try:
        yield from run_jobs(runner, (Call(item, fn, (item,)) for item in items), keep_going=keep_going)
    finally:
        runner.close()
