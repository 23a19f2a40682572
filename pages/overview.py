"""Overview: one account's mentions, sentiment and followers on one timeline, with its events."""

import streamlit as st

from ui import overview
from ui.errors import nothing_to_show, user_errors
from ui.sentiment import active_profile
from ui.state import data_version

st.title("Overview")
version = data_version()
with user_errors():
    accounts = overview.accounts(version)
if accounts.empty:
    nothing_to_show("This workspace is empty. Import exports on the Import page, or run `make run` for the demo.")

labels = {row.handle: f"@{row.handle}" + (" (own)" if row.is_own else "") + f" · {row.mentions:,} mentions"
          for row in accounts.itertuples()}
account = st.selectbox("Account", list(labels), format_func=lambda handle: labels.get(handle, handle),
                       key="overview_account")
profile = active_profile()

with user_errors():
    summary = overview.summary(account, profile, version)
    figure = overview.timeline(account, profile, version)

cols = st.columns(4)
cols[0].metric("Days covered", f"{summary.days:,}",
               help=f"{summary.first_day:%d %b %Y} – {summary.last_day:%d %b %Y}")
cols[1].metric("Mentions", f"{summary.mentions:,}")
cols[2].metric("Mean sentiment", "—" if summary.mean_compound is None else f"{summary.mean_compound:+.3f}",
               help="Mean VADER compound of all scored mentions (−1 very negative … +1 very positive).")
cols[3].metric("Followers (latest)", "—" if summary.followers_latest is None else f"{summary.followers_latest:,.0f}",
               delta=None if summary.followers_change is None else f"{summary.followers_change:+,.0f} over the period")
clicked = st.plotly_chart(figure, key="overview_timeline", on_select="rerun", selection_mode="points")
day = overview.clicked_day(clicked)
if day is not None:
    st.session_state["clicked_day"] = day
    if st.button(f"Add an event on {day:%d %b %Y}", key="overview_add_event", icon=":material/add:"):
        st.switch_page("pages/events.py")
