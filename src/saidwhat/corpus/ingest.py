"""Ingest: sources → documents → (parallel) analysis → the store, idempotent and crash-safe.

The driver reads documents lazily and skips those already stored (same source name or canonical
URL) without analysing them again; the rest are analysed where the runner says (this process,
worker processes, Dask) and come back in input order. Only the driver writes, one transaction per
article (``Store.add_article``), so a run killed at any moment leaves whole articles only, and
the next run stores the rest: anything already stored is counted as a duplicate.

Metadata: what an HTML page states itself wins; the source's metadata (a feed entry, a JSON
Lines record, a ``--metadata`` file: ``saidwhat.corpus.metadata``) fills what it lacks.

Date windows (``since``/``until``, inclusive) apply to an article's published date (the page's,
with the source's metadata and the WARC date as fallbacks); an article without any date passes
them. ``limit`` takes the first N documents in source order that pass the window
(stored, duplicate or failed), so a resumed run with the same options covers the same documents.
"""

from __future__ import annotations

import logging
import re
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from saidwhat.chain import analyze, extract
from saidwhat.corpus.metadata import MetadataTable
from saidwhat.corpus.sources import Document, iter_documents
from saidwhat.dates import iso_date, parse_date_filter
from saidwhat.errors import AnalysisError, ConfigError, SaidwhatError
from saidwhat.runner import Call, Ready, Result, Runner, make_runner, run_jobs
from saidwhat.sanitize import scrub
from saidwhat.schema import AnalyzedArticle, Article
from saidwhat.store import Store

__all__ = [
    "IngestOptions",
    "IngestSummary",
    "LogReporter",
    "Processed",
    "Reporter",
    "RichReporter",
    "ingest",
    "make_reporter",
    "process_document",
]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class IngestOptions:
    since: str | None = None
    until: str | None = None
    limit: int | None = None
    targets: tuple[str, ...] = ()
    allow_private_network: bool = False


@dataclass(frozen=True)
class Processed:
    """What became of one document that did not fail (the ``Result.value``; small and picklable):
    analysed (``analysis`` is its JSON), filtered out by the date window, or already stored."""

    status: Literal["analyzed", "filtered", "known"]
    analysis: str | None = None
    published: str | None = None


@dataclass
class IngestSummary:
    seen: int = 0
    stored: int = 0
    duplicate: int = 0
    failed: int = 0
    filtered: int = 0
    copies_linked: int = 0
    elapsed: float = 0.0
    runner: str = ""
    failures: list[str] = field(default_factory=list)
    metadata_file: str | None = None
    #: files without a row in the metadata file
    no_metadata: list[str] = field(default_factory=list)
    #: already stored articles whose missing metadata the metadata file filled in
    metadata_filled: int = 0

    @property
    def rate(self) -> float:
        """Documents handled per second."""
        return self.seen / self.elapsed if self.elapsed > 0 else 0.0

    def line(self) -> str:
        metadata = ""
        if self.metadata_file is not None:
            metadata = (f", without a metadata row {len(self.no_metadata)}, metadata filled in on stored "
                        f"{self.metadata_filled}")
        return (f"seen {self.seen}, stored {self.stored}, duplicate {self.duplicate}, failed {self.failed}, "
                f"filtered by date {self.filtered}, copies linked {self.copies_linked}{metadata} "
                f"in {self.elapsed:.1f} s ({self.rate:.2f} docs/s, {self.runner})")

    def as_dict(self) -> dict[str, Any]:
        return {"seen": self.seen, "stored": self.stored, "duplicate": self.duplicate, "failed": self.failed,
                "filtered": self.filtered, "copies_linked": self.copies_linked,
                "elapsed_s": round(self.elapsed, 3), "docs_per_s": round(self.rate, 3), "runner": self.runner,
                "metadata_file": self.metadata_file, "no_metadata": len(self.no_metadata),
                "metadata_filled": self.metadata_filled}


def _in_window(published: str | None, since: str | None, until: str | None) -> bool:
    if not published:
        return True
    if since and published < since:
        return False
    return not (until and published[: len(until)] > until)


def _authors(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value] if value.strip() else []
    if isinstance(value, list):
        return [str(a) for a in value if str(a).strip()]
    return []


def _host(url: str | None) -> str | None:
    """``host[:port]`` of a URL without ``www.``: what trafilatura falls back to as a site name."""
    m = re.match(r"^https?://(?:www\.)?([^/?#]+)", url or "", re.IGNORECASE)
    return m.group(1).casefold() if m else None


