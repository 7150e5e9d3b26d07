"""The ``Store``: write analysed articles once, query quotes, actors and reactions across them.

Every write of an article (its row, actors, quotes, stances, reactions, LSH bands and copy links)
is one transaction, so a process killed at any moment leaves either the whole article or nothing.
Identity is the canonical URL and the normalised-text hash, both UNIQUE in the database: storing
the same article twice, even from two processes at once, yields ``status="duplicate"``.

All SQL is built with SQLAlchemy expressions and bound parameters; user text (search queries,
names, article text) only ever travels as a parameter. Full-text search uses SQLite FTS5 (the
query is rewritten into quoted tokens, so FTS5 syntax in the input has no effect) or PostgreSQL
``websearch_to_tsquery`` over a generated tsvector column with a GIN index.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Self, cast
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    Table,
    Text,
    create_engine,
    delete,
    event,
    exists,
    func,
    insert,
    literal_column,
    or_,
    select,
    tuple_,
    update,
)
from sqlalchemy.exc import IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.sql import ColumnElement, Select

from saidwhat.dates import parse_date_filter
from saidwhat.errors import ConfigError, SaidwhatError, StoreError, require_extra
from saidwhat.schema import STANCE_LABELS, AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.dedup import compare, fingerprint, shingles, text_hash
from saidwhat.store.keys import actor_key, like_pattern, norm_name, norm_target, url_key
from saidwhat.store.results import (
    ActorDetail,
    ActorSummary,
    AddResult,
    ArticleSummary,
    CopyLink,
    FailureRecord,
    QuoteHit,
    ReactionRow,
    ResultPage,
    StanceCounts,
    StancePoint,
    StoredArticle,
)

__all__ = ["Store", "default_store_url", "fts5_query", "open_store", "sighting_key"]

log = logging.getLogger(__name__)

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_MAX_LIMIT = 1000
#: copy candidates: all are verified when there are at most FEW, never more than MAX
FEW_CANDIDATES = 50
MAX_CANDIDATES = 500

# The FTS5 table is not part of ``tables.metadata`` (SQLAlchemy cannot create virtual tables).
_fts = Table("quotes_fts", MetaData(), Column("rowid", Integer, primary_key=True), Column("text", Text))


def default_store_url() -> str:
    """``$SAIDWHAT_DB``, else ``saidwhat/saidwhat.sqlite`` in the user's data dir."""
    env = os.environ.get("SAIDWHAT_DB")
    if env:
        return env
    import platformdirs

    return str(Path(platformdirs.user_data_dir("saidwhat")) / "saidwhat.sqlite")


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    return parse_date_filter(value, name)


def fts5_query(text: str) -> str | None:
    """Rewrite free text into a safe FTS5 query: phrases in double quotes stay phrases, every
    other word becomes a quoted token; all terms must match. None when nothing is searchable."""
    parts: list[str] = []
    for match in re.finditer(r'"([^"]*)"|([^"\s]+)', text):
        words = re.findall(r"\w+", match.group(1) if match.group(1) is not None else match.group(2))
        if not words:
            continue
        parts.append('"' + " ".join(words) + '"')
    return " ".join(parts) if parts else None


def sighting_key(source: str | None, ukey: str | None) -> str:
    """What makes a source distinct: its canonical URL, else its name (two files with one text are
    two sources; the same URL fetched twice is one)."""
    if ukey:
        return "url:" + ukey
    if source:
        return "src:" + _source_key(source)
    return "none"


def _parse_url(url: str) -> tuple[str, str | None]:
    """SQLAlchemy URL and PostgreSQL schema (from a ``?schema=`` parameter) for a store URL."""
    if url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        parts = urlsplit(url)
        query = parse_qsl(parts.query, keep_blank_values=True)
        schema = next((v for k, v in query if k == "schema"), None)
        rest = urlencode([(k, v) for k, v in query if k != "schema"])
        require_extra("psycopg", "postgres", "--db postgresql://…")
        scheme = "postgresql+psycopg"
        return urlunsplit((scheme, parts.netloc, parts.path, rest, parts.fragment)), schema
    if url.startswith("sqlite:"):
        return url, None
    if "://" in url:
        raise ConfigError(f"unsupported store URL {url!r}: use a file path, sqlite:///PATH or postgresql://…")
    path = Path(url).expanduser()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path.resolve()}", None


