"""Shared fixtures: a fresh in-memory store, the demo workspace built once per test session, a page runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

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


@pytest.fixture
def workspace(demo_db, tmp_path, monkeypatch) -> Path:
    """A private copy of the demo workspace that ``REBOUND_DB`` points the app (and AppTest) at."""
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("REBOUND_DB", str(path))
    return path


def run_page(script: str) -> AppTest:
    """Run ``app.py`` or ``pages/<name>.py`` under AppTest and fail on any exception it raised."""
    app = AppTest.from_file(str(REPO / script), default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app
