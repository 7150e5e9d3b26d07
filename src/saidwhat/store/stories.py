"""Stories: the articles that tell one event, grouped across outlets at query time.

Two stored articles tell one story when

* they are copies of each other (``copy_links``: exact, near or rewritten), or
* they were published within ``WINDOW_DAYS`` of each other and share enough distinctive
  evidence: each shared quote trail (the same utterance, ``saidwhat.store.trails``) counts
  ``TRAIL_WEIGHT``, each shared canonical actor and each shared target (candidate or named) 1,
  and they join at ``MIN_SCORE``. Distinctive: found in at most ``MAX_SHARE`` of the stored
  articles (or ``MIN_CAP`` articles in a small store); "Donald Trump" in a campaign corpus says
  nothing about which event an article tells. Undated articles join through copies only.

A story is a connected group of such pairs; it is named by its first stored article (the lowest
article id), and any of its articles finds it. Nothing is stored: stories are computed from the
store's articles, actors, targets, trails and copies when asked, so they follow every new
article, hand edit of actors or re-identification without a migration or a rebuild (a new article
can join two stories into one; stored story ids would then change under their users anyway).
The computation reads a few columns of every article's features: 0.3 s for PolNeAR train's 839
articles (docs/corpus.md); ``Store`` keeps the last result until the store changes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from pydantic import BaseModel, Field
from sqlalchemy import Connection, func, select

from saidwhat.store import tables as t

__all__ = [
    "MAX_SHARE",
    "MIN_CAP",
    "MIN_SCORE",
    "TRAIL_WEIGHT",
    "WINDOW_DAYS",
    "Stories",
    "Story",
    "StoryArticle",
    "StoryName",
    "StorySummary",
    "compute",
    "matches",
    "state_key",
]

#: articles further apart than this many days are never one story unless they are copies
WINDOW_DAYS = 3
#: a shared quote trail counts as this many shared actors or targets
TRAIL_WEIGHT = 2
#: two articles join at this much shared evidence (three distinctive names, or a quote and a name)
MIN_SCORE = 3
#: features found in more than this share of the articles are too common to join anything ...
MAX_SHARE = 0.02
#: ... unless they are in at most this many articles (a small store)
MIN_CAP = 5
#: names (actors, targets) listed per story
TOP_NAMES = 8


class StoryName(BaseModel):
    """An actor or target of a story, with the number of its articles that have it."""

    key: str
    name: str
    articles: int


class StoryArticle(BaseModel):
    id: int
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    url: str | None = None


class StorySummary(BaseModel):
    """One story: the same event across articles and outlets."""

    id: int = Field(description="the story's first stored article; any of its articles finds it")
    title: str | None = Field(default=None, description="the first published article's title")
    n_articles: int
    outlets: list[str] = Field(default_factory=list)
    first_seen: str | None = Field(default=None, description="the earliest published date of its articles")
    last_seen: str | None = None
    actors: list[StoryName] = Field(default_factory=list, description="main actors, most articles first")
    targets: list[StoryName] = Field(default_factory=list, description="main targets, most articles first")


class Story(StorySummary):
    articles: list[StoryArticle] = Field(default_factory=list, description="first published first")
    copies: int = Field(default=0, description="pairs of its articles that are copies of each other")
    shared_quotes: list[int] = Field(default_factory=list, description="trails carried by 2+ of its articles")


@dataclass
class _Article:
    id: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    features: set[str] = field(default_factory=set)
    names: dict[str, str] = field(default_factory=dict)


@dataclass
class Stories:
    """Every story of a store (groups of 2+ articles), and which story each article is in."""

    stories: dict[int, Story]
    story_of: dict[int, int]


def state_key(conn: Connection) -> tuple[object, ...]:
    """Changes whenever stories can: articles, copies, actors' identities or trails."""
    a, e = t.articles.c, t.actor_edits.c
    return (tuple(conn.execute(select(func.count(), func.max(a.id))).one()),
            conn.execute(select(func.count()).select_from(t.copy_links)).scalar(),
            tuple(conn.execute(select(func.count(), func.max(e.id))).one()),
            conn.execute(select(func.count(func.distinct(t.actors.c.actor_key)))).scalar())


def _load(conn: Connection) -> dict[int, _Article]:
    a = t.articles.c
    arts = {int(r.id): _Article(int(r.id), r.title, r.outlet, r.published, r.url) for r in conn.execute(
        select(a.id, a.title, a.outlet, a.published, a.url))}
    ac, ca = t.actors.c, t.canonical_actors.c
    for aid, key, name in conn.execute(select(ac.article_id, ac.actor_key, ca.name)
                                       .join(t.canonical_actors, ca.key == ac.actor_key)
                                       .where(ac.kind.in_(("person", "organization")))):
        if "@" not in key:  # an actor of one article only joins nothing
            _add(arts, aid, f"a:{key}", name)
    tc, tg = t.target_candidates.c, t.targets.c
    for aid, norm, name in conn.execute(select(tc.article_id, tc.name_norm, tc.name)):
        _add(arts, aid, f"t:{norm}", name)
    for aid, norm, name in conn.execute(select(tg.article_id, tg.name_norm, tg.name)):
        _add(arts, aid, f"t:{norm}", name)
    q, tr = t.quotes.c, t.trails.c
    for aid, trail in conn.execute(select(q.article_id, q.trail_id).join(t.trails, tr.id == q.trail_id)
                                   .where(tr.n_articles >= 2).distinct()):
        _add(arts, aid, f"q:{trail}", str(trail))
    return arts


