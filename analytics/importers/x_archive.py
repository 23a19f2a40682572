"""The X/Twitter account archive ("Download an archive of your data"): the .zip, or its loose ``data/*.js`` files.

Every ``data/*.js`` file is JavaScript, not JSON (``window.YTD.tweets.part0 = [ … ]``); the global name uses
underscores where the file name has hyphens (``deleted-tweets.js`` holds ``YTD.deleted_tweets``). What we read, and
why (export-formats.md §1):

* **Tweets**, in all three generations: ``tweet.js`` with bare tweet objects (2019 and earlier), ``tweet.js`` with the
  ``{"tweet": …}`` wrapper, ``tweets.js``; large archives split them into ``tweets-partN.js``/``tweet-partN.js``, so
  the file list comes from ``manifest.js`` (``dataTypes.*.files``), falling back to the file names.
* **Deleted tweets** (``deleted-tweets.js``): kept, flagged ``is_deleted`` with ``deleted_at``, because a brand deleting
  a post is part of an incident's story. **Community tweets** have the same shape and are own posts too.
* **Followers**: ``follower.js`` lists ids with no dates; the manifest's ``count`` is today's follower total, stored as
  ``followers`` on the archive's generation day: the one absolute anchor for a follower curve built from deltas.
* **The owner**: ``manifest.js`` ``userInfo`` or ``account.js``, so an archive needs no ``--account``.

Any other archive file (``following.js``, ``account-suspension.js``, …) is read, counted and reported as unused, so a
user who drops the whole ``data/`` folder gets a clean report instead of a wall of errors.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime

import pandas as pd

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    DAILY_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Rejection,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.safe_zip import SafeZip, entry_names, is_zip
from analytics.importers.textfile import MAX_COUNT, sniff_text
from analytics.importers.x_common import MAX_POST_TEXT_CHARS, count

TWEET_FILES = ("data/tweets.js", "data/tweet.js")
X_TIME_FORMAT = "%a %b %d %H:%M:%S %z %Y"
YTD_HEAD_CHARS = 2000
"""How far into a ``.js`` file the ``window.YTD.<name>.partN =`` assignment must start."""

_YTD_PREFIX = re.compile(r"^\s*window\.(?:YTD\.([A-Za-z0-9_]+)\.part\d+|(__THAR_CONFIG))\s*=", re.MULTILINE)
_PART_FILE = re.compile(r"(^|/)data/tweets?(-part\d+)?\.js$")

# Archive data kinds we use: manifest ``dataTypes`` keys, the global name in the file, and the file-name pattern used
# when there is no manifest.
_KINDS: dict[str, tuple[tuple[str, ...], tuple[str, ...], re.Pattern[str]]] = {
    "tweets": (("tweets", "tweet"), ("tweets", "tweet"), _PART_FILE),
    "deleted": (("deletedTweets", "deletedTweet"), ("deleted_tweets", "deleted_tweet"),
                re.compile(r"(^|/)data/deleted-tweets?(-part\d+)?\.js$")),
    "community": (("communityTweet", "communityTweets"), ("community_tweet", "community_tweets"),
                  re.compile(r"(^|/)data/community-tweets?(-part\d+)?\.js$")),
    "follower": (("follower",), ("follower",), re.compile(r"(^|/)data/follower(-part\d+)?\.js$")),
    "account": (("account",), ("account",), re.compile(r"(^|/)data/account\.js$")),
}
_MANIFEST_GLOBALS = ("__THAR_CONFIG", "manifest")
_USED_GLOBALS = {g for _, globals_, _ in _KINDS.values() for g in globals_} | set(_MANIFEST_GLOBALS)


def today_utc() -> pd.Timestamp:
    """Today's UTC day: the day a loose ``follower.js`` count is filed under (tests replace it)."""
    return pd.Timestamp.now(tz="UTC").tz_localize(None).normalize()


def ytd_global(text: str) -> str | None:
    """The global an archive ``.js`` file assigns (``tweets``, ``deleted_tweets``, ``__THAR_CONFIG``), or None."""
    match = _YTD_PREFIX.search(text[:YTD_HEAD_CHARS])
    return (match.group(1) or match.group(2)) if match else None


