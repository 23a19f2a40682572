"""The real app in Chromium: upload a small Brandwatch CSV on the Import page, import it, see the result.

Needs the Import page in ``app.py``'s navigation (``st.Page("pages/import.py", title="Import", ...)``, URL ``/import``).
"""

from __future__ import annotations

import pytest

from tests.browser_support import chromium, running_app
from tests.mention_golden import FIXTURES

pytestmark = pytest.mark.browser

UPLOAD = FIXTURES / "brandwatch.csv"


@pytest.fixture(scope="module")
def app_url(tmp_path_factory):
    # A fresh workspace, so the sidebar's post count shows exactly what the upload added.
    with running_app(tmp_path_factory.mktemp("browser-import") / "empty.duckdb") as url:
        yield url


def test_upload_preview_and_import_a_brandwatch_csv(app_url, tmp_path):
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1200})
        page.goto(f"{app_url}/import", wait_until="domcontentloaded")
        page.get_by_text("Drop export files above").wait_for(timeout=60_000)
        page.locator("input[type=file]").set_input_files(str(UPLOAD))
        page.get_by_text("Brandwatch's own Sentiment column was not imported").wait_for(timeout=60_000)
        page.get_by_text("5 rows read → 4 posts").wait_for(timeout=30_000)
        page.get_by_role("button", name="Import 1 file").click()
        page.get_by_text("Last import").wait_for(timeout=120_000)
        page.get_by_text("1 file(s) imported: 4 rows added, 0 duplicates, 1 rejected.").wait_for(timeout=30_000)
        assert page.locator("text=Traceback").count() == 0
        assert page.locator("script:has-text(\"alert('x')\")").count() == 0  # the hostile text stayed text
        page.screenshot(path=str(tmp_path / "import.png"), full_page=True)
