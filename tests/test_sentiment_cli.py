"""`python -m analytics score | correct | profile` as a user runs them, on a copy of the demo workspace."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from analytics import store

REPO = Path(__file__).resolve().parents[1]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", *args], check=False, cwd=REPO, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def demo_copy(demo_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "demo.duckdb"
    shutil.copy(demo_db, target)
    return target


def test_score_twice_scores_nothing_new_then_a_new_profile(demo_copy: Path) -> None:
    first = run_cli("score", "--db", str(demo_copy), "--json")
    assert first.returncode == 0, first.stderr
    second = run_cli("score", "--db", str(demo_copy), "--json")
    assert json.loads(second.stdout)["scored"] == 0
    care = run_cli("score", "--profile", "care", "--db", str(demo_copy), "--json")
    assert json.loads(care.stdout)["scored"] > 0
    again = run_cli("score", "--profile", "care", "--db", str(demo_copy))
    assert "Nothing new to score" in again.stdout


def test_profile_get_and_set(demo_copy: Path) -> None:
    assert json.loads(run_cli("profile", "--db", str(demo_copy), "--json").stdout)["profile"] == "vader"
    assert run_cli("profile", "care", "--db", str(demo_copy)).stdout.startswith("care:")
    bad = run_cli("profile", "nope", "--db", str(demo_copy))
    assert bad.returncode == 1 and "Unknown sentiment profile" in bad.stderr


def test_correct_stores_a_label_and_rejects_unknown_posts(demo_copy: Path) -> None:
    con = store.connect(demo_copy)
    platform, post_id = con.execute("select platform, post_id from posts where role = 'mention' limit 1").fetchone()
    con.close()
    ok = run_cli("correct", platform, post_id, "Negative", "--db", str(demo_copy))
    assert ok.returncode == 0, ok.stderr
    con = store.connect(demo_copy, read_only=True)
    assert con.execute("select label from sentiment_override where post_id = $id", {"id": post_id}).fetchone() == (
        "negative",)
    con.close()
    missing = run_cli("correct", platform, "0000", "negative", "--db", str(demo_copy))
    assert missing.returncode == 1 and "No post" in missing.stderr
