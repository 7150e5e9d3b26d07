#!/usr/bin/env python3
"""A bounded fuzz campaign through ``saidwhat analyze``: hostile inputs generated from the
adversarial corpus (``tests/adversarial.py``) and the example page, each analysed by the command
with a time limit. Reports inputs tried, outcomes, crashes, hangs, worst CPU and peak memory.

    .venv/bin/python benchmarks/fuzz.py [--max-inputs 1000] [--max-seconds 600] [--timeout 30]
        [--seed 1] [--via worker|command] [--keep DIR] [--json] [--fail-on-crash]

``--via worker`` (default): each input runs as ``saidwhat.cli.main(["analyze", FILE, "--timeout",
T, "--format", "jsonl", "-o", OUT])`` in a warm worker process (``saidwhat.workers``, spaCy loaded
once); the worker reports the CPU seconds the input took and its peak RSS. ``--via command``:
the inputs go through the real ``saidwhat analyze --keep-going`` command in batches (a new
process each), its peak RSS taken from the kernel (``RUSAGE_CHILDREN``).

A *crash* is a traceback or an ``unexpected`` error on stderr, an exit status other than 0 or 1,
or output that is not valid UTF-8 JSON. A *hang* is an input not done ``--grace`` seconds after
its ``--timeout`` (the chain checks its deadline between steps; the grace is for one step): its
worker is killed. Inputs that crash or hang are kept in ``--keep`` for reproduction.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from adversarial import CASES, PROSE  # noqa: E402  (the corpus lives with the tests)
from saidwhat.errors import AnalysisTimeoutError, SaidwhatError  # noqa: E402
from saidwhat.workers import KillablePool  # noqa: E402

EXAMPLE = REPO / "examples" / "harbor-bridge.html"
#: Pieces that hostile pages are made of: markup, declarations, separators, controls, runs.
PIECES = ["<html>", "</html>", "<head>", "<body>", "<p>", "</p>", "<div>", "</div>", "<article>",
          "<script>", "<!--", "-->", '<meta charset="undefined">', '<meta charset="utf-7">',
          '<meta charset="x-mac-roman">', "<?xml encoding='base64'?>", '<script type="application/ld+json">',
          "{", "[", '"', "\u201c", "\u201d", "\f", "\x00", "\x1b", "\x85", "\u2028", "\ufeff", "\u00ad",
          "\u200b", "\n", "\n\n", "\r", " ", "#", "said", " said ", "John Smith", "Јоhn Ѕmith", "The mayor",
          "Photo: Reuters", "Share on Facebook", "http://x.example/", "(", ")", "\u2014", "'", "=HYPERLINK(",
          "1,1,1,", "é", "中文", "עברית", "\U0001F600"]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1", "gbk",
             "shift_jis"]


# --- generating inputs ---------------------------------------------------------------------------

@dataclass
class Input:
    name: str
    suffix: str
    data: bytes


def _seeds() -> list[Input]:
    seeds = [Input(f"corpus:{c.name}", c.suffix, c.build()) for c in CASES if not c.slow]
    seeds.append(Input("example", ".html", EXAMPLE.read_bytes()))
    seeds.append(Input("prose", ".txt", ("Harbour plan\n\n" + PROSE * 3).encode()))
    return seeds


def _decode(data: bytes) -> str:
    return data.decode("utf-8", "surrogateescape")


def _encode(text: str, rng: random.Random) -> bytes:
    """Mostly the bytes as they were (bad bytes kept); sometimes another encoding, lone surrogates
    written as their UTF-8/16 bytes where the codec can, else replaced."""
    if rng.random() >= 0.3:
        try:
            return text.encode("utf-8", "surrogateescape")  # bytes that were not UTF-8 come back as they were
        except UnicodeEncodeError:
            return text.encode("utf-8", "surrogatepass")
    codec = rng.choice(ENCODINGS)
    return text.encode(codec, "surrogatepass" if codec.startswith("utf") else "replace")


def _insert(text: str, piece: str, rng: random.Random) -> str:
    at = rng.randrange(len(text) + 1)
    return text[:at] + piece + text[at:]


def _mut_piece(text: str, rng: random.Random) -> str:
    return _insert(text, rng.choice(PIECES) * rng.choice([1, 2, 10, 100, 1000, 20000]), rng)


def _mut_repeat_slice(text: str, rng: random.Random) -> str:
    if not text:
        return text
    a = rng.randrange(len(text))
    piece = text[a:a + rng.choice([1, 2, 5, 50, 500])]
    return _insert(text, piece * rng.choice([10, 100, 1000, 10000]), rng)


def _mut_controls(text: str, rng: random.Random) -> str:
    for _ in range(rng.choice([1, 5, 50, 500])):
        text = _insert(text, chr(rng.choice([0, 1, 7, 8, 11, 12, 27, 28, 31, 127, 133, 0xD800, 0xDFFF])), rng)
    return text


def _mut_nest(text: str, rng: random.Random) -> str:
    depth = rng.choice([10, 1000, 30000])
    tag = rng.choice(["div", "span", "b", "blockquote", "p"])
    return f"<{tag}>" * depth + text + f"</{tag}>" * rng.choice([0, depth])


def _mut_truncate(text: str, rng: random.Random) -> str:
    return text[: rng.randrange(len(text) + 1)]


def _mut_random(text: str, rng: random.Random) -> str:
    n = rng.choice([1, 10, 100])
    for _ in range(n):
        text = _insert(text, chr(rng.randrange(0x110000)), rng)
    return text


def _mut_jsonld(text: str, rng: random.Random) -> str:
    depth = rng.choice([5, 500, 20000])
    block = '<script type="application/ld+json">' + '{"@type":"NewsArticle","author":' * depth + "</script>"
    return _insert(text, block, rng)


def _mut_headline(text: str, rng: random.Random) -> str:
    pad = rng.choice(["\f", "\u2028", " ", "\t", "#", "=", "-"]) * rng.choice([100, 10000, 100000])
    return "Headline" + pad + "x\n\n" + text


def _mut_speakers(text: str, rng: random.Random) -> str:
    n = rng.choice([10, 300, 2000])
    lines = [f"Person{rng.randrange(10**6)} said that." if rng.random() < 0.5 else "He said it was bad."
             for _ in range(n)]
    return text + "\n\n" + "\n\n".join(lines)


MUTATORS: list[Callable[[str, random.Random], str]] = [
    _mut_piece, _mut_repeat_slice, _mut_controls, _mut_nest, _mut_truncate, _mut_random, _mut_jsonld,
    _mut_headline, _mut_speakers,
]


def generate(seed: int) -> Iterator[Input]:
    """The corpus itself first, then endless mutations (1 to 3 each) of corpus cases and the example."""
    rng = random.Random(seed)
    seeds = _seeds()
    yield from seeds
    n = 0
    while True:
        n += 1
        base = rng.choice(seeds)
        text = _decode(base.data)
        names = []
        for _ in range(rng.choice([1, 1, 2, 3])):
            mutator = rng.choice(MUTATORS)
            text = mutator(text, rng)
            names.append(mutator.__name__.removeprefix("_mut_"))
        data = _encode(text[:3_000_000], rng)
        if rng.random() < 0.1:
            data = codecs.BOM_UTF8 + data
        yield Input(f"gen{n}:{base.name}+{'+'.join(names)}", base.suffix, data)


# --- running one input ---------------------------------------------------------------------------

def run_command_in_worker(path: str, out: str, timeout: float) -> dict[str, Any]:
    """``saidwhat analyze`` on one file, in this (worker) process: exit status, stderr, CPU, peak RSS."""
    from saidwhat.cli import main

    err = io.StringIO()
    start = time.process_time()
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            code: Any = main(["analyze", path, "--timeout", str(timeout), "--format", "jsonl", "-o", out])
    except SystemExit as exc:
        code = exc.code
    except BaseException:  # noqa: BLE001 - the very thing being counted
        code = "exception"
        err.write(traceback.format_exc())
    return {"code": code, "cpu": time.process_time() - start, "stderr": err.getvalue()[-3000:],
            "peak_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


def _output_problem(out: Path) -> str | None:
    """Why the command's output is not valid UTF-8 JSON Lines, or None."""
    if not out.exists():
        return None
    try:
        for line in out.read_bytes().decode("utf-8").splitlines():
            json.loads(line)
    except (UnicodeDecodeError, ValueError) as exc:
        return f"invalid output: {type(exc).__name__}: {str(exc)[:200]}"
    return None


