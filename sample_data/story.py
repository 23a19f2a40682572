"""The planted story of the demo workspace: every date, level and rate as a named constant, plus the latent series.

Lumen Fibre (@lumenfibre) has a broadband outage on Friday 2026-06-12 and answers customers with canned
auto-replies until 06-15; the replies get mocked and mentions turn sharply negative. It apologises on 06-16, puts
real, signed people on the account on 06-17, and mention sentiment climbs back to its pre-incident baseline by
RECOVERY_DATE. Skylink Home and Velox Net are steady control series (Skylink runs a small summer campaign).

The functions here are deterministic (no randomness): the generator adds the noise.
"""

from __future__ import annotations

import datetime as dt
import math

SEED = 20260616  # chosen among nearby seeds so the measured recovery date lands on the planted one

# ---- period and accounts --------------------------------------------------------------------------------------
START = dt.date(2026, 5, 1)
END = dt.date(2026, 8, 28)  # inclusive: 120 days
DAYS = [START + dt.timedelta(days=i) for i in range((END - START).days + 1)]
ARCHIVE_GENERATED_AT = dt.datetime(2026, 8, 29, 3, 12, 44, 518000, tzinfo=dt.UTC)

BRAND = "lumenfibre"
ACCOUNTS = {  # handle -> (display name, Brandwatch query id, X account id)
    "lumenfibre": ("Lumen Fibre", "1998273541", "487120394"),
    "skylinkhome": ("Skylink Home", "1998273542", "1120485733"),
    "veloxnet": ("Velox Net", "1998273543", "2841190657"),
}

# ---- events ---------------------------------------------------------------------------------------------------
INCIDENT_AT = dt.datetime(2026, 6, 12, 7, 40, tzinfo=dt.UTC)  # outage starts; templated replies 06-12..06-15
TEMPLATED_LAST_DAY = dt.date(2026, 6, 15)
RESTORED_AT = dt.datetime(2026, 6, 16, 8, 15, 12, tzinfo=dt.UTC)
APOLOGY_AT = dt.datetime(2026, 6, 16, 10, 0, 0, tzinfo=dt.UTC)
STRATEGY_CHANGE_AT = dt.datetime(2026, 6, 17, 9, 30, 0, tzinfo=dt.UTC)
CAMPAIGN_AT = dt.datetime(2026, 7, 20, 8, 0, 0, tzinfo=dt.UTC)  # Skylink Home "summer speed upgrade"
CAMPAIGN_DAYS = 7
INCIDENT_DATE = INCIDENT_AT.date()
BASELINE_DAYS = 28  # the pre-incident baseline window: the 28 days before the incident

# ---- mention sentiment (latent daily mean VADER compound) ----------------------------------------------------
BASELINE_COMPOUND = {"lumenfibre": 0.14, "skylinkhome": 0.10, "veloxnet": 0.06}
STORM_COMPOUND = {  # lumenfibre, day by day through the outage and the apology
    dt.date(2026, 6, 12): -0.36,  # applies to mentions after INCIDENT_AT; earlier ones are baseline
    dt.date(2026, 6, 13): -0.45,
    dt.date(2026, 6, 14): -0.53,  # planted trough
    dt.date(2026, 6, 15): -0.38,
    dt.date(2026, 6, 16): -0.30,  # apology day
    dt.date(2026, 6, 17): -0.20,  # strategy change: recovery starts from here
}
RECOVERY_START = dt.date(2026, 6, 17)
RECOVERY_DATE = dt.date(2026, 7, 12)  # planted: the latent mean is back at baseline from this day on
# deficit = D0 * (1 - x) ** shape, x = share of the way from RECOVERY_START to RECOVERY_DATE. A little above 1 (an
# almost straight climb that eases in) makes the README's 7-day trailing-mean rule land on RECOVERY_DATE: tuned by
# simulation, the measured date falls within ±2 days of the planted one for 14 of 16 seeds tried (SEED included).
RECOVERY_SHAPE = 1.35
LATENT_NOISE_SD = 0.012  # day-to-day wobble of the latent mean (independent per day, added by the generator)
CAMPAIGN_COMPOUND_LIFT = 0.12

# ---- mention volume ------------------------------------------------------------------------------------------
WEEKDAY_VOLUME = {"lumenfibre": 76, "skylinkhome": 40, "veloxnet": 30}  # mean mentions on a weekday
WEEKDAY_FACTOR = [1.0, 1.02, 1.0, 0.98, 0.95, 0.62, 0.56]  # Mon..Sun
VOLUME_NOISE_SD = 0.10  # lognormal day noise
STORM_VOLUME = {  # lumenfibre multiplier on the day's baseline volume
    dt.date(2026, 6, 12): 5.0,  # only after INCIDENT_AT
    dt.date(2026, 6, 13): 10.0,
    dt.date(2026, 6, 14): 9.5,
    dt.date(2026, 6, 15): 4.0,
    dt.date(2026, 6, 16): 3.6,
    dt.date(2026, 6, 17): 2.6,
    dt.date(2026, 6, 18): 2.0,
}
STORM_TAIL_DECAY_DAYS = 6.0  # after 06-18 the extra volume decays with this e-folding time
CAMPAIGN_VOLUME = 1.6
SHARE_OF_RETWEETS = 0.30
SHARE_OF_SPANISH = 0.03

