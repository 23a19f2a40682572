"""Scoring engine: input order, duplicates, cache, parallel workers, pending scoring, profiles, language."""

from __future__ import annotations

import numpy as np
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analytics import language, sentiment, sentiment_workers
from analytics.errors import ReboundError
from analytics.text import normalise_text
from tests.sentiment_fixtures import add_posts

TEXTS = ["I love this &amp; them", "Worst service ever!!", "I love this & them", "meh", "", "Worst service ever!!"]


def library_scores(texts):
    analyzer = SentimentIntensityAnalyzer()
    return np.array([[s[c] for c in sentiment.SCORE_COLUMNS]
                     for s in (analyzer.polarity_scores(normalise_text(t)) for t in texts)])


def test_score_texts_keeps_input_order_and_scores_duplicates_alike() -> None:
    scores = sentiment.score_texts(TEXTS)
    assert list(scores.columns) == ["compound", "pos", "neu", "neg"]
    assert np.array_equal(scores.to_numpy(), library_scores(TEXTS))
    assert scores.iloc[0].equals(scores.iloc[2])  # "&amp;" decoded before scoring
    assert sentiment.score_texts([]).empty


def test_progress_counts_distinct_texts() -> None:
    calls = []
    sentiment.score_texts(TEXTS, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1] == (4, 4)


def test_parallel_workers_give_identical_scores(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sentiment_workers, "CHUNK_ITEMS", 50)
    texts = [f"{t} #{i}" for i, t in enumerate(TEXTS * 40)]
    parallel = sentiment.score_distinct([normalise_text(t) for t in texts], parallel=True)
    assert np.array_equal(parallel, library_scores(texts))


def test_unknown_profile_is_a_user_error() -> None:
    with pytest.raises(ReboundError, match="care"):
        sentiment.score_texts(["x"], profile="nope")


def test_cached_scorer_fills_and_reuses_the_cache(con) -> None:
    first = sentiment.score_texts_cached(con, TEXTS)
    rows = con.execute("select count(*) from sentiment_cache").fetchone()[0]
    assert rows == 4
    second = sentiment.score_texts_cached(con, TEXTS)
    assert first.equals(second)
    assert np.array_equal(second.to_numpy(), library_scores(TEXTS))
    assert con.execute("select count(*) from sentiment_cache").fetchone()[0] == rows


def test_score_pending_scores_each_distinct_text_once_and_then_nothing(con) -> None:
    add_posts(con, [{"post_id": i, "text": t, "created_at": "2026-11-01 10:00"} for i, t in enumerate(TEXTS)])
    progress = []
    assert sentiment.score_pending(con, progress=lambda d, t: progress.append((d, t))) == 4
    assert progress[-1] == (4, 4)
    assert sentiment.score_pending(con) == 0
    add_posts(con, [{"post_id": 99, "text": "Worst service ever!!", "created_at": "2026-11-02 10:00"}])
    assert sentiment.score_pending(con) == 0  # a retweet/copy of a scored text costs nothing
    assert sentiment.score_pending(con, "care") == 4


def test_active_profile_is_a_workspace_setting(con) -> None:
    assert sentiment.active_profile(con) == "vader"
    sentiment.set_active_profile(con, "care")
    assert sentiment.active_profile(con) == "care"
    add_posts(con, [{"post_id": 1, "text": "delayed again", "created_at": "2026-11-01"}])
    sentiment.score_pending(con)
    assert con.execute("select distinct profile from sentiment_cache").fetchall() == [("care",)]
    with pytest.raises(ReboundError):
        sentiment.set_active_profile(con, "nope")


@pytest.mark.parametrize(("text", "expected"), [
    ("Mi maleta se perdió otra vez y nadie del servicio me responde", "es"),
    ("Wo ist mein Koffer? Schon drei Tage warte ich auf eine Antwort!", "de"),
    ("@acme my flight was cancelled and nobody answers the phone", "en"),
    ("thanks!", "und"),
    ("@acme http://t.co/x ok", "und"),
])
def test_language_identification(text: str, expected: str) -> None:
    assert language.identify(text)[0] == expected


def test_export_language_wins_and_unknown_counts_as_english(con) -> None:
    add_posts(con, [
        {"post_id": 1, "text": "Mi maleta se perdió otra vez y nadie me responde", "created_at": "2026-11-01"},
        {"post_id": 2, "text": "Mi maleta se perdió otra vez y nadie me responde", "created_at": "2026-11-01",
         "lang": "en"},
        {"post_id": 3, "text": "whatever it is", "created_at": "2026-11-01", "lang": "es-MX"},
        {"post_id": 4, "text": "lol", "created_at": "2026-11-01", "lang": "und"},
    ])
    assert language.detect_pending(con) == 2  # posts 1 and 4 (one distinct text each); 2 and 3 had a language
    assert language.detect_pending(con) == 0
    rows = dict(con.execute("select post_id, is_non_english from post_language").fetchall())
    assert rows == {"1": True, "2": False, "3": True, "4": False}


def test_workers_do_not_rerun_a_page_script_that_is_main(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    # Under Streamlit the running page is __main__; a worker that re-ran it would die and break the pool.
    import sys
    import types

    page = tmp_path / "page.py"
    page.write_text("raise SystemExit('the page ran inside a scoring worker')\n")
    fake_main = types.ModuleType("__main__")
    fake_main.__file__ = str(page)
    monkeypatch.setitem(sys.modules, "__main__", fake_main)
    monkeypatch.setattr(sentiment_workers, "CHUNK_ITEMS", 50)
    texts = [f"{t} #{i}" for i, t in enumerate(TEXTS * 10)]
    parallel = sentiment.score_distinct([normalise_text(t) for t in texts], parallel=True)
    assert len(parallel) == len(texts)
    assert sys.modules["__main__"] is fake_main


def test_warm_lookups_go_through_text_aliases_and_share_cache_rows(con, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = ["Love it &amp; thanks", "Love it & thanks", "still down", None, "still down"]
    first = sentiment.score_texts_cached(con, texts)
    # two normalised texts, plus the empty text a missing one scores as
    assert con.execute("select count(*) from sentiment_cache").fetchone()[0] == 3
    aliases = dict(con.execute("select raw_text, text_hash from text_alias").fetchall())
    assert aliases["Love it &amp; thanks"] == aliases["Love it & thanks"]  # two spellings, one cache row
    assert len(aliases) == 3

    # A warm call must not normalise or hash anything: every text is found through its alias.
    def refuse(*_args, **_kwargs):
        raise AssertionError("the warm path fell back to Python normalisation")

    monkeypatch.setattr(sentiment, "_score_through_hashes", refuse)
    again = sentiment.score_texts_cached(con, [t for t in texts if t is not None])
    assert again.to_numpy().tolist() == first.drop(index=3).to_numpy().tolist()
    assert first.to_numpy().tolist() == sentiment.score_texts(texts).to_numpy().tolist()


def test_aliases_from_other_normalisation_rules_are_ignored(con, monkeypatch: pytest.MonkeyPatch) -> None:
    sentiment.score_texts_cached(con, ["fine &amp; dandy"])
    monkeypatch.setattr(sentiment, "NORMALISER_VERSION", "a-future-normaliser/2")
    calls = []
    real = sentiment._score_through_hashes
    monkeypatch.setattr(sentiment, "_score_through_hashes", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    sentiment.score_texts_cached(con, ["fine &amp; dandy"])
    assert calls == [["fine &amp; dandy"]]
