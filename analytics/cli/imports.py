"""``python -m analytics import``: read export files into the workspace, then score their new texts.

The contract (issue 3): ``--json`` prints ``{"files": [{"path", "format", "rows_read", "rows_added", "duplicates",
"rejected", "warnings", "error", "mapping", ...}], "scored": N}``. Exit 0 when every file was imported, 1 when any
file was refused whole (the others still import, each in its own transaction), 2 for usage errors (an unknown
``--format``, ``--platform`` or ``--zone``, or ``--map`` that is not ``FIELD=COLUMN,...`` over known fields): those
are the caller's mistakes and nothing is read.

Generic mention files use the proposed column mapping when every required field is unambiguous; ``--map`` supplies
or overrides fields (``-`` unmaps one); a saved mapping for the same header is applied first; the mapping used is
printed (inside the JSON as ``"mapping"``). ``--save-mapping NAME`` remembers it for the next file with that header.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import duckdb
import typer

from analytics import sentiment
from analytics.cli.app import DbOption, JsonOption, app, emit_json, open_store
from analytics.errors import ReboundError
from analytics.importers import ImportOptions, ImportReport, Source, registry
from analytics.importers.base import PLATFORMS
from analytics.importers.flow import import_upload
from analytics.importers.mentions_generic import FIELDS, mapping_text
from analytics.importers.tabular import zone as check_zone


def parse_mapping(value: str | None) -> dict[str, str] | None:
    """``text=Tweet,time=Created`` → ``{"text": "Tweet", "time": "Created"}``; bad syntax is a usage error."""
    if not value:
        return None
    mapping = {}
    for part in value.split(","):
        field, sep, column = part.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise typer.BadParameter(f"{part!r} is not FIELD=COLUMN", param_hint="--map")
        if field.strip().lower() not in FIELDS:
            raise typer.BadParameter(f"unknown field {field.strip()!r}; fields are: {', '.join(FIELDS)}",
                                     param_hint="--map")
        mapping[field.strip().lower()] = column.strip()
    return mapping


def _check_usage(format: str | None, zone: str, platform: str | None) -> None:
    names = [reader.name for reader in registry.readers()]
    if format is not None and format not in names:
        raise typer.BadParameter(f"unknown format {format!r}; choose one of: {', '.join(names)}",
                                 param_hint="--format")
    if platform is not None and platform not in PLATFORMS:
        raise typer.BadParameter(f"unknown platform {platform!r}; choose one of: {', '.join(PLATFORMS)}",
                                 param_hint="--platform")
    try:
        check_zone(zone)
    except ReboundError as exc:
        raise typer.BadParameter(exc.message, param_hint="--zone") from exc


def import_one(con: duckdb.DuckDBPyConnection, path: Path, options: ImportOptions, format: str | None,
               save_as: str | None = None) -> tuple[ImportReport, dict[str, str] | None]:
    """Import one file as the CLI does; returns its report and, for generic files, the mapping used."""
    try:
        source = Source.from_path(path)
    except ReboundError as exc:
        return ImportReport(path=str(path), error=exc.one_line()), None
    return import_upload(con, source, options, format=format, path=str(path), save_as=save_as)


@app.command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Export files (.csv, .xlsx, .js, .json, .zip, ...).")],
    db: DbOption = None,
    format: Annotated[str | None, typer.Option("--format", help="Reader to use instead of detecting it.")] = None,
    account: Annotated[str | None, typer.Option(help="The account the files are about or belong to.")] = None,
    zone: Annotated[str, typer.Option(help="Time zone for timestamps written without one.")] = "UTC",
    platform: Annotated[str | None, typer.Option(help="Platform of a generic file's rows (x, facebook, ...).")] = None,
    mapping: Annotated[str | None, typer.Option("--map", help="Column mapping for generic files: "
                                                "text=COL,time=COL,author=COL,id=COL,account=COL,... (COL '-' "
                                                "unmaps a field).")] = None,
    save_as: Annotated[str | None, typer.Option("--save-mapping", help="Save the mapping used for generic files "
                                                "under this name, for files with the same columns.")] = None,
    json_output: JsonOption = False,
) -> None:
    """Import export files (each in its own transaction); exit 1 if any file was refused, 2 on usage errors."""
    _check_usage(format, zone, platform)
    options = ImportOptions(account=account, assumed_zone=zone, mapping=parse_mapping(mapping), platform=platform)
    con = open_store(db)
    results = [import_one(con, path, options, format, save_as) for path in paths]
    reports = [report for report, _ in results]
    scored = sentiment.score_pending(con) if any(r.rows_added for r in reports) else 0
    if json_output:
        emit_json({"files": [{**r.as_json(), "mapping": m} for r, m in results], "scored": scored})
    else:
        for report, used in results:
            if report.error:
                typer.echo(f"{report.path}: refused — {report.error}", err=True)
                continue
            typer.echo(f"{report.path}: {report.format}, {report.rows_read:,} read, {report.rows_added:,} added, "
                       f"{report.duplicates:,} duplicate, {report.rejected:,} rejected")
            if used:
                typer.echo(f"  mapping: {mapping_text(used)}")
            for warning in report.warnings:
                typer.echo(f"  warning: {warning}")
    if any(r.error for r in reports):
        raise typer.Exit(1)
