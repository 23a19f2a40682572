"""Event suggestions: apologies in the brand's own posts, incident bursts in mentions, and shifts in sentiment.

Each suggestion carries the evidence a person needs to accept or dismiss it in one click, and nothing is written to
the store until they do (``analytics.events.accept_suggestion``).

* **Apologies** — own posts (not replies: a "sorry about that, DM us" to one customer is routine care, not an event)
  that match ``APOLOGY_PATTERNS`` and none of ``NOT_APOLOGY_PATTERNS`` (sympathy such as "sorry to hear", and
  negations such as "no apologies"). One suggestion per day.
* **Incidents** — days where the number of negative mentions, or their share, breaks out of its trailing baseline:
  above mean + ``BURST_K`` × SD of up to ``BURST_WINDOW_DAYS`` preceding days. Days already flagged are left out of
  later baselines so a burst does not hide its own second day; flagged days no more than ``BURST_MERGE_GAP_DAYS``
  apart are merged into one incident dated at the first. The SD is never taken below the sampling noise a count or
  share has anyway (Poisson √mean for counts, binomial √(p(1−p)/n) for shares), so a quiet, short baseline cannot
  make an ordinary wobble look like a burst. With fewer than ``BURST_WINDOW_DAYS`` days the evidence says the
  baseline is short and how long it is; with fewer than ``MIN_BASELINE_DAYS`` there is no baseline and the list
  says so instead of judging. Days before the data's coverage start (the first day with at least
  ``COVERAGE_MIN_SHARE`` of the account's median daily mentions) do not count as baseline: a stray early mention
  means the collection had not started, not that the day was quiet.
* **Shifts** — change points in daily mean sentiment found by ``ruptures`` (PELT on a least-squares cost, via
  ``KernelCPD`` with a linear kernel, its compiled equivalent) with a BIC-style
  penalty ``SHIFT_PENALTY_PARAMS`` × σ̂² × ln(n), σ̂ estimated from day-to-day differences so that the shifts
  themselves do not inflate it; each is compared with the announced date of the nearest recorded event. A shift
  down is suggested as an ``incident``, a shift up as a ``strategy_change`` (the kinds events have).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import numpy as np
import pandas as pd
import ruptures

from analytics.queries import fetch_df
from analytics.series import accounts as series_accounts
from analytics.series import daily_metrics

APOLOGY_PATTERNS = (
    r"\bsorry\b",
    r"\bapologi[sz](?:e|es|ed|ing)\b",
    r"\bapolog(?:y|ies)\b",
    r"\bwe (?:really |truly |badly )?(?:messed|screwed|mucked) (?:this |it |that )?up\b",
    r"\bwe (?:got|get) (?:this|it|that) (?:badly |very |completely )?wrong\b",
    r"\bwe (?:dropped the ball|blew it|fell short|let you down|let our \w+ down)\b",
    r"\b(?:our|my) (?:mistake|fault|bad)\b",
    r"\bthat(?:'|’)?s on us\b",
    r"\bwe (?:take|accept) (?:full )?responsibility\b",
    r"\bwe regret\b",
    r"\bmea culpa\b",
    r"\bwe owe (?:you|our \w+) an? (?:apology|explanation)\b",
)
"""Phrasings of an apology (case-insensitive)."""

NOT_APOLOGY_PATTERNS = (
    r"\bsorry to (?:hear|see|read)\b",
    r"\bno apolog",
    r"\bnot (?:even )?sorry\b",
    r"\bsorry,? not sorry\b",
    r"\bnever apologi[sz]e\b",
    r"\b(?:don't|dont|do not|no need to) (?:be sorry|apologi[sz]e)\b",
    r"\bwon(?:'|’)?t apologi[sz]e\b",
)
"""Phrasings that contain an apology word without being one (sympathy, negation, slogans)."""

_APOLOGY = re.compile("|".join(APOLOGY_PATTERNS), re.IGNORECASE)
_NOT_APOLOGY = re.compile("|".join(NOT_APOLOGY_PATTERNS), re.IGNORECASE)

BURST_K = 3.0
"""How many baseline SDs above the baseline mean a day must be to count as a burst."""

BURST_WINDOW_DAYS = 28
"""Length of the trailing baseline window, in days with data."""

MIN_BASELINE_DAYS = 3
"""Fewest baseline days a burst can be judged against; fewer means "no baseline"."""

BURST_MERGE_GAP_DAYS = 1
"""Flagged days at most this many days apart belong to the same burst (one quiet day does not end an incident)."""

MIN_BURST_MENTIONS = 10
"""A day with fewer mentions than this is never a burst (two negative mentions out of two is not an incident)."""

COVERAGE_MIN_SHARE = 0.1
"""A day counts as covered by the data when it has at least this share of the account's median daily mentions."""

