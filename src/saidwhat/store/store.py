"""The ``Store``: write analysed articles once, query quotes, actors and reactions across them.

``Store`` is the one entry point the ingest command, the CLI and the web app use; it opens the
engine, normalises paging arguments and hands a connection to the module that does the work:

    engine.py     store URLs, the engine with each dialect's settings, Alembic migrations
    write.py      an article whole in one transaction (and its sightings), failures
    identity.py   which canonical actor an article's actor is (pure rules), gender.py its gender
    canonical.py  the identity step on write, hand merges and splits, re-identification
    actors.py     canonical actors across articles: listing, actor pages
    diversity.py  who gets quoted: shares by gender, kind, affiliation per outlet or period
    targets.py    target names and aliases across articles
    candidates.py candidate targets stored at ingest, matched to targets named at query time
    copies.py     LSH bands in SQL, copy links, an article's copies (algorithms in dedup.py)
    articles.py   reading articles back, listings, export, what ingest already has, counts
    search.py     quote search with filters and full text, facets
    reactions.py  reactions to a target, merged per canonical actor
    trails.py     quote trails: one utterance across articles (the matching in utterance.py)
    rewrites.py   rewritten copies (spun, paraphrased) and what a copy changed (pure functions)
    stories.py    stories: articles on one event across outlets, computed at query time
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Any, Self, cast

from sqlalchemy import Engine, exists, select
from sqlalchemy.exc import SQLAlchemyError

from saidwhat.errors import SaidwhatError, StoreError
from saidwhat.sanitize import display_name, scrub
from saidwhat.schema import AnalyzedArticle
from saidwhat.store import (
    actors,
    articles,
    candidates,
    canonical,
    copies,
    diversity,
    reactions,
    rewrites,
    search,
    stories,
    tables,
    trails,
    write,
)
from saidwhat.store.candidates import TargetCount
from saidwhat.store.engine import (
    check_location,
    default_store_url,
    make_engine,
    parse_store_url,
    redact,
    require_store,
    sqlite_access,
    write_connection,
)
from saidwhat.store.engine import migrate as migrate_schema
from saidwhat.store.results import (
    ActorDetail,
    ActorEdit,
    ActorSummary,
    AddResult,
    ArticleSummary,
    CopyLink,
    DiversityTable,
    FailureRecord,
    QuoteHit,
    ReactionRow,
    ResultPage,
    StoredArticle,
    Trail,
    TrailSummary,
)
from saidwhat.store.rewrites import CopyChanges
from saidwhat.store.stories import Story, StorySummary

__all__ = ["MAX_LIMIT", "Store", "default_store_url", "open_store"]

#: the most items one page of results holds
MAX_LIMIT = 1000


def _param(value: str | None) -> str | None:
    """A query parameter both databases can compare with: scrubbed (a NUL makes PostgreSQL refuse
    the query, where SQLite would take it), stripped, None when nothing is left."""
    if value is None:
        return None
    return scrub(value).strip() or None


def _page_args(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(int(limit), MAX_LIMIT)), max(0, int(offset))


class Store:
    """An open store (created and migrated on open). Use as a context manager or ``close()``.

    ``schema`` (PostgreSQL only) keeps the tables in their own schema, e.g. one per test. With
    ``create=False`` a store that does not exist is an error (``StoreError``) instead of a new
    empty one. A SQLite file is only ever created in an existing folder, unless ``make_folder``.
    """

    def __init__(self, url: str, *, schema: str | None = None, migrate: bool = True, create: bool = True,
                 make_folder: bool = False) -> None:
        self.url = url
        self._stories: tuple[tuple[object, ...], stories.Stories] | None = None
        sa_url, self.schema = parse_store_url(url, schema)
        check_location(url, create=create, make_folder=make_folder)
        sa_url, self.read_only = sqlite_access(sa_url)  # a store on read-only media is read as it is
        try:
            self.engine: Engine = make_engine(sa_url, self.schema, read_only=self.read_only)
            self.dialect = self.engine.dialect.name
            if not create:
                require_store(self.engine, url)
            if migrate:
                migrate_schema(self.engine, self.schema, read_only=self.read_only)
                if not self.read_only:
                    self._assign_missing_trails()
                    copies.add_missing_word_bands(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store: {exc}", input=redact(url)) from exc

    # -- lifecycle -------------------------------------------------------------------------

    def _assign_missing_trails(self) -> None:
        """Quotes without a trail (stored before migration 0005, or emptied by 0006 when the rules
        changed) get one when the store is opened."""
        q = tables.quotes.c
        with self.engine.connect() as conn:
            missing = conn.execute(select(exists().where(q.trail_id.is_(None)))).scalar()
        if missing:
            trails.assign_missing(self.engine)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    # -- writing ---------------------------------------------------------------------------

    def add_article(self, analyzed: AnalyzedArticle, *, html: str | None = None) -> AddResult:
        """Store the article whole in one transaction, or report the stored one it duplicates
        (recording a new source of it as an exact copy)."""
        return write.add_article(self.engine, analyzed, html=html)

    def record_failure(self, source: str, error: SaidwhatError) -> None:
        """Keep the latest failure of each source (re-running a source replaces its entry)."""
        write.record_failure(self.engine, source, error)

    def fill_metadata(self, source: str, values: dict[str, Any]) -> bool:
        """Fill in the outlet, published date, title and authors the article stored from ``source``
        lacks (what it has is kept; its URL never changes). True when anything was filled."""
        return write.fill_metadata(self.engine, source, values)

    # -- lookups used by ingest ---------------------------------------------------------------

    def known_sources(self, sources: Sequence[str]) -> dict[str, str | None]:
        """Of these sources (as named at ingest), the stored ones with their published date."""
        named = {display_name(s): s for s in sources}  # as recorded: any name can be asked about
        with self.engine.connect() as conn:
            found = articles.known_sources(conn, list(named))
        return {named[src]: pub for src, pub in found.items() if src in named}

    def known_urls(self, urls: Sequence[str]) -> dict[str, str | None]:
        """Of these URLs, the ones stored (by canonical URL) with their published date."""
        with self.engine.connect() as conn:
            return articles.known_urls(conn, urls)

    # -- articles --------------------------------------------------------------------------------

    def get_article(self, article_id: int) -> StoredArticle | None:
        with self.engine.connect() as conn:
            return articles.get_article(conn, article_id)

    def copies(self, article_id: int) -> list[CopyLink]:
        """The article's copies: its other sources (exact copies of the same text, ``article_id``
        being the article itself, ``source`` set) and linked stored articles, most similar first."""
        with self.engine.connect() as conn:
            return copies.article_copies(conn, article_id)

    def copy_changes(self, article_id: int, copy_id: int) -> CopyChanges | None:
        """What ``copy_id`` writes otherwise than ``article_id`` (names, quotes, numbers) in the
        sentences the two share; None when either article is not stored."""
        with self.engine.connect() as conn:
            texts = dict(conn.execute(select(tables.articles.c.id, tables.articles.c.text)
                                      .where(tables.articles.c.id.in_([article_id, copy_id]))).all())
        if article_id not in texts or copy_id not in texts:
            return None
        return rewrites.changes(texts[article_id], texts[copy_id], article_id=article_id, copy_id=copy_id)

    def list_articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      offset: int = 0, limit: int = 20) -> ResultPage[ArticleSummary]:
        limit, offset = _page_args(limit, offset)
        with self.engine.connect() as conn:
            return articles.list_articles(conn, outlet=_param(outlet), since=since, until=until,
                                          offset=offset, limit=limit)

    def iter_articles(self, batch: int = 200) -> Iterator[tuple[int, AnalyzedArticle]]:
        """Every stored article in id order (for export), read in batches."""
        return articles.iter_articles(self.engine, batch)

    def iter_quotes(self, batch: int = 1000) -> Iterator[QuoteHit]:
        """Every stored quote in id order (for export)."""
        return search.iter_quotes(self.engine, batch)

    # -- search ----------------------------------------------------------------------------------

    def search_quotes(self, text: str | None = None, *, actor: str | None = None, outlet: str | None = None,
                      since: str | None = None, until: str | None = None, target: str | None = None,
                      stance: str | None = None, offset: int = 0, limit: int = 20,
                      actor_key: str | None = None) -> ResultPage[QuoteHit]:
        """Quotes matching the full-text query and filters, best match first (else newest first).

        ``actor`` matches an actor key exactly or any of its names (case-insensitive substring);
        ``actor_key`` matches one canonical actor only.
        """
        limit, offset = _page_args(limit, offset)
        f = search.QuoteFilter(text=_param(text), actor=_param(actor), outlet=_param(outlet), since=since,
                               until=until, target=_param(target), stance=stance, actor_key=_param(actor_key))
        with self.engine.connect() as conn:
            return search.search_quotes(conn, f, offset=offset, limit=limit)

    def facets(self, text: str | None = None, *, actor: str | None = None, outlet: str | None = None,
               since: str | None = None, until: str | None = None, target: str | None = None,
               stance: str | None = None, size: int = 20) -> dict[str, list[tuple[str, int]]]:
        """Counts of the matching quotes by actor (display name), outlet, target and stance label."""
        f = search.QuoteFilter(text=_param(text), actor=_param(actor), outlet=_param(outlet), since=since,
                               until=until, target=_param(target), stance=stance)
        with self.engine.connect() as conn:
            return search.facets(conn, f, size=size)

    # -- actors and reactions --------------------------------------------------------------------

    def list_actors(self, *, name: str | None = None, offset: int = 0,
                    limit: int = 20) -> ResultPage[ActorSummary]:
        """Canonical actors, most quoted first; ``name`` matches any of their names (substring)."""
        limit, offset = _page_args(limit, offset)
        with self.engine.connect() as conn:
            return actors.list_actors(conn, name=_param(name), offset=offset, limit=limit)

    def get_actor(self, key: str, *, n_quotes: int = 50) -> ActorDetail | None:
        with self.engine.connect() as conn:
            return actors.get_actor(conn, scrub(key), n_quotes=n_quotes)

    def reactions(self, target: str, *, since: str | None = None,
                  until: str | None = None) -> list[ReactionRow]:
        """One row per canonical actor with a stance toward ``target``, merged across articles
        (see ``saidwhat.store.reactions`` for how counts and the stance are made)."""
        with self.engine.connect() as conn:
            return reactions.reactions(conn, scrub(target), since=since, until=until)

    # -- trails ------------------------------------------------------------------------------------

    def trail(self, trail_id: int) -> Trail | None:
        """One trail with every sighting (the first published first), each related to the first."""
        with self.engine.connect() as conn:
            return trails.get_trail(conn, trail_id)

    def trail_of(self, article_id: int, quote_id: str) -> int | None:
        """The trail of a stored quote (``article_id``, ``quote_id`` as in ``QuoteHit``)."""
        with self.engine.connect() as conn:
            return trails.trail_of(conn, article_id, quote_id)

    def article_trails(self, article_id: int) -> dict[str, TrailSummary]:
        """The trail of each quote of a stored article, by quote id."""
        with self.engine.connect() as conn:
            return trails.article_trails(conn, article_id)

    def list_trails(self, *, min_articles: int = 2, text: str | None = None, offset: int = 0,
                    limit: int = 20) -> ResultPage[TrailSummary]:
        """Trails carried by at least ``min_articles`` articles, the widest first; ``text`` keeps
        those with a quote matching it (full text, as ``search_quotes``)."""
        limit, offset = _page_args(limit, offset)
        with self.engine.connect() as conn:
            ids = None
            if text is not None:
                hits = search.search_quotes(conn, search.QuoteFilter(text=text), offset=0, limit=MAX_LIMIT)
                ids = {h.trail_id for h in hits.items if h.trail_id is not None}
            return trails.list_trails(conn, min_articles=min_articles, trail_ids=ids, offset=offset,
                                      limit=limit)

    # -- stories (saidwhat.store.stories) -----------------------------------------------------------

    def _all_stories(self) -> stories.Stories:
        with self.engine.connect() as conn:
            key = stories.state_key(conn)
            if self._stories is None or self._stories[0] != key:
                self._stories = (key, stories.compute(conn))
            return self._stories[1]

    def stories(self, *, text: str | None = None, outlet: str | None = None, since: str | None = None,
                until: str | None = None, offset: int = 0, limit: int = 20) -> ResultPage[StorySummary]:
        """Stories of 2+ articles, the most articles first (then the latest). ``text`` keeps those
        with an actor, target or article title containing it (case-insensitive); ``outlet`` those
        one of whose articles it published; ``since``/``until`` those seen in that window."""
        limit, offset = _page_args(limit, offset)
        found = [s for s in self._all_stories().stories.values()
                 if stories.matches(s, text=_param(text), outlet=_param(outlet), since=since, until=until)]
        found.sort(key=lambda s: s.id)
        found.sort(key=lambda s: s.last_seen or "", reverse=True)  # stable: the latest first, then by id
        found.sort(key=lambda s: -s.n_articles)
        items = [StorySummary.model_validate(s.model_dump(exclude={"articles", "copies", "shared_quotes"}))
                 for s in found[offset : offset + limit]]
        return ResultPage[StorySummary](items=items, total=len(found), offset=offset, limit=limit)

    def story(self, story_id: int) -> Story | None:
        """The story named by ``story_id``, or the story its article ``story_id`` belongs to."""
        everything = self._all_stories()
        sid = everything.story_of.get(int(story_id))
        return everything.stories[sid] if sid is not None else None

    def targets(self, *, limit: int = 50) -> list[TargetCount]:
        """Targets joined across articles (named entities and grounded noun phrases), most
        reacting actors first, then most articles (see ``saidwhat.store.candidates``)."""
        with self.engine.connect() as conn:
            return candidates.ranked_targets(conn, limit=max(0, min(int(limit), MAX_LIMIT)))

    # -- who gets quoted (saidwhat.store.diversity) -----------------------------------------------

    def diversity(self, *, dimension: str = "gender", by: str = "outlet", count: str = "quotes",
                  since: str | None = None, until: str | None = None, outlet: str | None = None,
                  top: int = 8) -> DiversityTable:
        """Shares of quotes (or speakers) by gender, kind of actor or affiliation, per outlet or period."""
        with self.engine.connect() as conn:
            return diversity.diversity(conn, dimension=dimension, by=by, count=count, since=since,
                                       until=until, outlet=outlet, top=top)

    # -- identity edits by hand (saidwhat.store.canonical) ---------------------------------------

    def merge_actors(self, key: str, into: str, *, note: str | None = None) -> ActorEdit:
        """Merge canonical actor ``key`` into ``into``, now and in every later write."""
        with write_connection(self.engine) as conn, conn.begin():
            edit_id = canonical.merge_actors(conn, key, into, note=note)
            return _edit_record(next(e for e in canonical.list_edits(conn) if e.id == edit_id))

    def split_actor(self, key: str, *, name: str | None = None, article_id: int | None = None,
                    note: str | None = None) -> ActorEdit:
        """Split the actors of ``key`` named ``name`` (and/or in that article) into a new canonical actor."""
        with write_connection(self.engine) as conn, conn.begin():
            edit_id, _ = canonical.split_actor(conn, key, name=name, article_id=article_id, note=note)
            return _edit_record(next(e for e in canonical.list_edits(conn) if e.id == edit_id))

    def actor_edits(self) -> list[ActorEdit]:
        """Every hand edit, oldest first."""
        with self.engine.connect() as conn:
            return [_edit_record(e) for e in canonical.list_edits(conn)]

    def import_edits(self, edits: Sequence[ActorEdit]) -> int:
        """Record edits exported from another store (``actor_edits``), then re-identify; returns the
        number of actors whose canonical actor changed."""
        with write_connection(self.engine) as conn, conn.begin():
            canonical.record_edits(conn, [e.model_dump() for e in edits])
            return canonical.reidentify(conn)

    def reidentify(self) -> int:
        """Recompute every actor's canonical actor from the stored analyses (after an upgrade, or
        to see the edits applied everywhere); returns the number of actors that changed."""
        with write_connection(self.engine) as conn, conn.begin():
            return canonical.reidentify(conn)

    # -- failures and totals ----------------------------------------------------------------------

    def failures(self, *, offset: int = 0, limit: int = 100) -> ResultPage[FailureRecord]:
        limit, offset = _page_args(limit, offset)
        with self.engine.connect() as conn:
            return articles.failures(conn, offset=offset, limit=limit)

    def stats(self) -> dict[str, int]:
        """Row counts; ``sightings`` counts exact copies (other sources of a stored article)."""
        with self.engine.connect() as conn:
            return articles.stats(conn)


def _edit_record(e: canonical.Edit) -> ActorEdit:
    return ActorEdit(id=e.id, action=cast(Any, e.action), key=e.key, into=e.into, name=e.name_norm,
                     scope=e.scope, note=e.note, created_at=e.created_at)


def open_store(url: str | None = None, *, schema: str | None = None, create: bool = True) -> Store:
    """Open (migrating) the store at ``url``: a path, ``sqlite:///path`` or ``postgresql://…``;
    default ``$SAIDWHAT_DB``, else the user's data dir (the one folder made when missing).

    ``create=True`` makes a new store when there is none (in an existing folder); ``create=False``
    (for reading) raises ``StoreError`` instead."""
    builtin = not url and not os.environ.get("SAIDWHAT_DB")
    return Store(url or default_store_url(), schema=schema, create=create, make_folder=builtin)
