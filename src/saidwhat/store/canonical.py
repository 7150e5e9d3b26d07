"""Canonical actors in the store: the identity step's writes, hand merges and splits, re-identification.

``write_actors`` is the writing path's actor step (inside the article's transaction): it resolves
the article's actors with ``saidwhat.store.identity``, applies the hand edits, writes the
``actors`` and ``actor_names`` rows, and creates or refreshes the canonical actors (display name,
names searched, affiliation, gender). When the article brings a new person or a new definition
of an acronym or handle, actors of earlier articles that were waiting for it (a surname no person
in the store bore, an acronym nobody had defined) are looked at again and moved.

Hand edits (``actor_edits``) are applied to every actor the identity step resolves, now and at
every later write or ``reidentify``, so a re-ingest or a re-identification keeps them:
``merge_actors(a, b)`` moves everything of ``a`` to ``b``; ``split_actor(key, name=, article=)``
moves the actors of ``key`` with that name (or in that article) to a new canonical actor.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, and_, bindparam, delete, func, insert, select, update

from saidwhat.errors import ConfigError
from saidwhat.schema import Actor, AnalyzedArticle
from saidwhat.store import tables as t
from saidwhat.store.dedup import text_hash
from saidwhat.store.gender import canonical_gender, firm_gender, text_gender
from saidwhat.store.identity import (
    PRONOUN_GENDER_SET_ASIDE,
    Resolved,
    choose_for_surname,
    dominant,
    lookup_forms,
    parse_name,
    person_aliases,
    resolve_article,
    scope_of,
)
from saidwhat.store.keys import norm_name

__all__ = [
    "Edit",
    "SqlIndex",
    "list_edits",
    "record_edits",
    "merge_actors",
    "reidentify",
    "split_actor",
    "write_actors",
]

_CHUNK = 500
_PRONOUNS = {"he", "she", "him", "her", "his", "they", "them", "it", "i", "we", "you", "who", "which"}


@dataclass(frozen=True)
class Edit:
    id: int
    action: str
    key: str
    into: str
    name_norm: str | None = None
    scope: str | None = None
    note: str | None = None
    created_at: str = ""

    def applies(self, key: str, name: str, scope: str) -> bool:
        if key != self.key:
            return False
        if self.action == "merge":
            return True
        return (self.name_norm is None or self.name_norm == norm_name(name)) and (
            self.scope is None or self.scope == scope)


class SqlIndex:
    """``identity.Index`` over the store's tables, seen through one connection."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._known: dict[str, dict[str, int]] = {}

    def prefetch(self, forms: Iterable[str]) -> None:
        """Fetch the keys of many forms at once (``keys_with`` then answers from memory)."""
        n = t.actor_names.c
        todo = sorted(set(forms) - set(self._known))
        for chunk in _chunks(todo):
            found: dict[str, dict[str, int]] = {f: {} for f in chunk}
            for form, key, count in self.conn.execute(
                    select(n.form, n.actor_key, func.count(n.article_id.distinct()))
                    .where(n.form.in_(list(chunk))).group_by(n.form, n.actor_key)):
                found[form][str(key)] = int(count)
            self._known.update(found)

    def keys_with(self, form: str) -> dict[str, int]:
        if form not in self._known:
            self.prefetch([form])
        return dict(self._known[form])

    def cooccurrence(self, candidates: Sequence[str], others: Sequence[str]) -> dict[str, int]:
        if not candidates or not others:
            return {}
        a1, a2 = t.actors.alias("a1"), t.actors.alias("a2")
        rows = self.conn.execute(
            select(a1.c.actor_key, func.count(a1.c.article_id.distinct()))
            .join(a2, and_(a2.c.article_id == a1.c.article_id, a2.c.actor_key != a1.c.actor_key))
            .where(a1.c.actor_key.in_(list(candidates)), a2.c.actor_key.in_(list(others)))
            .group_by(a1.c.actor_key))
        return {str(k): int(c) for k, c in rows}

    def forms_of(self, key: str, prefix: str) -> set[str]:
        n = t.actor_names.c
        rows = self.conn.execute(select(n.form).distinct().where(n.actor_key == key,
                                                                 n.form.startswith(prefix, autoescape=True)))
        return {str(f) for f in rows.scalars()}

    def affiliation(self, key: str) -> str | None:
        c = t.canonical_actors.c
        value = self.conn.execute(select(c.affiliation).where(c.key == key)).scalar()
        return str(value) if value else None

    def gender(self, key: str) -> str | None:
        c = t.canonical_actors.c
        row = self.conn.execute(select(c.gender, c.gender_source).where(c.key == key)).first()
        if row is None or row.gender_source != "text" or row.gender not in ("female", "male"):
            return None
        return str(row.gender)


