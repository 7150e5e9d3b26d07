"""Quote search and facets: filters, full-text matching, result rows.

All SQL is built with SQLAlchemy expressions and bound parameters; user text (search queries,
names) only ever travels as a parameter. Full-text search uses SQLite FTS5 (the query is
rewritten into quoted tokens, so FTS5 syntax in the input has no effect) or PostgreSQL
``websearch_to_tsquery`` over a generated tsvector column with a GIN index.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, exists, func, literal_column, or_, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.sql import ColumnElement, Select

from saidwhat.dates import parse_date_filter
from saidwhat.errors import ConfigError, StoreError
from saidwhat.schema import STANCE_LABELS
from saidwhat.store import tables as t
from saidwhat.store.keys import like_pattern, norm_name
from saidwhat.store.results import QuoteHit, ResultPage
from saidwhat.store.targets import target_norms

__all__ = [
    "QuoteFilter",
    "date_conds",
    "facets",
    "fts5_query",
    "iter_quotes",
    "quote_hit",
    "quote_select",
    "search_quotes",
]

_FACETS = ("actor", "outlet", "target", "stance")


@dataclass(frozen=True)
class QuoteFilter:
    """What a quote search asks for; every field is optional and all given ones must hold.

    ``actor`` matches an actor key exactly or any of its names (case-insensitive substring);
    ``actor_key`` matches one canonical actor only.
    """

    text: str | None = None
    actor: str | None = None
    outlet: str | None = None
    since: str | None = None
    until: str | None = None
    target: str | None = None
    stance: str | None = None
    actor_key: str | None = None

    @property
    def has_text(self) -> bool:
        return bool(self.text and self.text.strip())


def _check_date(value: str | None, name: str) -> str | None:
    if value is None or value == "":
        return None
    return parse_date_filter(value, name)


def date_conds(since: str | None, until: str | None) -> list[ColumnElement[bool]]:
    """Conditions on the article's published date; ``until`` is inclusive, also for a partial date
    (until 2016-03 includes every day of March)."""
    a = t.articles.c
    conds: list[ColumnElement[bool]] = []
    since = _check_date(since, "since")
    until = _check_date(until, "until")
    if since:
        conds.append(a.published >= since)
    if until:
        conds.append(func.substr(a.published, 1, len(until)) <= until)
    return conds


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


def quote_select() -> Select[Any]:
    """The columns of a ``QuoteHit``: a quote with its article and canonical actor."""
    q, a, ca = t.quotes.c, t.articles.c, t.canonical_actors.c
    return (select(q.id.label("row_id"), q.article_id, q.quote_id, q.kind, q.text, q.speaker, q.actor_key,
                   q.cue, q.content, q.stance, q.trail_id, q.confidence, ca.name.label("actor_name"),
                   a.outlet, a.published, a.title, a.url)
            .select_from(t.quotes.join(t.articles, a.id == q.article_id)
                         .outerjoin(t.canonical_actors, ca.key == q.actor_key)))


def quote_hit(r: Any) -> QuoteHit:
    """A row of ``quote_select`` (plus an optional ``rank``) as a ``QuoteHit``."""
    return QuoteHit(article_id=int(r.article_id), quote_id=r.quote_id, kind=r.kind, text=r.text,
                    speaker=r.actor_name or r.speaker, actor_key=r.actor_key, cue=r.cue, outlet=r.outlet,
                    published=r.published, title=r.title, url=r.url,
                    content=[tuple(s) for s in json.loads(r.content)], stance=json.loads(r.stance),
                    trail_id=r.trail_id, confidence=r.confidence, rank=float(getattr(r, "rank", 0.0) or 0.0))


def _actor_keys_select(actor: str) -> Select[Any]:
    """Keys of the actors ``actor`` names: the key itself, or a name containing it. A filter with
    no letter or digit ("%", "...") names no one (it would match every name)."""
    ca = t.canonical_actors.c
    norm = norm_name(actor)
    if not norm:
        return select(ca.key).where(ca.key == actor)
    return select(ca.key).where(or_(ca.key == actor,
                                    ca.search_names.like(like_pattern(norm), escape="\\")))


def _stance_cond(conn: Connection, f: QuoteFilter) -> ColumnElement[bool]:
    """The quote has a stance evidence row toward ``f.target`` and/or with label ``f.stance``."""
    q, s = t.quotes.c, t.stances.c
    conds: list[ColumnElement[bool]] = [s.quote_row == q.id, s.origin == "quote"]
    if f.target:
        conds.append(s.target_norm.in_(target_norms(conn, f.target)))
    if f.stance:
        conds.append(s.label == f.stance)
    return exists().where(*conds)


def _filter_conds(conn: Connection, f: QuoteFilter) -> list[ColumnElement[bool]]:
    """Every condition of the filter but the full-text match."""
    q, a = t.quotes.c, t.articles.c
    if f.stance is not None and f.stance not in STANCE_LABELS:
        raise ConfigError(f"stance must be one of {', '.join(STANCE_LABELS)}, got {f.stance!r}")
    conds = date_conds(f.since, f.until)
    if f.outlet:
        conds.append(func.lower(a.outlet) == f.outlet.lower())
    if f.actor:
        conds.append(q.actor_key.in_(_actor_keys_select(f.actor)))
    if f.actor_key:
        conds.append(q.actor_key == f.actor_key)
    if f.target or f.stance:
        conds.append(_stance_cond(conn, f))
    return conds


def _text_match(conn: Connection, stmt: Select[Any], text: str) -> tuple[Select[Any], Any] | None:
    """``stmt`` restricted to quotes matching ``text``, and the rank expression (higher is better);
    None when the text has nothing searchable."""
    if conn.dialect.name == "sqlite":
        query = fts5_query(text)
        if query is None:
            return None
        fts: Any = literal_column("quotes_fts")
        stmt = stmt.join(t.quotes_fts, t.quotes_fts.c.rowid == t.quotes.c.id).where(fts.op("MATCH")(query))
        return stmt, -func.bm25(fts)
    tsv: Any = literal_column("quotes.tsv")
    tsq = func.websearch_to_tsquery("english", text)
    return stmt.where(tsv.op("@@")(tsq)), func.ts_rank(tsv, tsq)


def _filtered(conn: Connection, stmt: Select[Any], f: QuoteFilter) -> tuple[Select[Any], Any] | None:
    """Apply the filter; returns (statement, rank expression) or None when nothing can match."""
    stmt = stmt.where(*_filter_conds(conn, f))
    if f.has_text:
        return _text_match(conn, stmt, f.text or "")
    return stmt, literal_column("0.0")


def search_quotes(conn: Connection, f: QuoteFilter, *, offset: int, limit: int) -> ResultPage[QuoteHit]:
    """Quotes matching the filter, best match first (else newest first)."""
    try:
        built = _filtered(conn, quote_select(), f)
        if built is None:
            return ResultPage[QuoteHit](items=[], total=0, offset=offset, limit=limit)
        stmt, rank = built
        total = conn.execute(select(func.count()).select_from(stmt.subquery())).scalar_one()
        stmt = stmt.add_columns(rank.label("rank"))
        if f.has_text:
            stmt = stmt.order_by(rank.desc(), t.quotes.c.id)
        else:
            stmt = stmt.order_by(t.articles.c.published.desc().nulls_last(), t.quotes.c.id.desc())
        rows = conn.execute(stmt.offset(offset).limit(limit)).all()
    except OperationalError as exc:
        raise StoreError(f"search failed: {exc.orig}") from exc
    return ResultPage[QuoteHit](items=[quote_hit(r) for r in rows], total=int(total), offset=offset,
                                limit=limit)


def facets(conn: Connection, f: QuoteFilter, *, size: int) -> dict[str, list[tuple[str, int]]]:
    """Counts of the matching quotes by actor (display name), outlet, target and stance label."""
    out: dict[str, list[tuple[str, int]]] = {name: [] for name in _FACETS}
    q, a, ca, s = t.quotes.c, t.articles.c, t.canonical_actors.c, t.stances.c
    built = _filtered(conn, select(q.id).select_from(t.quotes.join(t.articles, a.id == q.article_id)), f)
    if built is None:
        return out
    ids = select(built[0].subquery().c.id)
    n = func.count().label("n")
    queries = {
        "actor": select(ca.name, n).select_from(t.quotes.join(t.canonical_actors, ca.key == q.actor_key))
        .where(q.id.in_(ids)).group_by(ca.name),
        "outlet": select(a.outlet, n).select_from(t.quotes.join(t.articles, a.id == q.article_id))
        .where(q.id.in_(ids), a.outlet.is_not(None)).group_by(a.outlet),
        "target": select(func.min(s.target), n).where(s.origin == "quote", s.quote_row.in_(ids))
        .group_by(s.target_norm),
        "stance": select(s.label, n).where(s.origin == "quote", s.quote_row.in_(ids)).group_by(s.label),
    }
    for name, stmt in queries.items():
        rows = conn.execute(stmt.order_by(n.desc()).limit(size)).all()
        out[name] = [(str(r[0]), int(r[1])) for r in rows]
    return out


def iter_quotes(engine: Engine, batch: int = 1000) -> Iterator[QuoteHit]:
    """Every stored quote in id order (for export), one short read per batch."""
    last = 0
    while True:
        stmt = quote_select().where(t.quotes.c.id > last).order_by(t.quotes.c.id).limit(batch)
        with engine.connect() as conn:
            rows = conn.execute(stmt).all()
        if not rows:
            return
        yield from (quote_hit(r) for r in rows)
        last = int(rows[-1].row_id)
