"""Golden files for the X readers: a parsed file rendered as JSON and compared exactly with ``tests/golden/x/``.

Run with ``REBOUND_UPDATE_GOLDEN=1`` to (re)write the golden files after an intended change, then review the diff.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pandas as pd

from analytics.importers.base import ParsedFile

GOLDEN_DIR = Path(__file__).resolve().parent / "golden" / "x"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "x"
UPDATE_ENV = "REBOUND_UPDATE_GOLDEN"


def _cell(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars
        return value.item()
    return value


def _records(frame: pd.DataFrame) -> list[dict]:
    return [{column: _cell(value) for column, value in row.items()} for row in frame.to_dict(orient="records")]


def render(parsed: ParsedFile) -> dict:
    """Everything a reader hands the loader, in a stable JSON shape."""
    return {
        "format": parsed.format,
        "rows_read": parsed.rows_read,
        "assumed_zone": parsed.assumed_zone,
        "warnings": parsed.warnings,
        "rejected": [{"line": r.line, "reason": r.reason} for r in parsed.rejected],
        "accounts": _records(parsed.accounts),
        "posts": _records(parsed.posts),
        "account_daily": _records(parsed.account_daily),
        "events": _records(parsed.events),
    }


def assert_golden(name: str, parsed: ParsedFile) -> None:
    """Compare ``parsed`` with ``golden/x/<name>.json``; with ``REBOUND_UPDATE_GOLDEN=1`` write it instead."""
    actual = render(parsed)
    path = GOLDEN_DIR / f"{name}.json"
    if os.environ.get(UPDATE_ENV) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(actual, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with {UPDATE_ENV}=1 to create it"
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert json.loads(json.dumps(actual, ensure_ascii=False)) == expected
