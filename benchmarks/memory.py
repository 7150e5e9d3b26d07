#!/usr/bin/env python3
"""Peak memory (RSS) of one process per page, on every page of the benchmark sets.

    .venv/bin/python benchmarks/memory.py [--html-dir DIR] [--wild-dir DIR] [--limit N]
        [--workers N] [--max-mb 600] [--json OUT]

Each page of the article-extraction benchmark (181 gzipped HTML pages; the 20 wild-dev pages
are among them and are reported apart) runs in a fresh process, as one ``saidwhat analyze``
would: the page is read (``.gz`` as it is), extracted, and, when it is English, analysed
(``saidwhat.extract`` then ``saidwhat.analyze``, the CLI's chain); a page in another language
stops after extraction, as ``analyze`` refuses it. The process reports its peak RSS
(``ru_maxrss``) after the page, and its RSS after loading the models, before any page.
Prints the distribution, the largest pages, and exits 1 when a page passes ``--max-mb``.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data"

#: The budget per process named by issue 9 (peak RSS on any benchmark page).
MAX_MB = 600.0


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # kB on Linux


def measure_page(path: str) -> dict[str, Any]:
    """In this (fresh) process: load the models, then run the chain on ``path``."""
    import saidwhat
    from saidwhat.analysis.nlp import get_nlp
    from saidwhat.article.language import detect_language

    get_nlp()("Warm up, she said.")
    detect_language("warm up")
    loaded = _peak_mb()
    t0 = time.perf_counter()
    article = saidwhat.extract(path)
    stage, quotes = "extract", None
    if article.language == "en":
        analyzed = saidwhat.analyze(article)
        stage, quotes = "analyze", len(analyzed.quotes)
    return {"page": Path(path).name.split(".")[0], "chars": len(article.text), "language": article.language,
            "stage": stage, "quotes": quotes, "seconds": round(time.perf_counter() - t0, 2),
            "models_mb": round(loaded, 1), "peak_mb": round(_peak_mb(), 1)}


def _run_child(path: Path) -> dict[str, Any]:
    proc = subprocess.run([sys.executable, __file__, "--page", str(path)], capture_output=True, text=True,
                          check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"page": path.name.split(".")[0], "error": tail[0]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _wild_pages(wild_dir: Path) -> set[str]:
    """Page ids (the HTML file's stem) of the wild-dev set."""
    if not wild_dir.is_dir():
        return set()
    return {json.loads(p.read_text(encoding="utf-8"))["source"].split(".")[0] for p in wild_dir.glob("*.json")}


def _summary(name: str, rows: list[dict[str, Any]]) -> str:
    peaks = sorted(r["peak_mb"] for r in rows)
    if not peaks:
        return f"{name}: no pages"
    p95 = peaks[int(0.95 * (len(peaks) - 1))]
    return (f"{name}: {len(peaks)} pages, peak RSS per process median {statistics.median(peaks):.0f} MB, "
            f"p95 {p95:.0f} MB, max {peaks[-1]:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--page", help=argparse.SUPPRESS)  # child mode: measure one page, print JSON
    ap.add_argument("--html-dir", type=Path, default=DATA / "article-extraction-benchmark" / "html")
    ap.add_argument("--wild-dir", type=Path, default=DATA / "wild" / "dev")
    ap.add_argument("--limit", type=int, help="only the first N pages (quick checks)")
    ap.add_argument("--workers", type=int, default=1,
                    help="pages measured at once, each in its own process (default 1)")
    ap.add_argument("--max-mb", type=float, default=MAX_MB, help=f"budget per process (default {MAX_MB:g})")
    ap.add_argument("--json", type=Path, help="write every page's figures here")
    args = ap.parse_args(argv)
    if args.page:
        print(json.dumps(measure_page(args.page)))
        return 0

    pages = sorted(args.html_dir.glob("*.html.gz"))[: args.limit or None]
    wild = _wild_pages(args.wild_dir)
    with ThreadPoolExecutor(max_workers=max(1, args.workers)) as pool:
        rows = []
        for i, row in enumerate(pool.map(_run_child, pages), 1):
            rows.append(row)
            print(f"  {i}/{len(pages)} {row['page'][:16]} {row.get('peak_mb', row.get('error'))}",
                  file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    failed = [r for r in rows if "error" in r]
    done = [r for r in rows if "error" not in r]
    print(_summary("all benchmark pages", done))
    print(_summary("wild-dev pages", [r for r in done if r["page"] in wild]))
    print(_summary("pages analysed (English)", [r for r in done if r["stage"] == "analyze"]))
    if done:
        print(f"models loaded, before any page: {statistics.median(r['models_mb'] for r in done):.0f} MB (median)")
    print("\n| page | chars | language | stage | quotes | peak RSS MB |\n|---|---|---|---|---|---|")
    for r in sorted(done, key=lambda r: -r["peak_mb"])[:8]:
        mark = " (wild-dev)" if r["page"] in wild else ""
        print(f"| {r['page'][:16]}{mark} | {r['chars']} | {r['language']} | {r['stage']} | {r['quotes']} "
              f"| {r['peak_mb']:.0f} |")
    for r in failed:
        print(f"failed: {r['page']}: {r['error']}")
    over = [r for r in done if r["peak_mb"] > args.max_mb]
    if over or failed:
        print(f"{len(over)} page(s) over {args.max_mb:g} MB, {len(failed)} failed", file=sys.stderr)
        return 1
    print(f"\nevery page within {args.max_mb:g} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
