"""Meta's daily page metrics: the per-metric Business Suite exports (§3.2) and the legacy Insights export (§3.3).

**Per-metric exports** are one metric per file, UTF-16 LE with a BOM, an Excel ``sep=,`` hint, the metric's title
on its own line, then ``"Date","Primary"``. The title decides where the numbers go (``METRIC_ROUTES``):

* ``Facebook follows`` / ``Instagram follows`` → ``new_follows`` (daily new followers, a delta: Meta gives no
  unfollows here and no total).
* ``Views`` (``Impressions`` in older exports) → ``impressions``. ``Reach`` and ``Viewers`` count unique people,
  which are not impressions and cannot be added up over days, so those files are refused with a message saying so.
* ``Content interactions`` → ``engagements``.

One parser documents that Meta writes only days with a non-zero value; another saw no gaps. Decision: days missing
*between* the file's first and last day are filled with 0 (and counted in a warning); days before the first or after
the last are unknown, because the file does not state the range that was exported, and are left alone.

**Legacy Insights** ("Export Data", before 2023) has a header of long metric names and, under it, a row of metric
*descriptions* that is not data and is skipped. Mapping: ``Lifetime Total Likes`` → ``followers`` (the absolute
anchor), ``Daily New Likes`` → ``new_follows`` (else ``Daily New Follows``), ``Daily Unlikes`` → ``unfollows``,
``Daily Total Impressions`` → ``impressions``, ``Daily Page Engaged Users`` → ``engagements``. New likes are
preferred to new follows because the total in the same file counts likes.

Neither file names the page, so the user says whose it is. Meta's days run midnight to midnight **Pacific time**;
days are stored as Meta labels them and ``America/Los_Angeles`` is recorded as the import's zone, because the day
boundaries differ from X's and LinkedIn's (UTC) by 7–8 hours.
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    DAILY_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.spreadsheet import excel_serial
from analytics.importers.tabular import convert_records, header_matches, parse_local_time, read_table
from analytics.importers.textfile import CsvTable, normalise_header, parse_count, sniff_text

META_DAY_ZONE = "America/Los_Angeles"
"""The zone Meta's daily metrics are bucketed in (Hootsuite: "Facebook … and Instagram report metrics in PDT")."""

METRIC_REQUIRED = ("Date", "Primary")
DATE_FORMATS = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%m/%d/%Y", "%m/%d/%y", "%Y-%m-%d %H:%M:%S")

METRIC_ROUTES: dict[str, tuple[str | None, str]] = {
    "facebook follows": ("facebook", "new_follows"),
    "instagram follows": ("instagram", "new_follows"),
    "views": (None, "impressions"),
    "impressions": (None, "impressions"),
    "content interactions": (None, "engagements"),
}
"""Metric title → (platform it implies, or None when the title does not say; canonical column)."""

UNIQUE_PEOPLE_METRICS = ("reach", "viewers")
"""Titles counting unique people per day; not impressions, so not stored (see the module docstring)."""

LEGACY_COLUMNS: dict[str, tuple[str, ...]] = {
    "followers": ("lifetime total likes",),
    "new_follows": ("daily new likes", "daily new follows"),
    "unfollows": ("daily unlikes", "daily unfollows"),
    "impressions": ("daily total impressions",),
    "engagements": ("daily page engaged users",),
}
"""Canonical column → legacy Insights columns, first present wins."""

LEGACY_SNIFF_MIN = 2
"""How many known legacy columns the header must hold beside ``Date`` for the file to count as legacy Insights."""


def pacific_warning() -> str:
    return (f"Meta's days run midnight to midnight Pacific time ({META_DAY_ZONE}), not UTC: day-level comparisons "
            "with X or LinkedIn days can be shifted by 7–8 hours.")


def _account(source: Source, options: ImportOptions) -> str:
    handle = normalise_handle(options.account)
    if not handle:
        raise ReboundError(f"{source.name} does not name its page; choose whose metrics these are "
                           "(--account HANDLE).", title="Account needed")
    return handle


def _day(value: str) -> pd.Timestamp:
    if excel_serial(value):
        raise ValueError(f"date {value.strip()!r} is an Excel serial number (the date format was lost in a re-save)")
    return parse_local_time(value, DATE_FORMATS, "UTC").tz_localize(None).normalize()


def metric_title(text: str) -> str | None:
    """The metric title line of a per-metric export: the last non-empty line above ``"Date","Primary"``."""
    title = None
    for line in text.replace("\r", "\n").split("\n")[:20]:
        cells = [normalise_header(c) for c in line.split(",")]
        if cells[:2] == ["date", "primary"]:
            return title
        stripped = line.strip().strip('"').strip()
        if stripped and not stripped.lower().startswith("sep="):
            title = stripped
    return None


