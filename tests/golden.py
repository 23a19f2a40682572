"""Golden files: a document compared exactly with ``tests/golden/<family>/<name>.json``.

Run the tests with ``REBOUND_UPDATE_GOLDEN=1`` to (re)write the golden files after an intended change, then review
the diff before committing. ``render`` turns what a reader hands the loader into a stable JSON shape.
"""

from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pandas as pd

from analytics.importers.base import ParsedFile

GOLDEN = Path(__file__).resolve().parent / "golden"
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


def check_golden(family: str, name: str, document: dict, sort_keys: bool = False) -> None:
    """Compare ``document`` with ``golden/<family>/<name>.json`` (or write it when ``REBOUND_UPDATE_GOLDEN=1``)."""
    path = GOLDEN / family / f"{name}.json"
    text = json.dumps(document, indent=2, ensure_ascii=False, sort_keys=sort_keys) + "\n"
    if os.environ.get(UPDATE_ENV) == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no golden file {path}; run with {UPDATE_ENV}=1 to create it"
    assert json.loads(text) == json.loads(path.read_text(encoding="utf-8")), f"{name} differs from {path}"
