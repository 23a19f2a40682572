"""Spreadsheet damage (export-formats.md §9): detected, repaired where possible, always reported with counts."""

from __future__ import annotations

import pandas as pd
import pytest

from analytics.importers.base import POST_COLUMNS, ParsedFile, Source, canonical_frame
from analytics.importers.damage import CONTENT_ID_PREFIX, TimeParser, content_id, is_scientific, repair


def _parsed(ids: list[str], texts: list[str] | None = None) -> ParsedFile:
    texts = texts or [f"text {i}" for i in range(len(ids))]
    rows = [{"platform": "x", "post_id": pid, "author": "ann", "account": "acme", "role": "mention",
             "created_at": pd.Timestamp("2026-06-12 10:00", tz="UTC") + pd.Timedelta(minutes=i), "text": text}
            for i, (pid, text) in enumerate(zip(ids, texts, strict=True))]
    return ParsedFile(format="test", rows_read=len(rows), posts=canonical_frame(rows, POST_COLUMNS))


def test_scientific_ids_get_content_hash_ids_and_keep_the_damaged_id():
    parsed = repair(_parsed(["5.70306E+17", "5.70306E+17", "570306133677760513"]))
    posts = parsed.posts
    assert posts.loc[2, "post_id"] == "570306133677760513"  # intact ids are left alone
    assert all(posts.loc[:1, "post_id"].str.startswith(CONTENT_ID_PREFIX))
    assert posts.loc[0, "post_id"] != posts.loc[1, "post_id"]  # different content, different id
    assert list(posts.loc[:1, "source_id"]) == ["5.70306E+17", "5.70306E+17"]
    assert any("2 of 3 ids were destroyed" in w and "scientific notation" in w for w in parsed.warnings)


def test_ids_rounded_to_15_digits_on_most_rows_are_destroyed():
    parsed = repair(_parsed(["570306133677760000", "570301130888120000", "570301083672810000",
                             "570301031407620000"]))
    assert all(parsed.posts["post_id"].str.startswith(CONTENT_ID_PREFIX))
    assert any("rounded to 15 significant digits" in w for w in parsed.warnings)


def test_one_intact_id_ending_in_zeros_is_not_damage():
    parsed = repair(_parsed(["570306133677760000", "570301130888122368", "570301083672813571"]))
    assert not parsed.posts["post_id"].str.startswith(CONTENT_ID_PREFIX).any()
    assert parsed.warnings == []


def test_wrapped_ids_and_escaped_texts_are_unwrapped_other_formulas_kept():
    parsed = repair(_parsed(['="1800000000000000001"', "1800000000000000002", "1800000000000000003"],
                            ["=@acme down again", '="quoted ""text"""', "=HYPERLINK(\"http://evil\")"]))
    posts = parsed.posts
    assert posts.loc[0, "post_id"] == "1800000000000000001"
    assert list(posts["text"]) == ["@acme down again", 'quoted "text"', "=HYPERLINK(\"http://evil\")"]
    assert any("2 texts carried a spreadsheet escape" in w for w in parsed.warnings)
    assert any("1 texts start with '='" in w for w in parsed.warnings)


def test_cp1252_file_is_reported():
    parsed = repair(_parsed(["1"]), Source("old.csv", "text,time\ncaf\u00e9,2026-06-12\n".encode("cp1252")))
    assert any("Windows-1252" in w for w in parsed.warnings)
    assert not repair(_parsed(["1"]), Source("new.csv", "caf\u00e9".encode())).warnings


def test_content_id_is_stable_and_normalises_text():
    when = pd.Timestamp("2026-06-12 10:00", tz="UTC")
    assert content_id("x", "ann", when, "a &amp; b") == content_id("x", "ann", when.tz_convert("Europe/Paris"), "a & b")
    assert content_id("x", "ann", when, "a") != content_id("x", "bob", when, "a")


@pytest.mark.parametrize("value", ["5.70306E+17", "1.8e18", "5.70306E17"])
def test_is_scientific(value):
    assert is_scientific(value)


def test_time_parser_reads_the_resave_format_with_a_warning():
    parser = TimeParser(assumed_zone="America/Los_Angeles").fit(["24-02-2015 11.35", "01-02-2015 09.05"])
    assert parser.parse("24-02-2015 11.35") == pd.Timestamp("2015-02-24 19:35", tz="UTC")
    assert "seconds and time zone were lost" in parser.warnings()[0]


def test_time_parser_excel_serial_and_epoch():
    parser = TimeParser().fit(["42059.4832407407"])
    assert parser.parse("42059.4832407407").floor("s") == pd.Timestamp("2015-02-24 11:35:52", tz="UTC")
    assert parser.parse("1781258400000") == pd.Timestamp("2026-06-12 10:00", tz="UTC")
    assert any("Excel serial" in w for w in parser.warnings())


def test_time_parser_decides_day_month_order_once_per_column():
    month_first = TimeParser().fit(["02/24/2015 11:35", "03/04/2015 10:00"])
    assert month_first.parse("03/04/2015 10:00") == pd.Timestamp("2015-03-04 10:00", tz="UTC")
    day_first = TimeParser().fit(["24/02/2015 11:35", "03/04/2015 10:00"])
    assert day_first.parse("03/04/2015 10:00") == pd.Timestamp("2015-04-03 10:00", tz="UTC")
    ambiguous = TimeParser().fit(["03/04/2015 10:00"])
    assert ambiguous.parse("03/04/2015 10:00").month == 3
    assert any("day-first or month-first" in w for w in ambiguous.warnings())


def test_time_parser_rejects_with_a_reason():
    with pytest.raises(ValueError, match="unreadable date"):
        TimeParser().fit([]).parse("next tuesday")
