"""Quote trails: every stored quote belongs to one trail, the same utterance by the same speaker
across articles and outlets (a quote no other article carries is a trail of one).

When an article is stored, each of its quotes looks for its trail: the trails sharing hashed word
3-grams of its quoted words (``trail_grams``) are candidates, and it joins the one whose sightings
it matches best by ``utterance.same_utterance`` (an excerpt, the same words, an altered copy, a
paraphrase of the same speaker). Otherwise it starts a trail. This happens in the article's
write transaction, so a trail never points at half an article.

A trail is read back with every sighting, in order of publication: the first sighting (earliest
published date, then the first stored) is its reference, and every other one says how it
relates to it (``utterance.relation``) with a word-level diff.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, func, insert, select, update

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.results import ResultPage, Trail, TrailDiffOp, TrailSighting, TrailSummary
from saidwhat.store.search import quote_hit, quote_select
from saidwhat.store.utterance import (
    MIN_WORDS,
    Speaker,
    Utterance,
    diff,
    grams,
    relation,
    same_speaker,
    same_utterance,
    speaker,
    utterance,
)

__all__ = ["article_trails", "assign_missing", "assign_trails", "get_trail", "list_trails", "trail_of"]

#: candidate trails verified per quote, those sharing the most 3-grams first
MAX_CANDIDATES = 50
#: sightings of a candidate trail compared with a new quote (distinct texts, the first stored first)
MAX_VARIANTS = 20
#: how many values go into one ``IN (…)`` list
_CHUNK = 500


@dataclass(frozen=True)
class _Quote:
    """What trail matching needs of one quote."""

    row: int
    article_id: int
    text: str
    kind: str
    actor_key: str | None
    speaker: str | None

    @property
    def who(self) -> Speaker | None:
        kind = self.actor_key.split(":", 1)[0] if self.actor_key else None
        return speaker(self.speaker, kind)

    @property
    def utterance(self) -> Utterance:
        return utterance(self.text, self.kind)


# Statements built once (lists travel as expanding parameters): placing a quote runs them often.
_shared = func.count().label("shared")
_CANDIDATES = (select(t.trail_grams.c.trail_id, _shared)
               .where(t.trail_grams.c.gram.in_(bindparam("grams", expanding=True)))
               .group_by(t.trail_grams.c.trail_id).having(_shared >= bindparam("need"))
               .order_by(_shared.desc(), t.trail_grams.c.trail_id).limit(MAX_CANDIDATES))
_VARIANTS = (select(t.quotes.c.id, t.quotes.c.article_id, t.quotes.c.text, t.quotes.c.kind,
                    t.quotes.c.actor_key, t.quotes.c.speaker, t.quotes.c.trail_id)
             .where(t.quotes.c.trail_id.in_(bindparam("trails", expanding=True))).order_by(t.quotes.c.id))
_HAVE_GRAMS = (select(t.trail_grams.c.gram)
               .where(t.trail_grams.c.trail_id == bindparam("trail"),
                      t.trail_grams.c.gram.in_(bindparam("grams", expanding=True))))
_SET_TRAIL = update(t.quotes).where(t.quotes.c.id == bindparam("row")).values(trail_id=bindparam("trail"))
_RECOUNT = (update(t.trails).where(t.trails.c.id.in_(bindparam("trails", expanding=True))).values(
    n_quotes=select(func.count()).where(t.quotes.c.trail_id == t.trails.c.id).scalar_subquery(),
    n_articles=select(func.count(t.quotes.c.article_id.distinct()))
    .where(t.quotes.c.trail_id == t.trails.c.id).scalar_subquery()))


def _candidates(conn: Connection, hashes: set[int]) -> list[int]:
    """Trails sharing the most 3-grams with ``hashes`` (two at least, when it has two)."""
    need = 1 if len(hashes) <= 2 else 2
    rows = conn.execute(_CANDIDATES, {"grams": sorted(hashes), "need": need})
    return [int(r.trail_id) for r in rows]


def _variants(conn: Connection, trail_ids: list[int]) -> dict[int, list[_Quote]]:
    out: dict[int, list[_Quote]] = {tid: [] for tid in trail_ids}
    seen: set[tuple[int, str]] = set()
    rows = conn.execute(_VARIANTS, {"trails": trail_ids})
    for r in rows:
        tid = int(r.trail_id)
        if (tid, r.text) in seen or len(out[tid]) >= MAX_VARIANTS:
            continue
        seen.add((tid, r.text))
        out[tid].append(_Quote(int(r.id), int(r.article_id), r.text, r.kind, r.actor_key, r.speaker))
    return out


def _best_trail(conn: Connection, quote: _Quote, u: Utterance, hashes: set[int]) -> int | None:
    """The trail ``quote`` belongs to among the stored ones, or None."""
    candidates = _candidates(conn, hashes)
    if not candidates:
        return None
    who = quote.who
    best: tuple[int, int] | None = None
    for tid, variants in _variants(conn, candidates).items():
        score = max((same_utterance(u, v.utterance, same_speaker=same_speaker(who, v.who))
                     for v in variants), default=0)
        if score and (best is None or score > best[0]):
            best = (score, tid)
    return best[1] if best else None


def _new_trail(conn: Connection, quote: _Quote) -> int:
    return int(conn.execute(insert(t.trails).returning(t.trails.c.id), {
        "actor_key": quote.actor_key, "speaker": quote.speaker,
        "surname": quote.who.last if quote.who else None,
        "n_quotes": 0, "n_articles": 0}).scalar_one())


def _join(conn: Connection, trail_id: int, quote: _Quote, hashes: set[int]) -> None:
    """Put the quote in the trail and index its new 3-grams (``_recount`` updates the counts)."""
    conn.execute(_SET_TRAIL, {"row": quote.row, "trail": trail_id})
    if hashes:
        have = set(conn.execute(_HAVE_GRAMS, {"trail": trail_id, "grams": sorted(hashes)}).scalars())
        new = sorted(hashes - have)
        if new:
            conn.execute(insert(t.trail_grams), [{"trail_id": trail_id, "gram": h} for h in new])


def _recount(conn: Connection, trail_ids: set[int]) -> None:
    ids = sorted(trail_ids)
    for i in range(0, len(ids), _CHUNK):
        conn.execute(_RECOUNT, {"trails": ids[i : i + _CHUNK]})


def _place(conn: Connection, quote: _Quote) -> int:
    """Find or start the quote's trail; returns its id."""
    u = quote.utterance
    hashes = grams(u) if len(u) >= MIN_WORDS else set()
    trail_id = _best_trail(conn, quote, u, hashes) if hashes else None
    if trail_id is None:
        trail_id = _new_trail(conn, quote)
    _join(conn, trail_id, quote, hashes)
    return trail_id


