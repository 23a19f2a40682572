"""Ground truth: what the generated files actually contain, measured the way the README defines it."""

from __future__ import annotations

import html
import re
from pathlib import Path

import numpy as np
import story as S


def normalise(text: str) -> str:
    """As the app normalises text before scoring: decode HTML entities once, unify line breaks, trim."""
    return re.sub(r"\r\n?", "\n", html.unescape(text)).strip()


def measure_sentiment(analyzer, rows: list[dict]) -> dict:
    """Daily mean VADER compound of the mentions, the baseline band, trough and recovered date (README definition)."""
    sums = {d: [] for d in S.DAYS}
    for m in rows:
        sums[m["time"].date()].append(analyzer.polarity_scores(normalise(m["text"]))["compound"])
    daily = np.array([np.mean(sums[d]) for d in S.DAYS])
    i_inc = S.DAYS.index(S.INCIDENT_DATE)
    base = daily[i_inc - S.BASELINE_DAYS : i_inc]
    mean, sd = float(base.mean()), float(base.std(ddof=1))
    low, high = mean - sd, mean + sd
    i_trough = i_inc + int(np.argmin(daily[i_inc:]))
    rolling = np.full(len(daily), np.nan)
    for i in range(6, len(daily)):
        rolling[i] = daily[i - 6 : i + 1].mean()
    inside = (rolling >= low) & (rolling <= high)
    recovered = None
    for i in range(i_trough + 1, len(daily) - 6):
        if inside[i : i + 7].all():
            recovered = S.DAYS[i]
            break
    return {
        "daily": daily,
        "mean": mean,
        "sd": sd,
        "band": (low, high),
        "trough": S.DAYS[i_trough],
        "trough_value": float(daily[i_trough]),
        "recovered": recovered,
    }


def ground_truth(analyzer, mentions, own_tweets, follows, archive_name) -> dict:
    lf = measure_sentiment(analyzer, mentions[S.BRAND])
    i_inc = S.DAYS.index(S.INCIDENT_DATE)
    curve = [total for _, _, total in follows[S.BRAND]]
    before = curve[i_inc - 1]
    i_min = i_inc + int(np.argmin(curve[i_inc:]))
    back = next(S.DAYS[i] for i in range(i_min, len(curve)) if curve[i] > before)
    counts = {a: len(rows) for a, rows in mentions.items()}
    per_day = dict.fromkeys(S.DAYS, 0)
    for m in mentions[S.BRAND]:
        per_day[m["time"].date()] += 1
    baseline_days = S.DAYS[i_inc - S.BASELINE_DAYS : i_inc]
    peak = max(S.DAYS[i_inc:], key=lambda d: per_day[d])
    kinds = {}
    for t in own_tweets:
        kinds[t["kind"]] = kinds.get(t["kind"], 0) + 1
    by_kind = {t["kind"]: t for t in own_tweets if t["kind"] in ("apology", "strategy_change")}
    assert lf["recovered"] is not None, "sentiment never recovered by the README definition"
    gap = (lf["recovered"] - S.RECOVERY_DATE).days
    assert abs(gap) <= 2, f"measured recovery {lf['recovered']} is {gap} days from the planted {S.RECOVERY_DATE}"
    comp = {a: round(measure_sentiment(analyzer, mentions[a])["mean"], 4) for a in S.ACCOUNTS if a != S.BRAND}
    return {
        "account": S.BRAND,
        "period_start": S.START.isoformat(),
        "period_end": S.END.isoformat(),
        "incident_date": S.INCIDENT_DATE.isoformat(),
        "incident_at": S.INCIDENT_AT.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "templated_replies_from": S.INCIDENT_DATE.isoformat(),
        "templated_replies_to": S.TEMPLATED_LAST_DAY.isoformat(),
        "apology_date": S.APOLOGY_AT.date().isoformat(),
        "apology_at": S.APOLOGY_AT.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "apology_tweet_id": by_kind["apology"]["id"],
        "strategy_change_date": S.STRATEGY_CHANGE_AT.date().isoformat(),
        "strategy_change_at": S.STRATEGY_CHANGE_AT.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "strategy_change_tweet_id": by_kind["strategy_change"]["id"],
        "campaign": {
            "account": "skylinkhome",
            "at": S.CAMPAIGN_AT.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "days": S.CAMPAIGN_DAYS,
        },
        "baseline_window": [baseline_days[0].isoformat(), baseline_days[-1].isoformat()],
        "baseline_mean_compound": round(lf["mean"], 4),
        "baseline_sd_compound": round(lf["sd"], 4),
        "baseline_band": [round(lf["band"][0], 4), round(lf["band"][1], 4)],
        "baseline_mean_compound_planted": S.BASELINE_COMPOUND[S.BRAND],
        "trough_date": lf["trough"].isoformat(),
        "trough_mean_compound": round(lf["trough_value"], 4),
        "trough_date_planted": min(S.STORM_COMPOUND, key=S.STORM_COMPOUND.get).isoformat(),
        "recovered_date_planted": S.RECOVERY_DATE.isoformat(),
        "recovered_date_measured": lf["recovered"].isoformat(),
        "daily_mean_compound": {d.isoformat(): round(float(v), 4) for d, v in zip(S.DAYS, lf["daily"], strict=True)},
        "competitor_mean_compound": comp,
        "followers_day_before_incident": before,
        "followers_day_before_incident_date": S.DAYS[i_inc - 1].isoformat(),
        "followers_min": curve[i_min],
        "followers_min_date": S.DAYS[i_min].isoformat(),
        "followers_back_above_date": back.isoformat(),
        "followers_final": curve[-1],
        "followers_final_per_account": {a: follows[a][-1][2] for a in S.ACCOUNTS},
        "followers_lost_in_dip": before - curve[i_min],
        "mentions_per_account": counts,
        "mentions_total": sum(counts.values()),
        "retweets_per_account": {a: sum(m["entry"] == "share" for m in r) for a, r in mentions.items()},
        "spanish_mentions_per_account": {a: sum(m["lang"] == "es" for m in r) for a, r in mentions.items()},
        "mentions_baseline_daily_mean": round(float(np.mean([per_day[d] for d in baseline_days])), 1),
        "mentions_peak_date": peak.isoformat(),
        "mentions_peak_count": per_day[peak],
        "own_tweets": len(own_tweets),
        "own_replies": sum(t["reply_to"] is not None for t in own_tweets),
        "templated_replies": kinds.get("templated", 0),
        "human_replies": kinds.get("human", 0),
        "standard_replies_before_incident": kinds.get("standard", 0),
        "own_posts_not_replies": sum(t["reply_to"] is None for t in own_tweets),
        "archive_file": archive_name,
    }


