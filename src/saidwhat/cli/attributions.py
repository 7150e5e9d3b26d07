"""``saidwhat attributions`` (who said what, as scorer-ready JSON Lines) and ``saidwhat evaluate``."""

from __future__ import annotations

import argparse
import json
import sys

from saidwhat.cli._io import BatchProgress, LineStream, report_failures
from saidwhat.errors import ConfigError, SaidwhatError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("attributions", help="who said what: one JSON line of attributions per *.txt file",
                       description="Analyse every *.txt in TEXT_DIR as plain text (offsets index the file "
                                   "exactly) and write one JSON line per file: "
                                   '{"id": stem, "attributions": [{content, source, cue, kind, speaker, '
                                   "confidence[, stance]}]}.")
    p.add_argument("text_dir", metavar="TEXT_DIR",
                   help="folder of *.txt files (or a split folder with text/)")
    p.add_argument("-o", "--output", help="write here instead of stdout, line by line as files are done")
    p.add_argument("--workers", type=int, default=1, help="analyse in N processes (default 1)")
    p.add_argument("--progress", action="store_true",
                   help="report progress on stderr even when stderr is not a terminal")
    p.add_argument("--target", action="append", default=[], metavar="NAME",
                   help="add each quote's stance toward NAME (repeatable; runs the whole analysis)")
    p.set_defaults(func=_run_attributions)

    e = sub.add_parser("evaluate",
                       help="score the attribution extractor on a PolNeAR split; throughput, memory")
    # Evaluation data is never part of the product: the split and the scorer are named by the caller.
    e.add_argument("split_dir", metavar="SPLIT_DIR",
                   help="a PolNeAR split: folder with text/ and attributions/")
    e.add_argument("--scorer", required=True, metavar="SCORER",
                   help="the shared scorer script, score_attributions.py (called as a program, not copied)")
    e.add_argument("--workers", default="1,2", help="comma-separated worker counts to time (default 1,2)")
    e.add_argument("--limit", type=int, help="only the first N articles (quick gate)")
    e.add_argument("-o", "--output", help="also keep the predictions (JSONL, written line by line) here")
    e.add_argument("--rounds", type=int, default=3,
                   help="with --textacy: time saidwhat and textacy in turn this many times (default 3)")
    e.add_argument("--json", action="store_true", help="print a JSON report instead of the table")
    e.add_argument("--textacy", metavar="PYTHON", nargs="?", const="../textacy-venv/bin/python",
                   help="also score textacy's direct_quotations, run by this interpreter (a separate "
                        "venv with textacy and the spaCy model; textacy is not a saidwhat dependency)")
    e.add_argument("--min-who-said-what", type=float, help="exit 1 if who-said-what F1 is below this floor")
    e.add_argument("--min-content", type=float, help="exit 1 if content F1 is below this floor")
    e.set_defaults(func=_run_evaluate)


def _run_attributions(args: argparse.Namespace) -> int:
    """One JSON line per file, written as soon as the file (with its chunk) is done."""
    from saidwhat.evaluate.run import iter_predictions, text_files

    paths = text_files(args.text_dir)
    failures: list[SaidwhatError] = []
    with LineStream(args.output) as stream, \
            BatchProgress("attributions", len(paths), requested=args.progress) as progress:
        for record, error in iter_predictions(paths, workers=max(1, args.workers), targets=args.target):
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            progress.advance(failed=error is not None)
            if error is not None:
                failures.append(error)
    report_failures(failures)
    return 1 if failures else 0


def _interleaved_speed(args: argparse.Namespace, first_textacy: float) -> str:
    """Time saidwhat (1 process) and textacy turn about, so that a machine whose speed drifts
    during the run (shared hosts do) favours neither; report the medians and their ratio."""
    import statistics
    import time
    from pathlib import Path

    from saidwhat.evaluate.run import predict, text_files, textacy_baseline

    paths = text_files(Path(args.split_dir) / "text")
    ours: list[float] = []
    theirs = [first_textacy]
    for i in range(args.rounds):
        t = time.perf_counter()
        predict(paths, workers=1)
        ours.append(len(paths) / (time.perf_counter() - t))
        if i + 1 < args.rounds:
            theirs.append(textacy_baseline(args.textacy, args.split_dir, args.scorer)["articles_per_s"])
    a, b = statistics.median(ours), statistics.median(theirs)
    return (f"{args.rounds} rounds, saidwhat {', '.join(f'{x:.2f}' for x in ours)} vs textacy "
            f"{', '.join(f'{x:.2f}' for x in theirs)} articles/s; medians {a:.2f} vs {b:.2f} ({a / b:.2f}x)")


def _run_evaluate(args: argparse.Namespace) -> int:
    from saidwhat.evaluate.run import evaluate, textacy_baseline

    try:
        workers = [int(w) for w in str(args.workers).split(",") if w.strip()]
    except ValueError as exc:
        raise ConfigError(f"--workers takes comma-separated integers, not {args.workers!r}") from exc
    report = evaluate(args.split_dir, args.scorer, workers=workers, limit=args.limit, output=args.output)
    if args.textacy:
        tx = textacy_baseline(args.textacy, args.split_dir, args.scorer)
        report.extra["textacy direct_quotations"] = (
            f"who-said-what F1 {tx['scores']['who_said_what']['f1']:.3f}, "
            f"content F1 {tx['scores']['content']['f1']:.3f}, "
            f"{tx['articles_per_s']:.2f} articles/s (1 process)")
        if args.rounds > 1 and not args.limit:
            report.extra["speed, interleaved"] = _interleaved_speed(args, tx["articles_per_s"])
    if args.json:
        sys.stdout.write(json.dumps(report.to_dict(), indent=1) + "\n")
    else:
        sys.stdout.write(report.format())
    ok = True
    if args.min_who_said_what is not None and report.scores["who_said_what"]["f1"] < args.min_who_said_what:
        print(f"saidwhat: who-said-what F1 below the floor {args.min_who_said_what}", file=sys.stderr)
        ok = False
    if args.min_content is not None and report.scores["content"]["f1"] < args.min_content:
        print(f"saidwhat: content F1 below the floor {args.min_content}", file=sys.stderr)
        ok = False
    return 0 if ok else 1
