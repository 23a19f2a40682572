"""The real app in a real browser: the Overview chart renders with data on the demo workspace."""

from __future__ import annotations

import shutil

import pytest

from tests.browser_support import chromium, running_app

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def app_url(demo_db, tmp_path_factory):
    # The app gets its own copy: DuckDB allows one writer process per file.
    path = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    shutil.copy(demo_db, path)
    with running_app(path) as url:
        yield url


def test_overview_chart_renders_with_data(app_url, tmp_path):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(app_url, wait_until="domcontentloaded")
        plot = page.locator(".js-plotly-plot").first
        plot.wait_for(state="visible", timeout=60_000)
        page.wait_for_function("() => { const p = document.querySelector('.js-plotly-plot');"
                               " return p && p.data && p.data.length >= 3 && p.data[0].x.length > 30; }",
                               timeout=30_000)
        traces = page.evaluate("() => document.querySelector('.js-plotly-plot').data.map(t => t.name)")
        assert {"Mentions", "Mean compound", "Followers", "95% interval"} <= set(traces)
        assert page.get_by_text("Overview", exact=True).first.is_visible()
        assert page.locator("text=Traceback").count() == 0
        page.screenshot(path=str(tmp_path / "overview.png"), full_page=True)


def test_a_deep_link_as_the_first_request_still_gets_the_app_shell(demo_db, tmp_path):
    # A fresh server whose first request is /recovery must run app.py's navigation, not the bare page.
    path = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, path)
    with running_app(path) as url, chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{url}/recovery", wait_until="domcontentloaded")
        page.get_by_role("heading", name="Recovery").first.wait_for(timeout=60_000)
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_text("Did we recover, how fast").wait_for(timeout=30_000)
        assert sidebar.get_by_text("Overview", exact=True).count() == 1
        assert sidebar.get_by_text("app", exact=True).count() == 0


def test_clicking_a_day_on_the_timeline_prefills_a_new_event(app_url):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(app_url, wait_until="domcontentloaded")
        bars = page.locator(".js-plotly-plot g.trace.bars g.point path")
        bars.first.wait_for(state="visible", timeout=60_000)
        clicked = page.evaluate("() => document.querySelector('.js-plotly-plot').data[0].x[42]")
        bars.nth(42).click(force=True)
        button = page.get_by_role("button", name="Add an event on")
        button.wait_for(timeout=30_000)
        label = button.inner_text()
        button.click()
        page.get_by_role("heading", name="Events").first.wait_for(timeout=30_000)
        day_input = page.locator('[data-testid="stDateInput"] input').first
        day_input.wait_for(timeout=30_000)
        assert clicked[:10] == "2026-06-12"
        assert "12 Jun 2026" in label
        assert day_input.input_value() == "2026-06-12"
