"""Actors across articles: listing canonical actors and their pages.

An actor found in one article (``actors``) points at a canonical actor (``canonical_actors``),
chosen when the article is written by the identity step (``saidwhat.store.identity`` and
``saidwhat.store.canonical``); the canonical actor collects every name and alias it was seen under
(``search_names``, ``|``-separated normalised names) for name lookups.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, func, literal_column, select

from saidwhat.store import tables as t
from saidwhat.store.canonical import names_and_roles
from saidwhat.store.keys import like_pattern, norm_name
from saidwhat.store.reactions import actor_timelines
from saidwhat.store.results import (
    ActorDetail,
    ActorRole,
    ActorSummary,
    ResultPage,
    StanceCounts,
    StancePoint,
)
from saidwhat.store.search import QuoteFilter, search_quotes

__all__ = ["get_actor", "list_actors"]


def _actor_stats(conn: Connection, keys: Sequence[str]) -> dict[str, tuple[int, int, list[str]]]:
    """n_quotes, n_articles and outlets of each canonical actor."""
    q, ac, sg = t.quotes.c, t.actors.c, t.sightings.c
    nq: dict[str, int] = {k: n for k, n in conn.execute(
        select(q.actor_key, func.count()).where(q.actor_key.in_(keys)).group_by(q.actor_key))}
    na: dict[str, int] = {k: n for k, n in conn.execute(
        select(ac.actor_key, func.count(ac.article_id.distinct())).where(ac.actor_key.in_(keys))
        .group_by(ac.actor_key))}
    outlets: dict[str, list[str]] = defaultdict(list)
    # every source of the article counts, its own and its exact copies
    for key, outlet in conn.execute(select(ac.actor_key, sg.outlet).distinct()
                                    .join(t.sightings, sg.article_id == ac.article_id)
                                    .where(ac.actor_key.in_(keys), sg.outlet.is_not(None))
                                    .order_by(sg.outlet)):
        outlets[key].append(outlet)
    return {k: (int(nq.get(k, 0)), int(na.get(k, 0)), outlets.get(k, [])) for k in keys}


def list_actors(conn: Connection, *, name: str | None, offset: int,
                limit: int) -> ResultPage[ActorSummary]:
    """Canonical actors, most quoted first; ``name`` matches any of their names (substring)."""
    ca, q = t.canonical_actors.c, t.quotes.c
    conds = []
    if name:  # a name with no letter or digit names no one (it would match every name)
        norm = norm_name(name)
        conds.append(ca.search_names.like(like_pattern(norm), escape="\\") if norm else ca.key == name)
    nq = (select(q.actor_key, func.count().label("n")).where(q.actor_key.is_not(None))
          .group_by(q.actor_key).subquery())
    stmt = (select(ca.key, ca.name, ca.kind, ca.affiliation, ca.gender, ca.gender_source,
                   func.coalesce(nq.c.n, 0).label("n"))
            .select_from(t.canonical_actors.outerjoin(nq, nq.c.actor_key == ca.key)).where(*conds))
    total = conn.execute(select(func.count()).select_from(t.canonical_actors).where(*conds)).scalar_one()
    rows = conn.execute(stmt.order_by(literal_column("n").desc(), ca.key).offset(offset).limit(limit)).all()
    stats = _actor_stats(conn, [r.key for r in rows])
    items = [ActorSummary(key=r.key, name=r.name, kind=r.kind, affiliation=r.affiliation,
                          n_quotes=stats[r.key][0], n_articles=stats[r.key][1], outlets=stats[r.key][2],
                          gender=r.gender, gender_source=r.gender_source)
             for r in rows]
    return ResultPage[ActorSummary](items=items, total=int(total), offset=offset, limit=limit)


def _stances(conn: Connection, key: str) -> tuple[dict[str, StanceCounts], list[StancePoint]]:
    """The actor's stance counts per target (quotes and reactions), in total and per day."""
    s, a = t.stances.c, t.articles.c
    stance: dict[str, StanceCounts] = {}
    over_time: Counter[tuple[str, str, str]] = Counter()
    display: dict[str, str] = {}
    for target, tnorm, label, published in conn.execute(
            select(s.target, s.target_norm, s.label, a.published).join(t.articles, a.id == s.article_id)
            .where(s.actor_key == key, s.origin.in_(("quote", "reaction")))):
        name = display.setdefault(tnorm, target)
        counts = stance.setdefault(name, StanceCounts())
        setattr(counts, label, getattr(counts, label) + 1)
        if published:
            over_time[(published[:10], name, label)] += 1
    points = [StancePoint(date=d, target=tg, label=cast(Any, lb), count=c)
              for (d, tg, lb), c in sorted(over_time.items())]
    return stance, points


def get_actor(conn: Connection, key: str, *, n_quotes: int) -> ActorDetail | None:
    """One canonical actor with its aliases, stances over time and latest quotes; None if unknown."""
    ca = t.canonical_actors.c
    row = conn.execute(select(ca.key, ca.name, ca.kind, ca.affiliation, ca.gender, ca.gender_source)
                       .where(ca.key == key)).first()
    if row is None:
        return None
    nq, na, outlets = _actor_stats(conn, [key])[key]
    stance, over_time = _stances(conn, key)
    aliases, roles = names_and_roles(conn, key, row.name)
    quotes = search_quotes(conn, QuoteFilter(actor_key=key), offset=0, limit=n_quotes).items
    return ActorDetail(key=row.key, name=row.name, kind=row.kind, affiliation=row.affiliation, n_quotes=nq,
                       n_articles=na, outlets=outlets, aliases=aliases, stance=stance,
                       roles=[ActorRole(**r) for r in roles], gender=row.gender,
                       gender_source=row.gender_source,
                       stance_over_time=over_time, timelines=actor_timelines(conn, key), quotes=quotes)
