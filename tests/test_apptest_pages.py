"""Every page runs under Streamlit's AppTest on the demo workspace without an exception, and reacts to input."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted(p.name for p in (REPO / "pages").glob("*.py"))


@pytest.fixture
def workspace(demo_db, tmp_path, monkeypatch):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("REBOUND_DB", str(path))
    return path


def _run(script: str) -> AppTest:
    app = AppTest.from_file(str(REPO / script), default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_app_shell_shows_the_workspace(workspace):
    app = _run("app.py")
    assert any(workspace.name in c.value for c in app.sidebar.caption)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(workspace, page):
    _run(f"pages/{page}")


def test_overview_switches_account(workspace):
    app = _run("pages/overview.py")
    select = app.selectbox(key="overview_account")
    assert select.value == "lumenfibre"
    index = next(i for i, label in enumerate(select.options) if "skylinkhome" in label)
    select.select_index(index).run()
    assert not app.exception
    assert app.selectbox(key="overview_account").value == "skylinkhome"
    assert app.metric[1].value != "0"


def test_overview_on_an_empty_workspace_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("REBOUND_DB", str(tmp_path / "empty.duckdb"))
    app = _run("pages/overview.py")
    assert "empty" in app.info[0].value