def _stated(article: Article, name: str, doc: Document, *, page_states: bool) -> bool:
    """Whether the page itself states this field (a site name that is only the URL's host is
    the extractor's fallback, not a statement)."""
    value = getattr(article, name)
    if not page_states or not value:
        return False
    if name == "outlet":
        return str(value).casefold() not in {_host(article.url), _host(doc.url), _host(doc.fetch)}
    return True


def _apply_meta(article: Article, doc: Document, *, page_states: bool) -> Article:
    """Metadata from the source (a feed entry, a JSON Lines record, the ``--metadata`` file) fills
    what the page does not state: an HTML page's own title, date, outlet, URL and authors win.
    A plain-text page (``page_states=False``) states none of them; its first-line title is a
    guess that a given title replaces. The WARC date comes last."""
    meta = doc.meta  # as the source gave it: scrubbed like page text (a NUL would stop PostgreSQL)
    update: dict[str, Any] = {}
    for name in ("title", "outlet"):
        value = meta.get(name)
        stated = _stated(article, name, doc, page_states=page_states)
        if isinstance(value, str) and value.strip() and not stated:
            update[name] = scrub(value.strip())
    authors = _authors(meta.get("authors"))
    if authors and not _stated(article, "authors", doc, page_states=page_states):
        update["authors"] = [scrub(a) for a in authors]
    update["published"] = iso_date(article.published) or iso_date(meta.get("published")) or doc.fallback_date
    url = meta.get("url")
    if not article.url and (doc.url or isinstance(url, str)):
        update["url"] = doc.url or url
    return article.model_copy(update=update)


def process_document(doc: Document, options: IngestOptions) -> Processed:
    """Page → article → date window → analysis, for one document (runs in workers)."""
    page = doc.to_page(allow_private_network=options.allow_private_network)
    article = _apply_meta(extract(page), doc, page_states=page.kind == "html")
    if not _in_window(article.published, options.since, options.until):
        return Processed("filtered", published=article.published)
    analyzed = analyze(article, targets=options.targets)
    return Processed("analyzed", analysis=analyzed.model_dump_json(), published=article.published)


class Reporter:
    """Progress of a run; the default says nothing."""

    def start(self, total: int | None) -> None:
        pass

    def update(self, summary: IngestSummary) -> None:
        pass

    def finish(self, summary: IngestSummary) -> None:
        pass


class LogReporter(Reporter):
    """Plain lines on stderr every ``every`` seconds (for logs and pipes)."""

    def __init__(self, every: float = 10.0) -> None:
        self.every = every
        self.total: int | None = None
        self.last = time.monotonic()

    def start(self, total: int | None) -> None:
        self.total = total
        self.last = time.monotonic()

    def update(self, summary: IngestSummary) -> None:
        now = time.monotonic()
        if now - self.last >= self.every:
            self.last = now
            of = f"/{self.total}" if self.total else ""
            eta = ""
            if self.total and summary.rate > 0:
                eta = f", ETA {max(0.0, (self.total - summary.seen) / summary.rate):.0f} s"
            print(f"saidwhat ingest: {summary.seen}{of} docs, stored {summary.stored}, duplicate "
                  f"{summary.duplicate}, failed {summary.failed}, {summary.rate:.2f} docs/s{eta}",
                  file=sys.stderr, flush=True)


