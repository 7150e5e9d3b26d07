"""Shared test fixtures. ``../shared`` is test material only; the product never reads it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("SAIDWHAT_SHARED", REPO.parent / "shared"))
FIXTURE = SHARED / "fixtures" / "un-xinjiang-report"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


@pytest.fixture(scope="session")
def fixture_dir(shared: Path) -> Path:
    return shared / "fixtures" / "un-xinjiang-report"


# SQLite/PostgreSQL store fixtures for any test module (test_store.py keeps its own copies).
from store_fixtures import store, store_url  # noqa: E402,F401
