"""The X/Twitter account archive ("Download an archive of your data"): the .zip, or its loose ``data/*.js`` files.

Every ``data/*.js`` file is JavaScript, not JSON (``window.YTD.tweets.part0 = [ … ]``). Tweets come in three record
shapes across archive generations (``tweet.js`` with and without the ``{"tweet": …}`` wrapper, ``tweets.js``); the
manifest lists every part file and gives today's follower total, which anchors the follower curve.
See export-formats.md §1.
"""

from __future__ import annotations

import json
import re
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
from analytics.importers.safe_zip import SafeZip, is_zip
from analytics.importers.textfile import parse_count, sniff_text

TWEET_FILES = ("data/tweets.js", "data/tweet.js")
_YTD_PREFIX = re.compile(r"^\s*window\.(YTD\.[A-Za-z0-9_]+\.part\d+|__THAR_CONFIG)\s*=", re.MULTILINE)
_PART_FILE = re.compile(r"(^|/)data/tweets?(-part\d+)?\.js$")
X_TIME_FORMAT = "%a %b %d %H:%M:%S %z %Y"


def parse_ytd(text: str, name: str) -> object:
    """The JSON value assigned in an archive ``.js`` file (``window.YTD.x.part0 = [...]``)."""
    match = _YTD_PREFIX.search(text[:2000])
    if not match:
        raise ReboundError(f"{name} is not an X archive data file (no 'window.YTD… =' line).",
                           title="File not recognised")
    body = text[match.end():].strip().rstrip(";").strip()
    try:
        return json.loads(body)
    except json.JSONDecodeError as exc:
        raise ReboundError(f"{name}: the archive data is cut off or damaged near character {exc.pos} ({exc.msg}).",
                           title="Damaged archive") from exc


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ReboundError(f"{name} is not UTF-8 text (byte {exc.start}); X archives are UTF-8.",
                           title="Unknown text encoding") from exc


class XArchiveImporter(Importer):
    name = "x_archive"
    label = "X account archive (.zip or data/tweets.js)"

    def sniff(self, source: Source) -> int:
        if is_zip(source):
            try:
                archive = SafeZip(source)
            except ReboundError:
                return 0
            return 95 if any(archive.find(f) for f in (*TWEET_FILES, "data/manifest.js")) else 0
        head = sniff_text(source, 4096)
        return 95 if re.search(r"window\.YTD\.(tweets?|deleted_tweets)\.part\d+\s*=", head) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        if is_zip(source):
            files, manifest, account = self._from_zip(source)
        else:
            files, manifest, account = [(source.name, _decode(source.data, source.name))], None, None
        # The archive knows its owner; --account only fills in for loose .js files that do not say.
        handle = (account or {}).get("handle") or normalise_handle(options.account)
        if not handle:
            raise ReboundError(f"{source.name} does not say whose tweets these are; choose the account "
                               "(--account HANDLE) or upload the whole archive .zip.", title="Account needed")
        parsed = ParsedFile(format=self.name)
        rows, record_no = [], 0
        for name, text in files:
            records = parse_ytd(text, name)
            if not isinstance(records, list):
                raise ReboundError(f"{name}: expected a list of tweets.", title="Damaged archive")
            for item in records:
                record_no += 1
                tweet = item.get("tweet", item) if isinstance(item, dict) else None
                try:
                    rows.append(_tweet_row(tweet, handle))
                except (KeyError, TypeError, ValueError) as exc:
                    parsed.rejected.append(Rejection(record_no, f"tweet record {record_no}: {exc}"))
        parsed.rows_read = record_no
        parsed.posts = canonical_frame(rows, POST_COLUMNS)
        parsed.accounts = canonical_frame(
            [{"platform": "x", "handle": handle, "display_name": (account or {}).get("display_name"), "is_own": True}],
            ACCOUNT_COLUMNS)
        followers = _manifest_followers(manifest)
        if followers is not None:
            parsed.account_daily = canonical_frame(
                [{"platform": "x", "account": handle, "day": followers[0], "followers": followers[1]}], DAILY_COLUMNS)
        return parsed

    def _from_zip(self, source: Source) -> tuple[list[tuple[str, str]], dict | None, dict | None]:
        archive = SafeZip(source)
        manifest_name = archive.find("data/manifest.js")
        manifest = parse_ytd(_decode(archive.read(manifest_name), manifest_name), manifest_name) if manifest_name \
            else None
        names: list[str] = []
        if isinstance(manifest, dict):
            for kind in ("tweets", "tweet"):
                for entry in manifest.get("dataTypes", {}).get(kind, {}).get("files", []):
                    found = archive.find(str(entry.get("fileName", "")))
                    if found:
                        names.append(found)
        if not names:
            names = sorted(n for n in archive.names() if _PART_FILE.search(n))
        if not names:
            raise ReboundError(f"{source.name} is an archive without data/tweets.js; is it the X archive?",
                               title="File not recognised")
        account = None
        if isinstance(manifest, dict) and isinstance(manifest.get("userInfo"), dict):
            info = manifest["userInfo"]
            account = {"handle": normalise_handle(info.get("userName")), "display_name": info.get("displayName")}
        account_name = archive.find("data/account.js")
        if account is None and account_name:
            records = parse_ytd(_decode(archive.read(account_name), account_name), account_name)
            if isinstance(records, list) and records and isinstance(records[0], dict):
                data = records[0].get("account", {})
                account = {"handle": normalise_handle(data.get("username")),
                           "display_name": data.get("accountDisplayName")}
        files = [(name, _decode(archive.read(name), name)) for name in names]
        return files, manifest if isinstance(manifest, dict) else None, account


def _tweet_row(tweet: dict | None, handle: str) -> dict:
    if not isinstance(tweet, dict):
        raise TypeError("not a tweet object")
    post_id = str(tweet.get("id_str") or tweet["id"]).strip()
    if not post_id.isdigit():
        raise ValueError(f"id {post_id[:30]!r} is not a tweet id")
    created = datetime.strptime(tweet["created_at"], X_TIME_FORMAT)
    text = tweet.get("full_text", tweet.get("text", ""))
    reply_to = tweet.get("in_reply_to_status_id_str") or tweet.get("in_reply_to_status_id")
    return {
        "platform": "x",
        "post_id": post_id,
        "author": handle,
        "account": handle,
        "role": "own",
        "created_at": pd.Timestamp(created).tz_convert("UTC"),
        "text": text,
        "in_reply_to_id": str(reply_to) if reply_to else None,
        "in_reply_to_handle": normalise_handle(tweet.get("in_reply_to_screen_name")),
        "lang": tweet.get("lang"),
        "is_repost": str(text).startswith("RT @"),
        "likes": parse_count(tweet.get("favorite_count")),
        "reposts": parse_count(tweet.get("retweet_count")),
        "url": f"https://x.com/{handle}/status/{post_id}",
    }


def _manifest_followers(manifest: dict | None) -> tuple[pd.Timestamp, int] | None:
    """Today's follower total (sum of the follower files' counts) on the archive's generation day."""
    if not manifest:
        return None
    files = manifest.get("dataTypes", {}).get("follower", {}).get("files", [])
    generated = manifest.get("archiveInfo", {}).get("generationDate")
    if not files or not generated:
        return None
    try:
        total = sum(int(f.get("count", 0)) for f in files)
        day = pd.Timestamp(generated).tz_convert("UTC").tz_localize(None).normalize()
    except (TypeError, ValueError):
        return None
    return day, total
