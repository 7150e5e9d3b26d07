"""Placeholder loader; replaced by the page-stage implementation."""

from __future__ import annotations

from pathlib import Path

from saidwhat.errors import EmptyInputError, MissingInputError
from saidwhat.page.model import Page, PageKind


def page_from_text(text: str, source: str, *, kind: PageKind | None = None, url: str | None = None) -> Page:
    if not text.strip():
        raise EmptyInputError("the input is empty", input=source)
    if kind is None:
        kind = "html" if "<html" in text[:2000].lower() or "<body" in text[:5000].lower() else "text"
    return Page(source=source, content=text, kind=kind, url=url)


def page_from_bytes(data: bytes, source: str, *, url: str | None = None, content_type: str | None = None) -> Page:
    return page_from_text(data.decode("utf-8", errors="replace"), source, url=url)


def load(source: str, *, allow_private_network: bool = False) -> Page:
    path = Path(source)
    if not path.exists():
        raise MissingInputError("no such file", input=source)
    return page_from_bytes(path.read_bytes(), source)
