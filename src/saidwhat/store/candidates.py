"""Candidate targets across articles: stored at ingest, matched to a target named at query time.

Each article's candidates (``AnalyzedArticle.candidates``) are stored with every name they go by
and their stance evidence. A query names a target; a candidate answers for it when

- one of its names is the query's (case-insensitive, without a leading article); or
- both are documents ("the UN report" and the article's "the United Nations report on Xinjiang",
  also known there as "the report", "the assessment", "the findings") and every modifier of the
  query ("UN") is a word of the candidate's names or the initials of a run of them; or
- both name the same entity: same last word (surname), and every word of the query is one of
  the candidate's words, or the candidate is that last word alone ("Trump" for "Donald Trump").

``ranked_targets`` joins candidates across articles, by the canonical actor they name or else by
name, and ranks them by how many actors react to them in how many articles.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select

from saidwhat.schema import AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.keys import norm_target

__all__ = ["TargetCount", "candidate_rows", "insert_candidates", "matching_candidates", "ranked_targets"]

#: the ``word`` under which every document candidate is filed (a query with a document noun looks there)
_DOCUMENT = "~document"
_DOC_NOUNS = {"report", "reports", "assessment", "finding", "findings", "document", "study", "review",
              "investigation", "inquiry", "probe", "analysis"}
_STOP = {"the", "a", "an", "of", "on", "in", "into", "about", "by", "for", "and", "to", "'s"}
#: the shortest run of initials taken as an acronym ("UN")
_MIN_ACRONYM = 2


@dataclass(frozen=True)
class TargetCount:
    """A target joined across articles: how many actors react to it in how many articles."""

    name: str
    sort: str
    n_actors: int
    n_articles: int


def _word(name_norm: str, sort: str) -> str:
    words = name_norm.split()
    return _DOCUMENT if sort == "document" else (words[-1] if words else "")[:100]


def insert_candidates(conn: Connection, article_id: int, a: AnalyzedArticle, keys: dict[str, str],
                      quote_rows: dict[str, int]) -> None:
    """The article's candidate targets, their names and their stance evidence."""
    for cand in a.candidates:
        name_norm = norm_target(cand.name)
        cid = int(conn.execute(insert(t.target_candidates).returning(t.target_candidates.c.id), {
            "article_id": article_id, "name": cand.name, "name_norm": name_norm, "sort": cand.sort,
            "n_mentions": len(cand.mentions)}).scalar_one())
        aliases = {norm_target(n) for n in [cand.name, *cand.aliases]} - {""}
        conn.execute(insert(t.candidate_names), [{"candidate_id": cid, "alias_norm": alias,
                                                  "word": _word(alias, cand.sort)} for alias in aliases])
        rows = [{"candidate_id": cid, "article_id": article_id, "actor_key": keys.get(s.actor or ""),
                 "local_actor": s.actor, "origin": s.origin,
                 "quote_row": quote_rows.get(s.item) if s.origin == "quote" else None,
                 "label": s.label, "score": s.score, "text": None} for s in cand.stances]
        rows += [{"candidate_id": cid, "article_id": article_id, "actor_key": keys.get(r.actor or ""),
                  "local_actor": r.actor, "origin": "reaction", "quote_row": None, "label": r.label,
                  "score": r.score,
                  "text": _sentence(a.text, [*r.cue, *r.mention])} for r in cand.reactions]
        if rows:
            conn.execute(insert(t.candidate_stances), rows)