SHIFT_PENALTY_PARAMS = 4.0
"""BIC-style penalty weight (penalty = weight × σ̂² × ln n). Plain BIC charges 2 per change point (its position and
the new mean); daily sentiment is autocorrelated and σ̂ from day-to-day differences comes out about 15% low, so by
simulation (AR(1) 0.3 noise with a weekly rhythm, 120 days) weight 2 finds 1.6 spurious shifts per series, 3 finds
0.5 and 4 finds 0.2, while still placing a 3-SD shift within ±2 days in 93% of series."""

SHIFT_MIN_SEGMENT_DAYS = 7
"""Shortest stretch between two shifts: a week, so the weekly rhythm is not read as shifts."""

SHIFT_MIN_DAYS = 21
"""Fewest days of sentiment needed to look for shifts at all."""

SHIFT_EVENT_SEARCH_DAYS = 14
"""A shift is compared with the nearest recorded event at most this many days away."""

MATCH_EXISTING_DAYS = 2
"""A suggestion within this many days of a recorded event of the same kind and account is not suggested again."""


@dataclass(frozen=True)
class Suggestion:
    """One suggested event, with its evidence in words and in numbers."""

    kind: str
    account: str
    day: date
    label: str
    evidence: str
    detector: str  # "apology", "burst" or "shift"
    details: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"kind": self.kind, "account": self.account, "date": self.day.isoformat(), "label": self.label,
                "evidence": self.evidence, "detector": self.detector, "details": _jsonable(self.details)}


@dataclass(frozen=True)
class SuggestionList:
    """Suggestions plus the notes that say where the detectors could not judge (no baseline, too few days)."""

    suggestions: list[Suggestion]
    notes: list[str]

    def as_json(self) -> dict:
        return {"suggestions": [s.as_json() for s in self.suggestions], "notes": self.notes}


def is_apology(text: str) -> bool:
    """True when ``text`` reads as an apology (see ``APOLOGY_PATTERNS`` and ``NOT_APOLOGY_PATTERNS``)."""
    if not text or not _APOLOGY.search(text):
        return False
    cleaned = _NOT_APOLOGY.sub(" ", text)
    return bool(_APOLOGY.search(cleaned))


def suggest(con: duckdb.DuckDBPyConnection, account: str | None = None) -> SuggestionList:
    """Every suggestion for one account (or all), minus what is already recorded, oldest first."""
    targets = [account] if account else series_accounts(con)
    recorded = fetch_df(con, "events_list", account=None)
    found: list[Suggestion] = []
    notes: list[str] = []
    own = fetch_df(con, "series_own_posts", account=account)
    found += apology_suggestions(own)
    for name in targets:
        frame = daily_metrics(con, name)
        if frame.empty:
            notes.append(f"{name}: no data.")
            continue
        bursts, burst_notes = burst_suggestions(frame, name)
        found += bursts
        notes += burst_notes
        shifts, shift_notes = shift_suggestions(frame, name, recorded)
        found += shifts
        notes += shift_notes
    fresh = [s for s in found if not _already_recorded(s, recorded)]
    fresh.sort(key=lambda s: (s.day, s.account, s.kind))
    return SuggestionList(fresh, notes)


def apology_suggestions(own: pd.DataFrame) -> list[Suggestion]:
    """One apology suggestion per account and day with an apologising own post that is not a reply."""
    if own.empty:
        return []
    posts = own[own["in_reply_to_id"].isna()].copy()
    posts = posts[posts["text"].map(is_apology)]
    if posts.empty:
        return []
    posts["day"] = pd.to_datetime(posts["created_at"], utc=True).dt.date
    out = []
    for (account, day), group in posts.groupby(["account", "day"], sort=True):
        first = group.iloc[0]
        quote = " ".join(str(first["text"]).split())
        quote = quote if len(quote) <= 160 else quote[:157] + "…"
        more = f" (and {len(group) - 1} more apologising posts that day)" if len(group) > 1 else ""
        out.append(Suggestion("apology", account, day, "Apology", f"Own post: “{quote}”{more}", "apology",
                              {"post_ids": group["post_id"].tolist(), "posts": len(group)}))
    return out


def coverage_start(frame: pd.DataFrame) -> pd.Timestamp | None:
    """First day whose mentions reach ``COVERAGE_MIN_SHARE`` of the median over days with any mentions."""
    active = frame[frame["mentions"] > 0]
    if active.empty:
        return None
    floor = COVERAGE_MIN_SHARE * float(active["mentions"].median())
    covered = frame[frame["mentions"] >= max(floor, 1)]
    return pd.Timestamp(covered["day"].iloc[0])


