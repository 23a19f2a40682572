"""The demo workspace's planted story, measured: recovery card, windows, suggestions, and the impact JSON."""

from __future__ import annotations

import json
import shutil
from datetime import date

import pytest
from typer.testing import CliRunner

from analytics import events, impact, store, suggestions
from analytics.charts.impact import recovery_chart
from analytics.cli.app import app
from analytics.errors import ReboundError
from tests.conftest import REPO

TRUTH = json.loads((REPO / "sample_data" / "ground_truth.json").read_text(encoding="utf-8"))
RECOVERY_TOLERANCE_DAYS = 2


@pytest.fixture(scope="module")
def demo(demo_db):
    con = store.connect(demo_db, read_only=True)
    yield con
    con.close()


def test_recovery_card_matches_the_planted_recovery(demo) -> None:
    result = impact.analyse_event(demo, 1, allow_overlap=True)
    card = result.recovery
    planted = date.fromisoformat(TRUTH["recovered_date_planted"])
    assert abs((card.recovered_date - planted).days) <= RECOVERY_TOLERANCE_DAYS
    assert card.trough_date == date.fromisoformat(TRUTH["trough_date"])
    assert card.baseline == pytest.approx(TRUTH["baseline_mean_compound"], abs=0.01)
    assert result.counterfactual.ci95[1] < 0  # the outage hurt, and the interval says so


def test_windows_overlapping_other_events_are_refused_with_a_fix(demo) -> None:
    with pytest.raises(ReboundError, match="--allow-overlap"):
        impact.analyse_event(demo, 1)
    with pytest.raises(ReboundError, match="shorten --post-days"):
        impact.analyse_event(demo, 1, post_days=120, allow_overlap=True)
    with pytest.raises(ReboundError, match="too short"):
        impact.analyse_event(demo, 1, pre_days=3, allow_overlap=True)


def test_suggestions_find_the_planted_incident_and_apology(demo_db, tmp_path) -> None:
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    con = store.connect(copy)
    for event in events.list_events(con, account="lumenfibre"):
        events.delete_event(con, event.event_id)
    found = suggestions.suggest(con, account="lumenfibre").suggestions
    kinds = {(s.kind, s.day) for s in found}
    assert ("incident", date.fromisoformat(TRUTH["incident_date"])) in kinds
    assert ("apology", date.fromisoformat(TRUTH["apology_date"])) in kinds
    apology = next(s for s in found if s.kind == "apology")
    new_id = events.accept_suggestion(con, apology)
    assert events.get_event(con, new_id).source == "suggested"
    assert all(s.kind != "apology" for s in suggestions.suggest(con, account="lumenfibre").suggestions)
    con.close()


def test_impact_cli_prints_the_documented_json_shape(demo_db, tmp_path) -> None:
    copy = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, copy)
    out = CliRunner().invoke(app, ["impact", "--event", "1", "--allow-overlap", "--control", "skylinkhome",
                                   "--pre-days", "28", "--db", str(copy), "--json"])
    assert out.exit_code == 0, out.output
    doc = json.loads(out.stdout)
    assert set(doc) >= {"event", "windows", "metrics", "counterfactual", "recovery", "followers"}
    assert doc["windows"]["pre"] == ["2026-05-15", "2026-06-11"]
    for metric in ("mean_compound", "net_sentiment", "negative_share", "mention_volume", "engagement_rate",
                   "net_followers"):
        assert set(doc["metrics"][metric]) == {"pre_mean", "post_mean", "delta", "ci95", "p_value", "n_pre", "n_post"}
    assert {"effect", "ci95", "relative_effect", "placebo_p"} <= set(doc["counterfactual"])
    assert doc["counterfactual"]["placebo_p"] > 0.05  # no effect "found" where none happened
    assert {"baseline", "band", "trough", "trough_date", "days_to_trough", "recovered_date", "days_to_recover",
            "sentiment_days_lost"} <= set(doc["recovery"])


def test_recovery_chart_marks_what_the_brand_did(workspace):
    con = store.connect(workspace)
    card = impact.incident_recovery(con, 1)
    figure = recovery_chart(card, events.events_frame(con, card.account))
    labels = [a.text for a in figure.layout.annotations if a.text.startswith("▼")]
    assert len(labels) == 2 and any("apology" in a.hovertext for a in figure.layout.annotations if a.hovertext)
