"""X's 2024+ per-post export, ``account_analytics_content_<from>_<to>.csv`` (export-formats.md §2.2).

Two header generations exist (``Link``/``Share``/``Url clicks`` until early 2025, then ``Post Link``/``Shares``/
``URL Clicks``); headers are compared case-insensitively and only the shared columns are read. The ``Date`` column has
**no time of day** (``Mon Feb 17 2025`` or ``"Tue, Jul 14, 2026"``), so posts are placed at ``DAY_ONLY_HOUR``:00 UTC of
their day and the import warns that their times are day-precision: hour-level before/after comparisons around an
incident cannot use them. Counts may carry thousands separators (``"1,234"``). The account is read from the post
links (``https://x.com/<handle>/status/<id>``) unless ``--account`` is given.
"""

from __future__ import annotations

import re

import pandas as pd

from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
)
from analytics.importers.tabular import convert_records, header_matches, parse_local_time
from analytics.importers.x_common import (
    MAX_POST_TEXT_CHARS,
    check_ids_intact,
    count,
    handle_from_status_url,
    post_id,
    read_x_csv,
    resolve_account,
)

REQUIRED = ("Post id", "Date", "Post text", "Impressions")
DATE_FORMATS = ("%a, %b %d, %Y", "%a %b %d %Y", "%b %d, %Y", "%Y-%m-%d")
DAY_ONLY_HOUR = 12
"""Hour (UTC) given to posts whose export only has a day: midday keeps them on the right day in every zone from
UTC−12 to UTC+11, so daily charts in the viewer's zone still count them on their day."""

LINK_COLUMNS = ("post link", "link")
_FILE_NAME = re.compile(r"^([A-Za-z0-9_]+?)_account_analytics_content_")


class XContentImporter(Importer):
    name = "x_content"
    label = "X analytics (2024+): posts (account_analytics_content_*.csv)"

    def sniff(self, source: Source) -> int:
        return 95 if header_matches(source, REQUIRED, max_lines=3) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_x_csv(source, REQUIRED)
        check_ids_intact(source, [record.get("post id", "") for _, record in table.records])
        handle, warnings = resolve_account(
            source, options.account, (handle_from_status_url(_link(r)) for _, r in table.records), _FILE_NAME)

        def convert(record: dict[str, str]) -> dict:
            identifier = post_id(record["post id"])
            text = record["post text"]
            if len(text) > MAX_POST_TEXT_CHARS:
                raise ValueError(f"text is {len(text):,} characters, over MAX_POST_TEXT_CHARS")
            day = parse_local_time(record["date"], DATE_FORMATS, "UTC")
            return {
                "platform": "x", "post_id": identifier, "author": handle, "account": handle, "role": "own",
                "created_at": day + pd.Timedelta(hours=DAY_ONLY_HOUR),
                "text": text,
                "impressions": count(record["impressions"]),
                "engagements": count(record.get("engagements")),
                "likes": count(record.get("likes")),
                "reposts": count(record.get("reposts")),
                "replies": count(record.get("replies")),
                "url": _link(record) or f"https://x.com/{handle}/status/{identifier}",
            }

        rows, rejected = convert_records(table, convert)
        if rows:
            warnings.append(f"This export gives each post's day but not its time; the {len(rows):,} posts were "
                            f"placed at {DAY_ONLY_HOUR}:00 UTC of their day (times are day-precision).")
        return ParsedFile(
            format=self.name, rows_read=len(table.records), rejected=rejected, warnings=warnings, assumed_zone="UTC",
            posts=canonical_frame(rows, POST_COLUMNS),
            accounts=canonical_frame([{"platform": "x", "handle": handle, "is_own": True}], ACCOUNT_COLUMNS))


def _link(record: dict[str, str]) -> str | None:
    for column in LINK_COLUMNS:
        if record.get(column):
            return record[column].strip()
    return None
