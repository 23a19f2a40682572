"""Rebound: the Streamlit entry point. Page config, the sidebar's workspace line, and navigation; nothing else."""

import streamlit as st

from analytics import store
from ui.errors import user_errors
from ui.state import connection, db_path

st.set_page_config(page_title="Rebound", page_icon=":material/trending_up:", layout="wide")

pages = [
    st.Page("pages/overview.py", title="Overview", icon=":material/timeline:", default=True),
    st.Page("pages/recovery.py", title="Recovery", icon=":material/healing:"),
    st.Page("pages/events.py", title="Events", icon=":material/event:"),
    st.Page("pages/mentions.py", title="Mentions", icon=":material/forum:"),
    st.Page("pages/import.py", title="Import", icon=":material/upload_file:"),
]

with st.sidebar:
    st.markdown("### Rebound")
    st.caption("Did we recover, how fast, and what did the apology change?")
    with user_errors():
        counts = store.table_counts(connection())
    st.caption(f"Workspace: `{db_path().name}`  \n{counts['posts']:,} posts · {counts['events']} events · "
               f"{counts['imports']} imports", help=str(db_path()))

st.navigation(pages).run()
