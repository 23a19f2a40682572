"""Run the named SQL files in ``analytics/sql`` with bound parameters.

Queries live in files named for what they return (``daily_overview.sql``) and take values only as ``$name``
parameters, never by string formatting. Each call uses its own cursor so Streamlit's threads can share one connection
(DuckDB's threading guide), and every result is consumed before returning.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import duckdb
import pandas as pd


@cache
def sql(name: str) -> str:
    """The text of ``analytics/sql/<name>.sql``."""
    return resources.files("analytics.sql").joinpath(f"{name}.sql").read_text(encoding="utf-8")


def fetch_df(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> pd.DataFrame:
    """Run a named query and return its rows as a DataFrame."""
    cur = con.cursor()
    try:
        return cur.execute(sql(name), params or None).df()
    finally:
        cur.close()


def fetch_rows(con: duckdb.DuckDBPyConnection, name: str, **params: Any) -> list[tuple]:
    """Run a named query and return its rows as tuples."""
    cur = con.cursor()
    try:
        return cur.execute(sql(name), params or None).fetchall()
    finally:
        cur.close()
