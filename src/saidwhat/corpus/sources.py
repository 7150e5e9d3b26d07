"""Read ingest sources into ``Document``s: folders, WARC files, RSS/Atom feeds, JSON Lines, URLs.

Reading is lazy (a WARC or JSONL file of any size streams) and never raises for one bad record:
an unreadable record becomes a ``Document`` carrying its ``error``, so the run records it as a
failure and goes on. Documents are small picklable values, so they can be sent to worker
processes or Dask workers, which turn them into pages (``to_page``), articles and analyses.

Kinds of source, decided from the name:

* a directory: every ``.html``, ``.htm`` and ``.txt`` file below it, in sorted order;
* ``*.warc``, ``*.warc.gz``: WARC response records holding HTML (CC-NEWS layout), the record's
  ``WARC-Target-URI`` as URL and its ``WARC-Date`` as the fallback date; non-2xx and non-HTML
  records are skipped;
* ``*.jsonl``, ``*.ndjson`` (optionally ``.gz``): one article per line, ``url`` plus ``html`` or
  ``text``, optional ``title``, ``published``, ``outlet``, ``authors``;
* ``*.rss``, ``*.atom``, ``*.xml`` files, URLs ending that way or in ``/feed`` or ``/rss``, and
  any source prefixed ``feed:``: an RSS/Atom feed; entries' embedded content is used when
  present, else their links are fetched (through ``saidwhat.page.load``, which refuses private
  addresses unless allowed);
* any other http(s) URL or file: one page.
"""

from __future__ import annotations

import gzip
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from saidwhat.dates import iso_date
from saidwhat.errors import InputError, InputTooLargeError, InvalidURLError, MissingInputError, SaidwhatError
from saidwhat.page import Page, load, page_from_bytes, page_from_text
from saidwhat.page.load import MAX_INPUT_BYTES
from saidwhat.sanitize import display_name, is_clean

__all__ = ["PAGE_SUFFIXES", "Document", "iter_documents", "source_kind"]

PAGE_SUFFIXES = (".html", ".htm", ".txt")
_URL = re.compile(r"^https?://", re.IGNORECASE)
_FEED_PATH_ENDS = (".rss", ".atom", ".xml", "/feed", "/rss", "/atom")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class Document:
    """One thing to ingest. ``source`` names it stably (idempotency, failures, messages)."""

    source: str
    data: bytes | None = None
    text: str | None = None
    kind: str | None = None  # "html" | "text" for ``text``; None = detect
    url: str | None = None
    content_type: str | None = None
    fetch: str | None = None  # a URL the worker loads itself
    meta: dict[str, Any] = field(default_factory=dict)  # title, published, outlet, authors
    fallback_date: str | None = None
    error: SaidwhatError | None = None  # picklable: sent to workers as it is

    def to_page(self, *, allow_private_network: bool = False) -> Page:
        if self.error is not None:
            raise self.error
        if self.fetch is not None:
            return load(self.fetch, allow_private_network=allow_private_network)
        if self.data is not None:
            return page_from_bytes(self.data, self.source, url=self.url, content_type=self.content_type)
        if self.text is not None:
            kind = self.kind if self.kind in ("html", "text") else None
            return page_from_text(self.text, self.source, url=self.url, kind=kind)  # type: ignore[arg-type]
        raise InputError("the document has no content", input=self.source)


