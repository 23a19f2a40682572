"""Daily/weekly aggregates: calendar, thresholds, low volume, non-English, net formulas, corrections, intervals."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from analytics import aggregates, corrections, sentiment
from analytics.aggregates import CORRECTED_COMPOUND, MIN_DAILY_VOLUME, NET_FORMULAS, aggregate_label, daily_sentiment
from analytics.errors import ReboundError
from tests.sentiment_fixtures import add_posts

GOOD = "I love this, it is great"
BAD = "This is terrible and awful"
FLAT = "The flight leaves at noon"
SPANISH = "Mi maleta se perdió otra vez y nadie del servicio me responde"


@pytest.fixture
def workspace(con):
    rows = []
    for i in range(12):
        rows.append({"post_id": f"a{i}", "text": GOOD if i < 8 else BAD, "created_at": "2026-11-02 09:00"})
    rows += [{"post_id": "b1", "text": BAD, "created_at": "2026-11-04 23:59"},
             {"post_id": "b2", "text": FLAT, "created_at": "2026-11-04 12:00"},
             {"post_id": "b3", "text": SPANISH, "created_at": "2026-11-04 13:00"},
             {"post_id": "o1", "text": GOOD, "created_at": "2026-11-03", "role": "own"},
             {"post_id": "c1", "text": GOOD, "created_at": "2026-11-03", "account": "other"}]
    add_posts(con, rows)
    sentiment.score_pending(con)
    return con


def test_contiguous_calendar_and_counts(workspace) -> None:
    frame = daily_sentiment(workspace, account="brand")
    assert list(frame.columns) == aggregates.COLUMNS
    assert frame["period"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-02", "2026-11-03", "2026-11-04"]
    assert frame["mentions"].tolist() == [12, 0, 3]
    assert frame["scored"].tolist() == [12, 0, 2]
    assert frame["unscored_non_english"].tolist() == [0, 0, 1]
    first = frame.iloc[0]
    assert (first.positives, first.neutrals, first.negatives) == (8, 0, 4)
    assert first.pos_share == pytest.approx(8 / 12)
    assert first.net_sentiment == pytest.approx((8 - 4) / (8 + 4))
    assert first.ci_low < first.mean_compound < first.ci_high
    assert not first.low_volume and MIN_DAILY_VOLUME <= 12
    quiet = frame.iloc[1]
    assert np.isnan(quiet.mean_compound) and np.isnan(quiet.ci_low) and quiet.low_volume
    assert frame.iloc[2].low_volume


def test_all_accounts_each_on_its_own_calendar(workspace) -> None:
    frame = daily_sentiment(workspace)
    assert frame.groupby("account")["period"].count().to_dict() == {"brand": 3, "other": 1}


def test_role_own_and_weekly_periods(workspace) -> None:
    own = daily_sentiment(workspace, account="brand", role="own")
    assert own["mentions"].tolist() == [1]
    weekly = daily_sentiment(workspace, account="brand", freq="week")
    assert weekly["period"].dt.strftime("%Y-%m-%d").tolist() == ["2026-11-02"]  # a Monday
    assert weekly["mentions"].tolist() == [15]


def test_non_english_is_left_out_by_default_and_counted(workspace) -> None:
    included = daily_sentiment(workspace, account="brand", include_non_english=True)
    assert included["scored"].tolist() == [12, 0, 3]
    assert included["unscored_non_english"].tolist() == [0, 0, 0]


def test_net_formulas_are_selectable_and_stated() -> None:
    p, u, n = np.array([6]), np.array([2]), np.array([2])
    assert aggregates.net_sentiment(p, u, n, "balance")[0] == pytest.approx(0.5)
    assert aggregates.net_sentiment(p, u, n, "share")[0] == pytest.approx(0.4)
    assert aggregates.net_sentiment(p, u, n, "log_ratio")[0] == pytest.approx(np.log(7 / 3))
    assert set(NET_FORMULAS) == set(aggregates.NET_FORMULA_DESCRIPTIONS)
    with pytest.raises(ReboundError):
        aggregates.check_net_formula("vibes")


def test_labels_use_the_named_threshold() -> None:
    t = aggregates.NEUTRAL_THRESHOLD
    assert aggregate_label(t) == "positive"
    assert aggregate_label(-t) == "negative"
    assert aggregate_label(0.0) == "neutral"
    assert aggregate_label([t / 2, -1.0]).tolist() == ["neutral", "negative"]


def test_corrections_flow_into_aggregates_and_survive_rescoring(workspace) -> None:
    before = daily_sentiment(workspace, account="brand").iloc[0]
    corrections.correct(workspace, "x", "a0", "negative")       # model said positive
    corrections.correct(workspace, "x", "a8", "negative")       # model already said negative: keeps its compound
    after = daily_sentiment(workspace, account="brand").iloc[0]
    assert (after.positives, after.negatives) == (before.positives - 1, before.negatives + 1)
    good = sentiment.score_texts([GOOD])["compound"].iloc[0]
    expected_mean = before.mean_compound + (CORRECTED_COMPOUND["negative"] - good) / 12
    assert after.mean_compound == pytest.approx(expected_mean)
    # a corrected non-English mention counts: a person read it
    corrections.correct(workspace, "x", "b3", "negative")
    day3 = daily_sentiment(workspace, account="brand").iloc[2]
    assert (day3.scored, day3.unscored_non_english, day3.negatives) == (3, 0, 2)
    # re-scoring with another profile keeps the corrections
    sentiment.set_active_profile(workspace, "care")
    sentiment.score_pending(workspace)
    care = daily_sentiment(workspace, account="brand").iloc[0]
    assert care.negatives >= 5
    assert corrections.remove_correction(workspace, "x", "a0")
    assert not corrections.remove_correction(workspace, "x", "a0")


def test_correction_errors_are_user_errors(workspace) -> None:
    with pytest.raises(ReboundError, match="Unknown sentiment label"):
        corrections.correct(workspace, "x", "a0", "furious")
    with pytest.raises(ReboundError, match="No post"):
        corrections.correct(workspace, "x", "nope", "positive")


def test_mentions_of_day_lists_extremes_with_corrections(workspace) -> None:
    corrections.correct(workspace, "x", "a1", "neutral")
    table = corrections.mentions_of_day(workspace, "brand", "2026-11-02", limit=2)
    assert table["compound"].is_monotonic_increasing
    assert len(table) == 4
    assert table["text"].iloc[0] == BAD
    listed = corrections.mentions_of_day(workspace, "brand", "2026-11-02", limit=20)
    row = listed.set_index("post_id").loc["a1"]
    assert (row.model_label, row.corrected_label, row.label) == ("positive", "neutral", "neutral")


def test_bootstrap_is_reproducible_and_covers_the_true_mean(con) -> None:
    rng = np.random.default_rng(7)
    vocabulary = [GOOD, BAD, FLAT, "good", "bad", "fine I guess", "horrible delay", "love it"]
    rows = [{"post_id": i, "text": vocabulary[rng.integers(len(vocabulary))],
             "created_at": pd.Timestamp("2026-10-01") + pd.Timedelta(days=int(i % 40))} for i in range(4000)]
    add_posts(con, rows)
    sentiment.score_pending(con)
    first = daily_sentiment(con, seed=3)
    assert first.equals(daily_sentiment(con, seed=3))
    overall = con.execute("select avg(c.compound) from posts p join sentiment_cache c using (text_hash)").fetchone()[0]
    covered = ((first["ci_low"] <= overall) & (overall <= first["ci_high"])).mean()
    assert covered >= 0.85  # 95% intervals of 40 days drawn from one distribution


def test_large_workspace_aggregates(con) -> None:
    rng = np.random.default_rng(1)
    n = 20_000
    texts = [GOOD, BAD, FLAT]
    add_posts(con, [{"post_id": i, "text": texts[i % 3],
                     "created_at": pd.Timestamp("2026-01-01") + pd.Timedelta(seconds=int(rng.integers(0, 86400 * 120)))}
                    for i in range(n)])
    sentiment.score_pending(con)
    frame = daily_sentiment(con)
    assert len(frame) == 120 and frame["mentions"].sum() == n
    assert frame["ci_low"].notna().all()
