"""Writing: an analysed article whole in one transaction, and failures of documents.

Every write of an article (its row, actors, quotes and their trails, stances, reactions, LSH bands
and copy links)
is one transaction, so a process killed at any moment leaves either the whole article or nothing.
Identity is the canonical URL and the normalised-text hash, both UNIQUE in the database: storing
the same article twice, even from two processes at once, yields ``status="duplicate"``. A
duplicate read from a source the article has not been seen at yet is recorded as a sighting.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Engine, delete, insert, or_, select
from sqlalchemy.exc import DataError, IntegrityError, OperationalError, SQLAlchemyError
from sqlalchemy.sql import ColumnElement

from saidwhat.errors import SaidwhatError, StoreError
from saidwhat.sanitize import display_name, scrub_model
from saidwhat.schema import AnalyzedArticle, Span
from saidwhat.store import tables as t
from saidwhat.store.candidates import insert_candidates
from saidwhat.store.canonical import write_actors
from saidwhat.store.copies import link_copies
from saidwhat.store.dedup import fingerprint, shingles, text_hash
from saidwhat.store.engine import write_connection
from saidwhat.store.keys import norm_target, sighting_key, source_key, url_key
from saidwhat.store.results import AddResult
from saidwhat.store.rewrites import Text, word_bands
from saidwhat.store.speakers import detach_doubtful
from saidwhat.store.targets import insert_targets
from saidwhat.store.trails import assign_trails, recount_article

__all__ = ["add_article", "record_failure"]

#: a write is tried this many times when another writer holds the lock or wins a UNIQUE race
_ATTEMPTS = 5
#: a reaction's text is its sentence unless that is longer than this; then only cue to mention
_MAX_REACTION_TEXT = 600


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _date(published: str | None) -> str | None:
    return (published or "")[:10] or None


@dataclass(frozen=True)
class _Identity:
    """What identifies an article and finds its copies, computed before the write lock is taken."""

    digest: str
    ukey: str | None
    shingles: set[bytes]
    bands: list[tuple[int, int]]
    sentences: Text
    word_bands: list[tuple[int, int]]

    @classmethod
    def of(cls, a: AnalyzedArticle) -> _Identity:
        sh = shingles(a.text)
        sentences = Text.of(a.text)
        return cls(digest=text_hash(a.text), ukey=url_key(a.url), shingles=sh, bands=fingerprint(sh).bands,
                   sentences=sentences, word_bands=word_bands(sentences))


def add_article(engine: Engine, analyzed: AnalyzedArticle, *, html: str | None = None) -> AddResult:
    """Store the article whole in one transaction, or report the stored one it duplicates.

    A duplicate read from a source the article has not been seen at yet (another file or URL
    with the same normalised text) is recorded as a sighting, i.e. an exact copy; the same
    source again adds nothing."""
    if not analyzed.text.strip():
        raise StoreError("an article without text cannot be stored", input=analyzed.source)
    analyzed = scrub_model(analyzed)  # no NUL for PostgreSQL, no lone surrogate for either database
    analyzed = detach_doubtful(analyzed)  # quotes whose speaker the text contradicts (store.speakers)
    ident = _Identity.of(analyzed)
    for attempt in range(_ATTEMPTS):
        last = attempt == _ATTEMPTS - 1
        try:
            with write_connection(engine) as conn, conn.begin():
                return _add(conn, analyzed, html, ident)
        except IntegrityError as exc:
            # Another writer stored the same article (or sighting) between our check and
            # insert: try again, which now finds it.
            if not last:
                continue
            with engine.connect() as conn:
                dup = _find_duplicate(conn, ident.digest, ident.ukey)
            if dup is not None:
                return AddResult(article_id=dup, status="duplicate", duplicate_of=dup)
            raise StoreError("could not store the article (integrity error)", input=analyzed.source) from exc
        except DataError as exc:  # a value the database refuses: this article's failure, not the run's
            raise StoreError(f"could not store the article: {' '.join(str(exc.orig).split())[:300]}",
                             input=analyzed.source) from exc
        except OperationalError as exc:
            if "locked" in str(exc).lower() and not last:
                continue
            raise StoreError(f"could not store the article: {exc.orig}", input=analyzed.source) from exc
    raise StoreError("could not store the article: the database stayed locked", input=analyzed.source)


def _add(conn: Connection, a: AnalyzedArticle, html: str | None, ident: _Identity) -> AddResult:
    dup = _find_duplicate(conn, ident.digest, ident.ukey)
    if dup is not None:
        added = _add_sighting(conn, dup, a, ident.ukey, primary=False)
        if added:  # the copy carried every quote of the stored article: its trails count it
            recount_article(conn, dup)
        return AddResult(article_id=dup, status="duplicate", duplicate_of=dup, sighting_added=added)
    article_id = _insert_article(conn, a, html, ident.digest, ident.ukey)
    _add_sighting(conn, article_id, a, ident.ukey, primary=True)
    link_copies(conn, article_id, ident.bands, ident.shingles, ident.sentences, ident.word_bands)
    return AddResult(article_id=article_id, status="stored", duplicate_of=None)


def _find_duplicate(conn: Connection, digest: str, ukey: str | None) -> int | None:
    cond: ColumnElement[bool] = t.articles.c.text_hash == digest
    if ukey is not None:
        cond = or_(cond, t.articles.c.url_key == ukey)
    row = conn.execute(select(t.articles.c.id).where(cond).order_by(t.articles.c.id).limit(1)).first()
    return int(row[0]) if row else None


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
        "outlet": a.outlet, "published": _date(a.published), "title": a.title, "is_primary": primary,
        "seen_at": _now()})
    return True


def _insert_article(conn: Connection, a: AnalyzedArticle, html: str | None, digest: str,
                    ukey: str | None) -> int:
    """The article's row and every row derived from it; returns its id."""
    article_id = int(conn.execute(insert(t.articles).returning(t.articles.c.id), {
        "url": a.url, "url_key": ukey, "text_hash": digest, "source": a.source, "outlet": a.outlet,
        "published": _date(a.published), "title": a.title, "language": a.language,
        "text": a.text, "analysis": a.model_dump_json(), "html": html, "n_quotes": len(a.quotes),
        "n_actors": len(a.actors), "ingested_at": _now(),
    }).scalar_one())
    if a.source:
        conn.execute(delete(t.failures).where(t.failures.c.source_key == source_key(a.source)))
    keys = write_actors(conn, article_id, a)  # joined to canonical actors (saidwhat.store.identity)
    quote_rows = _insert_quotes(conn, article_id, a, keys)
    assign_trails(conn, article_id, a, quote_rows, keys)
    insert_targets(conn, article_id, a)
    _insert_stances(conn, article_id, a, keys, quote_rows)
    _insert_reactions(conn, article_id, a, keys)
    insert_candidates(conn, article_id, a, keys, quote_rows)
    return article_id


