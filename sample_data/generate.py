"""Regenerate the demo workspace's exports: ``python sample_data/generate.py``.

Deterministic (one seeded ``numpy`` generator, no clock, no network): running it twice gives byte-identical files.
The story and its parameters live in ``story.py``, the phrase pools in ``texts.py``, the file layouts in
``formats.py`` and the measurements in ``truth.py``; this file draws the data and drives the rest. Writes, under
``sample_data/exports/``: the X archive zip, ``account_overview_analytics.csv``, three Brandwatch mention exports,
``followers.csv`` and ``events.csv``; and ``sample_data/ground_truth.json`` plus the ground-truth table in
``sample_data/README.md``, both measured from what was written.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
from pathlib import Path

import formats
import numpy as np
import story as S
import texts as T
import truth
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

HERE = Path(__file__).resolve().parent
OUT = HERE / "exports"
README = HERE / "README.md"
GROUND_TRUTH = HERE / "ground_truth.json"
TWEPOCH_MS = 1288834974657  # X snowflake epoch
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
# fmt: off
HOUR_WEIGHTS = np.array([
    1.2, 0.7, 0.4, 0.3, 0.3, 0.5, 1.2, 2.5, 3.6, 4.2, 4.4, 4.5, 4.8, 4.8, 4.6, 4.5, 4.6, 4.9, 5.3, 5.6, 5.5, 4.8,
    3.6, 2.2,
])
# fmt: on
WEB_APP = '<a href="https://mobile.twitter.com" rel="nofollow">Twitter Web App</a>'
SCHEDULER = '<a href="https://www.hootsuite.com" rel="nofollow">Hootsuite Inc.</a>'
AMPERSAND_SHARE = 0.08  # how often an {and} slot is written as X encodes "&"
AUTO_REPLIER = '<a href="https://autoreply.lumenfibre.example" rel="nofollow">LF AutoResponder</a>'
# fmt: off
FIRST_NAMES = [
    "Sarah", "James", "Emma", "Oliver", "Chloe", "Harry", "Sophie", "Jack", "Amelia", "George", "Lucy", "Tom",
    "Hannah", "Daniel", "Grace", "Ben", "Megan", "Sam", "Laura", "Ryan", "Zara", "Mohammed", "Aisha", "Liam",
    "Ellie", "Jamie", "Rachel", "Connor", "Priya", "Kieran", "Fatima", "Owen", "Nadia", "Lewis", "Holly", "Adam",
    "Jess", "Marcus", "Leah", "Rob", "Carmen", "Javier", "Lucia", "Pablo", "Ana",
]
LAST_NAMES = [
    "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Patel", "Wright", "Walker",
    "Evans", "Thomas", "Roberts", "Khan", "Lewis", "Hughes", "Green", "Hall", "Wood", "Clarke", "Mitchell",
    "Hussain", "Turner", "Ward", "Morgan", "Cooper", "Kelly", "Bell", "Murray", "Garcia", "Lopez", "Novak",
    "Okafor",
]
# fmt: on


# ---- small helpers -------------------------------------------------------------------------------------------------
class Ids:
    """X-style snowflake ids: 19 digits, above 2**53, increasing with time, never repeated."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.seen: set[int] = set()

    def at(self, when: dt.datetime) -> str:
        ms = (when - EPOCH) // dt.timedelta(milliseconds=1)
        while True:
            value = ((ms - TWEPOCH_MS) << 22) | int(self.rng.integers(0, 1 << 22))
            if value not in self.seen:
                self.seen.add(value)
                return str(value)


def day_start(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


def sample_times(rng: np.random.Generator, n: int, day: dt.date, lo: int = 0, hi: int = 86400) -> list[dt.datetime]:
    """``n`` sorted times on ``day`` between second ``lo`` and ``hi``, following the diurnal HOUR_WEIGHTS."""
    weights = HOUR_WEIGHTS.copy()
    for hour in range(24):
        overlap = max(0, min(hi, (hour + 1) * 3600) - max(lo, hour * 3600))
        weights[hour] *= overlap / 3600
    hours = rng.choice(24, size=n, p=weights / weights.sum())
    seconds = []
    for hour in hours:
        a, b = max(lo, hour * 3600), min(hi, (hour + 1) * 3600)
        seconds.append(int(rng.integers(a, b)))
    start = day_start(day)
    return [start + dt.timedelta(seconds=s) for s in sorted(seconds)]


def t_co(rng: np.random.Generator) -> str:
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=10))


