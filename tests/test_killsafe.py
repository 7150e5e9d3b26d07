"""SIGKILL an ingest at random points, resume, and get exactly the store a clean run gives."""

from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from corpus_texts import make_text  # tests/ is on sys.path (rootdir conftest)

N_DOCS = 60
COPIES = (5, 22, 41)  # these documents also appear under a second name: exact copies (sightings)
KILLS = 4
INGEST = "import sys; from saidwhat.cli import main; sys.exit(main())"


def _count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.Error:  # not created or not migrated yet
        return 0


def _snapshot(db: Path) -> dict[str, Any]:
    """Everything a run leaves, keyed by content rather than by row id."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        src = dict(conn.execute("SELECT id, source FROM articles"))
        articles = sorted(conn.execute("SELECT source, url, text_hash, published, title, analysis, "
                                       "n_quotes, n_actors "
                                       "FROM articles"))
        quotes = sorted((src[a], q, k, t, s, ak) for a, q, k, t, s, ak in conn.execute(
            "SELECT article_id, quote_id, kind, text, coalesce(speaker, ''), "
            "coalesce(actor_key, '') FROM quotes"))
        actors = sorted((src[a], loc, key) for a, loc, key in conn.execute(
            "SELECT article_id, local_id, actor_key FROM actors"))
        canonical = sorted(conn.execute("SELECT key, name, kind FROM canonical_actors"))
        stances = sorted((src[a], k, tn, o, lb) for a, k, tn, o, lb in conn.execute(
            "SELECT article_id, coalesce(actor_key, ''), target_norm, origin, label FROM stances"))
        links = sorted((src[a], src[b], k) for a, b, k in conn.execute(
            "SELECT article_a, article_b, kind FROM copy_links"))
        sightings = sorted((src[a], s, u, p) for a, s, u, p in conn.execute(
            "SELECT article_id, coalesce(source, ''), coalesce(url, ''), is_primary FROM sightings"))
        assert sum(1 for x in sightings if x[3]) == len(articles)  # every article has its own source
        # no partial article: every article has all its quotes, actors, bands and full-text rows
        for aid, n_quotes, n_actors in conn.execute("SELECT id, n_quotes, n_actors FROM articles"):
            assert conn.execute("SELECT count(*) FROM quotes WHERE article_id=?",
                                (aid,)).fetchone()[0] == n_quotes
            assert conn.execute("SELECT count(*) FROM actors WHERE article_id=?",
                                (aid,)).fetchone()[0] == n_actors
            assert conn.execute("SELECT count(*) FROM lsh_bands WHERE article_id=?", (aid,)).fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM quotes_fts").fetchone()[0] == len(quotes)
        assert conn.execute("SELECT count(*) FROM quotes q LEFT JOIN quotes_fts f ON f.rowid = q.id "
                            "WHERE f.rowid IS NULL").fetchone()[0] == 0
        assert len({a[2] for a in articles}) == len(articles)  # no duplicate texts
        return {"articles": articles, "quotes": quotes, "actors": actors, "canonical": canonical,
                "stances": stances, "links": links, "sightings": sightings}
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_at_random_points_then_resume(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"{i:03d}.txt").write_text(make_text(i, seed=7), encoding="utf-8")
    for i in COPIES:
        (folder / f"{i:03d}-copy.txt").write_text(make_text(i, seed=7), encoding="utf-8")

    db = tmp_path / "killed.sqlite"
    rng = random.Random(20240607)
    env = dict(os.environ, PYTHONUNBUFFERED="1")
    cmd = [sys.executable, "-c", INGEST, "ingest", str(folder), "--db", str(db), "--quiet"]
    kills = 0
    for attempt in range(KILLS):
        before = _count(db)
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if attempt == 0:
            time.sleep(rng.uniform(0.3, 1.5))  # during start-up or the first migration
        else:
            deadline = time.monotonic() + 60
            while _count(db) <= before and proc.poll() is None and time.monotonic() < deadline:
                time.sleep(0.02)  # wait until this run is writing
            time.sleep(rng.uniform(0.0, 0.2))  # then anywhere in the write loop
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        if proc.stderr:
            proc.stderr.close()
    assert kills >= 3, "the runs finished before they could be killed: make the corpus larger"

    final = subprocess.run([*cmd[:-1], "--json-summary", "--quiet"], env=env, capture_output=True, text=True,
                           timeout=300, check=False)
    assert final.returncode == 0, final.stderr
    result = json.loads(final.stdout)
    assert result["stored"] + result["duplicate"] == N_DOCS + len(COPIES) and result["failed"] == 0

    # The clean run, in a fresh process like the others (same code, same start-up).
    clean = tmp_path / "clean.sqlite"
    done = subprocess.run([sys.executable, "-c", INGEST, "ingest", str(folder), "--db", str(clean), "--quiet",
                           "--json-summary"], env=env, capture_output=True, text=True, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["stored"] == N_DOCS

    expected, got = _snapshot(clean), _snapshot(db)
    assert [s[:3] for s in expected["sightings"] if not s[3]] == sorted(
        (str(folder / f"{i:03d}-copy.txt"), str(folder / f"{i:03d}.txt"), "") for i in COPIES)
    assert got["articles"] == expected["articles"]
    assert got == expected


@pytest.mark.slow
def test_sigkill_with_worker_processes_leaves_no_orphans_and_resumes(tmp_path: Path) -> None:
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "pages"
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"{i:03d}.txt").write_text(make_text(i, seed=9), encoding="utf-8")
    db = tmp_path / "w.sqlite"
    cmd = [sys.executable, "-c", INGEST, "ingest", str(folder), "--db", str(db), "--quiet", "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    children = psutil.Process(proc.pid).children(recursive=True)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert children
    _gone, alive = psutil.wait_procs(children, timeout=15)
    for p in alive:  # do not leave them behind even when the assertion fails
        p.kill()
    assert not alive, "worker processes outlived the killed driver"
    final = subprocess.run([*cmd, "--json-summary"], capture_output=True, text=True, timeout=300, check=False)
    assert final.returncode == 0, final.stderr
    result = json.loads(final.stdout)
    assert result["stored"] + result["duplicate"] == N_DOCS and result["stored"] < N_DOCS
    _snapshot(db)  # consistent: whole articles only, no duplicates
