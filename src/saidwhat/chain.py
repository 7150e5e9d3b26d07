"""The one chain page → article → analysis, behind ``saidwhat.extract`` and ``saidwhat.analyze``.

The CLI (``saidwhat extract|analyze``), the web's analyze page and corpus ingest all call these
two functions, so every way in reads, extracts and analyses a document the same way. Both are
module-level functions of picklable arguments, so a process pool can run them.

``timeout`` bounds one document's whole chain: the fetch gets the time left, and the chain
checks the deadline between its steps (see ``saidwhat.deadline`` for what that does and does not
bound); past it, ``AnalysisTimeoutError`` (SW302).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from saidwhat.deadline import Deadline
from saidwhat.page import Page, load
from saidwhat.page.fetch import FETCH_TIMEOUT
from saidwhat.schema import AnalyzedArticle, Article

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["analyze", "extract"]


def _deadline(timeout: float | None) -> Deadline | None:
    return Deadline.after(timeout) if timeout is not None else None


def _page(source: str | Page, allow_private_network: bool, fetch_timeout: float,
          deadline: Deadline | None) -> Page:
    if isinstance(source, Page):
        return source
    if deadline is not None:
        fetch_timeout = min(fetch_timeout, max(deadline.left(), 0.001))
    return load(source, allow_private_network=allow_private_network, timeout=fetch_timeout)


def _extract(source: str | Page, allow_private_network: bool, fetch_timeout: float,
             deadline: Deadline | None) -> Article:
    from saidwhat.article import extract_article

    page = _page(source, allow_private_network, fetch_timeout, deadline)
    if deadline is not None:
        deadline.check("extraction", page.source)
    return extract_article(page)


def extract(source: str | Page, *, allow_private_network: bool = False, timeout: float | None = None,
            fetch_timeout: float = FETCH_TIMEOUT) -> Article:
    """Page → article: read a file, ``-``, URL (or take a loaded ``Page``) and return its text and metadata.

    Any language is extracted, and recorded in ``language``. URLs on private addresses are
    refused unless ``allow_private_network``.
    """
    return _extract(source, allow_private_network, fetch_timeout, _deadline(timeout))


def analyze(source: str | Page | Article, *, targets: Sequence[str] | None = None,
            allow_private_network: bool = False, timeout: float | None = None,
            fetch_timeout: float = FETCH_TIMEOUT, doc: Doc | None = None, include_beliefs: bool = False,
            min_confidence: float = 0.0) -> AnalyzedArticle:
    """Page → article → analysis for one document: a name (file, ``-``, URL), a ``Page``, or an
    ``Article`` already extracted (ingest adjusts its metadata first).

    The article must be in English (``UnsupportedLanguageError`` names its language otherwise).
    ``targets`` are the names to take stances toward (default: proposed from the text); ``doc``
    an existing spaCy parse of the article's text (see ``saidwhat.analysis.pipeline.parse_many``).
    Quotes are speech only unless ``include_beliefs``, and at least ``min_confidence``.
    """
    from saidwhat.analysis import analyze_article
    from saidwhat.article.language import ensure_english

    deadline = _deadline(timeout)
    if isinstance(source, Article):
        article = source
    else:
        article = _extract(source, allow_private_network, fetch_timeout, deadline)
    ensure_english(article.language, article.source)
    return analyze_article(article, targets=list(targets) if targets else None, doc=doc, deadline=deadline,
                           include_beliefs=include_beliefs, min_confidence=min_confidence)