def fill(template: str, handle: str, rng: np.random.Generator | int, first: str = "") -> str:
    """Fill a phrase template's slots (see texts.py)."""
    if isinstance(rng, int):
        rng = np.random.default_rng(rng)

    def pick(options: list[str]) -> str:
        return options[int(rng.integers(0, len(options)))]

    return template.format(
        h=handle,
        town=pick(T.TOWNS),
        hours=pick(T.HOURS),
        days=pick(T.DAYS),
        speed=pick(T.SPEEDS),
        thing=pick(T.THINGS),
        n=int(rng.integers(2, 6)),
        staff=pick(T.STAFF),
        street=pick(T.STREETS),
        first=first,
        weekday=pick(T.WEEKDAYS),
        weekday_es=pick(T.WEEKDAYS_ES),
        tco=t_co(rng),
        **{"and": "&amp;" if rng.random() < AMPERSAND_SHARE else "and"},
    )


# ---- authors -------------------------------------------------------------------------------------------------------
def make_authors(rng: np.random.Generator, n: int) -> list[dict]:
    authors, handles = [], set()
    while len(authors) < n:
        first = FIRST_NAMES[int(rng.integers(0, len(FIRST_NAMES)))]
        last = LAST_NAMES[int(rng.integers(0, len(LAST_NAMES)))]
        style = int(rng.integers(0, 5))
        digits = str(int(rng.integers(1, 999)))
        handle = [
            f"{first.lower()}{last.lower()}{digits}",
            f"{first}_{last}",
            f"{first.lower()}_{last[0].lower()}{digits}",
            f"{first}{last}{digits}",
            f"the{first.lower()}{last[:3].lower()}",
        ][style][:15]
        if handle.lower() in handles:
            continue
        handles.add(handle.lower())
        old = rng.random() < 0.55
        account_id = str(int(rng.integers(10**7, 4 * 10**9))) if old else str(int(rng.integers(10**18, 1.9e18)))
        followers = int(rng.lognormal(5.6, 1.3))
        authors.append(
            {
                "handle": handle,
                "name": f"{first} {last}",
                "first": first,
                "id": account_id,
                "followers": followers,
                "following": int(rng.lognormal(5.8, 0.9)),
                "tweets": int(rng.lognormal(7.5, 1.2)),
                "gender": "female" if first in FEMALE else ("male" if first in MALE else "unknown"),
                "town": T.TOWNS[int(rng.integers(0, len(T.TOWNS)))],
                "spanish": first in SPANISH_NAMES,
            }
        )
    return authors


FEMALE = {
    "Sarah",
    "Emma",
    "Chloe",
    "Sophie",
    "Amelia",
    "Lucy",
    "Hannah",
    "Grace",
    "Megan",
    "Laura",
    "Zara",
    "Aisha",
    "Ellie",
    "Rachel",
    "Priya",
    "Fatima",
    "Nadia",
    "Holly",
    "Jess",
    "Leah",
    "Carmen",
    "Lucia",
    "Ana",
}
MALE = {
    "James",
    "Oliver",
    "Harry",
    "Jack",
    "George",
    "Tom",
    "Daniel",
    "Ben",
    "Ryan",
    "Mohammed",
    "Liam",
    "Connor",
    "Kieran",
    "Owen",
    "Lewis",
    "Adam",
    "Marcus",
    "Rob",
    "Javier",
    "Pablo",
}
SPANISH_NAMES = {"Carmen", "Javier", "Lucia", "Pablo", "Ana"}


class AuthorPicker:
    """Draws authors with a long tail: a few people tweet at a brand often, most once."""

    def __init__(self, rng: np.random.Generator, authors: list[dict]) -> None:
        self.rng = rng
        self.authors = authors
        weights = (np.arange(len(authors)) + 10.0) ** -0.75
        self.cumulative = np.cumsum(weights / weights.sum())
        self.spanish = [a for a in authors if a["spanish"]]

    def pick(self, spanish: bool = False) -> dict:
        if spanish and self.spanish:
            return self.spanish[int(self.rng.integers(0, len(self.spanish)))]
        index = int(np.searchsorted(self.cumulative, self.rng.random()))
        return self.authors[min(index, len(self.authors) - 1)]


