"""Daily and weekly sentiment per account, with honest uncertainty.

What a row says (``daily_sentiment``): for one account and one day (or week starting Monday), how many posts of the
role there were (``mentions``), how many count for sentiment (``scored``), how many were left out because they are
not English (``unscored_non_english``), the mean compound score with its 95% bootstrap interval, the shares of
positive / neutral / negative mentions, and a net sentiment figure whose formula the user picks from
``NET_FORMULAS`` (the formula text is shown next to every chart that uses it).

Rules, each a named constant below:

* A compound score ``>= NEUTRAL_THRESHOLD`` is positive, ``<= -NEUTRAL_THRESHOLD`` negative, else neutral
  (VADER's own convention, ±0.05).
* Periods with fewer than ``MIN_DAILY_VOLUME`` scored mentions are flagged ``low_volume``: their mean and shares
  swing with a handful of posts, and charts draw them differently.
* The interval is a percentile bootstrap: ``BOOTSTRAP_RESAMPLES`` resamples of the period's scored mentions with a
  fixed seed (same data, same interval), NaN when fewer than 2 mentions count. The net-sentiment interval resamples
  the label counts (a multinomial with the observed shares, which is what resampling labels is).
* **Corrections.** A user's label (``analytics.corrections``) replaces the model's in the counts and shares, and a
  corrected mention always counts (even if not English: a person read it). For the mean, a corrected mention keeps
  the model's compound when that compound already has the corrected label; otherwise it counts as
  ``CORRECTED_COMPOUND[label]`` (+0.5 / 0 / -0.5): a human label says which side a mention is on, not how strongly,
  so we use the middle of that side of the scale rather than its end (±1 would let one correction outweigh several
  honest scores).
* Calendar: one row per period from the account's first to last post of the role, so quiet days appear as
  ``mentions = 0`` with NaN sentiment instead of being skipped (a line chart would otherwise bridge them).

Speed: counts and means are one SQL query; the bootstrap is vectorised per period in numpy (resample indices in
blocks of at most ``BOOTSTRAP_BLOCK_CELLS``), about a second for 100,000 mentions over 120 days.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb
import numpy as np
import pandas as pd

from analytics.errors import ReboundError
from analytics.queries import fetch_df
from analytics.sentiment import active_profile, check_profile, model_version

NEUTRAL_THRESHOLD = 0.05
MIN_DAILY_VOLUME = 10
CONFIDENCE_LEVEL = 0.95
BOOTSTRAP_RESAMPLES = 1_000
BOOTSTRAP_BLOCK_CELLS = 2_000_000  # resample at most this many values at once (16 MB of float64)
MIN_BOOTSTRAP_SIZE = 2
CORRECTED_COMPOUND = {"positive": 0.5, "neutral": 0.0, "negative": -0.5}
LABELS = ("positive", "neutral", "negative")
FREQUENCIES = ("day", "week")
ROLES = ("mention", "own")

NET_FORMULAS = {
    "balance": "(P-N)/(P+N)",
    "share": "(P-N)/(P+N+U)",
    "log_ratio": "ln((P+1)/(N+1))",
}
NET_FORMULA_DESCRIPTIONS = {
    "balance": "Positive minus negative over all opinionated mentions (neutral ignored); -1..+1.",
    "share": "Positive minus negative over all scored mentions (neutral dilutes it); -1..+1.",
    "log_ratio": "Smoothed log ratio of positive to negative mentions (O'Connor et al. 2010); 0 is balanced.",
}
_NET_FUNCTIONS: dict[str, Callable[[np.ndarray, np.ndarray, np.ndarray], np.ndarray]] = {
    "balance": lambda p, u, n: (p - n) / (p + n),
    "share": lambda p, u, n: (p - n) / (p + n + u),
    "log_ratio": lambda p, u, n: np.log((p + 1) / (n + 1)),
}

COLUMNS = ["account", "period", "mentions", "scored", "unscored_non_english", "mean_compound", "ci_low", "ci_high",
           "positives", "neutrals", "negatives", "pos_share", "neu_share", "neg_share", "net_sentiment",
           "net_ci_low", "net_ci_high", "low_volume"]


def aggregate_label(compound: float | np.ndarray | pd.Series) -> str | np.ndarray:
    """'positive' / 'neutral' / 'negative' for compound score(s), by ``NEUTRAL_THRESHOLD``."""
    values = np.asarray(compound, dtype=float)
    labels = np.where(values >= NEUTRAL_THRESHOLD, "positive",
                      np.where(values <= -NEUTRAL_THRESHOLD, "negative", "neutral"))
    return str(labels) if labels.ndim == 0 else labels


def net_sentiment(positives: np.ndarray, neutrals: np.ndarray, negatives: np.ndarray,
                  formula: str = "balance") -> np.ndarray:
    """Net sentiment by ``NET_FORMULAS[formula]``; NaN where it is undefined (no opinionated mentions)."""
    check_net_formula(formula)
    with np.errstate(divide="ignore", invalid="ignore"):
        p, u, n = (np.asarray(x, dtype=float) for x in (positives, neutrals, negatives))
        return _NET_FUNCTIONS[formula](p, u, n)


def check_net_formula(formula: str) -> str:
    """Return ``formula`` if known, else raise a ``ReboundError`` listing the choices."""
    if formula not in NET_FORMULAS:
        raise ReboundError(f"Unknown net sentiment formula {formula!r}; choose one of {', '.join(NET_FORMULAS)}.",
                           title="Unknown formula")
    return formula


def scored_posts_params(con: duckdb.DuckDBPyConnection, role: str, account: str | None, profile: str | None,
                        include_non_english: bool) -> dict:
    """The bound parameters of the ``sentiment_scored_posts`` macro (shared with ``analytics.corrections``)."""
    if role not in ROLES:
        raise ReboundError(f"Unknown role {role!r}; choose one of {', '.join(ROLES)}.", title="Unknown role")
    profile = check_profile(profile or active_profile(con))
    return {
        "role": role, "account": account, "profile": profile, "version": model_version(profile),
        "include_non_english": bool(include_non_english),
        "pos_threshold": NEUTRAL_THRESHOLD, "neg_threshold": -NEUTRAL_THRESHOLD,
        "corrected_pos": CORRECTED_COMPOUND["positive"], "corrected_neg": CORRECTED_COMPOUND["negative"],
    }


def _percentiles(samples: np.ndarray) -> tuple[float, float]:
    tail = (1 - CONFIDENCE_LEVEL) / 2 * 100
    finite = samples[np.isfinite(samples)]
    if finite.size == 0:
        return np.nan, np.nan
    low, high = np.percentile(finite, [tail, 100 - tail])
    return float(low), float(high)


def _bootstrap_mean(values: np.ndarray, rng: np.random.Generator) -> tuple[float, float]:
    """Percentile interval of the mean of ``values`` over ``BOOTSTRAP_RESAMPLES`` resamples."""
    n = len(values)
    means = np.empty(BOOTSTRAP_RESAMPLES)
    block = max(1, min(BOOTSTRAP_RESAMPLES, BOOTSTRAP_BLOCK_CELLS // n))
    for start in range(0, BOOTSTRAP_RESAMPLES, block):
        size = min(block, BOOTSTRAP_RESAMPLES - start)
        idx = rng.integers(0, n, size=(size, n), dtype=np.int32 if n < 2**31 else np.int64)
        means[start:start + size] = values[idx].mean(axis=1)
    return _percentiles(means)


def _bootstrap_net(positives: int, neutrals: int, negatives: int, formula: str,
                   rng: np.random.Generator) -> tuple[float, float]:
    """Percentile interval of the net sentiment, resampling the label counts."""
    n = positives + neutrals + negatives
    draws = rng.multinomial(n, np.array([positives, neutrals, negatives]) / n, size=BOOTSTRAP_RESAMPLES)
    return _percentiles(net_sentiment(draws[:, 0], draws[:, 1], draws[:, 2], formula))


def daily_sentiment(con: duckdb.DuckDBPyConnection, account: str | None = None, role: str = "mention",
                    freq: str = "day", profile: str | None = None, net_formula: str = "balance",
                    include_non_english: bool = False, min_volume: int = MIN_DAILY_VOLUME,
                    with_intervals: bool = True, seed: int = 0) -> pd.DataFrame:
    """Sentiment per (account, period); see the module docstring for every column and rule.

    ``account=None`` returns every account (each over its own calendar); ``profile=None`` uses the workspace's
    active profile; ``with_intervals=False`` skips the bootstrap (interval columns NaN).
    """
    if freq not in FREQUENCIES:
        raise ReboundError(f"Unknown period {freq!r}; choose one of {', '.join(FREQUENCIES)}.",
                           title="Unknown period")
    check_net_formula(net_formula)
    params = scored_posts_params(con, role, account, profile, include_non_english)
    frame = fetch_df(con, "aggregate_daily_counts", freq=freq, **params)
    for column in ("mentions", "scored", "unscored_non_english", "positives", "neutrals", "negatives"):
        frame[column] = frame[column].astype("int64")
    frame["mean_compound"] = frame["mean_compound"].astype("float64")
    scored = frame["scored"].to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        for label, column in (("pos", "positives"), ("neu", "neutrals"), ("neg", "negatives")):
            frame[f"{label}_share"] = np.where(scored > 0, frame[column] / scored, np.nan)
    frame["net_sentiment"] = net_sentiment(frame["positives"], frame["neutrals"], frame["negatives"], net_formula)
    frame.loc[frame["scored"] == 0, "net_sentiment"] = np.nan
    for column in ("ci_low", "ci_high", "net_ci_low", "net_ci_high"):
        frame[column] = np.nan
    if with_intervals and (frame["scored"] >= MIN_BOOTSTRAP_SIZE).any():
        _add_intervals(con, frame, freq, params, net_formula, seed)
    frame["low_volume"] = frame["scored"] < min_volume
    return frame[COLUMNS]


def _add_intervals(con: duckdb.DuckDBPyConnection, frame: pd.DataFrame, freq: str, params: dict,
                   net_formula: str, seed: int) -> None:
    """Fill the four interval columns of ``frame`` in place, period by period in a fixed order."""
    values = fetch_df(con, "aggregate_daily_values", freq=freq, **params)
    compounds = values["effective_compound"].to_numpy(dtype=float)
    accounts = values["account"].to_numpy()
    periods = values["period"].to_numpy()
    changes = (accounts[1:] != accounts[:-1]) | (periods[1:] != periods[:-1])
    starts = np.flatnonzero(np.r_[True, changes]) if len(values) else np.array([], dtype=int)
    ends = np.r_[starts[1:], len(values)]
    bounds = {(accounts[s], pd.Timestamp(periods[s])): (s, e) for s, e in zip(starts, ends, strict=True)}
    rng = np.random.default_rng(seed)
    out = np.full((len(frame), 4), np.nan)
    rows = frame[["account", "period", "scored", "positives", "neutrals", "negatives"]].itertuples(index=False)
    for i, (account, period, scored, positives, neutrals, negatives) in enumerate(rows):
        if scored < MIN_BOOTSTRAP_SIZE:
            continue
        start, end = bounds[(account, pd.Timestamp(period))]
        out[i, 0:2] = _bootstrap_mean(compounds[start:end], rng)
        out[i, 2:4] = _bootstrap_net(positives, neutrals, negatives, net_formula, rng)
    frame[["ci_low", "ci_high", "net_ci_low", "net_ci_high"]] = out
