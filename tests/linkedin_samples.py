"""Synthetic LinkedIn page exports written from the format notes (export-formats.md §5); no licensed original exists.

``CONTENT`` and ``FOLLOWERS`` are the current generation (``Post title``, ``Reposts``, ``Sponsored followers``);
``UPDATES_OLD`` is the older one (``Update title``, ``Shares``, ``Followers Organic``), committed as a real BIFF
``.xls`` because the tests cannot write one: regenerate it with ``python -m tests.linkedin_samples`` after
``pip install xlwt==1.3.0`` (a one-off generator tool, not a dependency of the app or the tests).
"""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import openpyxl

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "linkedin"
XLS_FIXTURE = FIXTURES / "lumen-fibre_updates_1781000000000.xls"

BANNER = ["Aggregated metrics for Lumen Fibre, 06/11/2026 - 06/14/2026"]
"""LinkedIn's banner text is not known [L]; the reader never matches it, only skips it."""

METRICS_HEADER = ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
                  "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)",
                  "Reactions (organic)", "Reactions (sponsored)", "Reactions (total)", "Comments (organic)",
                  "Comments (sponsored)", "Comments (total)", "Reposts (organic)", "Reposts (sponsored)",
                  "Reposts (total)", "Engagement rate (organic)", "Engagement rate (sponsored)",
                  "Engagement rate (total)"]

POSTS_HEADER = ["Post title", "Post link", "Post type", "Campaign name", "Posted by", "Created date",
                "Campaign start date", "Campaign end date", "Audience", "Impressions", "Views", "Offsite Views",
                "Clicks", "Click through rate (CTR)", "Likes", "Comments", "Reposts", "Follows", "Engagement rate",
                "Content Type"]

CONTENT: dict[str, list[list[object]]] = {
    "Metrics": [
        BANNER,
        METRICS_HEADER,
        ["06/11/2026", 1200, 0, 1200, 900, 30, 0, 30, 25, 0, 25, 3, 0, 3, 1, 0, 1, 0.049, 0, 0.049],
        ["06/12/2026", 5400, 600, 6000, 4100, 200, 40, 240, 80, 10, 90, 60, 5, 65, 12, 0, 12, 0.075, 0.09, 0.068],
        ["06/13/2026", 3100, 0, 3100, 2500, 90, 0, 90, 40, 0, 40, 20, 0, 20, 4, 0, 4, 0.049, 0, 0.049],
        ["not a day", 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    ],
    "All posts": [
        ["All posts, Lumen Fibre"],
        POSTS_HEADER,
        ["We know many of you are offline.\nEngineers are on site in Leeds & York.",
         "https://www.linkedin.com/feed/update/urn:li:activity:7330000000000000001", "Organic", "", "Dana Reyes",
         "06/12/2026", "", "", "All followers", 4200, "", "", 180, 0.043, 70, 55, 10, 2, 0.074, ""],
        ['=HYPERLINK("https://status.example.com","Live status page")',
         "https://www.linkedin.com/feed/update/urn:li:ugcPost:7330000000000000002", "Sponsored", "Outage updates",
         "Dana Reyes", "06/13/2026", "06/13/2026", "06/20/2026", "Leeds", 1800, "", "", 60, 0.033, 15, 4, 1, 0,
         0.044, ""],
        ["<script>alert('x')</script> An apology, and what changes", "", "Organic", "", "Sam Okafor", "06/16/2026",
         "", "", "All followers", 9100, 2300, 40, 400, 0.044, 310, 120, 44, 25, 0.096, "Video"],
        ["No date", "https://www.linkedin.com/feed/update/urn:li:activity:7330000000000000009", "Organic", "", "",
         "", "", "", "", 1, "", "", 0, 0, 0, 0, 0, 0, 0, ""],
    ],
}

FOLLOWERS: dict[str, list[list[object]]] = {
    "New followers": [
        ["New followers, Lumen Fibre"],
        ["Date", "Sponsored followers", "Organic followers", "Auto-invited followers", "Total followers"],
        ["06/11/2026", 0, 14, 1, 15],
        [datetime(2026, 6, 12), 0, 2, 0, 2],
        ["06/13/2026", 5, 30, 0, 35],
    ],
    "Location": [
        ["Location, Lumen Fibre"],
        ["Location", "Total followers"],
        ["Leeds, England", 5400],
    ],
}

UPDATES_OLD: dict[str, list[list[object]]] = {
    "Metrics": [
        ["Updates metrics"],
        ["Date", "Impressions (organic)", "Impressions (sponsored)", "Impressions (total)",
         "Unique impressions (organic)", "Clicks (organic)", "Clicks (sponsored)", "Clicks (total)",
         "Reactions (organic)", "Reactions (sponsored)", "Reactions (total)", "Comments (organic)",
         "Comments (sponsored)", "Comments (total)", "Shares (organic)", "Shares (sponsored)", "Shares (total)",
         "Engagement rate (organic)", "Engagement rate (sponsored)", "Engagement rate (total)"],
        ["03/01/2022", 800, 0, 800, 600, 10, 0, 10, 9, 0, 9, 1, 0, 1, 2, 0, 2, 0.027, 0, 0.027],
        ["03/02/2022", 950, 50, 1000, 700, 12, 3, 15, 11, 1, 12, 2, 0, 2, 0, 0, 0, 0.026, 0.08, 0.029],
    ],
    "All posts": [
        ["Updates"],
        ["Update title", "Update link", "Update type", "Campaign name", "Posted by", "Created date",
         "Campaign start date", "Campaign end date", "Audience", "Impressions",
         "Views (excluding off-site video views)", "Clicks", "Click through rate (CTR)", "Likes", "Comments",
         "Shares", "Followers", "Engagement rate"],
        ["Spring offers are live", "https://www.linkedin.com/feed/update/urn:li:activity:6900000000000000001",
         "Organic", "", "Dana Reyes", "03/01/2022", "", "", "All followers", 700, "", 9, 0.013, 8, 1, 2, 0, 0.029],
    ],
}


def xlsx_bytes(sheets: dict[str, list[list[object]]]) -> bytes:
    """A real ``.xlsx`` holding ``sheets`` (name → rows), written with openpyxl."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def write_xls_fixture(path: Path = XLS_FIXTURE) -> None:
    """Write ``UPDATES_OLD`` as a BIFF8 ``.xls`` (needs ``xlwt``, installed by hand for this one-off)."""
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    for name, rows in UPDATES_OLD.items():
        sheet = book.add_sheet(name)
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                sheet.write(r, c, value)
    book.save(str(path))


if __name__ == "__main__":
    write_xls_fixture()
