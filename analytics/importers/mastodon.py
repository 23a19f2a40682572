"""Mastodon account archives (export-formats.md §6): ``outbox.json`` alone, or the archive it comes in.

``outbox.json`` is one JSON document, an ActivityPub ``OrderedCollection`` whose ``orderedItems`` are activities:

* ``Create`` of a ``Note`` (or a ``Question``, a poll) → an own post. ``content`` is HTML: it becomes plain text with
  the standard library's ``html.parser`` (``<br>`` → line break, ``<p>`` → paragraph break, other tags dropped, the
  text inside ``<script>``/``<style>`` dropped, entities decoded). Anything that was *text* in the toot, including
  a literal ``<script>``, stays text: it is data and is never rendered as HTML.
* ``Announce`` (a boost) → kept as a repost (``is_repost``) whose text is the boosted post's URL. Decision: boosts are
  kept, not skipped, because how often the brand boosted others before and after an incident is part of its
  behaviour; their text is only a URL, so it carries no sentiment of its own.
* Other activities are skipped and counted in a warning.

Ids come from the status URL (``…/statuses/112418369440902630``; above 2^53, so strings throughout); ``published`` is
UTC. The archive has **no engagement counts** and no follower history. The account is ``user@host`` from the actor
(``actor.json``'s ``preferredUsername`` in an archive, else each activity's ``actor`` URL), unless the user chose
one.

The archive is a ``.tar.gz`` (read through ``safe_tar``: no extraction, links and ``..`` refused, sizes capped).
Newer Mastodon versions are reported to produce a ``.zip`` instead [L]; that is read through ``SafeZip``.
"""

from __future__ import annotations

import json
import re
import zlib
from datetime import UTC, datetime
from html.parser import HTMLParser
from urllib.parse import urlparse

import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Rejection,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.safe_tar import looks_like_tar_gz, read_members
from analytics.importers.safe_zip import SafeZip, entry_names, is_zip
from analytics.importers.textfile import sniff_text

OUTBOX = "outbox.json"
ACTOR = "actor.json"
POST_OBJECT_TYPES = ("Note", "Question", "Article")
SNIFF_CONFIDENCE = 90
ARCHIVE_CONFIDENCE = 60
"""Any ``.tar.gz``: no other reader takes one, and media come before ``outbox.json``, so peeking cannot confirm it."""

_STATUS_ID = re.compile(r"/(?:statuses|objects|notes|@[^/]+)/([0-9A-Za-z]+)(?:/activity)?/?$")
_USER_PATH = re.compile(r"^/(?:users/|@)([^/]+)")


