"""Golden files for the Meta, LinkedIn and Mastodon readers: a parsed file as JSON, compared exactly.

``tests/golden/<family>/<name>.json`` holds everything the reader hands the loader. Run the tests with
``REBOUND_UPDATE_GOLDEN=1`` to (re)write them after an intended change, then review the diff before committing.
"""

from __future__ import annotations

from pathlib import Path

from analytics import store
from analytics.importers import ImportOptions, Source, import_source
from analytics.importers.base import ParsedFile
from tests.golden import check_golden, render

TESTS = Path(__file__).resolve().parent
FIXTURES = TESTS / "fixtures"


def assert_golden(family: str, name: str, parsed: ParsedFile) -> None:
    """Compare ``parsed`` with ``golden/<family>/<name>.json``; with ``REBOUND_UPDATE_GOLDEN=1`` write it instead."""
    check_golden(family, name, render(parsed))


def fixture(family: str, name: str) -> Source:
    """A committed fixture file as a ``Source`` under a neutral name, so nothing can depend on its file name."""
    return Source("upload.bin", (FIXTURES / family / name).read_bytes())


def import_bytes(con, name: str, data: bytes, **options):
    """Import ``data`` through the real loader (detection included) and return the report."""
    return import_source(con, Source(name, data), ImportOptions(**options))


def assert_refused_unchanged(con, name: str, data: bytes, expect: str, **options) -> str:
    """Import ``data``, expect a one-line refusal mentioning ``expect`` and an unchanged store; return the error."""
    before = store.table_counts(con)
    report = import_bytes(con, name, data, **options)
    assert report.error, f"{name} was not refused"
    assert "\n" not in report.error
    assert expect.lower() in report.error.lower(), report.error
    assert store.table_counts(con) == before
    return report.error


MANGLE_OPS = ("cut", "flip", "insert", "delete")


def mangle(data: bytes, ops: list[tuple[str, int, bytes]]) -> bytes:
    """``data`` damaged by ``ops`` (truncation, overwritten, inserted or deleted bytes), for property tests."""
    for kind, offset, junk in ops:
        at = offset % (len(data) + 1)
        if kind == "cut":
            data = data[:at]
        elif kind == "flip":
            data = data[:at] + junk + data[at + len(junk):]
        elif kind == "insert":
            data = data[:at] + junk + data[at:]
        else:
            data = data[:at] + data[at + len(junk):]
    return data


def assert_survives(con, reader, data: bytes, options: ImportOptions) -> None:
    """``reader.sniff`` answers, ``reader.parse`` either parses or raises ``ReboundError``, and an import through the
    loader that is refused leaves the store unchanged. Any other exception escapes and fails the property test.

    Only this family's reader is exercised (the loader is given its format by name): the other readers' sniffers
    have their own property tests.
    """
    from analytics.errors import ReboundError

    source = Source("fuzz.bin", data)
    assert 0 <= reader.sniff(source) <= 100
    try:
        reader.parse(source, options)
    except ReboundError as exc:
        assert "\n" not in exc.one_line()
    before = store.table_counts(con)
    report = import_source(con, source, options, format=reader.name)
    if report.error:
        assert store.table_counts(con) == before
