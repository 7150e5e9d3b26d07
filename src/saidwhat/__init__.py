"""saidwhat: who said what in the news, and where they stand.

The flow is page → article → analysis → store → views; each stage is a package of that name.
This module is the small public API over it::

    import saidwhat
    result = saidwhat.analyze("page.html", timeout=60)   # AnalyzedArticle
    for q in result.quotes:
        who = result.actor(q.speaker.actor)
        print(who.name if who else "?", "→", q.text)

``analyze`` and ``extract`` (``saidwhat.chain``) are the one chain page → article → analysis.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from saidwhat.chain import analyze, extract
from saidwhat.errors import (
    AnalysisError,
    AnalysisTimeoutError,
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
    "AnalysisTimeoutError",
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