class Store:
    """An open store (created and migrated on open). Use as a context manager or ``close()``.

    ``schema`` (PostgreSQL only) keeps the tables in their own schema, e.g. one per test.
    """

    def __init__(self, url: str, *, schema: str | None = None, migrate: bool = True) -> None:
        self.url = url
        sa_url, url_schema = _parse_url(url)
        self.schema = schema or url_schema
        if self.schema is not None and not _SCHEMA_NAME.match(self.schema):
            raise ConfigError(f"bad schema name {self.schema!r}: use lower-case letters, digits, _")
        try:
            if sa_url.startswith("sqlite"):
                self.engine: Engine = create_engine(sa_url, connect_args={"timeout": 60})
                _sqlite_events(self.engine)
            else:
                self.engine = create_engine(sa_url, pool_pre_ping=True)
                if self.schema:
                    _pg_schema_events(self.engine, self.schema)
            self.dialect = self.engine.dialect.name
            if migrate:
                self._migrate()
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open the store: {exc}", input=_redact(url)) from exc

    # -- lifecycle -------------------------------------------------------------------------

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def _migrate(self) -> None:
        """Bring the schema to the latest Alembic revision (the scripts ship in the package)."""
        from alembic import command
        from alembic.config import Config
        from alembic.runtime.migration import MigrationContext
        from alembic.script import ScriptDirectory

        cfg = Config()
        cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
        head = ScriptDirectory.from_config(cfg).get_current_head()
        if self.dialect == "postgresql" and self.schema:
            with self.engine.begin() as conn:
                conn.exec_driver_sql(f'CREATE SCHEMA IF NOT EXISTS "{self.schema}"')  # validated name
        with self.engine.connect() as conn:
            if MigrationContext.configure(conn).get_current_revision() == head:
                return
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                # Two processes opening a fresh store at once must not both create the tables.
                conn.execute(select(func.pg_advisory_xact_lock(72417)))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def _write(self) -> Any:
        """A connection whose transaction takes the write lock at BEGIN (SQLite: BEGIN IMMEDIATE)."""
        conn = self.engine.connect()
        conn.execution_options(saidwhat_write=True)
        return conn

    # -- writing ---------------------------------------------------------------------------

    def add_article(self, analyzed: AnalyzedArticle, *, html: str | None = None) -> AddResult:
        """Store the article whole in one transaction, or report the stored one it duplicates.

        A duplicate read from a source the article has not been seen at yet (another file or URL
        with the same normalised text) is recorded as a sighting, i.e. an exact copy; the same
        source again adds nothing."""
        if not analyzed.text.strip():
            raise StoreError("an article without text cannot be stored", input=analyzed.source)
        digest = text_hash(analyzed.text)
        ukey = url_key(analyzed.url)
        sh = shingles(analyzed.text)
        fp = fingerprint(sh)
        for attempt in range(5):
            try:
                with self._write() as conn, conn.begin():
                    dup = self._find_duplicate(conn, digest, ukey)
                    if dup is not None:
                        added = self._add_sighting(conn, dup, analyzed, ukey, primary=False)
                        return AddResult(article_id=dup, status="duplicate", duplicate_of=dup,
                                         sighting_added=added)
                    article_id = self._insert_article(conn, analyzed, html, digest, ukey)
                    self._add_sighting(conn, article_id, analyzed, ukey, primary=True)
                    self._link_copies(conn, article_id, fp.bands, sh)
                    return AddResult(article_id=article_id, status="stored", duplicate_of=None)
            except IntegrityError as exc:
                # Another writer stored the same article (or sighting) between our check and
                # insert: try again, which now finds it.
                if attempt < 4:
                    continue
                with self.engine.connect() as conn:
                    dup = self._find_duplicate(conn, digest, ukey)
                if dup is not None:
                    return AddResult(article_id=dup, status="duplicate", duplicate_of=dup)
                raise StoreError("could not store the article (integrity error)",
                                 input=analyzed.source) from exc
            except OperationalError as exc:
                if "locked" in str(exc).lower() and attempt < 4:
                    continue
                raise StoreError(f"could not store the article: {exc.orig}", input=analyzed.source) from exc
        raise StoreError("could not store the article: the database stayed locked", input=analyzed.source)

    @staticmethod
    def _add_sighting(conn: Connection, article_id: int, a: AnalyzedArticle, ukey: str | None, *,
                      primary: bool) -> bool:
        """Record ``a``'s source as a sighting of the stored article unless it is already one."""
        key = sighting_key(a.source, ukey)
        sg = t.sightings.c
        if not primary and conn.execute(select(sg.id).where(sg.article_id == article_id,
                                                            sg.source_key == key)).first() is not None:
            return False
        conn.execute(insert(t.sightings), {
            "article_id": article_id, "source_key": key, "source": a.source, "url": a.url, "url_key": ukey,
            "outlet": a.outlet, "published": (a.published or "")[:10] or None, "title": a.title,
            "is_primary": primary, "seen_at": _now()})
        return True

    @staticmethod
    def _find_duplicate(conn: Connection, digest: str, ukey: str | None) -> int | None:
        cond: ColumnElement[bool] = t.articles.c.text_hash == digest
        if ukey is not None:
            cond = or_(cond, t.articles.c.url_key == ukey)
        row = conn.execute(select(t.articles.c.id).where(cond).order_by(t.articles.c.id).limit(1)).first()
        return int(row[0]) if row else None

    def _insert_article(self, conn: Connection, a: AnalyzedArticle, html: str | None, digest: str,  # noqa: C901 - split in issue 10 work
                        ukey: str | None) -> int:
        article_id = int(conn.execute(insert(t.articles).returning(t.articles.c.id), {
            "url": a.url, "url_key": ukey, "text_hash": digest, "source": a.source, "outlet": a.outlet,
            "published": (a.published or "")[:10] or None, "title": a.title, "language": a.language,
            "text": a.text, "analysis": a.model_dump_json(), "html": html, "n_quotes": len(a.quotes),
            "n_actors": len(a.actors), "ingested_at": _now(),
        }).scalar_one())
        if a.source:
            conn.execute(delete(t.failures).where(t.failures.c.source_key == _source_key(a.source)))

        # actors, merged into canonical actors across articles
        keys: dict[str, str] = {}
        names: dict[str, str] = {}
        for actor in a.actors:
            key = actor_key(actor.name, actor.kind)
            keys[actor.id] = key
            names[actor.id] = actor.name
            self._upsert_canonical(conn, key, actor.name, actor.kind, actor.affiliation,
                                   [actor.name, *actor.aliases])
        if a.actors:
            conn.execute(insert(t.actors), [{
                "article_id": article_id, "local_id": actor.id, "actor_key": keys[actor.id],
                "name": actor.name, "kind": actor.kind, "affiliation": actor.affiliation,
                "role": actor.role, "aliases": json.dumps(actor.aliases, ensure_ascii=False),
            } for actor in a.actors])

        # quotes (+ full-text rows on SQLite)
        quote_rows: dict[str, int] = {}
        if a.quotes:
            rows = []
            for q in a.quotes:
                speaker = names.get(q.speaker.actor or "") or (
                    " ".join(a.span_text(s) for s in q.speaker.mention) or None)
                rows.append({
                    "article_id": article_id, "quote_id": q.id, "kind": q.kind,
                    "text": q.text,
                    "cue": " ".join(a.span_text(s) for s in q.cue) or None,
                    "speaker": speaker, "actor_key": keys.get(q.speaker.actor or ""),
                    "confidence": q.confidence, "content": json.dumps(q.content),
                    "stance": json.dumps({k: v.label for k, v in q.stance.items()}, ensure_ascii=False),
                })
            ids = conn.execute(insert(t.quotes).returning(t.quotes.c.id, sort_by_parameter_order=True),
                               rows).scalars().all()
            for q, qid in zip(a.quotes, ids, strict=True):
                quote_rows[q.id] = int(qid)
            if self.dialect == "sqlite":
                conn.execute(insert(_fts), [{"rowid": int(qid), "text": r["text"]}
                                            for qid, r in zip(ids, rows, strict=True)])

        # targets and every name they go by
        for target in a.targets:
            tid = conn.execute(insert(t.targets).returning(t.targets.c.id), {
                "article_id": article_id, "name": target.name, "name_norm": norm_target(target.name),
                "proposed": target.proposed}).scalar_one()
            aliases = {norm_target(n) for n in [target.name, *target.aliases] if norm_target(n)}
            conn.execute(insert(t.target_names), [{"target_id": tid, "alias_norm": al,
                                                    "name_norm": norm_target(target.name)} for al in aliases])

        # stance evidence: per quote, per actor, per reaction
        stance_rows: list[dict[str, Any]] = []
        for q in a.quotes:
            for target_name, qs in q.stance.items():
                stance_rows.append({"article_id": article_id, "actor_key": keys.get(q.speaker.actor or ""),
                                    "target": target_name, "target_norm": norm_target(target_name),
                                    "origin": "quote", "quote_row": quote_rows[q.id], "label": qs.label,
                                    "score": qs.score})
        for actor in a.actors:
            for target_name, st in actor.stance.items():
                stance_rows.append({"article_id": article_id, "actor_key": keys[actor.id],
                                    "target": target_name, "target_norm": norm_target(target_name),
                                    "origin": "actor", "quote_row": None, "label": st.label,
                                    "score": st.score})
        for r in a.reactions:
            stance_rows.append({"article_id": article_id, "actor_key": keys.get(r.actor or ""),
                                "target": r.target, "target_norm": norm_target(r.target),
                                "origin": "reaction", "quote_row": None, "label": r.label, "score": r.score})
        if stance_rows:
            conn.execute(insert(t.stances), stance_rows)
        if a.reactions:
            conn.execute(insert(t.reactions), [{
                "article_id": article_id, "reaction_id": r.id, "actor_key": keys.get(r.actor or ""),
                "target": r.target, "target_norm": norm_target(r.target), "label": r.label, "score": r.score,
                "text": _reaction_text(a, r.cue, r.mention),
            } for r in a.reactions])
        return article_id

    def _upsert_canonical(self, conn: Connection, key: str, name: str, kind: str, affiliation: str | None,
                          aliases: list[str]) -> None:
        c = t.canonical_actors.c
        row = conn.execute(select(c.affiliation, c.search_names).where(c.key == key)).first()
        wanted = {norm_name(n) for n in aliases if norm_name(n)}
        if row is None:
            conn.execute(insert(t.canonical_actors), {
                "key": key, "name": name, "kind": kind, "affiliation": affiliation,
                "search_names": "|" + "|".join(sorted(wanted)) + "|"})
            return
        have = set(filter(None, (row.search_names or "").split("|")))
        values: dict[str, Any] = {}
        if not (wanted <= have):
            values["search_names"] = "|" + "|".join(sorted(have | wanted)) + "|"
        if row.affiliation is None and affiliation:
            values["affiliation"] = affiliation
        if values:
            conn.execute(update(t.canonical_actors).where(c.key == key).values(**values))

    def _link_copies(self, conn: Connection, article_id: int, bands: list[tuple[int, int]],
                     sh: set[bytes]) -> None:
        """Store this article's LSH bands; verify every article sharing a band and link copies."""
        b = t.lsh_bands.c
        if not sh:
            return
        shared = func.count().label("shared")
        rows = conn.execute(select(b.article_id, shared).where(
            tuple_(b.bucket, b.band).in_([(bucket, band) for band, bucket in bands]),
            b.article_id != article_id)
            .group_by(b.article_id).order_by(shared.desc()).limit(MAX_CANDIDATES)).all()
        # In a large store unrelated articles share a single band now and then (about 1 in 60 at
        # Jaccard 0.02); then only candidates sharing two or more bands are verified (a pair at
        # Jaccard 0.3 shares >= 2 of the 40 bands with probability 0.88, at 0.4 with 0.99).
        found = [r.article_id for r in rows if len(rows) <= FEW_CANDIDATES or r.shared >= 2]
        conn.execute(insert(t.lsh_bands), [{"article_id": article_id, "band": band, "bucket": bucket}
                                           for band, bucket in bands])
        if not found:
            return
        texts = conn.execute(select(t.articles.c.id, t.articles.c.text).where(t.articles.c.id.in_(found)))
        links = []
        for other_id, other_text in texts:
            kind, sim = compare(sh, shingles(other_text))
            if kind is not None:
                a, b2 = sorted((int(other_id), article_id))
                links.append({"article_a": a, "article_b": b2, "kind": kind, "similarity": sim})
        if links:
            conn.execute(insert(t.copy_links), links)

    def record_failure(self, source: str, error: SaidwhatError) -> None:
        """Keep the latest failure of each source (re-running a source replaces its entry)."""
        key = _source_key(source)
        try:
            with self._write() as conn, conn.begin():
                conn.execute(delete(t.failures).where(t.failures.c.source_key == key))
                conn.execute(insert(t.failures), {"source": source, "source_key": key, "code": error.code,
                                                  "message": error.message[:2000], "at": _now()})
        except SQLAlchemyError as exc:
            raise StoreError(f"could not record a failure: {exc}", input=source) from exc

    # -- lookups used by ingest ---------------------------------------------------------------

    def known_sources(self, sources: Sequence[str]) -> dict[str, str | None]:
        """Of these sources (as named at ingest), the stored ones (an article's own source or a
        recorded copy of it) with their published date."""
        out: dict[str, str | None] = {}
        sg = t.sightings.c
        with self.engine.connect() as conn:
            for i in range(0, len(sources), 500):
                chunk = list(sources[i : i + 500])
                for src, pub in conn.execute(select(sg.source, sg.published).where(sg.source.in_(chunk))):
                    out.setdefault(src, pub)
                for src, pub in conn.execute(select(t.articles.c.source, t.articles.c.published)
                                             .where(t.articles.c.source.in_(chunk))):
                    out[src] = pub
        return out

    def known_urls(self, urls: Sequence[str]) -> dict[str, str | None]:
        """Of these URLs, the ones stored (by canonical URL) with their published date."""
        keys = {url_key(u): u for u in urls if url_key(u)}
        out: dict[str, str | None] = {}
        with self.engine.connect() as conn:
            items = list(keys)
            for i in range(0, len(items), 500):
                chunk = items[i : i + 500]
                for key, pub in conn.execute(select(t.sightings.c.url_key, t.sightings.c.published)
                                             .where(t.sightings.c.url_key.in_(chunk))):
                    out.setdefault(keys[key], pub)
                for key, pub in conn.execute(select(t.articles.c.url_key, t.articles.c.published)
                                             .where(t.articles.c.url_key.in_(chunk))):
                    out[keys[key]] = pub
        return out

    # -- reading ---------------------------------------------------------------------------------

    def get_article(self, article_id: int) -> StoredArticle | None:
        a = t.articles.c
        with self.engine.connect() as conn:
            row = conn.execute(select(a.analysis, a.ingested_at).where(a.id == article_id)).first()
            if row is None:
                return None
            copies = self._copies(conn, article_id)
        return StoredArticle(id=article_id, article=AnalyzedArticle.model_validate_json(row.analysis),
                             copies=copies, ingested_at=row.ingested_at)

    def copies(self, article_id: int) -> list[CopyLink]:
        """The article's copies: its other sources (exact copies of the same text, ``article_id``
        being the article itself, ``source`` set) and linked stored articles, most similar first."""
        with self.engine.connect() as conn:
            return self._copies(conn, article_id)

    @staticmethod
    def _copies(conn: Connection, article_id: int) -> list[CopyLink]:
        links = t.copy_links.c
        other = t.articles.alias("other")
        copies = []
        for side, far in ((links.article_a, links.article_b), (links.article_b, links.article_a)):
            q = (select(far, links.kind, links.similarity, other.c.title, other.c.outlet, other.c.url,
                        other.c.source, other.c.published, other.c.ingested_at)
                 .join(other, other.c.id == far).where(side == article_id))
            for r in conn.execute(q):
                copies.append(CopyLink(article_id=int(r[0]), kind=r.kind, similarity=r.similarity,
                                       title=r.title, outlet=r.outlet, url=r.url, source=r.source,
                                       published=r.published, seen_at=r.ingested_at))
        sg = t.sightings.c
        for c in conn.execute(select(sg.source, sg.url, sg.outlet, sg.published, sg.title, sg.seen_at)
                              .where(sg.article_id == article_id, sg.is_primary.is_(False)).order_by(sg.id)):
            copies.append(CopyLink(article_id=article_id, kind="exact", similarity=1.0, title=c.title,
                                   outlet=c.outlet, url=c.url, source=c.source, published=c.published,
                                   seen_at=c.seen_at))
        copies.sort(key=lambda c: (-c.similarity, c.article_id != article_id, c.article_id))
        return copies

    def list_articles(self, *, outlet: str | None = None, since: str | None = None, until: str | None = None,
                      offset: int = 0, limit: int = 20) -> ResultPage[ArticleSummary]:
        a = t.articles.c
        conds = self._date_conds(since, until)
        if outlet:
            conds.append(func.lower(a.outlet) == outlet.lower())
        limit, offset = _page_args(limit, offset)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(t.articles).where(*conds)).scalar_one()
            rows = conn.execute(select(a.id, a.title, a.outlet, a.published, a.url, a.n_quotes, a.n_actors)
                                .where(*conds).order_by(a.published.desc().nulls_last(), a.id.desc())
                                .offset(offset).limit(limit)).all()
        items = [ArticleSummary(id=r.id, title=r.title, outlet=r.outlet, published=r.published, url=r.url,
                                n_quotes=r.n_quotes, n_actors=r.n_actors) for r in rows]
        return ResultPage[ArticleSummary](items=items, total=int(total), offset=offset, limit=limit)

    def iter_articles(self, batch: int = 200) -> Iterator[tuple[int, AnalyzedArticle]]:
        """Every stored article in id order (for export), read in batches."""
        a = t.articles.c
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(select(a.id, a.analysis).where(a.id > last).order_by(a.id)
                                    .limit(batch)).all()
            if not rows:
                return
            for r in rows:
                yield int(r.id), AnalyzedArticle.model_validate_json(r.analysis)
            last = int(rows[-1].id)

    def iter_quotes(self, batch: int = 1000) -> Iterator[QuoteHit]:
        """Every stored quote in id order (for export)."""
        last = 0
        while True:
            stmt = self._quote_select().where(t.quotes.c.id > last).order_by(t.quotes.c.id).limit(batch)
            with self.engine.connect() as conn:
                rows = conn.execute(stmt).all()
            if not rows:
                return
            yield from (self._hit(r) for r in rows)
            last = int(rows[-1].row_id)

    # search

    def _date_conds(self, since: str | None, until: str | None) -> list[ColumnElement[bool]]:
        a = t.articles.c
        conds: list[ColumnElement[bool]] = []
        if _check_date(since, "since"):
            conds.append(a.published >= since)
        if _check_date(until, "until"):
            # inclusive, also for a partial date: until 2016-03 includes every day of March
            conds.append(func.substr(a.published, 1, len(cast(str, until))) <= until)
        return conds

    def _target_norms(self, conn: Connection, target: str) -> list[str]:
        """Every canonical target name that ``target`` names (by name or alias, case-insensitive)."""
        norm = norm_target(target)
        tn = t.target_names.c
        found = conn.execute(select(tn.name_norm).distinct().where(tn.alias_norm == norm)).scalars().all()
        return sorted({norm, *found})

    @staticmethod
    def _actor_keys_select(actor: str) -> Select[Any]:
        ca = t.canonical_actors.c
        return select(ca.key).where(or_(ca.key == actor,
                                        ca.search_names.like(like_pattern(norm_name(actor)), escape="\\")))

    def _quote_select(self) -> Select[Any]:
        q, a, ca = t.quotes.c, t.articles.c, t.canonical_actors.c
        return (select(q.id.label("row_id"), q.article_id, q.quote_id, q.kind, q.text, q.speaker, q.actor_key,
                       q.cue, q.content, q.stance, ca.name.label("actor_name"), a.outlet, a.published,
                       a.title, a.url)
                .select_from(t.quotes.join(t.articles, a.id == q.article_id)
                             .outerjoin(t.canonical_actors, ca.key == q.actor_key)))

    def _filters(self, conn: Connection, stmt: Select[Any], text: str | None, actor: str | None,
                 outlet: str | None, since: str | None, until: str | None, target: str | None,
                 stance: str | None, actor_key_exact: str | None = None) -> tuple[Select[Any], Any] | None:
        """Apply the filters; returns (statement, rank expression) or None when nothing can match."""
        q, a = t.quotes.c, t.articles.c
        conds = self._date_conds(since, until)
        if outlet:
            conds.append(func.lower(a.outlet) == outlet.lower())
        if actor:
            conds.append(q.actor_key.in_(self._actor_keys_select(actor)))
        if actor_key_exact:
            conds.append(q.actor_key == actor_key_exact)
        if stance is not None and stance not in STANCE_LABELS:
            raise ConfigError(f"stance must be one of {', '.join(STANCE_LABELS)}, got {stance!r}")
        if target or stance:
            s = t.stances.c
            sconds: list[ColumnElement[bool]] = [s.quote_row == q.id, s.origin == "quote"]
            if target:
                sconds.append(s.target_norm.in_(self._target_norms(conn, target)))
            if stance:
                sconds.append(s.label == stance)
            conds.append(exists().where(*sconds))
        rank: Any = literal_column("0.0")
        if text and text.strip():
            if self.dialect == "sqlite":
                query = fts5_query(text)
                if query is None:
                    return None
                stmt = stmt.join(_fts, _fts.c.rowid == q.id)
                conds.append(literal_column("quotes_fts").op("MATCH")(query))
                rank = -func.bm25(literal_column("quotes_fts"))
            else:
                tsv: Any = literal_column("quotes.tsv")
                tsq = func.websearch_to_tsquery("english", text)
                conds.append(tsv.op("@@")(tsq))
                rank = func.ts_rank(tsv, tsq)
        return stmt.where(*conds), rank

    def search_quotes(self, text: str | None = None, *, actor: str | None = None, outlet: str | None = None,
                      since: str | None = None, until: str | None = None, target: str | None = None,
                      stance: str | None = None, offset: int = 0, limit: int = 20,
                      actor_key: str | None = None) -> ResultPage[QuoteHit]:
        """Quotes matching the full-text query and filters, best match first (else newest first).

        ``actor`` matches an actor key exactly or any of its names (case-insensitive substring);
        ``actor_key`` matches one canonical actor only.
        """
        limit, offset = _page_args(limit, offset)
        try:
            with self.engine.connect() as conn:
                built = self._filters(conn, self._quote_select(), text, actor, outlet, since, until, target,
                                      stance, actor_key)
                if built is None:
                    return ResultPage[QuoteHit](items=[], total=0, offset=offset, limit=limit)
                stmt, rank = built
                total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
                if text and text.strip():
                    stmt = stmt.add_columns(rank.label("rank")).order_by(rank.desc(), t.quotes.c.id)
                else:
                    stmt = stmt.add_columns(rank.label("rank")).order_by(
                        t.articles.c.published.desc().nulls_last(), t.quotes.c.id.desc())
                rows = conn.execute(stmt.offset(offset).limit(limit)).all()
        except OperationalError as exc:
            raise StoreError(f"search failed: {exc.orig}") from exc
        return ResultPage[QuoteHit](items=[self._hit(r) for r in rows], total=int(total), offset=offset,
                                    limit=limit)

    @staticmethod
    def _hit(r: Any) -> QuoteHit:
        return QuoteHit(article_id=int(r.article_id), quote_id=r.quote_id, kind=r.kind, text=r.text,
                        speaker=r.actor_name or r.speaker, actor_key=r.actor_key, cue=r.cue, outlet=r.outlet,
                        published=r.published, title=r.title, url=r.url,
                        content=[tuple(s) for s in json.loads(r.content)], stance=json.loads(r.stance),
                        rank=float(getattr(r, "rank", 0.0) or 0.0))

    def facets(self, text: str | None = None, *, actor: str | None = None, outlet: str | None = None,
               since: str | None = None, until: str | None = None, target: str | None = None,
               stance: str | None = None, size: int = 20) -> dict[str, list[tuple[str, int]]]:
        """Counts of the matching quotes by actor (display name), outlet, target and stance label."""
        out: dict[str, list[tuple[str, int]]] = {"actor": [], "outlet": [], "target": [], "stance": []}
        q, a, ca, s = t.quotes.c, t.articles.c, t.canonical_actors.c, t.stances.c
        base = select(q.id).select_from(t.quotes.join(t.articles, a.id == q.article_id))
        with self.engine.connect() as conn:
            built = self._filters(conn, base, text, actor, outlet, since, until, target, stance)
            if built is None:
                return out
            ids = built[0].subquery()
            n = func.count().label("n")
            queries = {
                "actor": select(ca.name, n)
                .select_from(t.quotes.join(t.canonical_actors, ca.key == q.actor_key))
                .where(q.id.in_(select(ids.c.id))).group_by(ca.name),
                "outlet": select(a.outlet, n).select_from(t.quotes.join(t.articles, a.id == q.article_id))
                .where(q.id.in_(select(ids.c.id)), a.outlet.is_not(None)).group_by(a.outlet),
                "target": select(func.min(s.target), n)
                .where(s.origin == "quote", s.quote_row.in_(select(ids.c.id)))
                .group_by(s.target_norm),
                "stance": select(s.label, n).where(s.origin == "quote", s.quote_row.in_(select(ids.c.id)))
                .group_by(s.label),
            }
            for name, stmt in queries.items():
                rows = conn.execute(stmt.order_by(n.desc()).limit(size)).all()
                out[name] = [(str(r[0]), int(r[1])) for r in rows]
        return out

    # actors

    def _actor_stats(self, conn: Connection, keys: Sequence[str]) -> dict[str, tuple[int, int, list[str]]]:
        """n_quotes, n_articles and outlets of each canonical actor."""
        q, ac = t.quotes.c, t.actors.c
        nq: dict[str, int] = {k: n for k, n in conn.execute(
            select(q.actor_key, func.count()).where(q.actor_key.in_(keys)).group_by(q.actor_key))}
        na: dict[str, int] = {k: n for k, n in conn.execute(
            select(ac.actor_key, func.count(ac.article_id.distinct())).where(ac.actor_key.in_(keys))
            .group_by(ac.actor_key))}
        outlets: dict[str, list[str]] = defaultdict(list)
        sg = t.sightings.c  # every source of the article, its own and its exact copies
        for key, outlet in conn.execute(select(ac.actor_key, sg.outlet).distinct()
                                        .join(t.sightings, sg.article_id == ac.article_id)
                                        .where(ac.actor_key.in_(keys), sg.outlet.is_not(None))
                                        .order_by(sg.outlet)):
            outlets[key].append(outlet)
        return {k: (int(nq.get(k, 0)), int(na.get(k, 0)), outlets.get(k, [])) for k in keys}

    def list_actors(self, *, name: str | None = None, offset: int = 0,
                    limit: int = 20) -> ResultPage[ActorSummary]:
        """Canonical actors, most quoted first; ``name`` matches any of their names (substring)."""
        ca, q = t.canonical_actors.c, t.quotes.c
        limit, offset = _page_args(limit, offset)
        conds = []
        if name:
            conds.append(ca.search_names.like(like_pattern(norm_name(name)), escape="\\"))
        nq = (select(q.actor_key, func.count().label("n")).where(q.actor_key.is_not(None))
              .group_by(q.actor_key).subquery())
        stmt = (select(ca.key, ca.name, ca.kind, ca.affiliation, func.coalesce(nq.c.n, 0).label("n"))
                .select_from(t.canonical_actors.outerjoin(nq, nq.c.actor_key == ca.key)).where(*conds))
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(t.canonical_actors)
                                 .where(*conds)).scalar_one()
            rows = conn.execute(stmt.order_by(literal_column("n").desc(), ca.key).offset(offset)
                                .limit(limit)).all()
            stats = self._actor_stats(conn, [r.key for r in rows])
        items = [ActorSummary(key=r.key, name=r.name, kind=r.kind, affiliation=r.affiliation,
                              n_quotes=stats[r.key][0], n_articles=stats[r.key][1], outlets=stats[r.key][2])
                 for r in rows]
        return ResultPage[ActorSummary](items=items, total=int(total), offset=offset, limit=limit)

    def get_actor(self, key: str, *, n_quotes: int = 50) -> ActorDetail | None:
        ca, ac, s, a = t.canonical_actors.c, t.actors.c, t.stances.c, t.articles.c
        with self.engine.connect() as conn:
            row = conn.execute(select(ca.key, ca.name, ca.kind, ca.affiliation).where(ca.key == key)).first()
            if row is None:
                return None
            nq, na, outlets = self._actor_stats(conn, [key])[key]
            aliases: set[str] = set()
            for name, al in conn.execute(select(ac.name, ac.aliases).where(ac.actor_key == key)):
                aliases.add(name)
                aliases.update(json.loads(al))
            aliases.discard(row.name)
            stance: dict[str, StanceCounts] = {}
            over_time: Counter[tuple[str, str, str]] = Counter()
            display: dict[str, str] = {}
            for target, tnorm, label, published in conn.execute(
                    select(s.target, s.target_norm, s.label, a.published)
                    .join(t.articles, a.id == s.article_id)
                    .where(s.actor_key == key, s.origin.in_(("quote", "reaction")))):
                name = display.setdefault(tnorm, target)
                counts = stance.setdefault(name, StanceCounts())
                setattr(counts, label, getattr(counts, label) + 1)
                if published:
                    over_time[(published[:10], name, label)] += 1
        quotes = self.search_quotes(actor_key=key, limit=n_quotes).items
        return ActorDetail(key=row.key, name=row.name, kind=row.kind, affiliation=row.affiliation,
                           n_quotes=nq,
                           n_articles=na, outlets=outlets, aliases=sorted(aliases), stance=stance,
                           stance_over_time=[StancePoint(date=d, target=tg, label=cast(Any, lb), count=c)
                                             for (d, tg, lb), c in sorted(over_time.items())],
                           quotes=quotes)

    def reactions(self, target: str, *, since: str | None = None,
                  until: str | None = None) -> list[ReactionRow]:
        """One row per canonical actor with a stance toward ``target``, merged across articles.

        Counts are evidence items: each quote with a stance toward the target, each reaction; an
        actor-level stance counts once for an article only when that article has no such item.
        The row's stance aggregates per-article stances (see ``_article_vote``): an actor is
        support when more of its articles say support than oppose, oppose symmetrically; a tie
        is broken by the polar evidence counts, and stays neutral if those tie as well. Neutral
        only when nothing polar was found. The evidence is the highest-scoring quote with that
        label (else the reaction's sentence). Outlets include those of every exact copy.
        """
        s, a, ca, r = t.stances.c, t.articles.c, t.canonical_actors.c, t.reactions.c
        with self.engine.connect() as conn:
            norms = self._target_norms(conn, target)
            conds = [s.target_norm.in_(norms), s.actor_key.is_not(None), *self._date_conds(since, until)]
            rows = conn.execute(select(s.actor_key, s.article_id, s.origin, s.quote_row, s.label, s.score,
                                       a.published, a.outlet).join(t.articles, a.id == s.article_id)
                                .where(*conds)).all()
            by_actor: dict[str, list[Any]] = defaultdict(list)
            for row in rows:
                by_actor[row.actor_key].append(row)
            if not by_actor:
                return []
            meta = {m.key: m for m in conn.execute(select(ca.key, ca.name, ca.kind, ca.affiliation)
                                                   .where(ca.key.in_(list(by_actor))))}
            copy_outlets: dict[int, set[str]] = defaultdict(set)
            sg = t.sightings.c
            ids = sorted({int(row.article_id) for row in rows})
            for i in range(0, len(ids), 500):
                for aid, outlet in conn.execute(select(sg.article_id, sg.outlet).distinct().where(
                        sg.article_id.in_(ids[i : i + 500]), sg.outlet.is_not(None))):
                    copy_outlets[int(aid)].add(outlet)
            result: list[ReactionRow] = []
            for key, items in by_actor.items():
                with_evidence = {(i.article_id) for i in items if i.origin != "actor"}
                counted = [i for i in items if i.origin != "actor" or i.article_id not in with_evidence]
                counts = Counter(i.label for i in counted)
                per_article: dict[int, list[Any]] = defaultdict(list)
                for i in items:
                    per_article[int(i.article_id)].append(i)
                votes = Counter(_article_vote(its) for its in per_article.values())
                label = _across_articles(votes, counts)
                dates = sorted(i.published for i in items if i.published)
                best = sorted((i for i in counted if i.label == label and i.origin != "actor"),
                              key=lambda i: (i.origin != "quote", -i.score, i.article_id))
                evidence = None
                if best:
                    b = best[0]
                    if b.origin == "quote" and b.quote_row is not None:
                        hit = conn.execute(self._quote_select().where(t.quotes.c.id == b.quote_row)).first()
                        evidence = self._hit(hit) if hit is not None else None
                    else:
                        rrow = conn.execute(select(r.reaction_id, r.text, r.label, r.target).where(
                            r.article_id == b.article_id, r.actor_key == key, r.target_norm.in_(norms))
                            .order_by(r.score.desc())).first()
                        art = conn.execute(select(a.outlet, a.published, a.title, a.url)
                                           .where(a.id == b.article_id)).first()
                        if rrow is not None and art is not None:
                            evidence = QuoteHit(article_id=int(b.article_id), quote_id=rrow.reaction_id,
                                                kind="reaction", text=rrow.text, speaker=meta[key].name
                                                if key in meta else None, actor_key=key, outlet=art.outlet,
                                                published=art.published, title=art.title, url=art.url,
                                                stance={rrow.target: rrow.label})
                m = meta.get(key)
                result.append(ReactionRow(
                    actor_key=key, actor=m.name if m else key, affiliation=m.affiliation if m else None,
                    kind=m.kind if m else "anonymous", support=counts["support"], oppose=counts["oppose"],
                    neutral=counts["neutral"], stance=cast(Any, label),
                    first_seen=dates[0][:10] if dates else None,
                    outlets=sorted({i.outlet for i in items if i.outlet}
                                   | {o for i in items for o in copy_outlets.get(int(i.article_id), ())}),
                    evidence=evidence,
                    n_articles=len({i.article_id for i in items})))
        result.sort(key=lambda x: (-(x.support + x.oppose + x.neutral), x.actor.casefold()))
        return result

    # failures and totals

    def failures(self, *, offset: int = 0, limit: int = 100) -> ResultPage[FailureRecord]:
        f = t.failures.c
        limit, offset = _page_args(limit, offset)
        with self.engine.connect() as conn:
            total = conn.execute(select(func.count()).select_from(t.failures)).scalar_one()
            rows = conn.execute(select(f.source, f.code, f.message, f.at).order_by(f.id.desc())
                                .offset(offset).limit(limit)).all()
        return ResultPage[FailureRecord](items=[FailureRecord(source=r.source, code=r.code,
                                                              message=r.message, at=r.at)
                                                for r in rows], total=int(total), offset=offset, limit=limit)

    def stats(self) -> dict[str, int]:
        """Row counts; ``sightings`` counts exact copies (other sources of a stored article)."""
        tables = {"articles": t.articles, "quotes": t.quotes, "actors": t.canonical_actors,
                  "failures": t.failures, "copy_links": t.copy_links}
        with self.engine.connect() as conn:
            out = {name: int(conn.execute(select(func.count()).select_from(tbl)).scalar_one())
                   for name, tbl in tables.items()}
            out["sightings"] = int(conn.execute(select(func.count()).select_from(t.sightings)
                                                .where(t.sightings.c.is_primary.is_(False))).scalar_one())
        return out