def parse_ytd(text: str, name: str) -> object:
    """The JSON value assigned in an archive ``.js`` file (``window.YTD.x.part0 = [...]``)."""
    match = _YTD_PREFIX.search(text[:YTD_HEAD_CHARS])
    if not match:
        raise ReboundError(f"{name} is not an X archive data file (no 'window.YTD… =' line).",
                           title="File not recognised")
    body = text[match.end():].strip().rstrip(";").strip()
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        raise ReboundError(f"{name}: the archive data is cut off or damaged near character {exc.pos} ({exc.msg}).",
                           title="Damaged archive") from exc
    except RecursionError as exc:
        raise ReboundError(f"{name}: the archive data is nested too deeply to be an X archive file.",
                           title="Damaged archive") from exc


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReboundError(f"{name} is not UTF-8 text (byte {exc.start}); X archives are UTF-8.",
                           title="Unknown text encoding") from exc


def _records(value: object, name: str) -> list:
    if not isinstance(value, list):
        raise ReboundError(f"{name}: expected a list of records after 'window.YTD… ='.", title="Damaged archive")
    return value


@dataclass
class _Contents:
    """What an archive (or one loose file of it) holds that Rebound uses."""

    tweets: list[tuple[str, list]] = field(default_factory=list)
    deleted: list[tuple[str, list]] = field(default_factory=list)
    manifest: dict | None = None
    owner: dict | None = None
    follower_records: int | None = None
    unused: list[str] = field(default_factory=list)
    loose_records: int = 0
    warnings: list[str] = field(default_factory=list)


class XArchiveImporter(Importer):
    name = "x_archive"
    label = "X account archive (.zip or its data/*.js files)"

    def sniff(self, source: Source) -> int:
        if is_zip(source):
            return _sniff_zip(source)
        found = ytd_global(sniff_text(source, YTD_HEAD_CHARS))
        if found is None:
            return 0
        return 95 if found in _USED_GLOBALS else 60

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        contents = _from_zip(source) if is_zip(source) else _from_loose(source)
        parsed = ParsedFile(format=self.name, warnings=list(contents.warnings))
        owner = contents.owner or {}
        handle = owner.get("handle")
        chosen = normalise_handle(options.account)
        if handle and chosen and chosen != handle:
            parsed.warnings.append(f"The archive belongs to @{handle}; its rows were filed under @{handle}, not "
                                   f"@{chosen}.")
        handle = handle or chosen
        has_tweets = bool(contents.tweets or contents.deleted)
        followers = _followers(contents)
        if not handle and (has_tweets or followers):
            raise ReboundError(f"{source.name} does not say whose account it is; choose it (--account HANDLE) or "
                               "upload the whole archive .zip.", title="Account needed")
        if handle:
            parsed.accounts = canonical_frame(
                [{"platform": "x", "handle": handle, "display_name": owner.get("display_name"), "is_own": True}],
                ACCOUNT_COLUMNS)
        rows, record_no = [], 0
        for deleted, files in ((False, contents.tweets), (True, contents.deleted)):
            for name, records in files:
                for index, item in enumerate(records, start=1):
                    record_no += 1
                    tweet = item.get("tweet", item) if isinstance(item, dict) else None
                    try:
                        rows.append(_tweet_row(tweet, handle, deleted))
                    except (KeyError, TypeError, ValueError, AttributeError) as exc:
                        parsed.rejected.append(Rejection(record_no, f"{name} record {index}: {exc}"))
        # Rows read: tweet records; for a file or archive without tweets, the records it had (followers, account).
        parsed.rows_read = record_no if has_tweets else (contents.loose_records or contents.follower_records or 0)
        parsed.posts = canonical_frame(rows, POST_COLUMNS)
        if followers is not None and handle:
            day, total, note = followers
            parsed.account_daily = canonical_frame(
                [{"platform": "x", "account": handle, "day": day, "followers": total}], DAILY_COLUMNS)
            if note:
                parsed.warnings.append(note)
        if contents.unused and not (has_tweets or followers or contents.owner):
            parsed.warnings.append(f"{source.name} ({', '.join(contents.unused)}) holds nothing Rebound uses; "
                                   "nothing was imported from it.")
        return parsed


