"""The Mentions page: renders on the demo workspace, switches period and metric, switches the profile."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def workspace(demo_db, tmp_path, monkeypatch):
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("REBOUND_DB", str(path))
    return path


def _page() -> AppTest:
    app = AppTest.from_file(str(REPO / "pages" / "mentions.py"), default_timeout=120)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def test_mentions_page_shows_profile_chart_and_table(workspace):
    app = _page()
    assert app.title[0].value == "Mentions"
    assert any("profile: vader" in e.label for e in app.expander)
    app.radio(key="mentions_freq").set_value("week").run()
    app.radio(key="mentions_metric").set_value("net_sentiment").run()
    assert not app.exception


def test_mentions_page_switches_the_workspace_profile(workspace):
    app = _page()
    app.selectbox(key="mentions_profile").set_value("care").run()
    app.button(key="mentions_use_profile").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("profile: care" in e.label for e in app.expander)
