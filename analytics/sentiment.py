"""Sentiment scoring: exact VADER (or the ``care`` profile), each distinct text scored once, on every core.

Public API (the rest of Rebound uses only these):

* ``score_texts(texts, profile="vader") -> DataFrame[compound, pos, neu, neg]`` in input order. Texts go through
  ``analytics.text.normalise_text`` first (HTML entities decoded), exactly as the importers store them; with the
  ``vader`` profile the four numbers are identical to ``SentimentIntensityAnalyzer().polarity_scores`` of the
  normalised text (tested on the four VADER ground-truth files).
* ``score_texts_cached(con, texts, profile)``: the same, reading and filling the workspace's ``sentiment_cache``.
* ``score_pending(con, profile=None, progress=None) -> int``: score every stored text that has no cached score for
  the profile and its model version (and identify the language of texts whose export did not say), return how many
  texts were scored. Runs after every import and from ``python -m analytics score``; a second run scores nothing.
* ``active_profile(con)`` / ``set_active_profile(con, profile)``: the workspace's profile (setting
  ``sentiment_profile``), used by aggregates, charts and reports unless they are given one.

Why it is fast. A mention stream repeats itself (retweets, copies, templated complaints): we score each distinct
normalised text once, keyed by ``text_hash``, and the cache makes re-imports free. Scoring itself is pure Python
(vaderSentiment), so large batches are split into chunks and scored in worker processes, one per core
(``analytics.sentiment_workers``: when it pays, and why a forkserver).

The cache key includes a model version per profile (``MODEL_VERSIONS``): changing the care lexicon bumps
``CARE_VERSION`` and old scores are simply not found, never silently mixed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache, partial

import duckdb
import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analytics import language
from analytics.errors import ReboundError
from analytics.queries import fetch_df, fetch_rows, sql
from analytics.sentiment_care import CARE_VERSION, CareAnalyzer
from analytics.sentiment_vader import ExactVader
from analytics.sentiment_workers import map_chunks
from analytics.store import transaction
from analytics.text import normalise_text, text_hash

PROFILES = ("vader", "care")
DEFAULT_PROFILE = "vader"
PROFILE_DESCRIPTIONS = {
    "vader": "VADER 3.3.2 as published: general social-media sentiment, exact scores.",
    "care": "VADER tuned for mentions of a brand: complaints, delays, waiting, sarcastic thanks read as negative, "
            "service requests as neutral.",
}
MODEL_VERSION = "vaderSentiment-3.3.2"
MODEL_VERSIONS = {"vader": MODEL_VERSION, "care": f"{MODEL_VERSION}+{CARE_VERSION}"}
SCORE_COLUMNS = ["compound", "pos", "neu", "neg"]
PROFILE_SETTING = "sentiment_profile"

WRITE_BATCH_TEXTS = 50_000   # score_pending commits the cache every this many texts, so an interrupted run keeps work


def check_profile(profile: str) -> str:
    """Return ``profile`` if Rebound knows it, else raise a ``ReboundError`` that lists the choices."""
    if profile not in PROFILES:
        raise ReboundError(f"Unknown sentiment profile {profile!r}; choose one of {', '.join(PROFILES)}.",
                           title="Unknown sentiment profile")
    return profile


def model_version(profile: str) -> str:
    """The cache's model version for ``profile`` (changes whenever that profile's scores would)."""
    return MODEL_VERSIONS[check_profile(profile)]


@cache
def analyzer(profile: str = DEFAULT_PROFILE) -> SentimentIntensityAnalyzer:
    """The analyzer for ``profile``, built once per process: its constructor re-reads the lexicon files."""
    return CareAnalyzer() if check_profile(profile) == "care" else ExactVader()


def _score_chunk(profile: str, texts: Sequence[str]) -> np.ndarray:
    """Scores of already-normalised ``texts`` as an (n, 4) array in ``SCORE_COLUMNS`` order (runs in workers)."""
    polarity = analyzer(profile).polarity_scores
    out = np.empty((len(texts), 4), dtype=np.float64)
    for i, text in enumerate(texts):
        s = polarity(text)
        out[i] = (s["compound"], s["pos"], s["neu"], s["neg"])
    return out


def iter_scores(texts: Sequence[str], profile: str = DEFAULT_PROFILE,
                parallel: bool | None = None) -> Iterator[tuple[int, np.ndarray]]:
    """Yield ``(start, scores)`` chunks for already-normalised ``texts``, in order, on every core when it pays."""
    return map_chunks(partial(_score_chunk, check_profile(profile)), texts, parallel)


def score_distinct(texts: Sequence[str], profile: str = DEFAULT_PROFILE,
                   progress: Callable[[int, int], None] | None = None,
                   parallel: bool | None = None) -> np.ndarray:
    """Scores (n, 4) of already-normalised texts, each scored as given (no de-duplication here)."""
    out = np.empty((len(texts), 4), dtype=np.float64)
    done = 0
    for start, chunk in iter_scores(texts, profile, parallel):
        out[start:start + len(chunk)] = chunk
        done += len(chunk)
        if progress:
            progress(done, len(texts))
    return out


def _distinct(texts: Iterable[object]) -> tuple[list[str], np.ndarray]:
    """Normalise ``texts``; return the distinct normalised texts and, per input, the index of its distinct text.

    Raw duplicates (the common case: retweets, copies) are found before normalising, so each is normalised once.
    """
    raw_positions: dict[object, int] = {}
    raw_index = [raw_positions.setdefault(t, len(raw_positions)) for t in texts]
    positions: dict[str, int] = {}
    raw_to_distinct = np.fromiter((positions.setdefault(normalise_text(t), len(positions)) for t in raw_positions),
                                  dtype=np.int64, count=len(raw_positions))
    return list(positions), raw_to_distinct[np.asarray(raw_index, dtype=np.int64)]


def _frame(scores: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame(scores, columns=SCORE_COLUMNS)


def score_texts(texts: Iterable[str], profile: str = DEFAULT_PROFILE,
                progress: Callable[[int, int], None] | None = None) -> pd.DataFrame:
    """Scores for ``texts`` (columns compound, pos, neu, neg), one row per input in input order.

    Each text is normalised with ``normalise_text``; duplicates are scored once; big batches use every core.
    ``progress(done, total)`` is called as distinct texts finish. No store is involved: see
    ``score_texts_cached`` to reuse and fill a workspace's cache.
    """
    check_profile(profile)
    distinct, index = _distinct(texts)
    scores = score_distinct(distinct, profile, progress)
    return _frame(scores[index] if len(index) else scores)


def score_texts_cached(con: duckdb.DuckDBPyConnection, texts: Iterable[str], profile: str = DEFAULT_PROFILE,
                       progress: Callable[[int, int], None] | None = None) -> pd.DataFrame:
    """``score_texts`` through the workspace's ``sentiment_cache``: cached texts are looked up, the rest scored
    (and stored). Same result as ``score_texts``; a warm cache turns scoring into one hash join."""
    check_profile(profile)
    distinct, index = _distinct(texts)
    hashes = pd.DataFrame({"idx": np.arange(len(distinct)), "text_hash": [text_hash(t) for t in distinct]})
    cur = con.cursor()
    try:
        cur.register("wanted_hashes", hashes)
        found = cur.execute(sql("sentiment_cached_scores"),
                            {"profile": profile, "version": model_version(profile)}).fetchnumpy()
        cur.unregister("wanted_hashes")
    finally:
        cur.close()
    scores = np.full((len(distinct), 4), np.nan)
    if len(found["idx"]):
        scores[np.asarray(found["idx"])] = np.column_stack([np.asarray(found[c]) for c in SCORE_COLUMNS])
    missing = np.flatnonzero(np.isnan(scores[:, 0]))
    if len(missing):
        new = score_distinct([distinct[i] for i in missing], profile, progress)
        scores[missing] = new
        _store_scores(con, hashes["text_hash"].to_numpy()[missing], new, profile)
    return _frame(scores[index] if len(index) else scores)


def _store_scores(con: duckdb.DuckDBPyConnection, hashes: Sequence[str], scores: np.ndarray, profile: str) -> None:
    """Insert scores into ``sentiment_cache`` (a text already there keeps its row)."""
    frame = _frame(scores)
    frame.insert(0, "text_hash", list(hashes))
    frame.insert(1, "profile", profile)
    frame.insert(2, "model_version", model_version(profile))
    cur = con.cursor()
    try:
        cur.register("new_scores", frame)
        with transaction(cur):
            cur.execute(sql("sentiment_insert_cache"))
        cur.unregister("new_scores")
    finally:
        cur.close()


def score_pending(con: duckdb.DuckDBPyConnection, profile: str | None = None,
                  progress: Callable[[int, int], None] | None = None) -> int:
    """Score every stored text lacking a cached score for ``profile`` (default: the workspace's active profile).

    Also identifies the language of stored texts whose export gave none (``analytics.language``), so charts can
    say how many mentions they leave out. Returns how many distinct texts were scored; a second run returns 0.
    ``progress(done, total)`` counts distinct texts.
    """
    profile = check_profile(profile or active_profile(con))
    language.detect_pending(con)
    pending = fetch_df(con, "sentiment_pending", profile=profile, version=model_version(profile))
    total = len(pending)
    if progress:
        progress(0, total)
    done = 0
    texts = pending["text"].tolist()
    hashes = pending["text_hash"].to_numpy()
    buffer: list[tuple[int, np.ndarray]] = []
    buffered = 0
    for start, chunk in iter_scores(texts, profile):
        buffer.append((start, chunk))
        buffered += len(chunk)
        done += len(chunk)
        if buffered >= WRITE_BATCH_TEXTS or done == total:
            first = buffer[0][0]
            _store_scores(con, hashes[first:first + buffered], np.vstack([c for _, c in buffer]), profile)
            buffer, buffered = [], 0
        if progress:
            progress(done, total)
    return total


def active_profile(con: duckdb.DuckDBPyConnection) -> str:
    """The workspace's sentiment profile (setting ``sentiment_profile``), ``DEFAULT_PROFILE`` until one is set."""
    rows = fetch_rows(con, "sentiment_get_setting", key=PROFILE_SETTING)
    value = rows[0][0] if rows else DEFAULT_PROFILE
    return value if value in PROFILES else DEFAULT_PROFILE


def set_active_profile(con: duckdb.DuckDBPyConnection, profile: str) -> str:
    """Make ``profile`` the workspace's sentiment profile; return it. Scores are computed on the next scoring."""
    check_profile(profile)
    fetch_rows(con, "sentiment_set_setting", key=PROFILE_SETTING, value=profile)
    return profile