# ---- mentions ------------------------------------------------------------------------------------------------------
POLARITIES = ("pos", "neu", "neg")


def phase_weight(account: str, day: dt.date) -> float:
    """How much of a day's text comes from its phase pool rather than the generic pool."""
    name = S.phase(account, day)
    if name == "generic":
        return 0.0
    if name == "recovery" and day >= S.RECOVERY_DATE:
        return 0.25
    return 0.7 if name == "storm" else 0.6


def polarity_shares(target: float, means: dict[str, float]) -> tuple[float, float, float]:
    """(pos, neu, neg) shares whose expected compound is ``target`` given the pools' mean compounds."""
    p_neu = min(0.36, max(0.08, 0.36 - 0.55 * max(0.0, -target)))
    rest = 1.0 - p_neu
    p_pos = (target - p_neu * means["neu"] - rest * means["neg"]) / (means["pos"] - means["neg"])
    p_pos = min(rest, max(0.0, p_pos))
    return p_pos, p_neu, rest - p_pos


def generate_mentions(rng, ids, picker, pool_means) -> dict[str, list[dict]]:
    """All mentions of each account, chronological. Each is a dict (see ``make_mention``)."""
    mentions: dict[str, list[dict]] = {}
    for account in S.ACCOUNTS:
        rows = []
        for day in S.DAYS:
            noise = rng.normal(0.0, S.LATENT_NOISE_SD)
            day_noise = math.exp(rng.normal(0.0, S.VOLUME_NOISE_SD))
            base = S.WEEKDAY_VOLUME[account] * S.WEEKDAY_FACTOR[day.weekday()] * day_noise
            if account == S.BRAND and day == S.INCIDENT_DATE:
                cut = (S.INCIDENT_AT - day_start(day)).seconds
                share_before = HOUR_WEIGHTS[: cut // 3600].sum() / HOUR_WEIGHTS.sum()
                segments = [
                    (rng.poisson(base * share_before), 0, cut, S.BASELINE_COMPOUND[account], "generic"),
                    (
                        rng.poisson(base * (1 - share_before) * S.STORM_VOLUME[day]),
                        cut,
                        86400,
                        S.STORM_COMPOUND[day],
                        "storm",
                    ),
                ]
            else:
                count = rng.poisson(base * S.volume_multiplier(account, day))
                segments = [(count, 0, 86400, S.latent_compound(account, day), S.phase(account, day))]
            for count, lo, hi, target, phase in segments:
                weight = 0.0 if phase == "generic" else phase_weight(account, day)
                rows.extend(
                    day_segment(
                        rng, ids, picker, pool_means, account, day, count, lo, hi, target + noise, phase, weight
                    )
                )
        rows.sort(key=lambda m: (m["time"], m["id"]))
        mentions[account] = rows
    return mentions


def allocate(rng: np.random.Generator, n: int, shares: tuple[float, ...]) -> list[int]:
    """Split ``n`` items over categories in proportion to ``shares`` (stratified: only the remainders are random),
    returned as a shuffled list of category indices. Keeps the day-to-day noise of the mix small and tunable."""
    exact = np.array(shares) * n
    counts = np.floor(exact).astype(int)
    leftover = n - int(counts.sum())
    if leftover:
        fractions = exact - counts
        extra = rng.choice(len(shares), size=leftover, replace=False, p=fractions / fractions.sum())
        counts[extra] += 1
    labels = np.repeat(np.arange(len(shares)), counts)
    rng.shuffle(labels)
    return labels.tolist()


def day_segment(rng, ids, picker, pool_means, account, day, count, lo, hi, target, phase, weight) -> list[dict]:
    """One stretch of a day's mentions: originals with the planted polarity mix, then retweets of them."""
    handle = "@" + account
    means = {
        q: weight * pool_means.get(phase, pool_means["generic"])[q] + (1 - weight) * pool_means["generic"][q]
        for q in POLARITIES
    }
    shares = polarity_shares(target, means)
    n_share = int(rng.binomial(count, S.SHARE_OF_RETWEETS)) if count > 3 else 0
    originals = []
    times = sample_times(rng, count - n_share, day, lo, hi)
    for when, category in zip(times, allocate(rng, len(times), shares), strict=True):
        polarity = POLARITIES[category]
        spanish = rng.random() < S.SHARE_OF_SPANISH
        if spanish:
            pool = T.SPANISH
        elif phase != "generic" and rng.random() < weight:
            pool = T.all_mention_pools()[phase]
        else:
            pool = T.GENERIC
        templates = pool[polarity]
        author = picker.pick(spanish=spanish)
        text = fill(templates[int(rng.integers(0, len(templates)))], handle, rng)
        entry = "reply" if rng.random() < 0.22 else "post"
        originals.append(make_mention(ids, account, when, author, text, "es" if spanish else "en", polarity, entry))
    shares_out = []
    by_polarity = {q: [o for o in originals if o["polarity"] == q] for q in POLARITIES}
    for category in allocate(rng, n_share, shares) if originals else []:
        candidates = by_polarity[POLARITIES[category]] or originals
        popularity = np.array([math.sqrt(o["author"]["followers"] + 1) for o in candidates])
        source = candidates[int(rng.choice(len(candidates), p=popularity / popularity.sum()))]
        remaining = (day_start(day) + dt.timedelta(seconds=86399) - source["time"]).total_seconds()
        delay = rng.exponential(5400) + 20
        if delay > remaining:  # keep a share on its source's day: the day's sentiment mix stays as planted
            delay = rng.uniform(0, remaining)
        when = source["time"] + dt.timedelta(seconds=int(delay))
        text = f"RT @{source['author']['handle']}: {source['text']}"
        share = make_mention(ids, account, when, picker.pick(), text, source["lang"], source["polarity"], "share")
        share["parent"] = source
        source["retweets"] += 1
        shares_out.append(share)
    return originals + shares_out


def make_mention(ids, account, when, author, text, lang, polarity, entry) -> dict:
    return {
        "account": account,
        "id": ids.at(when + dt.timedelta(milliseconds=int(ids.rng.integers(0, 1000)))),
        "time": when,
        "author": author,
        "text": text,
        "lang": lang,
        "polarity": polarity,
        "entry": entry,
        "parent": None,
        "retweets": 0,
        "replies": 0,
    }


def attach_reply_parents(rng, ids, mentions, own_tweets) -> None:
    """Mentions of type ``reply`` answer the brand: the brand's latest tweet before them (or a stand-in id)."""
    own_times = [t["time"] for t in own_tweets]
    for account, rows in mentions.items():
        for m in rows:
            if m["entry"] != "reply":
                continue
            if account == S.BRAND:
                index = bisect.bisect_left(own_times, m["time"]) - 1
                if index < 0:
                    m["entry"] = "post"
                    continue
                parent = own_tweets[index]
                m["parent_ref"] = (parent["id"], account, parent["time"])
            else:
                when = m["time"] - dt.timedelta(minutes=int(rng.integers(10, 600)))
                m["parent_ref"] = (ids.at(when), account, when)


# ---- the brand's own tweets ----------------------------------------------------------------------------------------
def generate_own_tweets(rng, ids, mentions) -> list[dict]:
    """Lumen Fibre's tweets: announcements, replies (standard, templated, human), the outage posts and apology."""
    by_day: dict[dt.date, list[dict]] = {}
    for m in mentions:
        if m["entry"] != "share":
            by_day.setdefault(m["time"].date(), []).append(m)
    tweets: list[dict] = []
    for day in S.DAYS:
        weekend = day.weekday() >= 5
        if day < S.INCIDENT_DATE or day > S.STRATEGY_CHANGE_AT.date():
            human = day > S.STRATEGY_CHANGE_AT.date()
            n_replies = 3 + int(rng.poisson((6.5 if human else 4.5) if not weekend else 2.5))
            n_ann = int(rng.poisson(0.25 if weekend else 0.7))
            kind = "human" if human else "standard"
            for when in sample_times(rng, n_ann, day, 8 * 3600, 20 * 3600):
                text = fill(T.ANNOUNCEMENTS[int(rng.integers(0, len(T.ANNOUNCEMENTS)))], "", rng)
                tweets.append(own(ids, when, text, "announcement", SCHEDULER, rng))
            tweets.extend(replies(rng, ids, by_day.get(day, []), min(n_replies, 15 - n_ann), kind, day))
        elif day <= S.TEMPLATED_LAST_DAY:
            post_at = {0: (8, 5, 31), 1: (9, 12, 4), 2: (11, 40, 52)}.get((day - S.INCIDENT_DATE).days)
            if post_at:
                text = T.OUTAGE_POSTS[0 if day == S.INCIDENT_DATE else 1]
                when = day_start(day) + dt.timedelta(hours=post_at[0], minutes=post_at[1], seconds=post_at[2])
                tweets.append(own(ids, when, text, "outage_update", WEB_APP, rng))
            n = int(round(rng.normal({0: 18, 1: 26, 2: 24, 3: 20}[(day - S.INCIDENT_DATE).days], 2.0)))
            tweets.extend(replies(rng, ids, by_day.get(day, []), n, "templated", day))
        elif day == S.APOLOGY_AT.date():
            tweets.append(own(ids, S.RESTORED_AT, T.RESTORED_POST, "outage_update", WEB_APP, rng))
            tweets.append(own(ids, S.APOLOGY_AT, T.APOLOGY_POST, "apology", WEB_APP, rng))
        else:  # strategy change day
            tweets.append(own(ids, S.STRATEGY_CHANGE_AT, T.STRATEGY_POST, "strategy_change", WEB_APP, rng))
            after = [m for m in by_day.get(day, []) if m["time"] > S.STRATEGY_CHANGE_AT]
            tweets.extend(replies(rng, ids, after, 11, "human", day))
    tweets.sort(key=lambda t: (t["time"], t["id"]))
    return tweets


def replies(rng, ids, candidates, n, kind, day) -> list[dict]:
    """``n`` replies of one kind to distinct mentions of the day (Spanish mentions get Spanish human replies)."""
    last_ok = day_start(day) + dt.timedelta(hours=22, minutes=30)
    pool = [m for m in candidates if m["time"] < last_ok and (kind == "human" or m["lang"] == "en")]
    if not pool:
        return []
    chosen = sorted(rng.choice(len(pool), size=min(n, len(pool)), replace=False).tolist())
    out = []
    for index in chosen:
        target = pool[index]
        if kind == "templated":
            body = T.TEMPLATED_REPLIES[int(rng.integers(0, len(T.TEMPLATED_REPLIES)))]
            delay, source = rng.uniform(40, 240), AUTO_REPLIER
        elif kind == "human":
            options = T.HUMAN_REPLIES_ES if target["lang"] == "es" else T.HUMAN_REPLIES
            body = fill(options[int(rng.integers(0, len(options)))], "", rng, first=target["author"]["first"])
            delay, source = rng.lognormal(math.log(35 * 60), 0.5), WEB_APP
        else:
            body = fill(T.STANDARD_REPLIES[int(rng.integers(0, len(T.STANDARD_REPLIES)))], "", rng)
            delay, source = rng.lognormal(math.log(100 * 60), 0.7), WEB_APP
        when = min(target["time"] + dt.timedelta(seconds=int(delay)), day_start(day) + dt.timedelta(seconds=86398))
        text = f"@{target['author']['handle']} {body}"
        tweet = own(ids, when, text, kind, source, rng, reply_to=target)
        tweet["lang"] = target["lang"] if kind == "human" else "en"
        target["replies"] += 1
        out.append(tweet)
    return out


def own(ids, when, text, kind, source, rng, reply_to=None) -> dict:
    popular = {"apology": (2431, 612), "strategy_change": (1874, 455)}
    if kind in popular:
        likes, reposts = popular[kind]
    elif kind in ("announcement", "outage_update"):
        likes, reposts = int(rng.poisson(18)), int(rng.poisson(4))
    else:
        likes, reposts = int(rng.poisson(1.4 if kind == "human" else 0.4)), int(rng.poisson(0.1))
    return {
        "id": ids.at(when + dt.timedelta(milliseconds=int(rng.integers(0, 1000)))),
        "time": when,
        "text": text,
        "kind": kind,
        "source": source,
        "reply_to": reply_to,
        "likes": likes,
        "reposts": reposts,
        "lang": "en",
    }


# ---- followers and daily account metrics ---------------------------------------------------------------------------
def generate_follows(rng) -> dict[str, list[tuple[int, int, int]]]:
    """Per account, per day: (new follows, unfollows, followers at the end of the day)."""
    series = {}
    for account in S.ACCOUNTS:
        total, rows = S.FOLLOWERS_BEFORE_START[account], []
        for day in S.DAYS:
            new_mean, unf_mean = S.follow_means(account, day)
            weekend = 0.85 if day.weekday() >= 5 else 1.0
            new, unf = int(rng.poisson(new_mean * weekend)), int(rng.poisson(unf_mean))
            total += new - unf
            rows.append((new, unf, total))
        series[account] = rows
    return series


def overview_rows(rng, follows, own_tweets, mentions) -> list[list]:
    posts_per_day: dict[dt.date, int] = {}
    for t in own_tweets:
        posts_per_day[t["time"].date()] = posts_per_day.get(t["time"].date(), 0) + 1
    replies_in: dict[dt.date, int] = {}
    for m in mentions:
        if m["entry"] == "reply":
            replies_in[m["time"].date()] = replies_in.get(m["time"].date(), 0) + 1
    rows = []
    for (new, unf, _), day in zip(follows, S.DAYS, strict=True):
        storm = S.volume_multiplier(S.BRAND, day)
        boost = {S.APOLOGY_AT.date(): 2.2, S.STRATEGY_CHANGE_AT.date(): 1.6}.get(day, 1.0)
        later = 1.12 if day > S.STRATEGY_CHANGE_AT.date() else 1.0
        impressions = int(
            36000
            * S.WEEKDAY_FACTOR[day.weekday()]
            * math.exp(rng.normal(0, 0.15))
            * (1 + 0.6 * (storm - 1))
            * boost
            * later
        )
        like_rate = 0.0028 if S.INCIDENT_DATE <= day <= S.TEMPLATED_LAST_DAY else 0.0045
        likes = int(rng.poisson(impressions * like_rate))
        bookmarks, shares = int(rng.poisson(impressions * 0.0003)), int(rng.poisson(impressions * 0.0002))
        reposts = int(rng.poisson(impressions * 0.0006))
        replies = replies_in.get(day, 0)
        engagements = likes + bookmarks + shares + reposts + replies + int(rng.poisson(impressions * 0.009))
        profile_visits = int(rng.poisson(impressions * 0.006 * (1 + 0.4 * (storm - 1))))
        video, media = int(rng.poisson(impressions * 0.002)), int(rng.poisson(impressions * 0.011))
        label = f"{day.strftime('%a, %b')} {day.day}, {day.year}"
        rows.append(
            [
                label,
                impressions,
                likes,
                engagements,
                bookmarks,
                shares,
                new,
                unf,
                replies,
                reposts,
                profile_visits,
                posts_per_day.get(day, 0),
                video,
                media,
            ]
        )
    rows.reverse()  # newest first, as X writes it
    return rows


# ---- main ----------------------------------------------------------------------------------------------------------
def main() -> None:
    rng = np.random.default_rng(S.SEED)
    analyzer = SentimentIntensityAnalyzer()
    pool_means = T.check_pools(analyzer, fill)  # stops if a phrase left its polarity
    ids = Ids(rng)
    OUT.mkdir(exist_ok=True)

    picker = AuthorPicker(rng, make_authors(rng, 9000))
    mentions = generate_mentions(rng, ids, picker, pool_means)
    own_tweets = generate_own_tweets(rng, ids, mentions[S.BRAND])
    attach_reply_parents(rng, ids, mentions, own_tweets)
    follows = generate_follows(rng)

    archive_name, _ = formats.write_archive(OUT, rng, own_tweets, follows[S.BRAND][-1][2])
    formats.write_overview(OUT, overview_rows(rng, follows[S.BRAND], own_tweets, mentions[S.BRAND]))
    for account, rows in mentions.items():
        formats.write_brandwatch(OUT, rng, account, rows)
    formats.write_followers(OUT, follows)
    formats.write_events(OUT)

    gt = truth.ground_truth(analyzer, mentions, own_tweets, follows, archive_name)
    GROUND_TRUTH.write_text(json.dumps(gt, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    truth.update_readme(README, gt)
    print(
        f"wrote {OUT}/ and {GROUND_TRUTH.name}: {gt['mentions_total']} mentions, "
        f"{gt['own_tweets']} own tweets; recovered planted {gt['recovered_date_planted']}, "
        f"measured {gt['recovered_date_measured']}"
    )


if __name__ == "__main__":
    main()
