"""Spreadsheet exports read safely, as plain grids of cells, plus the checks for spreadsheet damage.

LinkedIn hands out ``.xlsx`` and old binary ``.xls`` workbooks (and people convert them to CSV); Meta's CSVs are
often opened and re-saved in Excel. Every reader of such files needs the same two things, so they live here:

* ``read_grids``: each sheet as ``(row number, cells)`` pairs, never evaluating anything (formulas come back as
  their ``=…`` text), refusing encrypted or damaged workbooks with one line, and capping sheets and rows
  (``MAX_WORKBOOK_SHEETS``, ``MAX_SHEET_ROWS``) so a hostile workbook cannot exhaust memory. ``.xlsx`` is a zip, so
  it passes ``SafeZip``'s zip-bomb checks first.
* damage checks (export-formats.md §9): ``=``-prefixed cells (Excel formulas or escapes; kept as text, counted for
  a warning), ids destroyed by scientific notation, and Excel serial dates.
"""

from __future__ import annotations

import csv
import io
import struct
import zipfile
import zlib
from dataclasses import dataclass
from datetime import date, datetime

import xlrd
import xlrd.compdoc
from openpyxl.utils.exceptions import InvalidFileException

from analytics.errors import ReboundError
from analytics.importers.base import Source
from analytics.importers.damage import is_scientific
from analytics.importers.safe_zip import SafeZip, is_zip
from analytics.importers.textfile import decode

MAX_WORKBOOK_SHEETS = 64
"""Most sheets a workbook may hold; LinkedIn exports have 2–6, so more means a wrong or hostile file."""

MAX_SHEET_ROWS = 200_000
"""Most rows read from one sheet; a daily export covers a few hundred days, a post export a few thousand posts."""

WORKBOOK_ENTRY = "xl/workbook.xml"
"""The part every ``.xlsx`` holds; a zip without it is some other archive."""

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Start of a Compound File: an old binary ``.xls`` (BIFF) or an encrypted ``.xlsx`` (Office wraps those in OLE2)."""

ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
"""The OLE2 stream name (UTF-16 in the directory) of a password-protected Office file."""

FORMULA_PREFIX = "="
EXCEL_SERIAL_RANGE = (20_000, 80_000)
"""Numbers in this range where a date belongs are Excel serial dates (1954–2119): the date format was lost."""

_XLS_ERRORS = (xlrd.XLRDError, xlrd.compdoc.CompDocError, struct.error, OSError, ValueError, EOFError, IndexError,
               KeyError, AssertionError)
"""What xlrd raises on truncated, encrypted or malformed BIFF data (it has no single error type)."""

_XLSX_ERRORS = (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile, TypeError, IndexError, AttributeError,
                SyntaxError, zlib.error, NotImplementedError, InvalidFileException)
"""What openpyxl raises on broken parts: broken XML surfaces as ``ParseError`` (a SyntaxError), missing parts as
KeyError, a corrupt deflate stream as ``zlib.error``, an unknown compression method as NotImplementedError."""



@dataclass(frozen=True)
class Grid:
    """One sheet (or a whole CSV): ``rows`` pair each 1-based row number with its cells (str, number, date, None)."""

    sheet: str
    rows: list[tuple[int, list[object]]]


def is_workbook(source: Source) -> bool:
    """Whether the bytes are an OLE2 compound file (``.xls``) or a zip holding ``xl/workbook.xml`` (``.xlsx``)."""
    if source.data.startswith(OLE2_MAGIC):
        return True
    if not is_zip(source):
        return False
    try:
        return WORKBOOK_ENTRY in SafeZip(source).names()
    except ReboundError:
        return False


def sheet_names(source: Source) -> list[str]:
    """The sheet names of a workbook, cheaply, for ``sniff``; ``[]`` when it cannot be opened."""
    if source.data.startswith(OLE2_MAGIC):
        try:
            return list(_open_xls(source).sheet_names())
        except _XLS_ERRORS:
            return []
    import openpyxl

    try:
        return list(openpyxl.load_workbook(io.BytesIO(source.data), read_only=True).sheetnames)
    except _XLSX_ERRORS:
        return []


def read_grids(source: Source) -> list[Grid]:
    """Every sheet of a workbook, or the one table of a CSV, as a ``Grid``; refuses unreadable files in one line."""
    if source.data.startswith(OLE2_MAGIC):
        return _read_xls(source)
    if is_zip(source):
        return _read_xlsx(source)
    text = decode(source).text
    reader = csv.reader(io.StringIO(text.replace("\r\n", "\n").replace("\r", "\n")))
    rows: list[tuple[int, list[object]]] = []
    try:
        start = 1
        for cells in reader:
            rows.append((start, list(cells)))
            start = reader.line_num + 1
            if len(rows) > MAX_SHEET_ROWS:
                raise _too_many_rows(source, "the CSV")
    except csv.Error as exc:
        raise ReboundError(f"{source.name}: the CSV is damaged near line {reader.line_num} ({exc}).",
                           title="Damaged file") from exc
    return [Grid(sheet="", rows=rows)]


def _too_many_rows(source: Source, sheet: str) -> ReboundError:
    return ReboundError(f"{source.name}: {sheet} has more than {MAX_SHEET_ROWS:,} rows (MAX_SHEET_ROWS); export a "
                        "shorter date range.", title="File too large")


def _too_many_sheets(source: Source, count: int) -> ReboundError:
    return ReboundError(f"{source.name} has {count} sheets, over the limit of {MAX_WORKBOOK_SHEETS} "
                        "(MAX_WORKBOOK_SHEETS); this is not a page analytics export.", title="File refused")


def _unreadable(source: Source, kind: str, exc: BaseException) -> ReboundError:
    detail = " ".join(str(exc).split())[:120] or type(exc).__name__
    return ReboundError(f"{source.name} is not a readable {kind} workbook ({detail}); it may be truncated, damaged "
                        "or password-protected: open it in Excel, remove any password and save it again.",
                        title="Damaged workbook")


def _read_xlsx(source: Source) -> list[Grid]:
    import openpyxl

    names = SafeZip(source).names()  # zip-bomb, zip-slip and entry-count checks before openpyxl expands anything
    if WORKBOOK_ENTRY not in names:
        raise ReboundError(f"{source.name} is a zip archive but not an Excel workbook (no xl/workbook.xml).",
                           title="File not recognised")
    try:
        book = openpyxl.load_workbook(io.BytesIO(source.data), read_only=True, data_only=False)
        if len(book.sheetnames) > MAX_WORKBOOK_SHEETS:
            raise _too_many_sheets(source, len(book.sheetnames))
        grids = []
        for sheet in book.worksheets:
            rows: list[tuple[int, list[object]]] = []
            for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
                if number > MAX_SHEET_ROWS:
                    raise _too_many_rows(source, f"sheet {sheet.title!r}")
                rows.append((number, list(cells)))
            grids.append(Grid(sheet=sheet.title, rows=rows))
        book.close()
    except _XLSX_ERRORS as exc:
        raise _unreadable(source, ".xlsx", exc) from exc
    return grids


def _read_xls(source: Source) -> list[Grid]:
    try:
        book = _open_xls(source)
    except _XLS_ERRORS as exc:
        if ENCRYPTED_PACKAGE in source.data:
            raise ReboundError(f"{source.name} is password-protected; open it in Excel, remove the password and "
                               "save it again.", title="Encrypted workbook") from exc
        raise _unreadable(source, ".xls", exc) from exc
    try:
        if book.nsheets > MAX_WORKBOOK_SHEETS:
            raise _too_many_sheets(source, book.nsheets)
        grids = []
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if sheet.nrows > MAX_SHEET_ROWS:
                raise _too_many_rows(source, f"sheet {sheet.name!r}")
            rows = [(r + 1, [_xls_value(sheet.cell(r, c), book.datemode) for c in range(sheet.ncols)])
                    for r in range(sheet.nrows)]
            grids.append(Grid(sheet=sheet.name, rows=rows))
            book.unload_sheet(index)
    except _XLS_ERRORS as exc:
        raise _unreadable(source, ".xls", exc) from exc
    finally:
        book.release_resources()
    return grids


def _open_xls(source: Source) -> xlrd.Book:
    """Open BIFF data with xlrd's diagnostics captured: by default it prints them to stdout, which would corrupt the
    CLI's ``--json`` output."""
    return xlrd.open_workbook(file_contents=source.data, on_demand=True, logfile=io.StringIO())


