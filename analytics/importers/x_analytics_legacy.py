"""Legacy analytics.twitter.com exports (about 2014–2023): the per-tweet and the per-day CSV (export-formats.md §2.1).

Both files carry ``impressions``, which nothing else in an X archive has, so they are what shows reach collapsing or
spiking around an incident. Quirks handled here:

* counts are written as floats (``"424.0"``), promoted columns hold ``"-"`` when there was no ad spend;
* files from 2015 say ``favorites`` where later files say ``likes``; both are read;
* ``Tweet id`` is a 19-digit string, kept as text (a float would destroy it); tweet text keeps raw newlines;
* ``time`` is ``2021-08-31 19:53 +0000`` (UTC, minute precision) and the day file's ``Date`` is a UTC day;
* neither file names its account inside except through the per-tweet ``Tweet permalink``; the screen name is in the
  file name (``tweet_activity_metrics_<screen_name>_<from>_<to>_<lang>.csv``), which is used only as a fallback,
  with a warning, when ``--account`` is not given.
"""

from __future__ import annotations

import re

from analytics.importers.base import (
    ACCOUNT_COLUMNS,
    DAILY_COLUMNS,
    POST_COLUMNS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
)
from analytics.importers.tabular import convert_records, header_matches, parse_local_time
from analytics.importers.x_common import (
    MAX_POST_TEXT_CHARS,
    check_ids_intact,
    count,
    handle_from_status_url,
    post_id,
    read_x_csv,
    resolve_account,
)

TWEET_REQUIRED = ("Tweet id", "Tweet permalink", "Tweet text", "time", "impressions")
DAILY_REQUIRED = ("Date", "Tweets published", "impressions", "engagements")
TWEET_TIME_FORMATS = ("%Y-%m-%d %H:%M %z", "%Y-%m-%d %H:%M:%S %z", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S")
DAY_FORMATS = ("%Y-%m-%d",)
ANALYTICS_ZONE = "UTC"
"""X analytics report times and days in UTC (export-formats.md §0); zone-less times after a re-save are read as UTC."""

_TWEET_FILE_NAME = re.compile(r"(?<!daily_)tweet_activity_metrics_([A-Za-z0-9_]+?)_\d{8}_\d{8}")
_DAILY_FILE_NAME = re.compile(r"daily_tweet_activity_metrics_([A-Za-z0-9_]+?)_\d{8}_\d{8}")


def _likes(record: dict[str, str]) -> int | None:
    """``likes`` in files from 2016 on, ``favorites`` in the 2015 generation."""
    return count(record["likes"] if "likes" in record else record.get("favorites"))


class XTweetActivityImporter(Importer):
    """The "by Tweet" export: one row per own tweet (replies included, retweets not) with its lifetime metrics."""

    name = "x_tweet_activity"
    label = "X analytics (legacy): per-tweet activity (tweet_activity_metrics_*.csv)"

    def sniff(self, source: Source) -> int:
        return 95 if header_matches(source, TWEET_REQUIRED, max_lines=3) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_x_csv(source, TWEET_REQUIRED)
        check_ids_intact(source, [record.get("tweet id", "") for _, record in table.records])
        handle, warnings = resolve_account(
            source, options.account, (handle_from_status_url(r.get("tweet permalink")) for _, r in table.records),
            _TWEET_FILE_NAME)

        def convert(record: dict[str, str]) -> dict:
            tweet_id = post_id(record["tweet id"])
            text = record["tweet text"]
            if len(text) > MAX_POST_TEXT_CHARS:
                raise ValueError(f"text is {len(text):,} characters, over MAX_POST_TEXT_CHARS")
            return {
                "platform": "x", "post_id": tweet_id, "author": handle, "account": handle, "role": "own",
                "created_at": parse_local_time(record["time"], TWEET_TIME_FORMATS, ANALYTICS_ZONE),
                "text": text,
                "impressions": count(record["impressions"]),
                "engagements": count(record.get("engagements")),
                "likes": _likes(record),
                "reposts": count(record.get("retweets")),
                "replies": count(record.get("replies")),
                "url": record.get("tweet permalink") or f"https://x.com/{handle}/status/{tweet_id}",
            }

        rows, rejected = convert_records(table, convert)
        return ParsedFile(
            format=self.name, rows_read=len(table.records), rejected=rejected, warnings=warnings,
            assumed_zone=ANALYTICS_ZONE, posts=canonical_frame(rows, POST_COLUMNS),
            accounts=canonical_frame([{"platform": "x", "handle": handle, "is_own": True}], ACCOUNT_COLUMNS))


class XDailyActivityImporter(Importer):
    """The "by day" export: one row per UTC day with the account's tweet metrics.

    Its ``follows`` column is *not* follower growth: it counts follows X attributed to a tweet (a whole year of the
    real export sums to 9 while the account gained hundreds). Putting it in ``new_follows`` would fake a follower
    curve, so it is left out; follower deltas come from ``account_overview_analytics.csv`` or follower counts.
    """

    name = "x_daily_activity"
    label = "X analytics (legacy): per-day activity (daily_tweet_activity_metrics_*.csv)"

    def sniff(self, source: Source) -> int:
        return 95 if header_matches(source, DAILY_REQUIRED, max_lines=3) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_x_csv(source, DAILY_REQUIRED)
        handle, warnings = resolve_account(source, options.account, (), _DAILY_FILE_NAME)

        def convert(record: dict[str, str]) -> dict:
            day = parse_local_time(record["date"], DAY_FORMATS, ANALYTICS_ZONE).tz_localize(None).normalize()
            return {
                "platform": "x", "account": handle, "day": day,
                "posts_published": count(record["tweets published"]),
                "impressions": count(record["impressions"]),
                "engagements": count(record["engagements"]),
                "likes": _likes(record),
                "reposts": count(record.get("retweets")),
                "replies": count(record.get("replies")),
            }

        rows, rejected = convert_records(table, convert)
        return ParsedFile(
            format=self.name, rows_read=len(table.records), rejected=rejected, warnings=warnings,
            assumed_zone=ANALYTICS_ZONE, account_daily=canonical_frame(rows, DAILY_COLUMNS),
            accounts=canonical_frame([{"platform": "x", "handle": handle, "is_own": True}], ACCOUNT_COLUMNS))
