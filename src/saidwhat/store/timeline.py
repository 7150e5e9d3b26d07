"""An actor's stance toward a target over time: one dated point per article, and where it turned.

Each article in which an actor has evidence toward the target is a **point**, dated by the
article's published date. Its label is the actor's stance in that article (the per-article vote
that ``saidwhat.store.reactions`` counts across articles), its score the strongest evidence item
with that label, and its evidence that item's words: the best quote with the label, else the
sentence of a reaction stated without a quote. Points run earliest first, articles of one day by
id; undated articles come last and take no part in changes, their order being unknown.

A **change** is a dated point whose label is support or oppose and differs from the actor's
previous dated support or oppose: support in one outlet in March, oppose in another in June.
Neutral points in between neither start nor end a change (neutral is speaking about the target
without taking a side, not a turn); an article with as much support as oppose is neutral.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Connection, select

from saidwhat.schema import is_uncertain
from saidwhat.store import tables as t
from saidwhat.store.results import StanceChange, TimelineEvidence, TimelinePoint

__all__ = ["POLAR", "TIE_SCORE", "Lookups", "changes", "latest", "lookups", "points"]

#: the labels between which a stance can turn
POLAR = ("support", "oppose")
#: the score of a point whose article holds as much support as oppose: a coin's probability, so
#: the point is shown as uncertain (``schema.UNCERTAIN_BELOW``); there is nothing to measure
TIE_SCORE = 0.5
#: how many ids go into one ``IN (…)`` list
_CHUNK = 500

@dataclass(frozen=True)
class Lookups:
    """What the points show besides the evidence rows: article titles, quote words, reaction sentences."""

    titles: dict[int, str | None] = field(default_factory=dict)
    quotes: dict[int, tuple[str, str]] = field(default_factory=dict)  # quote row → (quote id, text)
    # (article, actor key, target norm, label) → (reaction id, sentence), the best-scored one
    reactions: dict[tuple[int, str, str, str], tuple[str, str]] = field(default_factory=dict)


def _chunks(ids: Sequence[int]) -> list[list[int]]:
    return [list(ids[i : i + _CHUNK]) for i in range(0, len(ids), _CHUNK)]


def lookups(conn: Connection, items: Sequence[Any], norms: Sequence[str]) -> Lookups:
    """Titles of the items' articles, words of their quotes, sentences of their named-target reactions."""
    a, q, r = t.articles.c, t.quotes.c, t.reactions.c
    ids = sorted({int(i.article_id) for i in items})
    rows = sorted({int(i.quote_row) for i in items if i.quote_row is not None})
    look = Lookups()
    for chunk in _chunks(ids):
        look.titles.update((int(i), title) for i, title in conn.execute(
            select(a.id, a.title).where(a.id.in_(chunk))))
    for chunk in _chunks(rows):
        look.quotes.update((int(row), (qid, text)) for row, qid, text in conn.execute(
            select(q.id, q.quote_id, q.text).where(q.id.in_(chunk))))
    if not any(i.origin == "reaction" and not getattr(i, "text", None) for i in items):
        return look
    for chunk in _chunks(ids):
        for x in conn.execute(select(r.article_id, r.actor_key, r.target_norm, r.label, r.reaction_id, r.text)
                              .where(r.article_id.in_(chunk), r.target_norm.in_(list(norms)),
                                     r.actor_key.is_not(None)).order_by(r.score.desc(), r.id)):
            look.reactions.setdefault((int(x.article_id), x.actor_key, x.target_norm, x.label),
                                      (x.reaction_id, x.text))
    return look


def _evidence(article_id: int, items: Sequence[Any], label: str, look: Lookups) -> TimelineEvidence | None:
    """The best item with the point's label: a quote first, then a reaction; the strongest first."""
    best = sorted((i for i in items if i.label == label and i.origin != "actor"),
                  key=lambda i: (i.origin != "quote", -float(i.score)))
    for i in best:
        if i.origin == "quote" and i.quote_row is not None and int(i.quote_row) in look.quotes:
            qid, text = look.quotes[int(i.quote_row)]
            return TimelineEvidence.model_construct(kind="quote", id=qid, text=text)
        if i.origin != "reaction":
            continue
        sentence = getattr(i, "text", None)
        if sentence:  # a candidate target's reaction carries its sentence
            return TimelineEvidence.model_construct(kind="reaction", id=None, text=sentence)
        found = look.reactions.get((article_id, i.actor_key, getattr(i, "target_norm", ""), label))
        if found is not None:
            return TimelineEvidence.model_construct(kind="reaction", id=found[0], text=found[1])
    return None


def _point(article_id: int, items: Sequence[Any], label: str, look: Lookups) -> TimelinePoint:
    """One article's point. Built without validation (``model_construct``): every value comes
    from the store's own columns, and a reaction table holds thousands of points."""
    score = max((float(i.score) for i in items if i.label == label), default=TIE_SCORE)
    first = items[0]  # every item of one article carries that article's date and outlet
    return TimelinePoint.model_construct(
        article_id=article_id, published=first.published[:10] if first.published else None,
        outlet=first.outlet, title=look.titles.get(article_id), label=cast(Any, label), score=round(score, 3),
        uncertain=is_uncertain(score), evidence=_evidence(article_id, items, label, look), changed=False)


def points(per_article: Mapping[int, Sequence[Any]], votes: Mapping[int, str],
           look: Lookups) -> list[TimelinePoint]:
    """One point per article (labelled with its vote), earliest first, undated last; ``changed``
    set where the stance turned."""
    pts = [_point(aid, items, votes[aid], look) for aid, items in per_article.items()]
    pts.sort(key=lambda p: (p.published is None, p.published or "", p.article_id))
    turned = {c.article_id for c in changes(pts)}
    for p in pts:
        p.changed = p.article_id in turned
    return pts


def changes(pts: Sequence[TimelinePoint]) -> list[StanceChange]:
    """Every dated support or oppose that differs from the previous dated support or oppose."""
    out: list[StanceChange] = []
    last: TimelinePoint | None = None
    for p in pts:
        if p.published is None or p.label not in POLAR:
            continue
        if last is not None and last.published is not None and p.label != last.label:
            out.append(StanceChange(date=p.published, outlet=p.outlet, article_id=p.article_id, label=p.label,
                                    previous=last.label, previous_date=last.published,
                                    previous_outlet=last.outlet, previous_article_id=last.article_id))
        last = p
    return out


def latest(pts: Sequence[TimelinePoint]) -> str | None:
    """The label of the latest dated point (None when no point is dated)."""
    return next((p.label for p in reversed(pts) if p.published is not None), None)
