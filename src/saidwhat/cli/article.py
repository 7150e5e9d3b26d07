"""``saidwhat extract`` (page → article) and ``saidwhat analyze`` (the whole analysis)."""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence

from saidwhat.chain import analyze, extract
from saidwhat.cli._io import BatchProgress, LineStream, report_failures, write_output
from saidwhat.errors import SaidwhatError
from saidwhat.runner import run_batch
from saidwhat.schema import Article

# Quotes below this probability of being usable are not shown unless asked for. Criterion (fixed
# before the sweep): the largest threshold on a 0.05 grid that loses at most 0.01 usable recall on the
# own train + heldout pages together, against 0.2, the former default; wild-dev and the fresh pages
# played no part. 0.35 loses 8 of 806 gold speech attributions (0.712 -> 0.702) and removes 23 quotes,
# 15 of them not usable (usable precision 0.821 -> 0.837); 0.4 would lose 0.016 (docs/confidence.md).
DEFAULT_MIN_CONFIDENCE = 0.35


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="HTML or text file, '-' for stdin, or an http(s) URL")
    common.add_argument("-o", "--output",
                        help="write here instead of stdout (jsonl: line by line as each input finishes, so a "
                             "stopped run keeps what was done; other formats: atomically at the end)")
    common.add_argument("--keep-going", action="store_true",
                        help="go on after a failed input; list failures at the end")
    common.add_argument("--workers", type=int, default=1, help="analyse in N processes (default 1)")
    common.add_argument("--allow-private-network", action="store_true",
                        help="allow URLs on loopback/private/link-local addresses (local use and tests)")
    common.add_argument("--fetch-timeout", type=float, default=30.0, metavar="SECONDS",
                        help="deadline for fetching one URL, redirects included (default 30)")
    common.add_argument("--timeout", type=float, default=None, metavar="SECONDS",
                        help="give up on one input after SECONDS (checked between steps; SW302)")
    common.add_argument("--progress", action="store_true",
                        help="report progress on stderr for several inputs even if stderr is not a terminal")

    p = sub.add_parser("extract", parents=[common], help="page → article: main text and metadata")
    p.add_argument("--format", choices=["json", "jsonl", "text"], default="json")
    p.set_defaults(func=_run_extract)

    p = sub.add_parser("analyze", parents=[common], help="the whole analysis: actors, quotes, stance")
    p.add_argument("--format", choices=["json", "jsonl", "markdown"], default="json")
    p.add_argument("--target", action="append", default=[], metavar="NAME",
                   help="a target to take stances toward (repeatable); default: proposed from the text")
    p.add_argument("--include", choices=["beliefs"], action="append", default=[],
                   help="'beliefs': also show beliefs and intentions (thinks, fears, wants); "
                        "default: speech only")
    p.add_argument("--min-confidence", type=_probability, default=DEFAULT_MIN_CONFIDENCE, metavar="P",
                   help="show only quotes whose confidence (probability of being usable) is at least P "
                        f"(0..1; default {DEFAULT_MIN_CONFIDENCE}, 0 shows all)")
    p.set_defaults(func=_run_analyze)


def _probability(value: str) -> float:
    try:
        p = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None
    if not 0.0 <= p <= 1.0:
        raise argparse.ArgumentTypeError(f"{value} is not between 0 and 1")
    return p


def _extract_one(item: str, allow_private_network: bool, fetch_timeout: float,
                 timeout: float | None) -> Article:
    return extract(item, allow_private_network=allow_private_network, fetch_timeout=fetch_timeout,
                   timeout=timeout)


def _analyze_one(item: str, allow_private_network: bool, fetch_timeout: float, timeout: float | None,
                 targets: tuple[str, ...], include_beliefs: bool = False,
                 min_confidence: float = 0.0) -> Article:
    return analyze(item, targets=targets, allow_private_network=allow_private_network,
                   fetch_timeout=fetch_timeout, timeout=timeout, include_beliefs=include_beliefs,
                   min_confidence=min_confidence)


def _run(args: argparse.Namespace, fn: functools.partial[Article]) -> int:
    """Run ``fn`` over the inputs in order; JSONL is written line by line as each input finishes,
    other formats once at the end."""
    if "-" in args.inputs and args.workers > 1:
        args.workers = 1  # stdin can only be read by this process
    from saidwhat.views.render import render

    results: list[Article] = []
    failures: list[SaidwhatError] = []
    streaming = args.format == "jsonl"
    with LineStream(args.output if streaming else None) as stream, \
            BatchProgress(args.command, len(args.inputs), requested=args.progress) as progress:
        for out in run_batch(fn, args.inputs, workers=args.workers, keep_going=args.keep_going):
            progress.advance(failed=out.error is not None)
            if out.error is not None:
                failures.append(out.error)
                if not args.keep_going:
                    print(f"saidwhat: error: {out.error}", file=sys.stderr)
                    return 1
            elif out.value is not None and streaming:
                stream.write(render([out.value], "jsonl"))
            elif out.value is not None:
                results.append(out.value)
    if results:
        write_output(render(results, args.format), args.output)
    report_failures(failures)
    return 1 if failures else 0


def _run_extract(args: argparse.Namespace) -> int:
    return _run(args, functools.partial(_extract_one, allow_private_network=args.allow_private_network,
                                        fetch_timeout=args.fetch_timeout, timeout=args.timeout))


def _run_analyze(args: argparse.Namespace) -> int:
    fn = functools.partial(_analyze_one, allow_private_network=args.allow_private_network,
                           fetch_timeout=args.fetch_timeout, timeout=args.timeout, targets=tuple(args.target),
                           include_beliefs="beliefs" in args.include, min_confidence=args.min_confidence)
    return _run(args, fn)


__all__: Sequence[str] = ["register"]
