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
import random
import socket
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from urllib.parse import quote

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


def start_server(db: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "import sys; from saidwhat.cli import main; sys.exit(main(sys.argv[1:]))",
           "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port),
           "--workers", str(workers)]
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
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    args = ap.parse_args()

    proc = None
    base = args.url
    if base is None:
        port = free_port()
        proc = start_server(args.db, port, args.workers)
        base = f"http://127.0.0.1:{port}"
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
        # warm-up: one of each, not counted
        asyncio.run(run_load(base, jobs[:10], 2, 60))
        t0 = time.monotonic()
        results = asyncio.run(run_load(base, jobs, args.clients, args.max_seconds))
        wall = time.monotonic() - t0
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
           "throughput_rps": round(done / wall, 1) if wall else None, "targets": targets, "endpoints": rows}
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    print(f"store: {stats}")
    print(f"{args.clients} clients, {done} requests in {wall:.1f} s ({out['throughput_rps']} req/s)")
    print(f"{'endpoint':40} {'n':>5} {'err':>4} {'p50 ms':>8} {'p95 ms':>8} {'mean ms':>8} {'max ms':>8}")
    for r in rows:
        print(f"{r['endpoint']!s:40} {r['requests']:>5} {r['errors']:>4} {r.get('p50_ms', '-')!s:>8} "
              f"{r.get('p95_ms', '-')!s:>8} {r.get('mean_ms', '-')!s:>8} {r.get('max_ms', '-')!s:>8}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
