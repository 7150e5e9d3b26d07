"""Placeholder extractor; replaced by the trafilatura-based implementation."""

from __future__ import annotations

from saidwhat.page.model import Page
from saidwhat.schema import Article


def extract_article(page: Page) -> Article:
    lines = [ln.strip() for ln in page.content.splitlines() if ln.strip()]
    title = lines[0] if lines else None
    return Article(title=title, text="\n\n".join(lines[1:]), source=page.source, url=page.url, language="en")
