"""Generic mention files through the column-mapping step, including both real airline files.

The airline files are read in place from ../shared/realdata (CC BY-NC-SA: never copied into the repository).
"""

from __future__ import annotations

import pytest

from analytics.errors import ReboundError
from analytics.importers import ImportOptions, Source, import_source, parse_source
from analytics.importers.mentions_generic import (
    FIELDS,
    header_signature,
    prepare_options,
    propose_for,
    propose_mapping,
    save_mapping,
    saved_mapping,
)
from analytics.importers.registry import detect
from tests.mention_golden import FIXTURES, REALDATA

AIRLINE = REALDATA / "twitter-us-airline-sentiment" / "Tweets.csv"
AIRLINE_RESAVED = REALDATA / "twitter-us-airline-sentiment-excel-roundtrip" / "Tweets.csv"
AIRLINE_MAPPING = {"text": "text", "time": "tweet_created", "author": "name", "id": "tweet_id", "account": "airline",
                   "reposts": "retweet_count"}
AIRLINE_HANDLES = {"united", "usairways", "american", "southwest", "delta", "virginamerica"}


@pytest.fixture(scope="module")
def airline() -> Source:
    return Source.from_path(AIRLINE)


@pytest.fixture(scope="module")
def resaved() -> Source:
    return Source.from_path(AIRLINE_RESAVED)


def test_proposal_for_the_airline_file_is_exactly_the_expected_mapping(airline):
    proposal = propose_for(airline)
    assert proposal.mapping() == AIRLINE_MAPPING
    assert not proposal.ambiguous()
    assert set(proposal.fields) == set(FIELDS)
    assert detect(airline).name == "generic"


@pytest.mark.slow
def test_airline_csv_counts_ids_times_and_accounts(con, airline):
    report = import_source(con, airline, ImportOptions(platform="x"))
    assert report.error is None, report.error
    assert (report.rows_read, report.rows_added, report.duplicates, report.rejected) == (14_640, 14_485, 155, 0)
    ids = con.execute("select min(length(post_id)), max(length(post_id)), count(*) filter (where post_id not "
                      "similar to '[0-9]{18}') from posts").fetchone()
    assert ids == (18, 18, 0)
    first = con.execute("select created_at::varchar, account, author from posts "
                        "where post_id = '570306133677760513'").fetchone()
    assert first == ("2015-02-24 19:35:52+00", "virginamerica", "cairdin")  # 11:35:52 -0800
    span = con.execute("select min(created_at)::varchar, max(created_at)::varchar from posts").fetchone()
    assert span == ("2015-02-17 07:36:05+00", "2015-02-24 19:53:37+00")
    assert {r[0] for r in con.execute("select distinct account from posts").fetchall()} == AIRLINE_HANDLES
    assert con.execute("select assumed_zone from imports").fetchone()[0] is None  # every time carried -0800
    again = import_source(con, airline, ImportOptions(platform="x"))
    assert (again.rows_added, again.duplicates) == (0, 14_640)


@pytest.mark.slow
def test_excel_roundtrip_copy_is_detected_and_imported_with_content_hash_ids(con, resaved):
    report = import_source(con, resaved, ImportOptions(platform="x", assumed_zone="America/Los_Angeles"))
    assert report.error is None, report.error
    assert (report.rows_read, report.rows_added, report.duplicates, report.rejected) == (14_640, 14_485, 155, 0)
    warnings = " ".join(report.warnings)
    assert "14,640 of 14,640 ids were destroyed" in warnings and "2,434 distinct values" in warnings
    assert "seconds and time zone were lost" in warnings
    stored = con.execute("select count(*), count(*) filter (where post_id like 'h:%'), count(distinct source_id) "
                         "from posts").fetchone()
    assert stored == (14_485, 14_485, 2_434)
    first = con.execute("select created_at::varchar from posts where author = 'cairdin' and text like "
                        "'%What @dhepburn said.'").fetchone()
    assert first == ("2015-02-24 19:35:00+00",)  # 24-02-2015 11.35 in Los Angeles, seconds lost
    assert import_source(con, resaved, ImportOptions(platform="x", assumed_zone="America/Los_Angeles")
                         ).rows_added == 0


def test_ambiguous_required_field_is_refused_naming_the_candidates(con):
    source = Source.from_path(FIXTURES / "generic_ambiguous.csv")
    report = import_source(con, source)
    assert report.error and "'posted' or 'published'" in report.error
    assert con.execute("select count(*) from imports").fetchone()[0] == 0
    chosen = import_source(con, source, ImportOptions(mapping={"time": "published"}))
    assert chosen.error is None and chosen.rows_added == 2
    assert con.execute("select min(created_at)::varchar from posts").fetchone()[0] == "2026-06-12 11:00:00+00"


def test_user_mapping_overrides_and_unmaps_fields(con):
    source = Source.from_path(FIXTURES / "generic.csv")
    parsed = parse_source(source, ImportOptions(mapping={"author": "Network", "likes": "-"}))
    assert set(parsed.posts["author"]) == {"twitter", "facebook"}
    assert parsed.posts["likes"].isna().all()


def test_unknown_field_or_column_in_a_mapping_is_refused():
    source = Source.from_path(FIXTURES / "generic.csv")
    with pytest.raises(ReboundError, match="no column 'nope'"):
        parse_source(source, ImportOptions(mapping={"text": "nope"}), format="generic")
    with pytest.raises(ReboundError, match="Unknown field"):
        parse_source(source, ImportOptions(mapping={"mood": "Message"}), format="generic")


def test_account_option_fills_in_when_no_column_names_the_brand(con):
    csv = b"when,what\n2026-06-12 10:00,the router is blinking red again\n"
    assert "account" in import_source(con, Source("a.csv", csv), format="generic").error
    report = import_source(con, Source("a.csv", csv), ImportOptions(account="@Acme"), format="generic")
    assert report.rows_added == 1
    assert con.execute("select account, platform, post_id like 'h:%' from posts").fetchone() == ("acme", "other", True)


def test_content_alone_finds_id_time_text_and_account():
    header = ["c1", "c2", "c3", "c4"]
    rows = [{"c1": f"18000000000000001{i:02d}", "c2": f"2026-06-1{i} 10:00:00", "c3": f"@acme my parcel {i} is late",
             "c4": "ACME"} for i in range(5)]
    proposal = propose_mapping(header, rows)
    assert proposal.mapping() == {"id": "c1", "time": "c2", "text": "c3", "account": "c4"}


def test_saved_mapping_is_reused_by_header_signature(con):
    source = Source.from_path(FIXTURES / "generic_ambiguous.csv")
    header = list(propose_for(source).header)
    save_mapping(con, "ambiguous export", header, {"time": "published", "text": "body", "account": "brand"})
    assert saved_mapping(con, list(reversed(header)))[0] == "ambiguous export"  # column order does not matter
    assert header_signature(header) != header_signature([*header, "extra"])
    options, mapping, name = prepare_options(con, source, ImportOptions())
    assert name == "ambiguous export" and mapping["time"] == "published"
    assert import_source(con, source, options, format="generic").rows_added == 2


def test_dd_mm_yyyy_dotted_times_are_read_with_a_warning():
    csv = b"text,created,brand\n@acme slow again today,24-02-2015 11.35,Acme\n"
    parsed = parse_source(Source("t.csv", csv), ImportOptions(assumed_zone="America/Los_Angeles"), format="generic")
    assert str(parsed.posts.loc[0, "created_at"]) == "2015-02-24 19:35:00+00:00"
    assert any("seconds and time zone were lost" in w for w in parsed.warnings)