GT_ROWS = [
    ("Incident (outage) date / time", "incident_date", "incident_at"),
    ("Templated auto-replies", "templated_replies_from", "templated_replies_to"),
    ("Apology date / time", "apology_date", "apology_at"),
    ("Strategy change date / time", "strategy_change_date", "strategy_change_at"),
    ("Baseline window (28 days before the incident)", "baseline_window", None),
    ("Baseline mean compound (measured) / planted", "baseline_mean_compound", "baseline_mean_compound_planted"),
    ("Baseline SD of daily means (ddof=1) / band", "baseline_sd_compound", "baseline_band"),
    ("Trough date / daily mean compound (measured)", "trough_date", "trough_mean_compound"),
    ("Recovered date planted / measured", "recovered_date_planted", "recovered_date_measured"),
    ("Followers on the day before the incident", "followers_day_before_incident_date", "followers_day_before_incident"),
    ("Followers minimum (date / count)", "followers_min_date", "followers_min"),
    ("Followers back above pre-incident level", "followers_back_above_date", None),
    ("Followers final (2026-08-28, = archive follower count)", "followers_final", None),
    ("Mentions per account", "mentions_per_account", None),
    ("Retweets (`share`) per account", "retweets_per_account", None),
    (
        "lumenfibre mentions: baseline daily mean / peak day / peak count",
        "mentions_baseline_daily_mean",
        ("mentions_peak_date", "mentions_peak_count"),
    ),
    ("Own tweets (archive) / of which replies", "own_tweets", "own_replies"),
    (
        "Templated replies / human (signed) replies / standard replies before",
        "templated_replies",
        ("human_replies", "standard_replies_before_incident"),
    ),
]


def render_table(gt: dict) -> str:
    def show(value) -> str:
        if isinstance(value, dict):
            return ", ".join(f"{k} {v}" for k, v in value.items())
        if isinstance(value, list):
            return " .. ".join(str(v) for v in value)
        return str(value)

    lines = ["| quantity | value | key(s) in ground_truth.json |", "|---|---|---|"]
    for label, first, second in GT_ROWS:
        keys = [first] + ([] if second is None else list(second) if isinstance(second, tuple) else [second])
        value = " / ".join(show(gt[k]) for k in keys)
        lines.append(f"| {label} | {value} | {', '.join(f'`{k}`' for k in keys)} |")
    return "\n".join(lines)


def update_readme(readme: Path, gt: dict) -> None:
    start, end = "<!-- ground-truth:start -->", "<!-- ground-truth:end -->"
    text = readme.read_text(encoding="utf-8")
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(f"{head}{start}\n{render_table(gt)}\n{end}{tail}", encoding="utf-8")