def burst_suggestions(frame: pd.DataFrame, account: str) -> tuple[list[Suggestion], list[str]]:
    """Incident suggestions from negative-mention bursts, and notes where no baseline allows a judgement."""
    start = coverage_start(frame)
    if start is None:
        return [], [f"{account}: no mentions, so no incidents can be suggested."]
    data = frame[frame["day"] >= start].reset_index(drop=True)
    negatives = data["negative_mentions"].astype(float).to_numpy()
    mentions = data["mentions"].astype(float).to_numpy()
    scored = data["scored"].astype(float).to_numpy()
    share = np.where(scored > 0, negatives / np.where(scored > 0, scored, 1), np.nan)
    flagged: list[dict] = []
    judged = 0
    baseline_idx: list[int] = []
    for i in range(len(data)):
        window = baseline_idx[-BURST_WINDOW_DAYS:]
        if len(window) >= MIN_BASELINE_DAYS and mentions[i] >= MIN_BURST_MENTIONS:
            judged += 1
            hit = _judge_day(i, window, negatives, share, scored)
            if hit:
                flagged.append(hit)
                continue
        if mentions[i] > 0:
            baseline_idx.append(i)
    notes = []
    first_day = data["day"].iloc[0].date()
    skipped_before = frame[(frame["day"] < start) & (frame["mentions"] > 0)]
    stray = (f" (the {int(skipped_before['mentions'].sum())} mentions on earlier days are too few to be a baseline)"
             if not skipped_before.empty else "")
    if judged == 0:
        notes.append(f"{account}: no baseline — the data start {first_day}{stray} and there are fewer than "
                     f"{MIN_BASELINE_DAYS} days before the last day to compare with, so no incident can be suggested "
                     f"for {first_day} – {data['day'].iloc[-1].date()}.")
    return _merge_bursts(flagged, data, account), notes


def _judge_day(i: int, window: list[int], negatives: np.ndarray, share: np.ndarray, scored: np.ndarray) -> dict | None:
    base_neg = negatives[window]
    mean_neg = float(base_neg.mean())
    sd_neg = max(float(base_neg.std(ddof=1)), math.sqrt(max(mean_neg, 1.0)))
    z_neg = (negatives[i] - mean_neg) / sd_neg
    base_share = share[window]
    base_share = base_share[~np.isnan(base_share)]
    z_share, mean_share, sd_share = float("nan"), float("nan"), float("nan")
    if len(base_share) >= MIN_BASELINE_DAYS and scored[i] > 0:
        mean_share = float(base_share.mean())
        floor = math.sqrt(max(mean_share * (1 - mean_share), 1e-4) / scored[i])
        sd_share = max(float(base_share.std(ddof=1)), floor)
        z_share = (share[i] - mean_share) / sd_share
    if z_neg <= BURST_K and not z_share > BURST_K:
        return None
    return {"i": i, "window": window, "negatives": negatives[i], "mean_neg": mean_neg, "sd_neg": sd_neg, "z_neg": z_neg,
            "share": share[i], "mean_share": mean_share, "sd_share": sd_share, "z_share": z_share}


def _merge_bursts(flagged: list[dict], data: pd.DataFrame, account: str) -> list[Suggestion]:
    groups: list[list[dict]] = []
    for hit in flagged:
        if groups and hit["i"] - groups[-1][-1]["i"] <= BURST_MERGE_GAP_DAYS + 1:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    out = []
    for group in groups:
        first, peak = group[0], max(group, key=lambda h: max(h["z_neg"], np.nan_to_num(h["z_share"], nan=-1e9)))
        day = data["day"].iloc[first["i"]].date()
        last = data["day"].iloc[group[-1]["i"]].date()
        window = first["window"]
        base_from, base_to = data["day"].iloc[window[0]].date(), data["day"].iloc[window[-1]].date()
        n_base = len(window)
        short = (f"; short baseline: only {n_base} days ({base_from} – {base_to}) instead of {BURST_WINDOW_DAYS}"
                 if n_base < BURST_WINDOW_DAYS else f"; baseline {base_from} – {base_to}")
        parts = [f"{int(first['negatives'])} negative mentions on {day} vs a baseline of {first['mean_neg']:.0f} ± "
                 f"{first['sd_neg']:.0f} a day ({first['z_neg']:+.1f} SD)"]
        if not math.isnan(first["z_share"]):
            parts.append(f"negative share {first['share']:.0%} vs {first['mean_share']:.0%} "
                         f"({first['z_share']:+.1f} SD)")
        span = f"; burst lasts {len(group)} flagged days to {last}" if last != day else ""
        peak_day = data["day"].iloc[peak["i"]].date()
        out.append(Suggestion(
            "incident", account, day, "Negative burst", "; ".join(parts) + short + span, "burst",
            {"first_day": day, "last_day": last, "peak_day": peak_day, "flagged_days": len(group),
             "baseline_days": n_base, "short_baseline": n_base < BURST_WINDOW_DAYS, "baseline_from": base_from,
             "baseline_to": base_to, "negatives": int(first["negatives"]), "baseline_mean": first["mean_neg"],
             "baseline_sd": first["sd_neg"], "z_negatives": first["z_neg"], "z_share": first["z_share"]}))
    return out


