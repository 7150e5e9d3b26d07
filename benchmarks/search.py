"""Search latency on a store of >= 50k quotes (SQLite FTS5 and PostgreSQL tsvector/GIN).

The store is filled with real analysed articles: those of an existing store (``--from-db``, e.g.
one the ingest benchmark left) are added again and again under new URLs, each copy's text made
unique by a trailing line (so it is stored, not a duplicate; offsets are unchanged), until the
store holds ``--quotes`` quotes. Then ``search_quotes`` runs with words and phrases drawn from the
stored quotes (seeded), alone and with actor / outlet / date filters, and the median and p95
latencies of the full call (count of all hits + first page of 20) are reported.

    .venv/bin/saidwhat ingest ../shared/data/polnear/train/text --db train.sqlite
    .venv/bin/python benchmarks/search.py --from-db train.sqlite --db search.sqlite
    .venv/bin/python benchmarks/search.py --from-db train.sqlite \
        --db 'postgresql://saidwhat:saidwhat@127.0.0.1:54329/saidwhat_test?schema=bench_search'
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from typing import Any

from saidwhat.store import Store, open_store

STOP = {"the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "that", "this", "is", "was", "it", "he",
        "she", "we", "they", "i", "you", "be", "have", "has", "with", "as", "at", "by", "not", "are", "but"}


def fill(store: Store, source: Store, target_quotes: int) -> None:
    articles = [a for _, a in source.iter_articles()]
    if not articles:
        raise SystemExit("the --from-db store has no articles")
    have = store.stats()["quotes"]
    copy = 0
    start = time.monotonic()
    while have < target_quotes:
        copy += 1
        for article in articles:
            if have >= target_quotes:
                break
            key = abs(hash(article.url or article.source or article.title))
            url = f"https://copy{copy}.bench.example/{key}"
            day = re.search(r"\d{4}-\d{2}-\d{2}", article.source or "")  # PolNeAR file names carry the date
            clone = article.model_copy(update={"url": url,
                                               "text": article.text + f"\n\nBenchmark copy {copy}.",
                                               "outlet": _outlet(article, copy),
                                               "published": article.published or (
                                                   day.group(0) if day else None),
                                               "source": f"bench:{copy}:{article.source}"})
            if store.add_article(clone).status == "stored":
                have += len(article.quotes)
        print(f"copy {copy}: {have} quotes, {time.monotonic() - start:.0f} s", file=sys.stderr, flush=True)


def _outlet(article: Any, copy: int) -> str:
    """The outlet, else the PolNeAR publisher prefix of the file name; varied per copy."""
    name = (article.source or "").rsplit("/", 1)[-1]
    base = article.outlet or (name.split("_", 1)[0] if "_" in name else "outlet")
    return f"{base} {copy % 7}"


def queries(store: Store, n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    sample = [h for h in store.search_quotes(limit=1000).items]
    words = [w for h in sample for w in re.findall(r"[A-Za-z]{4,}", h.text) if w.lower() not in STOP]
    speakers = [h.speaker for h in sample if h.actor_key and h.speaker]
    outlets = sorted({h.outlet for h in sample if h.outlet})
    out: list[dict[str, Any]] = []
    for i in range(n):
        kind = i % 5
        if kind == 0:
            out.append({"text": rng.choice(words)})
        elif kind == 1:
            out.append({"text": f"{rng.choice(words)} {rng.choice(words)}"})
        elif kind == 2:
            h = rng.choice(sample)
            ws = h.text.split()
            k = rng.randrange(max(1, len(ws) - 2))
            out.append({"text": '"' + " ".join(ws[k : k + 2]) + '"'})
        elif kind == 3:
            out.append({"text": rng.choice(words), "actor": rng.choice(speakers) if speakers else None})
        else:
            out.append({"text": rng.choice(words), "outlet": rng.choice(outlets) if outlets else None,
                        "since": "2016-01-01"})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="the store to fill and search")
    ap.add_argument("--from-db", help="a store with analysed articles to copy from")
    ap.add_argument("--quotes", type=int, default=50_000)
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    with open_store(args.db) as store:
        if store.stats()["quotes"] < args.quotes:
            if not args.from_db:
                raise SystemExit("the store has too few quotes: give --from-db")
            with open_store(args.from_db) as source:
                fill(store, source, args.quotes)
        stats = store.stats()
        qs = queries(store, args.queries, args.seed)
        for q in qs[:10]:  # warm the caches
            store.search_quotes(**q)
        by_kind: dict[str, list[float]] = {}
        hits: list[int] = []
        names = ["word", "two words", "phrase", "word + actor", "word + outlet + since"]
        for i, q in enumerate(qs):
            t0 = time.perf_counter()
            page = store.search_quotes(**q)
            dt = (time.perf_counter() - t0) * 1000
            by_kind.setdefault(names[i % 5], []).append(dt)
            hits.append(page.total)
    all_ms = [x for v in by_kind.values() for x in v]
    result = {
        "db": store.dialect, "articles": stats["articles"], "quotes": stats["quotes"], "queries": len(all_ms),
        "median_ms": round(statistics.median(all_ms), 2),
        "p95_ms": round(sorted(all_ms)[int(0.95 * len(all_ms)) - 1], 2),
        "median_hits": statistics.median(hits),
        "by_kind_median_ms": {k: round(statistics.median(v), 2) for k, v in by_kind.items()},
    }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
