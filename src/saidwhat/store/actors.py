"""Actors across articles: each article's actors, merged into canonical actors, and their pages.

An actor found in one article (``actors``) points at a canonical actor (``canonical_actors``)
keyed by ``actor_key(name, kind)``; the canonical actor collects every name and alias it was
seen under (``search_names``, ``|``-separated normalised names) for name lookups.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, func, insert, literal_column, select, update

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.keys import actor_key, like_pattern, norm_name
from saidwhat.store.results import ActorDetail, ActorSummary, ResultPage, StanceCounts, StancePoint
from saidwhat.store.search import QuoteFilter, search_quotes

__all__ = ["get_actor", "insert_actors", "list_actors"]


def insert_actors(conn: Connection, article_id: int, a: AnalyzedArticle) -> dict[str, str]:
    """Store the article's actors, merging each into its canonical actor; returns local id → key."""
    keys = {actor.id: actor_key(actor.name, actor.kind) for actor in a.actors}
    for actor in a.actors:
        _upsert_canonical(conn, keys[actor.id], actor.name, actor.kind, actor.affiliation,
                          [actor.name, *actor.aliases])
    if a.actors:
        conn.execute(insert(t.actors), [{
            "article_id": article_id, "local_id": actor.id, "actor_key": keys[actor.id],
            "name": actor.name, "kind": actor.kind, "affiliation": actor.affiliation,
            "role": actor.role, "aliases": json.dumps(actor.aliases, ensure_ascii=False),
        } for actor in a.actors])
    return keys


def _joined_names(names: set[str]) -> str:
    return "|" + "|".join(sorted(names)) + "|"


def _upsert_canonical(conn: Connection, key: str, name: str, kind: str, affiliation: str | None,
                      aliases: list[str]) -> None:
    """Create the canonical actor, or add the new names (and a first affiliation) to it."""
    c = t.canonical_actors.c
    row = conn.execute(select(c.affiliation, c.search_names).where(c.key == key)).first()
    wanted = {norm_name(n) for n in aliases} - {""}
    if row is None:
        conn.execute(insert(t.canonical_actors), {"key": key, "name": name, "kind": kind,
                                                  "affiliation": affiliation,
                                                  "search_names": _joined_names(wanted)})
        return
    have = set(filter(None, (row.search_names or "").split("|")))
    values: dict[str, Any] = {}
    if not (wanted <= have):
        values["search_names"] = _joined_names(have | wanted)
    if row.affiliation is None and affiliation:
        values["affiliation"] = affiliation
    if values:
        conn.execute(update(t.canonical_actors).where(c.key == key).values(**values))


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
    conds = [ca.search_names.like(like_pattern(norm_name(name)), escape="\\")] if name else []
    nq = (select(q.actor_key, func.count().label("n")).where(q.actor_key.is_not(None))
          .group_by(q.actor_key).subquery())
    stmt = (select(ca.key, ca.name, ca.kind, ca.affiliation, func.coalesce(nq.c.n, 0).label("n"))
            .select_from(t.canonical_actors.outerjoin(nq, nq.c.actor_key == ca.key)).where(*conds))
    total = conn.execute(select(func.count()).select_from(t.canonical_actors).where(*conds)).scalar_one()
    rows = conn.execute(stmt.order_by(literal_column("n").desc(), ca.key).offset(offset).limit(limit)).all()
    stats = _actor_stats(conn, [r.key for r in rows])
    items = [ActorSummary(key=r.key, name=r.name, kind=r.kind, affiliation=r.affiliation,
                          n_quotes=stats[r.key][0], n_articles=stats[r.key][1], outlets=stats[r.key][2])
             for r in rows]
    return ResultPage[ActorSummary](items=items, total=int(total), offset=offset, limit=limit)


def _aliases(conn: Connection, key: str, name: str) -> list[str]:
    """Every name the actor's article-level actors had, but its canonical name."""
    ac = t.actors.c
    aliases: set[str] = set()
    for local_name, local_aliases in conn.execute(select(ac.name, ac.aliases).where(ac.actor_key == key)):
        aliases.add(local_name)
        aliases.update(json.loads(local_aliases))
    aliases.discard(name)
    return sorted(aliases)


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
    row = conn.execute(select(ca.key, ca.name, ca.kind, ca.affiliation).where(ca.key == key)).first()
    if row is None:
        return None
    nq, na, outlets = _actor_stats(conn, [key])[key]
    stance, over_time = _stances(conn, key)
    quotes = search_quotes(conn, QuoteFilter(actor_key=key), offset=0, limit=n_quotes).items
    return ActorDetail(key=row.key, name=row.name, kind=row.kind, affiliation=row.affiliation, n_quotes=nq,
                       n_articles=na, outlets=outlets, aliases=_aliases(conn, key, row.name), stance=stance,
                       stance_over_time=over_time, quotes=quotes)
