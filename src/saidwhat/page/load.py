"""Read what the user names (a file, ``-`` for stdin, an http(s) URL) into a decoded ``Page``.

Every refusal is a ``saidwhat.errors`` class whose message names the input and the reason, so a
batch can record it and go on.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from saidwhat.errors import (
    EmptyInputError,
    InputError,
    InputTooLargeError,
    InvalidURLError,
    MissingInputError,
)
from saidwhat.page.compressed import gunzip_bounded, is_gzip
from saidwhat.page.decode import decode_bytes, detect_kind, without_controls
from saidwhat.page.fetch import FETCH_TIMEOUT, fetch
from saidwhat.page.model import Page, PageKind
from saidwhat.sanitize import display_name, scrub

__all__ = ["MAX_INPUT_BYTES", "load", "page_from_bytes", "page_from_text"]

#: Largest input read, in bytes (files, stdin, and fetched pages), before and after decompression.
MAX_INPUT_BYTES = 10 * 1024 * 1024

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*://")


def page_from_text(
    text: str,
    source: str,
    *,
    kind: PageKind | None = None,
    url: str | None = None,
    meta: dict[str, str] | None = None,
) -> Page:
    """A Page from already-decoded text; ``kind`` is detected from the content when not given.

    Binary data is refused; control characters anywhere in the text (a NUL deep in it) are removed
    as from decoded bytes (``decode.without_controls``) and lone surrogates made U+FFFD
    (``saidwhat.sanitize.scrub``), so no later stage, output or database sees them.
    """
    source = display_name(source)
    if not text.strip():
        raise EmptyInputError("the input is empty (or only whitespace)", input=source)
    if len(text) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"the input has {len(text)} characters, over the {MAX_INPUT_BYTES} limit",
                                 input=source)
    text = scrub(without_controls(text.removeprefix("\ufeff"), source))
    return Page(source=source, content=text, kind=kind or detect_kind(text), url=url, meta=dict(meta or {}))


def page_from_bytes(
    data: bytes,
    source: str,
    *,
    url: str | None = None,
    content_type: str | None = None,
) -> Page:
    """Decode ``data`` (BOM, declared charset, UTF-8, windows-1252) and classify it from its content.

    Gzip-compressed data (a ``page.html.gz``) is decompressed first, bounded by the same cap.
    """
    source = display_name(source)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"the input is {len(data)} bytes, over the {MAX_INPUT_BYTES}-byte limit",
                                 input=source)
    meta: dict[str, str] = {}
    if is_gzip(data):
        data = gunzip_bounded(data, source, MAX_INPUT_BYTES)
        meta["compression"] = "gzip"
    if not data.strip():
        raise EmptyInputError("the input is empty (or only whitespace)", input=source)
    text, encoding = decode_bytes(data, source, content_type=content_type)
    meta["encoding"] = encoding
    if content_type:
        meta["content_type"] = content_type
    return page_from_text(text, source, url=url, meta=meta)


def _read_limited(stream: BinaryIO, source: str) -> bytes:
    data = stream.read(MAX_INPUT_BYTES + 1)
    if len(data) > MAX_INPUT_BYTES:
        raise InputTooLargeError(f"the input is over the {MAX_INPUT_BYTES}-byte limit", input=source)
    return data


def _load_file(name: str) -> Page:
    path = Path(name).expanduser()
    source = display_name(name)  # a file name that is not UTF-8 is still named printably
    try:
        if path.is_dir():
            raise MissingInputError("is a directory, not a file", input=source)
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputTooLargeError(f"the file is {size} bytes, over the {MAX_INPUT_BYTES}-byte limit",
                                     input=source)
        with path.open("rb") as fh:
            data = _read_limited(fh, source)
    except FileNotFoundError as exc:
        raise MissingInputError("no such file", input=source) from exc
    except PermissionError as exc:
        raise InputError("cannot read the file: permission denied", input=source) from exc
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", input=source) from exc
    except ValueError as exc:  # "embedded null byte" in the name
        raise InputError(f"cannot read the file: {exc}", input=source) from exc
    return page_from_bytes(data, source)


def load(
    source: str,
    *,
    allow_private_network: bool = False,
    allowed_addresses: Iterable[str] = (),
    timeout: float = FETCH_TIMEOUT,
) -> Page:
    """Load a file path, ``-`` (stdin) or an http(s) URL as a Page.

    URLs are fetched safely (see ``saidwhat.page.fetch``): loopback, private, link-local and
    other non-public addresses are refused before connecting unless ``allow_private_network``,
    or the address is in ``allowed_addresses`` (addresses or networks). ``Page.url`` is the
    final URL after redirects.
    """
    if source == "-":
        return page_from_bytes(_read_limited(sys.stdin.buffer, source), source)
    if _URL.match(source):
        name = display_name(source)
        scheme = source.split(":", 1)[0].lower()
        if scheme not in ("http", "https"):
            raise InvalidURLError(f"only http and https URLs can be fetched, not {scheme}:", input=name)
        result = fetch(source, source=name, allow_private_network=allow_private_network,
                       allowed_addresses=allowed_addresses, max_bytes=MAX_INPUT_BYTES, timeout=timeout)
        return page_from_bytes(result.data, name, url=result.url, content_type=result.content_type)
    return _load_file(source)
