"""Property-based: malformed bytes and mangled X exports never make an X reader raise anything but ReboundError, and a
file refused whole leaves the store unchanged."""

from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics import store
from analytics.errors import ReboundError
from analytics.importers import ImportOptions, Source, import_source
from analytics.importers.registry import by_name
from tests.x_golden import FIXTURES

X_READERS = ("x_archive", "x_archive_classic", "x_tweet_activity", "x_daily_activity", "x_content",
             "x_account_overview")


def _archive(compression: int) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for path in sorted((FIXTURES / "archive_parts" / "data").iterdir()):
            archive.writestr(f"data/{path.name}", path.read_bytes())
        archive.writestr("tweets.csv", (FIXTURES / "tweets.csv").read_bytes())
    return buffer.getvalue()


SEEDS = [p.read_bytes() for p in sorted(FIXTURES.iterdir()) if p.is_file() and p.suffix in (".js", ".csv")] + [
    _archive(zipfile.ZIP_DEFLATED), _archive(zipfile.ZIP_LZMA), _archive(zipfile.ZIP_STORED)]
OPTIONS = ImportOptions(account="lumenfibre")


@st.composite
def mangled(draw) -> bytes:
    """A real-looking X export with a slice cut out, bytes overwritten, a line duplicated or the tail dropped."""
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 4))):
        if not data:
            break
        start = draw(st.integers(0, len(data) - 1))
        action = draw(st.sampled_from(("cut", "overwrite", "truncate", "duplicate")))
        if action == "cut":
            del data[start:start + draw(st.integers(1, 64))]
        elif action == "overwrite":
            chunk = draw(st.binary(min_size=1, max_size=16))
            data[start:start + len(chunk)] = chunk
        elif action == "truncate":
            del data[start:]
        else:
            end = data.find(b"\n", start)
            data[start:start] = data[start:end + 1 if end >= 0 else len(data)]
    return bytes(data)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(mangled(), st.binary(max_size=2048)), reader=st.sampled_from(X_READERS))
def test_x_readers_raise_only_rebound_error(data, reader):
    source = Source("upload.bin", data)
    try:
        by_name(reader).sniff(source)
        parsed = by_name(reader).parse(source, OPTIONS)
    except ReboundError as exc:
        assert exc.one_line() and "\n" not in exc.one_line()
        return
    assert parsed.posts["post_id"].map(lambda v: isinstance(v, str) and v.isdigit()).all()


@pytest.fixture(scope="module")
def shared_con():
    con = store.connect(":memory:")
    yield con
    con.close()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                   HealthCheck.function_scoped_fixture])
@given(data=mangled(), reader=st.sampled_from(X_READERS))
def test_refused_mangled_files_leave_the_store_unchanged(shared_con, data, reader):
    before = store.table_counts(shared_con)
    report = import_source(shared_con, Source("upload.bin", data), OPTIONS, format=reader)
    if report.error:
        assert store.table_counts(shared_con) == before
