"""Golden-file helpers for mention imports: what one import reported and stored, as stable JSON.

``REBOUND_UPDATE_GOLDEN=1`` rewrites the golden files instead of comparing (review the diff before committing).
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from analytics.importers import ImportOptions, Source, import_source
from tests.golden import check_golden

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures" / "mentions"
REALDATA = TESTS.parents[1] / "shared" / "realdata"

POST_QUERY = """
select platform, post_id, author, account, role, strftime(created_at, '%Y-%m-%dT%H:%M:%SZ') as created_at, text,
       lang, is_repost, likes, reposts, replies, impressions, url, source_id
from posts order by platform, post_id
"""


def import_fixture(con: duckdb.DuckDBPyConnection, name: str, **options) -> dict:
    """Import ``fixtures/mentions/<name>`` and return the report and stored posts as a JSON-ready document."""
    report = import_source(con, Source.from_path(FIXTURES / name), ImportOptions(**options))
    cur = con.cursor()
    try:
        result = cur.execute(POST_QUERY)
        columns = [d[0] for d in result.description]
        posts = [dict(zip(columns, row, strict=True)) for row in result.fetchall()]
        zone = cur.execute("select assumed_zone from imports order by import_id desc limit 1").fetchone()
    finally:
        cur.close()
    data = report.as_json()
    data.pop("import_id")
    return {"report": data, "assumed_zone": zone[0] if zone else None, "posts": posts}


def assert_golden(name: str, document: dict) -> None:
    """Compare ``document`` with ``golden/mentions/<name>.json`` exactly (or rewrite it when updating)."""
    check_golden("mentions", name, document, sort_keys=True)
