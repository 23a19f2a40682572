"""Read named members of an uploaded ``.tar.gz`` in memory without trusting the archive.

Mastodon hands out its account archive as a gzipped tar (media first, then ``outbox.json`` and ``actor.json``).
Nothing is ever extracted to disk. The whole archive is refused, naming the limit, when any member has an absolute
path or ``..`` (path traversal), is a symbolic or hard link, a device or a FIFO, when it holds more than
``MAX_TAR_ENTRIES`` members, when the members' declared sizes add up past ``MAX_TAR_EXPANDED_BYTES`` (checked from
each header *before* its data is decompressed, so a gzip bomb is stopped early), or when a member we read is larger
than ``MAX_TAR_MEMBER_BYTES``.
"""

from __future__ import annotations

import gzip
import io
import tarfile
import zlib
from pathlib import PurePosixPath

from analytics.errors import ReboundError
from analytics.importers.base import Source

MAX_TAR_ENTRIES = 50_000
"""Most members an archive may hold (a Mastodon archive holds one per media file plus five JSON/image files)."""

MAX_TAR_EXPANDED_BYTES = 4 * 1024**3
"""Most bytes the members may declare in total (4 GiB); media barely compress, so real archives stay near their
compressed size, well under ``MAX_FILE_BYTES``."""

MAX_TAR_MEMBER_BYTES = 256 * 1024**2
"""Largest member we read into memory (256 MiB); ``outbox.json`` of a very active account is a few tens of MiB."""

GZIP_MAGIC = b"\x1f\x8b"
TAR_MAGIC_OFFSET = 257
"""Where ``ustar`` sits in the first 512-byte tar header."""


def is_gzip(source: Source) -> bool:
    return source.data.startswith(GZIP_MAGIC)


def looks_like_tar_gz(source: Source) -> bool:
    """Whether the first decompressed block is a tar header (cheap: inflates at most one block)."""
    if not is_gzip(source):
        return False
    try:
        head = zlib.decompressobj(wbits=31).decompress(source.data[:65536], 512)
    except zlib.error:
        return False
    return head[TAR_MAGIC_OFFSET:TAR_MAGIC_OFFSET + 5] == b"ustar"


def _refuse(source: Source, why: str) -> ReboundError:
    return ReboundError(f"{source.name}: {why}; the archive was refused.", title="Archive refused")


def read_members(source: Source, wanted: set[str]) -> dict[str, bytes]:
    """The bytes of each member named in ``wanted`` (root-level names, or one folder down), after checking every
    member of the archive; members not present are absent from the result."""
    found: dict[str, bytes] = {}
    total = 0
    count = 0
    try:
        with tarfile.open(fileobj=io.BytesIO(source.data), mode="r:*") as archive:
            for member in archive:
                count += 1
                if count > MAX_TAR_ENTRIES:
                    raise _refuse(source, f"it holds more than {MAX_TAR_ENTRIES:,} entries (MAX_TAR_ENTRIES)")
                _check_member(source, member)
                total += max(member.size, 0)
                if total > MAX_TAR_EXPANDED_BYTES:
                    raise _refuse(source, f"its entries expand past {MAX_TAR_EXPANDED_BYTES // 2**30} GiB "
                                          "(MAX_TAR_EXPANDED_BYTES)")
                if not member.isfile():
                    continue
                name = _wanted_name(member.name, wanted)
                if name is None or name in found:
                    continue
                if member.size > MAX_TAR_MEMBER_BYTES:
                    raise _refuse(source, f"entry {member.name!r} is {member.size:,} bytes, over the "
                                          f"{MAX_TAR_MEMBER_BYTES:,}-byte limit (MAX_TAR_MEMBER_BYTES)")
                handle = archive.extractfile(member)
                data = handle.read(MAX_TAR_MEMBER_BYTES + 1) if handle else b""
                if len(data) != member.size:
                    raise ReboundError(f"{source.name}: entry {member.name!r} is cut off; the archive is truncated.",
                                       title="Damaged archive")
                found[name] = data
    except (tarfile.TarError, EOFError, zlib.error, gzip.BadGzipFile, OSError) as exc:
        raise ReboundError(f"{source.name} is not a readable .tar.gz archive ({' '.join(str(exc).split())[:100]}); "
                           "it may be truncated: download it again.", title="Damaged archive") from exc
    return found


def _check_member(source: Source, member: tarfile.TarInfo) -> None:
    path = PurePosixPath(member.name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or (path.parts and ":" in path.parts[0]):
        raise _refuse(source, f"it contains an unsafe path {member.name!r} (absolute or with '..')")
    if member.issym() or member.islnk():
        raise _refuse(source, f"entry {member.name!r} is a link (to {member.linkname!r})")
    if member.isdev():
        raise _refuse(source, f"entry {member.name!r} is a device or FIFO, not a file")


def _wanted_name(name: str, wanted: set[str]) -> str | None:
    parts = [p for p in PurePosixPath(name.replace("\\", "/")).parts if p not in ("", ".")]
    if len(parts) == 1 and parts[0] in wanted:
        return parts[0]
    if len(parts) == 2 and parts[1] in wanted:
        return parts[1]
    return None