def _add(arts: dict[int, _Article], aid: int, feature: str, name: str) -> None:
    art = arts.get(int(aid))
    if art is not None:
        art.features.add(feature)
        art.names.setdefault(feature, name)


def _day(published: str | None) -> int | None:
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return None


def _weights(arts: dict[int, _Article]) -> dict[str, int]:
    """The weight of each distinctive feature held by 2+ articles."""
    df = Counter(f for art in arts.values() for f in art.features)
    cap = max(MIN_CAP, MAX_SHARE * len(arts))
    return {f: TRAIL_WEIGHT if f.startswith("q:") else 1 for f, c in df.items() if 2 <= c <= cap}


def _pairs(arts: dict[int, _Article], weights: dict[str, int]) -> Iterable[tuple[int, int]]:
    """Article pairs within the window whose shared evidence weighs ``MIN_SCORE``."""
    holders: dict[str, list[int]] = defaultdict(list)
    for art in arts.values():
        for f in art.features:
            if f in weights:
                holders[f].append(art.id)
    score: Counter[tuple[int, int]] = Counter()
    for f, ids in holders.items():
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                score[(min(x, y), max(x, y))] += weights[f]
    for (x, y), s in score.items():
        dx, dy = _day(arts[x].published), _day(arts[y].published)
        if s >= MIN_SCORE and dx is not None and dy is not None and abs(dx - dy) <= WINDOW_DAYS:
            yield x, y


def _components(ids: Iterable[int], pairs: Iterable[tuple[int, int]]) -> dict[int, list[int]]:
    parent = {i: i for i in ids}

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for x, y in pairs:
        if x in parent and y in parent:
            rx, ry = find(x), find(y)
            parent[max(rx, ry)] = min(rx, ry)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in parent:
        groups[find(i)].append(i)
    return {min(g): sorted(g) for g in groups.values() if len(g) >= 2}


def _top(members: list[_Article], prefix: str) -> list[StoryName]:
    counts = Counter(f for art in members for f in art.features if f.startswith(prefix))
    names = {f: art.names[f] for art in members for f in art.features if f.startswith(prefix)}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], names[kv[0]].lower()))[:TOP_NAMES]
    return [StoryName(key=f[2:], name=names[f], articles=c) for f, c in top if c >= 2 or len(members) == 1]


def _story(story_id: int, members: list[_Article], copies: int) -> Story:
    order = sorted(members, key=lambda m: (m.published is None, m.published or "", m.id))
    dates = [m.published[:10] for m in members if m.published]
    trails = Counter(f for m in members for f in m.features if f.startswith("q:"))
    return Story(
        id=story_id, title=order[0].title, n_articles=len(members),
        outlets=sorted({m.outlet for m in members if m.outlet}),
        first_seen=min(dates) if dates else None, last_seen=max(dates) if dates else None,
        actors=_top(members, "a:"), targets=_top(members, "t:"), copies=copies,
        shared_quotes=sorted(int(f[2:]) for f, c in trails.items() if c >= 2),
        articles=[StoryArticle(id=m.id, title=m.title, outlet=m.outlet, published=m.published, url=m.url)
                  for m in order])


def compute(conn: Connection) -> Stories:
    """Every story of the store (see the module docstring)."""
    arts = _load(conn)
    cl = t.copy_links.c
    copies = [(int(x), int(y)) for x, y in conn.execute(select(cl.article_a, cl.article_b))]
    pairs = list(_pairs(arts, _weights(arts))) + copies
    groups = _components(arts, pairs)
    story_of = {aid: sid for sid, ids in groups.items() for aid in ids}
    n_copies: Counter[int] = Counter(story_of[x] for x, y in copies if x in story_of)
    stories = {sid: _story(sid, [arts[i] for i in ids], n_copies[sid]) for sid, ids in groups.items()}
    return Stories(stories=stories, story_of=story_of)


def matches(story: StorySummary, *, text: str | None, outlet: str | None, since: str | None,
            until: str | None) -> bool:
    """Whether a story passes the listing's filters (see ``Store.stories``)."""
    if outlet is not None and outlet.lower() not in {o.lower() for o in story.outlets}:
        return False
    if since is not None and (story.last_seen is None or story.last_seen < since[:10]):
        return False
    if until is not None and (story.first_seen is None or story.first_seen[: len(until)] > until):
        return False
    if text is None:
        return True
    needle = text.casefold()
    names = [story.title or ""] + [n.name for n in story.actors + story.targets]
    return any(needle in n.casefold() for n in names)
