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
from functools import partial

import duckdb
import numpy as np
import pandas as pd
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analytics import language, sentiment_kernel
from analytics.errors import ReboundError
from analytics.queries import fetch_df, fetch_rows, sql
from analytics.sentiment_care import CARE_VERSION
from analytics.sentiment_workers import map_chunks
from analytics.store import transaction
from analytics.text import NORMALISER_VERSION, normalise_text, text_hash

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


def analyzer(profile: str = DEFAULT_PROFILE) -> SentimentIntensityAnalyzer:
    """The analyzer for ``profile``, built once per process: its constructor re-reads the lexicon files."""
    return sentiment_kernel.analyzer(check_profile(profile))


def iter_scores(texts: Sequence[str], profile: str = DEFAULT_PROFILE,
                parallel: bool | None = None) -> Iterator[tuple[int, np.ndarray]]:
    """Yield ``(start, scores)`` chunks for already-normalised ``texts``, in order, on every core when it pays."""
    return map_chunks(partial(sentiment_kernel.score_chunk, check_profile(profile)), texts, parallel)


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
    """``score_texts`` through the workspace's cache: the same result, but a text scored before is not scored again.

    Texts are first looked up as written (``text_alias``, one hash join inside DuckDB, no Python work per text);
    the rest are normalised and looked up by ``text_hash``, and only texts never seen are scored, on every core,
    their scores written while the workers go on. Aliases are recorded for the texts that needed Python, so the
    next call finds them all in the first step.
    """
    check_profile(profile)
    raw = list(texts)
    scores = np.full((len(raw), 4), np.nan)
    # One vectorised conversion; a missing text (None/NaN) becomes NA and simply finds no alias.
    wanted = pd.DataFrame({"idx": np.arange(len(raw)), "raw_text": pd.array(raw, dtype="str")})
    found = _query_numpy(con, "sentiment_alias_scores", {"wanted_texts": wanted},
                         profile=profile, version=model_version(profile), normaliser=NORMALISER_VERSION)
    if len(found["idx"]):
        scores[np.asarray(found["idx"])] = np.column_stack([np.asarray(found[c]) for c in SCORE_COLUMNS])
    rest = np.flatnonzero(np.isnan(scores[:, 0]))
    if len(rest):
        scores[rest] = _score_through_hashes(con, [raw[i] for i in rest], profile, progress)
    return _frame(scores)


def _score_through_hashes(con: duckdb.DuckDBPyConnection, texts: list[object], profile: str,
                          progress: Callable[[int, int], None] | None) -> np.ndarray:
    """Scores for texts the alias table did not know: normalise, look up by hash, score what is new, record aliases."""
    distinct, index = _distinct(texts)
    hashes = np.array([text_hash(t) for t in distinct], dtype=object)
    found = _query_numpy(con, "sentiment_cached_scores",
                         {"wanted_hashes": pd.DataFrame({"idx": np.arange(len(distinct)), "text_hash": hashes})},
                         profile=profile, version=model_version(profile))
    scores = np.full((len(distinct), 4), np.nan)
    if len(found["idx"]):
        scores[np.asarray(found["idx"])] = np.column_stack([np.asarray(found[c]) for c in SCORE_COLUMNS])
    missing = np.flatnonzero(np.isnan(scores[:, 0]))
    if len(missing):
        scores[missing] = _score_and_store(con, [distinct[i] for i in missing], hashes[missing], profile, progress)
    keep = [i for i, t in enumerate(texts) if isinstance(t, str)]
    aliases = pd.DataFrame({"raw_text": [texts[i] for i in keep], "text_hash": hashes[index[keep]]})
    _write(con, "sentiment_insert_aliases", {"new_aliases": aliases}, normaliser=NORMALISER_VERSION)
    return scores[index]


def _score_and_store(con: duckdb.DuckDBPyConnection, texts: Sequence[str], hashes: np.ndarray, profile: str,
                     progress: Callable[[int, int], None] | None) -> np.ndarray:
    """Score normalised ``texts`` (on every core when it pays) and cache them in batches as chunks arrive, so the
    writes overlap the workers' scoring and an interrupted run keeps what it finished."""
    out = np.empty((len(texts), 4), dtype=np.float64)
    done = written = 0
    for start, chunk in iter_scores(texts, profile):
        out[start:start + len(chunk)] = chunk
        done += len(chunk)
        if done - written >= WRITE_BATCH_TEXTS or done == len(texts):
            _store_scores(con, hashes[written:done], out[written:done], profile)
            written = done
        if progress:
            progress(done, len(texts))
    return out


def _query_numpy(con: duckdb.DuckDBPyConnection, name: str, frames: dict[str, pd.DataFrame],
                 **params: object) -> dict[str, np.ndarray]:
    """Run a named query over registered frames on its own cursor; columns as numpy arrays."""
    cur = con.cursor()
    try:
        for view, frame in frames.items():
            cur.register(view, frame)
        return cur.execute(sql(name), params).fetchnumpy()
    finally:
        cur.close()


def _write(con: duckdb.DuckDBPyConnection, name: str, frames: dict[str, pd.DataFrame], **params: object) -> None:
    """Run a named write over registered frames in one transaction on its own cursor."""
    cur = con.cursor()
    try:
        for view, frame in frames.items():
            cur.register(view, frame)
        with transaction(cur):
            cur.execute(sql(name), params or None)
    finally:
        cur.close()


def _store_scores(con: duckdb.DuckDBPyConnection, hashes: Sequence[str], scores: np.ndarray, profile: str) -> None:
    """Insert scores into ``sentiment_cache`` (a text already there keeps its row)."""
    frame = _frame(scores)
    frame.insert(0, "text_hash", list(hashes))
    frame.insert(1, "profile", profile)
    frame.insert(2, "model_version", model_version(profile))
    _write(con, "sentiment_insert_cache", {"new_scores": frame})


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
    if progress:
        progress(0, len(pending))
    _score_and_store(con, pending["text"].tolist(), pending["text_hash"].to_numpy(), profile, progress)
    return len(pending)


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
