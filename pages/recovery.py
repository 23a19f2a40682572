"""Recovery: pick an incident, read its recovery card, the before/after table and the counterfactual."""

import pandas as pd
import streamlit as st

from analytics import impact, recovery
from analytics.charts.impact import counterfactual_chart, recovery_chart
from analytics.series import METRICS, metric_values
from ui.errors import nothing_to_show, user_errors
from ui.impact import account_list, event_impact, event_list
from ui.state import data_version

st.title("Recovery")
version = data_version()
with user_errors():
    incidents = [e for e in event_list(version) if e.kind == "incident"]
if not incidents:
    nothing_to_show("No incidents yet: add one on the Events page (or accept a suggestion there).")
chosen = st.selectbox("Incident", incidents, format_func=lambda e: f"{e.occurred_at:%Y-%m-%d} · {e.label}")
cols = st.columns(4)
pre_days = cols[0].number_input("Days before", min_value=impact.MIN_WINDOW_DAYS, value=impact.PRE_DAYS)
post_days = cols[1].number_input("Days after", min_value=impact.MIN_WINDOW_DAYS, value=impact.POST_DAYS)
controls = [a for a in account_list(version) if a != chosen.account]
control = cols[2].selectbox("Control series", [None, *controls], format_func=lambda a: a or "none")
allow = cols[3].checkbox("Allow other events in the windows", value=False,
                         help="The apology or a campaign inside the windows then mixes into the result.")
with user_errors():
    result = event_impact(version, chosen.event_id, int(pre_days), int(post_days), allow, control)

st.subheader("Recovery card")
if result.recovery:
    st.markdown(result.recovery.summary().replace("\n", "  \n"))
    st.plotly_chart(recovery_chart(result.recovery), width="stretch")
    with st.expander("How these numbers are defined"):
        st.markdown(recovery.DEFINITIONS)
else:
    st.info(result.recovery_note)

st.subheader("Before and after")
rows = [{"metric": METRICS[name].label, "before": c.pre_mean, "after": c.post_mean, "change": c.delta,
         "95% interval": f"{c.ci95[0]:+.4f} … {c.ci95[1]:+.4f}" if c.ci95 else "—", "p-value": c.p_value,
         "days before/after": f"{c.n_pre}/{c.n_post}"} for name, c in result.metrics.items()]
st.dataframe(pd.DataFrame(rows), hide_index=True)
st.caption(f"Pre-period {result.windows.pre[0]} – {result.windows.pre[1]}, post-period {result.windows.post[0]} – "
           f"{result.windows.post[1]}; the event day is in neither. Intervals: moving-block bootstrap over days.")

st.subheader("Counterfactual: what would have happened without the incident")
if result.counterfactual:
    cf = result.counterfactual
    st.markdown(cf.summary())
    history = metric_values(result.frame, cf.metric)
    st.plotly_chart(counterfactual_chart(cf, history), width="stretch")
    st.markdown("**Assumptions**\n\n" + "\n".join(f"- {a}" for a in cf.assumptions))
else:
    st.info(result.counterfactual_note)
