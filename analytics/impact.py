"""Before/after an event: the windows, their validation, and the per-metric comparison with honest intervals.

Windows: the pre-period is the ``pre_days`` calendar days before the event's day and the post-period the
``post_days`` days after it; the event day itself belongs to neither (it is half before, half after). Windows are
refused with a fix-it message — never silently trimmed — when they are shorter than ``MIN_WINDOW_DAYS``, run past
the data, have too few days with mentions, or contain another recorded event (unless ``allow_overlap``: then the
other event's effect is mixed into this one's, and the result says so).

Per metric: pre mean, post mean, their difference (post − pre), a 95% interval for the difference from a moving-block
bootstrap over days (blocks of ``block_length(n)`` days resampled within each window, so that runs of similar days —
sentiment is autocorrelated — are kept together rather than treated as independent), and a two-sided bootstrap
p-value (how often the resampled difference, centred on zero, is at least as far from zero as the observed one).

``analyse_event`` puts it all together for one event: before/after, the counterfactual (``analytics.counterfactual``)
and, for incidents, the recovery card (``analytics.recovery``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from analytics import counterfactual, recovery
from analytics.errors import ReboundError
from analytics.events import Event, get_event, list_events
from analytics.series import METRICS, accounts, daily_metrics, metric_values

PRE_DAYS = 14
"""Default length of the pre-period, in days."""

POST_DAYS = 28
"""Default length of the post-period, in days."""

MIN_WINDOW_DAYS = 7
"""Shortest window accepted, and fewest days with mentions a window must have."""

BOOTSTRAP_REPLICATES = 2000
"""Resamples behind each interval and p-value."""

CONFIDENCE = 0.95
"""Level of the intervals."""

COUNTERFACTUAL_METRIC = "mean_compound"
"""The metric the counterfactual and the recovery card are computed on unless asked otherwise."""


def block_length(n: int) -> int:
    """Block length for ``n`` days: ⌈n^(1/3)⌉, the usual rate for a moving-block bootstrap (14 days → 3, 28 → 4)."""
    return max(1, math.ceil(n ** (1 / 3)))


@dataclass(frozen=True)
class MetricChange:
    """One metric before and after: means, difference, its 95% interval and p-value, and the days behind them."""

    metric: str
    pre_mean: float | None
    post_mean: float | None
    delta: float | None
    ci95: tuple[float, float] | None
    p_value: float | None
    n_pre: int
    n_post: int
    note: str | None = None

    def as_json(self) -> dict:
        return {"pre_mean": _num(self.pre_mean), "post_mean": _num(self.post_mean), "delta": _num(self.delta),
                "ci95": [_num(v) for v in self.ci95] if self.ci95 else None, "p_value": _num(self.p_value),
                "n_pre": self.n_pre, "n_post": self.n_post}


@dataclass(frozen=True)
class Windows:
    """The validated windows of an analysis (inclusive dates) and the events inside them, if allowed."""

    event_day: date
    pre: tuple[date, date]
    post: tuple[date, date]
    overlapping: tuple[Event, ...]


@dataclass(frozen=True)
class EventImpact:
    """Everything the impact command and the recovery page show for one event."""

    event: Event
    account: str
    windows: Windows
    metrics: dict[str, MetricChange]
    counterfactual: counterfactual.Counterfactual | None
    counterfactual_note: str | None
    recovery: recovery.RecoveryCard | None
    recovery_note: str | None
    frame: pd.DataFrame

    def metrics_table(self) -> pd.DataFrame:
        """The before/after comparison as a table for people: one row per metric, interval as text."""
        return pd.DataFrame([
            {"metric": METRICS[name].label, "before": c.pre_mean, "after": c.post_mean, "change": c.delta,
             "95% interval": f"{c.ci95[0]:+.4f} … {c.ci95[1]:+.4f}" if c.ci95 else "—", "p-value": c.p_value,
             "days before/after": f"{c.n_pre}/{c.n_post}"}
            for name, c in self.metrics.items()])

    def as_json(self) -> dict:
        followers = self.recovery.followers if self.recovery else None
        return {
            "event": {**self.event.as_json(), "day": self.windows.event_day.isoformat()},
            "account": self.account,
            "windows": {"pre": [d.isoformat() for d in self.windows.pre],
                        "post": [d.isoformat() for d in self.windows.post]},
            "overlapping_events": [e.event_id for e in self.windows.overlapping],
            "metrics": {name: change.as_json() for name, change in self.metrics.items()},
            "counterfactual": self.counterfactual.as_json() if self.counterfactual else None,
            "recovery": self.recovery.as_json() if self.recovery else None,
            "followers": {
                "window": [d.isoformat() for d in followers.window] if followers and followers.window else None,
                "net_change": _num(followers.net_change) if followers else None,
                "expected_change": _num(followers.expected_change) if followers else None,
                "baseline_rate": _num(followers.baseline_rate) if followers else None,
                "pre_incident_level": _num(followers.pre_incident_level) if followers else None,
                "days_to_regain": followers.days_to_regain if followers else None,
                "regained_date": followers.regained_date.isoformat() if followers and followers.regained_date
                else None,
            },
            "notes": [n for n in (self.counterfactual_note, self.recovery_note) if n],
        }


def event_day(event: Event) -> date:
    """The UTC calendar day of the event."""
    return event.occurred_at.astimezone(pd.Timestamp(0, tz="UTC").tzinfo).date()


def validate_windows(frame: pd.DataFrame, day: date, pre_days: int, post_days: int, others: list[Event],
                     allow_overlap: bool = False) -> Windows:
    """The windows around ``day``, or a ``ReboundError`` saying which limit was hit and how to fix it."""
    for name, days in (("--pre-days", pre_days), ("--post-days", post_days)):
        if days < MIN_WINDOW_DAYS:
            raise ReboundError(f"{name} {days} is too short; windows need at least {MIN_WINDOW_DAYS} days.",
                               title="Window too short")
    pre = (day - timedelta(days=pre_days), day - timedelta(days=1))
    post = (day + timedelta(days=1), day + timedelta(days=post_days))
    if frame.empty:
        raise ReboundError("This account has no data; import its mentions first.", title="No data")
    first, last = pd.Timestamp(frame["day"].min()).date(), pd.Timestamp(frame["day"].max()).date()
    if post[1] > last:
        room = (last - day).days
        fix = (f"shorten --post-days to {room} or import newer data" if room >= MIN_WINDOW_DAYS
               else "import newer data")
        raise ReboundError(f"post-period ends {post[1]} but the data end {last}; {fix}.", title="Window past the data")
    if pre[0] < first:
        room = (day - first).days
        fix = (f"shorten --pre-days to {room} or import older data" if room >= MIN_WINDOW_DAYS
               else "import older data")
        raise ReboundError(f"pre-period starts {pre[0]} but the data start {first}; {fix}.",
                           title="Window before the data")
    for name, (start, end) in (("pre-period", pre), ("post-period", post)):
        inside = frame[(frame["day"] >= pd.Timestamp(start)) & (frame["day"] <= pd.Timestamp(end))]
        with_mentions = int((inside["mentions"] > 0).sum())
        if with_mentions < MIN_WINDOW_DAYS:
            raise ReboundError(f"The {name} {start} – {end} has mentions on {with_mentions} days; at least "
                               f"{MIN_WINDOW_DAYS} are needed. Widen the window or import the missing days.",
                               title="Window empty" if with_mentions == 0 else "Window too thin")
    overlapping = tuple(e for e in others if pre[0] <= event_day(e) <= post[1])
    if overlapping and not allow_overlap:
        listed = ", ".join(f"#{e.event_id} {e.kind.replace('_', ' ')} “{e.label}” on {event_day(e)}"
                           for e in overlapping)
        later = [event_day(e) for e in overlapping if event_day(e) > day]
        earlier = [event_day(e) for e in overlapping if event_day(e) < day]
        fixes = []
        if later and (min(later) - day).days - 1 >= MIN_WINDOW_DAYS:
            fixes.append(f"--post-days {(min(later) - day).days - 1}")
        if earlier and (day - max(earlier)).days - 1 >= MIN_WINDOW_DAYS:
            fixes.append(f"--pre-days {(day - max(earlier)).days - 1}")
        fixes.append("--allow-overlap (the other events' effects are then mixed into this one's)")
        raise ReboundError(f"The windows {pre[0]} – {post[1]} contain {listed}; use " + " or ".join(fixes) + ".",
                           title="Windows overlap another event")
    return Windows(day, pre, post, overlapping)


def compare_windows(values: pd.Series, windows: Windows, metric: str, seed: int = 0) -> MetricChange:
    """Before/after for one daily series (see the module docstring for the method)."""
    pre = values[pd.Timestamp(windows.pre[0]):pd.Timestamp(windows.pre[1])].dropna().to_numpy(dtype=float)
    post = values[pd.Timestamp(windows.post[0]):pd.Timestamp(windows.post[1])].dropna().to_numpy(dtype=float)
    if len(pre) < 2 or len(post) < 2:
        return MetricChange(metric, _mean(pre), _mean(post), None, None, None, len(pre), len(post),
                            f"{METRICS[metric].label}: not enough days with data in one of the windows.")
    delta, lo, hi, p = bootstrap_difference(pre, post, seed=seed)
    return MetricChange(metric, float(pre.mean()), float(post.mean()), delta, (lo, hi), p, len(pre), len(post))


def bootstrap_difference(pre: np.ndarray, post: np.ndarray, replicates: int = BOOTSTRAP_REPLICATES,
                         seed: int = 0) -> tuple[float, float, float, float]:
    """Difference of means (post − pre), its moving-block bootstrap interval and two-sided p-value."""
    rng = np.random.default_rng(seed)
    delta = float(post.mean() - pre.mean())
    boot = _block_means(post, replicates, rng) - _block_means(pre, replicates, rng)
    alpha = (1 - CONFIDENCE) / 2
    lo, hi = np.quantile(boot, [alpha, 1 - alpha])
    centred = boot - delta
    p = float((1 + np.sum(np.abs(centred) >= abs(delta))) / (replicates + 1))
    return delta, float(lo), float(hi), min(1.0, p)


def _block_means(x: np.ndarray, replicates: int, rng: np.random.Generator) -> np.ndarray:
    """Means of ``replicates`` moving-block resamples of ``x`` (blocks wrap around the end: circular)."""
    n = len(x)
    length = block_length(n)
    blocks = math.ceil(n / length)
    starts = rng.integers(0, n, size=(replicates, blocks))
    idx = (starts[:, :, None] + np.arange(length)[None, None, :]) % n
    samples = x[idx.reshape(replicates, -1)[:, :n]]
    return samples.mean(axis=1)


def resolve_account(con: duckdb.DuckDBPyConnection, event: Event, account: str | None) -> str:
    """The account an event is analysed on: the one asked for, the event's own, or the only one there is."""
    if account:
        return account
    if event.account:
        return event.account
    known = accounts(con)
    if len(known) == 1:
        return known[0]
    raise ReboundError(f"Event #{event.event_id} has no account and the workspace has {len(known)}; pass --account.",
                       title="Which account?")