def _crash_reason(code: Any, stderr: str) -> str | None:
    if code not in (0, 1):
        return f"exit status {code}"
    if "Traceback" in stderr:
        return "traceback"
    if "unexpected" in stderr:
        return "unexpected error"
    return None


def _outcome(code: Any, stderr: str) -> str:
    if code == 0:
        return "analysed"
    found = [part.split("]")[0] for part in stderr.split("[SW")[1:]]
    return f"SW{found[-1]}" if found else f"exit {code}"


@dataclass
class Report:
    via: str
    timeout: float
    grace: float
    tried: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)
    crashes: list[dict[str, str]] = field(default_factory=list)
    hangs: list[str] = field(default_factory=list)
    worst_cpu: list[tuple[float, str]] = field(default_factory=list)
    peak_rss: int = 0
    peak_rss_input: str = ""
    wall_seconds: float = 0.0
    input_bytes: int = 0

    def cpu(self, seconds: float, name: str) -> None:
        self.worst_cpu = sorted([*self.worst_cpu, (round(seconds, 2), name)], reverse=True)[:5]

    def rss(self, value: int, name: str) -> None:
        if value > self.peak_rss:
            self.peak_rss, self.peak_rss_input = value, name

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["outcomes"] = dict(self.outcomes.most_common())
        out["peak_rss_mb"] = round(self.peak_rss / 2**20)
        return out


