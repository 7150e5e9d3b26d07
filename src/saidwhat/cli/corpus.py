"""Corpus commands: ``ingest`` sources into the store, then ``search``, ``quotes``, ``reactions``,
``trail``, ``export``, ``failures`` and ``stats`` over it. Tables on a terminal (rich), ``--format json``
for scripts."""

from __future__ import annotations

import argparse
import contextlib
import csv
import json
import os
import re
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from saidwhat.dates import DATE_FILTER_FORMS, parse_date_filter
from saidwhat.errors import ConfigError, require_extra
from saidwhat.sanitize import spreadsheet_cell
from saidwhat.schema import STANCE_LABELS
from saidwhat.views.render import quote_uncertain, quoted

__all__: Sequence[str] = ["register"]


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="URL", default=None,
                   help="store: a path, sqlite:///PATH or postgresql://USER:PASS@HOST/DB "
                        "(default: $SAIDWHAT_DB, else saidwhat.sqlite in the user data dir)")


def _fmt(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=["table", "json"], default="table", help="table (default) or json")


def _date(option: str) -> Callable[[str], str]:
    """An argparse ``type`` for a date filter: the strict parser, its message as argparse's."""

    def parse(value: str) -> str:
        try:
            return parse_date_filter(value, option)
        except ConfigError as exc:
            raise argparse.ArgumentTypeError(exc.message) from None

    return parse


def _filters(p: argparse.ArgumentParser) -> None:
    p.add_argument("--actor", metavar="NAME", help="speaker name (any alias, case-insensitive) or actor key")
    p.add_argument("--outlet", metavar="O")
    p.add_argument("--since", metavar="D", type=_date("--since"),
                   help=f"published on or after ({DATE_FILTER_FORMS})")
    p.add_argument("--until", metavar="D", type=_date("--until"),
                   help=f"published on or before ({DATE_FILTER_FORMS})")
    p.add_argument("--target", metavar="T", help="only quotes with a stance toward this target")
    p.add_argument("--stance", choices=STANCE_LABELS)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--offset", type=int, default=0)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("ingest", help="read folders, WARC, feeds, JSONL or URLs into the store")
    p.add_argument("sources", nargs="+", metavar="SOURCE",
                   help="folder of .html/.htm/.txt, .warc[.gz], .jsonl, RSS/Atom feed file or URL "
                        "(or feed:URL), or a page URL")
    _db(p)
    p.add_argument("--since", metavar="D", type=_date("--since"),
                   help=f"only articles published on or after D ({DATE_FILTER_FORMS}; undated pass)")
    p.add_argument("--until", metavar="D", type=_date("--until"),
                   help=f"only articles published on or before D ({DATE_FILTER_FORMS}; undated pass)")
    p.add_argument("--limit", type=int, metavar="N", help="stop after the first N documents in the window")
    p.add_argument("--workers", type=int, default=1, metavar="N", help="analyse in N local processes")
    p.add_argument("--dask", metavar="ADDR", help="analyse on Dask: a scheduler address, or local:N")
    p.add_argument("--target", action="append", default=[], metavar="NAME",
                   help="a target to take stances toward (repeatable); default: proposed per article")
    p.add_argument("--allow-private-network", action="store_true",
                   help="allow URLs on loopback/private/link-local addresses (local use and tests)")
    p.add_argument("--metadata", metavar="FILE",
                   help="CSV or TSV keyed by file name (file/filename column) with outlet, published, title, "
                        "url, authors: fills what the files do not state (see docs/corpus.md)")
    p.add_argument("--quiet", action="store_true", help="no progress output, only the summary")
    p.add_argument("--json-summary", action="store_true", help="print the final summary as JSON on stdout")
    p.set_defaults(func=_run_ingest)

    p = sub.add_parser("search", help="full-text search over stored quotes")
    p.add_argument("text", nargs="?", default=None, help='words (all must match); "a phrase" in quotes')
    _db(p)
    _filters(p)
    _fmt(p)
    p.set_defaults(func=_run_search)

    p = sub.add_parser("quotes", help="stored quotes of an actor (or filtered otherwise)")
    _db(p)
    _filters(p)
    _fmt(p)
    p.set_defaults(func=_run_search, text=None)

    p = sub.add_parser("reactions", help="who took which stance toward a target, merged across articles",
                       description="One row per actor: the stance across articles, the counts of evidence, "
                                   "and the stance over time (one dated point per article, with its outlet; "
                                   "'changed' where support turned to oppose or back).")
    p.add_argument("--target", required=True, metavar="T", help='e.g. "the UN report" (name or alias)')
    p.add_argument("--since", metavar="D", type=_date("--since"), help=DATE_FILTER_FORMS)
    p.add_argument("--until", metavar="D", type=_date("--until"), help=DATE_FILTER_FORMS)
    p.add_argument("--changed", action="store_true",
                   help="only actors whose stance turned (support to oppose or back) at least once")
    _db(p)
    _fmt(p)
    p.set_defaults(func=_run_reactions)

    p = sub.add_parser("trail", help="one quote across articles: first sighting, every sighting, changes",
                       description="The trail of a stored quote: the same utterance by the same speaker "
                                   "in every article that carries it, the first sighting first, each other "
                                   "one marked same / excerpt / extended / altered / paraphrase with a word "
                                   "diff.")
    p.add_argument("quote", metavar="QUOTE_ID|TEXT",
                   help="ARTICLE:QUOTE as `search --format json` shows them (e.g. 16:q4), #N for trail N, "
                        "or words of the quote (the widest trail with a matching quote)")
    _db(p)
    _fmt(p)
    p.set_defaults(func=_run_trail)

    p = sub.add_parser("targets", help="targets across articles, by how many actors react to them in how "
                       "many articles")
    p.add_argument("--limit", type=int, default=50, metavar="N", help="how many targets (default 50)")
    _db(p)
    _fmt(p)
    p.set_defaults(func=_run_targets)

    p = sub.add_parser("export", help="write the store out as JSON Lines, CSV or Parquet")
    _db(p)
    p.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    p.add_argument("--table", choices=["articles", "quotes"], default=None,
                   help="what to export (default: articles for jsonl — full analysed articles — "
                        "and quotes for csv/parquet)")
    p.add_argument("-o", "--output", help="file to write (atomically); stdout for jsonl/csv when omitted")
    p.set_defaults(func=_run_export)

    p = sub.add_parser("failures", help="documents that could not be ingested")
    _db(p)
    p.add_argument("--limit", type=int, default=100)
    p.add_argument("--offset", type=int, default=0)
    _fmt(p)
    p.set_defaults(func=_run_failures)

    p = sub.add_parser("stats", help="counts of articles, quotes, actors, failures and copy links")
    _db(p)
    _fmt(p)
    p.set_defaults(func=_run_stats)


