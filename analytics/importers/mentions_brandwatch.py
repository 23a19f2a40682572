"""Brandwatch Consumer Research mention exports (export-formats.md §8.1).

Metadata lines (``Report:``, ``Brand:``, ``From:``, ``To:``, ``Label:``) sit above the header, which is found by its
``Query Id`` column. Each row is a mention of the brand the query tracks: the account it is about is the one the user
chose, else the ``Query Name`` (as a handle). Dates carry no zone; the assumed zone is a setting recorded on the
import.
"""

from __future__ import annotations

import re

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
from analytics.importers.tabular import convert_records, header_matches, parse_local_time, read_table
from analytics.importers.textfile import parse_count

REQUIRED = ("Query Id", "Query Name", "Date")
DATE_FORMATS = ("%Y-%m-%d %H:%M:%S.%f", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S.%f%z",
                "%Y-%m-%dT%H:%M:%S%z")
PAGE_TYPE_PLATFORM = {"twitter": "x", "x": "x", "facebook": "facebook", "instagram": "instagram",
                      "linkedin": "linkedin"}
_STATUS_ID = re.compile(r"/status(?:es)?/(\d+)")


def query_handle(name: str) -> str | None:
    """A query name as an account handle: ``"Lumen Fibre"`` → ``lumenfibre``."""
    return normalise_handle(re.sub(r"[^0-9A-Za-z_]+", "", name or "")) or None


class BrandwatchImporter(Importer):
    name = "brandwatch"
    label = "Brandwatch mentions export (CSV)"

    def sniff(self, source: Source) -> int:
        return 90 if header_matches(source, REQUIRED) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_table(source, REQUIRED)
        chosen = normalise_handle(options.account)

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
                "created_at": parse_local_time(record["date"], DATE_FORMATS, options.assumed_zone),
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
        return ParsedFile(format=self.name, rows_read=len(table.records), posts=posts, rejected=rejected,
                          assumed_zone=options.assumed_zone, accounts=canonical_frame(accounts, ACCOUNT_COLUMNS))