# -- edits -------------------------------------------------------------------------------------------


def list_edits(conn: Connection) -> list[Edit]:
    e = t.actor_edits.c
    return [Edit(int(r.id), r.action, r.key, r.into, r.name_norm, r.scope, r.note, r.created_at)
            for r in conn.execute(select(t.actor_edits).order_by(e.id))]


def apply_edits(edits: Sequence[Edit], key: str, name: str, scope: str) -> str:
    """The key after the hand edits, applied in order (a chain A → B → C ends at C)."""
    for edit in edits:
        if edit.applies(key, name, scope):
            key = edit.into
    return key


def _record_edit(conn: Connection, **values: Any) -> int:
    values["created_at"] = datetime.now(UTC).isoformat(timespec="seconds")
    return int(conn.execute(insert(t.actor_edits).returning(t.actor_edits.c.id), values).scalar_one())


def record_edits(conn: Connection, edits: Sequence[dict[str, Any]]) -> None:
    """Record edits as they are (from another store's export); apply them with ``reidentify``."""
    for e in edits:
        if e.get("action") not in ("merge", "split") or not e.get("key") or not e.get("into"):
            raise ConfigError(f"not an actor edit: {json.dumps(e, ensure_ascii=False)[:200]}")
        conn.execute(insert(t.actor_edits), {
            "action": e["action"], "key": e["key"], "into": e["into"], "name_norm": e.get("name"),
            "scope": e.get("scope"), "note": e.get("note"),
            "created_at": e.get("created_at") or datetime.now(UTC).isoformat(timespec="seconds")})


def merge_actors(conn: Connection, key: str, into: str, *, note: str | None = None) -> int:
    """Move every actor of ``key`` to ``into`` (both existing canonical actors); returns the edit id."""
    if key == into:
        raise ConfigError(f"cannot merge {key!r} into itself")
    for k in (key, into):
        if _canonical(conn, k) is None:
            raise ConfigError(f"no actor {k!r} in the store")
    edit_id = _record_edit(conn, action="merge", key=key, into=into, note=note)
    ac = t.actors.c
    rows = conn.execute(select(ac.article_id, ac.local_id).where(ac.actor_key == key)).all()
    _move(conn, [(int(r.article_id), r.local_id) for r in rows], key, into)
    return edit_id


def split_actor(conn: Connection, key: str, *, name: str | None = None, article_id: int | None = None,
                note: str | None = None) -> tuple[int, str]:
    """Move the actors of ``key`` named ``name`` and/or in article ``article_id`` to a new canonical
    actor; returns (edit id, new key)."""
    if name is None and article_id is None:
        raise ConfigError("a split needs a name or an article")
    if _canonical(conn, key) is None:
        raise ConfigError(f"no actor {key!r} in the store")
    scope = None
    if article_id is not None:
        row = conn.execute(select(t.articles.c.text_hash).where(t.articles.c.id == article_id)).first()
        if row is None:
            raise ConfigError(f"no article {article_id} in the store")
        scope = scope_of(row.text_hash)
    ac = t.actors.c
    rows = conn.execute(select(ac.article_id, ac.local_id, ac.name, t.articles.c.text_hash)
                        .join(t.articles, t.articles.c.id == ac.article_id).where(ac.actor_key == key)).all()
    probe = Edit(0, "split", key, "", norm_name(name) if name else None, scope)
    moving = [r for r in rows if probe.applies(key, r.name, scope_of(r.text_hash))]
    if not moving:
        raise ConfigError(f"no actor of {key!r} matches the split")
    if len(moving) == len(rows):
        raise ConfigError(f"the split would move every actor of {key!r}: nothing to split off")
    edit_id = _record_edit(conn, action="split", key=key, into="", name_norm=probe.name_norm, scope=scope,
                           note=note)
    into = f"{key.split('@')[0][:280]}~{edit_id}"
    conn.execute(update(t.actor_edits).where(t.actor_edits.c.id == edit_id).values(into=into))
    _move(conn, [(int(r.article_id), r.local_id) for r in moving], key, into)
    return edit_id, into