def _sniff_zip(source: Source) -> int:
    """Judge a zip by its entry names only: safety checks happen in ``parse`` so their message reaches the user."""
    names = entry_names(source)
    if names is None:
        return 5  # a damaged zip: claim it weakly, so the user hears "damaged archive", not "unknown format"
    if any(_PART_FILE.search(n) or n.endswith("data/manifest.js") for n in names):
        return 95
    patterns = [pattern for _, _, pattern in _KINDS.values()]
    return 80 if any(p.search(n) for p in patterns for n in names) else 0


def _from_loose(source: Source) -> _Contents:
    text = _decode(source.data, source.name)
    found = ytd_global(text)
    value = parse_ytd(text, source.name)
    contents = _Contents()
    if found in _MANIFEST_GLOBALS:
        if not isinstance(value, dict):
            raise ReboundError(f"{source.name}: the manifest is not an object.", title="Damaged archive")
        contents.manifest = value
        contents.owner = _manifest_owner(value)
        return contents
    records = _records(value, source.name)
    kind = next((k for k, (_, globals_, _) in _KINDS.items() if found in globals_), None)
    if kind in ("tweets", "community"):
        contents.tweets.append((source.name, records))
    elif kind == "deleted":
        contents.deleted.append((source.name, records))
    elif kind == "follower":
        contents.follower_records = len(records)
    elif kind == "account":
        contents.owner = _account_owner(records)
    else:
        contents.unused.append(f"YTD.{found}")
    contents.loose_records = len(records)
    return contents


def _from_zip(source: Source) -> _Contents:
    archive = SafeZip(source)
    contents = _Contents()
    manifest_name = archive.find("data/manifest.js")
    if manifest_name:
        manifest = parse_ytd(_decode(archive.read(manifest_name), manifest_name), manifest_name)
        contents.manifest = manifest if isinstance(manifest, dict) else None

    def read(name: str) -> list:
        return _records(parse_ytd(_decode(archive.read(name), name), name), name)

    for kind in ("tweets", "community", "deleted"):
        for name in _kind_files(archive, contents, kind):
            (contents.deleted if kind == "deleted" else contents.tweets).append((name, read(name)))
    contents.owner = _manifest_owner(contents.manifest)
    account_name = archive.find("data/account.js")
    if contents.owner is None and account_name:
        contents.owner = _account_owner(read(account_name))
    if _manifest_follower_count(contents.manifest) is None:
        follower_files = _kind_files(archive, contents, "follower")
        if follower_files:
            contents.follower_records = sum(len(read(name)) for name in follower_files)
    if not (contents.tweets or contents.deleted or contents.owner or contents.follower_records is not None
            or _manifest_follower_count(contents.manifest) is not None):
        raise ReboundError(f"{source.name} is a zip without X archive data (data/tweets.js, data/manifest.js); is it "
                           "the X archive?", title="File not recognised")
    if not (contents.tweets or contents.deleted):
        contents.warnings.append(f"{source.name} holds no tweets file (data/tweets.js); only the account and "
                                 "follower data were read.")
    return contents


def _kind_files(archive: SafeZip, contents: _Contents, kind: str) -> list[str]:
    """The archive entries holding ``kind``: the manifest's file list (in its order), else the matching names."""
    keys, _, pattern = _KINDS[kind]
    listed: list[str] = []
    for key in keys:
        files = _dig(contents.manifest, "dataTypes", key, "files")
        for item in files if isinstance(files, list) else []:
            file_name = str(item.get("fileName", "")) if isinstance(item, dict) else ""
            found = archive.find(file_name) if file_name else None
            if found and found not in listed:
                listed.append(found)
            elif file_name and not found:
                contents.warnings.append(f"The manifest lists {file_name} but the archive does not contain it (a "
                                         "partial or multi-part archive?); its records are missing from this import.")
    if listed:
        return listed
    return sorted((n for n in archive.names() if pattern.search(n)), key=_part_order)


def _part_order(name: str) -> tuple[int, str]:
    match = re.search(r"-part(\d+)\.js$", name)
    return (int(match.group(1)) if match else 0, name)


def _dig(value: object, *keys: str) -> object:
    """``value[k1][k2]…`` through nested dicts, or None where a level is missing or not a dict (manifests vary)."""
    for key in keys:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def _manifest_owner(manifest: dict | None) -> dict | None:
    info = _dig(manifest, "userInfo")
    if isinstance(info, dict) and normalise_handle(info.get("userName")):
        return {"handle": normalise_handle(info.get("userName")), "display_name": info.get("displayName")}
    return None