def assign_trails(conn: Connection, article_id: int, a: AnalyzedArticle, quote_rows: dict[str, int],
                  keys: dict[str, str]) -> None:
    """Give each quote of a just-stored article its trail (in the article's transaction)."""
    names = {actor.id: actor.name for actor in a.actors}
    touched = set()
    for quote in a.quotes:
        actor = quote.speaker.actor or ""
        placed = _Quote(row=quote_rows[quote.id], article_id=article_id, text=quote.text, kind=quote.kind,
                        actor_key=keys.get(actor), speaker=names.get(actor))
        touched.add(_place(conn, placed))
    _recount(conn, touched)


def assign_missing(engine: Engine, batch: int = 500) -> int:
    """Trails for quotes stored before trails existed (after migration 0005), in id order, one
    transaction per batch; returns how many quotes got one."""
    from saidwhat.store.engine import write_connection

    q, done = t.quotes.c, 0
    while True:
        with write_connection(engine) as conn, conn.begin():
            rows = conn.execute(select(q.id, q.article_id, q.text, q.kind, q.actor_key, q.speaker)
                                .where(q.trail_id.is_(None)).order_by(q.id).limit(batch)).all()
            touched = {_place(conn, _Quote(int(r.id), int(r.article_id), r.text, r.kind, r.actor_key,
                                           r.speaker)) for r in rows}
            _recount(conn, touched)
        done += len(rows)
        if len(rows) < batch:
            return done


def trail_of(conn: Connection, article_id: int, quote_id: str) -> int | None:
    q = t.quotes.c
    found = conn.execute(select(q.trail_id).where(q.article_id == article_id, q.quote_id == quote_id)).first()
    return int(found[0]) if found and found[0] is not None else None