def incident_recovery(con: duckdb.DuckDBPyConnection, event_id: int, account: str | None = None,
                      metric: str = COUNTERFACTUAL_METRIC) -> recovery.RecoveryCard:
    """The recovery card of one incident on its own.

    The card has its own baseline window before the incident and follows the curve until it recovers, so unlike the
    before/after comparison it neither depends on nor refuses because of an apology or campaign close to the
    incident: those are part of the recovery it measures.
    """
    event = get_event(con, event_id)
    if event.kind != "incident":
        raise ReboundError(f"Event #{event_id} is a {event.kind.replace('_', ' ')}; the recovery card is computed for "
                           "incidents only.", title="Not an incident")
    account = resolve_account(con, event, account)
    return recovery.recovery_card(daily_metrics(con, account), account, event_day(event), metric=metric)


def analyse_event(con: duckdb.DuckDBPyConnection, event_id: int, pre_days: int = PRE_DAYS, post_days: int = POST_DAYS,
                  allow_overlap: bool = False, account: str | None = None, control: str | None = None,
                  metric: str = COUNTERFACTUAL_METRIC, seed: int = 0) -> EventImpact:
    """Before/after, counterfactual and (for incidents) recovery card of one event."""
    event = get_event(con, event_id)
    account = resolve_account(con, event, account)
    frame = daily_metrics(con, account)
    day = event_day(event)
    others = [e for e in list_events(con) if e.event_id != event.event_id and (e.account in (None, account))]
    windows = validate_windows(frame, day, pre_days, post_days, others, allow_overlap)
    changes = {name: compare_windows(metric_values(frame, name), windows, name, seed=seed) for name in METRICS}
    control_series, cf, cf_note = None, None, None
    if control:
        control_frame = daily_metrics(con, control)
        if control_frame.empty:
            raise ReboundError(f"The control account {control!r} has no data; pick one of {', '.join(accounts(con))}.",
                               title="Unknown control")
        control_series = metric_values(control_frame, metric)
    try:
        cf = counterfactual.estimate(metric_values(frame, metric), windows.pre, windows.post, control_series,
                                     metric=metric, control_name=control, seed=seed)
    except ReboundError as exc:
        cf_note = f"Counterfactual not computed: {exc.message}"
    card, card_note = None, None
    if event.kind == "incident":
        try:
            card = recovery.recovery_card(frame, account, day, metric=metric)
        except ReboundError as exc:
            card_note = f"Recovery card not computed: {exc.message}"
    else:
        card_note = "The recovery card is computed for incidents only."
    return EventImpact(event, account, windows, changes, cf, cf_note, card, card_note, frame)


def _mean(x: np.ndarray) -> float | None:
    return float(x.mean()) if len(x) else None


def _num(value: float | None) -> float | None:
    if value is None or not np.isfinite(value):
        return None
    return round(float(value), 6)