class RichReporter(Reporter):
    """A progress bar with rate and ETA on a terminal."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(SpinnerColumn(), TextColumn("ingest"), BarColumn(), MofNCompleteColumn(),
                                 TextColumn("{task.fields[rate]:.2f} docs/s"), TimeElapsedColumn(),
                                 TextColumn("ETA"), TimeRemainingColumn(),
                                 TextColumn("stored {task.fields[stored]} dup {task.fields[dup]} "
                                            "failed {task.fields[failed]}"),
                                 console=Console(stderr=True), transient=False)
        self.task: Any = None

    def start(self, total: int | None) -> None:
        self.progress.start()
        self.task = self.progress.add_task("ingest", total=total, rate=0.0, stored=0, dup=0, failed=0)

    def update(self, summary: IngestSummary) -> None:
        self.progress.update(self.task, completed=summary.seen, rate=summary.rate, stored=summary.stored,
                             dup=summary.duplicate, failed=summary.failed)

    def finish(self, summary: IngestSummary) -> None:
        self.update(summary)
        self.progress.stop()


def make_reporter(quiet: bool = False) -> Reporter:
    if quiet:
        return Reporter()
    return RichReporter() if sys.stderr.isatty() else LogReporter()


def _chunks(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _jobs(store: Store, docs: Iterator[Document], options: IngestOptions) -> Iterator[Ready | Call]:
    """Documents already stored become ``Ready`` (no analysis); the rest are calls to run."""
    for batch in _chunks(docs, 64):
        ok = [d for d in batch if d.error is None]
        by_source = store.known_sources([d.source for d in ok])
        by_url = store.known_urls([d.url for d in ok if d.url])
        for doc in batch:
            if doc.error is not None:
                yield Ready(Result(doc, error=doc.error))
            elif doc.source in by_source:
                yield Ready(Result(doc, value=Processed("known", published=by_source[doc.source])))
            elif doc.url and doc.url in by_url:
                yield Ready(Result(doc, value=Processed("known", published=by_url[doc.url])))
            else:
                yield Call(doc, process_document, (doc, options), name=doc.source)


def count_documents(sources: Sequence[str]) -> int | None:
    """How many documents the sources hold, when that is cheap to know (folders and files)."""
    from saidwhat.corpus.sources import folder_files, source_kind

    total = 0
    for source in sources:
        kind = source_kind(source)
        if kind == "folder":
            total += len(folder_files(source))
        elif kind in ("file", "url"):
            total += 1
        else:
            return None
    return total


def ingest(sources: Sequence[str], store: Store, options: IngestOptions | None = None, *,
           workers: int = 1, dask: str | None = None, runner: Runner | None = None,
           reporter: Reporter | None = None, on_outcome: Callable[[Document, str], None] | None = None,
           metadata: MetadataTable | None = None) -> IngestSummary:
    """Ingest every document of ``sources`` into ``store``; returns the run's counts.

    ``metadata`` (a ``--metadata`` file) gives files their outlet, date, title, URL and authors
    where the files do not state them, also for articles stored by an earlier run."""
    options = options or IngestOptions()
    for name, value in (("since", options.since), ("until", options.until)):
        if value is not None:
            parse_date_filter(value, f"--{name}")
    if options.limit is not None and options.limit < 0:
        raise ConfigError("--limit must be >= 0")
    reporter = reporter or Reporter()
    summary = IngestSummary(metadata_file=metadata.path if metadata else None)
    links_before = _links(store)
    own_runner = runner is None
    run = runner or make_runner(workers, dask)
    summary.runner = run.description
    total = count_documents(sources)
    if total is not None and options.limit is not None:
        total = min(total, options.limit)
    start = time.monotonic()
    reporter.start(total)
    accepted = 0
    docs = iter_documents(list(sources), allow_private_network=options.allow_private_network)
    if metadata is not None:
        docs = metadata.annotate(docs, summary.no_metadata)
    results = run_jobs(run, _jobs(store, docs, options))
    try:
        if options.limit == 0:
            return summary
        for out in results:
            doc = out.input
            summary.seen += 1
            status = _record(store, doc, out, options, summary)
            if status != "filtered":
                accepted += 1
            if on_outcome is not None:
                on_outcome(doc, status)
            summary.elapsed = time.monotonic() - start
            reporter.update(summary)
            if options.limit is not None and accepted >= options.limit:
                break
    finally:
        results.close()
        if own_runner:
            run.close()
        summary.elapsed = time.monotonic() - start
        summary.copies_linked = _links(store) - links_before
        reporter.finish(summary)
    return summary


def _links(store: Store) -> int:
    """Copy links between stored articles plus exact copies (other sources of a stored article)."""
    stats = store.stats()
    return stats["copy_links"] + stats.get("sightings", 0)


def _record(store: Store, doc: Document, out: Result[Processed], options: IngestOptions,
            summary: IngestSummary) -> str:
    """Write one result (driver only); returns stored | duplicate | failed | filtered."""
    done = out.value
    if done is not None and done.status == "known":
        if not _in_window(done.published, options.since, options.until):
            summary.filtered += 1
            return "filtered"
        summary.duplicate += 1
        if summary.metadata_file is not None and doc.meta and store.fill_metadata(doc.source, doc.meta):
            summary.metadata_filled += 1
        return "duplicate"
    if done is not None and done.status == "filtered":
        summary.filtered += 1
        return "filtered"
    if done is None or done.analysis is None:
        err = out.error or AnalysisError("no result", input=doc.source)
        store.record_failure(doc.source, err)
        summary.failed += 1
        if len(summary.failures) < 1000:
            summary.failures.append(str(err))
        return "failed"
    analyzed = AnalyzedArticle.model_validate_json(done.analysis)
    try:
        result = store.add_article(analyzed)
    except SaidwhatError as exc:
        store.record_failure(doc.source, exc)
        summary.failed += 1
        if len(summary.failures) < 1000:
            summary.failures.append(str(exc))
        return "failed"
    if result.status == "stored":
        summary.stored += 1
    else:
        summary.duplicate += 1
    return result.status
