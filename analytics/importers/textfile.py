"""Shared reading helpers for text exports: decoding, finding the header row, CSV records with line numbers, numbers.

Exports arrive as UTF-8 (with or without BOM), UTF-16 (Meta's metric files, Meltwater) or a legacy code page after
a spreadsheet re-save; many put banner lines above the header. These helpers handle that once for every reader.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass

from analytics.errors import ReboundError
from analytics.importers.base import Source

MAX_FIELD_CHARS = 1_000_000
"""Longest single CSV field we accept (1,000,000 characters); a longer one means a broken or hostile file."""

csv.field_size_limit(MAX_FIELD_CHARS)

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str


def decode(source: Source) -> DecodedText:
    """Decode a text export: BOM first, then UTF-8, then UTF-16 without BOM, then cp1252 (a spreadsheet re-save).

    Refuses binary files and empty files with a one-line message naming the file.
    """
    data = source.data
    if not data.strip():
        raise ReboundError(f"{source.name} is empty.", title="Empty file")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return DecodedText(data.decode(encoding), encoding)
            except UnicodeDecodeError as exc:
                raise ReboundError(
                    f"{source.name} starts like {encoding} text but breaks at byte {exc.start}; the file is damaged "
                    "or truncated.", title="Unreadable file") from exc
    head = data[:4096]
    if head.count(b"\x00") > len(head) // 4:
        # UTF-16 without a BOM puts a NUL beside every ASCII character.
        encoding = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        try:
            return DecodedText(data.decode(encoding), encoding)
        except UnicodeDecodeError:
            pass
    if b"\x00" in head:
        raise ReboundError(f"{source.name} is a binary file, not a text export.", title="File not recognised")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return DecodedText(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError as exc:
        raise ReboundError(
            f"{source.name} is neither UTF-8, UTF-16 nor Windows-1252 text (byte {exc.start}); re-export it as UTF-8 "
            "CSV.", title="Unknown text encoding") from exc


def sniff_text(source: Source, limit: int = 65536) -> str:
    """Best-effort text of the start of a file for ``sniff`` methods; never raises, returns '' for binary data."""
    head = source.data[:limit]
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            return head.decode(encoding, errors="ignore")
    if head[:4096].count(b"\x00") > len(head[:4096]) // 4:
        return head.decode("utf-16-le" if head[1:2] == b"\x00" else "utf-16-be", errors="ignore")
    if b"\x00" in head[:4096]:
        return ""
    return head.decode("utf-8", errors="ignore")


def normalise_header(name: str) -> str:
    """Header names compared case- and space-insensitively (``"Post Link"`` ≈ ``"post link "``)."""
    return " ".join(str(name).replace("\ufeff", "").strip().strip('"').lower().split())


@dataclass(frozen=True)
class CsvTable:
    """Rows of a CSV after its header: ``records`` pair each row's 1-based starting line with its values by header."""

    header: list[str]
    records: list[tuple[int, dict[str, str]]]
    header_line: int
    delimiter: str


def read_csv(text: str, *, required: Iterable[str], delimiter: str | None = None, name: str = "file",
             max_banner_lines: int = 20) -> CsvTable:
    """Parse CSV text whose header is the first line (within ``max_banner_lines``) holding every ``required`` name.

    Header names are normalised with ``normalise_header``; so are the keys of each record. Rows with a different
    number of fields than the header are still returned (missing values as ''), so readers can reject them with a
    line number.
    """
    wanted = {normalise_header(n) for n in required}
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if delimiter is None:
        delimiter = _guess_delimiter(lines[:max_banner_lines + 1])
    for index, line in enumerate(lines[: max_banner_lines + 1]):
        cells = {normalise_header(c) for c in next(csv.reader([line], delimiter=delimiter), [])}
        if wanted <= cells:
            header_index = index
            break
    else:
        raise ReboundError(
            f"{name}: no header row with the columns {', '.join(sorted(wanted))} in the first "
            f"{max_banner_lines + 1} lines.", title="File not recognised")
    body = "\n".join(lines[header_index:])
    reader = csv.reader(io.StringIO(body), delimiter=delimiter)
    try:
        header = [normalise_header(h) for h in next(reader)]
        records = []
        consumed = reader.line_num
        for row in reader:
            start = header_index + consumed + 1
            consumed = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            values = {h: (row[i] if i < len(row) else "") for i, h in enumerate(header)}
            if len(row) != len(header):
                values["__field_count__"] = str(len(row))
            records.append((start, values))
    except csv.Error as exc:
        raise ReboundError(f"{name}: the CSV is damaged near line {header_index + reader.line_num + 1} ({exc}).",
                           title="Damaged file") from exc
    return CsvTable(header=header, records=records, header_line=header_index + 1, delimiter=delimiter)


def _guess_delimiter(lines: list[str]) -> str:
    counts = {d: sum(line.count(d) for line in lines) for d in (",", "\t", ";")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")

MAX_COUNT = 10**15
"""Largest count a cell may hold; beyond it the cell is corrupt or hostile (a 400-digit number overflows a float)."""


def parse_count(value: object) -> int | None:
    """A count cell as an int: ``"424.0"`` → 424, ``"1,234"`` → 1234, ``""``/``"-"`` → None.

    Raises ``ValueError`` for anything else so the reader can reject the row with a reason.
    """
    if value is None:
        return None
    text = str(value).strip().replace(",", "").replace("\u00a0", "")
    if text in ("", "-", "—", "n/a", "N/A"):
        return None
    if not _NUMBER.match(text):
        raise ValueError(f"not a number: {str(value)[:40]!r}")
    number = int(round(float(text))) if len(text) <= 24 else None  # a longer one would overflow a float
    if number is None or abs(number) > MAX_COUNT:
        raise ValueError(f"count {text[:24]}{'…' if len(text) > 24 else ''} is beyond {MAX_COUNT:,} (MAX_COUNT)")
    return number
