"""Golden files for the X readers (``tests/golden/x/``); see ``tests.golden``."""

from __future__ import annotations

from pathlib import Path

from analytics.importers.base import ParsedFile
from tests.golden import check_golden, render

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "x"


def assert_golden(name: str, parsed: ParsedFile) -> None:
    """Compare ``parsed`` with ``golden/x/<name>.json``; with ``REBOUND_UPDATE_GOLDEN=1`` write it instead."""
    check_golden("x", name, render(parsed))