def _insert_quotes(conn: Connection, article_id: int, a: AnalyzedArticle,
                   keys: dict[str, str]) -> dict[str, int]:
    """The quotes (and their full-text rows on SQLite); returns quote id → row id."""
    if not a.quotes:
        return {}
    names = {actor.id: actor.name for actor in a.actors}
    rows = []
    for q in a.quotes:
        mention = " ".join(a.span_text(s) for s in q.speaker.mention)
        speaker = names.get(q.speaker.actor or "") or mention or None
        rows.append({
            "article_id": article_id, "quote_id": q.id, "kind": q.kind,
            "text": q.text,
            "cue": " ".join(a.span_text(s) for s in q.cue) or None,
            "speaker": speaker, "actor_key": keys.get(q.speaker.actor or ""), "local_actor": q.speaker.actor,
            "confidence": q.confidence, "content": json.dumps(q.content),
            "stance": json.dumps({k: v.label for k, v in q.stance.items()}, ensure_ascii=False),
        })
    returning = insert(t.quotes).returning(t.quotes.c.id, sort_by_parameter_order=True)
    ids = [int(i) for i in conn.execute(returning, rows).scalars().all()]
    if conn.dialect.name == "sqlite":
        conn.execute(insert(t.quotes_fts), [{"rowid": qid, "text": r["text"]}
                                            for qid, r in zip(ids, rows, strict=True)])
    return {q.id: qid for q, qid in zip(a.quotes, ids, strict=True)}


def _stance_row(article_id: int, actor: str | None, keys: dict[str, str], target: str, origin: str,
                quote_row: int | None, label: str, score: float) -> dict[str, Any]:
    """A stance evidence row of the article's actor ``actor`` (its id in the article, or None)."""
    return {"article_id": article_id, "actor_key": keys.get(actor or ""), "local_actor": actor,
            "target": target, "target_norm": norm_target(target), "origin": origin, "quote_row": quote_row,
            "label": label, "score": score}


