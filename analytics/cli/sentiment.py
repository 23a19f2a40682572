"""Sentiment commands: score pending texts, correct a mention's label, get or set the workspace's profile."""

from __future__ import annotations

from typing import Annotated

import typer
from tqdm import tqdm

from analytics import corrections, sentiment
from analytics.cli.app import DbOption, JsonOption, app, emit_json, open_store

ProfileOption = Annotated[
    str | None,
    typer.Option("--profile", help=f"Sentiment profile ({', '.join(sentiment.PROFILES)}); default: the workspace's."),
]


@app.command("score")
def score_command(profile: ProfileOption = None, db: DbOption = None, json_output: JsonOption = False) -> None:
    """Score every stored text that has no cached score for the profile (a second run scores nothing new)."""
    con = open_store(db)
    chosen = sentiment.check_profile(profile or sentiment.active_profile(con))
    with tqdm(total=0, unit="text", desc=f"Scoring ({chosen})", disable=None, file=None) as bar:
        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.update(done - bar.n)

        scored = sentiment.score_pending(con, chosen, progress=progress)
    if json_output:
        emit_json({"profile": chosen, "model_version": sentiment.model_version(chosen), "scored": scored})
        return
    typer.echo(f"Scored {scored:,} new texts with the {chosen} profile." if scored
               else f"Nothing new to score with the {chosen} profile.")


@app.command("correct")
def correct_command(
    platform: Annotated[str, typer.Argument(help="Platform of the post (x, facebook, …), as listed.")],
    post_id: Annotated[str, typer.Argument(help="The post's id, exactly as listed (ids are text).")],
    label: Annotated[str, typer.Argument(help="positive, neutral or negative.")],
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Correct the sentiment label of one post; aggregates and charts use it from now on."""
    con = open_store(db)
    stored = corrections.correct(con, platform, post_id, label)
    if json_output:
        emit_json({"platform": platform, "post_id": post_id, "label": stored})
        return
    typer.echo(f"{platform} {post_id} is now {stored}.")


@app.command("profile")
def profile_command(
    new_profile: Annotated[str | None, typer.Argument(help="Profile to make active; omit to show the current one.",
                                                      show_default=False)] = None,
    db: DbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Show or set the workspace's sentiment profile (then run `score` to score with it)."""
    con = open_store(db)
    current = sentiment.set_active_profile(con, new_profile) if new_profile else sentiment.active_profile(con)
    if json_output:
        emit_json({"profile": current, "description": sentiment.PROFILE_DESCRIPTIONS[current],
                   "profiles": list(sentiment.PROFILES)})
        return
    typer.echo(f"{current}: {sentiment.PROFILE_DESCRIPTIONS[current]}")