def article_trails(conn: Connection, article_id: int) -> dict[str, TrailSummary]:
    """The trail of each quote of a stored article, by quote id (with the trail's counts)."""
    q, tr = t.quotes.c, t.trails.c
    rows = conn.execute(select(q.quote_id, tr.id, tr.speaker, tr.actor_key, tr.n_quotes, tr.n_articles)
                        .join(t.trails, tr.id == q.trail_id).where(q.article_id == article_id))
    return {r.quote_id: TrailSummary(id=int(r.id), speaker=r.speaker, actor_key=r.actor_key,
                                     n_quotes=r.n_quotes, n_articles=r.n_articles) for r in rows}


def _sighting_order(hit: Any) -> tuple[bool, str, int, int]:
    return (hit.published is None, hit.published or "", hit.article_id, hit.row_id)


def get_trail(conn: Connection, trail_id: int) -> Trail | None:
    """The trail with every sighting in order of publication, each related to the first."""
    tr = conn.execute(select(t.trails).where(t.trails.c.id == trail_id)).first()
    if tr is None:
        return None
    rows = sorted(conn.execute(quote_select().where(t.quotes.c.trail_id == trail_id)).all(),
                  key=_sighting_order)
    if not rows:
        return None
    quoted = [r for r in rows if utterance(r.text, r.kind).quoted]
    ref = (quoted or rows)[0]
    ref_u = utterance(ref.text, ref.kind)
    sightings = [_sighting(r, ref, ref_u) for r in rows]
    outlets = sorted({s.quote.outlet for s in sightings if s.quote.outlet})
    return Trail(id=trail_id, speaker=tr.speaker, actor_key=tr.actor_key, text=ref.text,
                 first_seen=next((s.quote.published for s in sightings if s.quote.published), None),
                 n_quotes=len(rows), n_articles=len({r.article_id for r in rows}), outlets=outlets,
                 altered=sum(s.relation == "altered" for s in sightings), sightings=sightings)


def _sighting(r: Any, ref: Any, ref_u: Utterance) -> TrailSighting:
    if r.row_id == ref.row_id:
        return TrailSighting(quote=quote_hit(r), relation="first", diff=[])
    ops = [TrailDiffOp(op=o.op, ref=o.ref, text=o.text) for o in diff(ref.text, r.text)]
    return TrailSighting(quote=quote_hit(r), relation=relation(utterance(r.text, r.kind), ref_u), diff=ops)


def list_trails(conn: Connection, *, min_articles: int, trail_ids: Iterable[int] | None, offset: int,
                limit: int) -> ResultPage[TrailSummary]:
    """Trails carried by at least ``min_articles`` articles (or those of ``trail_ids``), widest first."""
    tr, q = t.trails.c, t.quotes.c
    conds = [tr.n_articles >= min_articles]
    if trail_ids is not None:
        conds.append(tr.id.in_(list(trail_ids)))
    total = conn.execute(select(func.count()).select_from(t.trails).where(*conds)).scalar_one()
    rows = conn.execute(select(tr.id, tr.speaker, tr.actor_key, tr.n_quotes, tr.n_articles).where(*conds)
                        .order_by(tr.n_articles.desc(), tr.n_quotes.desc(), tr.id)
                        .offset(offset).limit(limit)).all()
    first: dict[int, Any] = {}
    ids = [int(r.id) for r in rows]
    for i in range(0, len(ids), _CHUNK):
        for hit in conn.execute(quote_select().where(q.trail_id.in_(ids[i : i + _CHUNK]))).all():
            tid = int(hit.trail_id)
            if tid not in first or _sighting_order(hit) < _sighting_order(first[tid]):
                first[tid] = hit
    items = [TrailSummary(id=int(r.id), speaker=r.speaker, actor_key=r.actor_key, n_quotes=r.n_quotes,
                          n_articles=r.n_articles, text=first[int(r.id)].text if int(r.id) in first else "",
                          first_seen=first[int(r.id)].published if int(r.id) in first else None)
             for r in rows]
    return ResultPage[TrailSummary](items=items, total=int(total), offset=offset, limit=limit)
