"""Figures for the recovery page: the recovery chart and the counterfactual chart. They return figures; the page
shows them."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.charts.style import mark_events
from analytics.counterfactual import Counterfactual
from analytics.recovery import RecoveryCard
from analytics.series import METRICS

BAND_COLOUR = "rgba(46, 139, 87, 0.15)"
LABEL_HEADROOM = 0.35
"""Share of the data's range added above it so event labels sit over the curve, not on it."""
INTERVAL_COLOUR = "rgba(99, 110, 250, 0.2)"


def recovery_chart(card: RecoveryCard, events: pd.DataFrame | None = None) -> go.Figure:
    """Daily values, the 7-day rolling mean, the baseline band, and markers for the incident, trough and recovery.

    ``events`` (the account's other events: the apology, the strategy change) are drawn as labelled lines, so a
    reader sees where the turn came relative to what the brand did.
    """
    daily, rolling = card.daily, card.rolling
    fig = go.Figure()
    fig.add_hrect(y0=card.band[0], y1=card.band[1], fillcolor=BAND_COLOUR, line_width=0,
                  annotation_text="baseline band", annotation_position="top left")
    fig.add_hline(y=card.baseline, line_dash="dot", line_color="seagreen")
    fig.add_trace(go.Scatter(x=daily.index, y=daily.values, mode="markers", name="daily",
                             marker={"size": 4, "color": "grey"}))
    fig.add_trace(go.Scatter(x=rolling.index, y=rolling.values, mode="lines", name="7-day mean",
                             line={"color": "royalblue", "width": 2}))
    fig.add_vline(x=pd.Timestamp(card.incident_day), line_color="firebrick", line_dash="dash")
    if card.trough_date is not None:
        fig.add_trace(go.Scatter(x=[pd.Timestamp(card.trough_date)], y=[card.trough], mode="markers+text",
                                 name="trough", text=["trough"], textposition="bottom center",
                                 marker={"size": 12, "color": "firebrick", "symbol": "triangle-down"}))
    if card.recovered_date is not None:
        day = pd.Timestamp(card.recovered_date)
        fig.add_trace(go.Scatter(x=[day], y=[rolling.get(day)], mode="markers+text", name="recovered",
                                 text=["recovered"], textposition="top center",
                                 marker={"size": 12, "color": "seagreen", "symbol": "star"}))
    if events is not None and len(events):
        mark_events(fig, events[events["kind"] != "incident"], daily.index.to_series())
        low, high = float(daily.min()), float(max(daily.max(), card.band[1]))
        fig.update_yaxes(range=[low - 0.12 * (high - low), high + LABEL_HEADROOM * (high - low)])
    fig.update_layout(yaxis_title=METRICS[card.metric].label, hovermode="x unified",
                      margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return fig


def counterfactual_chart(result: Counterfactual, history: pd.Series | None = None) -> go.Figure:
    """Observed values against the forecast without the event, with its 95% interval."""
    points = result.pointwise
    fig = go.Figure()
    if history is not None:
        pre = history[pd.Timestamp(result.pre[0]):pd.Timestamp(result.pre[1])]
        fig.add_trace(go.Scatter(x=pre.index, y=pre.values, mode="lines", name="pre-period",
                                 line={"color": "grey"}))
    fig.add_trace(go.Scatter(x=points["day"], y=points["predicted_high"], mode="lines", line={"width": 0},
                             showlegend=False, hoverinfo="skip"))
    fig.add_trace(go.Scatter(x=points["day"], y=points["predicted_low"], mode="lines", line={"width": 0},
                             fill="tonexty", fillcolor=INTERVAL_COLOUR, name="95% interval"))
    fig.add_trace(go.Scatter(x=points["day"], y=points["predicted"], mode="lines", name="without the event",
                             line={"dash": "dash", "color": "royalblue"}))
    fig.add_trace(go.Scatter(x=points["day"], y=points["observed"], mode="lines+markers", name="observed",
                             line={"color": "black"}, marker={"size": 4}))
    fig.add_vline(x=pd.Timestamp(result.post[0]), line_color="firebrick", line_dash="dash")
    fig.update_layout(yaxis_title=METRICS.get(result.metric).label if result.metric in METRICS else result.metric,
                      hovermode="x unified", margin={"l": 10, "r": 10, "t": 30, "b": 10})
    return fig
