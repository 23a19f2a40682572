"""Mentions: the daily sentiment curve of one account, and the day's most negative and positive mentions to correct."""

import streamlit as st

from analytics import aggregates, sentiment
from ui import sentiment as ui_sentiment
from ui.errors import nothing_to_show, user_errors
from ui.state import data_version

st.title("Mentions")
version = data_version()
with user_errors():
    accounts = ui_sentiment.mention_accounts(version)
if accounts.empty:
    nothing_to_show("No mentions in this workspace yet. Import a mention export on the Import page.")

spans = {row.account: row for row in accounts.itertuples()}
account = st.selectbox("Account", list(spans), key="mentions_account",
                       format_func=lambda a: f"@{a} · {spans[a].mentions:,} mentions")
profile = ui_sentiment.active_profile()

with st.expander(f"Sentiment settings — profile: {profile}"):
    chosen = st.selectbox("Profile for this workspace", sentiment.PROFILES, index=sentiment.PROFILES.index(profile),
                          format_func=lambda p: f"{p} — {sentiment.PROFILE_DESCRIPTIONS[p]}", key="mentions_profile")
    if chosen != profile and st.button(f"Use the {chosen} profile", key="mentions_use_profile"):
        with user_errors():
            ui_sentiment.set_profile(chosen)
        st.rerun()
    include_non_english = st.checkbox("Include non-English mentions (VADER reads English only)", value=False,
                                      key="mentions_non_english")
    net_formula = st.selectbox("Net sentiment formula", list(aggregates.NET_FORMULAS), key="mentions_net_formula",
                               format_func=lambda f: f"{aggregates.NET_FORMULAS[f]} — "
                                                     f"{aggregates.NET_FORMULA_DESCRIPTIONS[f]}")

left, right = st.columns(2)
freq = left.radio("Period", ["day", "week"], horizontal=True, key="mentions_freq")
metric = right.radio("Show", ["mean_compound", "net_sentiment"], horizontal=True, key="mentions_metric",
                     format_func=lambda m: "Mean compound" if m == "mean_compound" else "Net sentiment")

with user_errors():
    figure = ui_sentiment.daily_figure(account, profile, freq, net_formula, include_non_english, metric, version)
st.plotly_chart(figure, key="mentions_daily")

span = spans[account]
day = st.date_input("Day", value=span.last_day, min_value=span.first_day, max_value=span.last_day,
                    key="mentions_day")
limit = st.slider("Mentions at each end", 5, 50, 10, key="mentions_limit")
with user_errors():
    table = ui_sentiment.mentions_of_day(account, day, profile, limit, include_non_english, version)
if table.empty:
    nothing_to_show(f"No scored mentions of @{account} on {day:%d %b %Y}. Pick another day.")

st.caption("Most negative first. Change a label to correct it: corrections are kept through re-scoring and used by "
           "every chart and report.")
edited = st.data_editor(
    table, key="mentions_table", hide_index=True, width="stretch",
    column_order=["label", "compound", "text", "author", "created_at", "lang", "model_label", "platform", "post_id"],
    column_config={
        "label": st.column_config.SelectboxColumn("Label", options=list(aggregates.LABELS), required=True),
        "compound": st.column_config.NumberColumn("Score", format="%+.3f"),
        "text": st.column_config.TextColumn("Mention", width="large"),
        "model_label": st.column_config.TextColumn("Model said"),
    },
    disabled=["compound", "text", "author", "created_at", "lang", "model_label", "platform", "post_id"],
)
if st.button("Save corrections", key="mentions_save", type="primary"):
    with user_errors():
        saved = ui_sentiment.save_label_edits(table, edited)
    st.success(f"Saved {saved} correction(s)." if saved else "No label was changed.")
