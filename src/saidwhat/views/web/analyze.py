"""Analyse one posted page (URL, HTML or text) in a worker thread, bounded in time and number.

The analysis is the CLI's chain, ``saidwhat.chain.analyze``, given the server's time limit, so a
timed-out analysis stops at the chain's next step (see ``saidwhat.deadline``). A thread cannot be
killed, so until then it keeps its slot; the slots bound how many can pile up.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Literal

from pydantic import BaseModel, Field, model_validator

from saidwhat.chain import analyze
from saidwhat.errors import AnalysisError, AnalysisTimeoutError, InputError, SaidwhatError
from saidwhat.page import Page, load, page_from_text
from saidwhat.schema import AnalyzedArticle

__all__ = ["AnalysisTimeout", "AnalyzeRequest", "Analyzer", "AnalyzerBusy", "analyze_request"]


class AnalyzeRequest(BaseModel):
    """What ``POST /api/analyze`` accepts: exactly one of ``url``, ``html`` or ``text``."""

    url: str | None = Field(default=None, max_length=4096, description="an http(s) URL to fetch")
    html: str | None = Field(default=None, description="a whole HTML page")
    text: str | None = Field(default=None, description="plain article text, analysed as given")
    targets: list[str] = Field(default_factory=list, max_length=20,
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


class Analyzer:
    """At most ``slots`` analyses at once, each awaited for at most ``timeout`` seconds."""

    def __init__(self, *, slots: int = 2, timeout: float = 60.0, allow_private_network: bool = False) -> None:
        self.timeout = timeout
        self.allow_private_network = allow_private_network
        self._slots = threading.BoundedSemaphore(slots)
        self._pool = ThreadPoolExecutor(max_workers=slots, thread_name_prefix="saidwhat-analyze")

    async def run(self, req: AnalyzeRequest) -> AnalyzedArticle:
        if not self._slots.acquire(blocking=False):
            raise AnalyzerBusy("the server is busy analysing other pages; try again shortly", input="request")
        try:
            future = self._pool.submit(analyze_request, req, allow_private_network=self.allow_private_network,
                                       fetch_timeout=min(30.0, self.timeout), timeout=self.timeout)
        except BaseException:
            self._slots.release()
            raise
        future.add_done_callback(lambda _f: self._slots.release())
        try:
            return await asyncio.wait_for(asyncio.wrap_future(future), timeout=self.timeout)
        except TimeoutError:
            raise AnalysisTimeout(f"the analysis took longer than {self.timeout:g} s",
                                  input=_name(req)) from None
        except SaidwhatError:
            raise
        except Exception as exc:
            raise AnalysisError(f"unexpected {type(exc).__name__}: {exc}", input=_name(req)) from exc

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)


def _name(req: AnalyzeRequest) -> str:
    return (req.url or "").strip()[:200] if req.kind == "url" else f"posted-{req.kind}"