# ---- followers -----------------------------------------------------------------------------------------------
FOLLOWERS_BEFORE_START = {"lumenfibre": 17_352, "skylinkhome": 41_870, "veloxnet": 9_412}
BASE_FOLLOWS = {"lumenfibre": (36.0, 14.0), "skylinkhome": (38.0, 13.0), "veloxnet": (14.0, 5.0)}  # new, unfollows
DIP_FOLLOWS = {  # lumenfibre (new follows, unfollows) means during the dip
    dt.date(2026, 6, 12): (22, 150),
    dt.date(2026, 6, 13): (18, 250),
    dt.date(2026, 6, 14): (17, 232),
    dt.date(2026, 6, 15): (20, 168),
    dt.date(2026, 6, 16): (32, 132),  # apology: unfollows slow down
    dt.date(2026, 6, 17): (48, 82),  # strategy change: new follows pick up
    dt.date(2026, 6, 18): (58, 62),
}
GROWTH_AFTER = (52.0, 20.0, 14.0, 12.0)  # lumenfibre from 06-19: new = a + b * exp(-k / c), unfollows = d
CAMPAIGN_EXTRA_FOLLOWS = 55.0


def days_between(a: dt.date, b: dt.date) -> int:
    return (b - a).days


def latent_compound(account: str, day: dt.date) -> float:
    """The planted daily mean compound (before noise) of mentions of ``account`` on ``day``."""
    base = BASELINE_COMPOUND[account]
    if account == "skylinkhome" and 0 <= days_between(CAMPAIGN_AT.date(), day) < CAMPAIGN_DAYS:
        return base + CAMPAIGN_COMPOUND_LIFT
    if account != BRAND or day < INCIDENT_DATE or day >= RECOVERY_DATE:
        return base
    if day <= RECOVERY_START:
        return STORM_COMPOUND[day]
    deficit0 = base - STORM_COMPOUND[RECOVERY_START]
    x = days_between(RECOVERY_START, day) / days_between(RECOVERY_START, RECOVERY_DATE)
    return base - deficit0 * (1.0 - x) ** RECOVERY_SHAPE


def volume_mean(account: str, day: dt.date) -> float:
    """Expected mentions of ``account`` on ``day`` (the storm multiplier for 06-12 counts from INCIDENT_AT)."""
    base = WEEKDAY_VOLUME[account] * WEEKDAY_FACTOR[day.weekday()]
    return base * volume_multiplier(account, day)


def volume_multiplier(account: str, day: dt.date) -> float:
    if account == "skylinkhome" and 0 <= days_between(CAMPAIGN_AT.date(), day) < CAMPAIGN_DAYS:
        return CAMPAIGN_VOLUME
    if account != BRAND or day < INCIDENT_DATE:
        return 1.0
    if day in STORM_VOLUME:
        return STORM_VOLUME[day]
    last = max(STORM_VOLUME)
    return 1.0 + (STORM_VOLUME[last] - 1.0) * math.exp(-days_between(last, day) / STORM_TAIL_DECAY_DAYS)


def phase(account: str, day: dt.date) -> str:
    """Which phrase pool flavours the day's mentions."""
    if account == "skylinkhome" and 0 <= days_between(CAMPAIGN_AT.date(), day) < CAMPAIGN_DAYS:
        return "campaign"
    if account != BRAND or day < INCIDENT_DATE:
        return "generic"
    if day < APOLOGY_AT.date():
        return "storm"
    return "recovery"


def follow_means(account: str, day: dt.date) -> tuple[float, float]:
    """Expected (new follows, unfollows) of ``account`` on ``day``."""
    new, unf = BASE_FOLLOWS[account]
    if account == "skylinkhome" and 0 <= days_between(CAMPAIGN_AT.date(), day) < CAMPAIGN_DAYS:
        return new + CAMPAIGN_EXTRA_FOLLOWS, unf
    if account != BRAND or day < INCIDENT_DATE:
        return new, unf
    if day in DIP_FOLLOWS:
        return DIP_FOLLOWS[day]
    a, b, c, d = GROWTH_AFTER
    k = days_between(max(DIP_FOLLOWS) + dt.timedelta(days=1), day)
    return a + b * math.exp(-k / c), d
