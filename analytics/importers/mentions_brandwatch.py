"""Brandwatch Consumer Research mention exports, CSV or XLSX (export-formats.md §8.1).

Metadata lines (``Report:``, ``Brand:``, ``From:``, ``To:``, ``Label:``) sit above the header, which is found by its
``Query Id`` column: line 6 of the CSV, row 7 of the XLSX in the exports described, anywhere in the first 20 here.
Each row is a mention of the brand the query tracks: the account it is about is the one the user chose, else the
``Query Name`` (as a handle). The UI export's date format is unverified [L], so ``Date`` is read by
``damage.TimeParser`` (ISO-like shapes, with or without fractions or zone; day/month order fitted once per file);
dates without a zone are placed in the assumed zone, a setting recorded on the import. Brandwatch's own ``Sentiment``
is not imported (posts has no column for it and Rebound scores every text the same way); a warning says so.
"""

from __future__ import annotations

import re

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.damage import TimeParser
from analytics.importers.tabular import convert_records, header_matches, read_table
from analytics.importers.textfile import parse_count
from analytics.importers.xlsx_table import is_xlsx, read_sheet, sheet_head_matches

REQUIRED = ("Query Id", "Query Name", "Date")
SNIFF_CONFIDENCE = 90
TIME_SAMPLE_ROWS = 500
"""Rows used to fit the file's date format before reading every row."""
PAGE_TYPE_PLATFORM = {"twitter": "x", "x": "x", "facebook": "facebook", "instagram": "instagram",
                      "linkedin": "linkedin"}
_STATUS_ID = re.compile(r"/status(?:es)?/(\d+)")


def query_handle(name: str) -> str | None:
    """A query name as an account handle: ``"Lumen Fibre"`` → ``lumenfibre``."""
    return normalise_handle(re.sub(r"[^0-9A-Za-z_]+", "", name or "")) or None


class BrandwatchImporter(Importer):
    name = "brandwatch"
    label = "Brandwatch mentions export (CSV or XLSX)"

    def sniff(self, source: Source) -> int:
        if is_xlsx(source):
            return SNIFF_CONFIDENCE if sheet_head_matches(source, REQUIRED) else 0
        return SNIFF_CONFIDENCE if header_matches(source, REQUIRED) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        if is_xlsx(source):
            table = read_sheet(source, REQUIRED)
            if not table.records:
                raise ReboundError(f"{source.name} has a header but no rows.", title="Empty file")
        else:
            table = read_table(source, REQUIRED)
        chosen = normalise_handle(options.account)
        times = TimeParser(assumed_zone=options.assumed_zone)
        times.fit([record.get("date", "") for _, record in table.records[:TIME_SAMPLE_ROWS]])

        def convert(record: dict[str, str]) -> dict:
            account = chosen or query_handle(record.get("query name", ""))
            if not account:
                raise ValueError("no Query Name and no account chosen")
            page_type = record.get("page type", "").strip().lower()
            platform = PAGE_TYPE_PLATFORM.get(page_type, "other")
            url = record.get("url", "").strip() or None
            post_id = record.get("resource id", "").strip()
            if not post_id and url:
                match = _STATUS_ID.search(url)
                post_id = match.group(1) if match else url
            if not post_id:
                raise ValueError("no Resource Id and no Url to identify the mention")
            text = record.get("full text") or record.get("snippet") or record.get("title") or ""
            entry_type = record.get("thread entry type", "").strip().lower()
            return {
                "platform": platform, "post_id": post_id, "author": normalise_handle(record.get("author")),
                "account": account, "role": "mention",
                "created_at": times.parse(record["date"]),
                "text": text, "lang": record.get("language", "").strip().lower() or None,
                "in_reply_to_handle": normalise_handle(record.get("twitter reply to")),
                "is_repost": entry_type == "share" or text.startswith("RT @"),
                "likes": parse_count(record.get("twitter likes")),
                "reposts": parse_count(record.get("twitter retweets")),
                "replies": parse_count(record.get("twitter reply count")),
                "impressions": parse_count(record.get("impressions")),
                "url": url,
            }

        rows, rejected = convert_records(table, convert)
        posts = canonical_frame(rows, POST_COLUMNS)
        accounts = posts[["platform", "account"]].drop_duplicates().rename(columns={"account": "handle"})
        warnings = times.warnings("Date")
        if "sentiment" in table.header:
            warnings.append("Brandwatch's own Sentiment column was not imported: Rebound scores every text itself, "
                            "the same way for every source.")
        return ParsedFile(format=self.name, rows_read=len(table.records), posts=posts, rejected=rejected,
                          warnings=warnings, assumed_zone=None if rows and times.all_zoned else options.assumed_zone,
                          accounts=canonical_frame(accounts, ACCOUNT_COLUMNS))
