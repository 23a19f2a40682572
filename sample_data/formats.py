"""Writers for the demo exports, each in the layout of the real export it imitates.

Layouts follow the research notes on export formats: the X archive (§1: ``window.YTD.<name>.part0 = [...]`` files,
string ids and counts, ``created_at`` like ``Sat Nov 09 12:14:18 +0000 2024``, reply keys only on replies), X's
``account_overview_analytics.csv`` (§2.2) and Brandwatch's mention export (§8.1: five metadata lines, header on
line 6).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import json
import re
import zipfile
from pathlib import Path

import story as S

BRANDWATCH_HEADER = """Query Id, Query Name, Date, Title, Url, Domain, Sentiment, Page Type, Language, Country Code,
    Continent Code, Continent, Country, City Code, Account Type, Added, Assignment, Author, Avatar, Category Details,
    Checked, City, Display URLs, Expanded URLs, Facebook Author ID, Facebook Comments, Facebook Likes, Facebook Role,
    Facebook Shares, Facebook Subtype, Full Name, Full Text, Gender, Hashtags, Impact, Impressions, Instagram Comments,
    Instagram Followers, Instagram Following, Instagram Interactions Count, Instagram Likes, Instagram Posts, Interest,
    Last Assignment Date, Latitude, Location Name, Longitude, Media Filter, Media URLs, Mentioned Authors,
    Original Url, Priority, Professions, Resource Id, Short URLs, Starred, Status, Subtype, Thread Author,
    Thread Created Date, Thread Entry Type, Thread Id, Thread URL, Total Monthly Visitors, Twitter Author ID,
    Twitter Channel Role, Twitter Followers, Twitter Following, Twitter Reply Count, Twitter Reply to,
    Twitter Retweet of, Twitter Retweets, Twitter Tweets, Twitter Verified, Updated, Reach (new), Air Type, Blog Name,
    Broadcast Media Url, Broadcast Type, Content Source, Content Source Name, Copyright, Engagement Type,
    Is Syndicated, Item Review, Linkedin Comments, Linkedin Engagement, Linkedin Impressions, Linkedin Likes,
    Linkedin Shares, Linkedin Sponsored, Linkedin Video Views, Media Type, Page Type Name, Parent Blog Name,
    Parent Post Id, Pub Type, Publisher Sub Type, Rating, Reddit Author Awardee Karma, Reddit Author Awarder Karma,
    Reddit Author Karma, Reddit Comments, Reddit Score, Reddit Score Upvote Ratio, Region, Region Code,
    Root Blog Name, Root Post Id, Subreddit, Subreddit Subscribers, Weblog Title"""
BRANDWATCH_COLUMNS = [c.strip() for c in BRANDWATCH_HEADER.split(",")]


# fmt: off
OVERVIEW_COLUMNS = [
    "Date", "Impressions", "Likes", "Engagements", "Bookmarks", "Shares", "New follows", "Unfollows", "Replies",
    "Reposts", "Profile visits", "Create Post", "Video views", "Media views",
]
# fmt: on


# ---- formats of values ---------------------------------------------------------------------------------------------


def x_date(when: dt.datetime) -> str:
    return when.strftime("%a %b %d %H:%M:%S +0000 %Y")


def iso_ms(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%dT%H:%M:%S.") + f"{when.microsecond // 1000:03d}Z"


def bw_date(when: dt.datetime) -> str:
    return when.strftime("%Y-%m-%d %H:%M:%S") + ".0"


# ---- X archive -----------------------------------------------------------------------------------------------------


def tweet_record(tweet: dict) -> dict:
    """One ``{"tweet": {...}}`` entry in the field layout of a 2024+ archive's tweets.js."""
    plain = html.unescape(tweet["text"])
    entities: dict = {"hashtags": [], "symbols": [], "user_mentions": [], "urls": []}
    for match in re.finditer(r"#(\w+)", plain):
        entities["hashtags"].append({"text": match.group(1), "indices": [str(match.start()), str(match.end())]})
    target = tweet["reply_to"]
    if target is not None:
        author = target["author"]
        entities["user_mentions"].append(
            {
                "name": author["name"],
                "screen_name": author["handle"],
                "indices": ["0", str(len(author["handle"]) + 1)],
                "id_str": author["id"],
                "id": author["id"],
            }
        )
    for match in re.finditer(r"https://t\.co/\w+", plain):
        page = hashlib.sha1(match.group(0).encode()).hexdigest()[:6]
        entities["urls"].append(
            {
                "url": match.group(0),
                "expanded_url": f"https://lumenfibre.example/go/{page}",
                "display_url": f"lumenfibre.example/go/{page}",
                "indices": [str(match.start()), str(match.end())],
            }
        )
    record: dict = {
        "edit_info": {
            "initial": {
                "editTweetIds": [tweet["id"]],
                "editableUntil": iso_ms(tweet["time"] + dt.timedelta(hours=1)),
                "editsRemaining": "5",
                "isEditEligible": target is None,
            }
        },
        "retweeted": False,
        "source": tweet["source"],
        "entities": entities,
        "display_text_range": ["0", str(len(plain))],
        "favorite_count": str(tweet["likes"]),
    }
    if target is not None:
        record["in_reply_to_status_id_str"] = target["id"]
    record.update({"id_str": tweet["id"]})
    if target is not None:
        record["in_reply_to_user_id"] = target["author"]["id"]
    record.update({"truncated": False, "retweet_count": str(tweet["reposts"]), "id": tweet["id"]})
    if target is not None:
        record["in_reply_to_status_id"] = target["id"]
    record.update(
        {"created_at": x_date(tweet["time"]), "favorited": False, "full_text": tweet["text"], "lang": tweet["lang"]}
    )
    if target is not None:
        record["in_reply_to_screen_name"] = target["author"]["handle"]
        record["in_reply_to_user_id_str"] = target["author"]["id"]
    return {"tweet": record}


