"""The Mentions page: renders on the demo workspace, switches period and metric, switches the profile."""

from __future__ import annotations

from tests.conftest import run_page


def test_mentions_page_shows_profile_chart_and_table(workspace):
    app = run_page("pages/mentions.py")
    assert app.title[0].value == "Mentions"
    assert any("profile: vader" in e.label for e in app.expander)
    app.radio(key="mentions_freq").set_value("week").run()
    app.radio(key="mentions_metric").set_value("net_sentiment").run()
    assert not app.exception


def test_mentions_page_switches_the_workspace_profile(workspace):
    app = run_page("pages/mentions.py")
    app.selectbox(key="mentions_profile").set_value("care").run()
    app.button(key="mentions_use_profile").click().run()
    assert not app.exception, [e.value for e in app.exception]
    assert any("profile: care" in e.label for e in app.expander)
