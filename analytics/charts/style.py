"""Colours and shared layout, so every chart speaks the same visual language."""

from __future__ import annotations

import plotly.graph_objects as go

EVENT_COLOURS = {
    "incident": "#d62728",
    "apology": "#2ca02c",
    "strategy_change": "#1f77b4",
    "campaign": "#9467bd",
}
VOLUME_COLOUR = "#8c9bab"
SENTIMENT_COLOUR = "#e07b00"
FOLLOWERS_COLOUR = "#2a6f97"
BAND_COLOUR = "rgba(224, 123, 0, 0.15)"


def base_layout(fig: go.Figure, title: str, height: int = 640) -> go.Figure:
    """Title, white background, hover by day, legend on top: the house style."""
    fig.update_layout(
        title={"text": title, "x": 0.01, "xanchor": "left"},
        template="plotly_white",
        height=height,
        hovermode="x unified",
        legend={"orientation": "h", "y": 1.06, "x": 1, "xanchor": "right"},
        margin={"l": 60, "r": 20, "t": 90, "b": 40},
    )
    return fig