def _keep(keep: Path | None, item: Input) -> None:
    if keep is not None:
        keep.mkdir(parents=True, exist_ok=True)
        safe = "".join(c if c.isalnum() or c in "-_.+" else "_" for c in item.name)[:150]
        (keep / f"{safe}{item.suffix}").write_bytes(item.data)


def run_workers(inputs: Iterator[Input], args: argparse.Namespace, report: Report, tmp: Path) -> None:
    pool = KillablePool(1, warm=_warm)
    started = time.monotonic()
    try:
        for item in inputs:
            if report.tried >= args.max_inputs or time.monotonic() - started > args.max_seconds:
                break
            path, out = tmp / f"input{item.suffix}", tmp / "out.jsonl"
            path.write_bytes(item.data)
            out.unlink(missing_ok=True)
            report.tried += 1
            report.input_bytes += len(item.data)
            try:
                res = pool.run(run_command_in_worker, str(path), str(out), args.timeout,
                               timeout=args.timeout + args.grace, name=item.name)
            except AnalysisTimeoutError:
                report.hangs.append(item.name)
                report.outcomes["hang"] += 1
                _keep(args.keep, item)
                continue
            except SaidwhatError as exc:  # the worker died (memory limit): a crash of its own kind
                report.crashes.append({"input": item.name, "reason": f"worker: {exc}"})
                report.outcomes["worker died"] += 1
                _keep(args.keep, item)
                continue
            reason = _crash_reason(res["code"], res["stderr"]) or _output_problem(out)
            report.outcomes[_outcome(res["code"], res["stderr"])] += 1
            report.cpu(res["cpu"], item.name)
            report.rss(res["peak_rss"], item.name)
            if reason:
                report.crashes.append({"input": item.name, "reason": reason, "stderr": res["stderr"][-800:]})
                _keep(args.keep, item)
            if args.progress and report.tried % 50 == 0:
                print(f"fuzz: {report.tried} inputs, {len(report.crashes)} crashes, {len(report.hangs)} "
                      f"hangs, peak {report.peak_rss >> 20} MB, {time.monotonic() - started:.0f} s",
                      file=sys.stderr)
    finally:
        pool.close()
        report.wall_seconds = round(time.monotonic() - started, 1)


def _warm() -> None:
    from saidwhat.analysis.nlp import get_nlp

    get_nlp()


