"""Ingest throughput: a folder into a fresh store, one process vs --workers 2 vs --dask local:2.

Each run is a separate ``saidwhat ingest`` process on a fresh store (SQLite file, or its own
PostgreSQL schema), timed from start to exit (start-up, model loading and Dask cluster start
included); peak memory is the largest sum of RSS over the process and all its children, sampled
every 0.2 s. Store size: SQLite file + WAL, or the PostgreSQL schema's total relation size.

    .venv/bin/python benchmarks/ingest.py                          # PolNeAR train, SQLite, 3 modes
    .venv/bin/python benchmarks/ingest.py --postgres postgresql://saidwhat:saidwhat@127.0.0.1:54329/saidwhat_test
    .venv/bin/python benchmarks/ingest.py --modes single --limit 100
"""

from __future__ import annotations

import argparse
import contextlib
import json
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "polnear" / "train" / "text"
MODES = {"single": [], "workers2": ["--workers", "2"], "dask2": ["--dask", "local:2"]}
INGEST = "import sys; from saidwhat.cli import main; sys.exit(main())"


def _tree_rss(proc: psutil.Process) -> tuple[int, int]:
    try:
        procs = [proc, *proc.children(recursive=True)]
    except psutil.Error:
        return 0, 0
    total = 0
    for p in procs:
        with contextlib.suppress(psutil.Error):
            total += p.memory_info().rss
    try:
        own = proc.memory_info().rss
    except psutil.Error:
        own = 0
    return total, own


def _pg_size(url: str, schema: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.connect() as conn:
        size = conn.execute(text("SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
                                 "JOIN pg_namespace n ON n.oid = c.relnamespace "
                                 "WHERE n.nspname = :s AND c.relkind IN ('r', 'm')"),
                            {"s": schema}).scalar_one()
    engine.dispose()
    return int(size)


def _drop_schema(url: str, schema: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))  # generated name, not input
    engine.dispose()


def run_one(data: Path, backend: str, mode: str, limit: int | None, postgres: str | None,
            workdir: Path, keep: bool) -> dict[str, object]:
    schema = None
    if backend == "sqlite":
        db_path = workdir / f"bench-{mode}.sqlite"
        for suffix in ("", "-wal", "-shm"):
            Path(str(db_path) + suffix).unlink(missing_ok=True)
        db = str(db_path)
    else:
        assert postgres
        schema = f"bench_{mode}_{uuid.uuid4().hex[:8]}"
        db = f"{postgres}{'&' if '?' in postgres else '?'}schema={schema}"
    cmd = [sys.executable, "-c", INGEST, "ingest", str(data), "--db", db, "--quiet", "--json-summary",
           *MODES[mode]]
    if limit:
        cmd += ["--limit", str(limit)]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ps = psutil.Process(proc.pid)
    peak_total = peak_driver = 0
    while proc.poll() is None:
        total, own = _tree_rss(ps)
        peak_total, peak_driver = max(peak_total, total), max(peak_driver, own)
        time.sleep(0.2)
    out, err = proc.communicate()
    wall = time.monotonic() - start
    if proc.returncode != 0:
        raise SystemExit(f"ingest failed ({backend}, {mode}):\n{err[-3000:]}")
    summary = json.loads(out)
    if backend == "sqlite":
        size = sum(Path(db + s).stat().st_size for s in ("", "-wal") if Path(db + s).exists())
    else:
        assert postgres and schema
        size = _pg_size(postgres, schema)
        if not keep:
            _drop_schema(postgres, schema)
    return {"backend": backend, "mode": mode, "articles": summary["stored"], "failed": summary["failed"],
            "wall_s": round(wall, 1), "articles_per_s": round(summary["stored"] / wall, 2),
            "ingest_loop_s": summary["elapsed_s"], "store_mb": round(size / 1e6, 1),
            "peak_rss_mb_total": round(peak_total / 1e6), "peak_rss_mb_driver": round(peak_driver / 1e6)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of pages (default PolNeAR train)")
    ap.add_argument("--modes", default="single,workers2,dask2")
    ap.add_argument("--backends", default=None,
                    help="sqlite,postgres (default: sqlite, plus postgres if given)")
    ap.add_argument("--postgres", metavar="URL", help="PostgreSQL server to benchmark too")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--workdir", type=Path, default=None, help="where SQLite stores go (default: a temp dir)")
    ap.add_argument("--keep", action="store_true", help="keep the PostgreSQL schemas")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    backends = (args.backends or ("sqlite,postgres" if args.postgres else "sqlite")).split(",")
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        workdir = args.workdir or Path(tmp)
        workdir.mkdir(parents=True, exist_ok=True)
        for backend in backends:
            for mode in args.modes.split(","):
                r = run_one(args.data, backend, mode, args.limit, args.postgres, workdir, args.keep)
                results.append(r)
                print(json.dumps(r), file=sys.stderr, flush=True)
    if args.json:
        print(json.dumps(results, indent=2))
        return
    cols = list(results[0])
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in results:
        print("| " + " | ".join(str(r[c]) for c in cols) + " |")


if __name__ == "__main__":
    main()
