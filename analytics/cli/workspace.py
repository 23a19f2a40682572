"""Workspace commands: build the demo workspace, show what a workspace holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from analytics import demo, store
from analytics.cli.app import DbOption, JsonOption, app, emit_json, open_store


@app.command("demo")
def demo_command(
    db: DbOption = None,
    exports: Annotated[Path, typer.Option(help="Folder of exports to build from.")] = demo.SAMPLE_EXPORTS,
    json_output: JsonOption = False,
) -> None:
    """Rebuild the demo workspace from sample_data/ (replaces the file at --db)."""
    target = db or store.default_db_path()
    con, reports = demo.build_demo(target, exports)
    counts = store.table_counts(con)
    con.close()
    if json_output:
        emit_json({"db": str(target), "files": [r.as_json() for r in reports], "tables": counts})
        return
    for report in reports:
        typer.echo(f"{Path(report.path).name}: {report.format}, {report.rows_added:,} added, "
                   f"{report.duplicates:,} duplicate, {report.rejected:,} rejected")
    typer.echo(f"Demo workspace ready at {target}: {counts['posts']:,} posts, {counts['events']} events.")


@app.command("status")
def status_command(db: DbOption = None, json_output: JsonOption = False) -> None:
    """Show which workspace is open and how many rows each table holds."""
    con = open_store(db)
    counts = store.table_counts(con)
    target = str(db or store.default_db_path())
    if json_output:
        emit_json({"db": target, "schema_version": store.schema_version(con), "tables": counts})
        return
    typer.echo(f"Workspace {target} (schema {store.schema_version(con)})")
    for name, count in counts.items():
        typer.echo(f"  {name:<20} {count:>10,}")
