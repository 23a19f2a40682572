"""X's 2024+ daily account export, ``account_overview_analytics.csv`` (export-formats.md §2.2).

Its ``New follows`` and ``Unfollows`` are the only follower trend X gives: daily deltas, not a total. Dates read
``"Fri, Mar 21, 2025"`` with no zone (X's days are UTC). The file does not name its account, so the user says whose
it is (a screen name in front of the file name, ``<handle>_account_overview_analytics.csv``, is used with a warning
when they do not). Overlapping exports merge per day with the newest import winning, because X revises its latest days.
"""

from __future__ import annotations

import re

from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    DAILY_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
)
from analytics.importers.tabular import convert_records, header_matches, parse_local_time
from analytics.importers.x_common import count, read_x_csv, resolve_account

REQUIRED = ("Date", "Impressions", "New follows", "Unfollows")
DATE_FORMATS = ("%a, %b %d, %Y", "%a %b %d %Y", "%Y-%m-%d")
_FILE_NAME = re.compile(r"^([A-Za-z0-9_]+?)_account_overview_analytics")


class XAccountOverviewImporter(Importer):
    name = "x_account_overview"
    label = "X analytics: account overview (daily, account_overview_analytics.csv)"

    def sniff(self, source: Source) -> int:
        return 90 if header_matches(source, REQUIRED) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_x_csv(source, REQUIRED)
        handle, warnings = resolve_account(source, options.account, (), _FILE_NAME)

        def convert(record: dict[str, str]) -> dict:
            day = parse_local_time(record["date"], DATE_FORMATS, "UTC").tz_localize(None).normalize()
            return {
                "platform": "x", "account": handle, "day": day,
                "new_follows": count(record.get("new follows")),
                "unfollows": count(record.get("unfollows")),
                "impressions": count(record.get("impressions")),
                "engagements": count(record.get("engagements")),
                "likes": count(record.get("likes")),
                "reposts": count(record.get("reposts")),
                "replies": count(record.get("replies")),
                "posts_published": count(record.get("create post")),
            }

        rows, rejected = convert_records(table, convert)
        return ParsedFile(
            format=self.name, rows_read=len(table.records), rejected=rejected, warnings=warnings, assumed_zone="UTC",
            account_daily=canonical_frame(rows, DAILY_COLUMNS),
            accounts=canonical_frame([{"platform": "x", "handle": handle, "is_own": True}], ACCOUNT_COLUMNS),
        )
