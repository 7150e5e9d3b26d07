#!/usr/bin/env python3
"""Article-body extraction benchmark: saidwhat's extractor against plain trafilatura.

    .venv/bin/python benchmarks/extraction.py [--html-dir DIR] [--truth FILE] [--out PRED.json]
        [--ablations] [--limit N]

Runs every page of the article-extraction benchmark (181 gzipped HTML pages with hand-checked
bodies, in several languages) through
  - saidwhat: ``page_from_bytes`` + ``extract_article`` (trafilatura settings + our clutter
    filter) in this process, timed per page; and the ``saidwhat extract`` command itself over
    the ``.gz`` files, one batch, scored the same way;
  - trafilatura 2.3.1 ``extract()`` with default settings, and with ``favor_precision=True``;
and scores each with the benchmark's own scorer, ``../shared/eval/score_extraction.py`` (called
as a program, not copied). ``--ablations`` adds saidwhat variants (no clutter filter, other
trafilatura settings) to show what each choice is worth. Prints a Markdown table with
precision, recall, F1 and the median / mean / p95 CPU time per page (pages go through all
systems in turn, so a busy machine slows them alike).
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import trafilatura

from saidwhat.article import extract as extract_mod
from saidwhat.article import extract_article
from saidwhat.errors import SaidwhatError
from saidwhat.page import page_from_bytes

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "article-extraction-benchmark"
SCORER = REPO.parent / "shared" / "eval" / "score_extraction.py"

Extractor = Callable[[bytes, str, str | None], str]
# name, function, option overrides, clutter filter on
System = tuple[str, Extractor, dict[str, Any] | None, bool]


def saidwhat_extract(data: bytes, name: str, url: str | None) -> str:
    """Extraction as ``saidwhat extract`` does it (any language), in this process."""
    try:
        return extract_article(page_from_bytes(data, name, url=url)).text
    except SaidwhatError as exc:
        print(f"  saidwhat refused {exc}", file=sys.stderr)
        return ""


def cli_extract(html_dir: Path, keys: list[str]) -> tuple[dict[str, Any], float]:
    """Every page through the ``saidwhat extract`` command itself, in one batch of the ``.gz``
    files as they are (``--format jsonl --keep-going``): predictions and wall seconds per page."""
    paths = [str(html_dir / f"{key}.html.gz") for key in keys]
    exe = str(Path(sys.executable).with_name("saidwhat"))
    t0 = time.perf_counter()
    proc = subprocess.run([exe, "extract", "--format", "jsonl", "--keep-going", *paths],
                          capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - t0
    preds: dict[str, Any] = {}
    for line in proc.stdout.splitlines():
        record = json.loads(line)
        preds[Path(record["source"]).name.removesuffix(".html.gz")] = {"articleBody": record["text"]}
    if proc.returncode != 0:
        print(f"  saidwhat extract: {proc.stderr.strip()[-500:]}", file=sys.stderr)
    return preds, seconds / max(1, len(keys))


def trafilatura_extract(**options: Any) -> Extractor:
    def run(data: bytes, _name: str, url: str | None) -> str:
        return trafilatura.extract(data.decode("utf-8", errors="replace"), url=url, **options) or ""

    return run


def _keep_all(paragraphs: Iterable[str], *, source: str | None = None) -> list[str]:  # noqa: ARG001 - clean_paragraphs' signature
    return list(paragraphs)


@contextmanager
def _variant(options: dict[str, Any] | None = None, clutter: bool = True) -> Iterator[None]:
    """Temporarily change saidwhat's trafilatura options or switch the clutter filter off."""
    saved_options = dict(extract_mod.TRAFILATURA_OPTIONS)
    saved_clean = extract_mod.clean_paragraphs
    try:
        if options:
            extract_mod.TRAFILATURA_OPTIONS.update(options)
        if not clutter:
            setattr(extract_mod, "clean_paragraphs", _keep_all)  # noqa: B010 - a test double
        yield
    finally:
        extract_mod.TRAFILATURA_OPTIONS.clear()
        extract_mod.TRAFILATURA_OPTIONS.update(saved_options)
        setattr(extract_mod, "clean_paragraphs", saved_clean)  # noqa: B010


def run_systems(systems: list[System], pages: list[tuple[str, bytes, str | None]]
                ) -> list[tuple[dict[str, Any], list[float]]]:
    """Each page through every system in turn (so machine load hits all systems alike); CPU
    time per call (``time.process_time``), which other jobs on a shared machine disturb less
    than wall time."""
    preds: list[dict[str, Any]] = [{} for _ in systems]
    times: list[list[float]] = [[] for _ in systems]
    for key, data, url in pages:
        for i, (_, fn, options, clutter) in enumerate(systems):
            with _variant(options, clutter):
                t0 = time.process_time()
                text = fn(data, key, url)
                times[i].append(time.process_time() - t0)
            preds[i][key] = {"articleBody": text}
    return list(zip(preds, times, strict=True))