def change_points(values: pd.Series) -> list[pd.Timestamp]:
    """Days on which daily sentiment shifts (the first day of each new segment), by PELT with a BIC-style penalty."""
    clean = values.dropna()
    if len(clean) < SHIFT_MIN_DAYS:
        return []
    signal = clean.to_numpy(dtype=float)
    diffs = np.diff(signal)
    sigma = 1.4826 * float(np.median(np.abs(diffs - np.median(diffs)))) / math.sqrt(2)
    if sigma <= 0:
        return []
    penalty = SHIFT_PENALTY_PARAMS * sigma**2 * math.log(len(signal))
    algo = ruptures.KernelCPD(kernel="linear", min_size=SHIFT_MIN_SEGMENT_DAYS).fit(signal)
    breaks = algo.predict(pen=penalty)[:-1]
    return [clean.index[b] for b in breaks]


def shift_suggestions(frame: pd.DataFrame, account: str, recorded: pd.DataFrame) -> tuple[list[Suggestion], list[str]]:
    """Strategy-change suggestions from shifts in daily mean sentiment, each set against the nearest event."""
    values = pd.Series(frame["mean_compound"].astype(float).to_numpy(), index=pd.DatetimeIndex(frame["day"]))
    if values.notna().sum() < SHIFT_MIN_DAYS:
        return [], [f"{account}: {int(values.notna().sum())} days of sentiment; looking for shifts needs "
                    f"{SHIFT_MIN_DAYS}."]
    points = change_points(values)
    mine = recorded[(recorded["account"] == account) | recorded["account"].isna()] if not recorded.empty else recorded
    out = []
    clean = values.dropna()
    edges = [clean.index[0], *points, clean.index[-1] + pd.Timedelta(days=1)]
    for k, point in enumerate(points):
        before = clean[(clean.index >= edges[k]) & (clean.index < point)].mean()
        after = clean[(clean.index >= point) & (clean.index < edges[k + 2])].mean()
        direction = "up" if after > before else "down"
        nearest = _nearest_event(mine, point)
        relation = ""
        details = {"before_mean": before, "after_mean": after, "direction": direction}
        if nearest is not None:
            gap = (point.date() - nearest[1]).days
            when = ("on the day of" if gap == 0 else f"{abs(gap)} day{'s' if abs(gap) != 1 else ''} "
                    + ("after" if gap > 0 else "before"))
            relation = f"; sentiment actually turned {when} the {nearest[2].replace('_', ' ')} “{nearest[3]}” " \
                       f"({nearest[1]})"
            details |= {"nearest_event_id": nearest[0], "nearest_event_date": nearest[1], "days_from_event": gap}
        # A turn for the worse is incident-like; a turn for the better is what a response or new approach brings.
        out.append(Suggestion(
            "incident" if direction == "down" else "strategy_change", account, point.date(),
            f"Sentiment shifted {direction}",
            f"mean sentiment {before:+.3f} before, {after:+.3f} from {point.date()}{relation}", "shift", details))
    return out, []


def _nearest_event(events: pd.DataFrame, day: pd.Timestamp) -> tuple[int, date, str, str] | None:
    if events.empty:
        return None
    days = pd.to_datetime(events["occurred_at"], utc=True).dt.tz_convert("UTC").dt.date
    gaps = [abs((day.date() - d).days) for d in days]
    k = int(np.argmin(gaps))
    if gaps[k] > SHIFT_EVENT_SEARCH_DAYS:
        return None
    row = events.iloc[k]
    return int(row["event_id"]), days.iloc[k], str(row["kind"]), str(row["label"])


def _already_recorded(suggestion: Suggestion, recorded: pd.DataFrame) -> bool:
    if recorded.empty:
        return False
    same = recorded[(recorded["kind"] == suggestion.kind)
                    & ((recorded["account"] == suggestion.account) | recorded["account"].isna())]
    days = pd.to_datetime(same["occurred_at"], utc=True).dt.date
    return any(abs((d - suggestion.day).days) <= MATCH_EXISTING_DAYS for d in days)


def _jsonable(value):
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()[:10] if not isinstance(value, datetime) else value.isoformat()
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        return None if not np.isfinite(value) else round(float(value), 6)
    return value
