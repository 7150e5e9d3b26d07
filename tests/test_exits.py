"""Honest exits: a failed document, a missing store or folder, a taken port are errors, never a
silent success; Dask's INFO lines stay silent unless -v."""

from __future__ import annotations

import logging
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, inspect

from corpus_texts import make_text  # tests/ is on sys.path (rootdir conftest)
from saidwhat.cli import main
from saidwhat.store import open_store
from saidwhat.views.web import create_app

READ_COMMANDS = [
    ["search", "tariff"],
    ["quotes", "--actor", "Maria Lopez"],
    ["reactions", "--target", "the plan"],
    ["export", "--format", "jsonl"],
    ["failures"],
    ["stats"],
]


def _store_exists(url: str) -> bool:
    if "://" not in url:
        return Path(url).exists()
    base, _, schema = url.partition("?schema=")
    engine = create_engine(base.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as conn:
            return schema in inspect(conn).get_schema_names()
    finally:
        engine.dispose()


def test_ingest_exits_1_when_a_document_failed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "good.txt").write_text(make_text(1, seed=31), encoding="utf-8")
    (folder / "empty.txt").write_text("\n\n", encoding="utf-8")
    db = str(tmp_path / "s.sqlite")
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "stored 1" in err and "failed 1" in err
    assert "1 document(s) failed" in err and "saidwhat failures" in err
    (folder / "empty.txt").unlink()
    assert main(["ingest", str(folder), "--db", db, "--quiet"]) == 0  # nothing failed this time
    assert "document(s) failed" not in capsys.readouterr().err


@pytest.mark.parametrize("argv", READ_COMMANDS, ids=lambda a: a[0])
def test_read_commands_on_a_missing_store_are_errors(store_url: str, argv: list[str],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*argv, "--db", store_url]) == 1
    err = capsys.readouterr().err
    assert "saidwhat: error:" in err and "store" in err and "[SW401]" in err
    assert not _store_exists(store_url)  # no empty store was made


def test_a_database_without_a_store_is_not_read_as_an_empty_one(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.sqlite"
    engine = create_engine(f"sqlite:///{other}")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE notes (x TEXT)")
    engine.dispose()
    assert main(["stats", "--db", str(other)]) == 1
    assert "holds no saidwhat store" in capsys.readouterr().err
    engine = create_engine(f"sqlite:///{other}")
    with engine.connect() as conn:
        assert inspect(conn).get_table_names() == ["notes"]  # nothing added to someone else's database
    engine.dispose()


def test_read_commands_work_once_the_store_exists(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with open_store(store_url):
        pass
    assert main(["stats", "--db", store_url, "--format", "json"]) == 0
    assert '"articles": 0' in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["ingest", "SRC"], *READ_COMMANDS], ids=lambda a: a[0])
def test_db_never_creates_missing_folders(tmp_path: Path, argv: list[str],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text(make_text(2, seed=31), encoding="utf-8")
    argv = [str(tmp_path / "a.txt") if a == "SRC" else a for a in argv]
    for db in (tmp_path / "no" / "such" / "s.sqlite", f"sqlite:///{tmp_path}/no/such/s.sqlite"):
        assert main([*argv, "--db", str(db)]) == 1
        err = capsys.readouterr().err
        assert "saidwhat: error:" in err and ("does not exist" in err or "no store here" in err)
        assert not (tmp_path / "no").exists()


def test_only_the_builtin_default_location_is_made(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("SAIDWHAT_DB", raising=False)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda _name: str(tmp_path / "data" / "saidwhat"))
    with open_store() as store:
        assert store.stats()["articles"] == 0
    assert (tmp_path / "data" / "saidwhat" / "saidwhat.sqlite").is_file()
    monkeypatch.setenv("SAIDWHAT_DB", str(tmp_path / "env" / "s.sqlite"))  # named by the user: not made
    with pytest.raises(Exception, match="does not exist"):
        open_store()
    assert not (tmp_path / "env").exists()


def test_web_on_a_missing_store_answers_503_and_makes_nothing(store_url: str) -> None:
    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as client:
        r = client.get("/api/articles")
    assert r.status_code == 503 and r.json()["code"] == "SW401"
    assert not _store_exists(store_url)


@pytest.fixture
def no_uvicorn(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import uvicorn

    calls: list[dict[str, Any]] = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append({"app": app, **kw}))
    return calls


def test_serve_refuses_a_store_that_cannot_be_opened(store_url: str, no_uvicorn: list[dict[str, Any]],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", store_url, "--port", "8765"]) == 1
    err = capsys.readouterr().err
    assert "[SW401]" in err and "serving" not in err
    assert no_uvicorn == [] and not _store_exists(store_url)


def test_serve_refuses_a_taken_port(tmp_path: Path, no_uvicorn: list[dict[str, Any]],
                                    capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "s.sqlite")
    with open_store(db):
        pass
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        for workers in ("1", "2"):
            assert main(["serve", "--db", db, "--port", str(port), "--workers", workers]) == 1
            err = capsys.readouterr().err
            assert f"cannot listen on 127.0.0.1:{port}" in err and "serving" not in err
    assert no_uvicorn == []
    assert main(["serve", "--db", db, "--port", str(port)]) == 0  # free again: served (uvicorn stubbed)
    assert len(no_uvicorn) == 1 and no_uvicorn[0]["port"] == port


def test_dask_loggers_follow_the_verbosity() -> None:
    from saidwhat.runner import _follow_our_log_level

    root = logging.getLogger()
    before = root.level
    try:
        for level in (logging.WARNING, logging.INFO):
            root.setLevel(level)
            logging.getLogger("distributed").setLevel(logging.INFO)  # what Dask's config does on import
            _follow_our_log_level()
            assert logging.getLogger("distributed").getEffectiveLevel() == level
    finally:
        root.setLevel(before)
        logging.getLogger("distributed").setLevel(logging.NOTSET)


@pytest.mark.slow
def test_dask_ingest_prints_no_info_lines_unless_verbose(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    (tmp_path / "a.txt").write_text(make_text(3, seed=31), encoding="utf-8")
    exe = str(Path(sys.executable).with_name("saidwhat"))
    env = {**os.environ, "SAIDWHAT_DB": ""}

    def run(*flags: str, db: str) -> subprocess.CompletedProcess[str]:
        argv = [exe, *flags, "ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / db),
                "--dask", "local:1", "--quiet"]
        return subprocess.run(argv, check=False, capture_output=True, text=True, env=env, timeout=300)

    quiet = run(db="q.sqlite")
    assert quiet.returncode == 0, quiet.stderr
    assert "stored 1" in quiet.stderr and "INFO" not in quiet.stderr
    loud = run("-v", db="v.sqlite")
    assert loud.returncode == 0, loud.stderr
    assert "INFO distributed" in loud.stderr
