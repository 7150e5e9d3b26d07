"""Reactions to a target across articles: one row per canonical actor, with counts and evidence.

Counts are evidence items: each quote with a stance toward the target, each reaction; an
actor-level stance counts once for an article only when that article has no such item.
The row's stance aggregates per-article stances (``_article_vote``, ``_across_articles``): an
actor is support when more of its articles say support than oppose, oppose symmetrically; a tie
is broken by the polar evidence counts, and stays neutral if those tie as well. Neutral only
when nothing polar was found. The evidence is the highest-scoring quote with that label (else
the reaction's sentence). Outlets include those of every exact copy.

Evidence comes from the targets named at ingest (``stances``) and from the candidate targets the
query names (``saidwhat.store.candidates``); an article with a named target that matches is read
from that target only, so nothing counts twice.

Each row also carries the actor's stance over time (``saidwhat.store.timeline``): one dated point
per article (its vote, score, outlet and evidence), the change points where support turned to
oppose or back, and the latest dated stance. ``actor_timelines`` gives the same per target for an
actor page, from the targets named at ingest.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import Connection, select

from saidwhat.store import tables as t
from saidwhat.store import timeline
from saidwhat.store.candidates import candidate_rows, matching_candidates
from saidwhat.store.results import QuoteHit, ReactionRow, TargetTimeline
from saidwhat.store.search import date_conds, quote_hit, quote_select
from saidwhat.store.targets import target_norms

__all__ = ["actor_timelines", "reactions"]

#: how many article ids go into one ``IN (…)`` list
_CHUNK = 500


def reactions(conn: Connection, target: str, *, since: str | None, until: str | None) -> list[ReactionRow]:
    """One row per canonical actor with a stance toward ``target``, merged across articles."""
    s, a, ca = t.stances.c, t.articles.c, t.canonical_actors.c
    norms = target_norms(conn, target)
    rows: list[Any] = list(conn.execute(
        select(s.actor_key, s.article_id, s.origin, s.quote_row, s.label, s.score, s.target_norm, a.published,
               a.outlet)
        .join(t.articles, a.id == s.article_id)
        .where(s.target_norm.in_(norms), s.actor_key.is_not(None), *date_conds(since, until))))
    named = {int(r.article_id) for r in rows}
    rows += [r for r in candidate_rows(conn, matching_candidates(conn, target), date_conds(since, until))
             if int(r.article_id) not in named]
    by_actor: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_actor[row.actor_key].append(row)
    if not by_actor:
        return []
    meta = {m.key: m for m in conn.execute(select(ca.key, ca.name, ca.kind, ca.affiliation)
                                           .where(ca.key.in_(list(by_actor))))}
    copy_outlets = _copy_outlets(conn, sorted({int(row.article_id) for row in rows}))
    look = timeline.lookups(conn, rows, norms)
    labels = {key: _label(items) for key, items in by_actor.items()}
    best = {key: _best(_counted(items), labels[key]) for key, items in by_actor.items()}
    hits = _quote_hits(conn, [int(b.quote_row) for b in best.values()
                              if b is not None and b.origin == "quote" and b.quote_row is not None])
    result = [_row(conn, key, items, meta.get(key), copy_outlets, norms, look, (labels[key], best[key], hits))
              for key, items in by_actor.items()]
    result.sort(key=lambda x: (-(x.support + x.oppose + x.neutral), x.actor.casefold()))
    return result


def _copy_outlets(conn: Connection, ids: list[int]) -> dict[int, set[str]]:
    """The outlets of every source of each article (its own and its exact copies)."""
    sg = t.sightings.c
    out: dict[int, set[str]] = defaultdict(set)
    for i in range(0, len(ids), _CHUNK):
        for aid, outlet in conn.execute(select(sg.article_id, sg.outlet).distinct().where(
                sg.article_id.in_(ids[i : i + _CHUNK]), sg.outlet.is_not(None))):
            out[int(aid)].add(outlet)
    return out


def _counted(items: Sequence[Any]) -> list[Any]:
    """The evidence items that count: an actor-level stance only in an article without other items."""
    with_evidence = {i.article_id for i in items if i.origin != "actor"}
    return [i for i in items if i.origin != "actor" or i.article_id not in with_evidence]


def _per_article(items: Sequence[Any]) -> dict[int, list[Any]]:
    per_article: dict[int, list[Any]] = defaultdict(list)
    for i in items:
        per_article[int(i.article_id)].append(i)
    return per_article


def _label(items: Sequence[Any]) -> str:
    """The actor's stance across articles from its evidence items (``_across_articles``)."""
    votes = _votes(_per_article(items))
    return _across_articles(Counter(votes.values()), Counter(i.label for i in _counted(items)))


