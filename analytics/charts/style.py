"""Colours and shared layout, so every chart speaks the same visual language."""

from __future__ import annotations

import pandas as pd
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


EVENT_LABEL_CHARS = 34
"""Longest event label drawn on the chart; the full label is in the hover text."""

LABEL_LEVELS = 3
"""Event labels closer than a twelfth of the time span are stacked on up to this many levels."""


def mark_events(fig: go.Figure, events: pd.DataFrame, days: pd.Series, all_rows: bool = False) -> None:
    """A dashed line per event (through every row of a subplot grid when ``all_rows``) and its label at the top of
    the (first) plot, coloured by kind. Labels of events close in time are stacked on separate levels so they stay
    readable; the full label is in the hover text."""
    if events.empty or days.empty:
        return
    span = (days.max() - days.min()) or pd.Timedelta(days=1)
    crowded = span / 12
    last_at: list[pd.Timestamp | None] = [None] * LABEL_LEVELS
    for event in events.sort_values("occurred_at").itertuples(index=False):
        when = pd.Timestamp(event.occurred_at).tz_convert("UTC").tz_localize(None)
        colour = EVENT_COLOURS.get(event.kind, "#555")
        level = next((i for i, seen in enumerate(last_at) if seen is None or when - seen > crowded), LABEL_LEVELS - 1)
        last_at[level] = when
        grid = {"row": "all", "col": 1} if all_rows else {}
        fig.add_vline(x=when, line={"color": colour, "width": 1.5, "dash": "dash"}, **grid)
        label = event.label if len(event.label) <= EVENT_LABEL_CHARS else event.label[: EVENT_LABEL_CHARS - 1] + "…"
        fig.add_annotation(x=when, y=1.0 - 0.13 * level, xref="x", yref="y domain", text=f"▼ {label}",
                           hovertext=f"{event.kind.replace('_', ' ')}: {event.label}", showarrow=False,
                           xanchor="left", yanchor="top", font={"color": colour, "size": 11},
                           bgcolor="rgba(255,255,255,0.6)")
