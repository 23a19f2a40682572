"""Helpers for the sentiment tests: posts written straight into an in-memory store, real-data readers."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pandas as pd

from analytics.text import normalise_text, text_hash

REALDATA = Path(__file__).resolve().parents[2] / "shared" / "realdata"
GROUND_TRUTH = REALDATA / "vader-groundtruth"
AIRLINES = REALDATA / "twitter-us-airline-sentiment" / "Tweets.csv"
GROUND_TRUTH_FILES = ("tweets", "movieReviewSnippets", "nytEditorialSnippets", "amazonReviewSnippets")
TUNING_AIRLINES = ("United", "US Airways", "American")
HELD_OUT_AIRLINES = ("Southwest", "Delta", "Virgin America")


def add_posts(con: duckdb.DuckDBPyConnection, rows: list[dict]) -> None:
    """Insert posts (dicts with post_id, text, created_at, and optionally account, role, lang, platform)."""
    frame = pd.DataFrame([{
        "platform": r.get("platform", "x"),
        "post_id": str(r["post_id"]),
        "author": r.get("author", "someone"),
        "account": r.get("account", "brand"),
        "role": r.get("role", "mention"),
        "created_at": pd.Timestamp(r["created_at"], tz="UTC"),
        "text": normalise_text(r["text"]),
        "text_hash": text_hash(normalise_text(r["text"])),
        "lang": r.get("lang"),
        "import_id": 1,
    } for r in rows])
    cur = con.cursor()
    cur.register("new_posts", frame)
    cur.execute("insert into posts (platform, post_id, author, account, role, created_at, text, text_hash, lang, "
                "import_id) select platform, post_id, author, account, role, created_at, text, text_hash, lang, "
                "import_id from new_posts")
    cur.close()


def ground_truth(name: str) -> pd.DataFrame:
    """One VADER ground-truth file (id, mean human rating, text); the *_GroundTruth.txt means are the reference."""
    lines = (GROUND_TRUTH / f"{name}_GroundTruth.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t", 2) for line in lines if line.strip()]
    return pd.DataFrame({"id": [r[0] for r in rows], "rating": [float(r[1]) for r in rows],
                         "text": [r[2] for r in rows]})


def airlines() -> pd.DataFrame:
    """The airline mentions with their human labels (ids as text)."""
    return pd.read_csv(AIRLINES, dtype=str, keep_default_na=False)


def macro_f1(truth: np.ndarray, predicted: np.ndarray) -> float:
    """Unweighted mean of the per-class F1 over positive, neutral and negative."""
    scores = []
    for label in ("positive", "neutral", "negative"):
        tp = np.sum((truth == label) & (predicted == label))
        fp = np.sum((truth != label) & (predicted == label))
        fn = np.sum((truth == label) & (predicted != label))
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return float(np.mean(scores))