def _polar_wins(labels: Sequence[str]) -> str:
    """Support when support outnumbers oppose, oppose symmetrically, else neutral."""
    sup, opp = labels.count("support"), labels.count("oppose")
    return "support" if sup > opp else "oppose" if opp > sup else "neutral"


def _article_vote(items: Sequence[Any]) -> str:
    """An actor's stance in one article: the analysis' actor-level stance and the reactions
    (stated without a quote), polar winning over neutral; only when the article has neither,
    the labels of its quotes."""
    own = [i.label for i in items if i.origin in ("actor", "reaction")]
    return _polar_wins(own or [i.label for i in items if i.origin == "quote"])


def _across_articles(votes: Counter[str], counts: Counter[str]) -> str:
    """Across articles: the polar label more articles vote for; on a tie, the one with more
    polar evidence items; still tied (or nothing polar): neutral, the schema having no "mixed"."""
    for c in (votes, counts):
        if c["support"] != c["oppose"]:
            return "support" if c["support"] > c["oppose"] else "oppose"
    return "neutral"


def _page_args(limit: int, offset: int) -> tuple[int, int]:
    return max(0, min(int(limit), _MAX_LIMIT)), max(0, int(offset))


def _source_key(source: str) -> str:
    return hashlib.sha256(source.encode("utf-8", "replace")).hexdigest()


