"""The open workspace: which DuckDB file, one cached connection per file, and a data version for cache keys.

Streamlit reruns pages on many threads. Following DuckDB's threading guide we cache one connection per workspace
(``st.cache_resource``) and give every query its own cursor (``analytics.queries`` does). Cached frames are keyed on
``data_version``, which changes whenever an import, event or correction changes the store.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

from analytics import store
from analytics.queries import fetch_rows


def db_path() -> Path:
    """The workspace this app serves (``$REBOUND_DB`` or ``data/rebound.duckdb``), resolved to an absolute path."""
    return store.default_db_path().resolve()


@st.cache_resource(show_spinner=False)
def _connection(path: str) -> duckdb.DuckDBPyConnection:
    return store.connect(path)


def connection() -> duckdb.DuckDBPyConnection:
    """The shared connection to the open workspace; call ``.cursor()`` (or ``analytics.queries``) per query."""
    return _connection(str(db_path()))


def data_version() -> str:
    """A token that changes whenever the store's content changes; pass it to cached functions as an argument."""
    return ":".join(str(v) for v in fetch_rows(connection(), "data_version")[0])


def bump() -> None:
    """Forget cached frames after this session changed the store (an import, an event, a correction)."""
    st.cache_data.clear()
