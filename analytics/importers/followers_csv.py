"""Follower counts from any tracking tool: ``date,followers[,account][,platform]`` (absolute totals per day)."""

from __future__ import annotations

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    DAILY_COLUMNS,
    PLATFORMS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.tabular import convert_records, header_matches, parse_local_time, read_table
from analytics.importers.textfile import parse_count

REQUIRED = ("date", "followers")
DATE_FORMATS = ("%Y-%m-%d", "%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S", "%d/%m/%Y")


class FollowersCsvImporter(Importer):
    name = "followers_csv"
    label = "Follower counts (CSV: date, followers[, account])"

    def sniff(self, source: Source) -> int:
        return 70 if header_matches(source, REQUIRED, max_lines=3) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_table(source, REQUIRED, max_banner_lines=2)
        default_account = normalise_handle(options.account)
        if "account" not in table.header and not default_account:
            raise ReboundError(f"{source.name} has no account column; choose whose followers these are "
                               "(--account HANDLE).", title="Account needed")
        default_platform = options.platform or "x"

        def convert(record: dict[str, str]) -> dict:
            account = normalise_handle(record.get("account")) or default_account
            if not account:
                raise ValueError("no account")
            platform = (record.get("platform") or default_platform).strip().lower()
            if platform not in PLATFORMS:
                raise ValueError(f"unknown platform {platform!r}")
            followers = parse_count(record["followers"])
            if followers is None or followers < 0:
                raise ValueError(f"follower count {record['followers']!r} is not a number of followers")
            day = parse_local_time(record["date"], DATE_FORMATS, "UTC").tz_localize(None).normalize()
            return {"platform": platform, "account": account, "day": day, "followers": followers}

        rows, rejected = convert_records(table, convert)
        daily = canonical_frame(rows, DAILY_COLUMNS)
        accounts = daily[["platform", "account"]].drop_duplicates().rename(columns={"account": "handle"})
        return ParsedFile(format=self.name, rows_read=len(table.records), account_daily=daily, rejected=rejected,
                          accounts=canonical_frame(accounts, ACCOUNT_COLUMNS))
