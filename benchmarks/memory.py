#!/usr/bin/env python3
"""Peak memory (RSS) of one process per page, on every page of the benchmark sets.

    .venv/bin/python benchmarks/memory.py [--fresh [--workers N]] [--all-languages] [--limit N]
        [--max-mb 600] [--json OUT] [--html-dir DIR] [--wild-dir DIR]
    .venv/bin/python benchmarks/memory.py --batch analyze|extract

Each page of the article-extraction benchmark (181 gzipped HTML pages; the 20 wild-dev pages
are among them and are reported apart) runs in a process of its own, as one ``saidwhat
analyze`` would: the page is read (``.gz`` as it is), extracted, and, when it is English,
analysed (``saidwhat.extract`` then ``saidwhat.analyze``, the CLI's chain); a page in another
language stops after extraction, as ``analyze`` refuses it. By default each page's process is
forked from one that has loaded the models (fast; its peak is reported as an upper bound, see
``_run_forked``); ``--fresh`` starts a new interpreter per page and reports its exact peak RSS
(``ru_maxrss``). Prints the distribution, the largest pages, and exits 1 when a page passes
``--max-mb``. ``--all-languages`` also runs the analysis stage on the non-English pages
(``saidwhat.analyze_article``, bypassing the refusal). ``--batch analyze`` instead runs every
page through one ``saidwhat analyze`` process (JSON Lines, streamed) and reports its peak.
"""

from __future__ import annotations

import argparse
import json
import os
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


def _rss_mb() -> float:
    import psutil

    return float(psutil.Process().memory_info().rss) / 2**20


def _load_models() -> None:
    from saidwhat.analysis.nlp import get_nlp
    from saidwhat.article.language import detect_language

    get_nlp()("Warm up, she said.")
    detect_language("warm up")


def _chain(path: str, all_languages: bool) -> dict[str, Any]:
    """``saidwhat.extract`` the page, then ``saidwhat.analyze`` it when it is English (with
    ``all_languages``, the analysis stage runs on the other languages' text too)."""
    import saidwhat

    t0 = time.perf_counter()
    article = saidwhat.extract(path)
    stage, quotes = "extract", None
    if article.language == "en" or all_languages:
        english = article.language == "en"
        analyzed = saidwhat.analyze(article) if english else saidwhat.analyze_article(article)
        stage, quotes = "analyze", len(analyzed.quotes)
    return {"page": Path(path).name.split(".")[0], "chars": len(article.text), "language": article.language,
            "stage": stage, "quotes": quotes, "seconds": round(time.perf_counter() - t0, 2)}


def measure_fresh(path: str, all_languages: bool) -> dict[str, Any]:
    """In this (fresh) process: load the models, then run the chain on ``path``; the peak RSS
    is this process's own, exactly."""
    _load_models()
    loaded = _peak_mb()
    row = _chain(path, all_languages)
    return {**row, "models_mb": round(loaded, 1), "peak_mb": round(_peak_mb(), 1)}


