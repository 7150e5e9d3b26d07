"""Load benchmark of ``saidwhat serve``: p50/p95 latency of quote search and reactions under N
concurrent clients on loopback. Not a test; the numbers go in docs/web.md.

    # a store of the 840 PolNeAR train articles (once)
    .venv/bin/saidwhat ingest ../shared/data/polnear/train/text --db out/polnear.sqlite --workers 2
    # the benchmark: starts `saidwhat serve` on a free loopback port, runs, stops it
    .venv/bin/python benchmarks/api_load.py --db out/polnear.sqlite --clients 20 --requests 400

The load is bounded in count (``--requests`` per endpoint) and in time (``--max-seconds``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

import httpx

WORDS = ["president", "tax", "election", "campaign", "police", "health", "immigration", "war", "economy",
         "vote", "Obama", "Clinton", "Trump", "Congress", "security", "jobs", "law", "court", "women",
         "money"]


@dataclass
class Result:
    name: str
    latencies: list[float] = field(default_factory=list)
    errors: int = 0
    statuses: dict[int, int] = field(default_factory=dict)

    def summary(self) -> dict[str, float | int | str]:
        lat = sorted(self.latencies)
        if not lat:
            return {"endpoint": self.name, "requests": 0, "errors": self.errors}

        def pct(p: float) -> float:
            return lat[min(len(lat) - 1, max(0, round(p / 100 * len(lat)) - 1))] * 1000

        return {"endpoint": self.name, "requests": len(lat), "errors": self.errors,
                "p50_ms": round(pct(50), 1), "p95_ms": round(pct(95), 1),
                "mean_ms": round(statistics.mean(lat) * 1000, 1),
                "max_ms": round(lat[-1] * 1000, 1)}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int, workers: int, extra: list[str]) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "import sys; from saidwhat.cli import main; sys.exit(main(sys.argv[1:]))",
           "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers), *extra]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"saidwhat serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    proc.terminate()
    raise SystemExit("saidwhat serve did not start within 60 s")


async def run_load(base: str, jobs: list[tuple[str, str]], clients: int,
                   max_seconds: float) -> dict[str, Result]:
    results: dict[str, Result] = {}
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    stop_at = time.monotonic() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
        async def worker() -> None:
            while time.monotonic() < stop_at:
                try:
                    name, path = queue.get_nowait()
                except asyncio.QueueEmpty:
                    return
                res = results.setdefault(name, Result(name))
                t0 = time.perf_counter()
                try:
                    r = await client.get(path)
                    dt = time.perf_counter() - t0
                    res.statuses[r.status_code] = res.statuses.get(r.status_code, 0) + 1
                    if r.status_code == 200:
                        res.latencies.append(dt)
                    else:
                        res.errors += 1
                except httpx.HTTPError:
                    res.errors += 1

        await asyncio.gather(*(worker() for _ in range(clients)))
    return results


class RawConnection:
    """One keep-alive HTTP/1.1 connection, GET only, with the least client work per request (an
    asyncio stream, the status line and Content-Length read): so the latencies measure the
    server, not the client (httpx spent more CPU per request than the server's cached answers)."""

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None
        self.reconnects = 0

    async def get(self, path: str) -> int:
        for attempt in range(2):  # a keep-alive connection the server closed meanwhile: once more
            if self.writer is None or self.reader is None:
                self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
            try:
                self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}:{self.port}\r\n\r\n".encode())
                await self.writer.drain()
                head = await self.reader.readuntil(b"\r\n\r\n")
            except (ConnectionError, asyncio.IncompleteReadError):
                self.writer, self.reader = None, None
                if attempt:
                    raise
                self.reconnects += 1
                continue
            status = int(head.split(b" ", 2)[1])
            length = 0
            for line in head.split(b"\r\n")[1:]:
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            await self.reader.readexactly(length)
            if b"connection: close" in head.lower():
                self.writer.close()
                self.writer, self.reader = None, None
            return status
        raise ConnectionError("unreachable")


