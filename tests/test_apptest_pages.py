"""Every page runs under Streamlit's AppTest on the demo workspace without an exception, and reacts to input."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import run_page

REPO = Path(__file__).resolve().parents[1]
PAGES = sorted(p.name for p in (REPO / "pages").glob("*.py"))


def test_app_shell_shows_the_workspace(workspace):
    app = run_page("app.py")
    assert any(workspace.name in c.value for c in app.sidebar.caption)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(workspace, page):
    run_page(f"pages/{page}")


def test_overview_switches_account(workspace):
    app = run_page("pages/overview.py")
    select = app.selectbox(key="overview_account")
    assert select.value == "lumenfibre"
    index = next(i for i, label in enumerate(select.options) if "skylinkhome" in label)
    select.select_index(index).run()
    assert not app.exception
    assert app.selectbox(key="overview_account").value == "skylinkhome"
    assert app.metric[1].value != "0"


def test_overview_on_an_empty_workspace_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv("REBOUND_DB", str(tmp_path / "empty.duckdb"))
    app = run_page("pages/overview.py")
    assert "empty" in app.info[0].value
