"""The Overview's numbers on the demo workspace match the planted ground truth in sample_data/."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analytics import overview, store
from analytics.charts.timeline import band_polygons, overview_timeline
from analytics.events import events_frame

GROUND_TRUTH = json.loads((Path(__file__).resolve().parents[1] / "sample_data" / "ground_truth.json").read_text())


@pytest.fixture(scope="module")
def daily(demo_db, tmp_path_factory):
    path = tmp_path_factory.mktemp("overview") / "demo.duckdb"
    shutil.copy(demo_db, path)
    con = store.connect(path)
    frame = overview.daily_overview(con, GROUND_TRUTH["account"])
    yield frame, events_frame(con, GROUND_TRUTH["account"])
    con.close()


def test_calendar_is_contiguous_and_counts_every_mention(daily):
    frame, _ = daily
    assert (frame["day"].diff().dropna() == pd.Timedelta(days=1)).all()
    assert frame["mentions"].sum() == GROUND_TRUTH["mentions_per_account"][GROUND_TRUTH["account"]]


def test_follower_curve_matches_the_planted_story(daily):
    frame, _ = daily
    by_day = frame.set_index(frame["day"].dt.strftime("%Y-%m-%d"))["followers"]
    assert by_day[GROUND_TRUTH["followers_day_before_incident_date"]] == GROUND_TRUTH["followers_day_before_incident"]
    assert by_day.idxmin() == GROUND_TRUTH["followers_min_date"]
    assert by_day.dropna().iloc[-1] == GROUND_TRUTH["followers_final"]


def test_sentiment_trough_and_baseline(daily):
    frame, _ = daily
    by_day = frame.set_index(frame["day"].dt.strftime("%Y-%m-%d"))
    assert by_day["mean_compound"].idxmin() == GROUND_TRUTH["trough_date"]
    start, end = GROUND_TRUTH["baseline_window"]
    baseline = by_day.loc[start:end, "mean_compound"].mean()
    # Ground truth averages every mention; the Overview leaves non-English ones out (counted separately).
    assert baseline == pytest.approx(GROUND_TRUTH["baseline_mean_compound"], abs=0.02)
    assert frame["unscored_non_english"].sum() > 0


def test_timeline_has_volume_sentiment_followers_and_event_markers(daily):
    frame, events = daily
    figure = overview_timeline(frame, events, GROUND_TRUTH["account"], "vader")
    names = [trace.name for trace in figure.data]
    assert {"Mentions", "Mean compound", "Followers", "95% interval"} <= set(names)
    labels = [a.text for a in figure.layout.annotations if a.text.startswith("▼")]
    assert len(labels) == len(events) == 3
    assert len({(a.y) for a in figure.layout.annotations if a.text.startswith("▼")}) == 3  # stacked, not overlapping


def test_band_polygons_skip_days_without_an_interval():
    days = pd.Series(pd.date_range("2026-01-01", periods=5))
    low = pd.Series([0.0, 0.1, None, 0.2, 0.3])
    high = pd.Series([1.0, 1.1, None, 1.2, 1.3])
    xs, ys = band_polygons(days, low, high)
    assert ys == [1.0, 1.1, 0.1, 0.0, None, 1.2, 1.3, 0.3, 0.2, None]
    assert xs.count(None) == 2


def test_an_account_on_two_platforms_keeps_one_row_per_day(con):
    from analytics.importers import ImportOptions, Source, import_source

    csv = "date,followers,account,platform\n2026-06-01,100,acme,x\n2026-06-01,40,acme,linkedin\n2026-06-02,105,acme,x\n"
    assert import_source(con, Source("followers.csv", csv.encode()), ImportOptions()).error is None
    frame = overview.daily_overview(con, "acme")
    assert frame["day"].is_unique and len(frame) == 2
    assert frame["followers"].tolist()[0] == 140
