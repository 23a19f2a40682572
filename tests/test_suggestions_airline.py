"""Incident suggestions on real mentions: the US airline tweets of February 2015 (CC BY-NC-SA, read in place).

The file is loaded by a small helper straight into canonical ``posts`` rows (the generic CSV importer is tested
elsewhere): role 'mention', account = the airline's slug, created_at from ``tweet_created``.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from analytics import sentiment, store
from analytics.suggestions import suggest
from analytics.text import normalise_text, text_hash
from tests.conftest import REALDATA

pytestmark = pytest.mark.slow

TWEETS = REALDATA / "twitter-us-airline-sentiment" / "Tweets.csv"


def load_airline_mentions(con) -> None:
    raw = pd.read_csv(TWEETS, dtype={"tweet_id": str}, keep_default_na=False)
    texts = raw["text"].map(normalise_text)
    posts = pd.DataFrame({
        "platform": "x", "post_id": raw["tweet_id"], "author": raw["name"],
        "account": raw["airline"].str.lower().str.replace(" ", "", regex=False), "role": "mention",
        "created_at": pd.to_datetime(raw["tweet_created"], format="%Y-%m-%d %H:%M:%S %z", utc=True),
        "text": texts, "text_hash": texts.map(text_hash), "import_id": 0,
    }).drop_duplicates("post_id")
    cur = con.cursor()
    cur.register("airline_posts", posts)
    cur.execute("insert into posts (platform, post_id, author, account, role, created_at, text, text_hash, import_id) "
                "select platform, post_id, author, account, role, created_at, text, text_hash, import_id "
                "from airline_posts")
    cur.close()
    sentiment.score_pending(con)


@pytest.fixture(scope="module")
def airline():
    con = store.connect(":memory:")
    load_airline_mentions(con)
    yield con
    con.close()


@pytest.mark.parametrize("account", ["usairways", "delta"])
def test_feb_22_burst_is_flagged_from_a_short_baseline(airline, account) -> None:
    found = suggest(airline, account=account)
    bursts = [s for s in found.suggestions if s.detector == "burst"]
    print(account, [(s.day, s.evidence) for s in bursts])
    hit = [s for s in bursts if s.day == date(2015, 2, 22)]
    assert hit, f"no burst on 2015-02-22 for {account}: {[s.as_json() for s in bursts]}"
    assert hit[0].details["short_baseline"]
    assert "short baseline" in hit[0].evidence
    assert hit[0].details["baseline_from"] == date(2015, 2, 17)


def test_american_has_no_baseline_and_the_list_says_so(airline) -> None:
    found = suggest(airline, account="american")
    assert not [s for s in found.suggestions if s.detector == "burst"]
    notes = " ".join(found.notes)
    print(found.notes)
    assert "american: no baseline" in notes
    assert "2015-02-22" in notes
