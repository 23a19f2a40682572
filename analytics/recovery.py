"""The recovery card: how deep the dip after an incident went, when it bottomed out, and when it was over.

Definitions (reproduced verbatim in ``DEFINITIONS``, which the report and the app print next to the numbers):

* **Baseline** — the mean of the metric's daily values over the ``BASELINE_DAYS`` days before the incident day (the
  incident day itself excluded). With fewer days of data the card uses what there is (at least
  ``MIN_BASELINE_DAYS``) and says the baseline is short.
* **Band** — baseline ± ``BAND_SD`` standard deviations of those daily values: the range the metric moved in on
  ordinary days.
* **Rolling mean** — the trailing ``ROLLING_DAYS``-day mean (the day and the six before it), the "7-day average"
  dashboards show; it needs at least ``ROLLING_MIN_DAYS`` days with a value.
* **Left the band** — the first day on or after the incident day whose rolling mean is outside the band on the bad
  side. A metric that never leaves the band had no dip to recover from (``dipped`` is false, no recovered date).
* **Trough** — the worst daily value from the incident day up to the recovered date (or the last day), "worst"
  meaning lowest for metrics where higher is better and highest for the share of negative mentions.
* **Dip depth** — baseline − trough (for the negative share: trough − baseline), absolute and relative to the
  baseline's magnitude.
* **Recovered date** — the first day, after the rolling mean left the band, from which the rolling mean stays
  inside the band (or on its good side: doing better than before counts as recovered) for ``STAY_DAYS``
  consecutive days.
* **Days to trough / to recover** — calendar days from the incident day. Not yet recovered: ``None``, with the days
  elapsed up to the last day the rolling mean can be computed.
* **Sentiment-days lost** — the area between the baseline and the daily values, summed over the days from the
  incident day to the day before recovery (or the last day): positive when the metric spent that time on the bad
  side. One unit is "one point of the metric for one day".
* **Followers** — the net change from the incident day to the recovered date (or the last day), the change the
  baseline rate (mean daily net followers over the baseline window) would have given over the same days, and the
  days until the follower count was back at or above its level on the day before the incident.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from analytics.errors import ReboundError
from analytics.series import METRICS, SENTIMENT_METRICS, metric_values

BASELINE_DAYS = 28
"""Days before the incident whose values define the baseline and its band."""

MIN_BASELINE_DAYS = 7
"""Fewest days with a value the baseline needs; below this the card refuses rather than guess."""

BAND_SD = 1.5
"""Half-width of the baseline band, in standard deviations of the baseline's daily values.

1.5 rather than 1: a 7-day mean of ordinary days still wanders about half a daily SD, so a ±1 SD band is
left by chance often enough to postpone "recovered" by a week or more in simulation; at ±1.5 SD the recovered date
falls within two days of the planted one in over 90% of simulated incidents (tests/test_simulation_recovery.py).
"""

ROLLING_DAYS = 7
"""Width of the trailing rolling mean the recovery is read from."""

ROLLING_MIN_DAYS = 4
"""Days with a value a rolling-mean window needs (days without mentions have no sentiment)."""

STAY_DAYS = 7
"""Consecutive days the rolling mean must stay inside the band for the first of them to be the recovered date."""

DEFINITIONS = (__doc__.split("Definitions", 1)[1].split(":\n\n", 1)[1].strip()
               .replace("``MIN_BASELINE_DAYS``", str(MIN_BASELINE_DAYS))
               .replace("``BASELINE_DAYS``", str(BASELINE_DAYS))
               .replace("``BAND_SD``", str(BAND_SD)).replace("``ROLLING_DAYS``", str(ROLLING_DAYS))
               .replace("``ROLLING_MIN_DAYS``", str(ROLLING_MIN_DAYS)).replace("``STAY_DAYS``", str(STAY_DAYS)))
"""The definitions above with the settings' values filled in: what the report and pages print beside the card."""


@dataclass(frozen=True)
class FollowerImpact:
    """What the incident did to followers (see the module docstring for the definitions)."""

    window: tuple[date, date] | None
    net_change: float | None
    expected_change: float | None
    baseline_rate: float | None
    pre_incident_level: float | None
    days_to_regain: int | None
    regained_date: date | None
    note: str


