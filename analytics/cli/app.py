"""The shared Typer app, its common options, and the error boundary every command runs inside."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import duckdb
import typer

from analytics import store
from analytics.errors import ReboundError

app = typer.Typer(
    name="rebound",
    help="Rebound: did the brand recover, how fast, and what did the apology change?",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
events_app = typer.Typer(help="List, add and delete incidents, apologies, strategy changes and campaigns.",
                         no_args_is_help=True)
app.add_typer(events_app, name="events")

DbOption = Annotated[
    Path | None,
    typer.Option("--db", help="Workspace file (default: $REBOUND_DB or data/rebound.duckdb).", show_default=False),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


def open_store(db: Path | None) -> duckdb.DuckDBPyConnection:
    """Open the workspace a command was pointed at (``--db``, else ``$REBOUND_DB``, else the default)."""
    return store.connect(db)


def emit_json(document: Any) -> None:
    """Write one JSON document to stdout (dates and other values via ``str``)."""
    sys.stdout.write(json.dumps(document, default=str, ensure_ascii=False, indent=2) + "\n")


def fail(message: str) -> None:
    """End the command with one line on stderr and exit code 1."""
    typer.echo(message, err=True)
    raise typer.Exit(1)


def main() -> None:
    """Run the CLI; a ``ReboundError`` becomes one line on stderr and exit code 1."""
    try:
        app(standalone_mode=True)
    except ReboundError as exc:
        typer.echo(exc.one_line(), err=True)
        sys.exit(1)
