"""Cached data for the Overview page (keyed on the workspace's data version)."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import events, overview
from analytics.charts.timeline import overview_timeline
from ui.state import connection


@st.cache_data(show_spinner=False)
def accounts(version: str) -> pd.DataFrame:
    return overview.accounts(connection())


@st.cache_data(show_spinner=False)
def daily(account: str, profile: str, version: str) -> pd.DataFrame:
    return overview.daily_overview(connection(), account, profile)


@st.cache_data(show_spinner=False)
def account_events(account: str, version: str) -> pd.DataFrame:
    return events.events_frame(connection(), account)


def timeline(account: str, profile: str, version: str) -> go.Figure:
    return overview_timeline(daily(account, profile, version), account_events(account, version), account, profile)


@st.cache_data(show_spinner=False)
def summary(account: str, profile: str, version: str) -> overview.OverviewSummary:
    return overview.summarise(daily(account, profile, version))


def clicked_day(state: object) -> dt.date | None:
    """The day of the first point a user clicked on the timeline (the state ``st.plotly_chart(on_select="rerun")``
    returns), or None when nothing is selected."""
    points = state.selection.points if state is not None else []
    return pd.Timestamp(points[0]["x"]).date() if points else None
