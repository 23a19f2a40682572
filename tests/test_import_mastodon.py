"""Mastodon archives on synthetic files written from export-formats.md §6 and Mastodon's BackupService.

No licensed real archive exists: ``tests/fixtures/mastodon/`` holds a hand-written ``outbox.json`` and ``actor.json``;
the ``.tar.gz`` (media first, as Mastodon writes it) and every hostile archive are built here.
"""

from __future__ import annotations

import io
import json
import tarfile
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analytics.importers import ImportOptions, Source, safe_tar
from analytics.importers.mastodon import MastodonImporter, actor_handle, html_to_text, status_id
from analytics.importers.registry import detect
from tests.social_golden import (
    FIXTURES,
    MANGLE_OPS,
    assert_golden,
    assert_refused_unchanged,
    assert_survives,
    fixture,
    import_bytes,
    mangle,
)

FAMILY = "mastodon"
OUTBOX = (FIXTURES / FAMILY / "outbox.json").read_bytes()
ACTOR = (FIXTURES / FAMILY / "actor.json").read_bytes()


def _tar_gz(entries: list[tuple[str, bytes]], extra: list[tarfile.TarInfo] | None = None) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for info in extra or []:
            archive.addfile(info)
        for name, data in entries:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 1_781_000_000
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def archive(extra: list[tarfile.TarInfo] | None = None, outbox: bytes = OUTBOX) -> bytes:
    """A Mastodon archive in BackupService's order: media, outbox, likes, bookmarks, avatar, actor."""
    likes = b'{"id":"likes.json","type":"OrderedCollection","totalItems":0,"orderedItems":[]}'
    return _tar_gz([("media_attachments/files/112/600/000/original/a1.png", b"\x89PNG" + b"\x00" * 64),
                    ("outbox.json", outbox), ("likes.json", likes), ("bookmarks.json", likes),
                    ("avatar.png", b"\x89PNG"), ("actor.json", ACTOR)], extra)


def _special(name: str, kind: bytes, linkname: str = "") -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info


def test_outbox_and_archives_are_detected_from_content():
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as target:
        target.writestr("outbox.json", OUTBOX)
        target.writestr("actor.json", ACTOR)
    for data in (OUTBOX, archive(), zipped.getvalue()):
        assert detect(Source("upload.bin", data)).name == "mastodon"


def test_outbox_json_matches_golden():
    parsed = MastodonImporter().parse(fixture(FAMILY, "outbox.json"), ImportOptions())
    assert_golden(FAMILY, "outbox_json", parsed)
    posts = parsed.posts.set_index("post_id")
    assert posts.loc["112600000000000001", "text"] == (
        "Our network is down in Leeds & York.\nUpdates: https://status.example.com/incidents/42\n\nSorry #outage")
    reply = posts.loc["112600000000000002"]
    assert (reply["in_reply_to_id"], reply["in_reply_to_handle"]) == ("112599999999999999", "ann@fosstodon.org")
    assert reply["text"] == "@ann You typed <script>alert(1)</script> and it stays text."  # text, not markup
    boost = posts.loc["112600000000000003"]
    assert bool(boost["is_repost"]) and boost["text"] == "https://fosstodon.org/users/bob/statuses/112600000000000500"
    assert [r.line for r in parsed.rejected] == [4]


def test_tar_gz_archive_matches_golden_and_takes_the_handle_from_actor_json():
    parsed = MastodonImporter().parse(Source("archive.tar.gz", archive()), ImportOptions())
    assert_golden(FAMILY, "archive_tar_gz", parsed)
    assert parsed.accounts.to_dict("records") == [{"platform": "mastodon", "handle": "lumenfibre@mastodon.social",
                                                   "display_name": "Lumen Fibre", "is_own": True}]


def test_zip_archive_reads_the_same_posts():
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("outbox.json", OUTBOX)
        target.writestr("actor.json", ACTOR)
    from_zip = MastodonImporter().parse(Source("archive.zip", zipped.getvalue()), ImportOptions())
    from_tar = MastodonImporter().parse(Source("archive.tar.gz", archive()), ImportOptions())
    assert from_zip.posts.equals(from_tar.posts)


def test_ids_above_2_53_survive_the_store_and_reimport_adds_nothing(con):
    first = import_bytes(con, "archive.tar.gz", archive())
    assert first.error is None and (first.rows_read, first.rows_added, first.rejected) == (6, 4, 1)
    assert con.execute("select post_id from posts order by post_id limit 1").fetchone() == ("112600000000000001",)
    again = import_bytes(con, "outbox.json", OUTBOX)
    assert again.rows_added == 0 and again.duplicates == 4