# -- moving actors between canonical actors -------------------------------------------------------


def _canonical(conn: Connection, key: str) -> Any:
    c = t.canonical_actors.c
    return conn.execute(select(c.key, c.name, c.kind).where(c.key == key)).first()


def _ensure(conn: Connection, wanted: Sequence[tuple[str, str, str]]) -> None:
    """A canonical row for each (key, name, kind) (completed by ``refresh_canonical``), so that
    rows may point at it."""
    c = t.canonical_actors.c
    todo = {key: (name, kind) for key, name, kind in wanted}
    present: set[str] = set()
    for chunk in _chunks(list(todo)):
        present.update(conn.execute(select(c.key).where(c.key.in_(chunk))).scalars())
    todo = {k: v for k, v in todo.items() if k not in present}
    if todo:
        conn.execute(insert(t.canonical_actors), [{"key": k, "name": n, "kind": kd, "search_names": ""}
                                                  for k, (n, kd) in todo.items()])


def _chunks(items: Sequence[str], size: int = _CHUNK) -> list[Sequence[str]]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _move(conn: Connection, actors: Sequence[tuple[int, str]], old: str, new: str) -> None:
    """Point these article actors (article id, local id) at ``new`` wherever ``old`` was stored."""
    first = _canonical(conn, old)
    _ensure(conn, [(new, first.name if first else new, first.kind if first else "person")])
    by_article: dict[int, list[str]] = {}
    for article_id, local_id in actors:
        by_article.setdefault(article_id, []).append(local_id)
    for article_id, local_ids in by_article.items():
        for table in (t.actors, t.actor_names):
            conn.execute(update(table).where(table.c.article_id == article_id, table.c.actor_key == old,
                                             table.c.local_id.in_(local_ids)).values(actor_key=new))
        for table in (t.quotes, t.stances, t.reactions, t.candidate_stances):
            conn.execute(update(table).where(table.c.article_id == article_id, table.c.actor_key == old,
                                             table.c.local_actor.in_(local_ids)).values(actor_key=new))
    refresh_canonical(conn, [old, new])


def refresh_canonical(conn: Connection, keys: Iterable[str], *,
                      new_names: dict[str, set[str]] | None = None) -> None:
    """Create, update or delete each canonical actor from the article actors that point at it.

    The names searched are recomputed from every article actor, or, given ``new_names`` (the
    writing path), only extended with them."""
    c = t.canonical_actors.c
    for chunk in _chunks(list(dict.fromkeys(keys))):
        values = _canonical_values(conn, chunk)
        have = {r.key: r.search_names
                for r in conn.execute(select(c.key, c.search_names).where(c.key.in_(chunk)))}
        gone = [k for k in chunk if k not in values and k in have]
        if gone:
            conn.execute(delete(t.canonical_actors).where(c.key.in_(gone)))
        full = _all_names(conn, [k for k in values if new_names is None or k not in have])
        rows = []
        for key, v in values.items():
            names = full.get(key, set()) if key in full else (
                set(filter(None, (have.get(key) or "").split("|"))) | (new_names or {}).get(key, set()))
            rows.append({**v, "k": key, "search_names": "|" + "|".join(sorted(names)) + "|"})
        old = [r for r in rows if r["k"] in have]
        if old:
            conn.execute(update(t.canonical_actors).where(c.key == bindparam("k")).values(
                {col: bindparam(col) for col in ("name", "kind", "affiliation", "gender", "gender_source",
                                                 "search_names")}), old)
        new = [{**{k: v for k, v in r.items() if k != "k"}, "key": r["k"]}
               for r in rows if r["k"] not in have]
        if new:
            conn.execute(insert(t.canonical_actors), new)


