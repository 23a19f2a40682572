"""Open uploaded zip archives without trusting them.

An archive is refused whole, with the limit named, when an entry has an absolute path or ``..`` (zip-slip), when
it holds too many entries, or when it would expand past ``MAX_ZIP_EXPANDED_BYTES`` or a ratio that only a zip bomb
reaches. Entries are read into memory, never extracted to disk.
"""

from __future__ import annotations

import io
import lzma
import zipfile
import zlib
from pathlib import PurePosixPath

from analytics.errors import ReboundError
from analytics.importers.base import Source

MAX_ZIP_ENTRIES = 20_000
"""Most entries an archive may hold (real X archives hold a few thousand media files)."""

MAX_ZIP_EXPANDED_BYTES = 2 * 1024**3
"""Most bytes an archive's entries may expand to in total (2 GiB)."""

MAX_ZIP_RATIO = 200
"""Largest expansion ratio of any entry; text compresses ~10×, a zip bomb ~1000×."""

ZIP_MAGIC = b"PK\x03\x04"

_OPEN_ERRORS = (zipfile.BadZipFile, EOFError, ValueError, OSError, NotImplementedError)
"""What ``zipfile`` raises on a mangled central directory (an unknown zip version is ``NotImplementedError``)."""

_READ_ERRORS = (zipfile.BadZipFile, EOFError, OSError, ValueError, zlib.error, lzma.LZMAError, NotImplementedError,
                RuntimeError)
"""What reading a mangled entry raises inside ``zipfile``: a negative seek, a broken deflate or LZMA stream, an
unknown compression method, a password-protected entry (``RuntimeError``)."""


def is_zip(source: Source) -> bool:
    return source.data.startswith(ZIP_MAGIC)


def entry_names(source: Source) -> list[str] | None:
    """The entry paths of a zip (``/`` separators) for ``sniff`` methods, or None when it cannot be listed.

    Listing reads only the central directory, so it is cheap and safe; the size and path checks run in ``SafeZip``
    when a reader parses, so their message reaches the user.
    """
    try:
        return [n.replace("\\", "/") for n in zipfile.ZipFile(io.BytesIO(source.data)).namelist()]
    except _OPEN_ERRORS:
        return None


class SafeZip:
    """A checked view of a zip archive held in memory; ``read(name)`` returns an entry's bytes."""

    def __init__(self, source: Source) -> None:
        self.source = source
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(source.data))
            infos = self._zip.infolist()
        except _OPEN_ERRORS as exc:
            raise ReboundError(f"{source.name} is not a readable zip archive ({exc}); it may be truncated.",
                               title="Damaged archive") from exc
        if len(infos) > MAX_ZIP_ENTRIES:
            raise ReboundError(f"{source.name} holds {len(infos):,} entries, over the limit of {MAX_ZIP_ENTRIES:,} "
                               "(MAX_ZIP_ENTRIES).", title="Archive refused")
        total = 0
        for info in infos:
            path = PurePosixPath(info.filename.replace("\\", "/"))
            unsafe = path.is_absolute() or ".." in path.parts or ":" in (path.parts[0] if path.parts else "")
            if unsafe or info.filename.startswith(("/", "\\")):
                raise ReboundError(f"{source.name} contains an unsafe path {info.filename!r} (absolute or with '..'); "
                                   "the archive was refused.", title="Archive refused")
            total += info.file_size
            ratio = info.file_size / info.compress_size if info.compress_size else 0
            if ratio > MAX_ZIP_RATIO and info.file_size > 2**20:
                raise ReboundError(f"{source.name}: entry {info.filename!r} expands {ratio:.0f}×, past the zip-bomb "
                                   f"limit of {MAX_ZIP_RATIO}× (MAX_ZIP_RATIO).",
                                   title="Archive refused")
        if total > MAX_ZIP_EXPANDED_BYTES:
            raise ReboundError(f"{source.name} would expand to {total / 2**30:.1f} GiB, over the "
                               f"{MAX_ZIP_EXPANDED_BYTES // 2**30} GiB limit (MAX_ZIP_EXPANDED_BYTES).",
                               title="Archive refused")
        self._names = {info.filename.replace("\\", "/"): info for info in infos if not info.is_dir()}

    def names(self) -> list[str]:
        return list(self._names)

    def find(self, suffix: str) -> str | None:
        """The entry whose path ends with ``suffix`` (e.g. ``data/tweets.js``), preferring the shortest path."""
        matches = sorted((n for n in self._names if n == suffix or n.endswith("/" + suffix)), key=len)
        return matches[0] if matches else None

    def read(self, name: str) -> bytes:
        info = self._names[name]
        try:
            with self._zip.open(info) as handle:
                data = handle.read(info.file_size + 1)
        except _READ_ERRORS as exc:
            raise ReboundError(f"{self.source.name}: entry {name!r} is damaged ({exc}).",
                               title="Damaged archive") from exc
        if len(data) > info.file_size:
            raise ReboundError(f"{self.source.name}: entry {name!r} is larger than the archive says; refused.",
                               title="Archive refused")
        return data
