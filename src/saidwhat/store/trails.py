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

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, update

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.results import QuoteHit, ResultPage, Trail, TrailDiffOp, TrailSighting, TrailSummary
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
    short_excerpt,
    speaker,
    utterance,
)

__all__ = ["article_trails", "assign_missing", "assign_trails", "get_trail", "list_trails", "recount_article",
           "trail_of"]

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
_tg = t.trail_grams.alias("tg")
_shared = func.count().label("shared")
_total = (select(func.count()).select_from(t.trail_grams)
          .where(t.trail_grams.c.trail_id == _tg.c.trail_id).scalar_subquery())
# A candidate shares two 3-grams (one for a short quote), or all of its own: the trail of a 3-word
# excerpt has one gram, and a longer quote holding it must find it. Those held whole rank first.
_CANDIDATES = (select(_tg.c.trail_id, _shared)
               .where(_tg.c.gram.in_(bindparam("grams", expanding=True)))
               .group_by(_tg.c.trail_id).having(or_(_shared >= bindparam("need"), _shared == _total))
               .order_by((_shared == _total).desc(), _shared.desc(), _tg.c.trail_id).limit(MAX_CANDIDATES))
_VARIANTS = (select(t.quotes.c.id, t.quotes.c.article_id, t.quotes.c.text, t.quotes.c.kind,
                    t.quotes.c.actor_key, t.quotes.c.speaker, t.quotes.c.trail_id)
             .where(t.quotes.c.trail_id.in_(bindparam("trails", expanding=True))).order_by(t.quotes.c.id))
_HAVE_GRAMS = (select(t.trail_grams.c.gram)
               .where(t.trail_grams.c.trail_id == bindparam("trail"),
                      t.trail_grams.c.gram.in_(bindparam("grams", expanding=True))))
_SET_TRAIL = update(t.quotes).where(t.quotes.c.id == bindparam("row")).values(trail_id=bindparam("trail"))
# A trail's counts include the exact copies of its articles (other sources of the same text,
# ``sightings`` not primary): each carried the quote too.
_copies = t.sightings.c
_in_trail = t.quotes.c.trail_id == t.trails.c.id
_is_copy = _copies.is_primary.is_(False)
_quote_copies = t.quotes.join(t.sightings, _copies.article_id == t.quotes.c.article_id)
_RECOUNT = (update(t.trails).where(t.trails.c.id.in_(bindparam("trails", expanding=True))).values(
    n_quotes=select(func.count()).where(_in_trail).scalar_subquery()
    + select(func.count()).select_from(_quote_copies).where(_in_trail, _is_copy).scalar_subquery(),
    n_articles=select(func.count(t.quotes.c.article_id.distinct())).where(_in_trail).scalar_subquery()
    + select(func.count(_copies.id.distinct())).select_from(_quote_copies)
    .where(_in_trail, _is_copy).scalar_subquery()))


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


@dataclass(frozen=True)
class _Links:
    """How a new quote relates to one candidate trail."""

    strong: int  # the best ``same_utterance`` score against its sightings (0: none)
    part_of: bool  # the quote is a short excerpt of one of its sightings, by the same speaker
    holds_all: bool  # every sighting is a short excerpt of the quote (or one utterance with it)


def _links(quote: _Quote, u: Utterance, variants: list[_Quote]) -> _Links:
    who = quote.who
    strong, part_of, holds_all = 0, False, bool(variants)
    for v in variants:
        vu = v.utterance
        one = same_speaker(who, v.who)
        score = same_utterance(u, vu, same_speaker=None if who is None or v.who is None else one)
        strong = max(strong, score)
        part_of = part_of or (one and short_excerpt(u, vu) > 0)
        holds_all = holds_all and (score > 0 or (one and short_excerpt(vu, u) > 0))
    return _Links(strong=strong, part_of=part_of, holds_all=holds_all)


def _choose(links: dict[int, _Links]) -> tuple[int | None, list[int]]:
    """The trail the quote joins (None: a new one) and the trails merged into it.

    Trails it is one utterance with (``same_utterance``) all become one, so the order in which
    quotes arrive does not decide whether two trails meet: the oldest trail keeps its id, the best
    match wins nothing more. Short excerpts are weaker evidence and merge nothing: a short quote
    joins the one trail holding it (none when two do: a catchphrase of two speeches), and a longer
    quote takes up trails made only of its short excerpts (a 3-word excerpt stored first).
    """
    strong = sorted(tid for tid, x in links.items() if x.strong)
    if strong:
        return strong[0], strong[1:]
    holding = sorted(tid for tid, x in links.items() if x.holds_all)
    if holding:
        return holding[0], holding[1:]
    part_of = [tid for tid, x in links.items() if x.part_of]
    return (part_of[0], []) if len(part_of) == 1 else (None, [])


def _merge(conn: Connection, keep: int, others: list[int]) -> None:
    """Move every quote and 3-gram of ``others`` into ``keep`` and drop them."""
    g = t.trail_grams.c
    have = set(conn.execute(select(g.gram).where(g.trail_id == keep)).scalars())
    moved = set(conn.execute(select(g.gram).where(g.trail_id.in_(others))).scalars()) - have
    conn.execute(delete(t.trail_grams).where(g.trail_id.in_(others)))
    if moved:
        conn.execute(insert(t.trail_grams), [{"trail_id": keep, "gram": h} for h in sorted(moved)])
    conn.execute(update(t.quotes).where(t.quotes.c.trail_id.in_(others)).values(trail_id=keep))
    conn.execute(delete(t.trails).where(t.trails.c.id.in_(others)))


