"""Meta readers on synthetic files written from export-formats.md §3–4 (no licensed real export exists).

Covers the Facebook and Instagram post exports, the per-metric daily exports (UTF-16, ``sep=,``, title line, sparse
days), the legacy Insights export with its row of descriptions, and the Latin-1 mojibake repair.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics import store
from analytics.importers import ImportOptions, Source
from analytics.importers.meta_daily import FacebookInsightsLegacyImporter, MetaDailyMetricImporter
from analytics.importers.meta_posts import MetaPostsImporter, page_handle, repair_mojibake
from analytics.importers.registry import detect
from tests.social_golden import (
    MANGLE_OPS,
    assert_golden,
    assert_refused_unchanged,
    assert_survives,
    fixture,
    import_bytes,
    mangle,
)

FAMILY = "meta"


def _metric_file(title: str, rows: list[tuple[str, str]]) -> bytes:
    lines = ["sep=,", f'"{title}"', '"Date","Primary"'] + [f'"{day}T00:00:00","{value}"' for day, value in rows]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le")


@pytest.mark.parametrize(("name", "expected"), [
    ("facebook_posts.csv", "meta_posts"),
    ("instagram_posts.csv", "meta_posts"),
    ("Facebook follows.csv", "meta_daily_metric"),
    ("Views.csv", "meta_daily_metric"),
    ("Reach.csv", "meta_daily_metric"),
    ("facebook_insights_legacy.csv", "facebook_insights_legacy"),
])
def test_each_meta_format_is_detected_from_content(name, expected):
    assert detect(fixture(FAMILY, name)).name == expected


@pytest.mark.parametrize(("name", "golden", "options"), [
    ("facebook_posts.csv", "facebook_posts", {"assumed_zone": "Europe/London"}),
    ("instagram_posts.csv", "instagram_posts", {}),
])
def test_post_exports_match_golden(name, golden, options):
    assert_golden(FAMILY, golden, MetaPostsImporter().parse(fixture(FAMILY, name), ImportOptions(**options)))


def test_facebook_posts_key_facts():
    parsed = MetaPostsImporter().parse(fixture(FAMILY, "facebook_posts.csv"), ImportOptions(assumed_zone="UTC"))
    posts = parsed.posts.set_index("post_id")
    assert posts.loc["1234567890123456", "impressions"] == 12400  # "12,400" with a thousands separator
    assert posts.loc["1234567890123456", "engagements"] == 1234
    assert "\n" in posts.loc["1234567890123457", "text"] and "🙏" in posts.loc["1234567890123457", "text"]
    assert posts.loc["1234567890123460", "text"].startswith("We’re back online in York —")  # mojibake repaired
    assert posts.loc["1234567890123458", "text"].startswith("<script>")  # data, kept as text
    assert bool(posts.loc["1234567890123458", "is_repost"]) is True  # "Is share" = 1
    assert str(posts.loc["1234567890123456", "created_at"]) == "2026-06-12 09:30:00+00:00"
    assert [r.line for r in parsed.rejected] == [9, 10]
    assert "scientific notation" in parsed.rejected[0].reason
    assert any("1 cell starts with '='" in w for w in parsed.warnings)
    assert parsed.accounts.to_dict("records") == [
        {"platform": "facebook", "handle": "lumenfibre", "display_name": "Lumen Fibre", "is_own": True}]


def test_instagram_ids_above_2_53_stay_exact_and_bad_counts_are_rejected():
    parsed = MetaPostsImporter().parse(fixture(FAMILY, "instagram_posts.csv"), ImportOptions())
    assert list(parsed.posts["post_id"]) == ["17912345678901234", "17912345678901299"]
    assert parsed.posts["engagements"].tolist() == [640 + 12 + 88 + 20, 2100 + 140 + 300 + 90]
    assert len(parsed.rejected) == 1 and "many" in parsed.rejected[0].reason


def test_publish_time_uses_the_assumed_zone_and_records_it(con):
    report = import_bytes(con, "posts.csv", fixture(FAMILY, "facebook_posts.csv").data,
                          assumed_zone="America/New_York")
    assert (report.rows_read, report.rows_added, report.rejected) == (7, 5, 2)
    assert con.execute("select created_at::varchar from posts where post_id = '1234567890123456'").fetchone() == (
        "2026-06-12 13:30:00+00",)
    assert con.execute("select assumed_zone from imports").fetchone() == ("America/New_York",)
    assert any("America/New_York" in w for w in report.warnings)


def test_post_reimport_adds_nothing(con):
    for name in ("facebook_posts.csv", "instagram_posts.csv"):
        first = import_bytes(con, name, fixture(FAMILY, name).data)
        assert first.error is None and first.rows_added > 0
        again = import_bytes(con, name, fixture(FAMILY, name).data)
        assert again.rows_added == 0 and again.duplicates == first.rows_added
    assert store.table_counts(con)["posts"] == 5 + 2


def test_html_and_script_text_is_stored_as_plain_text(con):
    import_bytes(con, "posts.csv", fixture(FAMILY, "facebook_posts.csv").data)
    text = con.execute("select text from posts where post_id = '1234567890123458'").fetchone()[0]
    assert text == '<script>alert("x")</script> Fans & <b>critics</b>'


def test_daily_metric_follows_fills_sparse_days_and_records_pacific():
    parsed = MetaDailyMetricImporter().parse(fixture(FAMILY, "Facebook follows.csv"),
                                             ImportOptions(account="LumenFibre"))
    assert_golden(FAMILY, "facebook_follows", parsed)
    assert parsed.assumed_zone == "America/Los_Angeles"
    days = {str(d.date()): v for d, v in zip(parsed.account_daily["day"], parsed.account_daily["new_follows"],
                                             strict=True)}
    assert days["2026-06-13"] == 0 and days["2026-06-16"] == 1204
    assert any("2 day(s) missing" in w for w in parsed.warnings)


def test_daily_views_go_to_impressions_and_platform_can_be_chosen():
    source = fixture(FAMILY, "Views.csv")
    parsed = MetaDailyMetricImporter().parse(source, ImportOptions(account="lumenfibre"))
    assert_golden(FAMILY, "views", parsed)
    instagram = MetaDailyMetricImporter().parse(source, ImportOptions(account="lumenfibre", platform="instagram"))
    assert set(instagram.account_daily["platform"]) == {"instagram"}
    assert not any("does not say" in w for w in instagram.warnings)


def test_content_interactions_go_to_engagements():
    data = _metric_file("Content interactions", [("2026-06-12", "1,500")])
    parsed = MetaDailyMetricImporter().parse(Source("x", data), ImportOptions(account="lumenfibre"))
    assert parsed.account_daily[["engagements"]].to_dict("records") == [{"engagements": 1500}]


def test_overlapping_daily_exports_newest_wins(con):
    import_bytes(con, "Facebook follows.csv", fixture(FAMILY, "Facebook follows.csv").data, account="lumenfibre")
    newer = _metric_file("Facebook follows", [("2026-06-15", "4"), ("2026-06-16", "1,210"), ("2026-06-17", "7")])
    report = import_bytes(con, "Facebook follows (1).csv", newer, account="lumenfibre")
    assert (report.rows_added, report.duplicates) == (1, 2)
    rows = con.execute("select day::varchar, new_follows from account_daily where day >= '2026-06-14' "
                       "order by day").fetchall()
    assert rows == [("2026-06-14", 9), ("2026-06-15", 4), ("2026-06-16", 1210), ("2026-06-17", 7)]
    again = import_bytes(con, "Facebook follows (1).csv", newer, account="lumenfibre")
    assert again.rows_added == 0


def test_legacy_insights_skips_the_description_row():
    parsed = FacebookInsightsLegacyImporter().parse(fixture(FAMILY, "facebook_insights_legacy.csv"),
                                                    ImportOptions(account="lumenfibre"))
    assert_golden(FAMILY, "facebook_insights_legacy", parsed)
    assert [r.line for r in parsed.rejected] == [6]
    assert parsed.account_daily["followers"].tolist() == [15020, 15031, 15030]


def test_legacy_insights_falls_back_to_daily_new_follows(con):
    text = "Date,Lifetime Total Likes,Daily New Follows,Daily Total Impressions\n2022-03-01,100,7,900\n"
    parsed = FacebookInsightsLegacyImporter().parse(Source("x", text.encode()), ImportOptions(account="a"))
    assert parsed.account_daily[["followers", "new_follows", "impressions"]].to_dict("records") == [
        {"followers": 100, "new_follows": 7, "impressions": 900}]


def test_mojibake_repair():
    assert repair_mojibake("We\u00e2\u0080\u0099re sorry \u00f0\u009f\u0099\u008f") == "We’re sorry 🙏"
    assert repair_mojibake("Ã©tÃ© cafÃ©") == "été café"
    assert repair_mojibake("Weâ€™re back") == "We’re back"  # went through Windows-1252 on the way
    for intact in ("café", "£5 – 10", "plain ascii", "naïve résumé ’quoted’", "日本語 🙏", ""):
        assert repair_mojibake(intact) == intact
    assert page_handle("Lumen Fibre") == "lumenfibre" and page_handle("বাংলা পেজ") == "বাংলাপেজ"


_FOLLOWS = fixture(FAMILY, "Facebook follows.csv").data


@pytest.mark.parametrize(("name", "data", "options", "expect"), [
    ("Reach.csv", None, {"account": "a"}, "unique people"),
    ("Viewers.csv", _metric_file("Facebook visits", [("2026-06-12", "3")]), {"account": "a"}, "does not store"),
    ("Facebook follows.csv", None, {}, "--account"),
    ("cut.csv", "\ufeffsep=,\n\"Facebook follows\"\n\"Date\",\"Primary\"\n".encode("utf-16-le"), {"account": "a"},
     "no rows"),
    ("truncated.csv", _FOLLOWS[:-1], {"account": "a"}, "truncated"),
    ("wrong-encoding.csv", _FOLLOWS[:-4] + b"\x00\xd8" + _FOLLOWS[-4:], {"account": "a"}, "damaged"),
    ("posts.csv", "\ufeff\"Post ID\",\"Page ID\",\"Page name\",\"Publish time\"\n".encode(), {}, "no rows"),
    ("posts.csv", b'"Post ID","Page ID","Page name","Publish time"\n1,2,P,yesterday\n', {},
     "none of its 1 rows"),
])
def test_bad_meta_files_are_refused_whole(con, name, data, options, expect):
    import_bytes(con, "posts.csv", fixture(FAMILY, "facebook_posts.csv").data)
    payload = data if data is not None else fixture(FAMILY, name).data
    assert_refused_unchanged(con, name, payload, expect, **options)


def test_description_row_only_file_lands_nothing(con):
    text = ("Date,Lifetime Total Likes,Daily New Likes\n"
            ',"Lifetime: The total number of people who have liked your Page.","Daily: new likes"\n')
    report = import_bytes(con, "insights.csv", text.encode(), account="a")
    assert report.error is None and report.rows_added == 0


_OPS = st.lists(st.tuples(st.sampled_from(MANGLE_OPS), st.integers(0, 4000), st.binary(min_size=1, max_size=6)),
                min_size=1, max_size=3)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["facebook_posts.csv", "instagram_posts.csv", "Facebook follows.csv",
                             "facebook_insights_legacy.csv"]), ops=_OPS)
def test_mangled_meta_files_never_escape_with_another_error(con, name, ops):
    reader = detect(fixture(FAMILY, name))
    data = mangle(fixture(FAMILY, name).data, ops)
    assert_survives(con, reader, data, ImportOptions(account="lumenfibre"))
