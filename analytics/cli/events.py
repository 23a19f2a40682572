"""``python -m analytics events …``: the incidents, apologies, strategy changes and campaigns of a workspace."""

from __future__ import annotations

from typing import Annotated

import typer

from analytics import events, suggestions
from analytics.cli.app import DbOption, JsonOption, emit_json, events_app, open_store


@events_app.command("list")
def list_command(
    db: DbOption = None,
    account: Annotated[str | None, typer.Option(help="Only this account's events.")] = None,
    json_output: JsonOption = False,
) -> None:
    """List events, oldest first."""
    found = events.list_events(open_store(db), account=account)
    if json_output:
        emit_json({"events": [e.as_json() for e in found]})
        return
    if not found:
        typer.echo("No events yet.")
    for event in found:
        typer.echo(f"{event.event_id:>4}  {event.occurred_at:%Y-%m-%d %H:%M}  {event.kind:<16} "
                   f"{event.account or '-':<16} {event.label}")


@events_app.command("add")
def add_command(
    kind: Annotated[str, typer.Option("--kind", help="incident, apology, strategy_change or campaign.")],
    at: Annotated[str, typer.Option("--at", help="When, ISO 8601 (2026-06-12T07:40Z; a bare date means noon UTC).")],
    label: Annotated[str, typer.Option("--label", help="A few words saying what happened.")],
    account: Annotated[str | None, typer.Option(help="The account it concerns.")] = None,
    notes: Annotated[str | None, typer.Option(help="Free notes.")] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Add an event."""
    con = open_store(db)
    event_id = events.add_event(con, kind, events.parse_when(at), label, account=account, notes=notes)
    added = events.get_event(con, event_id)
    if json_output:
        emit_json({"event": added.as_json()})
        return
    typer.echo(f"Added event #{event_id}: {added.kind} “{added.label}” at {added.occurred_at:%Y-%m-%d %H:%M}Z.")


@events_app.command("delete")
def delete_command(
    event_id: Annotated[int, typer.Argument(help="The event's id (see `events list`).")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Delete an event."""
    gone = events.delete_event(open_store(db), event_id)
    if json_output:
        emit_json({"deleted": gone.as_json()})
        return
    typer.echo(f"Deleted event #{gone.event_id}: {gone.kind} “{gone.label}”.")


@events_app.command("suggest")
def suggest_command(
    account: Annotated[str | None, typer.Option(help="Only this account.")] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Suggest incidents, apologies and shifts from the data, each with its evidence."""
    found = suggestions.suggest(open_store(db), account=account)
    if json_output:
        emit_json(found.as_json())
        return
    if not found.suggestions:
        typer.echo("No suggestions.")
    for s in found.suggestions:
        typer.echo(f"{s.day}  {s.kind:<16} {s.account:<16} {s.evidence}")
    for note in found.notes:
        typer.echo(f"note: {note}")
