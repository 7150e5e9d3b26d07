"""The Alembic migrations build exactly the schema that ``store/tables.py`` declares.

A table, column, index or type added to one but not the other fails here, on SQLite and (when
``SAIDWHAT_TEST_POSTGRES`` is set, as in CI) on PostgreSQL. Objects the migrations create on
purpose outside SQLAlchemy's metadata (SQLite's FTS5 tables, the version table) are named below.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from saidwhat.store import tables
from saidwhat.store.store import open_store

PG = os.environ.get("SAIDWHAT_TEST_POSTGRES")

#: made by raw SQL in the migrations for full-text search, not declared as SQLAlchemy tables
OUTSIDE_METADATA = {"quotes_fts", "quotes_fts_data", "quotes_fts_idx", "quotes_fts_docsize",
                    "quotes_fts_config", "quotes_fts_content", "alembic_version"}


def _include(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    del obj, compare_to
    if type_ == "table" and reflected and name in OUTSIDE_METADATA:
        return False
    # PostgreSQL's full-text column and its GIN index, made by raw SQL in migration 0001
    return not (reflected and (type_, name) in {("column", "tsv"), ("index", "ix_quotes_tsv")})


def _diff(url: str, schema: str | None = None) -> list[Any]:
    with open_store(url) as store:
        opts: dict[str, Any] = {"include_object": _include, "compare_type": True}
        with store.engine.connect() as conn:
            if schema:
                conn.exec_driver_sql(f'SET search_path TO "{schema}"')
            ctx = MigrationContext.configure(conn, opts=opts)
            return list(compare_metadata(ctx, tables.metadata))


def test_sqlite_migrations_match_tables(tmp_path: Path) -> None:
    assert _diff(str(tmp_path / "store.sqlite")) == []


def test_the_comparison_sees_a_missing_column(tmp_path: Path) -> None:
    """The check itself can fail: a column dropped after migrating shows up as a difference."""
    path = tmp_path / "store.sqlite"
    with open_store(str(path)):
        pass
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE failures DROP COLUMN message"))
    engine.dispose()
    diffs = _diff(str(path))
    assert any("message" in repr(d) for d in diffs)


@pytest.mark.postgres
def test_postgresql_migrations_match_tables() -> None:
    if not PG:
        pytest.skip("SAIDWHAT_TEST_POSTGRES is not set")
    schema = "m_" + uuid.uuid4().hex[:16]
    try:
        assert _diff(f"{PG}{'&' if '?' in PG else '?'}schema={schema}", schema) == []
    finally:
        engine = create_engine(PG.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        engine.dispose()
