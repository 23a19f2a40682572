"""``python -m analytics import``: read export files into the workspace, then score their new texts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from analytics import sentiment
from analytics.cli.app import DbOption, JsonOption, app, emit_json, open_store
from analytics.importers import ImportOptions, import_paths


def parse_mapping(value: str | None) -> dict[str, str] | None:
    """``text=Tweet,time=Created`` → ``{"text": "Tweet", "time": "Created"}``; bad syntax is a usage error."""
    if not value:
        return None
    mapping = {}
    for part in value.split(","):
        field, sep, column = part.partition("=")
        if not sep or not field.strip() or not column.strip():
            raise typer.BadParameter(f"{part!r} is not FIELD=COLUMN", param_hint="--map")
        mapping[field.strip().lower()] = column.strip()
    return mapping


@app.command("import")
def import_command(
    paths: Annotated[list[Path], typer.Argument(help="Export files (.csv, .xlsx, .js, .json, .zip, ...).")],
    db: DbOption = None,
    format: Annotated[str | None, typer.Option("--format", help="Reader to use instead of detecting it.")] = None,
    account: Annotated[str | None, typer.Option(help="The account the files are about or belong to.")] = None,
    zone: Annotated[str, typer.Option(help="Time zone for timestamps written without one.")] = "UTC",
    mapping: Annotated[str | None, typer.Option("--map", help="Column mapping for generic files: "
                                                "text=COL,time=COL,author=COL,id=COL,account=COL,...")] = None,
    json_output: JsonOption = False,
) -> None:
    """Import export files (each in its own transaction); exit 1 if any file was refused."""
    options = ImportOptions(account=account, assumed_zone=zone, mapping=parse_mapping(mapping))
    con = open_store(db)
    reports = import_paths(con, paths, options, format=format)
    scored = sentiment.score_pending(con) if any(r.rows_added for r in reports) else 0
    if json_output:
        emit_json({"files": [r.as_json() for r in reports], "scored": scored})
    else:
        for report in reports:
            if report.error:
                typer.echo(f"{report.path}: refused — {report.error}", err=True)
                continue
            typer.echo(f"{report.path}: {report.format}, {report.rows_read:,} read, {report.rows_added:,} added, "
                       f"{report.duplicates:,} duplicate, {report.rejected:,} rejected")
            for warning in report.warnings:
                typer.echo(f"  warning: {warning}")
    if any(r.error for r in reports):
        raise typer.Exit(1)
