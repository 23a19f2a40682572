"""X analytics exports: the real legacy per-tweet and per-day files (PsyTeachR, @LisaDeBruine 2021), goldens for the
2015 ``favorites`` generation, both 2024+ content header generations and the account overview, account resolution,
spreadsheet-destroyed ids and hostile CSVs."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from analytics import store
from analytics.errors import ReboundError
from analytics.importers import ImportOptions, Source, import_paths, import_source, parse_source
from analytics.importers.registry import detect
from analytics.importers.x_common import MAX_LINE_CHARS
from tests.x_golden import FIXTURES, assert_golden

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
PSYTEACHR = REALDATA / "x-twitter-analytics-export-psyteachr"
TWEET_FILES = sorted(PSYTEACHR.glob("tweet_activity_metrics_*.csv"))
DAILY_FILES = sorted(PSYTEACHR.glob("daily_tweet_activity_metrics_*.csv"))
FAVORITES = FIXTURES / "tweet_activity_metrics_LumenFibre_20150901_20151001_en.csv"
DAILY_FAVORITES = FIXTURES / "daily_tweet_activity_metrics_LumenFibre_20150901_20151001_en.csv"
CONTENT_2025 = FIXTURES / "account_analytics_content_2024-11-21_2025-02-19.csv"
CONTENT_2026 = FIXTURES / "account_analytics_content_2026-06-01_2026-07-14.csv"
OVERVIEW = FIXTURES / "account_overview_analytics.csv"


def _totals(reports) -> tuple[int, int, int, int]:
    return (sum(r.rows_read for r in reports), sum(r.rows_added for r in reports),
            sum(r.duplicates for r in reports), sum(r.rejected for r in reports))


# --- the real PsyTeachR export: exact counts from its PROVENANCE --------------------------------------------------

@pytest.fixture(scope="module")
def psyteachr():
    """All 24 real files imported once (each file without --account: the owner comes from permalinks/file name)."""
    assert len(TWEET_FILES) == 12 and len(DAILY_FILES) == 12
    con = store.connect(":memory:")
    tweets = import_paths(con, TWEET_FILES)
    daily = import_paths(con, DAILY_FILES)
    yield con, tweets, daily
    con.close()


@pytest.mark.slow
def test_real_per_tweet_files_give_3087_posts_with_intact_ids(psyteachr):
    con, tweets, _ = psyteachr
    assert all(r.error is None and r.format == "x_tweet_activity" for r in tweets), [r.error for r in tweets]
    assert _totals(tweets) == (3087, 3087, 0, 0)
    assert con.execute("select count(*), count(distinct post_id), min(length(post_id)), max(length(post_id)) "
                       "from posts").fetchone() == (3087, 3087, 19, 19)
    assert con.execute("select distinct account from posts").fetchall() == [("lisadebruine",)]
    viral = con.execute("select post_id, created_at::varchar, impressions from posts where impressions > 1000000")
    assert viral.fetchall() == [("1423445172092866563", "2021-08-06 00:45:00+00", 1020329)]
    # 37 texts carry "&amp;": the reader keeps them as exported and the loader's normaliser unescapes them.
    assert con.execute("select count(*) from posts where text like '%&amp;%'").fetchone()[0] == 0
    assert con.execute("select count(*) from posts where text like '%&%'").fetchone()[0] >= 37


@pytest.mark.slow
def test_real_daily_files_give_365_days(psyteachr):
    con, _, daily = psyteachr
    assert all(r.error is None and r.format == "x_daily_activity" for r in daily), [r.error for r in daily]
    assert _totals(daily) == (365, 365, 0, 0)
    assert all(any("file name" in w for w in r.warnings) for r in daily)
    assert con.execute("select count(*), min(day)::varchar, max(day)::varchar from account_daily").fetchone() == (
        365, "2021-01-01", "2021-12-31")
    assert con.execute("select impressions from account_daily where day = '2021-08-06'").fetchone() == (316989,)
    assert con.execute("select impressions from account_daily where day = '2021-08-07'").fetchone() == (694114,)
    # "follows" there are follows attributed to tweets, not follower growth: never stored as new_follows.
    assert con.execute("select count(new_follows) from account_daily").fetchone() == (0,)


@pytest.mark.slow
def test_real_files_reimported_add_nothing(psyteachr):
    con, _, _ = psyteachr
    before = store.table_counts(con)
    again = import_paths(con, TWEET_FILES + DAILY_FILES)
    assert _totals(again) == (3087 + 365, 0, 3087 + 365, 0)
    after = store.table_counts(con)
    assert {k: v for k, v in after.items() if k != "imports"} == {k: v for k, v in before.items() if k != "imports"}


def test_real_files_are_detected_from_content():
    for path in (TWEET_FILES[0], DAILY_FILES[0]):
        expected = "x_tweet_activity" if path in TWEET_FILES else "x_daily_activity"
        assert detect(Source("upload.csv", path.read_bytes())).name == expected


# --- goldens for the synthetic files ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("fixture", "golden", "account"), [
    (FAVORITES, "tweet_activity_favorites", None),
    (DAILY_FAVORITES, "daily_activity_favorites", None),
    (CONTENT_2025, "content_2025_header", None),
    (CONTENT_2026, "content_2026_header", None),
    (OVERVIEW, "account_overview", "LumenFibre"),
])
def test_synthetic_analytics_files_match_golden(fixture, golden, account):
    parsed = parse_source(Source.from_path(fixture), ImportOptions(account=account))
    assert_golden(golden, parsed)


def test_each_analytics_family_is_detected_from_content_not_name():
    cases = {FAVORITES: "x_tweet_activity", DAILY_FAVORITES: "x_daily_activity", CONTENT_2025: "x_content",
             CONTENT_2026: "x_content", OVERVIEW: "x_account_overview"}
    for path, expected in cases.items():
        assert detect(Source("export.csv", path.read_bytes())).name == expected


def test_favorites_generation_reads_likes_and_rejects_a_destroyed_id():
    parsed = parse_source(Source.from_path(FAVORITES), ImportOptions())
    assert parsed.posts.set_index("post_id").loc["650000000000000002", ["likes", "reposts", "impressions"]].tolist() \
        == [112, 57, 12840]
    assert "\n" in parsed.posts.set_index("post_id").loc["650000000000000002", "text"]
    assert [r.line for r in parsed.rejected] == [6] and "scientific notation" in parsed.rejected[0].reason


def test_content_posts_sit_at_noon_utc_with_a_day_precision_warning():
    parsed = parse_source(Source.from_path(CONTENT_2026), ImportOptions())
    assert parsed.posts["created_at"].astype(str).tolist() == ["2026-07-14 12:00:00+00:00",
                                                               "2026-07-13 12:00:00+00:00"]
    assert parsed.posts["impressions"].tolist() == [122978, 1870]
    assert any("day-precision" in w for w in parsed.warnings)


# --- whose account ---------------------------------------------------------------------------------------------------

def test_account_choice_wins_and_a_mismatch_with_the_permalinks_is_reported():
    parsed = parse_source(Source.from_path(FAVORITES), ImportOptions(account="@OtherBrand"))
    assert set(parsed.posts["account"]) == {"otherbrand"}
    assert any("@lumenfibre" in w and "@otherbrand" in w for w in parsed.warnings)


def test_daily_file_without_account_or_telling_name_asks_for_account(con):
    report = import_source(con, Source("export.csv", DAILY_FAVORITES.read_bytes()), ImportOptions())
    assert report.error and "--account" in report.error and "\n" not in report.error
    assert store.table_counts(con)["imports"] == 0
    named = import_source(con, Source("export.csv", DAILY_FAVORITES.read_bytes()), ImportOptions(account="lumen"))
    assert named.error is None and named.warnings == []


def test_content_without_links_uses_the_file_name_or_asks():
    text = CONTENT_2025.read_text().replace("https://x.com/LumenFibre/status/", "")
    parsed = parse_source(Source("lumenfibre_account_analytics_content_2025.csv", text.encode()), ImportOptions())
    assert set(parsed.posts["account"]) == {"lumenfibre"} and any("file name" in w for w in parsed.warnings)
    with pytest.raises(ReboundError, match="--account"):
        parse_source(Source("content.csv", text.encode()), ImportOptions())


# --- damaged and hostile CSVs ----------------------------------------------------------------------------------------

def _rewrite_ids(path: Path, column: str, damage) -> bytes:
    rows = list(csv.reader(io.StringIO(path.read_text())))
    index = rows[0].index(column)
    for row in rows[1:]:
        row[index] = damage(row[index])
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)
    return out.getvalue().encode()


def _hostile_csvs() -> list[tuple[str, bytes, str]]:
    header = FAVORITES.read_text().split("\n", 1)[0]
    return [
        ("sci.csv", _rewrite_ids(FAVORITES, "Tweet id", lambda v: "6.5E+17"), "destroyed by a spreadsheet"),
        ("rounded.csv", _rewrite_ids(CONTENT_2026, "Post id", lambda v: v[:15] + "0000"),
         "destroyed by a spreadsheet"),
        ("line.csv", (header + "\n" + '"1","' + "x" * (MAX_LINE_CHARS + 10) + '"\n').encode(), "MAX_LINE_CHARS"),
        ("field.csv", (header + '\n"1","' + "x\n" * 600_000 + '"\n').encode(), "damaged"),
        ("cp.csv", DAILY_FAVORITES.read_bytes() + b"\x81\x8d\xff\xfe", "encoding"),
        ("utf16.csv", b"\xff\xfe" + CONTENT_2026.read_text().encode("utf-16-le")[:-1], "damaged or truncated"),
        ("junk.csv", bytes(range(256)) * 64, "not"),
        ("empty.csv", header.encode() + b"\n", "no rows"),
    ]


@pytest.mark.parametrize(("name", "data", "expected"), _hostile_csvs(), ids=lambda v: v if isinstance(v, str) else "")
@pytest.mark.parametrize("fmt", [None, "x_tweet_activity", "x_content"])
def test_hostile_analytics_files_are_refused_whole(con, name, data, expected, fmt):
    import_source(con, Source("good.csv", CONTENT_2026.read_bytes()), ImportOptions())
    before = store.table_counts(con)
    report = import_source(con, Source(name, data), ImportOptions(account="lumenfibre"), format=fmt)
    assert report.error and "\n" not in report.error
    if fmt is None:  # detected: the message names what is wrong (a forced reader may instead miss its header)
        assert expected in report.error
    assert store.table_counts(con) == before


def test_account_overview_takes_a_handle_in_front_of_the_file_name_or_asks():
    parsed = parse_source(Source("kaiadevintern_account_overview_analytics.csv", OVERVIEW.read_bytes()),
                          ImportOptions())
    assert set(parsed.account_daily["account"]) == {"kaiadevintern"} and any("file name" in w for w in parsed.warnings)
    with pytest.raises(ReboundError, match="--account"):
        parse_source(Source("account_overview_analytics.csv", OVERVIEW.read_bytes()), ImportOptions())


@pytest.mark.parametrize("cell", ["9" * 400, "9" * 25, "-5"])
def test_absurd_counts_reject_the_row_not_the_import(cell):
    text = CONTENT_2026.read_text().replace('"1,870"', cell)
    parsed = parse_source(Source("content.csv", text.encode()), ImportOptions())
    assert len(parsed.posts) == 1 and parsed.rejected[0].line == 3
    assert "count" in parsed.rejected[0].reason
