"""Benchmark the attribution extractor on a PolNeAR-style split with the shared scorer.

Quality comes from the shared scorer (called as a program, never copied); throughput is measured
on the same texts with one process and with worker pools, model loading reported apart; peak
memory is the largest resident set of this process and of the worker processes.
"""

from __future__ import annotations

import functools
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from saidwhat.analysis.attribution.extract import load_lexicon, load_tagger
from saidwhat.analysis.nlp import get_nlp
from saidwhat.errors import ConfigError, MissingInputError, SaidwhatError
from saidwhat.evaluate.records import file_records, read_text
from saidwhat.runner import Result, run_batch


def text_files(text_dir: str | Path) -> list[str]:
    """The ``*.txt`` files of a folder, sorted (the folder itself, or its ``text/``)."""
    d = Path(text_dir)
    if not d.is_dir():
        raise MissingInputError("not a folder", input=str(text_dir))
    files = sorted(d.glob("*.txt"))
    if not files and (d / "text").is_dir():
        files = sorted((d / "text").glob("*.txt"))
    return [str(p) for p in files]


# Files per task: big enough for nlp.pipe's batching to pay, small enough to balance workers.
CHUNK = 16


def iter_predictions(paths: Sequence[str], *, workers: int = 1, targets: Sequence[str] = ()
                     ) -> Iterator[tuple[dict[str, Any], SaidwhatError | None]]:
    """``(record, error)`` per path, in order, as soon as its chunk of files is done (so a caller
    can write each line then); a failed file gets an empty record with its error."""
    chunks = [tuple(paths[i:i + CHUNK]) for i in range(0, len(paths), CHUNK)]
    fn = functools.partial(file_records, targets=tuple(targets))
    for out in run_batch(fn, chunks, workers=workers, keep_going=True):
        if out.value is not None:
            outcomes = out.value
        else:  # the chunk as a whole failed (a bug): each of its files gets the error
            err = out.error or SaidwhatError("no result")
            outcomes = [Result(p, error=type(err)(err.message, input=p)) for p in out.input]
        for o in outcomes:
            if o.error is not None or o.value is None:
                error = o.error or SaidwhatError("no result", input=o.input)
                yield {"id": Path(o.input).stem, "attributions": [], "error": error.to_dict()}, error
            else:
                yield o.value, None


def predict(paths: Sequence[str], *, workers: int = 1, targets: Sequence[str] = ()
            ) -> tuple[list[dict[str, Any]], list[SaidwhatError]]:
    """One record per path, in order; a failed file gets an empty record plus its error."""
    records: list[dict[str, Any]] = []
    failures: list[SaidwhatError] = []
    for record, error in iter_predictions(paths, workers=workers, targets=targets):
        records.append(record)
        if error is not None:
            failures.append(error)
    return records, failures


def write_predictions(paths: Sequence[str], write: Callable[[str], None], *, workers: int = 1,
                      targets: Sequence[str] = ()) -> list[SaidwhatError]:
    """Predict ``paths`` and ``write`` each record as a JSON line as soon as it is done (memory
    does not grow with the split); return the failures."""
    failures: list[SaidwhatError] = []
    for record, error in iter_predictions(paths, workers=workers, targets=targets):
        write(json.dumps(record, ensure_ascii=False) + "\n")
        if error is not None:
            failures.append(error)
    return failures


