"""A time limit for one document's work, checked between the steps of the chain.

``saidwhat.analyze(..., timeout=T)`` makes one ``Deadline``; the page stage gets the time left
as its fetch timeout, and the chain and the analysis stage call ``check`` between their steps
(load, extract, parse, attributions, actors, stance). A step is never interrupted, so a run can
overrun the limit by at most its longest single step (the parse of a document within the
analysis stage's size limit); a caller that must stop at once runs the chain in a process it can
kill (the function is module-level and its arguments pickle).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from saidwhat.errors import AnalysisTimeoutError

__all__ = ["Deadline"]


@dataclass(frozen=True)
class Deadline:
    """``at`` is a ``time.monotonic()`` value; ``limit`` the seconds given, for messages."""

    at: float
    limit: float

    @classmethod
    def after(cls, seconds: float) -> Deadline:
        if seconds <= 0:
            raise ValueError(f"a timeout must be positive, got {seconds!r}")
        return cls(at=time.monotonic() + seconds, limit=seconds)

    def left(self) -> float:
        """Seconds left (0 when past)."""
        return max(0.0, self.at - time.monotonic())

    def check(self, step: str, source: str | None) -> None:
        """Raise ``AnalysisTimeoutError`` when the time is up, naming the step it stopped before."""
        if time.monotonic() >= self.at:
            raise AnalysisTimeoutError(f"not done within {self.limit:g} s (stopped before {step})",
                                       input=source)