async def run_raw_load(base: str, jobs: list[tuple[str, str]], clients: int,
                       max_seconds: float) -> tuple[dict[str, Result], int]:
    """``run_load`` with ``RawConnection`` clients; also returns how many reconnects there were."""
    split = urlsplit(base)
    results: dict[str, Result] = {}
    queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
    for job in jobs:
        queue.put_nowait(job)
    stop_at = time.monotonic() + max_seconds
    conns = [RawConnection(split.hostname or "127.0.0.1", split.port or 80) for _ in range(clients)]

    async def worker(conn: RawConnection) -> None:
        while time.monotonic() < stop_at:
            try:
                name, path = queue.get_nowait()
            except asyncio.QueueEmpty:
                return
            res = results.setdefault(name, Result(name))
            t0 = time.perf_counter()
            try:
                status = await asyncio.wait_for(conn.get(path), 30)
            except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
                res.errors += 1
                conn.writer, conn.reader = None, None
                continue
            res.statuses[status] = res.statuses.get(status, 0) + 1
            if status == 200:
                res.latencies.append(time.perf_counter() - t0)
            else:
                res.errors += 1

    await asyncio.gather(*(worker(c) for c in conns))
    for c in conns:
        if c.writer is not None:
            c.writer.close()
    return results, sum(c.reconnects for c in conns)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", required=True, help="store path or URL (built by `saidwhat ingest`)")
    ap.add_argument("--url", help="benchmark an already running server instead of starting one")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients (default 20)")
    ap.add_argument("--requests", type=int, default=400, help="requests per endpoint (default 400)")
    ap.add_argument("--max-seconds", type=float, default=120,
                    help="stop the load after this long (default 120)")
    ap.add_argument("--workers", type=int, default=1,
                    help="uvicorn workers of the started server (default 1)")
    ap.add_argument("--serve-arg", action="append", default=[], metavar="ARG",
                    help="another option for `saidwhat serve` (repeatable), "
                         "e.g. --serve-arg=--analyze-workers=1")
    ap.add_argument("--settle", type=float, default=20.0,
                    help="seconds to wait after the server answers (its analysis workers load spaCy)")
    ap.add_argument("--distinct", action="store_true",
                    help="make every request URL unique (an ignored parameter), so no answer is served "
                         "from the server's cache: the cost of computing every answer")
    ap.add_argument("--client", choices=["raw", "httpx"], default="raw",
                    help="load generator: raw asyncio HTTP/1.1 (default; little client CPU per request) "
                         "or httpx (what earlier figures used)")
    ap.add_argument("--only", choices=["quotes", "reactions", "search"],
                    help="load one endpoint alone (default: the three shuffled together)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    proc = None
    base = args.url
    if base is None:
        port = free_port()
        proc = start_server(args.db, port, args.workers, args.serve_arg)
        base = f"http://127.0.0.1:{port}"
        time.sleep(args.settle)
    try:
        stats = httpx.get(f"{base}/api/stats", timeout=10).json()
        targets = [t for t, _ in httpx.get(f"{base}/api/facets", timeout=60).json().get("target", [])][:15]
        rng = random.Random(args.seed)
        jobs: list[tuple[str, str]] = []
        for _ in range(args.requests):
            jobs.append(("GET /api/quotes?q=WORD", f"/api/quotes?q={quote(rng.choice(WORDS))}&limit=20"))
            if targets:
                jobs.append(("GET /api/reactions?target=T",
                             f"/api/reactions?target={quote(rng.choice(targets))}"))
            jobs.append(("GET /search?q=WORD (HTML + facets)", f"/search?q={quote(rng.choice(WORDS))}"))
        rng.shuffle(jobs)
        if args.only:
            jobs = [job for job in jobs if args.only in job[0]]
        if args.distinct:
            jobs = [(name, f"{path}{'&' if '?' in path else '?'}n={i}")
                    for i, (name, path) in enumerate(jobs)]
        # warm-up: one of each, not counted
        asyncio.run(run_load(base, jobs[:10], 2, 60))
        load_before = os.getloadavg()
        t0 = time.monotonic()
        reconnects = 0
        if args.client == "raw":
            results, reconnects = asyncio.run(run_raw_load(base, jobs, args.clients, args.max_seconds))
        else:
            results = asyncio.run(run_load(base, jobs, args.clients, args.max_seconds))
        wall = time.monotonic() - t0
        load_after = os.getloadavg()
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
    rows = [r.summary() for r in results.values()]
    done = sum(int(r["requests"]) for r in rows)
    out = {"store": stats, "clients": args.clients, "wall_seconds": round(wall, 1),
           "throughput_rps": round(done / wall, 1) if wall else None, "targets": targets, "endpoints": rows,
           "cpus": os.cpu_count(), "load_average_before": [round(x, 2) for x in load_before],
           "load_average_after": [round(x, 2) for x in load_after], "distinct": args.distinct,
           "server_workers": args.workers, "client": args.client, "reconnects": reconnects,
           "only": args.only}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"store: {stats}")
    print(f"machine: {os.cpu_count()} CPUs, load average (1/5/15 min) {out['load_average_before']} before, "
          f"{out['load_average_after']} after")
    print(f"{args.clients} clients, {done} requests in {wall:.1f} s ({out['throughput_rps']} req/s)"
          + (", every URL distinct (no cached answers)" if args.distinct else "")
          + f"; {args.client} client, {reconnects} keep-alive reconnects")
    print(f"{'endpoint':40} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'max ms':>8}")
    for r in rows:
        print(f"{r['endpoint']!s:40} {r['requests']:>5} {r['errors']:>4} {r.get('p50_ms', '-')!s:>8} "
              f"{r.get('p95_ms', '-')!s:>8} {r.get('mean_ms', '-')!s:>8} {r.get('max_ms', '-')!s:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
