"""Sentiment charts: the daily (or weekly) curve with its 95% band, low-volume days drawn so nobody over-reads them.

Every figure names the profile that scored it and how many non-English mentions it left out: a curve that hides
either is the untrustworthy sentiment users complain about. Functions return figures; pages show them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics.aggregates import MIN_DAILY_VOLUME, NET_FORMULAS
from analytics.charts.style import BAND_COLOUR, SENTIMENT_COLOUR, VOLUME_COLOUR, base_layout

LOW_VOLUME_COLOUR = "#9aa5b1"
METRICS = {
    "mean_compound": ("Mean compound score", "ci_low", "ci_high"),
    "net_sentiment": ("Net sentiment", "net_ci_low", "net_ci_high"),
}


def sentiment_title(account: str | None, profile: str, unscored_non_english: int, freq: str = "day") -> str:
    """The chart title: what, whose, which profile, and what was left out."""
    whose = f"@{account}" if account else "all accounts"
    left_out = (f" · {unscored_non_english:,} non-English mentions not scored" if unscored_non_english
                else " · every mention scored")
    return f"{'Daily' if freq == 'day' else 'Weekly'} sentiment of mentions of {whose} — profile: {profile}{left_out}"


def daily_sentiment_figure(daily: pd.DataFrame, profile: str, account: str | None = None,
                           metric: str = "mean_compound", net_formula: str = "balance", freq: str = "day",
                           min_volume: int = MIN_DAILY_VOLUME) -> go.Figure:
    """Line of ``metric`` per period with its 95% bootstrap band; low-volume periods as hollow grey markers.

    ``daily`` is ``analytics.aggregates.daily_sentiment`` output for one account (or several: each gets a line).
    Mention volume is drawn as bars on a second axis so a dip can be read against how many people spoke.
    """
    label, low_col, high_col = METRICS[metric]
    if metric == "net_sentiment":
        label = f"Net sentiment {NET_FORMULAS[net_formula]}"
    fig = go.Figure()
    for name, unsorted in daily.groupby("account", sort=True):
        frame = unsorted.sort_values("period")
        fig.add_trace(go.Bar(x=frame["period"], y=frame["mentions"], name=f"mentions @{name}",
                             marker_color=VOLUME_COLOUR, opacity=0.35, yaxis="y2"))
        fig.add_trace(go.Scatter(x=pd.concat([frame["period"], frame["period"][::-1]]),
                                 y=pd.concat([frame[high_col], frame[low_col][::-1]]),
                                 fill="toself", fillcolor=BAND_COLOUR, line={"width": 0}, hoverinfo="skip",
                                 name="95% interval", showlegend=True, connectgaps=False))
        values = frame[metric].where(~frame["low_volume"])
        fig.add_trace(go.Scatter(x=frame["period"], y=values, mode="lines+markers", name=f"{label} @{name}",
                                 line={"color": SENTIMENT_COLOUR, "width": 2.5}, connectgaps=False))
        low = frame[frame["low_volume"] & frame[metric].notna()]
        fig.add_trace(go.Scatter(
            x=low["period"], y=low[metric], mode="markers", name=f"fewer than {min_volume} scored (low volume)",
            marker={"symbol": "circle-open", "size": 9, "color": LOW_VOLUME_COLOUR, "line": {"width": 2}},
            customdata=np.stack([low["scored"]], axis=-1) if len(low) else None,
            hovertemplate="%{y:.2f} from %{customdata[0]} scored mentions<extra>low volume</extra>"))
    unscored = int(daily["unscored_non_english"].sum()) if len(daily) else 0
    accounts = daily["account"].unique().tolist() if len(daily) else []
    title = sentiment_title(accounts[0] if len(accounts) == 1 else None, profile, unscored, freq)
    base_layout(fig, title, height=520)
    fig.update_layout(
        yaxis={"title": label, "range": [-1.05, 1.05] if metric == "mean_compound" else None, "zeroline": True},
        yaxis2={"title": "mentions", "overlaying": "y", "side": "right", "showgrid": False, "rangemode": "tozero"},
        barmode="overlay",
        margin={"l": 60, "r": 60, "t": 90, "b": 80},  # room for the footnote under the date axis
    )
    fig.add_annotation(text=f"Profile {profile}; band = 95% bootstrap interval; hollow markers = fewer than "
                            f"{min_volume} scored mentions; {unscored:,} non-English mentions not scored.",
                       xref="paper", yref="paper", x=0, y=-0.2, showarrow=False, font={"size": 11},
                       xanchor="left")
    return fig


def sentiment_shares_figure(daily: pd.DataFrame, profile: str, account: str | None = None,
                            freq: str = "day") -> go.Figure:
    """Stacked shares of positive / neutral / negative scored mentions per period."""
    fig = go.Figure()
    colours = {"pos_share": "#2ca02c", "neu_share": "#b0b7bf", "neg_share": "#d62728"}
    names = {"pos_share": "positive", "neu_share": "neutral", "neg_share": "negative"}
    for column, colour in colours.items():
        fig.add_trace(go.Bar(x=daily["period"], y=daily[column], name=names[column], marker_color=colour))
    unscored = int(daily["unscored_non_english"].sum()) if len(daily) else 0
    base_layout(fig, sentiment_title(account, profile, unscored, freq).replace("sentiment", "sentiment shares", 1),
                height=420)
    fig.update_layout(barmode="stack", yaxis={"title": "share of scored mentions", "tickformat": ".0%"})
    return fig
