"""The only place besides ``app.py`` and ``pages/`` that knows Streamlit: cached wrappers and the error display."""