class MetaDailyMetricImporter(Importer):
    name = "meta_daily_metric"
    label = "Meta Business Suite daily metric export (one metric per CSV, e.g. Facebook follows)"

    def sniff(self, source: Source) -> int:
        return 90 if header_matches(source, METRIC_REQUIRED) and metric_title(sniff_text(source)) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        handle = _account(source, options)
        title = metric_title(sniff_text(source))
        key = normalise_header(title or "")
        if key in UNIQUE_PEOPLE_METRICS:
            raise ReboundError(f"{source.name} holds '{title}', a count of unique people per day that cannot be "
                               "added up or used as impressions; import the 'Views' export instead.",
                               title="Metric not used")
        if key not in METRIC_ROUTES:
            known = ", ".join(sorted({t.title() for t in METRIC_ROUTES}))
            raise ReboundError(f"{source.name} holds the metric {title!r}, which Rebound does not store; it reads "
                               f"{known}.", title="Metric not used")
        implied, column = METRIC_ROUTES[key]
        warnings = [pacific_warning()]
        platform = implied or (options.platform if options.platform in ("facebook", "instagram") else None)
        if platform is None:
            platform = "facebook"
            warnings.append(f"'{title}' does not say whether it is the Facebook page's or the Instagram account's; "
                            "stored as facebook (choose the instagram platform to change that).")
        table = read_table(source, METRIC_REQUIRED)

        def convert(record: dict[str, str]) -> dict:
            value = parse_count(record["primary"])
            return {"platform": platform, "account": handle, "day": _day(record["date"]), column: value or 0}

        rows, rejected = convert_records(table, convert)
        rows, filled = _fill_gaps(rows, platform, handle, column)
        if filled:
            warnings.append(f"{filled} day(s) missing between the first and last day were filled with 0 "
                            "(Meta writes only days with a non-zero value).")
        return ParsedFile(format=self.name, rows_read=len(table.records), rejected=rejected, warnings=warnings,
                          assumed_zone=META_DAY_ZONE, account_daily=canonical_frame(rows, DAILY_COLUMNS),
                          accounts=_accounts(platform, handle))


def _fill_gaps(rows: list[dict], platform: str, handle: str, column: str) -> tuple[list[dict], int]:
    """Rows for every day from the first to the last, missing days as 0; returns the rows and how many were added."""
    if not rows:
        return rows, 0
    by_day = {row["day"]: row for row in rows}
    first, last = min(by_day), max(by_day)
    filled = 0
    day = first
    while day <= last:
        if day not in by_day:
            by_day[day] = {"platform": platform, "account": handle, "day": day, column: 0}
            filled += 1
        day += timedelta(days=1)
    return [by_day[d] for d in sorted(by_day)], filled


def _accounts(platform: str, handle: str) -> pd.DataFrame:
    return canonical_frame([{"platform": platform, "handle": handle, "is_own": True}], ACCOUNT_COLUMNS)


def _legacy_header_ok(cells: set[str]) -> bool:
    known = {name for names in LEGACY_COLUMNS.values() for name in names}
    return "date" in cells and len(known & cells) >= LEGACY_SNIFF_MIN


class FacebookInsightsLegacyImporter(Importer):
    name = "facebook_insights_legacy"
    label = "Facebook Page Insights legacy export (page level, CSV, before 2023)"

    def sniff(self, source: Source) -> int:
        for line in sniff_text(source).replace("\r", "\n").split("\n")[:5]:
            if _legacy_header_ok({normalise_header(c) for c in line.split(",")}):
                return 90
        return 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        handle = _account(source, options)
        table = read_table(source, ("Date",), max_banner_lines=4)
        if not _legacy_header_ok(set(table.header)):
            raise ReboundError(f"{source.name} has no legacy Insights columns (Lifetime Total Likes, Daily New "
                               "Likes, Daily Total Impressions …) beside Date.", title="File not recognised")
        columns = {target: next((n for n in names if n in table.header), None)
                   for target, names in LEGACY_COLUMNS.items()}
        table, skipped = _drop_description_row(table)

        def convert(record: dict[str, str]) -> dict:
            row = {"platform": "facebook", "account": handle, "day": _day(record["date"])}
            for target, column in columns.items():
                if column:
                    row[target] = parse_count(record.get(column))
            return row

        rows, rejected = convert_records(table, convert)
        warnings = [pacific_warning()]
        if skipped:
            warnings.append(f"Skipped line {skipped}: Meta's row of metric descriptions under the header.")
        return ParsedFile(format=self.name, rows_read=len(table.records) + bool(skipped), rejected=rejected,
                          warnings=warnings, assumed_zone=META_DAY_ZONE,
                          account_daily=canonical_frame(rows, DAILY_COLUMNS), accounts=_accounts("facebook", handle))


def _drop_description_row(table: CsvTable) -> tuple[CsvTable, int | None]:
    """Remove the first record when it is the row of metric descriptions (no date, prose in the metric cells)."""
    if not table.records:
        return table, None
    line, record = table.records[0]
    try:
        _day(record.get("date", ""))
    except ValueError:
        prose = any(any(ch.isalpha() for ch in value) for key, value in record.items() if key != "date")
        if prose:
            return CsvTable(table.header, table.records[1:], table.header_line, table.delimiter), line
    return table, None