def _open(args: argparse.Namespace, *, create: bool = False) -> Any:
    """The store of ``--db``; only ``ingest`` creates one, reading a store that is not there is an error."""
    from saidwhat.store import open_store

    return open_store(args.db, create=create)


def _console() -> Any:
    from rich.console import Console

    return Console(soft_wrap=False)


def _print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")


def _run_ingest(args: argparse.Namespace) -> int:
    from saidwhat.corpus.ingest import IngestOptions, ingest, make_reporter
    from saidwhat.corpus.metadata import load_metadata

    if args.workers < 1:
        raise ConfigError("--workers must be >= 1")
    options = IngestOptions(since=args.since, until=args.until, limit=args.limit, targets=tuple(args.target),
                            allow_private_network=args.allow_private_network)
    metadata = load_metadata(args.metadata) if args.metadata else None
    with _open(args, create=True) as store:
        summary = ingest(args.sources, store, options, workers=args.workers, dask=args.dask,
                         reporter=make_reporter(quiet=args.quiet), metadata=metadata)
    print(f"saidwhat ingest: {summary.line()}", file=sys.stderr)
    if summary.failures and not args.quiet:
        shown = summary.failures[:10]
        for line in shown:
            print(f"  failed: {line}", file=sys.stderr)
    if summary.no_metadata and not args.quiet:
        names = ", ".join(Path(n).name for n in summary.no_metadata[:10])
        more = " …" if len(summary.no_metadata) > 10 else ""
        print(f"  no row in {args.metadata} for: {names}{more}", file=sys.stderr)
    if summary.failed:
        print(f"saidwhat ingest: {summary.failed} document(s) failed (listed by `saidwhat failures`); "
              "exit status 1", file=sys.stderr)
    if args.json_summary:
        _print_json(summary.as_dict())
    return 1 if summary.failed else 0


