"""Run one function over many inputs, in this process or a pool, without letting one bad input
sink the batch: each input yields an ``Outcome`` holding its result or its ``SaidwhatError``."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from saidwhat.errors import AnalysisError, SaidwhatError

__all__ = ["Outcome", "run_batch"]

T = TypeVar("T")
U = TypeVar("U")
log = logging.getLogger(__name__)


@dataclass
class Outcome(Generic[T]):
    input: Any
    result: T | None = None
    error: SaidwhatError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def _call(fn: Callable[[U], T], item: U) -> Outcome[T]:
    try:
        return Outcome(item, result=fn(item))
    except SaidwhatError as exc:
        return Outcome(item, error=exc)
    except Exception as exc:
        log.exception("unexpected failure on %s", item)
        return Outcome(item, error=AnalysisError(f"unexpected {type(exc).__name__}: {exc}", input=str(item)))


def run_batch(
    fn: Callable[[U], T], inputs: Iterable[U], *, workers: int = 1, keep_going: bool = True
) -> Iterator[Outcome[T]]:
    """Yield outcomes in input order. Without ``keep_going`` the first failure is the last outcome.

    ``fn`` must be a module-level function when ``workers > 1`` (it is sent to worker processes).
    """
    items = list(inputs)
    if workers <= 1 or len(items) <= 1:
        for item in items:
            out = _call(fn, item)
            yield out
            if not out.ok and not keep_going:
                return
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_call, fn, item) for item in items]
        for fut in futures:
            out = fut.result()
            yield out
            if not out.ok and not keep_going:
                for f in futures:
                    f.cancel()
                return
