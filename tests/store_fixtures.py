"""The store fixtures shared by the store-level test modules (conftest imports them): each test gets
its own SQLite file, and (when SAIDWHAT_TEST_POSTGRES is set) its own PostgreSQL schema."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from saidwhat.store import Store, open_store

PG = os.environ.get("SAIDWHAT_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
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
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s