class _TextExtractor(HTMLParser):
    """Mastodon's status HTML as plain text: breaks kept, tags dropped, entities decoded, script/style dropped."""

    _BLOCK = ("p", "div", "blockquote", "li", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol")
    _INVISIBLE = ("script", "style", "template")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._INVISIBLE:
            self._hidden += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag in self._BLOCK and self.parts:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._INVISIBLE and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text of a status's HTML ``content`` (``<p>a &amp; b</p><p>c<br>d</p>`` → ``"a & b\\n\\nc\\nd"``)."""
    parser = _TextExtractor()
    parser.feed(html or "")
    parser.close()
    text = "".join(parser.parts)
    return re.sub(r"\n{3,}", "\n\n", re.sub(r"[ \t]+\n", "\n", text)).strip()


def status_id(url: object) -> str | None:
    """The status id in an ActivityPub URL (``https://h/users/a/statuses/1124…`` → ``"1124…"``), else the URL."""
    if not isinstance(url, str) or not url.strip():
        return None
    match = _STATUS_ID.search(urlparse(url.strip()).path)
    return match.group(1) if match else url.strip()


def actor_handle(url: object) -> str | None:
    """``user@host`` from an actor or status URL (``…/users/Alice`` on mastodon.social → ``alice@mastodon.social``)."""
    if not isinstance(url, str):
        return None
    parsed = urlparse(url.strip())
    match = _USER_PATH.match(parsed.path)
    if not match or not parsed.hostname:
        return None
    return normalise_handle(f"{match.group(1)}@{parsed.hostname}")


def _json(data: bytes, name: str, member: str) -> object:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReboundError(f"{name}: {member} is not UTF-8 text (byte {exc.start}); Mastodon writes UTF-8.",
                           title="Unknown text encoding") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReboundError(f"{name}: {member} is cut off or damaged near character {exc.pos} ({exc.msg}).",
                           title="Damaged file") from exc
    except RecursionError as exc:
        raise ReboundError(f"{name}: {member} is nested too deeply to be an outbox.", title="Damaged file") from exc


class MastodonImporter(Importer):
    name = "mastodon"
    label = "Mastodon archive (outbox.json, or the archive .tar.gz/.zip)"

    def sniff(self, source: Source) -> int:
        if looks_like_tar_gz(source):
            return ARCHIVE_CONFIDENCE
        if is_zip(source):
            names = entry_names(source) or []
            return SNIFF_CONFIDENCE if any(n == OUTBOX or n.endswith("/" + OUTBOX) for n in names) else 0
        head = sniff_text(source, 4096)
        if head.lstrip().startswith("{") and '"orderedItems"' in head and "OrderedCollection" in head:
            return SNIFF_CONFIDENCE
        return 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        outbox_bytes, actor_bytes = self._members(source)
        outbox = _json(outbox_bytes, source.name, OUTBOX)
        if not isinstance(outbox, dict) or not isinstance(outbox.get("orderedItems"), list):
            raise ReboundError(f"{source.name}: {OUTBOX} is not an ActivityPub collection (no orderedItems list).",
                               title="File not recognised")
        actor = _json(actor_bytes, source.name, ACTOR) if actor_bytes else None
        owner = normalise_handle(options.account) or _actor_account(actor)
        display = actor.get("name") if isinstance(actor, dict) and isinstance(actor.get("name"), str) else None
        items = outbox["orderedItems"]
        rows, rejected, skipped = [], [], 0
        for number, item in enumerate(items, start=1):
            try:
                row = _activity_row(item, owner)
            except (ValueError, KeyError, TypeError) as exc:
                rejected.append(Rejection(number, f"item {number}: {exc}"))
                continue
            if row is None:
                skipped += 1
            else:
                rows.append(row)
        posts = canonical_frame(rows, POST_COLUMNS)
        handles = sorted(set(posts["account"]))
        accounts = canonical_frame([{"platform": "mastodon", "handle": h, "is_own": True,
                                     "display_name": display if h == owner else None} for h in handles],
                                   ACCOUNT_COLUMNS)
        warnings = ["Mastodon archives carry no likes, boosts or replies received, and no follower history."]
        boosts = int(posts["is_repost"].sum())
        if boosts:
            warnings.append(f"{boosts} boost(s) kept as reposts; their text is the boosted post's URL.")
        if skipped:
            warnings.append(f"Skipped {skipped} activit{'y' if skipped == 1 else 'ies'} that are neither posts nor "
                            "boosts.")
        declared = outbox.get("totalItems")
        if isinstance(declared, int) and declared > len(items):
            warnings.append(f"The outbox says the account has {declared:,} statuses but holds {len(items):,}; "
                            "older or deleted statuses are missing from this export.")
        return ParsedFile(format=self.name, rows_read=len(items), posts=posts, accounts=accounts,
                          rejected=rejected, warnings=warnings, assumed_zone="UTC")

    @staticmethod
    def _members(source: Source) -> tuple[bytes, bytes | None]:
        if looks_like_tar_gz(source):
            members = read_members(source, {OUTBOX, ACTOR})
        elif is_zip(source):
            archive = SafeZip(source)
            members = {}
            for wanted in (OUTBOX, ACTOR):
                found = archive.find(wanted)
                if found:
                    try:
                        members[wanted] = archive.read(found)
                    except (zlib.error, NotImplementedError) as exc:
                        raise ReboundError(f"{source.name}: entry {found!r} cannot be decompressed ({exc}); the "
                                           "archive is damaged.", title="Damaged archive") from exc
        else:
            return source.data, None
        if OUTBOX not in members:
            raise ReboundError(f"{source.name} is an archive without {OUTBOX}; it is not a Mastodon account archive.",
                               title="File not recognised")
        return members[OUTBOX], members.get(ACTOR)


def _actor_account(actor: object) -> str | None:
    if not isinstance(actor, dict):
        return None
    username = actor.get("preferredUsername")
    host = urlparse(actor.get("id", "")).hostname if isinstance(actor.get("id"), str) else None
    if isinstance(username, str) and username.strip():
        return normalise_handle(f"{username.strip()}@{host}" if host else username)
    return actor_handle(actor.get("id"))


def _activity_row(item: object, owner: str | None) -> dict | None:
    """One outbox activity as a post row, None for activities that are not posts or boosts."""
    if not isinstance(item, dict):
        raise ValueError("not a JSON object")
    kind = item.get("type")
    obj = item.get("object")
    if kind == "Create" and isinstance(obj, dict) and obj.get("type") in POST_OBJECT_TYPES:
        source_url = obj.get("id") or obj.get("url")
        published = obj.get("published") or item.get("published")
        text = html_to_text(obj.get("content") or "")
        reply_to = obj.get("inReplyTo")
        content_map = obj.get("contentMap")
        lang = next(iter(content_map), None) if isinstance(content_map, dict) and content_map else None
        extra = {"in_reply_to_id": status_id(reply_to), "in_reply_to_handle": actor_handle(reply_to),
                 "lang": lang, "is_repost": False, "url": obj.get("url") if isinstance(obj.get("url"), str) else None}
        author_url = obj.get("attributedTo") or item.get("actor")
    elif kind == "Announce":
        boosted = obj.get("id") if isinstance(obj, dict) else obj
        if not isinstance(boosted, str) or not boosted.strip():
            raise ValueError("boost without the boosted post's URL")
        source_url = item.get("id")
        published = item.get("published")
        text = boosted.strip()
        extra = {"is_repost": True, "url": boosted.strip()}
        author_url = item.get("actor")
    else:
        return None
    post_id = status_id(source_url)
    if not post_id:
        raise ValueError(f"{kind} without an id")
    if not isinstance(published, str) or not published.strip():
        raise ValueError(f"status {post_id} has no published time")
    try:
        created = datetime.fromisoformat(published.strip())
    except ValueError as exc:
        raise ValueError(f"status {post_id}: unreadable published time {published[:40]!r}") from exc
    created = created.replace(tzinfo=UTC) if created.tzinfo is None else created.astimezone(UTC)
    account = owner or actor_handle(author_url)
    if not account:
        raise ValueError(f"status {post_id}: no actor to say whose it is, and no account chosen")
    return {"platform": "mastodon", "post_id": post_id, "author": account, "account": account, "role": "own",
            "created_at": pd.Timestamp(created), "text": text, **extra}
