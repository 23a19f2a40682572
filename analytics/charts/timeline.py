"""The Overview timeline: volume, sentiment and followers stacked on one shared day axis, events marked on all."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from analytics.charts.style import (
    BAND_COLOUR,
    FOLLOWERS_COLOUR,
    SENTIMENT_COLOUR,
    VOLUME_COLOUR,
    base_layout,
    mark_events,
)


def overview_timeline(daily: pd.DataFrame, events: pd.DataFrame, account: str, profile: str) -> go.Figure:
    """Three rows sharing the x axis: daily mentions (bars), mean compound with its 95% band, follower count.

    Low-volume days are drawn as hollow markers and left out of the line, so a swing caused by three mentions is
    not read as a trend. Events are vertical lines across all rows, coloured by kind and labelled in the top row,
    so a reader sees the dip, the apology and the recovery in one glance.
    """
    unscored = int(daily["unscored_non_english"].sum())
    left_out = f"; {unscored:,} non-English mentions not scored" if unscored else ""
    fig = make_subplots(rows=3, cols=1, shared_xaxes=True, vertical_spacing=0.06, row_heights=[0.34, 0.36, 0.30],
                        subplot_titles=("Mentions per day",
                                        f"Mean sentiment, VADER compound with 95% interval (profile: {profile})"
                                        f"{left_out}",
                                        "Followers"))
    fig.add_trace(go.Bar(x=daily["day"], y=daily["mentions"], name="Mentions", marker_color=VOLUME_COLOUR,
                         hovertemplate="%{y:,} mentions<extra></extra>"), row=1, col=1)
    steady = daily[~daily["low_volume"]]
    band_x, band_y = band_polygons(daily["day"], daily["ci_low"], daily["ci_high"])
    fig.add_trace(go.Scatter(x=band_x, y=band_y, fill="toself", fillcolor=BAND_COLOUR, line={"width": 0},
                             hoverinfo="skip", name="95% interval", showlegend=False), row=2, col=1)
    fig.add_trace(go.Scatter(x=daily["day"], y=daily["mean_compound"].where(~daily["low_volume"]),
                             name="Mean compound", mode="lines+markers", connectgaps=False,
                             line={"color": SENTIMENT_COLOUR, "width": 2}, marker={"size": 4},
                             customdata=steady["scored"].reindex(daily.index),
                             hovertemplate="%{y:.3f} (%{customdata} scored)<extra>sentiment</extra>"), row=2, col=1)
    low = daily[daily["low_volume"] & daily["mean_compound"].notna()]
    if len(low):
        fig.add_trace(go.Scatter(x=low["day"], y=low["mean_compound"], mode="markers", name="Low volume",
                                 marker={"symbol": "circle-open", "size": 8, "color": "#9aa5b1"},
                                 customdata=low["scored"],
                                 hovertemplate="%{y:.3f} from only %{customdata} mentions<extra>low volume</extra>"),
                      row=2, col=1)
    fig.add_hline(y=0, line={"color": "#999", "width": 1, "dash": "dot"}, row=2, col=1)
    fig.add_trace(go.Scatter(x=daily["day"], y=daily["followers"], name="Followers", mode="lines",
                             line={"color": FOLLOWERS_COLOUR, "width": 2}, connectgaps=False,
                             hovertemplate="%{y:,.0f}<extra>followers</extra>"), row=3, col=1)
    fig.update_yaxes(range=[-1, 1], row=2, col=1)
    mark_events(fig, events, daily["day"], all_rows=True)
    return base_layout(fig, f"@{account}: volume, sentiment and followers", height=720)


def band_polygons(x: pd.Series, low: pd.Series, high: pd.Series) -> tuple[list, list]:
    """A filled band as one closed polygon per run of days that have an interval, separated by ``None``.

    Days without an interval (no or one mention) would otherwise make plotly join the band's two edges across the
    gap and fill the wrong area.
    """
    known = (low.notna() & high.notna()).to_numpy()
    xs: list = []
    ys: list = []
    start = None
    for i in range(len(known) + 1):
        if i < len(known) and known[i]:
            start = i if start is None else start
            continue
        if start is not None:
            run = slice(start, i)
            xs += [*x.iloc[run], *x.iloc[run][::-1], None]
            ys += [*high.iloc[run], *low.iloc[run][::-1], None]
            start = None
    return xs, ys