def _all_names(conn: Connection, keys: Sequence[str]) -> dict[str, set[str]]:
    ac = t.actors.c
    out: dict[str, set[str]] = {k: set() for k in keys}
    if keys:
        for r in conn.execute(select(ac.actor_key, ac.name, ac.aliases).where(ac.actor_key.in_(list(keys)))):
            out[r.actor_key].update(n for n in map(norm_name, [r.name, *json.loads(r.aliases or "[]")]) if n)
    return out


def _canonical_values(conn: Connection, keys: Sequence[str]) -> dict[str, dict[str, Any]]:
    """Per key that article actors point at: display name (the most frequent full name, else the
    most frequent name; the first seen on a tie), kind (the most frequent), first affiliation, gender."""
    ac = t.actors.c
    n, first = func.count().label("n"), func.min(ac.id).label("first")
    mine = ac.actor_key.in_(list(keys))
    names: dict[str, list[Any]] = {}
    for r in conn.execute(select(ac.actor_key, ac.name, ac.mention_type, n, first).where(mine)
                          .group_by(ac.actor_key, ac.name, ac.mention_type)):
        names.setdefault(r.actor_key, []).append(r)
    kinds: dict[str, list[Any]] = {}
    for r in conn.execute(select(ac.actor_key, ac.kind, n, first).where(mine)
                          .group_by(ac.actor_key, ac.kind)):
        kinds.setdefault(r.actor_key, []).append(r)
    affiliations: dict[str, tuple[int, str]] = {}
    for r in conn.execute(select(ac.actor_key, ac.affiliation, first).where(mine, ac.affiliation.is_not(None))
                          .group_by(ac.actor_key, ac.affiliation)):
        if r.actor_key not in affiliations or r.first < affiliations[r.actor_key][0]:
            affiliations[r.actor_key] = (int(r.first), r.affiliation)
    genders: dict[str, dict[str, int]] = {}
    for r in conn.execute(select(ac.actor_key, ac.gender, n).where(mine, ac.gender.in_(("female", "male")))
                          .group_by(ac.actor_key, ac.gender)):
        genders.setdefault(r.actor_key, {})[r.gender] = int(r.n)
    out = {}
    for key, rows in names.items():
        full = [r for r in rows if r.mention_type in ("name", "organization", "handle")] or rows
        name = min(full, key=lambda r: (-r.n, r.first)).name
        kind = min(kinds[key], key=lambda r: (-r.n, r.first)).kind
        gender, source = canonical_gender(genders.get(key, {}), name, kind)
        out[key] = {"name": name, "kind": kind, "affiliation": affiliations.get(key, (0, None))[1],
                    "gender": gender, "gender_source": source}
    return out


# -- reading -------------------------------------------------------------------------------------------


def names_and_roles(conn: Connection, key: str, display: str) -> tuple[list[str], list[dict[str, Any]]]:
    """The other names a canonical actor went by, and its roles and descriptions over time (each
    with its first and last published date and number of articles, the most frequent first):
    descriptions an article resolved to the actor are roles, not names."""
    ac, a = t.actors.c, t.articles.c
    names: set[str] = set()
    roles: dict[str, dict[str, Any]] = {}
    rows = conn.execute(select(ac.name, ac.kind, ac.aliases, ac.role, ac.article_id, a.published)
                        .join(t.articles, a.id == ac.article_id).where(ac.actor_key == key))
    for r in rows:
        seen_as = [r.name, *json.loads(r.aliases or "[]")]
        names.update(n for n in seen_as if parse_name(n, r.kind).named)
        described = [n for n in seen_as if not parse_name(n, r.kind).named and n.lower() not in _PRONOUNS]
        for role in ([r.role] if r.role else []) + described:
            entry = roles.setdefault(norm_name(role),
                                     {"role": role, "first": None, "last": None, "articles": set()})
            entry["articles"].add(int(r.article_id))
            if r.published:
                entry["first"] = min(filter(None, [entry["first"], r.published]))
                entry["last"] = max(filter(None, [entry["last"], r.published]))
    out = [{"role": e["role"], "first": e["first"], "last": e["last"], "n_articles": len(e["articles"])}
           for e in roles.values() if not (key.startswith("person:") and _names_in(e["role"], display))]
    out.sort(key=lambda e: (-e["n_articles"], e["first"] or "9999", e["role"].casefold()))
    if key.startswith("person:"):
        names = {n for n in names if _names_the_person(n, display)}
    return _distinct_names(names, display), out


