"""Small synthetic export files, written from the format notes (export-formats.md), for importer tests."""

from __future__ import annotations

import io
import json
import zipfile

TWEETS = [
    {"tweet": {"id_str": "1800000000000000001", "id": "1800000000000000001",
               "created_at": "Fri Jun 12 09:14:18 +0000 2026", "full_text": "Our network is down in Leeds &amp; York.",
               "favorite_count": "3", "retweet_count": "1", "lang": "en", "entities": {}}},
    {"tweet": {"id_str": "1800000000000000002", "id": "1800000000000000002",
               "created_at": "Fri Jun 12 10:00:00 +0000 2026",
               "full_text": "@ann We're sorry for any inconvenience. Please DM us.",
               "favorite_count": "0", "retweet_count": "0", "lang": "en",
               "in_reply_to_status_id_str": "1799999999999999999", "in_reply_to_status_id": "1799999999999999999",
               "in_reply_to_screen_name": "ann", "entities": {}}},
]


def tweets_js(records: list | None = None, name: str = "tweets") -> bytes:
    body = json.dumps(TWEETS if records is None else records, indent=2)
    return f"window.YTD.{name}.part0 = {body}".encode()


def x_archive_zip(follower_count: int = 1234) -> bytes:
    manifest = {"userInfo": {"accountId": "42", "userName": "LumenFibre", "displayName": "Lumen Fibre"},
                "archiveInfo": {"generationDate": "2026-08-29T11:06:14.174Z"},
                "dataTypes": {"tweets": {"files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0",
                                                    "count": str(len(TWEETS))}]},
                              "follower": {"files": [{"fileName": "data/follower.js",
                                                      "globalName": "YTD.follower.part0",
                                                      "count": str(follower_count)}]}}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps(manifest, indent=2))
        archive.writestr("data/tweets.js", tweets_js())
        archive.writestr("Your archive.html", "<html></html>")
    return buffer.getvalue()


ACCOUNT_OVERVIEW = (
    "Date,Impressions,Likes,Engagements,Bookmarks,Shares,New follows,Unfollows,Replies,Reposts,Profile visits,"
    "Create Post,Video views,Media views\n"
    '"Sat, Jun 13, 2026",1070,11,32,0,0,5,40,2,1,6,3,0,0\n'
    '"Fri, Jun 12, 2026","2,500",20,50,0,0,12,9,2,1,6,9,0,0\n'
)

BRANDWATCH = (
    "Report:,Mentions\nBrand:,Lumen Fibre\nFrom:,2026-06-01\nTo:,2026-06-30\nLabel:,lumenfibre\n"
    "Query Id,Query Name,Date,Title,Url,Domain,Sentiment,Page Type,Language,Author,Full Text,Resource Id,"
    "Thread Entry Type,Twitter Retweets,Twitter Reply Count,Impressions,Mentioned Authors\n"
    '1998,lumenfibre,2026-06-12 14:03:21.0,down again,https://twitter.com/ann/status/1800000000000000100,'
    'twitter.com,negative,twitter,en,ann,"@lumenfibre down again, 3 hours &amp; counting",1800000000000000100,'
    "post,0,1,120,@lumenfibre\n"
    '1998,lumenfibre,2026-06-12 15:00:00.0,RT,https://twitter.com/bob/status/1800000000000000101,twitter.com,'
    'negative,twitter,en,bob,"RT @ann: @lumenfibre down again, 3 hours &amp; counting",1800000000000000101,'
    "share,0,0,10,@lumenfibre\n"
    "1998,lumenfibre,not a date,x,,twitter.com,neutral,twitter,en,cat,hello,1800000000000000102,post,0,0,1,\n"
)

FOLLOWERS = (
    "date,followers,account\n2026-06-11,18000,lumenfibre\n2026-06-12,17950,lumenfibre\n2026-06-12,900,veloxnet\n"
)

EVENTS = (
    "at,kind,label,account\n"
    "2026-06-12T07:40:00Z,incident,Broadband outage,lumenfibre\n"
    "2026-06-16T10:00:00Z,apology,We got this wrong,lumenfibre\n"
    "2026-06-20T10:00:00Z,party,Not a kind,lumenfibre\n"
)
