"""Small helpers shared by the subcommands: atomic output files and failure listings."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from saidwhat.errors import SaidwhatError


def write_output(text: str, output: str | None) -> None:
    """Write to stdout, or atomically to a file (a killed run never leaves half a file)."""
    if not output or output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    path = Path(output)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def report_failures(failures: Sequence[SaidwhatError]) -> None:
    if not failures:
        return
    print(f"saidwhat: {len(failures)} input(s) failed:", file=sys.stderr)
    for err in failures:
        print(f"  - {err}", file=sys.stderr)
