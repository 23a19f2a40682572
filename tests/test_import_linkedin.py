"""LinkedIn page exports on synthetic workbooks written from export-formats.md §5 (no licensed original exists).

``.xlsx`` files are built here with openpyxl; the older-generation ``.xls`` is a committed BIFF8 fixture (see
``tests/linkedin_samples.py``); the CSV conversion is a committed text file.
"""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics import store
from analytics.importers import ImportOptions, Source
from analytics.importers.linkedin import LinkedInImporter
from analytics.importers.registry import detect
from analytics.importers.spreadsheet import MAX_WORKBOOK_SHEETS, OLE2_MAGIC
from tests import linkedin_samples as samples
from tests.social_golden import (
    MANGLE_OPS,
    assert_golden,
    assert_refused_unchanged,
    assert_survives,
    fixture,
    import_bytes,
    mangle,
)

FAMILY = "linkedin"
CONTENT_NAME = "lumen-fibre_content_1781000000000.xlsx"


def _content() -> bytes:
    return samples.xlsx_bytes(samples.CONTENT)


def _followers() -> bytes:
    return samples.xlsx_bytes(samples.FOLLOWERS)


def test_each_linkedin_file_is_detected_from_content():
    for data in (_content(), _followers(), samples.XLS_FIXTURE.read_bytes(),
                 fixture(FAMILY, "New followers-Table 1.csv").data):
        assert detect(Source("upload.bin", data)).name == "linkedin"


def test_content_xlsx_matches_golden():
    parsed = LinkedInImporter().parse(Source(CONTENT_NAME, _content()), ImportOptions())
    assert_golden(FAMILY, "content_xlsx", parsed)
    daily = parsed.account_daily.set_index(parsed.account_daily["day"].astype(str))
    # engagements = clicks + reactions + comments + reposts (totals): 240 + 90 + 65 + 12
    assert daily.loc["2026-06-12", "engagements"] == 407 and daily.loc["2026-06-12", "impressions"] == 6000
    posts = parsed.posts.set_index("post_id")
    assert posts.loc["7330000000000000001", "engagements"] == 180 + 70 + 55 + 10
    assert posts.loc["7330000000000000002", "text"].startswith("=HYPERLINK(")  # kept as text, never evaluated
    assert any(w.startswith("1 cell starts with '='") for w in parsed.warnings)
    assert parsed.accounts["handle"].tolist() == ["lumen-fibre"]  # from the file name, with a warning
    assert any("taken from the file name" in w for w in parsed.warnings)
    assert {r.reason.split(":")[0] for r in parsed.rejected} == {"sheet 'Metrics' row 6", "sheet 'All posts' row 6"}


def test_followers_xlsx_is_daily_new_followers_not_a_total():
    parsed = LinkedInImporter().parse(Source("f.xlsx", _followers()), ImportOptions(account="LumenFibre"))
    assert_golden(FAMILY, "followers_xlsx", parsed)
    assert parsed.account_daily["new_follows"].tolist() == [15, 2, 35]
    assert parsed.account_daily["followers"].isna().all()


def test_older_generation_xls_matches_golden():
    parsed = LinkedInImporter().parse(Source(samples.XLS_FIXTURE.name, samples.XLS_FIXTURE.read_bytes()),
                                      ImportOptions())
    assert_golden(FAMILY, "updates_xls", parsed)
    assert parsed.posts["post_id"].tolist() == ["6900000000000000001"]
    assert parsed.account_daily["reposts"].tolist() == [2, 0]  # "Shares (total)" in the older export


def test_numbers_csv_conversion_matches_golden():
    parsed = LinkedInImporter().parse(fixture(FAMILY, "New followers-Table 1.csv"), ImportOptions(account="a"))
    assert_golden(FAMILY, "new_followers_csv", parsed)
    assert [r.line for r in parsed.rejected] == [7]


