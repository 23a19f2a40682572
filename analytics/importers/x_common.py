"""What the X/Twitter readers share: whose account a file is, ids a spreadsheet may have destroyed, safe CSV text.

X's exports mostly do not name their account inside (the analytics CSVs put the screen name only in the file name),
so every X reader resolves the owner the same way: the user's ``--account`` wins; then a handle the file itself
carries (a permalink column); then, with a warning, the screen name in the file name; otherwise a one-line error
asking for ``--account``. Ids are 18–19 digit strings; a spreadsheet round-trip turns them into ``1.43E+18`` or
``1432793754507920000`` and they can no longer identify a post (export-formats.md §0, §9).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from analytics.errors import ReboundError
from analytics.importers.base import Source, normalise_handle
from analytics.importers.damage import is_scientific
from analytics.importers.textfile import CsvTable, decode, parse_count, read_csv

MAX_LINE_CHARS = 1_000_000
"""Longest physical line an X CSV may have (1,000,000 characters). A post is at most 25,000 characters, so a longer
line is a damaged or hostile file; refusing it up front keeps the CSV parser from chewing on it."""

MAX_POST_TEXT_CHARS = 100_000
"""Longest post text we keep (100,000 characters; X's own limit for long posts is 25,000). Longer rows are rejected."""

DAMAGED_ID_SHARE = 0.5
"""Share of rows whose ids look spreadsheet-damaged above which the whole file is refused (the ids are lost)."""

_TRAILING_ZEROS_ID = re.compile(r"^\d{15,}000$")
_STATUS_URL = re.compile(r"(?:twitter|x)\.com/(?:#!/)?([A-Za-z0-9_]{1,50})/status(?:es)?/\d+", re.IGNORECASE)


def read_x_csv(source: Source, required: Iterable[str]) -> CsvTable:
    """Decode and parse an X CSV export, refusing over-long lines (``MAX_LINE_CHARS``) and header-only files."""
    text = decode(source).text
    line_no = _first_overlong_line(text)
    if line_no:
        raise ReboundError(
            f"{source.name}: line {line_no:,} is over the {MAX_LINE_CHARS:,} character limit (MAX_LINE_CHARS); the "
            "file is damaged or not an X export.", title="File refused")
    table = read_csv(text, required=required, name=source.name)
    if not table.records:
        raise ReboundError(f"{source.name} has a header but no rows.", title="Empty file")
    return table


def _first_overlong_line(text: str) -> int | None:
    """The 1-based number of the first line longer than ``MAX_LINE_CHARS``, or None."""
    if len(text) <= MAX_LINE_CHARS:
        return None
    start, line_no = 0, 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if end - start > MAX_LINE_CHARS:
            return line_no
        start, line_no = end + 1, line_no + 1
    return None


def handle_from_status_url(url: str | None) -> str | None:
    """The screen name in a post link (``https://x.com/LumenFibre/status/1…`` → ``lumenfibre``), if there is one."""
    match = _STATUS_URL.search(url or "")
    return normalise_handle(match.group(1)) if match and match.group(1).lower() != "i" else None


def resolve_account(source: Source, chosen: str | None, in_file: Iterable[str | None] = (),
                    file_name_pattern: re.Pattern[str] | None = None) -> tuple[str, list[str]]:
    """Whose export this is, and warnings about how we decided.

    Order: ``chosen`` (the user's ``--account``) wins; then the most common handle the file's own links carry; then
    the screen name matched by ``file_name_pattern`` in the file name (with a warning, because names get changed on
    download); otherwise a ``ReboundError`` asking for ``--account``.
    """
    warnings: list[str] = []
    counts: dict[str, int] = {}
    for handle in in_file:
        if handle:
            counts[handle] = counts.get(handle, 0) + 1
    from_links = max(counts, key=lambda h: counts[h]) if counts else None
    handle = normalise_handle(chosen)
    if handle:
        if from_links and from_links != handle:
            warnings.append(f"The post links name @{from_links} but you chose @{handle}; the rows were filed under "
                            f"@{handle}.")
        return handle, warnings
    if from_links:
        return from_links, warnings
    match = file_name_pattern.search(source.name) if file_name_pattern else None
    if match and normalise_handle(match.group(1)):
        handle = normalise_handle(match.group(1))
        warnings.append(f"The account @{handle} was taken from the file name {source.name!r} (the file itself does "
                        "not say); choose --account if that is wrong.")
        return handle, warnings
    raise ReboundError(f"{source.name} does not say whose account it is; choose it with --account HANDLE.",
                       title="Account needed")


def count(value: object) -> int | None:
    """A count cell (``"424.0"``, ``"1,234"``, ``"-"``) as ``parse_count`` reads it; X never reports a negative count,
    so one is a ``ValueError`` (a row rejection) too."""
    number = parse_count(value)
    if number is not None and number < 0:
        raise ValueError(f"count {number} is negative")
    return number


def post_id(value: object) -> str:
    """A post id cell as the digit string it must be; ``ValueError`` (a row rejection) for anything else."""
    text = str(value or "").strip().strip("'").strip()
    if is_scientific(text):
        raise ValueError(f"id {text!r} is in scientific notation (a spreadsheet destroyed it)")
    if not text.isdigit() or len(text) > 20:
        raise ValueError(f"id {text[:30]!r} is not a post id")
    return text


def check_ids_intact(source: Source, ids: list[str]) -> None:
    """Refuse the file when most ids were destroyed by a spreadsheet, so they are never used to de-duplicate.

    Two signatures (export-formats.md §9): scientific notation (``5.70306E+17``) and ids cut to 15 significant digits,
    which then end in ``000``. One real id in a thousand ends in ``000``; more than ``DAMAGED_ID_SHARE`` of a file
    cannot be chance.
    """
    values = [str(v or "").strip() for v in ids]
    if not values:
        return
    damaged = [v for v in values if is_scientific(v) or _TRAILING_ZEROS_ID.match(v)]
    if len(values) >= 2 and len(damaged) / len(values) > DAMAGED_ID_SHARE:
        raise ReboundError(
            f"{source.name}: {len(damaged):,} of {len(values):,} post ids look destroyed by a spreadsheet (e.g. "
            f"{damaged[0]!r}); download the export again and upload it without opening it in Excel.",
            title="Ids destroyed")
