"""``python -m analytics events …``: the incidents, apologies, strategy changes and campaigns of a workspace."""

from __future__ import annotations

from typing import Annotated

import typer

from analytics import events
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