def _is_feed_url(url: str) -> bool:
    """A URL whose path ends like a feed's (``.rss``, ``/feed``, ``/atom/``), whatever its query."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    return path.lower().rstrip("/").endswith(_FEED_PATH_ENDS)


def source_kind(source: str) -> str:
    """folder | warc | jsonl | feed | url | file"""
    if source.startswith("feed:"):
        return "feed"
    if _URL.match(source):
        return "feed" if _is_feed_url(source) else "url"
    lower = source.lower()
    if Path(source).is_dir():
        return "folder"
    if lower.endswith((".warc", ".warc.gz", ".arc.gz")):
        return "warc"
    if lower.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
        return "jsonl"
    if lower.endswith((".rss", ".atom", ".xml")):
        return "feed"
    return "file"


def _fail(source: str, exc: SaidwhatError) -> Document:
    return Document(source=source, error=exc)


def iter_documents(sources: list[str], *, allow_private_network: bool = False) -> Iterator[Document]:
    """Every document of every source, in order."""
    for source in sources:
        kind = source_kind(source)
        if kind in ("folder", "warc", "jsonl", "file") and not Path(source).exists():
            name = display_name(source)
            yield _fail(name, MissingInputError("no such file or directory", input=name))
            continue
        if kind == "folder":
            yield from _folder(source)
        elif kind == "warc":
            yield from _warc(source)
        elif kind == "jsonl":
            yield from _jsonl(source)
        elif kind == "feed":
            yield from _feed(source.removeprefix("feed:"), allow_private_network)
        elif kind == "url":
            yield Document(source=source, url=source, fetch=source)
        else:
            yield _file(Path(source), display_name(source))


def folder_files(folder: str) -> list[Path]:
    return sorted(p for p in Path(folder).rglob("*") if p.is_file() and p.suffix.lower() in PAGE_SUFFIXES)


def _file(path: Path, name: str) -> Document:
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            return _fail(name, InputError(f"the file is {size} bytes, over the {MAX_INPUT_BYTES}-byte limit",
                                          input=name))
        return Document(source=name, data=path.read_bytes())
    except OSError as exc:
        return _fail(name, InputError(f"cannot read the file: {exc.strerror or exc}", input=name))


def _folder(folder: str) -> Iterator[Document]:
    for path in folder_files(folder):
        yield _file(path, display_name(str(path)))  # a name that is not UTF-8 is still named, and read


def _warc(path: str) -> Iterator[Document]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    with open(path, "rb") as fh:
        it = ArchiveIterator(fh)
        n = 0
        while True:
            try:
                record = next(it)
            except StopIteration:
                return
            except (ArchiveLoadFailed, OSError, ValueError, EOFError) as exc:
                where = f"{path}@{getattr(it, 'offset', n)}"
                yield _fail(where, InputError(f"unreadable WARC record: {exc}", input=where))
                return  # the rest of a corrupt archive cannot be located reliably
            n += 1
            try:
                doc = _warc_record(path, record)
            except (ArchiveLoadFailed, OSError, ValueError, EOFError, UnicodeError) as exc:
                rid = record.rec_headers.get_header("WARC-Record-ID") or f"record {n}"
                name = f"{path}#{rid}"
                yield _fail(name, InputError(f"unreadable WARC record: {exc}", input=name))
                continue
            if doc is not None:
                yield doc


def _warc_record(path: str, record: Any) -> Document | None:
    if record.rec_type != "response":
        return None
    rid = record.rec_headers.get_header("WARC-Record-ID") or ""
    url = usable_url(record.rec_headers.get_header("WARC-Target-URI"))
    name = display_name(f"{path}#{rid or url}")
    status = record.http_headers.get_statuscode() if record.http_headers else "200"
    if not str(status).startswith("2"):
        return None
    ctype = record.http_headers.get_header("Content-Type") if record.http_headers else None
    if ctype and ctype.split(";")[0].strip().lower() not in _HTML_TYPES:
        return None
    data = record.content_stream().read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        return _fail(name, InputError(f"the record is over the {MAX_INPUT_BYTES}-byte limit", input=name))
    if getattr(record.raw_stream, "limit", 0) > 0:  # fewer bytes than its Content-Length: cut off
        return _fail(name, InputError("truncated WARC record (the archive ends inside it)", input=name))
    return Document(source=name, data=data, url=url, content_type=ctype,
                    fallback_date=iso_date(record.rec_headers.get_header("WARC-Date")))


def _open_text(path: str) -> io.TextIOBase:
    if path.lower().endswith(".gz"):
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


#: Longest JSON Lines line read: a page's HTML within the input limit, escaped (JSON can double
#: a text's length), plus its metadata. A longer line is recorded as a failure and skipped.
MAX_JSONL_LINE = 2 * MAX_INPUT_BYTES + 65536


def _lines(fh: io.TextIOBase) -> Iterator[tuple[int, str | None]]:
    """``(line number, line)``; None for a line over ``MAX_JSONL_LINE`` (read past, never held)."""
    lineno = 0
    while True:
        line = fh.readline(MAX_JSONL_LINE + 1)
        if not line:
            return
        lineno += 1
        if len(line) <= MAX_JSONL_LINE or line.endswith("\n"):
            yield lineno, line
            continue
        while line and not line.endswith("\n"):
            line = fh.readline(1 << 20)
        yield lineno, None


def usable_url(value: object) -> str | None:
    """A URL string as given, or None for anything else or one holding control characters (a URL
    never does: they are percent-encoded), which no store or later stage should see."""
    if not isinstance(value, str) or not value.strip() or not is_clean(value):
        return None
    return value


def _jsonl_document(name: str, obj: dict[str, Any]) -> Document:
    url = usable_url(obj.get("url"))
    if obj.get("url") is not None and url is None:
        return _fail(name, InvalidURLError("'url' is not a usable URL string", input=name))
    html, text = obj.get("html"), obj.get("text")
    meta = {k: obj[k] for k in ("title", "published", "outlet", "authors") if obj.get(k)}
    source = display_name(url) if url else name
    if isinstance(html, str) and html.strip():
        return Document(source=source, text=html, kind="html", url=url, meta=meta)
    if isinstance(text, str) and text.strip():
        return Document(source=source, text=text, kind="text", url=url, meta=meta)
    if url:
        return Document(source=source, url=url, fetch=url, meta=meta)
    return _fail(name, InputError("a line needs 'html' or 'text' (or a 'url' to fetch)", input=name))


def _jsonl(path: str) -> Iterator[Document]:
    with _open_text(path) as fh:
        for lineno, line in _lines(fh):
            name = display_name(f"{path}:{lineno}")
            if line is None:
                yield _fail(name, InputTooLargeError(f"the line is over the {MAX_JSONL_LINE}-character limit",
                                                     input=name))
                continue
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                yield _fail(name, InputError(f"invalid JSON: {exc.msg}", input=name))
                continue
            except RecursionError:
                yield _fail(name, InputError("invalid JSON: nested too deeply", input=name))
                continue
            if not isinstance(obj, dict):
                yield _fail(name, InputError("a line must hold a JSON object", input=name))
                continue
            yield _jsonl_document(name, obj)


def _feed(source: str, allow_private_network: bool) -> Iterator[Document]:
    import feedparser

    try:
        page = load(source, allow_private_network=allow_private_network)
    except SaidwhatError as exc:
        yield _fail(source, exc)
        return
    parsed = feedparser.parse(page.content)
    if not parsed.entries:
        yield _fail(source, InputError("no feed entries found (not an RSS/Atom feed?)", input=source))
        return
    outlet = parsed.feed.get("title") if hasattr(parsed, "feed") else None
    for i, entry in enumerate(parsed.entries, 1):
        link = entry.get("link")
        name = link or f"{source}#{entry.get('id') or i}"
        meta: dict[str, Any] = {}
        if entry.get("title"):
            meta["title"] = entry.get("title")
        published = iso_date(entry.get("published_parsed") or entry.get("updated_parsed"))
        if published:
            meta["published"] = published
        if outlet:
            meta["outlet"] = outlet
        authors = [a.get("name") for a in entry.get("authors", []) if isinstance(a, dict) and a.get("name")]
        if authors:
            meta["authors"] = authors
        contents = entry.get("content") or []
        body = next((c.get("value") for c in contents if c.get("value")), None)
        if body:
            title = meta.get("title") or ""
            html = (f"<html><head><title>{_escape(title)}</title></head>"
                    f"<body><article>{body}</article></body></html>")
            yield Document(source=name, text=html, kind="html", url=link, meta=meta)
        elif link:
            yield Document(source=name, url=link, fetch=link, meta=meta)
        else:
            yield _fail(name, InputError("feed entry has neither content nor a link", input=name))


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
