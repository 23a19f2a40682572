"""XLSX mention exports read into the same ``CsvTable`` shape CSV readers use, so one reader serves both.

Brandwatch's XLSX puts its header on row 7 under metadata rows; a generic mention file may be any workbook. The
workbook is opened by ``spreadsheet.read_grids`` (zip-slip and zip-bomb checks, sheet and row limits). Cells become
strings the way the export meant them: whole numbers without ``.0``; dates as ISO text (zone-less, so the assumed
zone applies); and floats of 2^53 or more in scientific notation, because such a float is an id a spreadsheet already
rounded, and ``damage.repair`` must see it as destroyed rather than as a plausible-looking wrong id.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time

from analytics.errors import ReboundError
from analytics.importers.base import Source
from analytics.importers.safe_zip import is_zip
from analytics.importers.spreadsheet import MAX_SHEET_ROWS, is_workbook, read_grids
from analytics.importers.textfile import CsvTable, normalise_header

HEADER_SEARCH_ROWS = 20
"""How many rows from the top of a sheet may hold metadata before the header."""

FLOAT_ID_THRESHOLD = 2**53
"""Floats at or above this cannot hold an integer exactly: written in scientific notation so damage is visible."""


def is_xlsx(source: Source) -> bool:
    """Whether ``source`` is an Office Open XML workbook (a zip holding ``xl/workbook.xml``); never raises."""
    return is_workbook(source) and is_zip(source)


def cell_text(value: object) -> str:
    """A cell as the text the export meant (see the module notes for ids and dates)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < FLOAT_ID_THRESHOLD:
            return str(int(value))
        if abs(value) >= FLOAT_ID_THRESHOLD:
            return f"{value:.5E}"
        return repr(value)
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def sheet_rows(source: Source, max_rows: int | None = None) -> list[tuple[int, list[str]]]:
    """The first worksheet's non-empty rows as (1-based row number, cell texts).

    Opening, archive checks and limits are ``spreadsheet.read_grids``'s (one safe workbook reader for every
    importer); formulas come back as their ``=…`` text, never evaluated, so ``damage.repair`` can count them.
    """
    grids = read_grids(source)
    if not grids:
        raise ReboundError(f"{source.name} has no worksheet.", title="Empty file")
    limit = min(max_rows or MAX_SHEET_ROWS, MAX_SHEET_ROWS)
    rows = []
    for number, values in grids[0].rows[:limit]:
        cells = [cell_text(v) for v in values]
        if any(c.strip() for c in cells):
            rows.append((number, cells))
    return rows


def read_sheet(source: Source, required: Iterable[str], max_rows: int | None = None) -> CsvTable:
    """The first worksheet as a ``CsvTable``: header = first row (within ``HEADER_SEARCH_ROWS``) holding every
    ``required`` name, or the first row with two or more filled cells when nothing is required. Record numbers are
    the sheet's row numbers, so rejections point at the row the user sees in Excel."""
    wanted = {normalise_header(n) for n in required}
    rows = sheet_rows(source, max_rows)
    index = _header_index(rows, wanted)
    if index is None:
        what = f"the columns {', '.join(sorted(wanted))}" if wanted else "a header"
        raise ReboundError(f"{source.name}: no row with {what} in the first {HEADER_SEARCH_ROWS} rows of the first "
                           "sheet.", title="File not recognised")
    header_number, header_cells = rows[index]
    header = [normalise_header(h) for h in header_cells]
    while header and not header[-1]:
        header.pop()
    records = []
    for number, cells in rows[index + 1:]:
        values = {h: (cells[i] if i < len(cells) else "") for i, h in enumerate(header) if h}
        if any(c.strip() for c in cells[len(header):]):
            values["__field_count__"] = str(len(cells))
        records.append((number, values))
    return CsvTable(header=header, records=records, header_line=header_number, delimiter="xlsx")


def _header_index(rows: list[tuple[int, list[str]]], wanted: set[str]) -> int | None:
    for index, (_, cells) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {normalise_header(c) for c in cells if c.strip()}
        if (wanted and wanted <= names) or (not wanted and len(names) >= 2):
            return index
    return None


def sheet_head_matches(source: Source, required: Iterable[str]) -> bool:
    """Whether the first rows of a workbook hold a header with every ``required`` name (for ``sniff``; never raises)."""
    if not is_xlsx(source):
        return False
    try:
        read_sheet(source, required, max_rows=HEADER_SEARCH_ROWS)
    except ReboundError:
        return False
    return True
