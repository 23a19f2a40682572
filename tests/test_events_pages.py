"""AppTest smoke tests of the Events and Recovery pages on the demo workspace, with one interaction each."""

from __future__ import annotations

from analytics.series import METRICS
from tests.conftest import run_page


def test_recovery_card_shows_at_once_and_before_after_waits_for_overlap_permission(workspace) -> None:
    page = run_page("pages/recovery.py")
    assert not page.exception
    # The card does not depend on the before/after windows: it is there before anything is allowed.
    assert any("Recovered on 2026-07-12" in m.value for m in page.markdown)
    assert any("overlap" in e.value for e in page.error)
    assert not page.dataframe
    page.checkbox(key="recovery_allow_overlap").check().run()
    assert not page.exception and not page.error
    table = page.dataframe[0].value
    assert list(table["metric"]) == [spec.label for spec in METRICS.values()]


def test_events_page_lists_events_and_accepts_a_suggestion(workspace) -> None:
    page = run_page("pages/events.py")
    assert not page.exception
    accept = [b for b in page.button if b.label == "Accept"]
    assert accept
    before = len(page.dataframe[0].value)
    accept[0].click().run()
    assert not page.exception
    assert len(page.dataframe[0].value) == before + 1
