"""What the Import page needs, kept out of the page: cached previews, the mapping step's data, the import run.

Previews parse the whole file (the same ``parse_source`` the import uses, spreadsheet-damage checks included), so
they are cached by the file's sha256 and the options chosen; the bytes are passed as ``_data`` so Streamlit does not
hash megabytes on every rerun. ``import_files`` is plain Python (a connection and a progress callback in, reports
out) so tests drive the import flow without a browser, since AppTest cannot upload files.

Everything a file says (names, columns, warnings quoting values) is shown as plain text: tables through
``st.dataframe``, sentences through ``plain`` (Markdown escaped), never as HTML.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from zoneinfo import available_timezones

import duckdb
import pandas as pd
import streamlit as st

from analytics import sentiment
from analytics.errors import ReboundError
from analytics.importers import ImportOptions, ImportReport, Source, parse_source, registry
from analytics.importers.base import PLATFORMS
from analytics.importers.flow import GENERIC_FORMAT, import_upload
from analytics.importers.mentions_generic import FIELDS, REQUIRED_FIELDS, UNMAPPED, propose_for, saved_mapping
from ui.markdown import plain
from ui.state import connection

PREVIEW_ROWS = 20
"""Parsed rows shown per file before importing."""

PREVIEW_COLUMNS = ["platform", "post_id", "created_at", "account", "author", "text", "lang", "likes", "reposts",
                   "replies", "impressions", "url", "source_id"]

COMMON_ZONES = ("UTC", "America/Los_Angeles", "America/Denver", "America/Chicago", "America/New_York",
                "Europe/London", "Europe/Paris", "Europe/Berlin", "Asia/Kolkata", "Asia/Singapore", "Asia/Tokyo",
                "Australia/Sydney")
"""Zones listed first in the assumed-zone choice (platform exports are mostly UTC or US Pacific)."""

NO_COLUMN = UNMAPPED
"""The mapping choice meaning "no column for this field"."""

def formats() -> dict[str, str]:
    """Reader name → label, in the registry's order (the format choice on the page)."""
    return {reader.name: reader.label for reader in registry.readers()}


def formats_frame() -> pd.DataFrame:
    """The supported formats as a table for the page's empty state."""
    return pd.DataFrame({"Format": list(formats().values()), "Name (CLI --format)": list(formats())})


def zones() -> list[str]:
    """Every IANA zone, the common ones first."""
    rest = sorted(z for z in available_timezones() if z not in COMMON_ZONES and "/" in z)
    return [*COMMON_ZONES, *rest]


def needs_mapping(format_name: str) -> bool:
    """Whether files of this format go through the column-mapping step (the generic mentions reader)."""
    return format_name == GENERIC_FORMAT


def platforms() -> tuple[str, ...]:
    return PLATFORMS


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@st.cache_data(show_spinner=False, max_entries=64)
def detected_format(digest: str, _data: bytes, name: str) -> str | None:
    """The reader detection picks for a file, or ``None`` when no reader recognises it."""
    try:
        return registry.detect(Source(name, _data)).name
    except ReboundError:
        return None


@dataclass
class Preview:
    """What a file would import with the chosen options, or why it cannot be read."""

    rows: pd.DataFrame = field(default_factory=pd.DataFrame)
    rows_read: int = 0
    posts: int = 0
    days: int = 0
    rejected: pd.DataFrame = field(default_factory=pd.DataFrame)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@st.cache_data(show_spinner="Reading the file…", max_entries=32)
def preview(digest: str, _data: bytes, name: str, format: str, zone: str, account: str | None,
            platform: str | None, mapping: tuple[tuple[str, str], ...] | None) -> Preview:
    """Parse without writing: the first ``PREVIEW_ROWS`` canonical rows, counts, rejections and warnings."""
    options = ImportOptions(account=account or None, assumed_zone=zone, mapping=dict(mapping) if mapping else None,
                            platform=platform or None)
    try:
        parsed = parse_source(Source(name, _data), options, format)
    except ReboundError as exc:
        return Preview(error=exc.one_line())
    rows = parsed.posts[PREVIEW_COLUMNS].head(PREVIEW_ROWS) if len(parsed.posts) else parsed.account_daily.head(
        PREVIEW_ROWS)
    return Preview(rows=rows.reset_index(drop=True), rows_read=parsed.rows_read, posts=len(parsed.posts),
                   days=len(parsed.account_daily), rejected=rejections_frame(parsed.rejected),
                   warnings=list(parsed.warnings))


