"""The ``saidwhat`` command: a thin layer over the importable functions of each stage.

Each module here registers its subcommands; exit status 0 is success, 1 a failed document or
operation, 2 a usage error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from saidwhat import __version__
from saidwhat.cli import actors, article, attributions, corpus, serve, stories
from saidwhat.errors import SaidwhatError

__all__ = ["build_parser", "main"]

_MODULES = (article, attributions, corpus, actors, stories, serve)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="saidwhat",
                                     description="Who said what in the news, and where they stand.")
    parser.add_argument("--version", action="version", version=f"saidwhat {__version__}")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module in _MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s")
    try:
        code: int = args.func(args)
    except SaidwhatError as exc:
        print(f"saidwhat: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("saidwhat: interrupted", file=sys.stderr)
        return 130
    return code


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