def _names_in(role: str, display: str) -> bool:
    """Whether a person's role names her ("Trump", "Republican front-runner Donald Trump"): a name,
    not a role."""
    capitalised = " ".join(w for w in role.split() if w[:1].isupper())
    return bool(set(norm_name(capitalised).split()) & set(norm_name(display).split()))


def _without_tag(name: str) -> str:
    """A person's name without a party tag or a place after it: "Sen. Ted Cruz (R-Texas)", "(I-Vt",
    "Senator Bernie Sanders of Vermont", "... of New Hampshire"."""
    cut = name.rfind("(")
    if cut > 0 and len(name) - cut <= 22:
        name = name[:cut]
    words = name.split()
    for n in (2, 3):
        if len(words) > n + 1 and words[-n] == "of" and all(w[:1].isupper() for w in words[1 - n:]):
            return " ".join(words[:-n])
    return " ".join(words)


def _names_the_person(name: str, display: str) -> bool:
    """Whether another name of a person's canonical actor is one of its names: it bears a word of
    the display name ("Mr. Trump", "Donald J. Trump", "Hillary Rodham Clinton") and is no list or
    heading ("Trump, Ryan and RNC Chairman Reince Priebus", "The Trumps: Three Generations"), nor the
    display name after a role ("Republican presidential nominee Donald Trump"); a name an article's
    description resolution gave it ("The Advocate", "the President") is left out, as descriptions
    are listed as roles. PolNeAR train as one store: Donald Trump's 23 other names become 5."""
    bare = _without_tag(re.sub(r"['’]s?$", "", name))
    norm, own = norm_name(bare), norm_name(display)
    if not set(norm.split()) & set(own.split()) or re.search(r",|:|\band\b", name):
        return False
    return not norm.endswith(" " + own)  # "Republican presidential nominee Donald Trump": a role


def _distinct_names(names: Iterable[str], display: str) -> list[str]:
    """One spelling per normalised name (without a possessive if there is one), not the display name."""
    best: dict[str, str] = {}
    for name in sorted(names, key=lambda n: (bool(re.search(r"['’]s?$", n)), len(n), n)):
        best.setdefault(norm_name(name), name.strip())
    best.pop(norm_name(display), None)
    return sorted(best.values(), key=str.casefold)


# -- the writing path --------------------------------------------------------------------------------


def write_actors(conn: Connection, article_id: int, a: AnalyzedArticle) -> dict[str, str]:
    """Resolve, store and index the article's actors; returns local id → canonical key."""
    if not a.actors:
        return {}
    scope = scope_of(text_hash(a.text))
    resolved = _resolve(conn, a, scope)
    _ensure(conn, [(r.key, actor.name, actor.kind) for actor, r in resolved])
    conn.execute(insert(t.actors), [_actor_row(article_id, actor, r, a) for actor, r in resolved])
    _insert_names(conn, article_id, resolved)
    keys = {actor.id: r.key for actor, r in resolved}
    added: dict[str, set[str]] = {}
    for actor, r in resolved:
        added.setdefault(r.key, set()).update(n for n in map(norm_name, [actor.name, *actor.aliases]) if n)
    refresh_canonical(conn, keys.values(), new_names=added)
    _revisit_waiting(conn, article_id, [r for _, r in resolved])
    return keys


def _resolve(conn: Connection, a: AnalyzedArticle, scope: str) -> list[tuple[Actor, Resolved]]:
    edits = list_edits(conn)
    index = SqlIndex(conn)
    actors = {actor.id: actor for actor in a.actors}
    names = [parse_name(actor.name, actor.kind) for actor in a.actors]
    names += [alias for actor in a.actors for alias in person_aliases(actor)]
    index.prefetch(lookup_forms(names))
    genders = {actor.id: g for actor in a.actors if actor.kind == "person" and (g := text_gender(actor, a))}
    firm = {i for i, g in genders.items() if firm_gender(actors[i], a) == g}
    resolved = resolve_article(a.actors, scope, index, genders, firm)
    for actor, r in zip(a.actors, resolved, strict=True):
        key = apply_edits(edits, r.key, actor.name, scope)
        if key != r.key:
            r.key, r.how = key, "edited by hand"
    return list(zip(a.actors, resolved, strict=True))


