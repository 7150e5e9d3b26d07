#!/usr/bin/env python3
"""Cost of the worst single inputs of issue 13, measured from outside: time and peak memory of
``saidwhat analyze`` (a new process per input) on million-character texts of several shapes, and
the latency of the form-feed request on a running server while other clients read.

    .venv/bin/python benchmarks/hostile.py million [--shapes prose,names,dashes,parens,said]
    .venv/bin/python benchmarks/hostile.py freeze [--readers 3]

``million``: each shape is written to a file of exactly 1,000,000 characters (plain text) and
analysed with ``saidwhat analyze FILE --format jsonl``; reported are wall and CPU seconds and the
process's peak RSS (from the kernel: ``RUSAGE_CHILDREN``), with the number of quotes found.
``freeze``: starts ``saidwhat serve`` on a free loopback port over an empty store, warms the
analysis worker, then posts the issue's form-feed text (and a variant with an analysable body)
while ``--readers`` clients keep requesting ``/api/stats``; reports each answer's status and
seconds, and the readers' request count and slowest read during it.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from adversarial import PROSE  # noqa: E402

MILLION = 1_000_000
FIRST = ["John", "Mary", "Ahmed", "Olga", "Pedro", "Fatima", "Hans", "Aiko", "Kwame", "Sara"]
LAST = ["Smith", "Garcia", "Chen", "Okafor", "Novak", "Silva", "Haddad", "Muller", "Tanaka", "Mensah"]


def _shape(name: str) -> str:
    rng = random.Random(1)
    if name == "prose":
        body = (PROSE + "\n\n") * (MILLION // len(PROSE) + 1)
    elif name == "names":  # distinct speakers, one per paragraph: the actor stage's worst case
        body = "\n\n".join(f"{rng.choice(FIRST)} {rng.choice(LAST)}{i} said the plan would fail."
                           for i in range(MILLION // 30))
    elif name == "said":  # the "PersonN said that" paragraphs
        body = "\n\n".join(f"Person{i} said that." for i in range(MILLION // 15))
    elif name == "dashes":  # a token every two characters: the parser's densest input
        body = "\u2014 " * (MILLION // 2)
    elif name == "parens":  # runs the tokenizer was quadratic on
        body = ("(" * 99 + " ") * (MILLION // 100)
    else:
        raise SystemExit(f"unknown shape {name!r}")
    return ("Title\n\n" + body)[:MILLION]


def million(shapes: list[str]) -> list[dict[str, object]]:
    command = str(Path(sys.executable).parent / "saidwhat")
    rows = []
    with tempfile.TemporaryDirectory(prefix="saidwhat-million-") as tmp:
        for shape in shapes:
            path = Path(tmp) / f"{shape}.txt"
            path.write_text(_shape(shape), encoding="utf-8")
            out = Path(tmp) / f"{shape}.jsonl"
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.monotonic()
            proc = subprocess.run([command, "analyze", str(path), "--format", "jsonl", "-o", str(out)],
                                  capture_output=True, text=True)
            wall = time.monotonic() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            done = out.exists() and out.stat().st_size > 0
            quotes = len(json.loads(out.read_text())["quotes"]) if done else None
            cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
            rows.append({"shape": shape, "chars": MILLION, "exit": proc.returncode, "wall_s": round(wall, 1),
                         "cpu_s": round(cpu, 1),
                         "peak_rss_mb": after.ru_maxrss // 1024, "quotes": quotes,
                         "error": proc.stderr.strip()[-300:] or None})
            print(json.dumps(rows[-1]), flush=True)
    return rows


FORM_FEED = "Headline" + "\f" * 100_000 + "x\n\n\"We will fight,\" said John Smith."


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def freeze(readers: int) -> dict[str, object]:
    port = _free_port()
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="saidwhat-freeze-") as tmp:
        db = Path(tmp) / "store.sqlite"
        subprocess.run([str(Path(sys.executable).parent / "saidwhat"), "ingest", str(REPO / "examples"),
                        "--db", str(db), "--quiet"], check=False, capture_output=True)
        server = subprocess.Popen([str(Path(sys.executable).parent / "saidwhat"), "serve", "--db", str(db),
                                   "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            for _ in range(300):
                try:
                    if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    time.sleep(0.2)
            warm = httpx.post(f"{base}/api/analyze", json={"text": "Harbour plan\n\n" + PROSE}, timeout=300)
            stop = threading.Event()
            reads: list[float] = []

            def read() -> None:
                while not stop.is_set():
                    t0 = time.monotonic()
                    httpx.get(f"{base}/api/stats", timeout=30)
                    reads.append(time.monotonic() - t0)

            threads = [threading.Thread(target=read) for _ in range(readers)]
            for t in threads:
                t.start()
            answers = {}
            for name, text in (("issue text (6-word body)", FORM_FEED),
                               ("with an analysable body", FORM_FEED + " " + PROSE)):
                t0 = time.monotonic()
                r = httpx.post(f"{base}/api/analyze", json={"text": text}, timeout=120)
                answers[name] = {"status": r.status_code, "seconds": round(time.monotonic() - t0, 2),
                                 "code": r.json().get("code") if r.status_code != 200 else None,
                                 "quotes": [q["text"] for q in r.json().get("quotes", [])][:3]}
            stop.set()
            for t in threads:
                t.join()
        finally:
            server.terminate()
            server.wait(30)
    result = {"warm_up_status": warm.status_code, "answers": answers, "reads_during": len(reads),
              "slowest_read_s": round(max(reads), 3) if reads else None}
    print(json.dumps(result, indent=1))
    return result


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="what", required=True)
    m = sub.add_parser("million")
    m.add_argument("--shapes", default="prose,names,said,dashes,parens")
    f = sub.add_parser("freeze")
    f.add_argument("--readers", type=int, default=3)
    args = ap.parse_args()
    if args.what == "million":
        million(args.shapes.split(","))
    else:
        freeze(args.readers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