def _run_fresh(path: Path, all_languages: bool) -> dict[str, Any]:
    flags = ["--all-languages"] if all_languages else []
    proc = subprocess.run([sys.executable, __file__, "--page", str(path), *flags], capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        tail = proc.stderr.strip().splitlines()[-1:] or ["no output"]
        return {"page": path.name.split(".")[0], "error": tail[0]}
    result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    return result


def _run_forked(path: Path, models_mb: float, all_languages: bool) -> dict[str, Any]:
    """The chain on ``path`` in a process forked from this one (models already loaded).

    A forked child starts with a smaller RSS than its parent (shared file pages are not counted
    until it touches them), so its peak is reported as the parent's RSS plus the child's growth:
    an upper bound of a fresh process's peak (pages the child touches again count twice)."""
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: measure, report on the pipe, exit without cleanup
        os.close(read_fd)
        start = _rss_mb()
        try:
            row = _chain(str(path), all_languages)
            row.update(models_mb=round(models_mb, 1), peak_mb=round(models_mb + _peak_mb() - start, 1))
        except Exception as exc:  # noqa: BLE001 - reported as the page's error
            row = {"page": path.name.split(".")[0], "error": f"{type(exc).__name__}: {exc}"}
        with os.fdopen(write_fd, "w", encoding="utf-8") as fh:
            fh.write(json.dumps(row))
        os._exit(0)
    os.close(write_fd)
    with os.fdopen(read_fd, encoding="utf-8") as fh:
        data = fh.read()
    os.waitpid(pid, 0)
    if not data:
        return {"page": path.name.split(".")[0], "error": "the page's process died"}
    result: dict[str, Any] = json.loads(data)
    return result


def _measure_all(pages: list[Path], fresh: bool, workers: int, all_languages: bool) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []

    def note(row: dict[str, Any]) -> None:
        rows.append(row)
        print(f"  {len(rows)}/{len(pages)} {row['page'][:16]} {row.get('peak_mb', row.get('error'))}",
              file=sys.stderr, flush=True)

    if fresh:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            for row in pool.map(lambda page: _run_fresh(page, all_languages), pages):
                note(row)
        return rows
    _load_models()
    models_mb = _rss_mb()
    for page in pages:
        note(_run_forked(page, models_mb, all_languages))
    return rows


def measure_batch(pages: list[Path], command: str) -> str:
    """``saidwhat COMMAND --format jsonl --keep-going`` over all pages in one process: its peak
    RSS (the whole batch's, as JSON Lines are streamed, results are not kept)."""
    exe = str(Path(sys.executable).with_name("saidwhat"))
    t0 = time.perf_counter()
    proc = subprocess.run([exe, command, "--format", "jsonl", "--keep-going", *map(str, pages)],
                          capture_output=True, check=False)
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0  # the largest child so far
    lines = proc.stdout.count(b"\n")
    return (f"one `saidwhat {command}` process over {len(pages)} pages: {lines} results, "
            f"peak RSS {peak:.0f} MB, {seconds:.0f} s")


def _wild_pages(wild_dir: Path) -> set[str]:
    """Page ids (the HTML file's stem) of the wild-dev set."""
    if not wild_dir.is_dir():
        return set()
    records = (json.loads(p.read_text(encoding="utf-8")) for p in wild_dir.glob("*.json"))
    return {record["source"].split(".")[0] for record in records}


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
    ap.add_argument("--ids", nargs="+", metavar="ID", help="only the pages whose id starts with one of these")
    ap.add_argument("--fresh", action="store_true",
                    help="a fresh interpreter per page (exact, slow: models loaded each time) instead of a "
                         "process forked from one with the models loaded (an upper bound, fast)")
    ap.add_argument("--all-languages", action="store_true",
                    help="analyse the non-English pages too (the analysis stage alone; analyze refuses them)")
    ap.add_argument("--workers", type=int, default=1, help="with --fresh: pages measured at once (default 1)")
    ap.add_argument("--max-mb", type=float, default=MAX_MB, help=f"budget per process (default {MAX_MB:g})")
    ap.add_argument("--json", type=Path, help="write every page's figures here")
    ap.add_argument("--batch", choices=["extract", "analyze"],
                    help="instead: all pages in one process of this command (JSONL, streamed)")
    args = ap.parse_args(argv)
    if args.page:
        print(json.dumps(measure_fresh(args.page, args.all_languages)))
        return 0

    pages = sorted(args.html_dir.glob("*.html.gz"))
    if args.ids:
        pages = [p for p in pages if p.name.startswith(tuple(args.ids))]
    pages = pages[: args.limit or None]
    if args.batch:
        print(measure_batch(pages, args.batch))
        return 0
    wild = _wild_pages(args.wild_dir)
    rows = _measure_all(pages, args.fresh, args.workers, args.all_languages)
    print(f"mode: {'a fresh process per page' if args.fresh else 'a forked process per page (upper bound)'}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    failed = [r for r in rows if "error" in r]
    done = [r for r in rows if "error" not in r]
    print(_summary("all benchmark pages", done))
    print(_summary("wild-dev pages", [r for r in done if r["page"] in wild]))
    print(_summary("pages analysed", [r for r in done if r["stage"] == "analyze"]))
    if done:
        models = statistics.median(r["models_mb"] for r in done)
        print(f"models loaded, before any page: {models:.0f} MB (median)")
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
