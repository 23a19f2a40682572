"""What CSV readers share: decoding, header search and row-by-row conversion with rejections by line.

A reader describes its file as required header names plus a function turning one record into canonical fields;
``convert_records`` runs it over every row, keeps what converts and rejects the rest with the line number and the
reason, so every tabular reader reports bad rows the same way.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import Rejection, Source
from analytics.importers.textfile import CsvTable, decode, normalise_header, read_csv, sniff_text


def read_table(source: Source, required: Iterable[str], **kwargs) -> CsvTable:
    """Decode ``source`` and parse it as CSV whose header holds every ``required`` column."""
    table = read_csv(decode(source).text, required=required, name=source.name, **kwargs)
    if not table.records:
        raise ReboundError(f"{source.name} has a header but no rows.", title="Empty file")
    return table


def header_matches(source: Source, required: Iterable[str], max_lines: int = 20) -> bool:
    """Whether one of the first lines of ``source`` is a header holding every ``required`` name (for ``sniff``)."""
    wanted = {normalise_header(n) for n in required}
    for line in sniff_text(source).replace("\r", "\n").split("\n")[:max_lines]:
        for delimiter in (",", "\t", ";"):
            cells = {normalise_header(c) for c in line.split(delimiter)}
            if wanted <= cells:
                return True
    return False


def convert_records(table: CsvTable, convert: Callable[[dict[str, str]], dict | None]
                    ) -> tuple[list[dict], list[Rejection]]:
    """Apply ``convert`` to every record; a ``ValueError``/``KeyError`` rejects that row with its line number.

    ``convert`` may return ``None`` to skip a row silently (a totals line, say).
    """
    rows, rejected = [], []
    for line, record in table.records:
        if "__field_count__" in record:
            rejected.append(Rejection(line, f"line {line}: {record['__field_count__']} fields, the header has "
                                            f"{len(table.header)}"))
            continue
        try:
            row = convert(record)
        except (ValueError, KeyError, TypeError) as exc:
            rejected.append(Rejection(line, f"line {line}: {exc}"))
            continue
        if row is not None:
            rows.append(row)
    return rows, rejected


def zone(name: str) -> ZoneInfo:
    """The IANA zone called ``name``, or a ``ReboundError`` saying the setting is wrong."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ReboundError(f"Unknown time zone {name!r}; use an IANA name such as UTC or America/New_York.",
                           title="Invalid time zone") from exc


def parse_local_time(value: str, formats: Iterable[str], assumed_zone: str) -> pd.Timestamp:
    """A zone-less timestamp read with the first matching format, placed in ``assumed_zone``, returned in UTC."""
    text = value.strip()
    for fmt in formats:
        try:
            parsed = datetime.strptime(text, fmt)
        except ValueError:
            continue
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=zone(assumed_zone))
        return pd.Timestamp(parsed).tz_convert("UTC")
    raise ValueError(f"unreadable date {text[:40]!r}")