def _run_search(args: argparse.Namespace) -> int:
    with _open(args) as store:
        page = store.search_quotes(args.text, actor=args.actor, outlet=args.outlet, since=args.since,
                                   until=args.until, target=args.target, stance=args.stance,
                                   offset=args.offset, limit=args.limit)
    if args.format == "json":
        _print_json(page.model_dump(mode="json"))
        return 0
    from rich.table import Table

    table = Table(title=f"{page.total} quote(s)"
                  + (f", showing {page.offset + 1}–{page.offset + len(page.items)}" if page.items else ""),
                  show_lines=True)
    for col in ("quote", "speaker", "outlet", "date", "article"):
        table.add_column(col, overflow="fold")
    for hit in page.items:
        stance = "; ".join(f"{k}: {v}" for k, v in hit.stance.items())
        unsure = "\n⚠ uncertain" if quote_uncertain(hit.confidence) else ""
        table.add_row(_esc(hit.text + (f"\n[{stance}]" if stance else "")), _esc(hit.speaker or "?") + unsure,
                      _esc(hit.outlet or ""), hit.published or "",
                      _esc(f"#{hit.article_id} {hit.title or hit.url or ''}"))
    _console().print(table)
    return 0


def _esc(text: str) -> str:
    """Text from the store shown as itself in a rich table (no "[bold]" markup from an article)."""
    from rich.markup import escape

    return str(escape(text))


#: the most timeline points one table cell lists (the JSON output has them all)
TIMELINE_CELL_POINTS = 8


def _timeline_cell(row: Any) -> str:
    """The row's stance over time, one point a line, earliest first; a turn marked CHANGED."""
    lines = []
    for p in row.timeline[:TIMELINE_CELL_POINTS]:
        mark = " [bold]CHANGED[/bold]" if p.changed else ""
        unsure = "?" if p.uncertain else ""
        lines.append(f"{_esc(p.published or 'undated')} {p.label}{unsure}{mark} · "
                     f"{_esc(p.outlet or '?')} #{p.article_id}")
    if len(row.timeline) > TIMELINE_CELL_POINTS:
        lines.append(f"… {len(row.timeline) - TIMELINE_CELL_POINTS} more (--format json)")
    return "\n".join(lines)


def _changes_cell(row: Any) -> str:
    return "\n".join(f"{c.previous} ({_esc(c.previous_outlet or '?')}, {c.previous_date}) → {c.label} "
                     f"({_esc(c.outlet or '?')}, {c.date})" for c in row.changes)


