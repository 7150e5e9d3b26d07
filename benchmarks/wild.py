"""Who said what on real web pages: `saidwhat analyze` over annotated pages, scored by score_wild.py.

    .venv/bin/python benchmarks/wild.py                       # wild-dev, then the project's own pages
    .venv/bin/python benchmarks/wild.py --own tests/data/wild/pages --details out/wild-details

Two sets, reported separately:
- wild-dev (``../shared/data/wild/dev``): 20 pages annotated for issue 9, measurement only;
- the project's own annotated pages (``--own``, default ``tests/data/wild/pages``), skipped when
  the directory does not exist; then the same pages split by ``splits.json`` beside them into
  ``own train`` (pages that shaped the rules and the confidence model) and ``own heldout``;
- ``own fresh`` (``--fresh``, default ``tests/data/wild-fresh/pages``): 16 pages annotated on
  2026-11-30, after the rules and the confidence model, never used to shape either;
- ``own fresh2`` (``--fresh2``, default ``tests/data/wild-fresh2/pages``): 16 more pages annotated
  on 2026-12-01 before that day's changes, scored once at the start and once at the end of it;
- ``own fresh3`` (``--fresh3``, default ``tests/data/wild-fresh3/pages``): 21 more pages of any
  page type, annotated on 2026-12-01 before the changes of that day's second session; held back
  until session 17 (2026-12-02), development since (its README says how);
- ``own fresh4`` (``--fresh4``, default ``tests/data/wild-fresh4/pages``): the benchmark's last 15
  English pages, all short, annotated in session 17 before its changes were scored on them.

Each gold file names its page (``source``); the HTML is read from the article-extraction
benchmark (``../shared/data/article-extraction-benchmark/html/<source>.gz``), decompressed to a
temporary directory, analysed with ``saidwhat analyze --format jsonl --keep-going`` and scored
with ``../shared/eval/score_wild.py``. Extra ``analyze`` options go after ``--``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
WILD_DEV = SHARED / "data" / "wild" / "dev"
HTML_DIR = SHARED / "data" / "article-extraction-benchmark" / "html"
SCORER = SHARED / "eval" / "score_wild.py"
OWN_DEFAULT = REPO / "tests" / "data" / "wild" / "pages"
FRESH_DEFAULT = REPO / "tests" / "data" / "wild-fresh" / "pages"
FRESH2_DEFAULT = REPO / "tests" / "data" / "wild-fresh2" / "pages"
FRESH3_DEFAULT = REPO / "tests" / "data" / "wild-fresh3" / "pages"
FRESH4_DEFAULT = REPO / "tests" / "data" / "wild-fresh4" / "pages"
SAIDWHAT = Path(sys.executable).parent / "saidwhat"


def _html_of(gold: dict[str, str], gold_file: Path, html_dir: Path) -> tuple[str, bytes] | None:
    """(file name, HTML bytes) of a gold page, from ``.html`` next to it or the benchmark's ``.gz``."""
    name = Path(gold["source"]).name.removesuffix(".gz")
    for cand in (gold_file.with_name(name), gold_file.with_suffix(".html"), html_dir / name):
        if cand.is_file():
            return name, cand.read_bytes()
    gz = html_dir / (name + ".gz")
    if gz.is_file():
        return name, gzip.decompress(gz.read_bytes())
    return None


