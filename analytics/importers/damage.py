"""Spreadsheet damage: find it, repair what can be repaired, and say what was lost (export-formats.md §9).

A marketer often opens an export in a spreadsheet and saves it again before uploading it. Real copies of the airline
data show what that does: 18-digit ids become ``5.70306E+17`` or keep only 15 significant digits
(``570306133677760000``), timestamps become Excel serial numbers (``42059.4832407407``) or ``24-02-2015 11.35``
(seconds and zone gone), texts starting with ``@`` get an ``=`` in front (Excel's formula escape), and the file is
re-encoded in Windows-1252. None of it may pass silently:

* ``repair(parsed, source)`` runs on every parsed file (the loader calls it before anything is written). Rows whose
  id was destroyed get a content-hash id ``h:<sha1(platform, author, created_at, text)>`` and keep the damaged id in
  ``source_id``: a destroyed id must never be used for de-duplication, because thousands of different posts share
  ``5.70306E+17``. Each repair adds one warning with its count.
* ``TimeParser`` reads a column of timestamps whose format is not known in advance (generic and Meltwater files):
  it picks the format that fits the column, accepts Excel serial dates and the ``DD-MM-YYYY HH.MM`` re-save, and
  reports each with a count.

Decision on ``=``-prefixed text: ``=@handle …`` is Excel's escape for a text that starts with ``@`` (3,717 of the
airline texts in one damaged copy), so the ``=`` is removed; ``="…"`` (Excel's "keep this as text") is unwrapped.
Any other text starting with ``=`` is kept verbatim (it is somebody's words, possibly a formula injection attempt)
and counted in a warning: Rebound stores and shows text as plain text and never evaluates it.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import ParsedFile, Source
from analytics.importers.tabular import zone
from analytics.importers.textfile import decode
from analytics.text import normalise_text

CONTENT_ID_PREFIX = "h:"
"""Prefix of content-hash ids, so nobody mistakes them for a platform's own id."""

SIGNIFICANT_DIGITS_KEPT = 15
"""Spreadsheets keep 15 significant digits of a number; longer ids come back with zeros after the 15th digit."""

LOST_DIGITS_SHARE = 0.5
"""Share of long ids ending in zeros after the 15th digit above which the id column is judged rounded.

An intact 18-digit id ends in three zeros one time in a thousand; a rounded column does on every row."""

LOST_DIGITS_MIN_ROWS = 3
"""Fewest long ids needed before judging a column rounded (one id ending in zeros proves nothing)."""

EXCEL_SERIAL_MIN = 40_000
"""Smallest Excel serial date we recognise (2009-07-06); social exports are all later than that."""

EXCEL_SERIAL_MAX = 50_000
"""Largest Excel serial date we recognise (2036-11-22)."""

EXCEL_EPOCH = datetime(1899, 12, 30)
"""Day zero of Excel's 1900 date system (day 60 is the fictitious 1900-02-29, hence the 30th)."""

SECONDS_PER_DAY = 86_400

TIME_FIT_SAMPLE = 300
"""How many non-empty values of a time column are tried against each format to choose the column's format."""

_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:\.\d+)?[eE][+-]?\d+$")
_LONG_ID = re.compile(r"^\d{16,}$")
_ROUNDED_ID = re.compile(rf"^\d{{{SIGNIFICANT_DIGITS_KEPT}}}0+$")
_WRAPPED = re.compile(r'^="(.*)"$', re.DOTALL)
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_EPOCH_MS = re.compile(r"^1\d{12}$")
_EPOCH_S = re.compile(r"^1\d{9}$")


def is_scientific(value: object) -> bool:
    """Whether a cell holds a number in scientific notation (``5.70306E+17``): an id a spreadsheet destroyed."""
    return isinstance(value, str) and bool(_SCIENTIFIC.match(value.strip()))


def content_id(platform: object, author: object, created_at: object, text: object) -> str:
    """The id a post gets when its own id is missing or destroyed: a hash of what the post is.

    Two rows share it only when platform, author, time and normalised text are all equal, which for a mention
    export means the same post exported twice.
    """
    stamp = pd.Timestamp(created_at)
    when = stamp.tz_convert("UTC").isoformat() if stamp.tzinfo else stamp.isoformat()
    parts = [str(platform or ""), str(author or ""), when, normalise_text(text)]
    return CONTENT_ID_PREFIX + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


