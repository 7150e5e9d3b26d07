"""saidwhat: who said what in the news, and where they stand.

The flow is page → article → analysis → store → views; each stage is a package of that name.
This module is the small public API over it::

    import saidwhat
    result = saidwhat.analyze("page.html")          # AnalyzedArticle
    for q in result.quotes:
        print(result.actor(q.speaker.actor), result.span_text(q.content[0]))
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from saidwhat.errors import (
    AnalysisError,
    BinaryInputError,
    BlockedAddressError,
    ConfigError,
    EmptyInputError,
    FetchError,
    InputError,
    InputTooLargeError,
    MissingInputError,
    NoArticleTextError,
    SaidwhatError,
    StoreError,
    UnsupportedLanguageError,
)
from saidwhat.page import Page, load
from saidwhat.schema import (
    Actor,
    AnalyzedArticle,
    Article,
    Quote,
    Reaction,
    Speaker,
    Target,
)

if TYPE_CHECKING:
    from saidwhat.analysis import analyze_article, analyze_text
    from saidwhat.article import extract_article

def _version() -> str:
    """The installed distribution's version: pyproject.toml is the one place it is written."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("saidwhat")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"


__version__ = _version()

# The analysis stage imports spaCy (half a second): load it on first use, so that commands
# which never analyse (``--version``, ``search``, ``serve``) start fast.
_LAZY = {
    "analyze_article": "saidwhat.analysis",
    "analyze_text": "saidwhat.analysis",
    "extract_article": "saidwhat.article",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'saidwhat' has no attribute {name!r}")

__all__ = [
    "Actor",
    "AnalysisError",
    "AnalyzedArticle",
    "Article",
    "BinaryInputError",
    "BlockedAddressError",
    "ConfigError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "InputTooLargeError",
    "MissingInputError",
    "NoArticleTextError",
    "Page",
    "Quote",
    "Reaction",
    "SaidwhatError",
    "Speaker",
    "StoreError",
    "Target",
    "UnsupportedLanguageError",
    "__version__",
    "analyze",
    "analyze_article",
    "analyze_text",
    "extract",
    "extract_article",
    "load",
]


def extract(source: str, *, allow_private_network: bool = False) -> Article:
    """Read a file, ``-`` or URL and return its article text and metadata."""
    from saidwhat.article import extract_article

    return extract_article(load(source, allow_private_network=allow_private_network))


def analyze(
    source: str, *, targets: Sequence[str] | None = None, allow_private_network: bool = False
) -> AnalyzedArticle:
    """Read, extract and analyse one document."""
    from saidwhat.analysis import analyze_article

    return analyze_article(extract(source, allow_private_network=allow_private_network), targets=targets)
