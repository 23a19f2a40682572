"""Write what a reader parsed into the store, in one transaction, and report what happened.

The loader is the only importer code that writes. For every file it: detects (or takes) the reader, parses, then in a
single transaction records the import, adds accounts, adds posts not seen before (key: platform + post_id),
refreshes the engagement counts of posts it already has (a later export is a later snapshot), merges daily metrics
(newest import wins per account and day), adds events not seen before and keeps rejected rows with their line
numbers. If anything fails the transaction rolls back and the store is exactly as it was.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path

import duckdb
import pandas as pd

from analytics.errors import ReboundError
from analytics.importers import damage, registry
from analytics.importers.base import ImportOptions, ParsedFile, Source
from analytics.queries import sql
from analytics.store import transaction
from analytics.text import normalise_text, text_hash

REQUIRED_POST_FIELDS = ("platform", "post_id", "account", "role", "created_at")


@dataclass
class ImportReport:
    """The outcome of importing one file, as the CLI prints it (``--json``) and the Import page shows it."""

    path: str
    format: str | None = None
    rows_read: int = 0
    rows_added: int = 0
    duplicates: int = 0
    rejected: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    import_id: int | None = None
    rejections: list[dict] = field(default_factory=list)

    def as_json(self) -> dict:
        """The report as the CLI's ``--json`` document describes it (rejections capped at the first 100)."""
        data = asdict(self)
        data["rejections"] = data["rejections"][:100]
        return data


def parse_source(source: Source, options: ImportOptions | None = None, format: str | None = None) -> ParsedFile:
    """Detect (or take) the reader and parse without writing anything: what the Import page previews.

    Raises ``ReboundError`` when the file cannot be read at all.
    """
    reader = registry.by_name(format) if format else registry.detect(source)
    parsed = reader.parse(source, options or ImportOptions())
    _check_frames(parsed)
    return damage.repair(parsed, source)  # every reader gets spreadsheet-damage checks (damage.py)


def import_source(con: duckdb.DuckDBPyConnection, source: Source, options: ImportOptions | None = None,
                  format: str | None = None, path: str | None = None) -> ImportReport:
    """Import one file. A file that cannot be read comes back with ``error`` set and the store unchanged."""
    options = options or ImportOptions()
    report = ImportReport(path=path or source.name)
    try:
        report.format = (registry.by_name(format) if format else registry.detect(source)).name
        parsed = parse_source(source, options, report.format)
        write_parsed(con, source, options, parsed, report)
    except ReboundError as exc:
        report.error = exc.one_line()
    return report


def import_paths(con: duckdb.DuckDBPyConnection, paths: Iterable[str | Path], options: ImportOptions | None = None,
                 format: str | None = None) -> list[ImportReport]:
    """Import several files, each in its own transaction: one refused file does not stop the others."""
    reports = []
    for path in paths:
        try:
            source = Source.from_path(path)
        except ReboundError as exc:
            reports.append(ImportReport(path=str(path), error=exc.one_line()))
            continue
        reports.append(import_source(con, source, options, format=format, path=str(path)))
    return reports


def _check_frames(parsed: ParsedFile) -> None:
    missing = parsed.posts[list(REQUIRED_POST_FIELDS)].isna().any(axis=1)
    if missing.any():
        raise RuntimeError(f"reader {parsed.format} returned {int(missing.sum())} posts without "
                           f"{'/'.join(REQUIRED_POST_FIELDS)}; readers must reject such rows themselves")


def _prepare_posts(posts: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """Normalise text, hash it, and drop repeats inside the file (the first occurrence wins)."""
    posts = posts.copy()
    posts["text"] = [normalise_text(t) for t in posts["text"]]
    posts["text_hash"] = [text_hash(t) for t in posts["text"]]
    unique = posts.drop_duplicates(subset=["platform", "post_id"], keep="first")
    return unique, len(posts) - len(unique)


def write_parsed(con: duckdb.DuckDBPyConnection, source: Source, options: ImportOptions, parsed: ParsedFile,
                 report: ImportReport) -> None:
    """Write a parsed file in one transaction and fill in ``report``; on any failure nothing is written."""
    posts, in_file_duplicates = _prepare_posts(parsed.posts)
    daily = parsed.account_daily.drop_duplicates(subset=["platform", "account", "day"], keep="last")
    rejections = pd.DataFrame([{"line": r.line, "reason": r.reason} for r in parsed.rejected],
                              columns=["line", "reason"]).astype({"line": "Int64", "reason": "str"})
    cur = con.cursor()
    try:
        for view, frame in (("incoming_posts", posts), ("incoming_daily", daily),
                            ("incoming_accounts", parsed.accounts), ("incoming_events", parsed.events),
                            ("incoming_rejections", rejections)):
            cur.register(view, frame)
        with transaction(cur):
            import_id = cur.execute(sql("insert_import"), {
                "file_name": source.name, "sha256": source.sha256, "format": parsed.format,
                "assumed_zone": parsed.assumed_zone, "account": options.account, "warnings": parsed.warnings,
            }).fetchone()[0]
            if len(parsed.accounts):
                cur.execute(sql("upsert_accounts"))
            # An INSERT answers with the number of rows it inserted; the upsert counts updates too, so new days
            # are counted before it.
            cur.execute(sql("update_post_metrics"))
            new_posts = cur.execute(sql("insert_new_posts"), {"import_id": import_id}).fetchone()[0]
            new_days = cur.execute(sql("count_new_days")).fetchone()[0]
            cur.execute(sql("upsert_account_daily"), {"import_id": import_id})
            new_events = cur.execute(sql("insert_new_events")).fetchone()[0]
            cur.execute(sql("insert_rejections"), {"import_id": import_id})
            added = new_posts + new_days + new_events
            landed = len(posts) + len(daily) + len(parsed.events)
            report.import_id = import_id
            report.rows_read = parsed.rows_read
            report.rows_added = int(added)
            report.duplicates = int(landed - added + in_file_duplicates)
            report.rejected = len(parsed.rejected)
            report.warnings = list(parsed.warnings)
            report.rejections = [{"line": r.line, "reason": r.reason} for r in parsed.rejected]
            cur.execute(sql("finish_import"), {
                "import_id": import_id, "rows_read": report.rows_read, "rows_added": report.rows_added,
                "rows_duplicate": report.duplicates, "rows_rejected": report.rejected,
            })
    except duckdb.Error as exc:
        raise ReboundError(f"{source.name}: the store refused the rows ({str(exc).splitlines()[0]}); nothing was "
                           "imported.", title="Import failed") from exc
    finally:
        cur.close()
