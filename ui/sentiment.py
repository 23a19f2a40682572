"""Cached sentiment data for the pages (keyed on the workspace's data version), and the two writes they make.

Pages call these and nothing below them: aggregates, the day's mentions table, the chart, the profile setting,
corrections, and scoring with an ``st.progress`` bar.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import aggregates, corrections, sentiment
from analytics.charts.sentiment import daily_sentiment_figure
from analytics.queries import fetch_df
from ui.state import bump, connection


def active_profile() -> str:
    """The workspace's sentiment profile (read fresh: it is one tiny query and must reflect a change at once)."""
    return sentiment.active_profile(connection())


def set_profile(profile: str) -> None:
    """Make ``profile`` the workspace's, score what it has not scored yet (with a progress bar), forget caches."""
    sentiment.set_active_profile(connection(), profile)
    score_with_progress(profile)
    bump()


def score_with_progress(profile: str | None = None) -> int:
    """``score_pending`` with an ``st.progress`` bar; returns how many texts were scored."""
    bar = st.progress(0.0, text="Scoring mentions…")

    def progress(done: int, total: int) -> None:
        bar.progress(done / total if total else 1.0, text=f"Scoring mentions… {done:,} of {total:,}")

    scored = sentiment.score_pending(connection(), profile, progress=progress)
    bar.empty()
    return scored


@st.cache_data(show_spinner=False)
def mention_accounts(version: str) -> pd.DataFrame:
    """Accounts with mentions, busiest first (account, mentions, first_day, last_day)."""
    return fetch_df(connection(), "sentiment_mention_accounts")


@st.cache_data(show_spinner="Computing daily sentiment…")
def daily(account: str, profile: str, freq: str, net_formula: str, include_non_english: bool,
          version: str) -> pd.DataFrame:
    return aggregates.daily_sentiment(connection(), account=account, freq=freq, profile=profile,
                                      net_formula=net_formula, include_non_english=include_non_english)


def daily_figure(account: str, profile: str, freq: str, net_formula: str, include_non_english: bool, metric: str,
                 version: str) -> go.Figure:
    frame = daily(account, profile, freq, net_formula, include_non_english, version)
    return daily_sentiment_figure(frame, profile, account, metric=metric, net_formula=net_formula, freq=freq)


@st.cache_data(show_spinner=False)
def mentions_of_day(account: str, day: dt.date, profile: str, limit: int, include_non_english: bool,
                    version: str) -> pd.DataFrame:
    return corrections.mentions_of_day(connection(), account, day, profile, limit=limit,
                                       include_non_english=include_non_english)


def correct(platform: str, post_id: str, label: str) -> str:
    """Store a correction and forget cached frames so every chart uses it at once."""
    stored = corrections.correct(connection(), platform, post_id, label)
    bump()
    return stored


def save_label_edits(shown: pd.DataFrame, edited: pd.DataFrame) -> int:
    """Store a correction for every row whose ``label`` the user changed in the data editor; return how many."""
    changed = edited[edited["label"] != shown["label"]]
    for row in changed.itertuples():
        corrections.correct(connection(), row.platform, row.post_id, row.label)
    if len(changed):
        bump()
    return len(changed)
