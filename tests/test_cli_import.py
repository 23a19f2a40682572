"""The ``import`` command's contract: JSON shape, exit codes 0/1/2, and the mapping step for generic files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

import analytics.cli  # noqa: F401  (registers the commands on the app)
from analytics.cli.app import app
from tests.mention_golden import FIXTURES

REPO = Path(__file__).resolve().parents[1]
REPORT_KEYS = {"path", "format", "rows_read", "rows_added", "duplicates", "rejected", "warnings", "error", "mapping"}
runner = CliRunner()


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "analytics", "import", *args], cwd=REPO, capture_output=True,
                          text=True, timeout=300, check=False)


def test_real_process_json_contract_and_partial_failure(tmp_path):
    db = str(tmp_path / "w.duckdb")
    missing = str(tmp_path / "missing.csv")
    done = _run("--db", db, "--json", str(FIXTURES / "brandwatch.csv"), missing, str(FIXTURES / "generic.csv"))
    assert done.returncode == 1, done.stderr
    files = json.loads(done.stdout)["files"]
    assert [f["format"] for f in files] == ["brandwatch", None, "generic"]
    assert all(set(f) >= REPORT_KEYS for f in files)
    assert (files[0]["rows_read"], files[0]["rows_added"], files[0]["rejected"]) == (5, 4, 1)
    assert files[1]["error"].startswith("File not found") and files[0]["error"] is None
    assert files[2]["rows_added"] == 3 and files[2]["mapping"]["text"] == "message"
    again = _run("--db", db, "--json", str(FIXTURES / "brandwatch.csv"))
    assert again.returncode == 0
    assert json.loads(again.stdout)["files"][0]["rows_added"] == 0


def test_usage_errors_exit_2_before_reading_anything(tmp_path):
    db = tmp_path / "w.duckdb"
    path = str(FIXTURES / "generic.csv")
    for args in (["--format", "nope"], ["--map", "text"], ["--map", "mood=Message"], ["--platform", "myspace"],
                 ["--zone", "Mars/Olympus"]):
        result = runner.invoke(app, ["import", "--db", str(db), *args, path])
        assert result.exit_code == 2, (args, result.output)
    assert not db.exists()
    assert _run("--db", str(db), "--format", "nope", path).returncode == 2


def test_ambiguous_generic_file_is_refused_naming_candidates_then_map_fixes_it(tmp_path):
    db = str(tmp_path / "w.duckdb")
    path = str(FIXTURES / "generic_ambiguous.csv")
    refused = runner.invoke(app, ["import", "--db", db, "--json", path])
    assert refused.exit_code == 1
    report = json.loads(refused.stdout)["files"][0]
    assert "'posted' or 'published'" in report["error"]
    mapped = runner.invoke(app, ["import", "--db", db, "--json", "--map", "time=published", "--save-mapping",
                                 "ambiguous", path])
    assert mapped.exit_code == 0, mapped.output
    used = json.loads(mapped.stdout)["files"][0]
    assert used["mapping"] == {"text": "body", "time": "published", "account": "brand"}
    assert used["rows_added"] == 2
    # The saved mapping applies to the next file with the same columns, without --map.
    reused = runner.invoke(app, ["import", "--db", db, "--json", path])
    assert reused.exit_code == 0 and json.loads(reused.stdout)["files"][0]["duplicates"] == 2


def test_human_output_prints_the_mapping(tmp_path):
    result = runner.invoke(app, ["import", "--db", str(tmp_path / "w.duckdb"), str(FIXTURES / "generic.csv")])
    assert result.exit_code == 0, result.output
    assert "mapping: text=message,time=created time" in result.stdout