def js_file(global_name: str, payload) -> bytes:
    body = json.dumps(payload, indent=2, separators=(",", " : "), ensure_ascii=False)
    return f"{global_name} = {body}".encode()


def write_archive(out: Path, rng, own_tweets, follower_total) -> tuple[str, int]:
    """The X archive zip; returns its file name and the number of tweets in it."""
    display, _, account_id = S.ACCOUNTS[S.BRAND]
    records = [tweet_record(t) for t in sorted(own_tweets, key=lambda t: (t["time"], t["id"]), reverse=True)]
    follower_ids: list[str] = []
    seen: set[str] = set()
    while len(follower_ids) < follower_total:
        digits = int(rng.choice([8, 9, 10, 18, 19], p=[0.15, 0.25, 0.2, 0.2, 0.2]))
        candidate = str(int(rng.integers(10 ** (digits - 1), 10**digits - 1 if digits < 19 else 1.95e18)))
        if candidate not in seen:
            seen.add(candidate)
            follower_ids.append(candidate)
    followers = [
        {"follower": {"accountId": a, "userLink": f"https://twitter.com/intent/user?user_id={a}"}} for a in follower_ids
    ]
    account = [
        {
            "account": {
                "email": "social@lumenfibre.example",
                "createdVia": "web",
                "username": S.BRAND,
                "accountId": account_id,
                "createdAt": "2012-03-04T10:00:00.000Z",
                "accountDisplayName": display,
            }
        }
    ]
    files = {
        "data/account.js": js_file("window.YTD.account.part0", account),
        "data/tweets.js": js_file("window.YTD.tweets.part0", records),
        "data/follower.js": js_file("window.YTD.follower.part0", followers),
    }
    manifest = {
        "userInfo": {"accountId": account_id, "userName": S.BRAND, "displayName": display},
        "archiveInfo": {
            "sizeBytes": str(sum(len(b) for b in files.values())),
            "generationDate": iso_ms(S.ARCHIVE_GENERATED_AT),
            "isPartialArchive": False,
            "maxPartSizeBytes": "53687091200",
        },
        "readmeInfo": {"fileName": "data/README.txt", "directory": "data/", "name": "README.txt"},
        "dataTypes": {
            "account": {"files": [{"fileName": "data/account.js", "globalName": "YTD.account.part0", "count": "1"}]},
            "follower": {
                "files": [
                    {"fileName": "data/follower.js", "globalName": "YTD.follower.part0", "count": str(len(followers))}
                ]
            },
            "tweets": {
                "mediaDirectory": "data/tweets_media",
                "files": [{"fileName": "data/tweets.js", "globalName": "YTD.tweets.part0", "count": str(len(records))}],
            },
        },
    }
    files = {"data/manifest.js": js_file("window.__THAR_CONFIG", manifest), **files}
    files["data/README.txt"] = (
        b"Twitter Archive Data (synthetic demo archive for the fictional @lumenfibre; see sample_data/README.md)\n"
        b"tweets.js - posts made by the account, newest first.\nfollower.js - accounts following the account.\n"
    )
    files["Your archive.html"] = b"<!DOCTYPE html><html><body><p>Open data/ to browse this archive.</p></body></html>"
    digest = hashlib.sha256(f"{S.SEED}:{S.BRAND}:{S.ARCHIVE_GENERATED_AT.isoformat()}".encode()).hexdigest()
    name = f"twitter-{S.ARCHIVE_GENERATED_AT.date().isoformat()}-{digest}.zip"
    for stale in out.glob("twitter-*.zip"):
        stale.unlink()
    stamp = S.ARCHIVE_GENERATED_AT.timetuple()[:6]
    with zipfile.ZipFile(out / name, "w") as archive:
        for path, content in files.items():
            info = zipfile.ZipInfo(path, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            archive.writestr(info, content, compresslevel=6)
    return name, len(records)


# ---- CSV exports ---------------------------------------------------------------------------------------------------


def write_overview(out: Path, rows) -> None:
    with open(out / "account_overview_analytics.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(OVERVIEW_COLUMNS)
        writer.writerows(rows)


def brandwatch_row(m: dict, query_id: str, label: str) -> dict:
    author = m["author"]
    spanish = m["lang"] == "es"
    one_line = " ".join(html.unescape(m["text"]).split())
    row = {
        "Query Id": query_id,
        "Query Name": m["account"],
        "Date": bw_date(m["time"]),
        "Title": one_line if len(one_line) <= 80 else one_line[:79] + "…",
        "Url": f"https://twitter.com/{author['handle']}/status/{m['id']}",
        "Domain": "twitter.com",
        "Sentiment": label,
        "Page Type": "twitter",
        "Language": m["lang"],
        "Country Code": "ES" if spanish else "GB",
        "Continent Code": "EU",
        "Continent": "Europe",
        "Country": "Spain" if spanish else "United Kingdom",
        "Account Type": "individual",
        "Added": bw_date(m["time"] + dt.timedelta(minutes=3)),
        "Author": author["handle"],
        "Checked": "false",
        "City": "" if spanish else author["town"],
        "Full Name": author["name"],
        "Full Text": m["text"],
        "Gender": author["gender"],
        "Hashtags": ", ".join(re.findall(r"#\w+", m["text"])),
        "Impressions": str(int(author["followers"] * 0.35) + 1),
        "Mentioned Authors": ", ".join(dict.fromkeys(re.findall(r"@\w+", m["text"]))),
        "Resource Id": m["id"],
        "Starred": "false",
        "Thread Entry Type": m["entry"],
        "Twitter Author ID": author["id"],
        "Twitter Followers": str(author["followers"]),
        "Twitter Following": str(author["following"]),
        "Twitter Reply Count": str(m["replies"]),
        "Twitter Retweets": str(m["retweets"]),
        "Twitter Tweets": str(author["tweets"]),
        "Twitter Verified": "false",
        "Updated": bw_date(m["time"] + dt.timedelta(minutes=3)),
        "Reach (new)": str(int(author["followers"] * 0.2) + 1),
        "Content Source": "twitter",
        "Content Source Name": "Twitter",
        "Page Type Name": "Twitter",
        "Region": "" if spanish else "England",
        "Media Type": "text",
    }
    if m["entry"] == "share":
        src = m["parent"]
        url = f"https://twitter.com/{src['author']['handle']}/status/{src['id']}"
        row.update(
            {
                "Thread Author": src["author"]["handle"],
                "Thread Created Date": bw_date(src["time"]),
                "Thread Id": src["id"],
                "Thread URL": url,
                "Twitter Retweet of": url,
                "Twitter Retweets": "0",
                "Twitter Reply Count": "0",
                "Engagement Type": "RETWEET",
            }
        )
    elif m["entry"] == "reply":
        parent_id, parent_author, parent_time = m["parent_ref"]
        row.update(
            {
                "Thread Author": parent_author,
                "Thread Created Date": bw_date(parent_time),
                "Thread Id": parent_id,
                "Thread URL": f"https://twitter.com/{parent_author}/status/{parent_id}",
                "Twitter Reply to": parent_author,
                "Engagement Type": "REPLY",
            }
        )
    else:
        row.update({"Thread Author": author["handle"], "Thread Created Date": bw_date(m["time"]), "Thread Id": m["id"]})
    return row


def brandwatch_label(rng, polarity: str) -> str:
    """Brandwatch's own classifier: roughly right, noisy."""
    names = {"pos": "positive", "neu": "neutral", "neg": "negative"}
    roll = rng.random()
    if polarity == "neu":
        return "neutral" if roll < 0.85 else ("negative" if roll < 0.95 else "positive")
    if roll < 0.74:
        return names[polarity]
    return "neutral" if roll < 0.94 else names["neg" if polarity == "pos" else "pos"]


def write_brandwatch(out: Path, rng, account: str, rows: list[dict]) -> str:
    display, query_id, _ = S.ACCOUNTS[account]
    name = f"brandwatch_{account}_mentions.csv"
    with open(out / name, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\r\n")
        writer.writerows(
            [
                ["Report:", "Mentions"],
                ["Brand:", display],
                ["From:", S.START.isoformat()],
                ["To:", S.END.isoformat()],
                ["Label:", account],
            ]
        )
        writer.writerow(BRANDWATCH_COLUMNS)
        labels = {m["id"]: brandwatch_label(rng, m["polarity"]) for m in rows}
        for m in sorted(rows, key=lambda m: (m["time"], m["id"]), reverse=True):
            row = brandwatch_row(m, query_id, labels[m["id"]])
            writer.writerow([row.get(c, "") for c in BRANDWATCH_COLUMNS])
    return name


def write_followers(out: Path, follows) -> None:
    with open(out / "followers.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["date", "followers", "account"])
        for i, day in enumerate(S.DAYS):
            for account in S.ACCOUNTS:
                writer.writerow([day.isoformat(), follows[account][i][2], account])


def events() -> list[tuple[dt.datetime, str, str, str]]:
    return [
        (S.INCIDENT_AT, "incident", "Broadband outage; canned auto-replies to customers until 15 Jun", S.BRAND),
        (S.APOLOGY_AT, "apology", 'Public apology: "We got this wrong"', S.BRAND),
        (S.STRATEGY_CHANGE_AT, "strategy_change", "Real people answer replies, signed with their names", S.BRAND),
        (S.CAMPAIGN_AT, "campaign", "Summer speed upgrade campaign", "skylinkhome"),
    ]


def write_events(out: Path) -> None:
    with open(out / "events.csv", "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["at", "kind", "label", "account"])
        for at, kind, label, account in events():
            writer.writerow([at.strftime("%Y-%m-%dT%H:%M:%SZ"), kind, label, account])