def repair(parsed: ParsedFile, source: Source | None = None) -> ParsedFile:
    """Detect spreadsheet damage in a parsed file, repair what can be repaired, and add one warning per kind.

    Changes ``parsed`` in place (and returns it): destroyed ids → content-hash ids (damaged id kept in
    ``source_id``), ``="…"``-wrapped ids and texts unwrapped, the ``=`` of ``=@…`` texts removed.
    """
    if len(parsed.posts):
        posts = parsed.posts.copy()
        parsed.warnings.extend(_repair_ids(posts))
        parsed.warnings.extend(_repair_texts(posts))
        parsed.posts = posts
    if source is not None:
        warning = legacy_encoding_warning(source)
        if warning:
            parsed.warnings.append(warning)
    return parsed


def _repair_ids(posts: pd.DataFrame) -> list[str]:
    warnings = []
    ids = posts["post_id"].astype("object")
    wrapped = ids.map(lambda v: isinstance(v, str) and bool(_WRAPPED.match(v)))
    if wrapped.any():
        ids = ids.where(~wrapped, ids[wrapped].map(lambda v: _WRAPPED.match(v).group(1)))
        posts["post_id"] = ids
        warnings.append(f"{int(wrapped.sum()):,} ids were wrapped as =\"…\" by a spreadsheet; the wrapping was "
                        "removed (the ids themselves are intact).")
    scientific = ids.map(is_scientific)
    long_ids = ids.map(lambda v: isinstance(v, str) and bool(_LONG_ID.match(v)))
    rounded = ids.map(lambda v: isinstance(v, str) and bool(_ROUNDED_ID.match(v))) & long_ids
    column_rounded = long_ids.sum() >= LOST_DIGITS_MIN_ROWS and rounded.sum() > LOST_DIGITS_SHARE * long_ids.sum()
    destroyed = scientific | (rounded if column_rounded else False)
    if not destroyed.any():
        return warnings
    rows = posts.loc[destroyed]
    posts.loc[destroyed, "source_id"] = rows["post_id"]
    posts.loc[destroyed, "post_id"] = [content_id(r.platform, r.author, r.created_at, r.text)
                                       for r in rows.itertuples()]
    kinds = []
    if scientific.any():
        example = ids[scientific].iloc[0]
        kinds.append(f"{int(scientific.sum()):,} in scientific notation like {example!r}")
    if column_rounded:
        kinds.append(f"{int(rounded.sum()):,} rounded to {SIGNIFICANT_DIGITS_KEPT} significant digits")
    distinct = ids[destroyed].nunique()
    warnings.append(
        f"{int(destroyed.sum()):,} of {len(posts):,} ids were destroyed by a spreadsheet ({'; '.join(kinds)}; only "
        f"{distinct:,} distinct values left). They are not used for de-duplication: those rows got content-hash ids "
        "(platform, author, time, text) and the damaged id is kept as source_id. Re-export the file from the tool "
        "without opening it in a spreadsheet to keep the real ids.")
    return warnings


def _repair_texts(posts: pd.DataFrame) -> list[str]:
    warnings = []
    texts = posts["text"].astype("object")
    is_str = texts.map(lambda v: isinstance(v, str))
    wrapped = is_str & texts.map(lambda v: isinstance(v, str) and bool(_WRAPPED.match(v)))
    escaped = is_str & ~wrapped & texts.map(lambda v: isinstance(v, str) and v.startswith("=@"))
    if wrapped.any():
        texts[wrapped] = texts[wrapped].map(lambda v: _WRAPPED.match(v).group(1).replace('""', '"'))
    if escaped.any():
        texts[escaped] = texts[escaped].map(lambda v: v[1:])
    if wrapped.any() or escaped.any():
        posts["text"] = texts
        warnings.append(f"{int(wrapped.sum() + escaped.sum()):,} texts carried a spreadsheet escape ('=@…' or "
                        "'=\"…\"'); the '=' was removed.")
    formulas = texts.map(lambda v: isinstance(v, str) and v.startswith("="))
    if formulas.any():
        warnings.append(f"{int(formulas.sum()):,} texts start with '=' like a spreadsheet formula; they were kept "
                        "verbatim and are only ever shown as plain text.")
    return warnings


def legacy_encoding_warning(source: Source) -> str | None:
    """A warning when a text export was not UTF-8/UTF-16 and had to be read as Windows-1252 (a spreadsheet re-save)."""
    if source.data[:2] == b"PK":
        return None
    try:
        encoding = decode(source).encoding
    except ReboundError:
        return None
    if encoding != "cp1252":
        return None
    return (f"{source.name} is not UTF-8: it was read as Windows-1252, the encoding a spreadsheet re-save leaves; "
            "check accented characters and emoji in the preview.")