@dataclass(frozen=True)
class RecoveryCard:
    """The recovery card of one incident on one metric."""

    account: str
    metric: str
    incident_day: date
    baseline: float
    band: tuple[float, float]
    baseline_window: tuple[date, date]
    baseline_days: int
    short_baseline: bool
    dipped: bool
    trough: float | None
    trough_date: date | None
    dip_depth: float | None
    dip_depth_relative: float | None
    days_to_trough: int | None
    recovered_date: date | None
    days_to_recover: int | None
    days_elapsed: int
    sentiment_days_lost: float | None
    followers: FollowerImpact
    rolling: pd.Series
    daily: pd.Series

    @property
    def recovered(self) -> bool:
        return self.recovered_date is not None

    def summary(self) -> str:
        """The card in plain words, for the page and the report."""
        spec = METRICS[self.metric]
        lines = [f"Baseline {spec.label.lower()}: {self.baseline:.3f} (band {self.band[0]:.3f} to {self.band[1]:.3f}), "
                 f"from {self.baseline_days} days {self.baseline_window[0]} – {self.baseline_window[1]}"
                 + (" — a short baseline, read it with care." if self.short_baseline else ".")]
        if self.trough_date is not None:
            lines.append(f"Trough {self.trough:.3f} on {self.trough_date}, {self.days_to_trough} days after the "
                         f"incident; dip depth {self.dip_depth:.3f}"
                         + (f" ({self.dip_depth_relative:.0%} of the baseline)." if self.dip_depth_relative is not None
                            else "."))
        if not self.dipped:
            lines.append("The rolling mean never left the baseline band: there was no dip to recover from.")
        elif self.recovered_date is not None:
            lines.append(f"Recovered on {self.recovered_date}: {self.days_to_recover} days after the incident.")
        else:
            lines.append(f"Not yet recovered: {self.days_elapsed} days have passed since the incident.")
        if self.sentiment_days_lost is not None:
            lines.append(f"Sentiment-days lost: {self.sentiment_days_lost:.2f}.")
        lines.append(self.followers.note)
        return "\n".join(lines)

    def as_json(self) -> dict:
        return {"metric": self.metric, "baseline": _num(self.baseline), "band": [_num(b) for b in self.band],
                "baseline_window": [d.isoformat() for d in self.baseline_window],
                "short_baseline": self.short_baseline, "dipped": self.dipped, "trough": _num(self.trough),
                "trough_date": _iso(self.trough_date), "dip_depth": _num(self.dip_depth),
                "dip_depth_relative": _num(self.dip_depth_relative), "days_to_trough": self.days_to_trough,
                "recovered_date": _iso(self.recovered_date), "days_to_recover": self.days_to_recover,
                "days_elapsed": self.days_elapsed, "sentiment_days_lost": _num(self.sentiment_days_lost)}


def recovery_card(frame: pd.DataFrame, account: str, incident_day: date, metric: str = "mean_compound",
                  baseline_days: int = BASELINE_DAYS) -> RecoveryCard:
    """The recovery card of the incident on ``incident_day`` for ``metric`` of the daily metric ``frame``."""
    if metric not in SENTIMENT_METRICS:
        raise ReboundError(f"A recovery card is read from sentiment; use one of {', '.join(SENTIMENT_METRICS)}.",
                           title="Unknown metric")
    values = metric_values(frame, metric)
    recovery = find_recovery(values, pd.Timestamp(incident_day), higher_is_better=METRICS[metric].higher_is_better,
                             baseline_days=baseline_days)
    return RecoveryCard(account=account, metric=metric, incident_day=incident_day,
                        followers=follower_impact(frame, incident_day, recovery), **recovery)


