"""Stage 2, article: the main text and metadata of a page, without the page's clutter."""

from __future__ import annotations

from saidwhat.article.extract import extract_article

__all__ = ["extract_article"]