def _quote_hits(conn: Connection, rows: list[int]) -> dict[int, QuoteHit]:
    """The stored quotes ``rows`` (their row ids) as hits, in one query per chunk."""
    out: dict[int, QuoteHit] = {}
    for i in range(0, len(rows), _CHUNK):
        for hit in conn.execute(quote_select().where(t.quotes.c.id.in_(rows[i : i + _CHUNK]))):
            out[int(hit.row_id)] = quote_hit(hit)
    return out


def _row(conn: Connection, key: str, items: list[Any], meta: Any | None, copy_outlets: dict[int, set[str]],
         norms: list[str], look: timeline.Lookups,
         chosen: tuple[str, Any | None, dict[int, QuoteHit]]) -> ReactionRow:
    """The reaction row of one actor from its evidence items; ``chosen`` is its label (``_label``),
    its best evidence item and the quote hits fetched for every row at once."""
    label, best, hits = chosen
    counts = Counter(i.label for i in _counted(items))
    per_article = _per_article(items)
    votes = _votes(per_article)
    dates = sorted(i.published for i in items if i.published)
    name = meta.name if meta else None
    points = timeline.points(per_article, votes, look)
    changes = timeline.changes(points)
    return ReactionRow(
        actor_key=key, actor=name or key, affiliation=meta.affiliation if meta else None,
        kind=meta.kind if meta else "anonymous", support=counts["support"], oppose=counts["oppose"],
        neutral=counts["neutral"], stance=cast(Any, label), first_seen=dates[0][:10] if dates else None,
        outlets=sorted({i.outlet for i in items if i.outlet}
                       | {o for aid in per_article for o in copy_outlets.get(aid, ())}),
        evidence=_evidence(conn, key, name, (best, hits), norms), n_articles=len(per_article),
        latest=cast(Any, timeline.latest(points)), changed=bool(changes), timeline=points, changes=changes)


def actor_timelines(conn: Connection, key: str) -> list[TargetTimeline]:
    """The actor's stance over time toward each target named at ingest, the most articles first."""
    s, a = t.stances.c, t.articles.c
    rows: list[Any] = list(conn.execute(
        select(s.actor_key, s.article_id, s.origin, s.quote_row, s.label, s.score, s.target, s.target_norm,
               a.published, a.outlet).join(t.articles, a.id == s.article_id)
        .where(s.actor_key == key).order_by(s.id)))
    by_target: dict[str, list[Any]] = defaultdict(list)
    for row in rows:
        by_target[row.target_norm].append(row)
    look = timeline.lookups(conn, rows, sorted(by_target))
    out = []
    for items in by_target.values():
        per_article = _per_article(items)
        points = timeline.points(per_article, _votes(per_article), look)
        label = _across_articles(Counter(p.label for p in points), Counter(i.label for i in _counted(items)))
        out.append(TargetTimeline(target=items[0].target, stance=cast(Any, label),
                                  latest=cast(Any, timeline.latest(points)), timeline=points,
                                  changes=timeline.changes(points)))
    out.sort(key=lambda x: (-len(x.timeline), x.target.casefold()))
    return out