def _run_reactions(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = store.reactions(args.target, since=args.since, until=args.until)
    if args.changed:
        rows = [r for r in rows if r.changed]
    if args.format == "json":
        _print_json([r.model_dump(mode="json") for r in rows])
        return 0
    console = _console()
    title = f"reactions to {_esc(repr(args.target))}: {len(rows)} actor(s)"
    console.print(_reactions_table(title, rows, compact=console.width < WIDE_REACTIONS))
    return 0


#: Terminal width (columns) from which the reactions table has one column per field; below it
#: (an 80-column terminal, a pipe) the fields share four columns, so that no word is cut.
WIDE_REACTIONS = 150
#: the most outlets the compact table lists under an actor's first sighting
COMPACT_OUTLETS = 3


def _reactions_table(title: str, rows: Sequence[Any], *, compact: bool) -> Any:
    """The reactions as a rich table: eleven columns, or four when ``compact``."""
    from rich.table import Table

    table = Table(title=title, show_lines=True)
    cols = (("actor", "stance", "first seen", "evidence") if compact else
            ("actor", "affiliation", "stance", "+", "-", "=", "first seen", "outlets", "over time",
             "changed", "evidence"))
    for col in cols:
        table.add_column(col, overflow="fold", no_wrap=compact and col == "stance",
                         max_width=22 if compact and col in ("actor", "first seen") else None)
    for r in rows:
        evidence = ""
        if r.evidence is not None:
            evidence = f"{quoted(r.evidence.text)} ({r.evidence.outlet or '?'}, #{r.evidence.article_id})"
        stance = r.stance + (f"\nlatest: {r.latest}" if r.latest and r.latest != r.stance else "")
        if not compact:
            table.add_row(_esc(r.actor), _esc(r.affiliation or ""), stance, str(r.support), str(r.oppose),
                          str(r.neutral), r.first_seen or "", _esc(", ".join(r.outlets)), _timeline_cell(r),
                          _changes_cell(r), _esc(evidence))
            continue
        actor = _esc(r.actor) + (f"\n[dim]{_esc(r.affiliation)}[/dim]" if r.affiliation else "")
        counts = f"{stance}\n+{r.support} -{r.oppose} ={r.neutral}"
        if r.changed:
            counts += "\n[bold]changed[/bold]"
        outlets = [_esc(o) for o in r.outlets[:COMPACT_OUTLETS]]
        if len(r.outlets) > COMPACT_OUTLETS:
            outlets.append(f"… {len(r.outlets) - COMPACT_OUTLETS} more")
        seen = "\n".join([r.first_seen or "undated", *outlets])
        table.add_row(actor, counts, seen, _esc(evidence))
    return table


_QUOTE_REF = re.compile(r"^(\d+):(\S+)$")
_TRAIL_REF = re.compile(r"^#(\d+)$")


def _find_trail(store: Any, ref: str) -> Any:
    """The trail named by ARTICLE:QUOTE, #N, or words of a quote; ConfigError when there is none."""
    ref = ref.strip()
    if m := _TRAIL_REF.match(ref):
        trail = store.trail(int(m.group(1)))
        if trail is None:
            raise ConfigError(f"no trail {m.group(1)}", input=ref)
        return trail
    if m := _QUOTE_REF.match(ref):
        trail_id = store.trail_of(int(m.group(1)), m.group(2))
        if trail_id is None:
            raise ConfigError(f"no stored quote {m.group(2)} in article {m.group(1)}", input=ref)
        return store.trail(trail_id)
    found = store.list_trails(min_articles=1, text=ref, limit=1)
    if not found.items:
        raise ConfigError("no stored quote matches these words", input=ref)
    return store.trail(found.items[0].id)


def _diff_markup(sighting: Any) -> str:
    """The sighting's words with the diff marked as wdiff does, ``[-missing-]{+changed or added+}``
    (struck red / green on a terminal)."""
    from rich.markup import escape

    if sighting.relation in ("first", "same") or not sighting.diff:
        return str(escape(sighting.quote.text))
    out = []
    for d in sighting.diff:
        if d.op == "equal":
            out.append(escape(d.text))
        if d.op in ("delete", "replace"):
            out.append(f"[strike red]{escape('[-' + d.ref + '-]')}[/]")
        if d.op in ("insert", "replace"):
            out.append(f"[bold green]{escape('{+' + d.text + '+}')}[/]")
    return " ".join(out)


def _run_trail(args: argparse.Namespace) -> int:
    with _open(args) as store:
        trail = _find_trail(store, args.quote)
    if args.format == "json":
        _print_json(trail.model_dump(mode="json"))
        return 0
    from rich.markup import escape
    from rich.table import Table

    title = (f"trail #{trail.id}: {escape(trail.speaker or 'unknown speaker')}, first seen "
             f"{trail.first_seen or '(undated)'}, {trail.n_quotes} sighting(s) in "
             f"{trail.n_articles} article(s)" + (f", {trail.altered} altered" if trail.altered else ""))
    table = Table(title=title, show_lines=True)
    columns = ("relation", "date", "outlet", "speaker", "quote (words changed against the first)", "quote id")
    for col in columns:
        table.add_column(col, overflow="fold")
    for s in trail.sightings:
        q = s.quote
        outlet = escape(q.outlet or "") + (" (exact copy)" if s.copy_of else "")
        unsure = "\n⚠ uncertain" if quote_uncertain(q.confidence) else ""
        table.add_row(s.relation, q.published or "", outlet, escape(q.speaker or "?") + unsure,
                      _diff_markup(s), f"{q.article_id}:{q.quote_id}")
    _console().print(table)
    return 0


def _run_targets(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = store.targets(limit=args.limit)
    if args.format == "json":
        _print_json([{"name": r.name, "sort": r.sort, "actors": r.n_actors, "articles": r.n_articles}
                     for r in rows])
        return 0
    from rich.table import Table

    table = Table(title=f"{len(rows)} target(s), most reacting actors first")
    for col in ("target", "sort", "actors", "articles"):
        table.add_column(col, overflow="fold")
    for r in rows:
        table.add_row(_esc(r.name), r.sort, str(r.n_actors), str(r.n_articles))
    _console().print(table)
    return 0


def _run_failures(args: argparse.Namespace) -> int:
    with _open(args) as store:
        page = store.failures(offset=args.offset, limit=args.limit)
    if args.format == "json":
        _print_json(page.model_dump(mode="json"))
        return 0
    from rich.table import Table

    table = Table(title=f"{page.total} failure(s)")
    for col in ("source", "code", "message", "at"):
        table.add_column(col, overflow="fold")
    for f in page.items:
        table.add_row(_esc(f.source), f.code, _esc(f.message), f.at)
    _console().print(table)
    return 0


def _run_stats(args: argparse.Namespace) -> int:
    with _open(args) as store:
        stats = store.stats()
    if args.format == "json":
        _print_json(stats)
        return 0
    for k, v in stats.items():
        print(f"{k:12} {v}")
    return 0


_QUOTE_COLUMNS = ("article_id", "quote_id", "kind", "text", "speaker", "actor_key", "cue", "outlet",
                  "published", "title", "url", "stance")
_ARTICLE_COLUMNS = ("id", "url", "outlet", "published", "title", "authors", "n_quotes", "n_actors", "text")


def _rows(store: Any, table: str) -> Iterator[dict[str, Any]]:
    if table == "quotes":
        for hit in store.iter_quotes():
            row = {c: getattr(hit, c) for c in _QUOTE_COLUMNS}
            row["stance"] = json.dumps(hit.stance, ensure_ascii=False)
            yield row
    else:
        for article_id, a in store.iter_articles():
            yield {"id": article_id, "url": a.url, "outlet": a.outlet, "published": a.published,
                   "title": a.title, "authors": "; ".join(a.authors), "n_quotes": len(a.quotes),
                   "n_actors": len(a.actors), "text": a.text}


class _AtomicFile:
    """A temp file next to the target, renamed over it only when complete."""

    def __init__(self, output: str) -> None:
        self.path = Path(output)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
        os.close(fd)

    def commit(self) -> None:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(self.tmp, 0o666 & ~umask)  # mkstemp makes it private; give it a normal file's mode
        os.replace(self.tmp, self.path)

    def abort(self) -> None:
        Path(self.tmp).unlink(missing_ok=True)


def _run_export(args: argparse.Namespace) -> int:
    table = args.table or ("articles" if args.format == "jsonl" else "quotes")
    if args.format == "parquet" and not args.output:
        raise ConfigError("--format parquet needs -o FILE")
    out = _AtomicFile(args.output) if args.output and args.output != "-" else None
    n = 0
    try:
        with _open(args) as store:
            if args.format == "parquet":
                assert out is not None
                n = _write_parquet(store, table, out.tmp)
            else:
                with contextlib.ExitStack() as stack:
                    fh: Any = (stack.enter_context(open(out.tmp, "w", encoding="utf-8", newline=""))
                               if out else sys.stdout)
                    n = _write_text(store, table, args.format, fh)
        if out:
            out.commit()
    except BaseException:
        if out:
            out.abort()
        raise
    print(f"saidwhat export: {n} {table} row(s)" + (f" to {args.output}" if out else ""), file=sys.stderr)
    return 0


def _write_text(store: Any, table: str, fmt: str, fh: Any) -> int:
    n = 0
    if fmt == "jsonl":
        if table == "articles":
            for _, article in store.iter_articles():
                fh.write(article.model_dump_json() + "\n")
                n += 1
        else:
            for hit in store.iter_quotes():
                fh.write(hit.model_dump_json() + "\n")
                n += 1
        return n
    columns = _QUOTE_COLUMNS if table == "quotes" else _ARTICLE_COLUMNS
    writer = csv.DictWriter(fh, fieldnames=list(columns))
    writer.writeheader()
    for row in _rows(store, table):
        writer.writerow({k: spreadsheet_cell(v) for k, v in row.items()})  # no formulas from article text
        n += 1
    return n


def _write_parquet(store: Any, table: str, path: str) -> int:
    require_extra("pyarrow", "parquet", "--format parquet")
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = _QUOTE_COLUMNS if table == "quotes" else _ARTICLE_COLUMNS
    ints = {"article_id", "id", "n_quotes", "n_actors"}
    schema = pa.schema([(c, pa.int64() if c in ints else pa.string()) for c in columns])
    n = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in _rows(store, table):
            batch.append(row)
            if len(batch) >= 5000:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
                batch = []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            n += len(batch)
    return n