def _find_trail(conn: Connection, quote: _Quote, u: Utterance, hashes: set[int]) -> int | None:
    """The stored trail the quote belongs to (merging the others it also belongs to), or None."""
    candidates = _candidates(conn, hashes)
    if not candidates:
        return None
    links = {tid: _links(quote, u, variants) for tid, variants in _variants(conn, candidates).items()}
    keep, merged = _choose(links)
    if keep is not None and merged:
        _merge(conn, keep, merged)
    return keep


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
    trail_id = _find_trail(conn, quote, u, hashes) if hashes else None
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


@dataclass(frozen=True)
class _Seen:
    """One sighting of a trail: a stored quote in its article, or in an exact copy of it."""

    row: Any  # the quote's ``quote_select`` row
    hit: QuoteHit  # as shown: the copy's outlet, date, title and URL for a copy
    copy: int  # 0: the stored article itself; n: its n-th other source

    @property
    def order(self) -> tuple[bool, str, int, int, int]:
        return (self.hit.published is None, self.hit.published or "", self.hit.article_id,
                int(self.row.row_id), self.copy)


def _copy_sources(conn: Connection, article_ids: set[int]) -> dict[int, list[Any]]:
    """The other sources (exact copies, ``sightings`` not primary) of each article, first seen first."""
    sg, ids, out = t.sightings.c, sorted(article_ids), defaultdict(list)
    for i in range(0, len(ids), _CHUNK):
        for r in conn.execute(select(sg.article_id, sg.outlet, sg.published, sg.title, sg.url)
                              .where(sg.article_id.in_(ids[i : i + _CHUNK]), sg.is_primary.is_(False))
                              .order_by(sg.id)):
            out[int(r.article_id)].append(r)
    return out


def _seen(conn: Connection, rows: Sequence[Any]) -> list[_Seen]:
    """Every sighting of these quotes, in order of publication: each quote in its stored article
    and in each exact copy of that article (another outlet or date that carried the same text)."""
    copies = _copy_sources(conn, {int(r.article_id) for r in rows})
    out = []
    for r in rows:
        hit = quote_hit(r)
        out.append(_Seen(r, hit, 0))
        for n, c in enumerate(copies.get(int(r.article_id), []), 1):
            shown = hit.model_copy(update={"outlet": c.outlet, "published": c.published, "title": c.title,
                                           "url": c.url})
            out.append(_Seen(r, shown, n))
    return sorted(out, key=lambda s: s.order)


def recount_article(conn: Connection, article_id: int) -> None:
    """Recount the trails of an article's quotes (a new exact copy of it was recorded)."""
    q = t.quotes.c
    _recount(conn, {int(x) for x in conn.execute(select(q.trail_id).distinct().where(
        q.article_id == article_id, q.trail_id.is_not(None))).scalars()})


def get_trail(conn: Connection, trail_id: int) -> Trail | None:
    """The trail with every sighting in order of publication, each related to the first."""
    tr = conn.execute(select(t.trails).where(t.trails.c.id == trail_id)).first()
    if tr is None:
        return None
    seen = _seen(conn, conn.execute(quote_select().where(t.quotes.c.trail_id == trail_id)).all())
    if not seen:
        return None
    quoted = [s for s in seen if utterance(s.row.text, s.row.kind).quoted]
    ref = (quoted or seen)[0]
    ref_u = utterance(ref.row.text, ref.row.kind)
    sightings = [_sighting(s, ref, ref_u) for s in seen]
    outlets = sorted({s.quote.outlet for s in sightings if s.quote.outlet})
    return Trail(id=trail_id, speaker=tr.speaker, actor_key=tr.actor_key, text=ref.row.text,
                 first_seen=next((s.quote.published for s in sightings if s.quote.published), None),
                 n_quotes=len(seen), n_articles=len({(s.row.article_id, s.copy) for s in seen}),
                 outlets=outlets, altered=sum(s.relation == "altered" for s in sightings),
                 sightings=sightings)


def _sighting(s: _Seen, ref: _Seen, ref_u: Utterance) -> TrailSighting:
    copy_of = s.hit.article_id if s.copy else None
    if s is ref:
        return TrailSighting(quote=s.hit, relation="first", diff=[], copy_of=copy_of)
    ops = [TrailDiffOp(op=o.op, ref=o.ref, text=o.text) for o in diff(ref.row.text, s.row.text)]
    return TrailSighting(quote=s.hit, relation=relation(utterance(s.row.text, s.row.kind), ref_u), diff=ops,
                         copy_of=copy_of)


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
    first: dict[int, _Seen] = {}
    ids = [int(r.id) for r in rows]
    for i in range(0, len(ids), _CHUNK):
        for s in _seen(conn, conn.execute(quote_select().where(q.trail_id.in_(ids[i : i + _CHUNK]))).all()):
            first.setdefault(int(s.row.trail_id), s)
    items = [TrailSummary(id=int(r.id), speaker=r.speaker, actor_key=r.actor_key, n_quotes=r.n_quotes,
                          n_articles=r.n_articles, text=f.row.text if f else "",
                          first_seen=f.hit.published if f else None)
             for r in rows for f in [first.get(int(r.id))]]
    return ResultPage[TrailSummary](items=items, total=int(total), offset=offset, limit=limit)
