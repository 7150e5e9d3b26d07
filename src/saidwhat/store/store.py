"""The ``Store``: write analysed articles once, query quotes, actors and reactions across them."""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType
from typing import Any

from saidwhat.errors import SaidwhatError
from saidwhat.schema import AnalyzedArticle
from saidwhat.store.records import (
    ActorDetail,
    ActorSummary,
    AddResult,
    ArticleSummary,
    FailureRecord,
    Page,
    QuoteHit,
    ReactionRow,
    StoredArticle,
)

__all__ = ["Store", "open_store", "default_store_url"]


def default_store_url() -> str:
    """``$SAIDWHAT_DB``, else ``saidwhat/saidwhat.sqlite`` in the user's data dir."""
    env = os.environ.get("SAIDWHAT_DB")
    if env:
        return env
    import platformdirs

    return str(Path(platformdirs.user_data_dir("saidwhat")) / "saidwhat.sqlite")


class Store:
    """An open store. Use as a context manager or call ``close()``."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        pass

    # writing
    def add_article(self, analyzed: AnalyzedArticle, *, html: str | None = None) -> AddResult:
        raise NotImplementedError

    def record_failure(self, source: str, error: SaidwhatError) -> None:
        raise NotImplementedError

    # reading
    def get_article(self, article_id: int) -> StoredArticle | None:
        raise NotImplementedError

    def list_articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      offset: int = 0, limit: int = 20) -> Page[ArticleSummary]:
        raise NotImplementedError

    def search_quotes(self, text: str | None = None, *, actor: str | None = None, outlet: str | None = None,
                      since: str | None = None, until: str | None = None, target: str | None = None,
                      stance: str | None = None, offset: int = 0, limit: int = 20) -> Page[QuoteHit]:
        raise NotImplementedError

    def facets(self, text: str | None = None, *, actor: str | None = None, outlet: str | None = None,
               since: str | None = None, until: str | None = None, target: str | None = None,
               stance: str | None = None) -> dict[str, list[tuple[str, int]]]:
        raise NotImplementedError

    def list_actors(self, *, name: str | None = None, offset: int = 0, limit: int = 20) -> Page[ActorSummary]:
        raise NotImplementedError

    def get_actor(self, key: str) -> ActorDetail | None:
        raise NotImplementedError

    def reactions(self, target: str, *, since: str | None = None, until: str | None = None) -> list[ReactionRow]:
        raise NotImplementedError

    def failures(self, *, offset: int = 0, limit: int = 100) -> Page[FailureRecord]:
        raise NotImplementedError

    def stats(self) -> dict[str, int]:
        raise NotImplementedError


def open_store(url: str | None = None, **kwargs: Any) -> Store:
    """Open (creating and migrating) the store at ``url``: a path, ``sqlite:///path`` or ``postgresql://…``."""
    return Store(url or default_store_url(), **kwargs)
