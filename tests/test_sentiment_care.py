"""The care profile: measured on real airline mentions, tuned on three airlines, judged on the other three."""

from __future__ import annotations

import numpy as np
import pytest

from analytics import sentiment
from analytics.aggregates import aggregate_label
from tests.sentiment_fixtures import HELD_OUT_AIRLINES, TUNING_AIRLINES, airlines, ground_truth, macro_f1

# Measured with care-1 (the figures quoted in the issue's closing note). Floors sit just under them so a change
# that makes the profile worse fails, and the held-out floor is the issue's target or better.
HELD_OUT_MACRO_F1_FLOOR = 0.645   # measured 0.652 (stock VADER 0.563)
HELD_OUT_ACCURACY_FLOOR = 0.66    # measured 0.671 (stock VADER 0.572)
TUNING_MACRO_F1_FLOOR = 0.62      # measured 0.625 (stock VADER 0.381)
TWEETS_CORRELATION_FLOOR = 0.83   # measured 0.833 on the VADER tweet ground truth (vader profile 0.873)
ISSUE_TARGET_MACRO_F1 = 0.60


@pytest.fixture(scope="module")
def scored_airlines():
    data = airlines()
    data["care"] = aggregate_label(sentiment.score_texts(data["text"], profile="care")["compound"])
    data["vader"] = aggregate_label(sentiment.score_texts(data["text"], profile="vader")["compound"])
    return data


@pytest.mark.slow
def test_care_beats_the_target_on_held_out_airlines(scored_airlines) -> None:
    held = scored_airlines[scored_airlines["airline"].isin(HELD_OUT_AIRLINES)]
    truth = held["airline_sentiment"].to_numpy()
    care_f1 = macro_f1(truth, held["care"].to_numpy())
    assert care_f1 >= max(HELD_OUT_MACRO_F1_FLOOR, ISSUE_TARGET_MACRO_F1)
    assert np.mean(truth == held["care"].to_numpy()) >= HELD_OUT_ACCURACY_FLOOR
    assert care_f1 > macro_f1(truth, held["vader"].to_numpy())


@pytest.mark.slow
def test_care_on_tuning_airlines(scored_airlines) -> None:
    tuned = scored_airlines[scored_airlines["airline"].isin(TUNING_AIRLINES)]
    assert macro_f1(tuned["airline_sentiment"].to_numpy(), tuned["care"].to_numpy()) >= TUNING_MACRO_F1_FLOOR


@pytest.mark.slow
def test_care_does_not_collapse_on_general_tweets() -> None:
    data = ground_truth("tweets")
    compound = sentiment.score_texts(data["text"], profile="care")["compound"].to_numpy()
    assert np.corrcoef(data["rating"].to_numpy(), compound)[0, 1] >= TWEETS_CORRELATION_FLOOR


@pytest.mark.parametrize(("text", "label"), [
    ("@acme thanks for keeping me on hold for an hour", "negative"),
    ("@acme my flight is delayed again, still no answer", "negative"),
    ("@acme please help, what number do I call to change my booking?", "neutral"),
    ("@united thank you, the crew was wonderful!", "positive"),
])
def test_care_reads_service_complaints(text: str, label: str) -> None:
    assert aggregate_label(sentiment.score_texts([text], profile="care")["compound"].iloc[0]) == label


def test_care_has_its_own_cache_version() -> None:
    assert sentiment.model_version("care") != sentiment.model_version("vader")
