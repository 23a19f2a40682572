"""Which mentions are English, so VADER's scores are only trusted where VADER can read.

VADER reads English only: a Spanish complaint scores neutral and silently pulls the curve towards zero. The language
of a post is the export's own field when it has a usable one (X ``lang``, Brandwatch and Meltwater ``Language``,
stored in ``posts.lang`` by the importers); otherwise it is identified from the text with ``py3langid`` (a pinned
package whose model ships inside the wheel: nothing is downloaded at run time). Identifications are stored per
distinct text in ``text_language`` (migration 020), so a retweet is identified once.

Short or mixed texts ("thanks!", "ok", a handle and a link) cannot be identified reliably; anything under
``MIN_LETTERS`` letters or ``MIN_CONFIDENCE`` calibrated probability is ``und`` and counts as English, the language
of the product's sentiment model. The rule that combines export and identified languages lives in one place, the
``post_language`` view (migration 021), which aggregates and charts read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

import duckdb
import pandas as pd
from py3langid.langid import MODEL_FILE, LanguageIdentifier

from analytics.queries import fetch_df, sql
from analytics.sentiment_workers import map_chunks
from analytics.store import transaction

DETECTOR = "py3langid-0.4.0"
UNDETERMINED = "und"
MIN_LETTERS = 12        # fewer letters than this (after removing handles, links, hashtag signs) is undetermined
MIN_CONFIDENCE = 0.70   # calibrated probability below this is undetermined; at 0.70 no airline tweet is misflagged
# Codes that identify English text in all but name: Nigerian Pidgin is what py3langid says for casual English.
ENGLISH_LIKE = frozenset({"en", "pcm"})

_NOISE = re.compile(r"(?<![\w@])@\w+|https?://\S+|www\.\S+|#")
_LETTER = re.compile(r"[^\W\d_]")


@cache
def _identifier() -> LanguageIdentifier:
    """py3langid's identifier with calibrated probabilities, loaded once per process."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str, float | None]:
    """``(ISO 639 code or 'und', confidence)`` for one text; see the module docstring for 'und'."""
    cleaned = _NOISE.sub(" ", text).strip()
    if len(_LETTER.findall(cleaned)) < MIN_LETTERS:
        return UNDETERMINED, None
    lang, confidence = _identifier().classify(cleaned)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED, float(confidence)
    return ("en" if lang in ENGLISH_LIKE else lang), float(confidence)


def identify_many(texts: Sequence[str]) -> list[tuple[str, float | None]]:
    """``identify`` for each text (a module-level function so worker processes can run it)."""
    return [identify(t) for t in texts]


def detect_pending(con: duckdb.DuckDBPyConnection) -> int:
    """Identify the language of stored texts whose export gave none and that were not identified yet.

    Returns how many distinct texts were identified; a second run returns 0.
    """
    pending = fetch_df(con, "sentiment_language_pending")
    if pending.empty:
        return 0
    texts = pending["text"].tolist()
    results: list[tuple[str, float | None]] = []
    for _, chunk in map_chunks(identify_many, texts):
        results.extend(chunk)
    frame = pd.DataFrame({
        "text_hash": pending["text_hash"],
        "lang": [lang for lang, _ in results],
        "confidence": [conf for _, conf in results],
        "detector": DETECTOR,
    })
    cur = con.cursor()
    try:
        cur.register("new_languages", frame)
        with transaction(cur):
            cur.execute(sql("sentiment_insert_language"))
        cur.unregister("new_languages")
    finally:
        cur.close()
    return len(frame)