@dataclass(frozen=True)
class TimeFormat:
    """One way a timestamp may be written. ``order`` says where day and month go (``ymd``, ``dmy``, ``mdy`` or
    ``named`` for month names); ``damaged`` marks the shape only a spreadsheet re-save produces."""

    pattern: str
    order: str
    damaged: bool = False


TIME_FORMATS: tuple[TimeFormat, ...] = (
    TimeFormat("%Y-%m-%d %H:%M:%S %z", "ymd"),
    TimeFormat("%Y-%m-%d %H:%M:%S%z", "ymd"),
    TimeFormat("%Y-%m-%dT%H:%M:%S%z", "ymd"),
    TimeFormat("%Y-%m-%dT%H:%M:%S.%f%z", "ymd"),
    TimeFormat("%a %b %d %H:%M:%S %z %Y", "named"),
    TimeFormat("%Y-%m-%d %H:%M:%S.%f", "ymd"),
    TimeFormat("%Y-%m-%d %H:%M:%S", "ymd"),
    TimeFormat("%Y-%m-%dT%H:%M:%S.%f", "ymd"),
    TimeFormat("%Y-%m-%dT%H:%M:%S", "ymd"),
    TimeFormat("%Y-%m-%d %H:%M", "ymd"),
    TimeFormat("%Y/%m/%d %H:%M:%S", "ymd"),
    TimeFormat("%Y/%m/%d %H:%M", "ymd"),
    TimeFormat("%Y-%m-%d", "ymd"),
    TimeFormat("%d-%m-%Y %H.%M", "dmy", damaged=True),
    TimeFormat("%d-%m-%Y %H:%M:%S", "dmy"),
    TimeFormat("%d-%m-%Y %H:%M", "dmy"),
    TimeFormat("%d/%m/%Y %H:%M:%S", "dmy"),
    TimeFormat("%d/%m/%Y %H:%M", "dmy"),
    TimeFormat("%d.%m.%Y %H:%M:%S", "dmy"),
    TimeFormat("%d.%m.%Y %H:%M", "dmy"),
    TimeFormat("%d/%m/%Y", "dmy"),
    TimeFormat("%m/%d/%Y %H:%M:%S", "mdy"),
    TimeFormat("%m/%d/%Y %H:%M", "mdy"),
    TimeFormat("%m/%d/%Y %I:%M:%S %p", "mdy"),
    TimeFormat("%m/%d/%Y %I:%M %p", "mdy"),
    TimeFormat("%m/%d/%Y %I:%M%p", "mdy"),
    TimeFormat("%m-%d-%Y %H.%M", "mdy", damaged=True),
    TimeFormat("%m/%d/%Y", "mdy"),
    TimeFormat("%d-%b-%Y %I:%M:%S %p", "named"),
    TimeFormat("%d-%b-%Y %I:%M %p", "named"),
    TimeFormat("%d-%b-%Y %I:%M%p", "named"),
    TimeFormat("%d-%b-%Y %H:%M:%S", "named"),
    TimeFormat("%d-%b-%Y %H:%M", "named"),
    TimeFormat("%d-%b-%Y", "named"),
    TimeFormat("%b %d, %Y %I:%M:%S %p", "named"),
    TimeFormat("%b %d, %Y %I:%M %p", "named"),
    TimeFormat("%b %d, %Y %I:%M%p", "named"),
    TimeFormat("%b %d, %Y %H:%M:%S", "named"),
    TimeFormat("%b %d, %Y %H:%M", "named"),
    TimeFormat("%b %d, %Y", "named"),
    TimeFormat("%d %b %Y %H:%M:%S", "named"),
    TimeFormat("%d %b %Y %H:%M", "named"),
    TimeFormat("%d %b %Y", "named"),
)
"""Timestamp shapes seen in mention exports and their spreadsheet re-saves, most specific first."""

_OPPOSITE_ORDER = {"dmy": "mdy", "mdy": "dmy"}