def _sentence(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return ""
    start, end = min(s for s, _ in spans), max(e for _, e in spans)
    left = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    right = min([i for i in (text.find(".", end), text.find("\n", end)) if i != -1] or [len(text) - 1]) + 1
    return text[left:right].strip()


def _acronyms(words: list[str]) -> set[str]:
    """Initials of every run of content words ("united nations" → "un")."""
    initials = "".join(w[0] for w in words if w not in _STOP and w[:1].isalpha())
    return {initials[i:j] for i in range(len(initials)) for j in range(i + _MIN_ACRONYM, len(initials) + 1)}


def _doc_matches(query: list[str], name: str, aliases: list[str]) -> bool:
    """Every modifier of the query is a word of the candidate's names or an acronym of a run of them."""
    names = [name, *aliases]
    mods = [w for w in query if w not in _STOP and w not in _DOC_NOUNS]
    words = {w for n in names for w in n.split()}
    acronyms = {x for n in names for x in _acronyms(n.split())}
    return all(m in words or m in acronyms for m in mods)


def _entity_matches(query: list[str], name: str, aliases: list[str]) -> bool:
    """Every word of the query is a word of the candidate's names, or the candidate is the
    query's last word alone ("Trump")."""
    words = {w for n in [name, *aliases] for w in n.split()}
    return all(w in words for w in query if w not in _STOP) or name == query[-1]


def matching_candidates(conn: Connection, target: str) -> list[int]:
    """Ids of the stored candidates that ``target`` names (see the module's rules)."""
    norm = norm_target(target)
    query = norm.split()
    if not query:
        return []
    cn = t.candidate_names.c
    found = set(conn.execute(select(cn.candidate_id).where(cn.alias_norm == norm)).scalars())
    is_doc = any(w in _DOC_NOUNS for w in query)
    word = _DOCUMENT if is_doc else query[-1][:100]
    aliases: dict[int, list[str]] = defaultdict(list)
    names: dict[int, str] = {}
    probe = select(cn.candidate_id).where(cn.word == word).scalar_subquery()
    tc = t.target_candidates.c
    for cid, name, alias in conn.execute(select(cn.candidate_id, tc.name_norm, cn.alias_norm)
                                         .join(t.target_candidates, tc.id == cn.candidate_id)
                                         .where(cn.candidate_id.in_(probe))):
        aliases[int(cid)].append(alias)
        names[int(cid)] = name
    match = _doc_matches if is_doc else _entity_matches
    found |= {cid for cid, name in names.items() if match(query, name, aliases[cid])}
    return sorted(found)


def candidate_rows(conn: Connection, ids: list[int], conds: list[Any]) -> list[Any]:
    """Stance evidence toward the candidates, in the shape ``reactions`` reads."""
    if not ids:
        return []
    cs, a = t.candidate_stances.c, t.articles.c
    return list(conn.execute(select(cs.actor_key, cs.article_id, cs.origin, cs.quote_row, cs.label, cs.score,
                                    cs.text, a.published, a.outlet).join(t.articles, a.id == cs.article_id)
                             .where(cs.candidate_id.in_(ids), cs.actor_key.is_not(None), *conds)))


def ranked_targets(conn: Connection, *, limit: int = 50) -> list[TargetCount]:
    """Candidates joined across articles, most reacting actors first, then most articles: a candidate
    that names one of its article's actors (by its name or an alias) joins that actor's canonical
    actor ("Donald J. Trump", "Trump" and "Donald Trump" are one target, shown by the canonical
    name); any other joins the candidates of the same name."""
    tc, cs = t.target_candidates.c, t.candidate_stances.c
    rows = conn.execute(select(tc.article_id, tc.name_norm, tc.name, tc.sort, cs.actor_key)
                        .join(t.candidate_stances, cs.candidate_id == tc.id)
                        .where(cs.actor_key.is_not(None)).distinct()).all()
    named = _named_actors(conn, {int(r.article_id) for r in rows if r.sort != "document"})
    groups: dict[str, dict[str, Any]] = {}
    for r in rows:
        key = named.get((int(r.article_id), r.name_norm)) if r.sort != "document" else None
        g = groups.setdefault(key or f"~{r.name_norm}", {"names": Counter(), "sorts": Counter(),
                                                         "actors": set(), "articles": set()})
        g["names"][r.name] += 1
        g["sorts"][r.sort] += 1
        g["actors"].add(r.actor_key)
        g["articles"].add(int(r.article_id))
    shown = _canonical_names(conn, [k for k in groups if not k.startswith("~")])
    _join_by_shown_name(groups, shown)
    out = [TargetCount(name=shown.get(k) or _most_common(g["names"]), sort=_most_common(g["sorts"]),
                       n_actors=len(g["actors"]), n_articles=len(g["articles"])) for k, g in groups.items()]
    out.sort(key=lambda c: (-c.n_actors, -c.n_articles, c.name.casefold()))
    return out[:limit]


def _join_by_shown_name(groups: dict[str, dict[str, Any]], shown: dict[str, str]) -> None:
    """A candidate joined by name alone ("~america") joins the canonical actor shown by that name
    ("America", an actor in other articles): one row for it, not two (PolNeAR train as one store:
    9 names shown twice in the top 100, Congress among them, 0 after)."""
    by_name = {norm_target(name): key for key, name in shown.items()}
    for key in [k for k in groups if k.startswith("~")]:
        into = by_name.get(key[1:])
        if into is not None and into in groups:
            g, dst = groups.pop(key), groups[into]
            for field in ("names", "sorts"):
                dst[field].update(g[field])
            dst["actors"] |= g["actors"]
            dst["articles"] |= g["articles"]


def _most_common(counts: Counter[str]) -> str:
    """The most frequent value; of equally frequent ones the last in sorted order (deterministic)."""
    return max(counts, key=lambda v: (counts[v], v))


def _named_actors(conn: Connection, article_ids: set[int]) -> dict[tuple[int, str], str]:
    """(article id, normalised name or alias) → canonical key of the article's named actors (not
    the descriptions scoped to their article)."""
    ac = t.actors.c
    out: dict[tuple[int, str], str] = {}
    ids = sorted(article_ids)
    for i in range(0, len(ids), 500):
        for r in conn.execute(select(ac.article_id, ac.name, ac.aliases, ac.actor_key)
                              .where(ac.article_id.in_(ids[i:i + 500]), ac.actor_key.not_like("%@%"))):
            for name in [r.name, *json.loads(r.aliases or "[]")]:
                out.setdefault((int(r.article_id), norm_target(name)), r.actor_key)
    return out


def _canonical_names(conn: Connection, keys: list[str]) -> dict[str, str]:
    c = t.canonical_actors.c
    out: dict[str, str] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i:i + 500]
        out.update((r.key, r.name) for r in conn.execute(select(c.key, c.name).where(c.key.in_(chunk))))
    return out
