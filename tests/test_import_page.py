"""The Import page under AppTest (everything that does not need an upload) and its flow functions called directly.

AppTest cannot drive ``st.file_uploader``, so the page keeps the upload-independent parts (zone setting, supported
formats, last results) testable here, and ``ui.importing`` holds the preview / mapping / import flow as functions;
``test_browser_import.py`` uploads a real file through Chromium.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from analytics import store
from analytics.importers import ImportOptions
from tests.conftest import run_page
from tests.mention_golden import FIXTURES
from ui import importing

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    path = tmp_path / "w.duckdb"
    monkeypatch.setenv("REBOUND_DB", str(path))
    return path


def test_page_without_uploads_lists_formats_and_the_zone_setting(workspace):
    app = run_page("pages/import.py")
    assert app.title[0].value == "Import"
    assert app.selectbox(key="import_default_zone").value == "UTC"
    formats = app.dataframe[-1].value
    assert {"brandwatch", "meltwater", "generic"} <= set(formats["Name (CLI --format)"])


def test_changing_the_assumed_zone_sticks_across_reruns(workspace):
    app = run_page("pages/import.py")
    app.selectbox(key="import_default_zone").set_value("America/Los_Angeles").run()
    assert not app.exception
    assert app.selectbox(key="import_default_zone").value == "America/Los_Angeles"


def test_last_import_results_are_shown_with_rejected_lines(workspace):
    app = AppTest.from_file(str(REPO / "pages" / "import.py"), default_timeout=120)
    app.session_state["import_results"] = [{"path": "m.csv", "format": "brandwatch", "rows_read": 5, "rows_added": 4,
                                            "duplicates": 0, "rejected": 1, "error": None, "mapping": None,
                                            "rejections": [{"line": 11, "reason": "line 11: unreadable date"}]}]
    app.run()
    assert not app.exception
    table = app.dataframe[0].value
    assert table.loc[0, "Added"] == 4 and table.loc[0, "Rejected"] == 1
    assert app.success[0].value == "1 file(s) imported: 4 rows added, 0 duplicates, 1 rejected."


def test_preview_shows_canonical_rows_as_plain_values_and_warnings(workspace):
    data = (FIXTURES / "brandwatch.csv").read_bytes()
    result = importing.preview(importing.sha256(data), data, "m.csv", "brandwatch", "UTC", None, None, None)
    assert result.error is None and result.rows_read == 5 and result.posts == 4
    assert list(result.rows.columns) == importing.PREVIEW_COLUMNS
    assert "<script>alert('x')</script> @lumenfibre <b>hello</b>" in set(result.rows["text"])
    assert list(result.rejected["Line"]) == [11]


def test_mapping_step_flags_ambiguous_fields_and_applies_saved_mappings(workspace):
    data = (FIXTURES / "generic_ambiguous.csv").read_bytes()
    step = importing.mapping_step(importing.sha256(data), data, "a.csv", "v1")
    assert step.ambiguous == ("time",) and "ambiguous\\: posted or published" in importing.field_caption(step, "time")
    assert step.options()[0] == importing.NO_COLUMN and step.index("time") == 0
    con = store.connect(workspace)
    plan = importing.PlannedFile("a.csv", data, "generic", ImportOptions(mapping={"time": "published"}), "mine")
    assert importing.import_files(con, [plan])[0]["rows_added"] == 2
    again = importing.mapping_step(importing.sha256(data), data, "a.csv", "v2")
    assert again.saved_name == "mine" and again.chosen["time"] == "published" and not again.ambiguous


def test_import_files_reports_progress_and_scores_sentiment(con):
    calls = []
    plans = [importing.PlannedFile(name, (FIXTURES / name).read_bytes(), fmt, ImportOptions())
             for name, fmt in (("brandwatch.csv", "brandwatch"), ("meltwater.csv", "meltwater"))]
    plans.append(importing.PlannedFile("junk.csv", b"\x00\x01junk", "brandwatch", ImportOptions()))
    results = importing.import_files(con, plans, progress=lambda share, text: calls.append((share, text)))
    assert [r["rows_added"] for r in results] == [4, 2, 0]
    assert results[2]["error"] and results[0]["error"] is None
    shares = [share for share, _ in calls]
    assert shares == sorted(shares) and shares[-1] == 1.0
    assert any(text.startswith("Scoring sentiment") for _, text in calls)
    assert con.execute("select count(*) from sentiment_cache").fetchone()[0] > 0
    assert list(importing.results_frame(results)["Added"]) == [4, 2, 0]


def test_plain_escapes_markdown_and_html():
    assert importing.plain("<script>[x](http://e)") == r"\<script\>\[x\]\(http\:\/\/e\)".replace(r"\/", "/")