def score(truth: Path, preds: dict[str, Any], scorer: Path) -> dict[str, float]:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(preds, fh, ensure_ascii=False)
        path = fh.name
    try:
        out = subprocess.run([sys.executable, str(scorer), str(truth), path, "--json"],
                             check=True, capture_output=True, text=True)
    finally:
        Path(path).unlink(missing_ok=True)
    result: dict[str, float] = json.loads(out.stdout)
    return result


def _ms(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--html-dir", type=Path, default=DATA / "html")
    ap.add_argument("--truth", type=Path, default=DATA / "ground-truth.json")
    ap.add_argument("--scorer", type=Path, default=SCORER)
    ap.add_argument("--out", type=Path, help="write saidwhat's predictions here (scorer format)")
    ap.add_argument("--ablations", action="store_true", help="also score saidwhat variants")
    ap.add_argument("--limit", type=int, help="only the first N pages (quick checks; not comparable)")
    ap.add_argument("--min-f1", type=float,
                    help="quality gate: exit 1 if saidwhat's F1 is below this floor or below "
                         "trafilatura favor_precision's F1 in the same run")
    args = ap.parse_args(argv)

    truth = json.loads(args.truth.read_text(encoding="utf-8"))
    keys = sorted(truth)[: args.limit] if args.limit else sorted(truth)
    pages = []
    for key in keys:
        data = gzip.decompress((args.html_dir / f"{key}.html.gz").read_bytes())
        pages.append((key, data, truth[key].get("url")))
    gold = {k: truth[k] for k in keys}
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as fh:
        json.dump(gold, fh, ensure_ascii=False)
        gold_path = Path(fh.name)

    # Warm-up (language model load, trafilatura imports) so per-page times are steady-state.
    saidwhat_extract(pages[0][1], pages[0][0], pages[0][2])

    systems: list[System] = [
        ("saidwhat (favor_precision + clutter filter)", saidwhat_extract, None, True),
        ("trafilatura 2.3.1 default", trafilatura_extract(), None, True),
        ("trafilatura 2.3.1 favor_precision=True", trafilatura_extract(favor_precision=True), None, True),
    ]
    if args.ablations:
        systems += [
            ("trafilatura 2.3.1 favor_precision=True, include_comments=False",
             trafilatura_extract(favor_precision=True, include_comments=False), None, True),
            ("saidwhat, no clutter filter", saidwhat_extract, None, False),
            ("saidwhat, balanced (no favor_precision)", saidwhat_extract, {"favor_precision": False}, True),
            ("saidwhat, favor_recall", saidwhat_extract,
             {"favor_precision": False, "favor_recall": True}, True),
            ("saidwhat, include_tables=False", saidwhat_extract, {"include_tables": False}, True),
        ]
    rows: list[tuple[str, dict[str, float], float | None, float | None, float | None]] = []
    try:
        outputs = run_systems(systems, pages)
        for (name, fn, options, clutter), (preds, times) in zip(systems, outputs, strict=True):
            if args.out and fn is saidwhat_extract and options is None and clutter:
                args.out.write_text(json.dumps(preds, ensure_ascii=False, indent=1), encoding="utf-8")
            result = score(gold_path, preds, args.scorer)
            ms = sorted(t * 1000 for t in times)
            rows.append((name, result, statistics.median(ms), statistics.fmean(ms),
                         ms[int(0.95 * (len(ms) - 1))]))
            print(f"  {name}: F1 {result['f1']:.4f}", file=sys.stderr)
        cli_preds, per_page = cli_extract(args.html_dir, keys)
        result = score(gold_path, cli_preds, args.scorer)
        name = f"saidwhat extract command, {len(cli_preds)}/{len(keys)} pages (wall time incl. start-up)"
        rows.insert(1, (name, result, None, per_page * 1000, None))
        print(f"  saidwhat extract command: F1 {result['f1']:.4f}", file=sys.stderr)
    finally:
        gold_path.unlink(missing_ok=True)

    print(f"pages: {len(pages)}\n")
    print("| extractor | precision | recall | F1 | CPU ms/page median | mean | p95 |")
    print("|---|---|---|---|---|---|---|")
    for name, r, med, mean, p95 in rows:
        print(f"| {name} | {r['precision']:.4f} | {r['recall']:.4f} | **{r['f1']:.4f}** | {_ms(med)} "
              f"| {_ms(mean)} | {_ms(p95)} |")
    if args.min_f1 is not None:
        ours, peer = min(rows[0][1]["f1"], rows[1][1]["f1"]), rows[3][1]["f1"]
        if ours < args.min_f1 or ours < peer:
            print(f"GATE FAILED: saidwhat F1 {ours:.4f} (floor {args.min_f1}, "
                  f"trafilatura favor_precision {peer:.4f})",
                  file=sys.stderr)
            return 1
        print("\ngate passed: "
              f"F1 {ours:.4f} >= floor {args.min_f1} and >= trafilatura favor_precision {peer:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
