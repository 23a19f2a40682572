"""LinkedIn Company Page analytics exports (export-formats.md §5): ``.xlsx``, old binary ``.xls``, or CSV conversions.

Sheets are recognised by their header, not their name, so a ``New followers-Table 1.csv`` converted by Numbers
reads the same as the sheet it came from. The header is found within the first ``MAX_BANNER_ROWS`` rows because
LinkedIn puts one banner row above it (its text is not known [§10], so it is never matched).

* **Content → ``Metrics``** (daily, UTC days) → ``account_daily``: ``impressions`` = ``Impressions (total)`` (else
  organic + sponsored); ``likes`` = reactions, ``replies`` = comments, ``reposts`` = reposts (``Shares`` in older
  exports); ``engagements`` = **clicks + reactions + comments + reposts**, the same definition LinkedIn's own
  engagement rate uses in its numerator.
* **Content → ``All posts``** → own posts (``Post title``/``Update title`` generations), with lifetime counts and the
  same ``engagements`` definition. ``Created date`` is a day (``MM/DD/YYYY``) without a time: posts are placed at
  00:00 UTC that day. The post id is the number in the post link's ``urn:li:activity:…``; a post without a link gets
  a stable id made from its date and title (counted in a warning) so re-imports still de-duplicate.
* **Followers → ``New followers``** → ``new_follows``: ``Total followers`` there is the **day's new followers**, not
  the running total (sponsored + organic + auto-invited when the total column is missing).

Other sheets (Location, Industry, Visitor metrics …) are ignored. The exports do not name the page inside; the
account is the one the user chose, else the company slug LinkedIn puts in the file name (``acme_followers_17….xls``),
with a warning, because a wrong guess is easy to see and fix.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date, datetime

import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    DAILY_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Rejection,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.spreadsheet import (
    Grid,
    cell_text,
    excel_serial,
    formula_warning,
    is_formula_text,
    is_workbook,
    read_grids,
    sheet_names,
)
from analytics.importers.textfile import normalise_header, parse_count, sniff_text

MAX_BANNER_ROWS = 5
"""How far down a sheet the header may be (LinkedIn puts one banner row above it)."""

LINKEDIN_SHEETS = ("metrics", "all posts", "new followers")
DATE_FORMATS = ("%m/%d/%Y", "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%m/%d/%y")
SNIFF_CONFIDENCE = 90
DAMAGED_WORKBOOK_CONFIDENCE = 20
"""A workbook that cannot be opened: claimed weakly, so its refusal names the damage rather than 'not recognised'."""

_FILE_NAME_ACCOUNT = re.compile(r"^(.+?)_(?:content|updates|followers|visitors)_\d+", re.IGNORECASE)
_POST_URN = re.compile(r"urn:li:(?:activity|share|ugcPost):(\d+)", re.IGNORECASE)


def sheet_kind(header: list[str]) -> str | None:
    """Which LinkedIn sheet a (normalised) header row belongs to: ``metrics``, ``posts``, ``followers`` or None."""
    cells = set(header)
    if {"post title", "update title"} & cells and "created date" in cells:
        return "posts"
    if "date" in cells and "total followers" in cells and cells & {
            "organic followers", "sponsored followers", "followers organic", "followers sponsored"}:
        return "followers"
    if "date" in cells and cells & {"impressions (total)", "impressions (organic)"}:
        return "metrics"
    return None


def _find_header(grid: Grid) -> tuple[int, list[str], str] | None:
    for index, (_, cells) in enumerate(grid.rows[:MAX_BANNER_ROWS]):
        header = [normalise_header(cell_text(c)) for c in cells]
        kind = sheet_kind(header)
        if kind:
            return index, header, kind
    return None


def _day(value: object) -> pd.Timestamp:
    if isinstance(value, datetime | date):
        return pd.Timestamp(value).normalize()
    if isinstance(value, int | float) or excel_serial(value):
        raise ValueError(f"date {cell_text(value)!r} is an Excel serial number (the date format was lost); format "
                         "the Date column as a date and save again")
    text = cell_text(value)
    for fmt in DATE_FORMATS:
        try:
            return pd.Timestamp(datetime.strptime(text, fmt)).normalize()
        except ValueError:
            continue
    raise ValueError(f"unreadable date {text[:40]!r}")


def _count(record: dict[str, object], *names: str) -> int | None:
    for name in names:
        if name in record:
            value = parse_count(cell_text(record[name]))
            if value is not None:
                return value
    return None


def _metric(record: dict[str, object], *bases: str) -> int | None:
    """A Metrics-sheet figure: ``<base> (total)``, else organic + sponsored, else a bare ``<base>`` column."""
    for base in bases:
        total = _count(record, f"{base} (total)")
        if total is not None:
            return total
        parts = [_count(record, f"{base} (organic)"), _count(record, f"{base} (sponsored)")]
        if any(p is not None for p in parts):
            return sum(p or 0 for p in parts)
        bare = _count(record, base)
        if bare is not None:
            return bare
    return None


def _sum(*values: int | None) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


class LinkedInImporter(Importer):
    name = "linkedin"
    label = "LinkedIn page analytics export (content or followers; .xlsx, .xls or CSV)"

    def sniff(self, source: Source) -> int:
        if is_workbook(source):
            names = sheet_names(source)
            if not names:
                return DAMAGED_WORKBOOK_CONFIDENCE
            return SNIFF_CONFIDENCE if {normalise_header(n) for n in names} & set(LINKEDIN_SHEETS) else 0
        for line in sniff_text(source).replace("\r", "\n").split("\n")[:MAX_BANNER_ROWS]:
            if sheet_kind([normalise_header(c) for c in line.split(",")]):
                return SNIFF_CONFIDENCE
        return 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        grids = read_grids(source)
        account, warnings = self._account(source, options)
        parsed = _SheetReader(source, account)
        found = []
        for grid in grids:
            located = _find_header(grid)
            if located:
                found.append(located[2])
                parsed.read(grid, *located)
        if not found:
            raise ReboundError(f"{source.name} has no LinkedIn Metrics, All posts or New followers sheet (looked for "
                               f"their header in the first {MAX_BANNER_ROWS} rows).", title="File not recognised")
        warnings.append("LinkedIn days are UTC days.")
        if parsed.synthetic_ids:
            warnings.append(f"{parsed.synthetic_ids} post(s) have no Post link; their id was made from the date and "
                            "title, so editing a title in a later export makes it a new post.")
        formula = formula_warning(parsed.formula_cells)
        if formula:
            warnings.append(formula)
        daily = _merge_days(parsed.daily)
        return ParsedFile(
            format=self.name, rows_read=parsed.rows_read, rejected=parsed.rejected, warnings=warnings,
            assumed_zone="UTC", posts=canonical_frame(parsed.posts, POST_COLUMNS),
            account_daily=canonical_frame(daily, DAILY_COLUMNS),
            accounts=canonical_frame([{"platform": "linkedin", "handle": account, "is_own": True}], ACCOUNT_COLUMNS),
        )

    @staticmethod
    def _account(source: Source, options: ImportOptions) -> tuple[str, list[str]]:
        chosen = normalise_handle(options.account)
        if chosen:
            return chosen, []
        match = _FILE_NAME_ACCOUNT.match(source.name)
        if match:
            guessed = normalise_handle(match.group(1))
            return guessed, [f"Account {guessed!r} was taken from the file name; choose the account to change it."]
        raise ReboundError(f"{source.name} does not name its page; choose whose analytics these are "
                           "(--account HANDLE).", title="Account needed")


def _merge_days(rows: list[dict]) -> list[dict]:
    """One row per day: a content and a followers sheet in one upload each fill their own metrics of that day."""
    merged: dict[pd.Timestamp, dict] = {}
    for row in rows:
        target = merged.setdefault(row["day"], {})
        target.update({k: v for k, v in row.items() if v is not None})
    return [merged[day] for day in sorted(merged)]


class _SheetReader:
    """Accumulates canonical rows from each recognised sheet, rejecting bad rows with sheet and row number."""

    def __init__(self, source: Source, account: str) -> None:
        self.source = source
        self.account = account
        self.posts: list[dict] = []
        self.daily: list[dict] = []
        self.rejected: list[Rejection] = []
        self.rows_read = 0
        self.synthetic_ids = 0
        self.formula_cells = 0

    def read(self, grid: Grid, header_index: int, header: list[str], kind: str) -> None:
        convert: Callable[[dict[str, object]], dict] = {
            "metrics": self._metrics_row, "posts": self._post_row, "followers": self._followers_row}[kind]
        where = f"sheet {grid.sheet!r} row" if grid.sheet else "line"
        for number, cells in grid.rows[header_index + 1:]:
            if not any(cell_text(c) for c in cells):
                continue
            self.rows_read += 1
            record = {name: (cells[i] if i < len(cells) else None) for i, name in enumerate(header) if name}
            self.formula_cells += sum(is_formula_text(v) for v in record.values())
            try:
                row = convert(record)
            except (ValueError, KeyError, TypeError) as exc:
                self.rejected.append(Rejection(number, f"{where} {number}: {exc}"))
                continue
            (self.posts if kind == "posts" else self.daily).append(row)

    def _metrics_row(self, record: dict[str, object]) -> dict:
        likes = _metric(record, "reactions")
        replies = _metric(record, "comments")
        reposts = _metric(record, "reposts", "shares")
        clicks = _metric(record, "clicks")
        return {"platform": "linkedin", "account": self.account, "day": _day(record["date"]),
                "impressions": _metric(record, "impressions"), "engagements": _sum(clicks, likes, replies, reposts),
                "likes": likes, "replies": replies, "reposts": reposts}

    def _followers_row(self, record: dict[str, object]) -> dict:
        new = _count(record, "total followers")
        if new is None:
            new = _sum(*(_count(record, name) for name in (
                "organic followers", "sponsored followers", "auto-invited followers", "followers organic",
                "followers sponsored")))
        return {"platform": "linkedin", "account": self.account, "day": _day(record["date"]), "new_follows": new}

    def _post_row(self, record: dict[str, object]) -> dict:
        title = cell_text(record.get("post title") or record.get("update title"))
        link = cell_text(record.get("post link") or record.get("update link")) or None
        created = _day(record["created date"])
        match = _POST_URN.search(link or "")
        if match:
            post_id = match.group(1)
        elif link:
            post_id = link
        else:
            digest = hashlib.sha1(f"{created.date().isoformat()}\n{title}".encode()).hexdigest()[:16]
            post_id = f"nolink-{digest}"
            self.synthetic_ids += 1
        likes = _count(record, "likes", "reactions")
        replies = _count(record, "comments")
        reposts = _count(record, "reposts", "shares")
        clicks = _count(record, "clicks")
        return {"platform": "linkedin", "post_id": post_id, "author": self.account, "account": self.account,
                "role": "own", "created_at": created.tz_localize("UTC"), "text": title,
                "impressions": _count(record, "impressions"), "likes": likes, "replies": replies,
                "reposts": reposts, "engagements": _sum(clicks, likes, replies, reposts), "url": link}
