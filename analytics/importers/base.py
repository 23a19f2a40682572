"""The importer interface: what a reader of one export family receives and what it must hand back.

A reader (one module per export family) subclasses ``Importer`` and implements two methods:

* ``sniff(source) -> int``: how sure it is, from the content (never the file name), that it can read this file;
  0 means "not mine". ``registry.detect`` asks every reader and picks the most confident.
* ``parse(source, options) -> ParsedFile``: the file's rows as canonical frames (``posts``, ``account_daily``,
  ``accounts``, ``events``), plus rows it rejected (line number and reason) and warnings. A file that cannot be read
  at all raises ``ReboundError`` with a one-line message; nothing is written by a reader.

Writing is the loader's job (``analytics.importers.loader``), in one transaction, so every reader gets
de-duplication, normalised text and the import report for free.
"""

from __future__ import annotations

import hashlib
import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import pandas as pd

from analytics.errors import ReboundError

# Limits every reader shares. Each is named in the message of the error it raises.
MAX_FILE_BYTES = 512 * 1024 * 1024
"""Largest file we read (512 MiB); larger uploads are refused before parsing."""

SNIFF_BYTES = 64 * 1024
"""How much of the start of a file ``sniff`` methods look at."""

POST_COLUMNS: dict[str, str] = {
    "platform": "str",
    "post_id": "str",
    "author": "str",
    "account": "str",
    "role": "str",
    "created_at": "datetime64[us, UTC]",
    "text": "str",
    "in_reply_to_id": "str",
    "in_reply_to_handle": "str",
    "lang": "str",
    "is_repost": "bool",
    "is_deleted": "bool",
    "deleted_at": "datetime64[us, UTC]",
    "likes": "Int64",
    "reposts": "Int64",
    "replies": "Int64",
    "impressions": "Int64",
    "engagements": "Int64",
    "url": "str",
    "source_id": "str",
}
"""Canonical columns of ``posts`` as readers return them (``text_hash`` and ``import_id`` are added on load)."""

DAILY_COLUMNS: dict[str, str] = {
    "platform": "str",
    "account": "str",
    "day": "datetime64[us]",
    "followers": "Int64",
    "new_follows": "Int64",
    "unfollows": "Int64",
    "impressions": "Int64",
    "engagements": "Int64",
    "likes": "Int64",
    "reposts": "Int64",
    "replies": "Int64",
    "posts_published": "Int64",
}
"""Canonical columns of ``account_daily``: one row per account per day; missing metrics stay null."""

ACCOUNT_COLUMNS: dict[str, str] = {"platform": "str", "handle": "str", "display_name": "str", "is_own": "bool"}

EVENT_COLUMNS: dict[str, str] = {
    "account": "str",
    "kind": "str",
    "occurred_at": "datetime64[us, UTC]",
    "label": "str",
    "notes": "str",
}

PLATFORMS = ("x", "facebook", "instagram", "linkedin", "mastodon", "other")
EVENT_KINDS = ("incident", "apology", "strategy_change", "campaign")


def canonical_frame(rows: list[dict] | pd.DataFrame | None, columns: dict[str, str]) -> pd.DataFrame:
    """A frame with exactly ``columns`` in order and dtype; absent columns are filled with nulls (False for bools)."""
    frame = pd.DataFrame(rows if rows is not None else [])
    out = pd.DataFrame(index=frame.index)
    for name, dtype in columns.items():
        if name in frame.columns:
            values = frame[name]
        elif dtype == "bool":
            values = pd.Series(False, index=frame.index)
        else:
            values = pd.Series(None, index=frame.index, dtype="object")
        if dtype.startswith("datetime64") and "UTC" in dtype:
            out[name] = pd.to_datetime(values, utc=True).astype(dtype)
        elif dtype.startswith("datetime64"):
            out[name] = pd.to_datetime(values).astype(dtype)
        elif dtype == "bool":
            out[name] = values.fillna(False).astype(bool)
        elif dtype == "Int64":
            out[name] = pd.to_numeric(values).astype("Int64")
        else:
            out[name] = values.astype("object").where(values.notna(), None).astype("str")
    return out.reset_index(drop=True)


def normalise_handle(handle: object) -> str | None:
    """Handles are stored lower case without the leading ``@`` (``@AcmeNet`` → ``acmenet``)."""
    if handle is None or (isinstance(handle, float) and math.isnan(handle)):
        return None
    value = str(handle).strip().lstrip("@").strip().lower()
    return value or None


@dataclass(frozen=True)
class Source:
    """One file handed to the importers: its name (for messages only) and its bytes."""

    name: str
    data: bytes

    @classmethod
    def from_path(cls, path: str | Path) -> Source:
        """Read a file from disk, refusing missing, unreadable or over-large files with a one-line message."""
        path = Path(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise ReboundError(f"{path}: cannot read it ({exc.strerror or exc}).", title="File not found") from exc
        if path.is_dir():
            raise ReboundError(f"{path} is a folder; give the export file (or its .zip) instead.",
                               title="File not readable")
        if size > MAX_FILE_BYTES:
            raise ReboundError(
                f"{path.name} is {size / 2**20:.0f} MiB, over the {MAX_FILE_BYTES // 2**20} MiB file limit "
                "(MAX_FILE_BYTES); split the export by date range.",
                title="File too large",
            )
        return cls(name=path.name, data=path.read_bytes())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def head(self) -> bytes:
        """The first ``SNIFF_BYTES`` bytes, for cheap content sniffing."""
        return self.data[:SNIFF_BYTES]


@dataclass
class ImportOptions:
    """What the user tells us about a file that the file itself does not say.

    ``account``: the brand account the file is about (for mention exports: the account mentioned; for own-account
    exports without a handle inside: whose they are). ``assumed_zone``: the IANA zone for timestamps written without
    one (recorded on the import). ``mapping``: canonical field → column name, for generic mention files.
    ``platform``: overrides the platform a generic file's rows are on.
    """

    account: str | None = None
    assumed_zone: str = "UTC"
    mapping: dict[str, str] | None = None
    platform: str | None = None


@dataclass(frozen=True)
class Rejection:
    """A row we could not read: its 1-based line (or record) number in the file and why."""

    line: int | None
    reason: str


@dataclass
class ParsedFile:
    """What a reader hands the loader: canonical frames plus what it had to say about the file."""

    format: str
    rows_read: int = 0
    posts: pd.DataFrame = field(default_factory=lambda: canonical_frame(None, POST_COLUMNS))
    account_daily: pd.DataFrame = field(default_factory=lambda: canonical_frame(None, DAILY_COLUMNS))
    accounts: pd.DataFrame = field(default_factory=lambda: canonical_frame(None, ACCOUNT_COLUMNS))
    events: pd.DataFrame = field(default_factory=lambda: canonical_frame(None, EVENT_COLUMNS))
    rejected: list[Rejection] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    assumed_zone: str | None = None


class Importer(ABC):
    """One export family. Subclasses set ``name`` (stable, used by ``--format``) and ``label`` (shown to users)."""

    name: ClassVar[str]
    label: ClassVar[str]

    @abstractmethod
    def sniff(self, source: Source) -> int:
        """Confidence 0–100 that this reader understands ``source``, judged from its content."""

    @abstractmethod
    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        """Read the whole file into canonical frames, or raise ``ReboundError`` if it cannot be read at all."""