@dataclass(frozen=True)
class MappingStep:
    """The generic reader's proposal for one file, plus a saved mapping for its header if there is one."""

    header: tuple[str, ...] = ()
    chosen: dict[str, str] = field(default_factory=dict)
    candidates: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ambiguous: tuple[str, ...] = ()
    saved_name: str | None = None
    error: str | None = None

    def options(self) -> list[str]:
        """Choices for each field's select box: no column, then the file's columns."""
        return [NO_COLUMN, *self.header]

    def index(self, field_name: str) -> int:
        """Position of the proposed (or saved) column in ``options()``."""
        column = self.chosen.get(field_name)
        return self.options().index(column) if column in self.header else 0


@st.cache_data(show_spinner=False, max_entries=32)
def mapping_step(digest: str, _data: bytes, name: str, version: str) -> MappingStep:
    """The proposal (with any saved mapping for this header on top) for the mapping step of a generic file."""
    try:
        proposal = propose_for(Source(name, _data))
    except ReboundError as exc:
        return MappingStep(error=exc.one_line())
    chosen = proposal.mapping()
    saved = saved_mapping(connection(), list(proposal.header))
    if saved:
        chosen.update({f: c for f, c in saved[1].items() if c in proposal.header})
    return MappingStep(header=proposal.header, chosen=chosen,
                       candidates={f: p.candidates for f, p in proposal.fields.items()},
                       ambiguous=tuple(f for f in proposal.ambiguous() if f not in chosen),
                       saved_name=saved[0] if saved else None)


def mapping_fields() -> tuple[str, ...]:
    return FIELDS


def required_fields() -> tuple[str, ...]:
    return REQUIRED_FIELDS


def field_caption(step: MappingStep, field_name: str) -> str:
    """What the page says under a field's choice: required or not, and the candidates when it was ambiguous."""
    parts = ["required" if field_name in REQUIRED_FIELDS else "optional"]
    if field_name in step.ambiguous:
        parts.append("ambiguous: " + " or ".join(step.candidates.get(field_name, ())))
    return plain(", ".join(parts))


@dataclass
class PlannedFile:
    """One upload with the choices the user made for it."""

    name: str
    data: bytes
    format: str
    options: ImportOptions
    save_as: str | None = None


def import_files(con: duckdb.DuckDBPyConnection, files: list[PlannedFile],
                 progress: Callable[[float, str], None] | None = None) -> list[dict]:
    """Import each planned file (each in its own transaction), then score the new texts; reports as dicts.

    ``progress(fraction, message)`` is called before each file and while scoring, for ``st.progress``.
    """
    results = []
    total = len(files)
    for number, planned in enumerate(files):
        if progress:
            progress(number / (total + 1), f"Importing {planned.name} ({number + 1} of {total})")
        report, mapping = import_upload(con, Source(planned.name, planned.data), planned.options,
                                        format=planned.format, save_as=planned.save_as)
        results.append({**report.as_json(), "mapping": mapping, "rejections": report.rejections})
    if any(r["rows_added"] for r in results):
        def scoring(done: int, pending: int) -> None:
            if progress:
                share = done / pending if pending else 1.0
                progress((total + share) / (total + 1), f"Scoring sentiment: {done:,} of {pending:,} texts")

        sentiment.score_pending(con, progress=scoring)
    if progress:
        progress(1.0, "Done")
    return results


def results_frame(results: list[dict]) -> pd.DataFrame:
    """One row per imported file: what the import reported."""
    return pd.DataFrame([{"File": r["path"], "Format": r["format"] or "—", "Read": r["rows_read"],
                          "Added": r["rows_added"], "Duplicates": r["duplicates"], "Rejected": r["rejected"],
                          "Refused": r["error"] or ""} for r in results])


def summary_text(results: list[dict]) -> str:
    """One sentence for the last import: files imported/refused and rows added, duplicate, rejected."""
    imported = [r for r in results if not r["error"]]
    refused = len(results) - len(imported)
    added = sum(r["rows_added"] for r in imported)
    duplicates = sum(r["duplicates"] for r in imported)
    rejected = sum(r["rejected"] for r in imported)
    text = (f"{len(imported)} file(s) imported: {added:,} rows added, {duplicates:,} duplicates, {rejected:,} "
            "rejected.")
    return text + (f" {refused} file(s) refused." if refused else "")


def rejections_frame(rejected: list) -> pd.DataFrame:
    """Rejected rows (``Rejection`` objects or dicts) as a Line/Reason table."""
    rows = [r if isinstance(r, dict) else {"line": r.line, "reason": r.reason} for r in rejected]
    return pd.DataFrame(rows, columns=["line", "reason"]).rename(columns={"line": "Line", "reason": "Reason"})


def report_of(report: ImportReport) -> dict:
    """A report as the page keeps it in session state."""
    return {**report.as_json(), "rejections": report.rejections}
