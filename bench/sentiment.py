"""Sentiment scoring throughput: a plain ``polarity_scores`` loop vs Rebound's scorer, cold and warm cache.

Run ``python -m bench.sentiment [N]`` (default N = 200,000). It generates N realistic mentions of a brand (handles,
links, hashtags, emoji, HTML entities, ~30% retweets and copies, as real mention streams have), then times in the
same run:

1. **plain loop**: ``SentimentIntensityAnalyzer().polarity_scores(normalise_text(t))`` for every text, what a
   straightforward implementation does;
2. **cold cache**: ``analytics.sentiment.score_texts_cached`` on a new workspace file (de-duplication, worker
   processes on every core, cache writes included);
3. **warm cache**: the same call again (every text found in the cache).

It checks that all three give identical scores (all four numbers), reports peak memory (resident set of this process
from ``getrusage``) and writes the table to stdout and ``bench/results/sentiment.json``.
Targets (issue 4): cold >= 2x and warm >= 50x the plain loop's throughput. Nothing here is asserted in tests.
"""

from __future__ import annotations

import json
import platform
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from analytics import sentiment, store
from analytics.sentiment_workers import worker_count
from analytics.text import normalise_text

DEFAULT_N = 200_000
DUPLICATE_SHARE = 0.37   # chance a text repeats an earlier post; ~30% of all texts end up non-distinct
RETWEET_SHARE = 0.5      # of the repeats, how many are "RT @author: text" (every retweet of one post is identical)
VIRAL_SKEW = 4           # repeats favour a few popular posts: index = originals * random() ** VIRAL_SKEW
SEED = 20261121
COLD_TARGET = 2.0
WARM_TARGET = 50.0
RESULTS = Path(__file__).resolve().parent / "results" / "sentiment.json"

OPENERS = ["", "", "Hey ", "Wow. ", "Seriously, ", "Ok so ", "Just landed and ", "Day 3: ", "PSA: ", "Honestly "]
SUBJECTS = ["my flight", "the app", "your support team", "the checkout page", "my order", "the new update",
            "customer service", "my refund", "the gate agent", "your chatbot", "the delivery", "my account"]
COMPLAINTS = ["has been delayed 3 hours", "is down again", "still hasn't answered", "was cancelled without notice",
              "charged me twice", "lost my bag", "keeps crashing", "put me on hold for 45 minutes",
              "is the worst I've seen", "never showed up", "is broken", "refused my refund"]
PRAISE = ["was amazing", "sorted it in 5 minutes", "is great, thank you", "made my day", "really helped",
          "is so much better now", "was friendly and fast", "fixed everything"]
NEUTRAL = ["is scheduled for 5pm", "changed its hours", "is moving to a new site", "has a new number",
           "was mentioned in the news", "is on my list for tomorrow"]
TAILS = ["", "", "", "!", "!!", "?", " :(", " :)", " 😡", " 🙏", " 😂", " #fail", " #thanks", " &amp; nobody cares",
         " http://t.co/abc123", " lol", " SMH", " ... again", " 👍", " — really?"]
BRANDS = ["@acme", "@acme_help", "@AcmeAir", "@acmesupport"]


def generate(n: int, seed: int = SEED) -> list[str]:
    """``n`` mention-like texts, ``DUPLICATE_SHARE`` of them repeats of earlier ones (deterministic for a seed)."""
    rng = random.Random(seed)
    texts: list[str] = []
    originals: list[str] = []
    users = [f"@user{i}" for i in range(2_000)]
    for i in range(n):
        if originals and rng.random() < DUPLICATE_SHARE:
            k = int(len(originals) * rng.random() ** VIRAL_SKEW)
            repeat = originals[k]
            if rng.random() < RETWEET_SHARE:
                repeat = f"RT {users[k % len(users)]}: {repeat}"
            texts.append(repeat)
            continue
        kind = rng.random()
        body = COMPLAINTS if kind < 0.55 else PRAISE if kind < 0.8 else NEUTRAL
        parts = [rng.choice(BRANDS), rng.choice(OPENERS) + rng.choice(SUBJECTS), rng.choice(body)]
        if rng.random() < 0.4:
            parts.append("and " + rng.choice(SUBJECTS) + " " + rng.choice(COMPLAINTS + PRAISE))
        if rng.random() < 0.3:
            parts.append(rng.choice(users))
        originals.append(" ".join(parts) + rng.choice(TAILS) + f" #{i % 997}" * (rng.random() < 0.5))
        texts.append(originals[-1])
    return texts


