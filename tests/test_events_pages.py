"""AppTest smoke tests of the Events and Recovery pages on the demo workspace, with one interaction each."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from tests.conftest import REPO


@pytest.fixture
def workspace(demo_db, tmp_path, monkeypatch):
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    monkeypatch.setenv("REBOUND_DB", str(copy))
    return copy


def test_recovery_page_shows_the_card_once_overlap_is_allowed(workspace) -> None:
    page = AppTest.from_file(str(REPO / "pages" / "recovery.py"), default_timeout=120).run()
    assert any("--allow-overlap" in e.value or "overlap" in e.value for e in page.error)
    page.checkbox[0].check().run()
    assert not page.exception
    assert any("Recovered on 2026-07-12" in m.value for m in page.markdown)


def test_events_page_lists_events_and_accepts_a_suggestion(workspace) -> None:
    page = AppTest.from_file(str(REPO / "pages" / "events.py"), default_timeout=120).run()
    assert not page.exception
    accept = [b for b in page.button if b.label == "Accept"]
    assert accept
    before = len(page.dataframe[0].value)
    accept[0].click().run()
    assert not page.exception
    assert len(page.dataframe[0].value) == before + 1