def _account_owner(records: list) -> dict | None:
    data = records[0].get("account", {}) if records and isinstance(records[0], dict) else {}
    if isinstance(data, dict) and normalise_handle(data.get("username")):
        return {"handle": normalise_handle(data.get("username")), "display_name": data.get("accountDisplayName")}
    return None


def _tweet_row(tweet: dict | None, handle: str, deleted: bool) -> dict:
    if not isinstance(tweet, dict):
        raise TypeError("not a tweet object")
    post_id = str(tweet.get("id_str") or tweet["id"]).strip()
    if not post_id.isdigit():
        raise ValueError(f"id {post_id[:30]!r} is not a tweet id")
    text = tweet.get("full_text", tweet.get("text", ""))
    if not isinstance(text, str):
        raise TypeError("full_text is not text")
    if len(text) > MAX_POST_TEXT_CHARS:
        raise ValueError(f"text is {len(text):,} characters, over MAX_POST_TEXT_CHARS")
    reply_to = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
    return {
        "platform": "x",
        "post_id": post_id,
        "author": handle,
        "account": handle,
        "role": "own",
        "created_at": _x_time(tweet["created_at"]),
        "text": text,
        "in_reply_to_id": str(reply_to) if reply_to else None,
        "in_reply_to_handle": normalise_handle(tweet.get("in_reply_to_screen_name")),
        "lang": tweet.get("lang"),
        "is_repost": text.startswith("RT @"),
        "is_deleted": deleted,
        "deleted_at": _x_time(tweet["deleted_at"]) if deleted and tweet.get("deleted_at") else None,
        "likes": count(tweet.get("favorite_count")),
        "reposts": count(tweet.get("retweet_count")),
        "url": f"https://x.com/{handle}/status/{post_id}",
    }


def _x_time(value: object) -> pd.Timestamp:
    """``Sat Nov 09 12:14:18 +0000 2024`` (the archive's format) or ISO-8601, in UTC."""
    text = str(value).strip()
    try:
        return pd.Timestamp(datetime.strptime(text, X_TIME_FORMAT)).tz_convert("UTC")
    except ValueError:
        pass
    try:
        stamp = pd.Timestamp(text)
    except ValueError as exc:
        raise ValueError(f"unreadable time {text[:40]!r}") from exc
    if stamp is pd.NaT or stamp.tzinfo is None:
        raise ValueError(f"time {text[:40]!r} has no zone")
    return stamp.tz_convert("UTC")


def _manifest_follower_count(manifest: dict | None) -> int | None:
    files = _dig(manifest, "dataTypes", "follower", "files")
    if not isinstance(files, list) or not files:
        return None
    try:
        total = sum(int(f.get("count", 0)) for f in files)
    except (TypeError, ValueError, AttributeError):
        return None
    return total if 0 <= total <= MAX_COUNT else None


def _generation_day(manifest: dict | None) -> pd.Timestamp | None:
    generated = _dig(manifest, "archiveInfo", "generationDate")
    try:
        stamp = pd.Timestamp(generated) if isinstance(generated, str) and generated else None
    except ValueError:
        return None
    if stamp is None or stamp is pd.NaT or stamp.tzinfo is None:
        return None
    return stamp.tz_convert("UTC").tz_localize(None).normalize()


def _followers(contents: _Contents) -> tuple[pd.Timestamp, int, str | None] | None:
    """Today's follower total, the day it is filed under, and a note when that day is a guess.

    The manifest's count is X's own total on the generation day. Without it, the records of ``follower.js`` are
    counted; that is the same total, but a loose file carries no date, so it is filed under the import day and the
    warning says so.
    """
    day = _generation_day(contents.manifest)
    total = _manifest_follower_count(contents.manifest)
    if total is not None and day is not None:
        return day, total, None
    if total is None:
        total = contents.follower_records
    if total is None:
        return None
    if day is not None:
        return day, total, None
    day = today_utc()
    return day, total, (f"follower.js has no date: its {total:,} followers were recorded as the follower total on "
                        f"{day.date().isoformat()} (the import day, UTC). Upload the whole archive .zip to file them "
                        "under the archive's generation day instead.")