def _insert_stances(conn: Connection, article_id: int, a: AnalyzedArticle, keys: dict[str, str],
                    quote_rows: dict[str, int]) -> None:
    """Stance evidence: per quote, per actor, per reaction."""
    rows = [_stance_row(article_id, q.speaker.actor, keys, target, "quote", quote_rows[q.id], qs.label,
                        qs.score)
            for q in a.quotes for target, qs in q.stance.items()]
    rows += [_stance_row(article_id, actor.id, keys, target, "actor", None, st.label, st.score)
             for actor in a.actors for target, st in actor.stance.items()]
    rows += [_stance_row(article_id, r.actor, keys, r.target, "reaction", None, r.label, r.score)
             for r in a.reactions]
    if rows:
        conn.execute(insert(t.stances), rows)


def _insert_reactions(conn: Connection, article_id: int, a: AnalyzedArticle, keys: dict[str, str]) -> None:
    if a.reactions:
        conn.execute(insert(t.reactions), [{
            "article_id": article_id, "reaction_id": r.id, "actor_key": keys.get(r.actor or ""),
            "local_actor": r.actor, "target": r.target, "target_norm": norm_target(r.target),
            "label": r.label, "score": r.score,
            "text": _reaction_text(a, r.cue, r.mention),
        } for r in a.reactions])


def _reaction_text(a: AnalyzedArticle, cue: list[Span], mention: list[Span]) -> str:
    """The sentence-ish stretch of text covering a reaction's cue and mention."""
    spans = [*cue, *mention]
    if not spans:
        return ""
    start, end = min(s[0] for s in spans), max(s[1] for s in spans)
    left = max(a.text.rfind(".", 0, start), a.text.rfind("\n", 0, start)) + 1
    right_candidates = [i for i in (a.text.find(".", end), a.text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(a.text)
    if right - left > _MAX_REACTION_TEXT:
        left, right = start, end
    return a.text[left:right].strip()


def record_failure(engine: Engine, source: str, error: SaidwhatError) -> None:
    """Keep the latest failure of each source (re-running a source replaces its entry). Any name a
    run meets can be recorded: NUL, bytes that are not UTF-8 and controls are shown escaped."""
    source = display_name(source)
    key = source_key(source)
    message = display_name(error.message[:2000])
    try:
        with write_connection(engine) as conn, conn.begin():
            conn.execute(delete(t.failures).where(t.failures.c.source_key == key))
            conn.execute(insert(t.failures), {"source": source, "source_key": key, "code": error.code,
                                              "message": message, "at": _now()})
    except SQLAlchemyError as exc:
        raise StoreError(f"could not record a failure: {exc}", input=source) from exc


#: the article fields a metadata file may fill in on a stored article (never its URL: that is identity)
FILLABLE = ("outlet", "published", "title", "authors")


def _missing(a: AnalyzedArticle, values: dict[str, Any]) -> dict[str, Any]:
    """Of ``values``, those the stored article lacks."""
    return {k: v for k, v in values.items() if k in FILLABLE and v and not getattr(a, k)}


def fill_metadata(engine: Engine, source: str, values: dict[str, Any]) -> bool:
    """Fill in what the stored article read from ``source`` lacks (outlet, published, title,
    authors), in its row, its analysis JSON and its sightings; what it has is kept. True when
    anything was filled. A source stored as an exact copy only gets its own sighting filled."""
    ar, sg = t.articles.c, t.sightings.c
    with write_connection(engine) as conn, conn.begin():
        row = conn.execute(select(ar.id, ar.analysis).where(ar.source == source).limit(1)).first()
        if row is None:
            return _fill_sighting(conn, sg.source == source, values)
        stored = AnalyzedArticle.model_validate_json(row.analysis)
        fill = _missing(stored, values)
        if fill:
            if "published" in fill:
                fill["published"] = _date(fill["published"])
            filled = stored.model_copy(update=fill)
            columns = {k: v for k, v in fill.items() if k != "authors"}
            conn.execute(t.articles.update().where(ar.id == row.id).values(analysis=filled.model_dump_json(),
                                                                            **columns))
        return _fill_sighting(conn, (sg.article_id == row.id) & (sg.source == source), values) or bool(fill)


def _fill_sighting(conn: Connection, which: ColumnElement[bool], values: dict[str, Any]) -> bool:
    sg = t.sightings.c
    changed = False
    for name in ("outlet", "published", "title"):
        value = _date(values.get(name)) if name == "published" else values.get(name)
        if value:
            column = sg[name]
            result = conn.execute(t.sightings.update().where(which, column.is_(None)).values({name: value}))
            changed = changed or bool(result.rowcount)
    return changed
