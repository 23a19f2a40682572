"""The CLI as a user runs it: a real `python -m analytics` process, real files, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
GROUND_TRUTH = json.loads((REPO / "sample_data" / "ground_truth.json").read_text())


def run_cli(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], check=False, cwd=REPO, capture_output=True,
                          text=True, timeout=600, env=env)


def test_demo_then_events_list_prints_the_planted_events(demo_db):
    result = run_cli("events", "list", "--db", str(demo_db), "--json")
    assert result.returncode == 0, result.stderr
    events = json.loads(result.stdout)["events"]
    by_kind = {e["kind"]: e for e in events if e["account"] == GROUND_TRUTH["account"]}
    assert by_kind["incident"]["occurred_at"].startswith(GROUND_TRUTH["incident_date"])
    assert by_kind["apology"]["occurred_at"].startswith(GROUND_TRUTH["apology_date"])
    assert by_kind["strategy_change"]["occurred_at"].startswith(GROUND_TRUTH["strategy_change_date"])
    assert all(e["source"] == "imported" for e in events)


def test_demo_command_builds_a_workspace(tmp_path):
    target = tmp_path / "x.duckdb"
    result = run_cli("demo", "--db", str(target), "--json")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["tables"]["events"] >= 3
    assert sum(GROUND_TRUTH["mentions_per_account"].values()) + GROUND_TRUTH["own_tweets"] == \
        document["tables"]["posts"]
    assert all(f["error"] is None and f["rejected"] == 0 for f in document["files"])


def test_errors_are_one_line_without_traceback(tmp_path):
    missing = run_cli("import", str(tmp_path / "nope.csv"), "--db", str(tmp_path / "w.duckdb"))
    assert missing.returncode == 1
    assert "Traceback" not in missing.stderr and len(missing.stderr.strip().splitlines()) == 1
    not_a_db = tmp_path / "notes.duckdb"
    not_a_db.write_text("plain text, not a database")
    broken = run_cli("events", "list", "--db", str(not_a_db))
    assert broken.returncode == 1
    assert "Traceback" not in broken.stderr and len(broken.stderr.strip().splitlines()) == 1


def test_status_reports_table_counts(demo_db):
    result = run_cli("status", "--db", str(demo_db), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["tables"]["posts"] > 10_000
