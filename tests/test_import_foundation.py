"""The import path end to end on small synthetic files: detection, canonical rows, de-duplication, atomicity."""

from __future__ import annotations

from analytics import store
from analytics.importers import ImportOptions, Source, import_source
from analytics.importers.registry import detect
from tests import importer_samples as samples


def _import(con, name, data, **options):
    return import_source(con, Source(name, data), ImportOptions(**options))


def test_detects_each_family_from_content_not_name():
    cases = {
        samples.x_archive_zip(): "x_archive",
        samples.tweets_js(): "x_archive",
        samples.ACCOUNT_OVERVIEW.encode(): "x_account_overview",
        samples.BRANDWATCH.encode(): "brandwatch",
        samples.FOLLOWERS.encode(): "followers_csv",
        samples.EVENTS.encode(): "events_csv",
    }
    for data, expected in cases.items():
        assert detect(Source("upload.bin", data)).name == expected


def test_x_archive_zip_lands_own_posts_with_string_ids_and_follower_anchor(con):
    report = _import(con, "twitter-2026.zip", samples.x_archive_zip(follower_count=1234))
    assert report.error is None
    assert (report.rows_read, report.rows_added, report.duplicates) == (2, 3, 0)  # 2 posts + 1 follower day
    rows = con.execute("select post_id, account, role, text, in_reply_to_id, in_reply_to_handle "
                       "from posts order by post_id").fetchall()
    assert rows[0] == ("1800000000000000001", "lumenfibre", "own", "Our network is down in Leeds & York.", None, None)
    assert rows[1][4:] == ("1799999999999999999", "ann")
    assert con.execute("select day::varchar, followers from account_daily").fetchall() == [("2026-08-29", 1234)]
    assert con.execute("select is_own from accounts where handle = 'lumenfibre'").fetchone() == (True,)


def test_reimport_adds_nothing_twice(con):
    _import(con, "a.zip", samples.x_archive_zip())
    again = _import(con, "a.zip", samples.x_archive_zip())
    assert again.rows_added == 0 and again.duplicates == 3
    assert con.execute("select count(*) from posts").fetchone()[0] == 2


def test_loose_tweets_js_needs_an_account(con):
    refused = _import(con, "tweets.js", samples.tweets_js())
    assert refused.error and "--account" in refused.error
    assert store.table_counts(con)["imports"] == 0
    accepted = _import(con, "tweets.js", samples.tweets_js(), account="@LumenFibre")
    assert accepted.rows_added == 2


def test_account_overview_daily_deltas_newest_import_wins(con):
    _import(con, "account_overview_analytics.csv", samples.ACCOUNT_OVERVIEW.encode(), account="lumenfibre")
    revised = samples.ACCOUNT_OVERVIEW.replace(",5,40,", ",7,41,")
    report = _import(con, "account_overview_analytics (1).csv", revised.encode(), account="lumenfibre")
    assert report.rows_added == 0 and report.duplicates == 2
    rows = con.execute("select day::varchar, new_follows, unfollows, impressions from account_daily "
                       "order by day").fetchall()
    assert rows == [("2026-06-12", 12, 9, 2500), ("2026-06-13", 7, 41, 1070)]


def test_brandwatch_mentions_with_banner_and_a_bad_row(con):
    report = _import(con, "mentions.csv", samples.BRANDWATCH.encode())
    assert (report.rows_read, report.rows_added, report.rejected) == (3, 2, 1)
    assert report.rejections[0]["line"] == 9 and "unreadable date" in report.rejections[0]["reason"]
    rows = con.execute("select post_id, account, author, role, is_repost, created_at::varchar from posts "
                       "order by post_id").fetchall()
    assert rows[0] == ("1800000000000000100", "lumenfibre", "ann", "mention", False, "2026-06-12 14:03:21+00")
    assert rows[1][4] is True
    assert con.execute("select line, reason like '%unreadable date%' from import_rejections").fetchall() == [(9, True)]


def test_assumed_zone_is_applied_and_recorded(con):
    _import(con, "mentions.csv", samples.BRANDWATCH.encode(), assumed_zone="America/New_York")
    assert con.execute("select min(created_at)::varchar from posts").fetchone()[0] == "2026-06-12 18:03:21+00"
    assert con.execute("select assumed_zone from imports").fetchone()[0] == "America/New_York"


def test_followers_and_events(con):
    followers = _import(con, "followers.csv", samples.FOLLOWERS.encode())
    assert followers.rows_added == 3
    events = _import(con, "events.csv", samples.EVENTS.encode())
    assert (events.rows_added, events.rejected) == (2, 1)
    assert "party" in events.rejections[0]["reason"]
    assert _import(con, "events.csv", samples.EVENTS.encode()).rows_added == 0


def test_unreadable_file_is_refused_whole_and_store_unchanged(con):
    _import(con, "a.zip", samples.x_archive_zip())
    before = store.table_counts(con)
    for name, data in [("junk.bin", b"\x00\x01\x02binary" * 50), ("empty.csv", b""),
                       ("cut.zip", samples.x_archive_zip()[:200]),
                       ("cut.js", samples.tweets_js()[:150])]:
        report = _import(con, name, data, account="lumenfibre")
        assert report.error, name
        assert "\n" not in report.error
    assert store.table_counts(con) == before


def _zip_claiming_version(version: int, entry: str) -> bytes:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(entry, "x")
    data = bytearray(buffer.getvalue())
    central = data.find(b"PK\x01\x02")
    data[central + 6] = version  # "version needed to extract", which zipfile refuses with NotImplementedError
    return bytes(data)


def test_a_zip_zipfile_cannot_open_is_refused_in_one_line_by_every_path(con):
    for entry in ("xl/workbook.xml", "data/tweets.js", "outbox.json", "tweets.csv"):
        report = _import(con, "upload.zip", _zip_claiming_version(99, entry))
        assert report.error and "\n" not in report.error, entry
    assert store.table_counts(con)["imports"] == 0


def test_a_later_export_fills_in_metrics_of_posts_already_stored(con):
    _import(con, "a.zip", samples.x_archive_zip())
    metrics = ('"Tweet id","Tweet permalink","Tweet text","time","impressions","engagements","engagement rate",'
               '"retweets","replies","likes"\n'
               '"1800000000000000001","https://twitter.com/lumenfibre/status/1800000000000000001","Our network",'
               '"2026-06-12 09:14 +0000","5000.0","120.0","0.024","4.0","7.0","9.0"\n')
    report = _import(con, "tweet_activity_metrics_lumenfibre_20260601_20260701_en.csv", metrics.encode())
    assert report.error is None and report.rows_added == 0 and report.duplicates == 1
    row = con.execute("select impressions, engagements, likes, reposts, replies, text from posts "
                      "where post_id = '1800000000000000001'").fetchone()
    assert row == (5000, 120, 9, 4, 7, "Our network is down in Leeds & York.")