def score_set(gold_dir: Path, html_dir: Path, extra: list[str], details: Path | None) -> dict[str, float]:
    """Analyse every page of ``gold_dir`` and return the scorer's metrics."""
    with tempfile.TemporaryDirectory(prefix="saidwhat-wild-") as tmp:
        pages: list[str] = []
        for f in sorted(gold_dir.glob("*.json")):
            gold = json.loads(f.read_text(encoding="utf-8"))
            found = _html_of(gold, f, html_dir)
            if found is None:
                print(f"{f.name}: no HTML for {gold['source']}; skipped", file=sys.stderr)
                continue
            path = Path(tmp) / found[0]
            path.write_bytes(found[1])
            pages.append(str(path))
        out = Path(tmp) / "pred.jsonl"
        cmd = [str(SAIDWHAT), "analyze", *pages, "--format", "jsonl", "-o", str(out), "--keep-going", *extra]
        subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL)
        score = [sys.executable, str(SCORER), str(gold_dir), str(out), "--json"]
        if details is not None:
            score += ["--details", str(details)]
        res = subprocess.run(score, check=True, capture_output=True, text=True)
        if details is not None:  # the predictions beside the judgments (actor_misses.py reads them)
            details.with_suffix(".pred.jsonl").write_bytes(out.read_bytes())
    metrics: dict[str, float] = json.loads(res.stdout)
    return metrics


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=WILD_DEV, help="shared wild-dev gold directory")
    ap.add_argument("--own", type=Path, default=OWN_DEFAULT, help="the project's own annotated pages")
    ap.add_argument("--fresh", type=Path, default=FRESH_DEFAULT,
                    help="pages annotated after the rules and the confidence model were made (held back)")
    ap.add_argument("--fresh2", type=Path, default=FRESH2_DEFAULT,
                    help="the second set of held-back pages (annotated 2026-12-01)")
    ap.add_argument("--fresh3", type=Path, default=FRESH3_DEFAULT,
                    help="the third set of fresh pages (any page type; development since session 17)")
    ap.add_argument("--fresh4", type=Path, default=FRESH4_DEFAULT,
                    help="the fourth set of held-back pages (short pages, annotated in session 17)")
    ap.add_argument("--html", type=Path, default=HTML_DIR, help="directory of the benchmark's HTML (.gz)")
    ap.add_argument("--details", type=Path,
                    help="write each set's judgments to DETAILS.<set>.jsonl, its predictions beside them "
                         "(DETAILS.<set>.pred.jsonl)")
    ap.add_argument("--json", action="store_true", help="one JSON object per set")
    ap.add_argument("--min-usable-precision", type=float, default=0.0,
                    help="exit 1 if wild-dev's usable precision is below this (a CI floor)")
    ap.add_argument("--max-confident-wrong", type=float, default=1.0,
                    help="exit 1 if wild-dev's confident-wrong share is above this (a CI ceiling)")
    ap.add_argument("--dev-only", action="store_true", help="score wild-dev only")
    ap.add_argument("analyze_args", nargs="*", help="extra options for `saidwhat analyze` (after --)")
    a = ap.parse_args()
    sets = [("wild-dev", a.dev)] + ([] if a.dev_only else [("own pages", a.own)])
    tail = [] if a.dev_only else [("own fresh", a.fresh), ("own fresh2", a.fresh2),
                                     ("own fresh3", a.fresh3), ("own fresh4", a.fresh4)]
    failed = False
    with tempfile.TemporaryDirectory(prefix="saidwhat-wild-splits-") as tmp:
        if not a.dev_only:
            sets += _split_sets(a.own, Path(tmp))
        failed = _report(sets + tail, a)
    if failed:
        sys.exit(f"wild-dev below the floors: usable precision >= {a.min_usable_precision}, "
                 f"confident-wrong <= {a.max_confident_wrong}")


def _split_sets(own: Path, tmp: Path) -> list[tuple[str, Path]]:
    """The own pages split by ``splits.json`` beside them (train shaped the rules and the
    confidence model; heldout did not), each as a directory of its gold files."""
    splits_file = own.parent / "splits.json"
    if not splits_file.is_file():
        return []
    out: list[tuple[str, Path]] = []
    for name, ids in json.loads(splits_file.read_text(encoding="utf-8")).items():
        d = tmp / name
        d.mkdir()
        for page_id in ids:
            src = own / f"{page_id}.json"
            if src.is_file():
                (d / src.name).write_bytes(src.read_bytes())
        out.append((f"own {name}", d))
    return out


def _report(sets: list[tuple[str, Path]], a: argparse.Namespace) -> bool:
    """Score and print every set; True when wild-dev is below the floors."""
    failed = False
    for label, gold_dir in sets:
        if not gold_dir.is_dir() or not any(gold_dir.glob("*.json")):
            print(f"{label}: {gold_dir} absent or empty; skipped", file=sys.stderr)
            continue
        det = None if a.details is None else a.details.with_name(
            f"{a.details.name}.{label.replace(' ', '-')}.jsonl")
        m = score_set(gold_dir, a.html, a.analyze_args, det)
        if label == "wild-dev":
            failed = (m["precision_usable"] < a.min_usable_precision
                      or m["confident_wrong"] > a.max_confident_wrong)
        if a.json:
            print(json.dumps({"set": label, **m}))
            continue
        print(f"== {label} ({gold_dir})")
        for k, v in m.items():
            print(f"  {k:18} {v}")
    return failed


if __name__ == "__main__":
    main()
