"""Reading stored articles: one article whole, listings, export, and what ingest already has.

An article is read back exactly as analysed (its JSON is stored whole), with its copies.
``known_sources``/``known_urls`` let ingest skip documents stored before without analysing them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from sqlalchemy import Connection, Engine, func, select

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.copies import article_copies
from saidwhat.store.keys import url_key
from saidwhat.store.results import ArticleSummary, FailureRecord, ResultPage, StoredArticle
from saidwhat.store.search import date_conds

__all__ = [
    "failures",
    "get_article",
    "iter_articles",
    "known_sources",
    "known_urls",
    "list_articles",
    "stats",
]

#: how many values go into one ``IN (…)`` list
_CHUNK = 500


def get_article(conn: Connection, article_id: int) -> StoredArticle | None:
    a = t.articles.c
    row = conn.execute(select(a.analysis, a.ingested_at).where(a.id == article_id)).first()
    if row is None:
        return None
    ac = t.actors.c
    keys = {r.local_id: r.actor_key for r in conn.execute(
        select(ac.local_id, ac.actor_key).where(ac.article_id == article_id))}
    return StoredArticle(id=article_id, article=AnalyzedArticle.model_validate_json(row.analysis),
                         copies=article_copies(conn, article_id), ingested_at=row.ingested_at,
                         actor_keys=keys)


def list_articles(conn: Connection, *, outlet: str | None, since: str | None, until: str | None,
                  offset: int, limit: int) -> ResultPage[ArticleSummary]:
    """Articles, newest first (undated last)."""
    a = t.articles.c
    conds = date_conds(since, until)
    if outlet:
        conds.append(func.lower(a.outlet) == outlet.lower())
    total = conn.execute(select(func.count()).select_from(t.articles).where(*conds)).scalar_one()
    rows = conn.execute(select(a.id, a.title, a.outlet, a.published, a.url, a.n_quotes, a.n_actors)
                        .where(*conds).order_by(a.published.desc().nulls_last(), a.id.desc())
                        .offset(offset).limit(limit)).all()
    items = [ArticleSummary(id=r.id, title=r.title, outlet=r.outlet, published=r.published, url=r.url,
                            n_quotes=r.n_quotes, n_actors=r.n_actors) for r in rows]
    return ResultPage[ArticleSummary](items=items, total=int(total), offset=offset, limit=limit)


def iter_articles(engine: Engine, batch: int = 200) -> Iterator[tuple[int, AnalyzedArticle]]:
    """Every stored article in id order (for export), one short read per batch."""
    a = t.articles.c
    last = 0
    while True:
        with engine.connect() as conn:
            rows = conn.execute(select(a.id, a.analysis).where(a.id > last).order_by(a.id).limit(batch)).all()
        if not rows:
            return
        for r in rows:
            yield int(r.id), AnalyzedArticle.model_validate_json(r.analysis)
        last = int(rows[-1].id)


def known_sources(conn: Connection, sources: Sequence[str]) -> dict[str, str | None]:
    """Of these sources (as named at ingest), the stored ones (an article's own source or a
    recorded copy of it) with their published date."""
    out: dict[str, str | None] = {}
    sg, a = t.sightings.c, t.articles.c
    for i in range(0, len(sources), _CHUNK):
        chunk = list(sources[i : i + _CHUNK])
        for src, pub in conn.execute(select(sg.source, sg.published).where(sg.source.in_(chunk))):
            out.setdefault(src, pub)
        for src, pub in conn.execute(select(a.source, a.published).where(a.source.in_(chunk))):
            out[src] = pub
    return out


def known_urls(conn: Connection, urls: Sequence[str]) -> dict[str, str | None]:
    """Of these URLs, the ones stored (by canonical URL) with their published date."""
    keys = {key: u for u in urls if (key := url_key(u))}
    out: dict[str, str | None] = {}
    sg, a = t.sightings.c, t.articles.c
    items = list(keys)
    for i in range(0, len(items), _CHUNK):
        chunk = items[i : i + _CHUNK]
        for key, pub in conn.execute(select(sg.url_key, sg.published).where(sg.url_key.in_(chunk))):
            out.setdefault(keys[key], pub)
        for key, pub in conn.execute(select(a.url_key, a.published).where(a.url_key.in_(chunk))):
            out[keys[key]] = pub
    return out


def failures(conn: Connection, *, offset: int, limit: int) -> ResultPage[FailureRecord]:
    """Documents that could not be ingested, latest first."""
    f = t.failures.c
    total = conn.execute(select(func.count()).select_from(t.failures)).scalar_one()
    rows = conn.execute(select(f.source, f.code, f.message, f.at).order_by(f.id.desc())
                        .offset(offset).limit(limit)).all()
    items = [FailureRecord(source=r.source, code=r.code, message=r.message, at=r.at) for r in rows]
    return ResultPage[FailureRecord](items=items, total=int(total), offset=offset, limit=limit)


def stats(conn: Connection) -> dict[str, int]:
    """Row counts; ``sightings`` counts exact copies (other sources of a stored article)."""
    tables = {"articles": t.articles, "quotes": t.quotes, "actors": t.canonical_actors,
              "failures": t.failures, "copy_links": t.copy_links}
    out = {name: int(conn.execute(select(func.count()).select_from(tbl)).scalar_one())
           for name, tbl in tables.items()}
    out["sightings"] = int(conn.execute(select(func.count()).select_from(t.sightings)
                                        .where(t.sightings.c.is_primary.is_(False))).scalar_one())
    return out