def run_command(inputs: Iterator[Input], args: argparse.Namespace, report: Report, tmp: Path) -> None:
    """Batches of inputs through the real command, one process per batch."""
    command = str(Path(sys.executable).parent / "saidwhat")
    started = time.monotonic()
    batch: list[Input] = []

    def flush() -> None:
        paths = []
        for i, item in enumerate(batch):
            path = tmp / f"{i:04d}{item.suffix}"
            path.write_bytes(item.data)
            paths.append(str(path))
        out = tmp / "out.jsonl"
        out.unlink(missing_ok=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        limit = len(batch) * (args.timeout + args.grace) + 60
        try:
            proc = subprocess.run([command, "analyze", "--keep-going", "--timeout", str(args.timeout),
                                   "--format", "jsonl", "-o", str(out), *paths],
                                  capture_output=True, text=True, timeout=limit)
        except subprocess.TimeoutExpired:
            report.hangs.append(f"batch of {len(batch)} from {batch[0].name}")
            report.outcomes["hang"] += len(batch)
            return
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        report.cpu(cpu / len(batch), f"batch mean from {batch[0].name}")
        report.rss(after.ru_maxrss * 1024, f"batch from {batch[0].name}")
        for line in proc.stderr.splitlines():
            if line.startswith("saidwhat: error:") or "[SW" in line:
                report.outcomes[_outcome(1, line)] += 1
        reason = _crash_reason(proc.returncode, proc.stderr) or _output_problem(out)
        if reason:
            report.crashes.append({"input": f"batch from {batch[0].name}", "reason": reason,
                                   "stderr": proc.stderr[-800:]})
        if out.exists():
            report.outcomes["analysed"] += len(out.read_bytes().splitlines())

    for item in inputs:
        if report.tried >= args.max_inputs or time.monotonic() - started > args.max_seconds:
            break
        batch.append(item)
        report.tried += 1
        report.input_bytes += len(item.data)
        if len(batch) >= args.batch:
            flush()
            batch = []
    if batch:
        flush()
    report.wall_seconds = round(time.monotonic() - started, 1)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--max-inputs", type=int, default=1000)
    ap.add_argument("--max-seconds", type=float, default=600.0)
    ap.add_argument("--timeout", type=float, default=30.0, help="the command's --timeout per input")
    ap.add_argument("--grace", type=float, default=10.0, help="seconds past the timeout before a hang")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--via", choices=["worker", "command"], default="worker")
    ap.add_argument("--batch", type=int, default=50, help="inputs per command process (--via command)")
    ap.add_argument("--keep", type=Path, help="folder to keep crashing and hanging inputs in")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--progress", action="store_true", help="a line on stderr every 50 inputs")
    ap.add_argument("--fail-on-crash", action="store_true", help="exit 1 on any crash or hang (CI)")
    args = ap.parse_args()
    report = Report(via=args.via, timeout=args.timeout, grace=args.grace)
    with tempfile.TemporaryDirectory(prefix="saidwhat-fuzz-") as tmp:
        runner = run_workers if args.via == "worker" else run_command
        runner(generate(args.seed), args, report, Path(tmp))
    data = report.as_dict()
    if args.json:
        print(json.dumps(data, indent=1, ensure_ascii=False))
    else:
        print(f"inputs tried: {report.tried} ({report.input_bytes / 2**20:.1f} MB) in "
              f"{report.wall_seconds} s via {args.via}, timeout {args.timeout:g} s")
        print(f"crashes: {len(report.crashes)}; hangs past timeout + {args.grace:g} s: {len(report.hangs)}")
        print(f"peak RSS: {report.peak_rss >> 20} MB ({report.peak_rss_input})")
        print("worst CPU: " + "; ".join(f"{s} s {n}" for s, n in report.worst_cpu))
        print("outcomes: " + ", ".join(f"{k} {v}" for k, v in report.outcomes.most_common()))
        for crash in report.crashes[:10]:
            print(f"CRASH {crash['input']}: {crash['reason']}\n{crash.get('stderr', '')}")
    bad = bool(report.crashes or report.hangs)
    return 1 if bad and args.fail_on_crash else 0


if __name__ == "__main__":
    sys.exit(main())
