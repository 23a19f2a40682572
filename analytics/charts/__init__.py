"""Plotly figures. Every function returns a ``go.Figure`` and never shows it; pages decide where it goes."""
