"""Actor commands: ``actors`` (list, show, merge, split, edits, import-edits, reidentify) over the
store's canonical actors, and ``diversity``: who gets quoted, per outlet or over time."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from saidwhat.cli.corpus import _console, _db, _esc, _fmt, _open, _print_json
from saidwhat.errors import ConfigError, MissingInputError
from saidwhat.views.render import ROLES_SHOWN

__all__: Sequence[str] = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("actors", help="canonical actors across articles: list, show, merge or split by hand")
    acts = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    q = acts.add_parser("list", help="canonical actors, most quoted first")
    q.add_argument("--name", metavar="N", help="any of their names (case-insensitive substring)")
    q.add_argument("--limit", type=int, default=20)
    q.add_argument("--offset", type=int, default=0)
    _db(q)
    _fmt(q)
    q.set_defaults(func=_run_list)

    q = acts.add_parser("show", help="one actor: names, roles over time, gender, outlets")
    q.add_argument("key", help="the actor key, e.g. person:donald-trump")
    _db(q)
    _fmt(q)
    q.set_defaults(func=_run_show)

    q = acts.add_parser("merge", help="merge actor KEY into actor INTO (kept for later articles)")
    q.add_argument("key")
    q.add_argument("into")
    q.add_argument("--note", help="why (kept with the edit)")
    _db(q)
    _fmt(q)
    q.set_defaults(func=_run_merge)

    q = acts.add_parser("split", help="split the actors of KEY with a name, or in an article, into a new one")
    q.add_argument("key")
    q.add_argument("--name", help="the name (as written) whose actors move")
    q.add_argument("--article", type=int, metavar="ID", help="the stored article whose actor moves")
    q.add_argument("--note", help="why (kept with the edit)")
    _db(q)
    _fmt(q)
    q.set_defaults(func=_run_split)

    q = acts.add_parser("edits", help="every merge and split made by hand (--format json: a file to import)")
    _db(q)
    _fmt(q)
    q.set_defaults(func=_run_edits)

    q = acts.add_parser("import-edits", help="record the edits of a file from 'actors edits --format json'")
    q.add_argument("file", type=Path)
    _db(q)
    q.set_defaults(func=_run_import)

    q = acts.add_parser("reidentify", help="recompute every actor's canonical actor from the stored analyses")
    _db(q)
    q.set_defaults(func=_run_reidentify)

    p = sub.add_parser("diversity",
                       help="who gets quoted: shares by gender, kind or affiliation, per outlet or over time")
    p.add_argument("--dimension", choices=["gender", "kind", "affiliation"], default="gender")
    p.add_argument("--by", choices=["outlet", "year", "month", "day", "all"], default="outlet")
    p.add_argument("--count", choices=["quotes", "speakers"], default="quotes",
                   help="count quotes (default) or distinct speakers")
    p.add_argument("--since", metavar="D", help="published on or after (YYYY-MM-DD)")
    p.add_argument("--until", metavar="D", help="published on or before (YYYY-MM-DD)")
    p.add_argument("--outlet", metavar="O")
    p.add_argument("--top", type=int, default=8, help="affiliations shown before 'other' (default 8)")
    _db(p)
    _fmt(p)
    p.set_defaults(func=_run_diversity)


def _table(title: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    from rich.table import Table

    table = Table(title=title)
    for c in columns:
        table.add_column(c)
    for row in rows:
        table.add_row(*["" if v is None else _esc(str(v)) for v in row])
    _console().print(table)


def _run_list(args: argparse.Namespace) -> int:
    with _open(args) as store:
        page = store.list_actors(name=args.name, offset=args.offset, limit=args.limit)
    if args.format == "json":
        _print_json(page.model_dump(mode="json"))
        return 0
    _table(f"{page.total} actors", ["key", "name", "kind", "gender", "quotes", "articles", "outlets"],
           [(a.key, a.name, a.kind, a.gender, a.n_quotes, a.n_articles, ", ".join(a.outlets[:4]))
            for a in page.items])
    return 0


def _run_show(args: argparse.Namespace) -> int:
    with _open(args) as store:
        detail = store.get_actor(args.key, n_quotes=5)
    if detail is None:
        raise MissingInputError("no such actor in the store", input=args.key)
    if args.format == "json":
        _print_json(detail.model_dump(mode="json"))
        return 0
    gender = f"{detail.gender} (from {detail.gender_source})" if detail.gender else "-"
    print(f"{detail.name}  [{detail.key}]  {detail.kind}, gender {gender}")
    outlets = ", ".join(detail.outlets) or "-"
    print(f"{detail.n_quotes} quotes in {detail.n_articles} articles; outlets: {outlets}")
    print(f"also called: {', '.join(detail.aliases) or '-'}")
    _table("roles and descriptions", ["role", "first", "last", "articles"],
           [(r.role, r.first, r.last, r.n_articles) for r in detail.roles[:ROLES_SHOWN]])
    if len(detail.roles) > ROLES_SHOWN:
        print(f"{len(detail.roles) - ROLES_SHOWN} more, each in fewer articles (--format json lists all)")
    return 0


def _print_edit(args: argparse.Namespace, edit: Any) -> int:
    if args.format == "json":
        _print_json(edit.model_dump(mode="json"))
    else:
        print(f"edit {edit.id}: {edit.action} {edit.key} -> {edit.into}")
    return 0


def _run_merge(args: argparse.Namespace) -> int:
    with _open(args) as store:
        return _print_edit(args, store.merge_actors(args.key, args.into, note=args.note))


def _run_split(args: argparse.Namespace) -> int:
    if args.name is None and args.article is None:
        raise ConfigError("actors split needs --name or --article", input=args.key)
    with _open(args) as store:
        return _print_edit(args, store.split_actor(args.key, name=args.name, article_id=args.article,
                                                   note=args.note))


def _run_edits(args: argparse.Namespace) -> int:
    with _open(args) as store:
        edits = store.actor_edits()
    if args.format == "json":
        _print_json([e.model_dump(mode="json") for e in edits])
        return 0
    _table(f"{len(edits)} edits", ["id", "action", "key", "into", "name", "scope", "note", "at"],
           [(e.id, e.action, e.key, e.into, e.name, e.scope, e.note, e.created_at) for e in edits])
    return 0


def _run_import(args: argparse.Namespace) -> int:
    from saidwhat.store import ActorEdit

    try:
        raw = json.loads(args.file.read_text(encoding="utf-8"))
        edits = [ActorEdit.model_validate(e) for e in raw]
    except FileNotFoundError:
        raise MissingInputError("no such file", input=str(args.file)) from None
    except (ValueError, TypeError) as exc:
        raise ConfigError(f"not a list of actor edits: {str(exc)[:200]}", input=str(args.file)) from None
    with _open(args) as store:
        changed = store.import_edits(edits)
    print(f"{len(edits)} edits recorded; {changed} actors changed their canonical actor")
    return 0


def _run_reidentify(args: argparse.Namespace) -> int:
    with _open(args) as store:
        changed = store.reidentify()
    print(f"{changed} actors changed their canonical actor")
    return 0


def _run_diversity(args: argparse.Namespace) -> int:
    with _open(args) as store:
        table = store.diversity(dimension=args.dimension, by=args.by, count=args.count, since=args.since,
                                until=args.until, outlet=args.outlet, top=args.top)
    if args.format == "json":
        _print_json(table.model_dump(mode="json"))
        return 0
    rows = [*table.rows, table.overall] if len(table.rows) != 1 else table.rows
    _table(f"{table.count} by {table.dimension}, per {table.by}: {table.note}",
           [table.by, table.count, *table.categories],
           [(r.group, r.total, *(f"{r.counts[c]} ({r.shares[c]:.0%})" for c in table.categories))
            for r in rows])
    return 0
