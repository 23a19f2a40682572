"""Events: the incidents, apologies, strategy changes and campaigns every analysis is measured around.

An event has a kind (``incident``, ``apology``, ``strategy_change``, ``campaign``), a moment (``occurred_at``, UTC), a
short label, optional notes and account, and a source (``manual``, ``suggested`` or ``imported``).

Events are added, edited and deleted by hand (app or CLI), imported from an events CSV, or accepted from
``analytics.suggestions`` in one click (``accept_suggestion``), which keeps the evidence as the event's notes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time

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
    _check(kind, label, occurred_at)
    cur = con.cursor()
    try:
        return int(cur.execute(sql("event_insert"), {
            "account": account, "kind": kind, "occurred_at": occurred_at, "label": label.strip(),
            "notes": notes, "source": source}).fetchone()[0])
    finally:
        cur.close()


def get_event(con: duckdb.DuckDBPyConnection, event_id: int) -> Event:
    """One event by id, or a ``ReboundError`` that says how to find the right id."""
    frame = fetch_df(con, "event_get", event_id=int(event_id))
    if frame.empty:
        raise ReboundError(f"There is no event #{event_id}; `python -m analytics events list` shows the ids.",
                           title="Unknown event")
    return _event(next(frame.itertuples(index=False)))


def update_event(con: duckdb.DuckDBPyConnection, event_id: int, *, kind: str | None = None,
                 occurred_at: datetime | None = None, label: str | None = None, account: str | None = None,
                 notes: str | None = None) -> Event:
    """Change the given fields of an event (``None`` keeps a field as it is) and return the updated event."""
    current = get_event(con, event_id)
    kind = kind if kind is not None else current.kind
    label = label if label is not None else current.label
    occurred_at = occurred_at if occurred_at is not None else current.occurred_at
    _check(kind, label, occurred_at)
    cur = con.cursor()
    try:
        cur.execute(sql("event_update"), {
            "event_id": int(event_id), "kind": kind, "occurred_at": occurred_at, "label": label.strip(),
            "account": account if account is not None else current.account,
            "notes": notes if notes is not None else current.notes}).fetchall()
    finally:
        cur.close()
    return get_event(con, event_id)


def delete_event(con: duckdb.DuckDBPyConnection, event_id: int) -> Event:
    """Delete an event and return what it was (so the caller can say what went)."""
    gone = get_event(con, event_id)
    cur = con.cursor()
    try:
        cur.execute(sql("event_delete"), {"event_id": int(event_id)}).fetchall()
    finally:
        cur.close()
    return gone


def accept_suggestion(con: duckdb.DuckDBPyConnection, suggestion, at: datetime | None = None) -> int:
    """Record a suggestion (``analytics.suggestions.Suggestion``) as an event with source ``suggested``.

    The event is placed at noon UTC of the suggested day unless ``at`` says otherwise: a suggestion knows the day,
    not the minute. Its evidence becomes the event's notes so the reason stays with it.
    """
    when = at or datetime.combine(suggestion.day, time(12, 0), tzinfo=UTC)
    return add_event(con, suggestion.kind, when, suggestion.label, account=suggestion.account,
                     notes=suggestion.evidence, source="suggested")


def _check(kind: str, label: str, occurred_at: datetime) -> None:
    if kind not in EVENT_KINDS:
        raise ReboundError(f"Unknown event kind {kind!r}; use one of {', '.join(EVENT_KINDS)}.", title="Invalid event")
    if not label or not label.strip():
        raise ReboundError("An event needs a label (a few words saying what happened).", title="Invalid event")
    if occurred_at.tzinfo is None:
        raise ReboundError("The event time needs a time zone (for example 2026-06-12T08:00:00Z).",
                           title="Invalid event")


def parse_when(text: str) -> datetime:
    """An ISO 8601 date or date-time from the command line or a form; a bare date means 12:00 UTC."""
    try:
        value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError as exc:
        raise ReboundError(f"{text!r} is not an ISO date or time; write it like 2026-06-12 or 2026-06-12T07:40Z.",
                           title="Invalid event") from exc
    if len(text.strip()) == 10:
        value = value.replace(hour=12)
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _event(row) -> Event:
    occurred = pd.Timestamp(row.occurred_at).tz_convert("UTC").to_pydatetime()
    return Event(event_id=int(row.event_id), account=row.account, kind=row.kind, occurred_at=occurred,
                 label=row.label, notes=None if pd.isna(row.notes) else row.notes, source=row.source)
