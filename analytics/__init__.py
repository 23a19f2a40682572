"""Rebound's core: importers, store, sentiment and analyses.

Nothing in this package knows Streamlit exists (an import-linter contract enforces it): every function takes a DuckDB
connection or DataFrames and returns DataFrames, dataclasses or plotly Figures, so the CLI, the app and the tests all
drive the same code.
"""