@dataclass
class TimeParser:
    """Read one column of timestamps whose format is only known from the values themselves.

    ``fit(values)`` chooses the formats that match the column (so ``03/04/2026`` is read the same way on every row:
    day-first or month-first is decided once, from values like ``24/02``); ``parse(value)`` then returns UTC, placing
    zone-less values in ``assumed_zone``. Counters feed ``warnings()``: nothing unusual is accepted silently.
    """

    assumed_zone: str = "UTC"
    allow_numeric: bool = True
    formats: tuple[TimeFormat, ...] = TIME_FORMATS
    counts: dict[str, int] = field(default_factory=lambda: {"zoneless": 0, "zoned": 0, "serial": 0, "damaged": 0,
                                                             "epoch": 0})
    ambiguous_order: str | None = None

    def __post_init__(self) -> None:
        self._zone = zone(self.assumed_zone)

    def fit(self, values: list[str]) -> TimeParser:
        """Order the formats by how many of a sample of ``values`` they read, dropping the day/month order the
        column contradicts (when every value is ambiguous: month-first for ``/``, day-first otherwise, and say so)."""
        sample = [v.strip() for v in values if v and v.strip()][:TIME_FIT_SAMPLE]
        hits = {fmt: sum(1 for v in sample if _strptime(v, fmt.pattern) is not None) for fmt in self.formats}
        ranked = sorted(self.formats, key=lambda f: -hits[f])
        best = {order: max((hits[f] for f in self.formats if f.order == order), default=0) for order in ("dmy", "mdy")}
        if best["dmy"] and best["mdy"]:
            if best["dmy"] == best["mdy"]:
                slash = sum("/" in v for v in sample) > len(sample) / 2
                keep = "mdy" if slash else "dmy"
                self.ambiguous_order = keep
            else:
                keep = "dmy" if best["dmy"] > best["mdy"] else "mdy"
            ranked = [f for f in ranked if f.order != _OPPOSITE_ORDER[keep]]
        self.formats = tuple(ranked)
        return self

    def parse(self, value: object) -> pd.Timestamp:
        """One timestamp in UTC; ``ValueError`` (the row is rejected) when no known shape fits."""
        text = str(value if value is not None else "").strip()
        if not text:
            raise ValueError("no time")
        for fmt in self.formats:
            parsed = _strptime(text, fmt.pattern)
            if parsed is not None:
                if fmt.damaged:
                    self.counts["damaged"] += 1
                return self._utc(parsed)
        if self.allow_numeric:
            numeric = self._numeric(text)
            if numeric is not None:
                return numeric
        try:
            parsed = datetime.fromisoformat(text)
        except ValueError:
            raise ValueError(f"unreadable date {text[:40]!r}") from None
        return self._utc(parsed)

    def _utc(self, parsed: datetime) -> pd.Timestamp:
        if parsed.tzinfo is None:
            self.counts["zoneless"] += 1
            parsed = parsed.replace(tzinfo=self._zone)
        else:
            self.counts["zoned"] += 1
        return pd.Timestamp(parsed).tz_convert("UTC")

    def _numeric(self, text: str) -> pd.Timestamp | None:
        if _SERIAL.match(text) and EXCEL_SERIAL_MIN <= float(text) <= EXCEL_SERIAL_MAX:
            self.counts["serial"] += 1
            # Serials carry a day fraction; rounding to the second undoes its binary-float error (…51.999997).
            return self._utc(EXCEL_EPOCH + timedelta(seconds=round(float(text) * SECONDS_PER_DAY)))
        if _EPOCH_MS.match(text) or _EPOCH_S.match(text):
            self.counts["epoch"] += 1
            seconds = int(text) / (1000 if len(text) == 13 else 1)
            return pd.Timestamp(seconds, unit="s", tz="UTC")
        return None

    @property
    def all_zoned(self) -> bool:
        """Whether every timestamp read so far carried its own zone (the import then records no assumed zone)."""
        return self.counts["zoneless"] == 0 and self.counts["serial"] == 0

    def warnings(self, column: str = "time") -> list[str]:
        """What the column's timestamps lost or needed, one sentence per kind, with counts."""
        out = []
        if self.counts["damaged"]:
            out.append(f"{self.counts['damaged']:,} {column} values look like a spreadsheet re-save "
                       "(e.g. '24-02-2015 11.35'): their seconds and time zone were lost; they were read to the minute "
                       f"in {self.assumed_zone}. Set the assumed zone if the export was in another zone.")
        if self.counts["serial"]:
            out.append(f"{self.counts['serial']:,} {column} values were Excel serial dates (e.g. 42059.48); they were "
                       f"converted, in {self.assumed_zone}.")
        if self.counts["epoch"]:
            out.append(f"{self.counts['epoch']:,} {column} values were Unix epoch numbers, read as UTC.")
        if self.ambiguous_order:
            order = "month first (MM/DD)" if self.ambiguous_order == "mdy" else "day first (DD-MM)"
            out.append(f"Every {column} value could be read day-first or month-first; they were read {order}. "
                       "Check the preview's dates.")
        return out


def _strptime(text: str, pattern: str) -> datetime | None:
    try:
        return datetime.strptime(text, pattern)
    except ValueError:
        return None