def _reaction_text(a: AnalyzedArticle, cue: list[tuple[int, int]], mention: list[tuple[int, int]]) -> str:
    """The sentence-ish stretch of text covering a reaction's cue and mention."""
    spans = [*cue, *mention]
    if not spans:
        return ""
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    left = max(a.text.rfind(".", 0, start), a.text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (a.text.find(".", end), a.text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(a.text)
    if right - left > 600:
        left, right = start, end
    return a.text[left:right].strip()


def _redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@/]*@", r"//\1:***@", url)


def _sqlite_events(engine: Engine) -> None:
    """WAL, foreign keys, and write transactions that take the lock up front (no upgrade deadlock)."""

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # we issue BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=NORMAL")  # durable across process crashes in WAL mode
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=60000")
        cur.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get("saidwhat_write")
                             else "BEGIN")


def _pg_schema_events(engine: Engine, schema: str) -> None:
    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            cur.execute(f'SET search_path TO "{schema}"')  # schema name validated by _SCHEMA_NAME
        dbapi_conn.commit()


def open_store(url: str | None = None, *, schema: str | None = None) -> Store:
    """Open (creating and migrating) the store at ``url``: a path, ``sqlite:///path`` or ``postgresql://…``."""
    return Store(url or default_store_url(), schema=schema)