def _best(counted: Sequence[Any], label: str) -> Any | None:
    """The best evidence item with the row's label: a quote first, then the highest score."""
    best = sorted((i for i in counted if i.label == label and i.origin != "actor"),
                  key=lambda i: (i.origin != "quote", -i.score, i.article_id))
    return best[0] if best else None


def _evidence(conn: Connection, key: str, name: str | None, evidence: tuple[Any | None, dict[int, QuoteHit]],
              norms: list[str]) -> QuoteHit | None:
    """The row's evidence: its best item's quote, else the sentence of a reaction."""
    b, hits = evidence
    if b is None:
        return None
    if b.origin == "quote" and b.quote_row is not None:
        return hits.get(int(b.quote_row))
    text = getattr(b, "text", None)
    if text:  # a candidate target's reaction carries its sentence
        return _candidate_reaction_hit(conn, b, key, name, text)
    return _reaction_hit(conn, int(b.article_id), key, name, norms)


def _candidate_reaction_hit(conn: Connection, item: Any, key: str, name: str | None,
                            text: str) -> QuoteHit | None:
    a = t.articles.c
    art = conn.execute(select(a.outlet, a.published, a.title, a.url).where(a.id == item.article_id)).first()
    if art is None:
        return None
    return QuoteHit(article_id=int(item.article_id), quote_id="reaction", kind="reaction", text=text,
                    speaker=name, actor_key=key, outlet=art.outlet, published=art.published, title=art.title,
                    url=art.url, stance={})


def _reaction_hit(conn: Connection, article_id: int, key: str, name: str | None,
                  norms: list[str]) -> QuoteHit | None:
    r, a = t.reactions.c, t.articles.c
    rrow = conn.execute(select(r.reaction_id, r.text, r.label, r.target).where(
        r.article_id == article_id, r.actor_key == key, r.target_norm.in_(norms))
        .order_by(r.score.desc())).first()
    art = conn.execute(select(a.outlet, a.published, a.title, a.url).where(a.id == article_id)).first()
    if rrow is None or art is None:
        return None
    return QuoteHit(article_id=article_id, quote_id=rrow.reaction_id, kind="reaction", text=rrow.text,
                    speaker=name, actor_key=key, outlet=art.outlet, published=art.published, title=art.title,
                    url=art.url, stance={rrow.target: rrow.label})


def _polar_wins(labels: Sequence[str]) -> str:
    """Support when support outnumbers oppose, oppose symmetrically, else neutral."""
    sup, opp = labels.count("support"), labels.count("oppose")
    return "support" if sup > opp else "oppose" if opp > sup else "neutral"


def _article_vote(items: Sequence[Any]) -> str:
    """An actor's stance in one article: the analysis' actor-level stance when it takes a side (it
    already weighs the actor's quotes and reactions in that article, so a reaction is not counted
    twice against it); else the reactions (stated without a quote) with it, polar winning over
    neutral; only when the article has neither, the labels of its quotes."""
    actor = [i.label for i in items if i.origin == "actor"]
    if len(set(actor)) == 1 and actor[0] in ("support", "oppose"):
        return str(actor[0])
    own = actor + [i.label for i in items if i.origin == "reaction"]
    return _polar_wins(own or [i.label for i in items if i.origin == "quote"])


def _votes(per_article: dict[int, list[Any]]) -> dict[int, str]:
    """The actor's stance in each article (``_article_vote``)."""
    return {aid: _article_vote(items) for aid, items in per_article.items()}


def _across_articles(votes: Counter[str], counts: Counter[str]) -> str:
    """Across articles: the polar label more articles vote for; on a tie, the one with more
    polar evidence items; still tied (or nothing polar): neutral, the schema having no "mixed"."""
    for c in (votes, counts):
        if c["support"] != c["oppose"]:
            return "support" if c["support"] > c["oppose"] else "oppose"
    return "neutral"
