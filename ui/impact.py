"""Cached wrappers for the events and recovery pages (keyed on the store's data version)."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from analytics import events, impact, recovery, suggestions
from analytics.series import accounts
from ui.state import connection


@st.cache_data(show_spinner="Measuring the event…")
def event_impact(version: str, event_id: int, pre_days: int, post_days: int, allow_overlap: bool,
                 control: str | None) -> impact.EventImpact:
    return impact.analyse_event(connection(), event_id, pre_days=pre_days, post_days=post_days,
                                allow_overlap=allow_overlap, control=control)


@st.cache_data(show_spinner="Reading the recovery…")
def incident_recovery(version: str, event_id: int) -> recovery.RecoveryCard:
    return impact.incident_recovery(connection(), event_id)


@st.cache_data(show_spinner="Looking for incidents, apologies and shifts…")
def event_suggestions(version: str, account: str | None) -> suggestions.SuggestionList:
    return suggestions.suggest(connection(), account=account)


@st.cache_data(show_spinner=False)
def event_list(version: str) -> list[events.Event]:
    return events.list_events(connection())


@st.cache_data(show_spinner=False)
def events_table(version: str) -> pd.DataFrame:
    return events.events_frame(connection())


@st.cache_data(show_spinner=False)
def account_list(version: str) -> list[str]:
    return accounts(connection())
