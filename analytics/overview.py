"""The Overview: one account's daily mention volume, mean sentiment and followers, with its events.

This is the first picture a user sees after importing: did something happen, when, and did it pass. The sentiment is
the plain daily mean of VADER compound over the day's scored mentions (the sentiment engine's intervals and profiles
build on it in ``analytics.aggregates``).
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics import sentiment
from analytics.errors import ReboundError
from analytics.followers import follower_curve, net_change
from analytics.queries import fetch_df


def accounts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every account in the workspace with its mention and post counts, own accounts first."""
    return fetch_df(con, "accounts_list")


def daily_overview(con: duckdb.DuckDBPyConnection, account: str, profile: str | None = None) -> pd.DataFrame:
    """One row per calendar day: ``day, mentions, scored, mean_compound, own_posts, followers, net_followers, …``.

    ``followers`` is the follower curve (known totals, gaps walked with the daily deltas; see
    ``analytics.followers``). Raises ``ReboundError`` when the account has no data at all.
    """
    frame = fetch_df(con, "overview_daily", account=account, profile=profile or sentiment.DEFAULT_PROFILE,
                     model_version=sentiment.MODEL_VERSION)
    if frame.empty:
        raise ReboundError(f"There is no data for {account!r} yet; import its exports or mentions first.",
                           title="No data for this account")
    frame["day"] = pd.to_datetime(frame["day"])
    frame["net_followers"] = net_change(frame)
    frame["followers"] = follower_curve(frame)
    return frame


@dataclass(frozen=True)
class OverviewSummary:
    """The headline numbers above the timeline."""

    first_day: pd.Timestamp
    last_day: pd.Timestamp
    days: int
    mentions: int
    mean_compound: float | None
    followers_latest: float | None
    followers_change: float | None


def summarise(daily: pd.DataFrame) -> OverviewSummary:
    """Headline numbers for a ``daily_overview`` frame (mean sentiment weighted by scored mentions per day)."""
    scored = daily["scored"].sum()
    weighted = (daily["mean_compound"].fillna(0) * daily["scored"]).sum() / scored if scored else None
    followers = daily["followers"].dropna()
    return OverviewSummary(
        first_day=daily["day"].min(), last_day=daily["day"].max(), days=len(daily),
        mentions=int(daily["mentions"].sum()), mean_compound=None if weighted is None else float(weighted),
        followers_latest=float(followers.iloc[-1]) if len(followers) else None,
        followers_change=float(followers.iloc[-1] - followers.iloc[0]) if len(followers) > 1 else None,
    )
