"""The DuckDB store: where it lives, how its schema is brought up to date, and how writes stay atomic.

One workspace is one DuckDB file (default ``data/rebound.duckdb``; ``REBOUND_DB`` or ``--db`` choose another).
Schema changes are numbered SQL files in ``analytics/sql/migrations``; ``connect`` applies the ones a file has not
seen yet, each in its own transaction, and records them in ``schema_migrations``. Callers that write use
``transaction(con)`` so an import (or any multi-statement change) lands whole or not at all.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

import duckdb

from analytics.errors import ReboundError
from analytics.queries import sql

DEFAULT_DB_PATH = Path("data") / "rebound.duckdb"
DB_ENV_VAR = "REBOUND_DB"
MIGRATION_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


def default_db_path() -> Path:
    """The workspace file to open when nobody said which: ``$REBOUND_DB`` or ``data/rebound.duckdb``."""
    return Path(os.environ.get(DB_ENV_VAR) or DEFAULT_DB_PATH)


def migrations() -> list[tuple[int, str, str]]:
    """Every migration shipped with the package, as (version, file name, SQL), in order."""
    found = []
    for entry in resources.files("analytics.sql").joinpath("migrations").iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    versions = [version for version, _, _ in found]
    if len(versions) != len(set(versions)):
        raise RuntimeError(f"two migrations share a number: {versions}")
    return found


def connect(path: str | Path | None = None, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) a workspace and bring its schema up to date.

    ``path`` may be ``":memory:"`` for tests. The time zone is pinned to UTC for every session on this database so
    that every ``::date`` cast and ``date_trunc`` buckets days the same way whatever the machine's zone is.
    """
    target = str(default_db_path() if path is None else path)
    if target != ":memory:":
        Path(target).parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(target, read_only=read_only)
    except duckdb.IOException as exc:
        raise ReboundError(
            f"Could not open the workspace {target}: {str(exc).splitlines()[0]}",
            title="Workspace unavailable",
        ) from exc
    except duckdb.Error as exc:
        raise ReboundError(
            f"{target} is not a Rebound workspace (a DuckDB file): {str(exc).splitlines()[0]}",
            title="Workspace unavailable",
        ) from exc
    con.execute("set global TimeZone = 'UTC'")  # global, so cursors (new sessions) inherit it
    if not read_only:
        migrate(con)
    return con


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this workspace (0 for a new file)."""
    con.execute("create table if not exists schema_migrations (version integer primary key, name varchar not null,"
                " applied_at timestamptz not null default current_timestamp)")
    row = con.execute("select coalesce(max(version), 0) from schema_migrations").fetchone()
    return int(row[0])


def migrate(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply every migration this workspace has not recorded, in number order, each atomically; return their names.

    Gaps are filled too: a workspace created while migrations 020–022 existed still gets a later-added 010, because
    what counts is whether a version was applied, not whether it is below the highest one.
    """
    schema_version(con)  # creates schema_migrations on a new file
    done = {row[0] for row in con.execute("select version from schema_migrations").fetchall()}
    applied = []
    for version, name, script in migrations():
        if version in done:
            continue
        with transaction(con):
            con.execute(script)
            con.execute("insert into schema_migrations (version, name) values ($version, $name)",
                        {"version": version, "name": name})
        applied.append(name)
    return applied


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run the block in one transaction: commit if it finishes, roll back if anything raises."""
    con.execute("begin transaction")
    committed = False
    try:
        yield con
        con.execute("commit")
        committed = True
    finally:
        if not committed:
            con.execute("rollback")


def table_counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the canonical tables: what the sidebar shows and what tests compare before/after."""
    cur = con.cursor()
    try:
        result = cur.execute(sql("table_counts"))
        names = [column[0] for column in result.description]
        return dict(zip(names, (int(v) for v in result.fetchone()), strict=True))
    finally:
        cur.close()