def test_html_to_text():
    assert html_to_text("<p>a &amp; b</p><p>c<br>d<br/>e</p>") == "a & b\n\nc\nd\ne"
    assert html_to_text("<p>hi</p><script>steal()</script><style>p{}</style>") == "hi"
    assert html_to_text("&lt;b&gt;not bold&lt;/b&gt; &#128578;") == "<b>not bold</b> 🙂"
    assert html_to_text("") == ""


def test_status_urls():
    assert status_id("https://mastodon.social/users/a/statuses/112418369440902630") == "112418369440902630"
    assert status_id("https://mastodon.social/users/a/statuses/112418369440902630/activity") == "112418369440902630"
    assert status_id("https://mastodon.social/@a/112418369440902630") == "112418369440902630"
    assert status_id(None) is None
    assert actor_handle("https://Fosstodon.org/@Ann/1") == "ann@fosstodon.org"


def _hardlink() -> tarfile.TarInfo:
    return _special("outbox.json", tarfile.LNKTYPE, "/etc/passwd")


@pytest.mark.parametrize(("name", "data", "expect"), [
    ("slip.tar.gz", _tar_gz([("../../outbox.json", OUTBOX)]), "unsafe path"),
    ("absolute.tar.gz", _tar_gz([("/tmp/outbox.json", OUTBOX)]), "unsafe path"),
    ("symlink.tar.gz", archive([_special("actor.json", tarfile.SYMTYPE, "/etc/passwd")]), "is a link"),
    ("hardlink.tar.gz", archive([_hardlink()]), "is a link"),
    ("device.tar.gz", archive([_special("dev/sda", tarfile.BLKTYPE)]), "device"),
    ("fifo.tar.gz", archive([_special("pipe", tarfile.FIFOTYPE)]), "device"),
    ("truncated.tar.gz", archive()[: len(archive()) * 2 // 3], "archive"),
    ("no-outbox.tar.gz", _tar_gz([("actor.json", ACTOR)]), "without outbox.json"),
    ("cut.json", OUTBOX[: len(OUTBOX) // 2], "cut off"),
    ("latin1.json", OUTBOX.replace("💬".encode(), b"\xe9"), "not UTF-8"),
])
def test_hostile_or_damaged_archives_are_refused_whole(con, name, data, expect):
    import_bytes(con, "outbox.json", OUTBOX)
    assert_refused_unchanged(con, name, data, expect)


def test_a_huge_declared_entry_is_refused_before_it_is_inflated(con):
    bomb = tarfile.TarInfo("media_attachments/files/huge.bin")
    bomb.size = safe_tar.MAX_TAR_EXPANDED_BYTES + 1
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w:gz") as target:
        target.fileobj.write(bomb.tobuf())  # the header only: the size is a claim the reader must not act on
    assert_refused_unchanged(con, "bomb.tar.gz", raw.getvalue(), "MAX_TAR_EXPANDED_BYTES")


def test_member_and_entry_limits_are_named(con, monkeypatch):
    monkeypatch.setattr(safe_tar, "MAX_TAR_MEMBER_BYTES", 1000)
    assert_refused_unchanged(con, "big.tar.gz", archive(), "MAX_TAR_MEMBER_BYTES")
    monkeypatch.undo()
    monkeypatch.setattr(safe_tar, "MAX_TAR_ENTRIES", 3)
    assert_refused_unchanged(con, "many.tar.gz", archive(), "MAX_TAR_ENTRIES")


def test_paginated_live_outbox_page_is_read_with_its_items():
    page = json.loads(OUTBOX)
    page["type"] = "OrderedCollectionPage"
    parsed = MastodonImporter().parse(Source("page.json", json.dumps(page).encode()), ImportOptions(account="@b"))
    assert set(parsed.posts["account"]) == {"b"}


_OPS = st.lists(st.tuples(st.sampled_from(MANGLE_OPS), st.integers(0, 6000), st.binary(min_size=1, max_size=6)),
                min_size=1, max_size=3)
_JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
                     lambda children: st.lists(children, max_size=4) | st.dictionaries(
                         st.sampled_from(["type", "object", "id", "published", "content", "inReplyTo", "actor",
                                          "contentMap", "url", "attributedTo"]), children, max_size=6),
                     max_leaves=20)
_ACTIVITY = st.fixed_dictionaries({"type": st.sampled_from(["Create", "Announce", "Like"]), "object": _JSON},
                                  optional={"id": _JSON, "published": _JSON, "actor": _JSON})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["json", "tar"]), ops=_OPS)
def test_mangled_mastodon_files_never_escape_with_another_error(con, kind, ops):
    base = OUTBOX if kind == "json" else archive()
    assert_survives(con, MastodonImporter(), mangle(base, ops), ImportOptions())


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=st.lists(_ACTIVITY | _JSON, max_size=5))
def test_odd_activity_shapes_are_rejected_row_by_row(con, items):
    outbox = json.dumps({"type": "OrderedCollection", "orderedItems": items}).encode()
    assert_survives(con, MastodonImporter(), outbox, ImportOptions())
