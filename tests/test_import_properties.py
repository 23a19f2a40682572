"""Property-based: random bytes and mangled mention files thrown at the detector, every reader and the loader.

Whatever arrives, nothing but ``ReboundError`` may escape (anything else is a bug that would show the user a
traceback), and a file refused whole leaves the store exactly as it was. Bounded (``MAX_EXAMPLES`` per test, no
deadline) so the module runs in well under a minute.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics import store
from analytics.errors import ReboundError
from analytics.importers import ImportOptions, Source, import_source
from analytics.importers.registry import detect, readers
from analytics.importers.textfile import MAX_FIELD_CHARS
from tests.mention_golden import FIXTURES

MAX_EXAMPLES = 150
SEEDS = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.suffix in (".csv",)]
OPTIONS = ImportOptions(account="acme")
BOMS = (b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
PROPERTY_SETTINGS = settings(max_examples=MAX_EXAMPLES, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@st.composite
def mangled_csv(draw) -> bytes:
    """A mention CSV with a random BOM, delimiters swapped, NULs, cut or shuffled lines, a very long field, or a
    truncated tail."""
    data = draw(st.sampled_from(SEEDS))
    text = data.decode("utf-16") if data.startswith(b"\xff\xfe") else data.decode("utf-8", errors="replace")
    lines = text.splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        action = draw(st.sampled_from(("delimiter", "nul", "shuffle", "long", "cut", "quote", "blank")))
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        if action == "delimiter":
            old, new = draw(st.sampled_from([(",", ";"), (",", "\t"), ("\t", ","), (",", "|"), ('"', "'")]))
            lines[index] = lines[index].replace(old, new)
        elif action == "nul":
            lines[index] = lines[index][:5] + "\x00" + lines[index][5:]
        elif action == "shuffle":
            lines = draw(st.permutations(lines))
        elif action == "long":
            lines[index] = lines[index].rstrip("\n") + "," + "x" * draw(st.integers(1000, 50_000)) + "\n"
        elif action == "cut":
            del lines[index]
        elif action == "quote":
            lines[index] = '"' + lines[index]
        else:
            lines.insert(index, "\n")
    body = "".join(lines)
    if draw(st.booleans()):
        body = body[: draw(st.integers(0, len(body)))]
    encoding = draw(st.sampled_from(("utf-8", "utf-16-le", "cp1252")))
    return draw(st.sampled_from(BOMS)) + body.encode(encoding, errors="replace")


def _only_rebound_errors(call) -> None:
    try:
        call()
    except ReboundError as exc:
        assert "\n" not in exc.one_line()


@PROPERTY_SETTINGS
@given(st.binary(max_size=4096))
def test_random_bytes_never_crash_the_detector_or_any_reader(data):
    source = Source("upload.bin", data)
    _only_rebound_errors(lambda: detect(source))
    for reader in readers():
        assert 0 <= reader.sniff(source) <= 100
        _only_rebound_errors(lambda reader=reader: reader.parse(source, OPTIONS))


@PROPERTY_SETTINGS
@given(mangled_csv())
def test_mangled_mention_files_never_crash_the_mention_readers(data):
    source = Source("mentions.csv", data)
    _only_rebound_errors(lambda: detect(source))
    for reader in readers():
        if reader.name in ("brandwatch", "meltwater", "generic"):
            _only_rebound_errors(lambda reader=reader: reader.parse(source, OPTIONS))


@pytest.fixture(scope="module")
def shared_con():
    connection = store.connect(":memory:")
    yield connection
    connection.close()


@PROPERTY_SETTINGS
@given(data=st.one_of(mangled_csv(), st.binary(max_size=2048)))
def test_a_refused_file_leaves_the_store_unchanged(shared_con, data):
    before = store.table_counts(shared_con)
    report = import_source(shared_con, Source("mentions.csv", data), OPTIONS)
    if report.error:
        assert "\n" not in report.error
        assert store.table_counts(shared_con) == before


def test_a_field_over_the_limit_is_refused_naming_the_limit(con):
    huge = b"text,time,brand\n\"" + b"x" * (MAX_FIELD_CHARS + 10) + b"\",2026-06-12 10:00,acme\n"
    report = import_source(con, Source("huge.csv", huge), format="generic")
    assert report.error and "field limit" in report.error
    assert store.table_counts(con)["imports"] == 0


def test_workbook_with_a_zip_slip_entry_is_refused(con):
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("../../evil.txt", "owned")
    for format in (None, "generic", "brandwatch"):
        report = import_source(con, Source("mentions.xlsx", buffer.getvalue()), OPTIONS, format=format)
        assert report.error, format
    assert store.table_counts(con)["imports"] == 0