def test_reimport_adds_nothing_and_newer_followers_export_wins(con):
    first = import_bytes(con, CONTENT_NAME, _content(), account="lumenfibre")
    assert first.error is None and (first.rows_added, first.rejected) == (3 + 3, 2)
    again = import_bytes(con, CONTENT_NAME, _content(), account="lumenfibre")
    assert again.rows_added == 0 and again.duplicates == 6
    import_bytes(con, "followers.xlsx", _followers(), account="lumenfibre")
    revised = {**samples.FOLLOWERS, "New followers": [*samples.FOLLOWERS["New followers"][:4],
                                                      ["06/13/2026", 5, 31, 0, 36], ["06/14/2026", 0, 3, 0, 3]]}
    report = import_bytes(con, "followers (1).xlsx", samples.xlsx_bytes(revised), account="lumenfibre")
    assert (report.rows_added, report.duplicates) == (1, 3)
    rows = con.execute("select day::varchar, new_follows, impressions from account_daily where platform = 'linkedin' "
                       "order by day").fetchall()
    assert rows == [("2026-06-11", 15, 1200), ("2026-06-12", 2, 6000), ("2026-06-13", 36, 3100),
                    ("2026-06-14", 3, None)]


def test_script_in_a_post_title_is_stored_as_text(con):
    import_bytes(con, CONTENT_NAME, _content(), account="lumenfibre")
    rows = con.execute("select text from posts where platform = 'linkedin' order by created_at").fetchall()
    texts = [row[0] for row in rows]
    assert texts[-1] == "<script>alert('x')</script> An apology, and what changes"


def _encrypted_like() -> bytes:
    """An OLE2 container whose directory names an EncryptedPackage stream, as Office writes protected files."""
    return OLE2_MAGIC + b"\x00" * 200 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 300


def _too_many_sheets() -> bytes:
    book = openpyxl.Workbook()
    book.active.title = "Metrics"
    for index in range(MAX_WORKBOOK_SHEETS):
        book.create_sheet(f"Sheet {index}")
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _broken_sheet_xml() -> bytes:
    """A valid zip whose worksheet XML is cut off: openpyxl's parser fails while reading rows."""
    source = zipfile.ZipFile(io.BytesIO(_content()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename.startswith("xl/worksheets/sheet"):
                data = data[: len(data) // 2]
            target.writestr(info, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("name", "data", "expect"), [
    ("truncated.xlsx", _content()[:3000], "damaged"),
    ("broken-xml.xlsx", _broken_sheet_xml(), "damaged"),
    ("truncated.xls", samples.XLS_FIXTURE.read_bytes()[:2000], "damaged"),
    ("junk.xls", OLE2_MAGIC + b"\x01" * 4000, "damaged"),
    ("protected.xlsx", _encrypted_like(), "password"),
    ("many-sheets.xlsx", _too_many_sheets(), "MAX_WORKBOOK_SHEETS"),
    ("no-linkedin-sheet.xlsx", samples.xlsx_bytes({"Metrics": [["Nothing", "here"], ["a", "b"]]}), "no LinkedIn"),
])
def test_bad_workbooks_are_refused_whole(con, name, data, expect):
    import_bytes(con, CONTENT_NAME, _content(), account="lumenfibre")
    assert_refused_unchanged(con, name, data, expect, account="lumenfibre")


def test_banner_variants_header_on_first_or_third_row():
    for banner_rows in ([], [["Banner"], []], [["Lumen Fibre"], ["Exported 06/20/2026"], ["x"]]):
        sheets = {"New followers": [*banner_rows, *samples.FOLLOWERS["New followers"][1:]]}
        parsed = LinkedInImporter().parse(Source("f.xlsx", samples.xlsx_bytes(sheets)), ImportOptions(account="a"))
        assert parsed.account_daily["new_follows"].tolist() == [15, 2, 35]


def test_header_too_far_down_is_not_recognised(con):
    sheets = {"New followers": [[f"banner {i}"] for i in range(6)] + samples.FOLLOWERS["New followers"][1:]}
    before = store.table_counts(con)
    report = import_bytes(con, "f.xlsx", samples.xlsx_bytes(sheets), account="a")
    assert report.error and "first 5 rows" in report.error
    assert store.table_counts(con) == before


def test_account_is_needed_when_the_file_name_does_not_say(con):
    assert_refused_unchanged(con, "export.xlsx", _followers(), "--account")


_OPS = st.lists(st.tuples(st.sampled_from(MANGLE_OPS), st.integers(0, 20000), st.binary(min_size=1, max_size=6)),
                min_size=1, max_size=3)
_BASES = {"xlsx": _content(), "xls": samples.XLS_FIXTURE.read_bytes(),
          "csv": fixture(FAMILY, "New followers-Table 1.csv").data}


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(_BASES)), ops=_OPS)
def test_mangled_linkedin_files_never_escape_with_another_error(con, kind, ops):
    assert_survives(con, LinkedInImporter(), mangle(_BASES[kind], ops), ImportOptions(account="lumenfibre"))
