"""The daily metric frame every event analysis reads: one row per calendar day for one account.

Before/after, the counterfactual, the recovery card and the suggestions all work on the same table so that a number
on the recovery page and the same number in the CLI's JSON can never disagree. Days are UTC calendar days (the store
pins the session zone to UTC). The calendar is contiguous from the account's first to its last day of data: a day
without mentions is a row with ``mentions = 0`` and no sentiment (``NaN``), never a missing row, because gaps matter
to rolling windows and to "how many days until".

Columns (see ``METRICS`` for which ones the analyses compare):

* ``mentions`` — posts that mention the account that day; ``negative_mentions`` of the scored ones are negative.
* ``mean_compound`` — mean compound score of the day's scored mentions (−1 … +1).
* ``net_sentiment`` — (positive − negative) ÷ (positive + negative) mentions (the "balance" formula, −1 … +1).
* ``negative_share`` — share of scored mentions labelled negative (0 … 1).
* ``engagement_rate`` — engagements ÷ impressions of the account's own content that day (from ``account_daily``).
* ``net_followers`` — new follows − unfollows when the export gives them, else the day-on-day change of the curve.
* ``followers`` — the follower curve of ``analytics.followers`` (known totals, gaps walked with daily deltas).

Labels, thresholds, corrections and the language rule are ``analytics.aggregates``' (one definition app-wide).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from analytics.aggregates import daily_sentiment
from analytics.errors import ReboundError
from analytics.followers import follower_curve, net_change
from analytics.queries import fetch_df


@dataclass(frozen=True)
class MetricSpec:
    """A metric the analyses compare: its column, a human name, its unit, and which direction is good news."""

    column: str
    label: str
    unit: str
    higher_is_better: bool | None  # None: neither direction is "good" (volume)


METRICS: dict[str, MetricSpec] = {
    "mean_compound": MetricSpec("mean_compound", "Mean sentiment (VADER compound)", "score", True),
    "net_sentiment": MetricSpec("net_sentiment", "Net sentiment (P−N)/(P+N)", "share", True),
    "negative_share": MetricSpec("negative_share", "Share of negative mentions", "share", False),
    "mention_volume": MetricSpec("mentions", "Mentions per day", "mentions", None),
    "engagement_rate": MetricSpec("engagement_rate", "Engagement rate (engagements ÷ impressions)", "share", True),
    "net_followers": MetricSpec("net_followers", "Net new followers per day", "followers", True),
}
"""The metrics of the before/after table, keyed by the names the JSON output uses."""

SENTIMENT_METRICS = ("mean_compound", "net_sentiment", "negative_share")
"""Metrics a recovery card or counterfactual can be computed on (the sentiment of mentions)."""

FRAME_COLUMNS = ["day", "mentions", "scored", "negative_mentions", "positive_mentions", "mean_compound",
                 "net_sentiment", "negative_share", "engagement_rate", "net_followers", "followers"]


def accounts(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Accounts with mentions or daily numbers, alphabetically."""
    return fetch_df(con, "series_accounts")["account"].tolist()


def daily_metrics(con: duckdb.DuckDBPyConnection, account: str, profile: str | None = None,
                  include_non_english: bool = False) -> pd.DataFrame:
    """The daily metric frame of ``account`` (see the module docstring); an empty frame if it has no data at all.

    Sentiment comes from ``analytics.aggregates.daily_sentiment`` (the same numbers as the overview page: the
    workspace's active profile, corrections applied, non-English mentions left out unless asked), follower counts
    from ``analytics.followers`` (known totals, gaps walked with the daily net change).
    """
    sentiment = daily_sentiment(con, account=account, profile=profile, include_non_english=include_non_english,
                                with_intervals=False)
    own = fetch_df(con, "series_account_daily", account=account)
    return build_frame(sentiment, own)


