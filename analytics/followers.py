"""The follower curve, from what platforms actually give: occasional totals and daily deltas.

X's overview export and LinkedIn give daily new follows (and X unfollows) but no total; the X archive manifest and
follower-count CSVs give totals on some days. A curve needs both: every known total is kept as is, and the days in
between are filled by walking the daily net change (new follows − unfollows) forwards from the previous known total
(or backwards from the next one, before the first). Without any total the curve is unknown and only the net change
is reported.
"""

from __future__ import annotations

import numpy as np
import pandas as pd


def net_change(daily: pd.DataFrame) -> pd.Series:
    """Daily net followers (new follows − unfollows; a missing side counts as 0, both missing stays NaN)."""
    gained = pd.to_numeric(daily.get("new_follows"), errors="coerce").astype("float64")
    lost = pd.to_numeric(daily.get("unfollows"), errors="coerce").astype("float64")
    net = gained.fillna(0) - lost.fillna(0)
    return net.where(gained.notna() | lost.notna())


def follower_curve(daily: pd.DataFrame) -> pd.Series:
    """Follower count per row of ``daily`` (one row per consecutive day, columns followers/new_follows/unfollows).

    Known totals win; other days are the previous total plus the net changes since it (or, before the first known
    total, the next total minus the net changes up to it). NaN where neither a total nor deltas reach.
    """
    known = pd.to_numeric(daily.get("followers"), errors="coerce").astype("float64").to_numpy()
    net = net_change(daily).to_numpy()
    curve = known.copy()
    anchors = np.flatnonzero(~np.isnan(known))
    if anchors.size == 0:
        return pd.Series(curve, index=daily.index, name="followers")
    for day in range(anchors[0] + 1, len(curve)):
        if np.isnan(curve[day]) and not np.isnan(net[day]) and not np.isnan(curve[day - 1]):
            curve[day] = curve[day - 1] + net[day]
    for day in range(anchors[0] - 1, -1, -1):
        if np.isnan(net[day + 1]):
            break
        curve[day] = curve[day + 1] - net[day + 1]
    return pd.Series(curve, index=daily.index, name="followers")