def _xls_value(cell: xlrd.sheet.Cell, datemode: int) -> object:
    """A BIFF cell as Python: dates as ``datetime``, numbers as float, text as str, blanks and errors as None."""
    if cell.ctype == xlrd.XL_CELL_DATE:
        return xlrd.xldate_as_datetime(cell.value, datemode)
    if cell.ctype in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    return cell.value


def cell_text(value: object) -> str:
    """A cell as the text a user sees: whole floats without ``.0``, dates as ISO, blanks as ``''``."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def is_formula_text(value: object) -> bool:
    """A text cell Excel would treat as a formula (``=HYPERLINK(…)``, ``=@user …``): kept as text, never evaluated."""
    return isinstance(value, str) and value.lstrip().startswith(FORMULA_PREFIX)


def formula_warning(count: int) -> str | None:
    """The warning for ``count`` formula-prefixed cells, or None when there are none."""
    if not count:
        return None
    verb = "cell starts" if count == 1 else "cells start"
    return (f"{count} {verb} with '=' (a spreadsheet formula or Excel's escape); "
            "kept exactly as text, never evaluated: check the file was not damaged by a spreadsheet re-save.")


def destroyed_id(value: str) -> str | None:
    """Why an id cell can no longer identify anything (``1.23457E+15``), or None when it looks intact.

    Only scientific notation is judged per cell: an id ending in zeros is rounded damage only when most of a column
    does (``damage.py`` judges that column-wide), because one intact id in ten ends in 0.
    """
    if is_scientific(value):
        return (f"id {value.strip()!r} was turned into scientific notation by a spreadsheet and cannot be recovered; "
                "re-export the file without opening it in Excel")
    return None


def excel_serial(value: object) -> bool:
    """Whether a date cell holds a bare Excel serial number (the date format was lost in a re-save)."""
    try:
        number = float(str(value).strip())
    except ValueError:
        return False
    return EXCEL_SERIAL_RANGE[0] <= number <= EXCEL_SERIAL_RANGE[1]
