"""The X account archive readers: every tweet generation, deleted tweets, followers, the owner, the classic
tweets.csv, the real dogsheep fixture files, and hostile archives refused whole with the store unchanged."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from analytics import store
from analytics.importers import ImportOptions, Source, import_paths, import_source, parse_source, safe_zip, x_archive
from analytics.importers.registry import detect
from tests.x_golden import FIXTURES, assert_golden

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
DOGSHEEP = REALDATA / "x-twitter-archive-dogsheep-fixtures"
PARTS = FIXTURES / "archive_parts"
IMPORT_DAY = pd.Timestamp("2026-11-21")


@pytest.fixture(autouse=True)
def fixed_import_day(monkeypatch):
    """Loose follower.js counts are filed under the import day; pin it so goldens are stable."""
    monkeypatch.setattr(x_archive, "today_utc", lambda: IMPORT_DAY)


def _zip(entries: dict[str, bytes | str], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _parts_zip(skip: tuple[str, ...] = (), prefix: str = "") -> bytes:
    entries = {f"{prefix}data/{p.name}": p.read_bytes() for p in sorted((PARTS / "data").iterdir())
               if p.name not in skip}
    entries[f"{prefix}Your archive.html"] = "<html></html>"
    return _zip(entries)


def _source(path: Path) -> Source:
    return Source.from_path(path)


def _import(con, name: str, data: bytes, **options):
    return import_source(con, Source(name, data), ImportOptions(**options))


# --- goldens: one small synthetic file per shape -------------------------------------------------------------------

@pytest.mark.parametrize(("fixture", "golden"), [
    ("tweet_wrapped.js", "tweet_js_wrapped"),
    ("tweet_bare.js", "tweet_js_bare"),
    ("deleted-tweets.js", "deleted_tweets_js"),
])
def test_loose_tweet_files_match_golden(fixture, golden):
    parsed = parse_source(_source(FIXTURES / fixture), ImportOptions(account="@LumenFibre"))
    assert_golden(golden, parsed)


def test_archive_zip_with_parts_via_manifest_matches_golden():
    parsed = parse_source(Source("twitter-2026-08-29-abc.zip", _parts_zip()), ImportOptions())
    assert_golden("archive_zip_parts", parsed)
    # The part file's tweet is there, and the order follows the manifest.
    assert list(parsed.posts["post_id"]) == ["1800000000000000001", "1801500000000000002", "1795000000000000009",
                                             "1800000000000000050"]


def test_loose_follower_and_manifest_files_match_golden():
    follower = parse_source(_source(PARTS / "data" / "follower.js"), ImportOptions(account="lumenfibre"))
    assert_golden("follower_js_loose", follower)
    manifest = parse_source(_source(PARTS / "data" / "manifest.js"), ImportOptions())
    assert_golden("manifest_js_loose", manifest)


def test_classic_tweets_csv_matches_golden():
    parsed = parse_source(_source(FIXTURES / "tweets.csv"), ImportOptions(account="LumenFibre"))
    assert_golden("classic_tweets_csv", parsed)


# --- detection from content -----------------------------------------------------------------------------------------

def test_every_archive_shape_is_detected_from_content_not_name():
    cases = {
        (FIXTURES / "tweet_wrapped.js").read_bytes(): "x_archive",
        (FIXTURES / "tweet_bare.js").read_bytes(): "x_archive",
        (FIXTURES / "deleted-tweets.js").read_bytes(): "x_archive",
        (PARTS / "data" / "tweets-part1.js").read_bytes(): "x_archive",
        (PARTS / "data" / "manifest.js").read_bytes(): "x_archive",
        (DOGSHEEP / "follower.js").read_bytes(): "x_archive",
        (DOGSHEEP / "account-suspension.js").read_bytes(): "x_archive",
        _parts_zip(): "x_archive",
        (FIXTURES / "tweets.csv").read_bytes(): "x_archive_classic",
        _classic_zip(): "x_archive_classic",
    }
    for data, expected in cases.items():
        assert detect(Source("upload.bin", data)).name == expected


# --- the archive in the store ---------------------------------------------------------------------------------------

def test_archive_zip_lands_tweets_deleted_tweets_and_follower_total(con):
    report = _import(con, "twitter.zip", _parts_zip())
    assert report.error is None
    assert (report.rows_read, report.rows_added, report.duplicates, report.rejected) == (4, 5, 0, 0)
    deleted = con.execute("select post_id, is_deleted, deleted_at::varchar from posts where is_deleted").fetchall()
    assert deleted == [("1800000000000000050", True, "2026-06-12 11:02:40+00")]
    assert con.execute("select account, day::varchar, followers from account_daily").fetchall() == [
        ("lumenfibre", "2026-08-29", 18250)]
    assert con.execute("select handle, display_name, is_own from accounts").fetchall() == [
        ("lumenfibre", "Lumen Fibre", True)]
    again = _import(con, "twitter (1).zip", _parts_zip())
    assert (again.rows_added, again.duplicates) == (0, 5)


def test_archive_inside_a_folder_without_manifest_reads_parts_in_order():
    parsed = parse_source(Source("a.zip", _parts_zip(skip=("manifest.js",), prefix="twitter-2026/")), ImportOptions())
    assert list(parsed.posts["post_id"]) == ["1800000000000000001", "1801500000000000002", "1795000000000000009",
                                             "1800000000000000050"]
    assert parsed.accounts["handle"].tolist() == ["lumenfibre"]  # from account.js
    # No manifest: the follower total is follower.js's 3 records, filed under the import day with a warning.
    assert parsed.account_daily[["day", "followers"]].astype(str).values.tolist() == [["2026-11-21", "3"]]
    assert any("2026-11-21" in w and "import day" in w for w in parsed.warnings)


def test_manifest_listing_a_missing_part_warns():
    parsed = parse_source(Source("a.zip", _parts_zip(skip=("tweets-part1.js",))), ImportOptions())
    assert len(parsed.posts) == 3
    assert any("data/tweets-part1.js" in w and "does not contain" in w for w in parsed.warnings)


def test_archive_owner_wins_over_a_different_account_choice():
    parsed = parse_source(Source("a.zip", _parts_zip()), ImportOptions(account="someoneelse"))
    assert set(parsed.posts["account"]) == {"lumenfibre"}
    assert any("@someoneelse" in w for w in parsed.warnings)


def test_bad_records_are_rejected_with_their_number_and_the_rest_land(con):
    report = _import(con, "tweet.js", (FIXTURES / "tweet_wrapped.js").read_bytes(), account="lumenfibre")
    assert (report.rows_read, report.rows_added, report.rejected) == (4, 3, 1)
    assert report.rejections[0]["line"] == 4 and "record 4" in report.rejections[0]["reason"]


def test_loose_tweets_need_an_account(con):
    report = _import(con, "tweet.js", (FIXTURES / "tweet_bare.js").read_bytes())
    assert report.error and "--account" in report.error
    assert store.table_counts(con)["imports"] == 0


# --- the real dogsheep fixture files --------------------------------------------------------------------------------

def test_dogsheep_loose_files_read_without_error_where_meaningful(con):
    files = sorted(DOGSHEEP.glob("*.js"))
    reports = {Path(r.path).name: r for r in import_paths(con, files, ImportOptions(account="simonw"))}
    assert all(r.error is None for r in reports.values()), {n: r.error for n, r in reports.items()}
    assert (reports["follower.js"].rows_read, reports["follower.js"].rows_added) == (2, 1)
    assert any("no date" in w and "2026-11-21" in w for w in reports["follower.js"].warnings)
    assert reports["account.js"].rows_read == 1
    assert reports["account-suspension.js"].rows_read == 0
    assert any("nothing Rebound uses" in w for w in reports["account-suspension.js"].warnings)
    assert any("nothing Rebound uses" in w for w in reports["following.js"].warnings)
    assert con.execute("select account, day::varchar, followers from account_daily").fetchall() == [
        ("simonw", "2026-11-21", 2)]
    assert con.execute("select handle, display_name from accounts").fetchall() == [("simonw", "Simon Willison")]


def test_dogsheep_follower_js_alone_needs_an_account(con):
    report = import_paths(con, [DOGSHEEP / "follower.js"])[0]
    assert report.error and "--account" in report.error


def test_dogsheep_files_zipped_as_an_archive(con):
    data = _zip({f"data/{p.name}": p.read_bytes() for p in DOGSHEEP.glob("*.js")})
    report = _import(con, "twitter-2021.zip", data)
    assert report.error is None and report.format == "x_archive"
    assert (report.rows_read, report.rows_added) == (2, 1)
    assert any("no tweets file" in w for w in report.warnings)
    assert con.execute("select account, followers from account_daily").fetchall() == [("simonw", 2)]


# --- the classic archive ---------------------------------------------------------------------------------------------

def _classic_zip() -> bytes:
    details = {"screen_name": "LumenFibre", "id": "487120394", "full_name": "Lumen Fibre", "bio": "",
               "created_at": "2012-03-30 10:38:02 +0000"}
    return _zip({"tweets.csv": (FIXTURES / "tweets.csv").read_bytes(),
                 "data/js/user_details.js": "var user_details = " + json.dumps(details),
                 "data/js/tweet_index.js": 'var tweet_index = [ {"file_name":"data/js/tweets/2016_02.js"} ]',
                 "data/js/tweets/2016_02.js": "Grailbird.data.tweets_2016_02 = []"})


def test_classic_zip_knows_its_owner_and_says_it_has_no_counts(con):
    report = _import(con, "tweets.zip", _classic_zip())
    assert report.error is None, report.error
    assert (report.rows_read, report.rows_added, report.rejected) == (4, 3, 1)
    assert any("no like, repost" in w for w in report.warnings)
    rows = con.execute("select post_id, account, is_repost, in_reply_to_id, likes from posts order by post_id")
    assert rows.fetchall() == [("700790000000000003", "lumenfibre", True, None, None),
                               ("700802602011742209", "lumenfibre", False, "700800000000000001", None),
                               ("700806305519251457", "lumenfibre", False, None, None)]


def test_classic_csv_needs_an_account(con):
    report = _import(con, "tweets.csv", (FIXTURES / "tweets.csv").read_bytes())
    assert report.error and "--account" in report.error


# --- hostile and broken input: refused whole, one line, store unchanged ----------------------------------------------

def _bomb_zip() -> bytes:
    return _zip({"data/manifest.js": (PARTS / "data" / "manifest.js").read_bytes(),
                 "data/tweets.js": b"\0" * (40 * 2**20)})


def _hostile_cases() -> list[tuple[str, bytes, str]]:
    tweets = (FIXTURES / "tweet_wrapped.js").read_bytes()
    return [
        ("tweet.js", tweets[: len(tweets) // 2], "cut off or damaged"),
        ("tweet.js", tweets.decode().encode("utf-16"), "not UTF-8"),
        ("evil.zip", _zip({"data/tweets.js": tweets, "../evil.js": "x"}), "unsafe path"),
        ("abs.zip", _zip({"data/tweets.js": tweets, "/etc/evil.js": "x"}), "unsafe path"),
        ("bomb.zip", _bomb_zip(), "MAX_ZIP_RATIO"),
        ("line.js", b"window.YTD.tweets.part0 = [" + b"x" * (5 * 2**20), "cut off or damaged"),
        ("junk.bin", bytes(range(256)) * 64, "not"),
        ("cut.zip", _parts_zip()[:300], "zip"),
        ("deep.js", b"window.YTD.tweets.part0 = " + b"[" * 100_000, "nested too deeply"),
    ]


@pytest.mark.parametrize(("name", "data", "expected"), _hostile_cases(), ids=lambda v: v if isinstance(v, str) else "")
def test_hostile_archive_input_is_refused_whole(con, name, data, expected):
    _import(con, "good.zip", _parts_zip())
    before = store.table_counts(con)
    report = _import(con, name, data, account="lumenfibre")
    assert report.error and expected in report.error
    assert "\n" not in report.error
    assert store.table_counts(con) == before


def test_archive_over_the_expanded_size_limit_is_refused(con, monkeypatch):
    monkeypatch.setattr(safe_zip, "MAX_ZIP_EXPANDED_BYTES", 4096)
    report = _import(con, "big.zip", _parts_zip(), account="lumenfibre")
    assert report.error and "MAX_ZIP_EXPANDED_BYTES" in report.error
    assert store.table_counts(con)["imports"] == 0


def test_oversized_tweet_text_rejects_that_record():
    huge = {"tweet": {"id_str": "1800000000000000099", "created_at": "Fri Jun 12 09:14:18 +0000 2026",
                      "full_text": "a" * 200_000}}
    data = ("window.YTD.tweets.part0 = " + json.dumps([huge])).encode()
    parsed = parse_source(Source("tweets.js", data), ImportOptions(account="lumenfibre"))
    assert len(parsed.posts) == 0 and "MAX_POST_TEXT_CHARS" in parsed.rejected[0].reason


@pytest.mark.parametrize("reader", ["x_archive", "x_archive_classic"])
def test_zip_claiming_an_unknown_zip_version_is_refused_as_damaged(con, reader):
    data = bytearray(_parts_zip())
    central = data.find(b"PK\x01\x02")
    data[central + 6:central + 8] = b"\xff\x00"  # "version needed to extract" 25.5: zipfile raises NotImplementedError
    report = import_source(con, Source("odd.zip", bytes(data)), ImportOptions(), format=reader)
    assert report.error and "Damaged archive" in report.error
    assert store.table_counts(con)["imports"] == 0
