"""Story and copy commands: ``stories`` (the articles on one event across outlets) and ``copies``
(an article's copies, and what a rewritten copy changed: names, quotes, numbers)."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import Any

from saidwhat.cli.corpus import _console, _date, _db, _esc, _fmt, _open, _print_json
from saidwhat.errors import MissingInputError

__all__: Sequence[str] = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("stories", help="stories: the articles on one event across outlets (or one story)")
    p.add_argument("story", nargs="?", type=int, metavar="ID",
                   help="show one story: its id, or the id of any of its articles")
    p.add_argument("--text", metavar="T", help="stories with an actor, target or title containing T")
    p.add_argument("--outlet", metavar="O", help="stories one of whose articles O published")
    p.add_argument("--since", metavar="D", type=_date("--since"), help="last seen on or after D")
    p.add_argument("--until", metavar="D", type=_date("--until"), help="first seen on or before D")
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)
    _db(p)
    _fmt(p)
    p.set_defaults(func=_run_stories)

    p = sub.add_parser("copies",
                       help="an article's copies, and what each copy changed (names, quotes, numbers)")
    p.add_argument("article", type=int, metavar="ARTICLE_ID")
    _db(p)
    _fmt(p)
    p.set_defaults(func=_run_copies)


def _names(names: Sequence[Any], n: int = 4) -> str:
    return ", ".join(f"{x.name} ({x.articles})" for x in names[:n])


def _run_stories(args: argparse.Namespace) -> int:
    if args.story is not None:
        return _run_story(args)
    with _open(args) as store:
        page = store.stories(text=args.text, outlet=args.outlet, since=args.since, until=args.until,
                             offset=args.offset, limit=args.limit)
    if args.format == "json":
        _print_json(page.model_dump())
        return 0
    from rich.table import Table

    noun = "story" if page.total == 1 else "stories"
    table = Table(title=f"{page.total} {noun} of 2+ articles, most articles first")
    for col in ("id", "story", "articles", "outlets", "first seen", "last seen", "actors", "targets"):
        table.add_column(col, overflow="fold")
    for s in page.items:
        table.add_row(str(s.id), _esc(s.title or ""), str(s.n_articles), _esc(", ".join(s.outlets)),
                      s.first_seen or "", s.last_seen or "", _esc(_names(s.actors)), _esc(_names(s.targets)))
    _console().print(table)
    return 0


def _run_story(args: argparse.Namespace) -> int:
    with _open(args) as store:
        story = store.story(args.story)
    if story is None:
        raise MissingInputError("no story holds this article (it is in no story of 2+ articles, or is "
                                "not stored)", input=str(args.story))
    if args.format == "json":
        _print_json(story.model_dump())
        return 0
    from rich.markup import escape
    from rich.table import Table

    console = _console()
    outlets = escape(", ".join(story.outlets))
    console.print(f"[bold]Story {story.id}[/bold]: {escape(story.title or '')}\n"
                  f"{story.n_articles} articles, {len(story.outlets)} outlets ({outlets}), "
                  f"first seen {story.first_seen or '?'}, last seen {story.last_seen or '?'}; "
                  f"{story.copies} copy pair(s), {len(story.shared_quotes)} shared quote(s)\n"
                  f"actors: {escape(_names(story.actors, 8))}\ntargets: {escape(_names(story.targets, 8))}")
    table = Table()
    for col in ("article", "published", "outlet", "title"):
        table.add_column(col, overflow="fold")
    for a in story.articles:
        table.add_row(str(a.id), a.published or "", _esc(a.outlet or ""), _esc(a.title or ""))
    console.print(table)
    return 0


def _run_copies(args: argparse.Namespace) -> int:
    with _open(args) as store:
        if store.get_article(args.article) is None:
            raise MissingInputError("no stored article has this id", input=str(args.article))
        copies = store.copies(args.article)
        changes = {c.article_id: store.copy_changes(args.article, c.article_id)
                   for c in copies if c.article_id != args.article}
    if args.format == "json":
        _print_json([{**c.model_dump(), "changes": _change_list(changes.get(c.article_id))} for c in copies])
        return 0
    from rich.markup import escape

    console = _console()
    if not copies:
        console.print(f"article {args.article} has no copies")
    for c in copies:
        where = c.source if c.article_id == args.article else f"article {c.article_id}"
        console.print(f"[bold]{c.kind} copy[/bold] ({c.similarity:.0%}): " + escape(
            f"{where}, {c.outlet or 'unknown outlet'}{', ' + c.published if c.published else ''}"
            f"{': ' + c.title if c.title else ''}"))
        found = changes.get(c.article_id)
        for ch in (found.changes if found else []):
            times = f" ({ch.count}×)" if ch.count > 1 else ""
            console.print(f"  {ch.kind}: [red]{escape(ch.before)}[/red] → "
                          f"[green]{escape(ch.after)}[/green]{times}", highlight=False)
    return 0


def _change_list(found: Any) -> list[dict[str, Any]]:
    return [c.model_dump() for c in found.changes] if found is not None else []