def find_recovery(values: pd.Series, incident: pd.Timestamp, higher_is_better: bool = True,
                  baseline_days: int = BASELINE_DAYS) -> dict:
    """The statistics of the card for one daily series (indexed by day); pure, so simulations can call it."""
    values = values.asfreq("D")
    window_start = incident - pd.Timedelta(days=baseline_days)
    baseline_values = values[(values.index >= window_start) & (values.index < incident)].dropna()
    if len(baseline_values) < MIN_BASELINE_DAYS:
        first = values.dropna().index.min()
        raise ReboundError(
            f"The baseline before {incident.date()} has {len(baseline_values)} days with data; the recovery card needs "
            f"at least {MIN_BASELINE_DAYS}"
            + (f" (the data start {first.date()}); import older mentions." if first is not pd.NaT else "."),
            title="Baseline too short")
    baseline = float(baseline_values.mean())
    spread = float(baseline_values.std(ddof=1))
    band = (baseline - BAND_SD * spread, baseline + BAND_SD * spread)
    sign = 1.0 if higher_is_better else -1.0
    rolling = values.rolling(ROLLING_DAYS, min_periods=ROLLING_MIN_DAYS).mean()
    after = rolling[rolling.index >= incident]
    last_usable = after.last_valid_index()
    days_elapsed = int((last_usable - incident).days) if last_usable is not None else 0
    good_edge = band[0] if higher_is_better else band[1]
    ok = (sign * (after - good_edge) >= 0) & after.notna()
    outside = after[after.notna() & ~ok]
    left_band = outside.index[0] if not outside.empty else None
    recovered = _first_stay(ok, start=left_band) if left_band is not None else None
    daily_after = values[values.index >= incident]
    search = daily_after[daily_after.index < recovered] if recovered is not None else daily_after
    search = search.dropna()
    if search.empty:
        trough_date, trough = None, None
    else:
        trough_date = search.idxmin() if higher_is_better else search.idxmax()
        trough = float(search[trough_date])
    depth = sign * (baseline - trough) if trough is not None else None
    relative = depth / abs(baseline) if depth is not None and baseline != 0 else None
    if recovered is not None:
        lost_end = recovered
    else:
        lost_end = last_usable + pd.Timedelta(days=1) if last_usable is not None else incident
    lost = values[(values.index >= incident) & (values.index < lost_end)].dropna()
    return {"baseline": baseline, "band": band,
            "baseline_window": (window_start.date(), (incident - pd.Timedelta(days=1)).date()),
            "baseline_days": len(baseline_values), "short_baseline": len(baseline_values) < baseline_days,
            "dipped": left_band is not None,
            "trough": trough, "trough_date": trough_date.date() if trough_date is not None else None,
            "dip_depth": depth, "dip_depth_relative": relative,
            "days_to_trough": int((trough_date - incident).days) if trough_date is not None else None,
            "recovered_date": recovered.date() if recovered is not None else None,
            "days_to_recover": int((recovered - incident).days) if recovered is not None else None,
            "days_elapsed": days_elapsed, "sentiment_days_lost": float(sign * (baseline - lost).sum()),
            "rolling": rolling, "daily": values}


def _first_stay(ok: pd.Series, start: pd.Timestamp) -> pd.Timestamp | None:
    """First day (from ``start``) opening a run of ``STAY_DAYS`` consecutive days where ``ok`` holds."""
    flags = ok[ok.index >= start]
    run = 0
    for day, flag in flags.items():
        run = run + 1 if flag else 0
        if run == STAY_DAYS:
            return day - pd.Timedelta(days=STAY_DAYS - 1)
    return None


def follower_impact(frame: pd.DataFrame, incident_day: date, recovery: dict) -> FollowerImpact:
    """The followers section of the card: net change over the incident window against the baseline rate."""
    incident = pd.Timestamp(incident_day)
    net = metric_values(frame, "net_followers").asfreq("D")
    counts = pd.Series(frame["followers"].astype("float64").to_numpy(), index=pd.DatetimeIndex(frame["day"]))
    if net.dropna().empty and counts.dropna().empty:
        return FollowerImpact(None, None, None, None, None, None, None,
                              "Followers: no follower numbers were imported for this account.")
    end = pd.Timestamp(recovery["recovered_date"]) if recovery["recovered_date"] else net.index.max()
    window_net = net[(net.index >= incident) & (net.index <= end)].dropna()
    base_start = incident - pd.Timedelta(days=BASELINE_DAYS)
    base_net = net[(net.index >= base_start) & (net.index < incident)].dropna()
    rate = float(base_net.mean()) if not base_net.empty else None
    days = int((end - incident).days) + 1
    expected = rate * days if rate is not None else None
    change = float(window_net.sum()) if not window_net.empty else None
    before = counts[counts.index < incident].dropna()
    level = float(before.iloc[-1]) if not before.empty else None
    regained_date, days_to_regain = None, None
    if level is not None:
        later = counts[counts.index >= incident].dropna()
        fell = later[later < level]
        if fell.empty:
            regained_date, days_to_regain = incident.date(), 0
        else:
            back = later[(later.index > fell.index[0]) & (later >= level)]
            if not back.empty:
                regained_date = back.index[0].date()
                days_to_regain = int((back.index[0] - incident).days)
    parts = []
    if change is not None:
        parts.append(f"net change {change:+,.0f} from {incident.date()} to {end.date()}")
        if expected is not None:
            parts.append(f"the baseline rate ({rate:+,.1f} a day) would have given {expected:+,.0f}")
    if level is not None:
        parts.append(f"back above the pre-incident {level:,.0f} after {days_to_regain} days"
                     if days_to_regain is not None else f"not yet back above the pre-incident {level:,.0f}")
    window = (incident.date(), end.date())
    return FollowerImpact(window, change, expected, rate, level, days_to_regain, regained_date,
                          "Followers: " + "; ".join(parts) + "." if parts else "Followers: not enough data.")


def _num(value: float | None) -> float | None:
    if value is None or (isinstance(value, float) and not np.isfinite(value)):
        return None
    return round(float(value), 6)


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None

