"""The classic ("Grailbird") X archive, about 2012–2018: ``tweets.csv``, loose or in its .zip (export-formats.md §1.5).

Older brand accounts may only have this archive for the years before an incident. Its ``tweets.csv`` is fully quoted
with ten columns (``tweet_id, in_reply_to_status_id, in_reply_to_user_id, timestamp, source, text,
retweeted_status_id, …``) and timestamps like ``2016-02-19 22:16:58 +0000``. It has **no like, repost or reply
counts**, so its posts carry text and time only and the import says so. The owner's screen name is in the zip's
``data/js/user_details.js``; a loose ``tweets.csv`` needs ``--account``.
"""

from __future__ import annotations

import json

from analytics.errors import ReboundError
from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.safe_zip import SafeZip, entry_names, is_zip
from analytics.importers.tabular import convert_records, header_matches, parse_local_time
from analytics.importers.x_common import (
    MAX_POST_TEXT_CHARS,
    check_ids_intact,
    post_id,
    read_x_csv,
)

REQUIRED = ("tweet_id", "in_reply_to_status_id", "timestamp", "text", "retweeted_status_id")
TIME_FORMATS = ("%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M:%S")
USER_DETAILS = "data/js/user_details.js"
NO_COUNTS_WARNING = ("The classic archive (tweets.csv) has no like, repost, reply or impression counts; these posts "
                     "carry text and time only.")


class XClassicArchiveImporter(Importer):
    name = "x_archive_classic"
    label = "X classic archive (tweets.csv, or its .zip, 2012–2018)"

    def sniff(self, source: Source) -> int:
        if is_zip(source):
            names = entry_names(source) or []
            has_csv = any(n == "tweets.csv" or n.endswith("/tweets.csv") for n in names)
            return 90 if has_csv and any(n.endswith("data/js/tweet_index.js") or n.endswith(USER_DETAILS)
                                         for n in names) else 0
        return 90 if header_matches(source, REQUIRED, max_lines=2) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        owner = None
        csv_source = source
        if is_zip(source):
            archive = SafeZip(source)
            csv_name = archive.find("tweets.csv")
            if not csv_name:
                raise ReboundError(f"{source.name} has no tweets.csv; is it the classic X archive?",
                                   title="File not recognised")
            csv_source = Source(f"{source.name}:{csv_name}", archive.read(csv_name))
            details = archive.find(USER_DETAILS)
            owner = _user_details(archive.read(details)) if details else None
        handle = (owner or {}).get("handle") or normalise_handle(options.account)
        if not handle:
            raise ReboundError(f"{source.name} does not say whose tweets these are; choose the account "
                               "(--account HANDLE) or upload the whole classic archive .zip.", title="Account needed")
        table = read_x_csv(csv_source, REQUIRED)
        check_ids_intact(csv_source, [record.get("tweet_id", "") for _, record in table.records])

        def convert(record: dict[str, str]) -> dict:
            identifier = post_id(record["tweet_id"])
            text = record["text"]
            if len(text) > MAX_POST_TEXT_CHARS:
                raise ValueError(f"text is {len(text):,} characters, over MAX_POST_TEXT_CHARS")
            reply_to = record.get("in_reply_to_status_id", "").strip()
            return {
                "platform": "x", "post_id": identifier, "author": handle, "account": handle, "role": "own",
                "created_at": parse_local_time(record["timestamp"], TIME_FORMATS, "UTC"),
                "text": text,
                "in_reply_to_id": post_id(reply_to) if reply_to else None,
                "is_repost": bool(record.get("retweeted_status_id", "").strip()) or text.startswith("RT @"),
                "url": f"https://x.com/{handle}/status/{identifier}",
            }

        rows, rejected = convert_records(table, convert)
        return ParsedFile(
            format=self.name, rows_read=len(table.records), rejected=rejected, warnings=[NO_COUNTS_WARNING],
            assumed_zone="UTC", posts=canonical_frame(rows, POST_COLUMNS),
            accounts=canonical_frame([{"platform": "x", "handle": handle, "display_name": (owner or {}).get("name"),
                                       "is_own": True}], ACCOUNT_COLUMNS))


def _user_details(data: bytes) -> dict | None:
    """``var user_details = {"screen_name": …, "full_name": …}`` → the owner, or None if unreadable."""
    text = data.decode("utf-8-sig", errors="replace")
    _, _, body = text.partition("=")
    try:
        details = json.loads(body.strip().rstrip(";"))
    except (json.JSONDecodeError, RecursionError):
        return None
    if not isinstance(details, dict) or not normalise_handle(details.get("screen_name")):
        return None
    return {"handle": normalise_handle(details.get("screen_name")), "name": details.get("full_name")}
