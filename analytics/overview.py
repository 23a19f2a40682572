"""The Overview: one account's daily mention volume, mean sentiment and followers, with its events.

This is the first picture a user sees after importing: did something happen, when, and did it pass. Sentiment is
``analytics.aggregates.daily_sentiment`` for the workspace's active profile: the daily mean compound with its 95%
bootstrap interval, corrections applied, non-English mentions left out and counted, low-volume days flagged.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb
import pandas as pd

from analytics import aggregates, sentiment
from analytics.errors import ReboundError
from analytics.followers import follower_curve, net_change
from analytics.queries import fetch_df


def accounts(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Every account in the workspace with its mention and post counts, own accounts first."""
    return fetch_df(con, "accounts_list")


SENTIMENT_COLUMNS = ["scored", "unscored_non_english", "mean_compound", "ci_low", "ci_high", "low_volume"]


def daily_overview(con: duckdb.DuckDBPyConnection, account: str, profile: str | None = None) -> pd.DataFrame:
    """One row per calendar day: ``day, mentions, own_posts, followers, net_followers`` and the sentiment columns
    ``scored, unscored_non_english, mean_compound, ci_low, ci_high, low_volume`` (NaN/0 on days without mentions).

    ``followers`` is the follower curve (known totals, gaps walked with the daily deltas; see
    ``analytics.followers``). ``profile=None`` uses the workspace's active profile. Raises ``ReboundError`` when the
    account has no data at all.
    """
    frame = fetch_df(con, "overview_daily", account=account)
    if frame.empty:
        raise ReboundError(f"There is no data for {account!r} yet; import its exports or mentions first.",
                           title="No data for this account")
    frame["day"] = pd.to_datetime(frame["day"])
    frame["net_followers"] = net_change(frame)
    frame["followers"] = follower_curve(frame)
    mood = aggregates.daily_sentiment(con, account=account, role="mention",
                                      profile=profile or sentiment.active_profile(con))
    mood = mood.rename(columns={"period": "day"})[["day", *SENTIMENT_COLUMNS]]
    mood["day"] = pd.to_datetime(mood["day"])
    frame = frame.merge(mood, on="day", how="left")
    frame["scored"] = frame["scored"].fillna(0).astype(int)
    frame["unscored_non_english"] = frame["unscored_non_english"].fillna(0).astype(int)
    frame["low_volume"] = frame["low_volume"].astype("boolean").fillna(False).astype(bool)
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
