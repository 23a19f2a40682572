"""Sentiment scoring with vaderSentiment, cached in the store by text hash.

This first version scores with a plain loop; the sentiment-engine issue replaces it with the parallel, profiled
scorer. The public names below are the contract the rest of Rebound uses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import cache

import duckdb
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analytics.text import normalise_text

PROFILES = ("vader",)
DEFAULT_PROFILE = "vader"
MODEL_VERSION = "vaderSentiment-3.3.2"
SCORE_COLUMNS = ["compound", "pos", "neu", "neg"]


@cache
def _analyzer() -> SentimentIntensityAnalyzer:
    # Built once: the constructor re-reads the lexicon files every time.
    return SentimentIntensityAnalyzer()


def score_texts(texts: Iterable[str], profile: str = DEFAULT_PROFILE) -> pd.DataFrame:
    """Scores for ``texts`` (columns compound, pos, neu, neg) in input order, after ``normalise_text``."""
    analyzer = _analyzer()
    rows = [analyzer.polarity_scores(normalise_text(t)) for t in texts]
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def score_pending(con: duckdb.DuckDBPyConnection, profile: str = DEFAULT_PROFILE,
                  progress: Callable[[int, int], None] | None = None) -> int:
    """Score every stored text that has no cached score for ``profile``; return how many texts were scored."""
    cur = con.cursor()
    try:
        pending = cur.execute(
            "select distinct p.text_hash, p.text from posts p where not exists (select 1 from sentiment_cache c "
            "where c.text_hash = p.text_hash and c.profile = $profile and c.model_version = $version)",
            {"profile": profile, "version": MODEL_VERSION}).df()
        pending = pending.drop_duplicates("text_hash")
        if pending.empty:
            return 0
        scores = score_texts(pending["text"], profile)
        scores.insert(0, "text_hash", pending["text_hash"].to_numpy())
        scores.insert(1, "profile", profile)
        scores.insert(2, "model_version", MODEL_VERSION)
        cur.register("new_scores", scores)
        cur.execute("insert into sentiment_cache select * from new_scores on conflict do nothing")
        if progress:
            progress(len(scores), len(scores))
        return len(scores)
    finally:
        cur.close()