def _actor_row(article_id: int, actor: Actor, r: Resolved, a: AnalyzedArticle) -> dict[str, Any]:
    gender = text_gender(actor, a) if r.form.family == "person" and PRONOUN_GENDER_SET_ASIDE not in r.how \
        else None
    return {"article_id": article_id, "local_id": actor.id, "actor_key": r.key, "name": actor.name,
            "kind": actor.kind, "affiliation": actor.affiliation, "role": actor.role,
            "aliases": json.dumps(actor.aliases, ensure_ascii=False), "mention_type": r.form.type,
            "name_form": r.form.norm[:300], "identity_how": r.how[:200], "gender": gender,
            "gender_source": "text" if gender else None}


def _insert_names(conn: Connection, article_id: int, resolved: Sequence[tuple[Actor, Resolved]]) -> None:
    rows = [{"article_id": article_id, "local_id": r.local_id, "actor_key": r.key, "form": f[:320]}
            for _, r in resolved for f in r.forms]
    if rows:
        conn.execute(insert(t.actor_names), rows)


def _revisit_waiting(conn: Connection, article_id: int, resolved: Sequence[Resolved]) -> None:
    """Earlier actors that this article's names may now resolve: surnames that no person was
    named often enough for (they are still actors of their own article), acronyms and handles
    defined now."""
    ac = t.actors.c
    surnames = {r.form.surname for r in resolved if r.form.type == "name"}
    if surnames:
        rows = conn.execute(select(ac.article_id, ac.local_id, ac.name, ac.kind, ac.actor_key,
                                   ac.affiliation).where(
            ac.mention_type == "surname", ac.name_form.in_(sorted(surnames)), ac.actor_key.like("%@%"),
            ac.article_id != article_id)).all()
        for row in rows:
            _revisit_surname(conn, int(row.article_id), row.local_id, row.name, row.kind, row.actor_key,
                             row.affiliation)
    defined = {f for r in resolved for f in r.forms
               if f.startswith(("acronym:", "handle:")) and r.form.type not in ("acronym", "handle")}
    for form in sorted(defined):
        _revisit_defined(conn, form)


def _revisit_surname(conn: Connection, article_id: int, local_id: str, name: str, kind: str,
                     key: str, affiliation: str | None) -> None:
    ac = t.actors.c
    others = [k for k in conn.execute(select(ac.actor_key).where(ac.article_id == article_id)).scalars()
              if "@" not in k and k != key]
    found, why = choose_for_surname(parse_name(name, kind), {}, {}, others, SqlIndex(conn), affiliation)
    if found is not None and found != key:
        _move_one(conn, article_id, local_id, name, key, found, why)


def _revisit_defined(conn: Connection, form: str) -> None:
    """Acronym or handle actors still under their own key move to the dominant bearer of the form
    (its own bearers count too: one article's definition does not outweigh many bare uses)."""
    kind, _, norm = form.partition(":")
    found = dominant(SqlIndex(conn).keys_with(form))
    if found is None:
        return
    ac = t.actors.c
    rows = conn.execute(select(ac.article_id, ac.local_id, ac.name, ac.actor_key).where(
        ac.mention_type == kind, ac.name_form == norm, ac.identity_how == "new", ac.actor_key != found)).all()
    for row in rows:
        _move_one(conn, int(row.article_id), row.local_id, row.name, row.actor_key, found,
                  "defined in another article")


def _move_one(conn: Connection, article_id: int, local_id: str, name: str, key: str, found: str,
              why: str) -> None:
    scope = scope_of(conn.execute(select(t.articles.c.text_hash).where(t.articles.c.id == article_id))
                     .scalar_one())
    found = apply_edits(list_edits(conn), found, name, scope)
    if found == key:
        return
    _move(conn, [(article_id, local_id)], key, found)
    conn.execute(update(t.actors).where(t.actors.c.article_id == article_id, t.actors.c.local_id == local_id)
                 .values(identity_how=why))


