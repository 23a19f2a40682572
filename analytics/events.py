"""Events: the incidents, apologies, strategy changes and campaigns every analysis is measured around.

An event has a kind (``incident``, ``apology``, ``strategy_change``, ``campaign``), a moment (``occurred_at``, UTC), a
short label, optional notes and account, and a source (``manual``, ``suggested`` or ``imported``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import EVENT_KINDS
from analytics.queries import fetch_df, sql


@dataclass(frozen=True)
class Event:
    event_id: int
    account: str | None
    kind: str
    occurred_at: datetime
    label: str
    notes: str | None
    source: str

    def as_json(self) -> dict:
        return {"event_id": self.event_id, "account": self.account, "kind": self.kind,
                "occurred_at": self.occurred_at.isoformat(), "label": self.label, "notes": self.notes,
                "source": self.source}


def list_events(con: duckdb.DuckDBPyConnection, account: str | None = None) -> list[Event]:
    """Every event (of one account, or all), oldest first."""
    frame = fetch_df(con, "events_list", account=account)
    return [_event(row) for row in frame.itertuples(index=False)]


def events_frame(con: duckdb.DuckDBPyConnection, account: str | None = None) -> pd.DataFrame:
    """The events as a DataFrame, for charts."""
    return fetch_df(con, "events_list", account=account)


def add_event(con: duckdb.DuckDBPyConnection, kind: str, occurred_at: datetime, label: str,
              account: str | None = None, notes: str | None = None, source: str = "manual") -> int:
    """Add an event and return its id; refuse unknown kinds and empty labels with a fix-it message."""
    if kind not in EVENT_KINDS:
        raise ReboundError(f"Unknown event kind {kind!r}; use one of {', '.join(EVENT_KINDS)}.", title="Invalid event")
    if not label or not label.strip():
        raise ReboundError("An event needs a label (a few words saying what happened).", title="Invalid event")
    if occurred_at.tzinfo is None:
        raise ReboundError("The event time needs a time zone (for example 2026-06-12T08:00:00Z).",
                           title="Invalid event")
    cur = con.cursor()
    try:
        return int(cur.execute(sql("event_insert"), {
            "account": account, "kind": kind, "occurred_at": occurred_at, "label": label.strip(),
            "notes": notes, "source": source}).fetchone()[0])
    finally:
        cur.close()


def _event(row) -> Event:
    occurred = pd.Timestamp(row.occurred_at).tz_convert("UTC").to_pydatetime()
    return Event(event_id=int(row.event_id), account=row.account, kind=row.kind, occurred_at=occurred,
                 label=row.label, notes=None if pd.isna(row.notes) else row.notes, source=row.source)
