"""``python -m analytics impact``: before/after, counterfactual and recovery card of one event, headless."""

from __future__ import annotations

from typing import Annotated

import typer

from analytics import impact
from analytics.cli.app import DbOption, JsonOption, app, emit_json, open_store


@app.command("impact")
def impact_command(
    event: Annotated[int, typer.Option("--event", help="Event id (see `events list`).")],
    pre_days: Annotated[int, typer.Option("--pre-days", help="Days before the event day.")] = impact.PRE_DAYS,
    post_days: Annotated[int, typer.Option("--post-days", help="Days after the event day.")] = impact.POST_DAYS,
    allow_overlap: Annotated[bool, typer.Option("--allow-overlap",
                                                help="Accept other events inside the windows.")] = False,
    control: Annotated[str | None, typer.Option(help="A control account (e.g. a competitor) for the "
                                                     "counterfactual.")] = None,
    account: Annotated[str | None, typer.Option(help="Account to analyse when the event has none.")] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Measure an event: before/after per metric, the counterfactual effect, and (incidents) the recovery card."""
    result = impact.analyse_event(open_store(db), event, pre_days=pre_days, post_days=post_days,
                                  allow_overlap=allow_overlap, control=control, account=account)
    if json_output:
        emit_json(result.as_json())
        return
    e = result.event
    typer.echo(f"#{e.event_id} {e.kind} “{e.label}” on {result.windows.event_day} ({result.account})")
    typer.echo(f"pre {result.windows.pre[0]} – {result.windows.pre[1]}, post {result.windows.post[0]} – "
               f"{result.windows.post[1]}")
    for name, change in result.metrics.items():
        if change.delta is None:
            typer.echo(f"  {name:<16} not enough data")
            continue
        typer.echo(f"  {name:<16} {change.pre_mean:10.4f} → {change.post_mean:10.4f}  Δ {change.delta:+.4f} "
                   f"[{change.ci95[0]:+.4f}, {change.ci95[1]:+.4f}]  p={change.p_value:.3f}")
    if result.counterfactual:
        typer.echo(result.counterfactual.summary())
    if result.recovery:
        typer.echo(result.recovery.summary())
    for note in (result.counterfactual_note, result.recovery_note):
        if note:
            typer.echo(note)
