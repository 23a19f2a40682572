"""User corrections of sentiment labels, and the table of a day's mentions they are made from.

Users distrust sentiment they cannot fix. A correction stores the label a person chose for one post
(``sentiment_override``, one row per post, the latest wins). It is keyed by the post, not by its text or score, so it
survives re-scoring, a profile switch and a new model version; ``analytics.aggregates`` applies it everywhere
(see its docstring for how a corrected mention counts in the mean).
"""

from __future__ import annotations

import datetime as dt

import duckdb
import pandas as pd

from analytics.aggregates import LABELS, scored_posts_params
from analytics.errors import ReboundError
from analytics.queries import fetch_df, fetch_rows, sql
from analytics.store import transaction

DEFAULT_EXTREMES = 10  # mentions shown at each end (most negative, most positive) of a day's table


def check_label(label: str) -> str:
    """Return the label lower-cased if it is one of ``LABELS``, else raise a ``ReboundError``."""
    value = str(label).strip().lower()
    if value not in LABELS:
        raise ReboundError(f"Unknown sentiment label {label!r}; use one of {', '.join(LABELS)}.",
                           title="Unknown label")
    return value


def correct(con: duckdb.DuckDBPyConnection, platform: str, post_id: str, label: str) -> str:
    """Store ``label`` as the sentiment of post (platform, post_id); return the stored label.

    Raises a ``ReboundError`` if the workspace has no such post (ids are strings: pass them exactly as shown).
    """
    value = check_label(label)
    if not fetch_rows(con, "correction_post_exists", platform=platform, post_id=str(post_id)):
        raise ReboundError(f"No post {post_id!r} on {platform!r} in this workspace; copy the platform and id from "
                           "the Mentions table or `python -m analytics` output.", title="Post not found")
    cur = con.cursor()
    try:
        with transaction(cur):
            cur.execute(sql("correction_upsert"), {"platform": platform, "post_id": str(post_id), "label": value})
    finally:
        cur.close()
    return value


def remove_correction(con: duckdb.DuckDBPyConnection, platform: str, post_id: str) -> bool:
    """Forget the correction of one post (the model's label applies again); return whether there was one."""
    rows = fetch_rows(con, "correction_delete", platform=platform, post_id=str(post_id))
    return bool(rows)


def corrections(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every stored correction: platform, post_id, label, corrected_at."""
    return fetch_df(con, "correction_list")


def mentions_of_day(con: duckdb.DuckDBPyConnection, account: str, day: dt.date | str, profile: str | None = None,
                    limit: int = DEFAULT_EXTREMES, include_non_english: bool = False,
                    role: str = "mention") -> pd.DataFrame:
    """The ``limit`` most negative and ``limit`` most positive mentions of ``account`` on ``day`` (UTC).

    Columns: platform, post_id, created_at, author, text, lang, compound (the model's), model_label,
    corrected_label (None when not corrected), label (the one aggregates use), counts (whether it is in the day's
    sentiment). Most negative first. Unscored texts are not listed: run scoring first.
    """
    params = scored_posts_params(con, role, account, profile, include_non_english)
    day_value = pd.Timestamp(day).date()
    return fetch_df(con, "correction_mentions_of_day", day=day_value, limit=int(limit), **params)