def build_frame(sentiment: pd.DataFrame, own: pd.DataFrame) -> pd.DataFrame:
    """Combine daily sentiment rows (``daily_sentiment``'s columns ``period, mentions, scored, positives,
    negatives, mean_compound, net_sentiment, neg_share``) and own daily numbers into the contiguous-calendar frame.

    Split from ``daily_metrics`` so tests and simulations can build a frame from plain DataFrames.
    """
    sentiment = sentiment.rename(columns={"period": "day"})
    days = pd.concat([pd.to_datetime(sentiment.get("day", pd.Series(dtype="datetime64[ns]"))),
                      pd.to_datetime(own.get("day", pd.Series(dtype="datetime64[ns]")))])
    if days.empty:
        return pd.DataFrame(columns=FRAME_COLUMNS)
    calendar = pd.DataFrame({"day": pd.date_range(days.min().normalize(), days.max().normalize(), freq="D")})
    frame = calendar.merge(_mention_part(sentiment), on="day", how="left").merge(_own_part(own), on="day",
                                                                                   how="left")
    for column in ("mentions", "scored", "negative_mentions", "positive_mentions"):
        frame[column] = frame[column].fillna(0).astype("int64")
    return frame[FRAME_COLUMNS]


def _mention_part(sentiment: pd.DataFrame) -> pd.DataFrame:
    columns = ["day", "mentions", "scored", "negative_mentions", "positive_mentions", "mean_compound",
               "net_sentiment", "negative_share"]
    if sentiment.empty:
        return pd.DataFrame({c: pd.Series(dtype="datetime64[ns]" if c == "day" else "float64") for c in columns})
    part = pd.DataFrame({"day": pd.to_datetime(sentiment["day"]).dt.tz_localize(None)
                         if getattr(pd.to_datetime(sentiment["day"]).dt, "tz", None) else
                         pd.to_datetime(sentiment["day"])})
    part["mentions"] = sentiment["mentions"].astype("int64").to_numpy()
    part["scored"] = sentiment["scored"].astype("int64").to_numpy()
    part["negative_mentions"] = sentiment["negatives"].astype("int64").to_numpy()
    part["positive_mentions"] = sentiment["positives"].astype("int64").to_numpy()
    part["mean_compound"] = sentiment["mean_compound"].astype("float64").to_numpy()
    part["net_sentiment"] = sentiment["net_sentiment"].astype("float64").to_numpy()
    part["negative_share"] = sentiment["neg_share"].astype("float64").to_numpy()
    part["day"] = part["day"].astype("datetime64[ns]")
    return part


def _own_part(own: pd.DataFrame) -> pd.DataFrame:
    if own.empty:
        return pd.DataFrame({"day": pd.Series(dtype="datetime64[ns]"), "engagement_rate": pd.Series(dtype="float64"),
                             "net_followers": pd.Series(dtype="float64"), "followers": pd.Series(dtype="float64")})
    own = own.assign(day=pd.to_datetime(own["day"]).astype("datetime64[ns]")).sort_values("day")
    calendar = pd.DataFrame({"day": pd.date_range(own["day"].min(), own["day"].max(), freq="D")})
    own = calendar.merge(own, on="day", how="left")
    part = pd.DataFrame({"day": own["day"].to_numpy()})
    impressions = pd.to_numeric(own["impressions"], errors="coerce").astype("float64")
    engagements = pd.to_numeric(own["engagements"], errors="coerce").astype("float64")
    part["engagement_rate"] = (engagements / impressions.where(impressions > 0)).to_numpy()
    curve = follower_curve(own.reset_index(drop=True))
    flows = net_change(own.reset_index(drop=True))
    # Without daily deltas, the day-on-day change of the follower curve is the daily net change.
    part["net_followers"] = flows.fillna(curve.diff()).to_numpy()
    part["followers"] = curve.to_numpy()
    return part


def metric_values(frame: pd.DataFrame, metric: str) -> pd.Series:
    """One metric of the frame as a float series indexed by day (``NaN`` where undefined)."""
    if metric not in METRICS:
        raise ReboundError(f"Unknown metric {metric!r}; use one of {', '.join(METRICS)}.", title="Unknown metric")
    column = METRICS[metric].column
    return pd.Series(frame[column].astype("float64").to_numpy(), index=pd.DatetimeIndex(frame["day"]), name=metric)


def data_range(frame: pd.DataFrame) -> tuple[date, date] | None:
    """First and last day of the frame, or ``None`` for an empty frame."""
    if frame.empty:
        return None
    return pd.Timestamp(frame["day"].min()).date(), pd.Timestamp(frame["day"].max()).date()
