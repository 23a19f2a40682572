"""Events: list, add, edit and delete events; accept suggestions with their evidence in one click."""

from datetime import UTC, datetime, time

import streamlit as st

from analytics import events
from analytics.importers.base import EVENT_KINDS
from ui.errors import user_errors
from ui.impact import account_list, event_list, event_suggestions, events_table
from ui.markdown import plain
from ui.state import bump, connection, data_version

st.title("Events")
version = data_version()
with user_errors():
    known = event_list(version)
    accounts = account_list(version)

if known:
    st.dataframe(events_table(version), hide_index=True)
else:
    st.info("No events yet. Add one below or accept a suggestion.")

with st.form("add_event"):
    st.subheader("Add an event")
    cols = st.columns(4)
    kind = cols[0].selectbox("Kind", EVENT_KINDS)
    day = cols[1].date_input("Day", value=st.session_state.get("clicked_day"),
                             help="Click a day on the Overview timeline to bring it here.")
    at = cols[2].time_input("Time (UTC)", value=time(12, 0))
    account = cols[3].selectbox("Account", [None, *accounts], format_func=lambda a: a or "—")
    label = st.text_input("Label")
    notes = st.text_area("Notes")
    if st.form_submit_button("Add"):
        with user_errors():
            events.add_event(connection(), kind, datetime.combine(day, at, tzinfo=UTC), label, account=account,
                             notes=notes or None)
        bump()
        st.rerun()

if known:
    with st.expander("Edit or delete an event"):
        chosen = st.selectbox("Event", known, format_func=lambda e: f"#{e.event_id} {e.occurred_at:%Y-%m-%d} {e.label}")
        new_label = st.text_input("Label", value=chosen.label, key=f"label_{chosen.event_id}")
        new_kind = st.selectbox("Kind", EVENT_KINDS, index=EVENT_KINDS.index(chosen.kind), key=f"k_{chosen.event_id}")
        new_day = st.date_input("Day", value=chosen.occurred_at.date(), key=f"d_{chosen.event_id}")
        left, right = st.columns(2)
        if left.button("Save changes"):
            with user_errors():
                events.update_event(connection(), chosen.event_id, kind=new_kind, label=new_label,
                                    occurred_at=datetime.combine(new_day, chosen.occurred_at.timetz()))
            bump()
            st.rerun()
        if right.button("Delete", type="primary"):
            with user_errors():
                events.delete_event(connection(), chosen.event_id)
            bump()
            st.rerun()

st.subheader("Suggestions")
scope = st.selectbox("Account", [None, *accounts], format_func=lambda a: a or "all accounts")
with user_errors():
    found = event_suggestions(version, scope)
for note in found.notes:
    st.caption(plain(note))
if not found.suggestions:
    st.info("Nothing to suggest: no bursts, apologies or shifts that are not already recorded.")
for k, s in enumerate(found.suggestions):
    cols = st.columns([1, 1, 5, 1])
    cols[0].write(str(s.day))
    cols[1].write(plain(f"{s.kind.replace('_', ' ')} · {s.account}"))
    cols[2].write(plain(s.evidence))  # quotes the brand's own posts: shown literally
    if cols[3].button("Accept", key=f"accept_{k}"):
        with user_errors():
            events.accept_suggestion(connection(), s)
        bump()
        st.rerun()
