"""Recovery: pick an incident, read its recovery card, then the before/after table and the counterfactual."""

import streamlit as st

from analytics import impact, recovery
from analytics.charts.impact import counterfactual_chart, recovery_chart
from analytics.series import metric_values
from ui.errors import nothing_to_show, user_errors
from ui.impact import account_list, event_impact, event_list, incident_recovery
from ui.overview import account_events
from ui.state import data_version

st.title("Recovery")
version = data_version()
with user_errors():
    incidents = [e for e in event_list(version) if e.kind == "incident"]
if not incidents:
    nothing_to_show("No incidents yet: add one on the Events page (or accept a suggestion there).")
chosen = st.selectbox("Incident", incidents, format_func=lambda e: f"{e.occurred_at:%Y-%m-%d} · {e.label}",
                      key="recovery_incident")

st.subheader("Recovery card")
with user_errors():
    card = incident_recovery(version, chosen.event_id)
st.markdown(card.summary().replace("\n", "  \n"))
st.plotly_chart(recovery_chart(card, account_events(card.account, version)), width="stretch",
                key="recovery_chart")
with st.expander("How these numbers are defined"):
    st.markdown(recovery.DEFINITIONS)

st.subheader("Before and after")
cols = st.columns(4)
pre_days = cols[0].number_input("Days before", min_value=impact.MIN_WINDOW_DAYS, value=impact.PRE_DAYS,
                                key="recovery_pre_days")
post_days = cols[1].number_input("Days after", min_value=impact.MIN_WINDOW_DAYS, value=impact.POST_DAYS,
                                 key="recovery_post_days")
controls = [a for a in account_list(version) if a != chosen.account]
control = cols[2].selectbox("Control series", [None, *controls], format_func=lambda a: a or "none",
                            key="recovery_control")
allow = cols[3].checkbox("Allow other events in the windows", value=False, key="recovery_allow_overlap",
                         help="The apology or a campaign inside the windows then mixes into the result.")
with user_errors():
    result = event_impact(version, chosen.event_id, int(pre_days), int(post_days), allow, control)
st.dataframe(result.metrics_table(), hide_index=True)
st.caption(f"Pre-period {result.windows.pre[0]} – {result.windows.pre[1]}, post-period {result.windows.post[0]} – "
           f"{result.windows.post[1]}; the event day is in neither. Intervals: moving-block bootstrap over days.")

st.subheader("Counterfactual: what would have happened without the incident")
if result.counterfactual:
    cf = result.counterfactual
    st.markdown(cf.summary())
    st.plotly_chart(counterfactual_chart(cf, metric_values(result.frame, cf.metric)), width="stretch",
                    key="recovery_counterfactual")
    st.markdown("**Assumptions**\n\n" + "\n".join(f"- {a}" for a in cf.assumptions))
else:
    st.info(result.counterfactual_note)
