"""Latency of the reaction table with its stance timelines, on a synthetic dated store.

    .venv/bin/python benchmarks/timeline_latency.py [--articles 400] [--actors 60] [--db PATH]

Builds (once, at ``--db``) a store of hand-built dated articles, each with four voices out of
``--actors`` people taking a random stance toward one target, then times ``Store.reactions`` with
and without the timeline's extra lookups (article titles, quote words). docs/corpus.md ("Stance
over time") has the figures.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from saidwhat.store import open_store
from saidwhat.store import timeline as tl

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from timeline_texts import Voice, dated_article  # noqa: E402  (test material: hand-built articles)

LABELS = ("support", "oppose", "neutral")


def build(path: Path, n_articles: int, n_actors: int) -> None:
    rng = random.Random(1)
    names = [f"Person{chr(65 + i % 26)} Surname{i}" for i in range(n_actors)]
    with open_store(str(path)) as store:
        for n in range(n_articles):
            voices = [Voice(name, rng.choice(LABELS), said=f"words {n} {k} about the toll")
                      for k, name in enumerate(rng.sample(names, 4))]
            store.add_article(dated_article(n, published=f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
                                            outlet=f"Outlet {n % 7}", voices=voices))


def best_ms(store: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        store.reactions("the toll")  # type: ignore[attr-defined]
        times.append(time.perf_counter() - t0)
    return 1000 * min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=400)
    ap.add_argument("--actors", type=int, default=60)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--db", type=Path, default=Path("timeline-bench.sqlite"))
    args = ap.parse_args()
    if not args.db.exists():
        build(args.db, args.articles, args.actors)
    with open_store(str(args.db)) as store:
        rows = store.reactions("the toll")
        with_lookups = best_ms(store, args.runs)
        real = tl.lookups
        tl.lookups = lambda *_: tl.Lookups()  # type: ignore[assignment]
        try:
            without = best_ms(store, args.runs)
        finally:
            tl.lookups = real
    print(f"{len(rows)} actors, {sum(len(r.timeline) for r in rows)} points, "
          f"{sum(len(r.changes) for r in rows)} changes; reactions best of {args.runs}: "
          f"{with_lookups:.0f} ms ({without:.0f} ms without the titles and quote words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
