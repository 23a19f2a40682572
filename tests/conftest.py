"""Shared fixtures: a fresh in-memory store, and the demo workspace built once per test session."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from analytics import demo, store

REPO = Path(__file__).resolve().parents[1]
REALDATA = REPO.parent / "shared" / "realdata"


@pytest.fixture
def con() -> duckdb.DuckDBPyConnection:
    """An empty, fully migrated in-memory workspace."""
    connection = store.connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo workspace file built from sample_data/ (once per session); tests open it read-only or copy it."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    connection, _ = demo.build_demo(path)
    connection.close()
    return path