# -- re-identification ---------------------------------------------------------------------------------


def reidentify(conn: Connection) -> int:
    """Recompute every actor's canonical key from the stored analyses, article by article in the
    order they were stored, with the hand edits applied; returns how many actors changed key."""
    conn.execute(delete(t.actor_names))
    a, ac = t.articles.c, t.actors.c
    changed = 0
    ids = [int(i) for i in conn.execute(select(a.id).order_by(a.id)).scalars()]
    for article_id in ids:
        analysis = conn.execute(select(a.analysis).where(a.id == article_id)).scalar_one()
        art = AnalyzedArticle.model_validate_json(analysis)
        if not art.actors:
            continue
        old = {r.local_id: r.actor_key for r in conn.execute(
            select(ac.local_id, ac.actor_key).where(ac.article_id == article_id))}
        _backfill_local_actors(conn, article_id, art, old)
        resolved = _resolve(conn, art, scope_of(text_hash(art.text)))
        _ensure(conn, [(r.key, actor.name, actor.kind) for actor, r in resolved])
        for actor, r in resolved:
            row = _actor_row(article_id, actor, r, art)
            previous = old.get(actor.id)
            if previous is None:
                conn.execute(insert(t.actors), row)
                continue
            conn.execute(update(t.actors).where(ac.article_id == article_id, ac.local_id == actor.id)
                         .values(**{k: v for k, v in row.items() if k not in ("article_id", "local_id")}))
            if previous != r.key:
                changed += 1
                _repoint_rows(conn, article_id, actor.id, previous, r.key)
        _insert_names(conn, article_id, resolved)
        refresh_canonical(conn, [*old.values(), *(r.key for _, r in resolved)])
        _revisit_waiting(conn, article_id, [r for _, r in resolved])
    _drop_orphans(conn)
    return changed


def _backfill_local_actors(conn: Connection, article_id: int, art: AnalyzedArticle,
                           old: dict[str, str]) -> None:
    """Rows stored before migration 0004 do not say which of the article's actors they belong to:
    fill that in from the stored analysis (and, for actor-level stances, from the old key when
    only one actor of the article had it)."""
    q, r = t.quotes.c, t.reactions.c
    if conn.execute(select(q.id).where(q.article_id == article_id, q.local_actor.is_(None),
                                       q.actor_key.is_not(None)).limit(1)).first() is None:
        return
    for quote in art.quotes:
        if quote.speaker.actor:
            conn.execute(update(t.quotes).where(q.article_id == article_id, q.quote_id == quote.id,
                                                q.local_actor.is_(None)).values(local_actor=quote.speaker.actor))
    for table in (t.stances, t.candidate_stances):
        c = table.c
        conn.execute(update(table).where(c.article_id == article_id, c.origin == "quote",
                                         c.local_actor.is_(None))
                     .values(local_actor=select(q.local_actor).where(q.id == c.quote_row).scalar_subquery()))
    for reaction in art.reactions:
        conn.execute(update(t.reactions).where(r.article_id == article_id, r.reaction_id == reaction.id,
                                               r.local_actor.is_(None)).values(local_actor=reaction.actor))
    holders: dict[str, list[str]] = {}
    for local_id, key in old.items():
        holders.setdefault(key, []).append(local_id)
    for key, local_ids in holders.items():
        if len(local_ids) == 1:
            for table in (t.stances, t.candidate_stances):
                conn.execute(update(table).where(table.c.article_id == article_id, table.c.actor_key == key,
                                                 table.c.local_actor.is_(None)).values(local_actor=local_ids[0]))


def _repoint_rows(conn: Connection, article_id: int, local_id: str, old: str, new: str) -> None:
    for table in (t.quotes, t.stances, t.reactions, t.candidate_stances):
        conn.execute(update(table).where(table.c.article_id == article_id, table.c.actor_key == old,
                                         table.c.local_actor == local_id).values(actor_key=new))


def _drop_orphans(conn: Connection) -> None:
    c, ac = t.canonical_actors.c, t.actors.c
    used = select(ac.actor_key).distinct()
    conn.execute(delete(t.canonical_actors).where(c.key.not_in(used)))

