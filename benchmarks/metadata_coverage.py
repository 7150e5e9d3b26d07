"""How many stored articles and quote hits have an outlet and a published date.

For a plain-text corpus ingested with its metadata file, every one should (issue 10, item 6):

    .venv/bin/saidwhat ingest ../shared/data/polnear/dev/text --db dev.sqlite \
        --metadata ../shared/data/polnear/metadata.tsv --workers 2
    .venv/bin/python benchmarks/metadata_coverage.py --db dev.sqlite [--min-share 1.0]

``--min-share S`` exits 1 when less than the share S of the quote hits has both.
"""

from __future__ import annotations

import argparse
import json
import sys

from saidwhat.store import open_store


def coverage(db: str) -> dict[str, object]:
    with open_store(db, create=False) as store:
        articles = [a for _, a in store.iter_articles()]
        hits = list(store.iter_quotes())
        outlets = store.facets(size=20)["outlet"]
    return {
        "articles": len(articles),
        "articles_without_outlet": sum(1 for a in articles if not a.outlet),
        "articles_without_date": sum(1 for a in articles if not a.published),
        "hits": len(hits),
        "hits_without_outlet": sum(1 for h in hits if not h.outlet),
        "hits_without_date": sum(1 for h in hits if not h.published),
        "hits_with_both_share": round(sum(1 for h in hits if h.outlet and h.published) / len(hits), 4)
        if hits else 0.0,
        "outlet_facet": outlets,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the store to check")
    parser.add_argument("--min-share", type=float, default=None, help="fail below this share of hits")
    args = parser.parse_args()
    result = coverage(args.db)
    print(json.dumps(result, indent=2))
    share = result["hits_with_both_share"]
    assert isinstance(share, float)
    if args.min_share is not None and share < args.min_share:
        print(f"metadata_coverage: {share} of the hits have an outlet and a date, below {args.min_share}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
