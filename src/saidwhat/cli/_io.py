"""Small helpers shared by the subcommands: atomic output files, streamed JSON Lines, batch
progress on stderr, and failure listings."""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

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


class LineStream:
    """JSON Lines written as each input finishes: stdout, or a file truncated at the start.

    Every line is flushed as it is written, so memory does not grow with the batch and a run
    that is killed keeps every line it wrote (unlike ``write_output``, which writes a whole
    document at the end). Use as a context manager.
    """

    def __init__(self, output: str | None) -> None:
        self._path = Path(output) if output and output != "-" else None
        self._fh: TextIO = sys.stdout
        self.lines = 0

    def __enter__(self) -> LineStream:
        if self._path is not None:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            self._fh = self._path.open("w", encoding="utf-8", newline="\n")
        return self

    def write(self, line: str) -> None:
        """Write one line (``line`` ends with a newline) and flush it."""
        self._fh.write(line)
        self._fh.flush()
        self.lines += 1

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._path is not None:
            self._fh.close()


class BatchProgress:
    """Progress of a batch on stderr: a bar on a terminal, plain lines with ``--progress``
    elsewhere, nothing otherwise (and never on stdout, where the results go). A batch of one
    input shows none. Use as a context manager."""

    def __init__(self, label: str, total: int, *, requested: bool = False) -> None:
        self.label = label
        self.total = total
        self.done = 0
        self.failed = 0
        self._start = time.monotonic()
        self._bar: Any = None
        self._task: Any = None
        terminal = sys.stderr.isatty()
        self.enabled = total > 1 and (requested or terminal)
        if self.enabled and terminal:
            self._start_bar()

    def _start_bar(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._bar = Progress(TextColumn(self.label), BarColumn(), MofNCompleteColumn(),
                             TextColumn("failed {task.fields[failed]}"), TimeRemainingColumn(),
                             console=Console(stderr=True), transient=False)
        self._bar.start()
        self._task = self._bar.add_task(self.label, total=self.total, failed=0)

    def advance(self, *, failed: bool = False) -> None:
        """One more input done (``failed``: it gave an error)."""
        self.done += 1
        self.failed += int(failed)
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done, failed=self.failed)
            return
        rate = self.done / max(time.monotonic() - self._start, 1e-9)
        print(f"saidwhat {self.label}: {self.done}/{self.total} inputs, {self.failed} failed, "
              f"{rate:.2f} inputs/s", file=sys.stderr, flush=True)

    def __enter__(self) -> BatchProgress:
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def report_failures(failures: Sequence[SaidwhatError]) -> None:
    if not failures:
        return
    print(f"saidwhat: {len(failures)} input(s) failed:", file=sys.stderr)
    for err in failures:
        print(f"  - {err}", file=sys.stderr)