def to_jsonl(records: Sequence[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def run_scorer(scorer: str, gold_dir: str | Path, pred: str | Path, *, as_json: bool = False) -> str:
    if not Path(scorer).is_file():
        raise ConfigError(f"scorer {scorer} not found; give --scorer PATH")
    cmd = [sys.executable, scorer, str(gold_dir), str(pred)] + (["--json"] if as_json else [])
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise ConfigError(f"the scorer failed: {proc.stderr.strip()[-500:]}")
    return proc.stdout


def subset_split(split_dir: str | Path, limit: int, into: str | Path) -> Path:
    """A split folder with only the first ``limit`` articles (symlinks), for quick gates."""
    src = Path(split_dir)
    dst = Path(into)
    (dst / "text").mkdir(parents=True, exist_ok=True)
    (dst / "attributions").mkdir(exist_ok=True)
    for p in sorted((src / "text").glob("*.txt"))[:limit]:
        os.symlink(p.resolve(), dst / "text" / p.name)
        for ann in sorted((src / "attributions").glob(f"{p.stem}_*.ann")):
            os.symlink(ann.resolve(), dst / "attributions" / ann.name)
    return dst


def _write_line(fh: TextIO, line: str) -> None:
    fh.write(line)
    fh.flush()


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024.0  # kB on Linux


@dataclass
class Timing:
    workers: int
    seconds: float
    articles: int
    failures: int

    @property
    def rate(self) -> float:
        return self.articles / self.seconds if self.seconds else 0.0


@dataclass
class Report:
    split: str
    table: str
    scores: dict[str, Any]
    load_seconds: float
    timings: list[Timing] = field(default_factory=list)
    peak_rss_mb: float = 0.0
    peak_worker_rss_mb: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    def format(self) -> str:
        load = f"model load (spaCy + CRF + lexicon, once per process): {self.load_seconds:.2f}s"
        lines = [self.table.rstrip(), "", load]
        base = next((t.rate for t in self.timings if t.workers == 1), 0.0)
        for t in self.timings:
            speedup = f"  ({t.rate / base:.2f}x one process)" if base and t.workers != 1 else ""
            lines.append(f"throughput, {t.workers} process(es): {t.rate:.2f} articles/s "
                         f"({t.articles} articles in {t.seconds:.1f}s){speedup}")
        lines.append(f"peak memory (RSS): this process {self.peak_rss_mb:.0f} MB, "
                     f"largest worker {self.peak_worker_rss_mb:.0f} MB")
        for k, v in self.extra.items():
            lines.append(f"{k}: {v}")
        return "\n".join(lines) + "\n"

    def to_dict(self) -> dict[str, Any]:
        return {"split": self.split, "scores": self.scores, "load_seconds": self.load_seconds,
                "throughput": [{"workers": t.workers, "articles_per_s": t.rate, "seconds": t.seconds,
                                "articles": t.articles, "failures": t.failures} for t in self.timings],
                "peak_rss_mb": self.peak_rss_mb, "peak_worker_rss_mb": self.peak_worker_rss_mb, **self.extra}


def evaluate(split_dir: str | Path, scorer: str, *, workers: Sequence[int] = (1, 2), limit: int | None = None,
             output: str | None = None) -> Report:
    """Predict the split with each worker count, score the first run, time all of them."""
    split = Path(split_dir)
    with tempfile.TemporaryDirectory(prefix="saidwhat-eval-") as tmp:
        if limit:
            split = subset_split(split, limit, Path(tmp) / "split")
        paths = text_files(split / "text")
        if not paths:
            raise MissingInputError("no text/*.txt files", input=str(split_dir))
        t0 = time.perf_counter()
        get_nlp()
        load_tagger()
        load_lexicon()
        load_seconds = time.perf_counter() - t0
        get_nlp()("Warm up, she said.")  # first-call allocations are start-up, not per-article work
        timings: list[Timing] = []
        load_before = os.getloadavg()[0]
        # reference: the spaCy parse alone on the same texts (most of the budget; textacy's too)
        texts = [read_text(p) for p in paths]
        nlp = get_nlp()
        t1 = time.perf_counter()
        for text in texts:
            nlp(text)
        parse_rate = len(texts) / (time.perf_counter() - t1)
        pred = Path(output) if output else Path(tmp) / "pred.jsonl"
        for i, n in enumerate(workers or (1,)):
            t1 = time.perf_counter()
            if i == 0:  # the first run's predictions are scored: written line by line as they come
                with pred.open("w", encoding="utf-8") as fh:
                    failures = write_predictions(paths, lambda line: _write_line(fh, line), workers=n)
            else:
                failures = [e for _, e in iter_predictions(paths, workers=n) if e is not None]
            timings.append(Timing(n, time.perf_counter() - t1, len(paths), len(failures)))
        peak_self = _rss_mb(resource.RUSAGE_SELF)
        peak_children = _rss_mb(resource.RUSAGE_CHILDREN)
        table = run_scorer(scorer, split, pred)
        scores = json.loads(run_scorer(scorer, split, pred, as_json=True))
    extra = {"spaCy parse only, 1 process": f"{parse_rate:.2f} articles/s",
             "machine load average (1 min) before / after": f"{load_before:.1f} / {os.getloadavg()[0]:.1f} "
                                                            f"on {os.cpu_count()} CPUs"}
    return Report(str(split_dir), table, scores, load_seconds, timings, peak_self, peak_children, extra)


#: The textacy program (a file of the source checkout, not of the installed package).
TEXTACY_SCRIPT = Path(__file__).resolve().parents[3] / "benchmarks" / "textacy_baseline.py"


def textacy_baseline(python: str, split_dir: str | Path, scorer: str) -> dict[str, Any]:
    """Score textacy's ``direct_quotations`` run by another interpreter (textacy is no dependency):
    ``benchmarks/textacy_baseline.py`` with this checkout's ``src`` on its path."""
    script = TEXTACY_SCRIPT
    if not script.is_file():
        raise ConfigError(f"{script} not found: the textacy baseline runs from a source checkout")
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "textacy.jsonl"
        env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
        proc = subprocess.run([python, str(script), str(Path(split_dir) / "text"), str(pred)],
                              capture_output=True, text=True, env=env, check=False)
        if proc.returncode != 0:
            raise ConfigError(f"textacy run failed: {proc.stderr.strip()[-500:]}")
        timing = json.loads(proc.stdout.strip().splitlines()[-1])
        scores = json.loads(run_scorer(scorer, split_dir, pred, as_json=True))
        table = run_scorer(scorer, split_dir, pred)
    return {"articles_per_s": timing["articles"] / timing["seconds"], "scores": scores, "table": table}
