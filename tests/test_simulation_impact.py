"""Validation by simulation: planted recoveries, step changes and intervention effects over many seeds.

Series have the texture of daily sentiment: AR(1) noise (φ = 0.3), a weekly rhythm, and (for the counterfactual) a
control series sharing part of the signal. "SD" below is the marginal standard deviation of the daily values.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics import counterfactual, recovery, suggestions

pytestmark = pytest.mark.slow

RHO = 0.3
NOISE_SD = 0.05
WEEKLY = 0.02
MARGINAL_SD = float(np.sqrt(NOISE_SD**2 + WEEKLY**2 / 2))
DAYS = pd.date_range("2026-01-01", periods=120, freq="D")


def ar1(rng: np.random.Generator, n: int, sd: float, rho: float = RHO) -> np.ndarray:
    shocks = rng.normal(0, sd * np.sqrt(1 - rho**2), n)
    out = np.empty(n)
    out[0] = rng.normal(0, sd)
    for i in range(1, n):
        out[i] = rho * out[i - 1] + shocks[i]
    return out


def weekly(n: int, amplitude: float = WEEKLY) -> np.ndarray:
    return amplitude * np.sin(2 * np.pi * np.arange(n) / 7)


def planted_recovered_date(clean: pd.Series, incident: pd.Timestamp, baseline: float) -> pd.Timestamp:
    """The card's definition applied to the noiseless curve with the true band (baseline − BAND_SD × true SD)."""
    rolling = clean.rolling(recovery.ROLLING_DAYS, min_periods=recovery.ROLLING_MIN_DAYS).mean()
    ok = rolling[rolling.index >= incident] >= baseline - recovery.BAND_SD * MARGINAL_SD
    left = ok[~ok].index[0]
    run = 0
    for day, flag in ok[ok.index >= left].items():
        run = run + 1 if flag else 0
        if run == recovery.STAY_DAYS:
            return day - pd.Timedelta(days=recovery.STAY_DAYS - 1)
    raise AssertionError("the planted curve never recovers")


def test_recovered_date_within_two_days_in_90_percent_of_seeds() -> None:
    """A dip of 6 SD over 3 days, back to baseline over 10 days; 200 seeds."""
    incident_at, fall, rise, baseline = 50, 3, 10, 0.2
    hits, errors = 0, []
    for seed in range(200):
        rng = np.random.default_rng(seed)
        dip = np.zeros(len(DAYS))
        trough = incident_at + fall
        dip[incident_at:trough + 1] = np.linspace(0, 6 * MARGINAL_SD, fall + 1)
        dip[trough:trough + rise + 1] = np.linspace(6 * MARGINAL_SD, 0, rise + 1)
        clean = pd.Series(baseline - dip, index=DAYS)
        observed = clean + weekly(len(DAYS)) + ar1(rng, len(DAYS), NOISE_SD)
        found = recovery.find_recovery(observed, DAYS[incident_at])
        planted = planted_recovered_date(clean, DAYS[incident_at], baseline)
        assert found["dipped"]
        if found["recovered_date"] is not None:
            error = (pd.Timestamp(found["recovered_date"]) - planted).days
            errors.append(error)
            hits += abs(error) <= 2
    assert hits / 200 >= 0.90, f"recovered date within ±2 days in {hits / 200:.0%} of seeds; errors {errors}"


def test_change_point_within_two_days_in_90_percent_of_seeds() -> None:
    """A step of 3 SD on day 60 of 120; 200 seeds. Also: pure noise rarely produces a shift."""
    hits, spurious = 0, 0
    for seed in range(200):
        rng = np.random.default_rng(seed)
        noise = weekly(len(DAYS)) + ar1(rng, len(DAYS), NOISE_SD)
        step = 3 * MARGINAL_SD * (np.arange(len(DAYS)) >= 60)
        found = suggestions.change_points(pd.Series(0.2 + noise + step, index=DAYS))
        hits += any(abs((day - DAYS[60]).days) <= 2 for day in found)
        spurious += len(suggestions.change_points(pd.Series(0.2 + noise, index=DAYS)))
    assert hits / 200 >= 0.90
    assert spurious / 200 <= 0.35  # calibration: about 0.2 spurious shifts per 120-day series


def test_counterfactual_interval_covers_the_planted_effect_and_excludes_zero_at_two_sd() -> None:
    """A 2-SD intervention effect after 56 pre-period days, with a competitor as control; 100 seeds."""
    n_pre, n_post = 56, 28
    n = n_pre + 1 + n_post
    days = DAYS[:n]
    own_sd = 0.04
    covered, excluded = 0, 0
    for seed in range(100):
        rng = np.random.default_rng(1000 + seed)
        control = 0.1 + weekly(n, 0.03) + ar1(rng, n, 0.04)
        y = 0.05 + 0.8 * control + ar1(rng, n, own_sd)
        sd = float(np.sqrt(0.64 * (0.04**2 + 0.03**2 / 2) + own_sd**2))
        effect = 2 * sd
        y[n_pre + 1:] += effect
        result = counterfactual.estimate(
            pd.Series(y, index=days), (days[0].date(), days[n_pre - 1].date()),
            (days[n_pre + 1].date(), days[-1].date()), pd.Series(control, index=days), with_placebo=False, seed=seed)
        covered += result.ci95[0] <= effect <= result.ci95[1]
        excluded += result.ci95[0] > 0
    assert 0.88 <= covered / 100 <= 0.99, f"coverage {covered}/100, zero excluded {excluded}/100"
    assert excluded / 100 >= 0.95, f"coverage {covered}/100, zero excluded {excluded}/100"
