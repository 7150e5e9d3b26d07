"""Shared test fixtures. ``../shared`` is test material only; the product never reads it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared"))
FIXTURE = SHARED / "fixtures" / "un-xinjiang-report"
EXAMPLES = REPO / "examples"
PG = os.environ.get("SAIDWHAT_TEST_POSTGRES")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def fixture_dir(shared: Path) -> Path:
    return shared / "fixtures" / "un-xinjiang-report"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """The URL of a store not made yet: a SQLite file in ``tmp_path``, or (when
    SAIDWHAT_TEST_POSTGRES is set) a PostgreSQL schema of its own, dropped afterwards."""
    if request.param == "sqlite":
        yield str(tmp_path / "store.sqlite")
        return
    if not PG:
        pytest.skip("SAIDWHAT_TEST_POSTGRES is not set")
    schema = "t_" + uuid.uuid4().hex[:16]
    yield f"{PG}{'&' if '?' in PG else '?'}schema={schema}"
    engine = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture
def store(store_url: str) -> Iterator[Any]:
    """An open store at ``store_url`` (test_store.py keeps its own)."""
    from saidwhat.store import open_store

    with open_store(store_url) as s:
        yield s