def _peak_mb() -> float:
    """Peak resident memory (MB) of this process (Linux reports KiB, macOS bytes).

    Scoring workers are children of the forkserver, not of this process, so ``RUSAGE_CHILDREN`` cannot see them;
    each holds one analyzer and one chunk of texts (a few tens of MB).
    """
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def run(n: int = DEFAULT_N) -> dict:
    """Generate, time the three scorers, check identical scores; return the results document."""
    texts = generate(n)
    distinct = len({normalise_text(t) for t in texts})

    analyzer = sentiment.analyzer("vader")
    started = time.perf_counter()
    plain = [analyzer.polarity_scores(normalise_text(t)) for t in texts]
    plain_s = time.perf_counter() - started
    plain_arr = np.array([[s[c] for c in sentiment.SCORE_COLUMNS] for s in plain])

    with tempfile.TemporaryDirectory() as tmp:
        con = store.connect(Path(tmp) / "bench.duckdb")
        started = time.perf_counter()
        cold = sentiment.score_texts_cached(con, texts)
        cold_s = time.perf_counter() - started
        started = time.perf_counter()
        warm = sentiment.score_texts_cached(con, texts)
        warm_s = time.perf_counter() - started
        con.close()

    own_mb = _peak_mb()
    rows = [
        {"scorer": "plain polarity_scores loop", "seconds": plain_s},
        {"scorer": "score_texts_cached, cold cache", "seconds": cold_s},
        {"scorer": "score_texts_cached, warm cache", "seconds": warm_s},
    ]
    for row in rows:
        row["texts_per_s"] = n / row["seconds"]
        row["speedup"] = plain_s / row["seconds"]
    return {
        "n": n,
        "distinct_texts": distinct,
        "duplicate_share": 1 - distinct / n,
        "workers": worker_count(),
        "python": platform.python_version(),
        "rows": rows,
        "identical_cold": bool(np.array_equal(plain_arr, cold.to_numpy())),
        "identical_warm": bool(np.array_equal(plain_arr, warm.to_numpy())),
        "peak_rss_mb": round(own_mb, 1),
        "targets": {"cold_speedup": COLD_TARGET, "warm_speedup": WARM_TARGET},
    }


def table(result: dict) -> str:
    """The results as a Markdown table plus the checks, as printed and pasted into notes."""
    lines = [
        f"N = {result['n']:,} texts ({result['distinct_texts']:,} distinct, "
        f"{result['duplicate_share']:.0%} repeats), {result['workers']} worker processes",
        "",
        "| scorer | seconds | texts/s | vs plain loop |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {r['scorer']} | {r['seconds']:.2f} | {r['texts_per_s']:,.0f} | {r['speedup']:.1f}x |"
              for r in result["rows"]]
    cold, warm = result["rows"][1]["speedup"], result["rows"][2]["speedup"]
    lines += [
        "",
        f"identical scores: cold {result['identical_cold']}, warm {result['identical_warm']}",
        f"peak RSS of the main process: {result['peak_rss_mb']} MB (plain loop, cold and warm runs together)",
        f"targets: cold >= {COLD_TARGET:g}x ({'met' if cold >= COLD_TARGET else 'MISSED'}), "
        f"warm >= {WARM_TARGET:g}x ({'met' if warm >= WARM_TARGET else 'MISSED'})",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """``python -m bench.sentiment [N]``: run, print the table, write ``bench/results/sentiment.json``."""
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0].replace("_", "")) if args else DEFAULT_N
    result = run(n)
    print(table(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
