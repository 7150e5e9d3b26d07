"""Analyse one posted page (URL, HTML or text) in a worker process, bounded in time and number.

The analysis is the CLI's chain, ``saidwhat.chain.analyze``, given the server's time limit; it
runs in a ``saidwhat.workers.KillablePool`` process, so the event loop never waits on it (a
regular expression or a parse holds the GIL of the process it runs in, not the server's), and an
analysis still running shortly after its limit has its process killed: no work outlives the 504,
and the slot is free for the next request.
"""

from __future__ import annotations

import asyncio
import functools
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, model_validator

from saidwhat.analysis.pipeline import MAX_TARGET_CHARS, MAX_TARGETS
from saidwhat.chain import analyze
from saidwhat.errors import AnalysisError, AnalysisTimeoutError, InputError, SaidwhatError
from saidwhat.page import Page, load, page_from_text
from saidwhat.schema import AnalyzedArticle
from saidwhat.workers import KillablePool

__all__ = ["AnalysisTimeout", "AnalyzeRequest", "Analyzer", "AnalyzerBusy", "analyze_request",
           "analyze_request_json"]


class AnalyzeRequest(BaseModel):
    """What ``POST /api/analyze`` accepts: exactly one of ``url``, ``html`` or ``text``."""

    url: str | None = Field(default=None, max_length=4096, description="an http(s) URL to fetch")
    html: str | None = Field(default=None, description="a whole HTML page")
    text: str | None = Field(default=None, description="plain article text, analysed as given")
    targets: list[Annotated[str, Field(max_length=MAX_TARGET_CHARS)]] = Field(
        default_factory=list, max_length=MAX_TARGETS,
        description="targets to take stances toward; default: proposed from the text")
    store: bool = Field(default=False, description="also add the result to the store")

    @model_validator(mode="after")
    def _one_input(self) -> AnalyzeRequest:
        given = [k for k in ("url", "html", "text") if (getattr(self, k) or "").strip()]
        if len(given) != 1:
            raise ValueError("give exactly one of url, html or text")
        return self

    @property
    def kind(self) -> Literal["url", "html", "text"]:
        if (self.url or "").strip():
            return "url"
        return "html" if (self.html or "").strip() else "text"


def analyze_request(req: AnalyzeRequest, *, allow_private_network: bool, fetch_timeout: float = 30.0,
                    timeout: float | None = None) -> AnalyzedArticle:
    """Run the CLI's chain on one request (blocking), within ``timeout`` seconds from the start."""
    targets: Sequence[str] | None = [t.strip() for t in req.targets if t.strip()] or None
    started = time.monotonic()
    page = _page(req, allow_private_network, fetch_timeout)
    with _ANALYSIS_LOCK:  # fetches may overlap; spaCy runs one document at a time
        left = None if timeout is None else max(0.001, timeout - (time.monotonic() - started))
        return analyze(page, targets=targets, timeout=left)


def _page(req: AnalyzeRequest, allow_private_network: bool, fetch_timeout: float) -> Page:
    if req.kind == "url":
        url = (req.url or "").strip()
        if not url.lower().startswith(("http://", "https://")):
            raise InputError("only http(s) URLs can be fetched", input=url[:200])
        return load(url, allow_private_network=allow_private_network, timeout=fetch_timeout)
    if req.kind == "html":
        return page_from_text(req.html or "", "posted-html", kind="html")
    return page_from_text(req.text or "", "posted-text", kind="text")


_ANALYSIS_LOCK = threading.Lock()


#: The server's name for the chain's timeout error (HTTP 504).
AnalysisTimeout = AnalysisTimeoutError


class AnalyzerBusy(AnalysisError):
    """All analysis slots are taken (HTTP 503)."""


#: Seconds past the time limit before a worker still analysing is killed: the chain stops by
#: itself at its next step (between windows of a long text), so this only catches a single step
#: that runs long.
KILL_GRACE = 2.0


def warm_analysis() -> None:
    """Load what an analysis needs (spaCy model, language model) in a worker before its first call."""
    from saidwhat.analysis.nlp import get_nlp
    from saidwhat.article.language import detect_language

    get_nlp()
    detect_language("The council said the plan would go ahead.")


def analyze_request_json(data: dict[str, Any], allow_private_network: bool, timeout: float) -> str:
    """``analyze_request`` for a worker process: a validated request's fields in, the result's JSON
    out (a string pickles far faster than the model)."""
    req = AnalyzeRequest.model_validate(data)
    return analyze_request(req, allow_private_network=allow_private_network, fetch_timeout=min(30.0, timeout),
                           timeout=timeout).model_dump_json()


class Analyzer:
    """At most ``slots`` analyses at once, each in a worker process given ``timeout`` seconds and
    killed ``KILL_GRACE`` seconds later if it has not returned. Workers start on first use, or
    at once with ``start()`` (``saidwhat serve`` does, so the first request finds spaCy loaded)."""

    def __init__(self, *, slots: int = 1, timeout: float = 60.0, allow_private_network: bool = False,
                 kill_grace: float = KILL_GRACE) -> None:
        self.timeout = timeout
        self.kill_after = timeout + kill_grace
        self.allow_private_network = allow_private_network
        self.pool = KillablePool(slots, warm=warm_analysis)
        self._slots = threading.BoundedSemaphore(slots)
        self._threads = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="saidwhat-analyze")

    def start(self) -> None:
        self.pool.start()

    async def run(self, req: AnalyzeRequest) -> AnalyzedArticle:
        if not self._slots.acquire(blocking=False):
            raise AnalyzerBusy("the server is busy analysing other pages; try again shortly", input="request")
        call = functools.partial(self.pool.run, analyze_request_json, req.model_dump(),
                                 self.allow_private_network, self.timeout, timeout=self.kill_after,
                                 name=_name(req))
        try:
            data = await asyncio.get_running_loop().run_in_executor(self._threads, call)
        except SaidwhatError:
            raise
        except Exception as exc:
            raise AnalysisError(f"unexpected {type(exc).__name__}: {exc}", input=_name(req)) from exc
        finally:
            self._slots.release()
        return AnalyzedArticle.model_validate_json(data)

    def close(self) -> None:
        self.pool.close()
        self._threads.shutdown(wait=False, cancel_futures=True)


def _name(req: AnalyzeRequest) -> str:
    return (req.url or "").strip()[:200] if req.kind == "url" else f"posted-{req.kind}"
