"""Does trail placement depend on the order quotes arrive in? Places every quote of a copy of a
SQLite store again, in reverse storage order, and compares the trails (as sets of quotes) with
those placed in storage order.

    .venv/bin/python benchmarks/trail_order.py --db out/train.sqlite

The store given is not written: it is copied twice into a temporary folder, its trails emptied in
both; one copy is placed as the store places them when opened (storage order), the other in
reverse.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from sqlalchemy import select

from saidwhat.store import open_store, trails
from saidwhat.store import tables as t
from saidwhat.store.engine import write_connection
from saidwhat.store.store import Store

_EMPTY = "UPDATE quotes SET trail_id = NULL; DELETE FROM trail_grams; DELETE FROM trails;"


def _emptied_copy(db: Path, folder: Path, name: str) -> Path:
    out = folder / name
    shutil.copyfile(db, out)
    with sqlite3.connect(out) as conn:
        conn.executescript(_EMPTY)
    return out


def _place_reversed(db: Path) -> None:
    with open_store(str(db)):  # brought to the current schema, trails placed in storage order ...
        pass
    with sqlite3.connect(db) as raw:  # ... then emptied again and placed in reverse
        raw.executescript(_EMPTY)
    store = Store(str(db), migrate=False)
    q = t.quotes.c
    try:
        with write_connection(store.engine) as conn, conn.begin():
            rows = conn.execute(select(q.id, q.article_id, q.text, q.kind, q.actor_key, q.speaker)
                                .order_by(q.id.desc())).all()
            touched = {trails._place(conn, trails._Quote(int(r.id), int(r.article_id), r.text, r.kind,
                                                         r.actor_key, r.speaker)) for r in rows}
            trails._recount(conn, touched)
    finally:
        store.close()


def _partition(db: Path) -> set[frozenset[int]]:
    groups: dict[int, set[int]] = {}
    with sqlite3.connect(db) as conn:
        for quote, trail in conn.execute("SELECT id, trail_id FROM quotes"):
            groups.setdefault(int(trail), set()).add(int(quote))
    return {frozenset(g) for g in groups.values()}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, type=Path, help="a SQLite store (not written)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        forward = _emptied_copy(args.db, Path(tmp), "forward.sqlite")
        with open_store(str(forward)):
            pass
        backward = _emptied_copy(args.db, Path(tmp), "backward.sqlite")
        _place_reversed(backward)
        a, b = _partition(forward), _partition(backward)
    differ = [sorted(g) for g in sorted(a ^ b, key=sorted) if len(g) > 1]
    print(f"quotes {sum(len(g) for g in a)}; trails: storage order {len(a)}, reverse order {len(b)}, "
          f"the same {len(a & b)}; trails of 2+ quotes found in one order only: {len(differ)}")
    for g in differ[:20]:
        print("  ", g)
    return 0


if __name__ == "__main__":
    sys.exit(main())
