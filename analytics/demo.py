"""Build the demo workspace from the exports bundled in ``sample_data/exports``.

The demo is imported exactly as a user would import those files (same readers, same loader, same scoring), so the
app on the demo data exercises the real path end to end. The X analytics overview export names no account; the demo
says it is ``lumenfibre``'s, as a user would on the Import page.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from analytics import sentiment, store
from analytics.errors import ReboundError
from analytics.importers import ImportOptions, ImportReport, import_paths

SAMPLE_EXPORTS = Path(__file__).resolve().parents[1] / "sample_data" / "exports"
DEMO_OWN_ACCOUNT = "lumenfibre"
ACCOUNT_FOR_FILE = {"account_overview_analytics.csv": DEMO_OWN_ACCOUNT}
"""Files whose content does not name their account, with the account the demo assigns them."""


def demo_files(exports: Path = SAMPLE_EXPORTS) -> list[Path]:
    """The bundled export files, in import order (the archive first, so the own account is known first)."""
    if not exports.is_dir():
        raise ReboundError(f"The demo exports folder {exports} is missing; run `python sample_data/generate.py`.",
                           title="Demo data missing")
    files = sorted(p for p in exports.iterdir() if p.is_file() and not p.name.startswith("."))
    return sorted(files, key=lambda p: (p.suffix != ".zip", p.name))


def build_demo(db_path: str | Path, exports: Path = SAMPLE_EXPORTS) -> tuple[duckdb.DuckDBPyConnection,
                                                                              list[ImportReport]]:
    """Create a fresh demo workspace at ``db_path`` (replacing any file there) and return it with the reports."""
    path = Path(db_path)
    if str(path) != ":memory:":
        for stale in (path, path.with_name(path.name + ".wal")):
            stale.unlink(missing_ok=True)
    con = store.connect(path)
    reports: list[ImportReport] = []
    for file in demo_files(exports):
        options = ImportOptions(account=ACCOUNT_FOR_FILE.get(file.name))
        reports.extend(import_paths(con, [file], options))
    failed = [r for r in reports if r.error]
    if failed:
        raise ReboundError(f"The demo export {failed[0].path} did not import: {failed[0].error}",
                           title="Demo build failed")
    sentiment.score_pending(con)
    return con, reports
