"""Mention exports (Brandwatch CSV/XLSX, Meltwater UTF-16 TSV in both column generations) against golden files."""

from __future__ import annotations

import pytest

from analytics.importers import ImportOptions, Source, import_source
from analytics.importers.registry import detect
from tests.mention_golden import FIXTURES, assert_golden, import_fixture

CASES = [
    ("brandwatch.csv", "brandwatch", {}),
    ("brandwatch.xlsx", "brandwatch", {}),
    ("meltwater.csv", "meltwater", {}),
    ("meltwater_old.csv", "meltwater", {"assumed_zone": "Europe/London"}),
    ("generic.csv", "generic", {}),
    ("generic_damaged.csv", "generic", {"assumed_zone": "America/Los_Angeles"}),
]


@pytest.mark.parametrize(("name", "format", "options"), CASES, ids=[c[0] for c in CASES])
def test_fixture_matches_golden(con, name, format, options):
    assert detect(Source.from_path(FIXTURES / name)).name == format
    document = import_fixture(con, name, **options)
    assert document["report"]["format"] == format
    assert document["report"]["error"] is None
    assert_golden(name.replace(".", "_"), document)


def test_brandwatch_xlsx_header_on_row_7_and_rejections_point_at_sheet_rows(con):
    document = import_fixture(con, "brandwatch.xlsx")
    report = document["report"]
    assert (report["rows_read"], report["rows_added"], report["rejected"]) == (6, 5, 1)
    assert report["rejections"][0]["line"] == 12  # header on row 7, the bad row is the 5th data row
    float_row = next(p for p in document["posts"] if p["author"] == "fay")
    assert float_row["post_id"].startswith("h:") and float_row["source_id"] == "1.80000E+18"
    intact = {p["post_id"] for p in document["posts"] if p["author"] in ("ann", "bob", "eve")}
    assert intact == {"1800000000000000100", "1800000000000000101", "1800000000000000102"}


def test_brandwatch_csv_and_xlsx_of_one_export_share_ids(con):
    first = import_source(con, Source.from_path(FIXTURES / "brandwatch.csv"), ImportOptions())
    second = import_source(con, Source.from_path(FIXTURES / "brandwatch.xlsx"), ImportOptions())
    assert first.rows_added == 4
    assert (second.rows_added, second.duplicates) == (1, 4)  # only the float-id row is new


def test_meltwater_is_utf16_tab_separated_and_reads_both_generations(con):
    data = (FIXTURES / "meltwater.csv").read_bytes()
    assert data.startswith(b"\xff\xfe") and "\t".encode("utf-16-le") in data
    new = import_fixture(con, "meltwater.csv")
    assert new["report"]["rejections"][0]["line"] == 4 and "31-Jun-2026" in new["report"]["rejections"][0]["reason"]
    old = import_fixture(con, "meltwater_old.csv", assumed_zone="Europe/London")
    times = {p["post_id"]: p["created_at"] for p in old["posts"]}
    assert times["1800000000000000300"] == "2026-06-12T13:03:00Z"  # 02:03 PM London summer time
    assert old["assumed_zone"] == "Europe/London"


def test_sentiment_columns_are_not_imported_and_say_so(con):
    report = import_source(con, Source.from_path(FIXTURES / "brandwatch.csv"), ImportOptions())
    assert any("Sentiment column was not imported" in w for w in report.warnings)


def test_account_chosen_by_the_user_wins_over_query_name(con):
    import_source(con, Source.from_path(FIXTURES / "meltwater.csv"), ImportOptions(account="@LumenHelp"))
    assert con.execute("select distinct account from posts").fetchall() == [("lumenhelp",)]


def test_html_in_text_is_stored_as_plain_text(con):
    document = import_fixture(con, "brandwatch.csv")
    scripted = next(p for p in document["posts"] if p["author"] == "eve")
    assert scripted["text"] == "<script>alert('x')</script> @lumenfibre <b>hello</b>"
