"""The only place besides ``app.py`` and ``pages/`` that knows Streamlit: cached wrappers and the error display.

Importing this package also makes sure ``app.py``'s ``st.navigation`` is in charge. Streamlit treats an app whose
entry script has a ``pages/`` folder beside it (ours, by the product's fixed layout) as an old-style multipage app
until the entry script has called ``st.navigation`` once. A server's very first request for a deep link such as
``/recovery`` therefore ran ``pages/recovery.py`` on its own: no sidebar, auto-generated page names. Every page
imports ``ui``, so here we switch that legacy mode off and rerun, and the rerun goes through ``app.py``.
"""

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

if PagesManager.uses_pages_directory:
    PagesManager.uses_pages_directory = False
    if get_script_run_ctx() is not None:
        st.rerun()
