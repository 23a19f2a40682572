"""The ``care`` profile: VADER read the way a customer-care team reads mentions of its brand.

Stock VADER was built for general social text. Aimed at complaints to a brand it is too kind: on the real airline
mentions (Crowdflower's "Twitter US Airline Sentiment") it agrees with the human 3-class label only 49% of the time,
mostly because it calls complaints positive. The causes are few and systematic:

* **Service requests read as praise.** "please help", "can you check my booking number", "I hope someone can
  reach me" score positive through ``help``, ``please``, ``hope``, ``number``, ``reach``. In a complaint queue they
  are requests, so the care lexicon makes them neutral.
* **Brand names in the lexicon.** ``united`` is a positive word (1.8) to VADER; ``@united`` is every United mention.
  Handles are removed before scoring and brand-like words are neutral.
* **Complaint vocabulary missing.** ``delayed`` is only −0.9 and ``hold``, ``waiting``, ``hours``, ``stuck``,
  ``refund``, ``rebook``, ``still`` are not in the lexicon at all. The care lexicon adds them (weights tuned by
  hand, see below) and a few phrase rules add weight to "on hold", "no answer", "still waiting", "2 hours".
* **Sarcastic or ritual thanks.** "thanks for keeping me on hold for an hour" is a complaint. When a mention
  contains complaint evidence (a word at or below ``COMPLAINT_EVIDENCE_FLOOR`` or a complaint phrase),
  politeness words (thanks, appreciate, great, love, …) lose their positive weight. Making them negative instead
  was tried and scored worse on the tuning airlines: real thanks after a resolved problem are common.

Everything else is vaderSentiment 3.3.2's own lexicon and rules: ``CareAnalyzer`` subclasses
``SentimentIntensityAnalyzer``, updates a copy of its ``lexicon`` dict, and hooks two of its methods
(``_but_check``, called with the tokens and their valences, and ``score_valence``, called with the text) that are
stable in the pinned 3.3.2. The library file is never modified.

How it was tuned (and how to re-measure): the weights were chosen by error analysis on the mentions of United,
US Airways and American only; Southwest, Delta and Virgin America are the held-out set the tests report, and the
VADER tweet ground truth checks that general tweets are still read sensibly. ``tests/test_sentiment_care.py``
asserts the figures.
"""

from __future__ import annotations

import re

from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from analytics.sentiment_vader import ExactVader

CARE_VERSION = "care-1"

# Words that are positive to general VADER but, in messages to a brand, are requests, service vocabulary or names.
REQUEST_AND_SERVICE_WORDS = {
    "help": 0.0, "helping": 0.0, "please": 0.0, "pls": 0.0, "plz": 0.0, "want": 0.0, "wants": 0.0,
    "like": 0.0, "number": 0.0, "sure": 0.0, "yes": 0.0, "care": 0.0, "credit": 0.0, "free": 0.0,
    "hope": 0.0, "hoping": 0.0, "hopefully": 0.0, "chance": 0.0, "award": 0.0, "reach": 0.0, "original": 0.0,
    "allow": 0.0, "top": 0.0, "support": 0.0, "share": 0.0, "ready": 0.0, "solution": 0.0, "resolve": 0.0,
    "apology": 0.0, "worth": 0.0, "treat": 0.0, "friend": 0.0, "friends": 0.0, "loyal": 0.0, "fine": 0.0,
    "united": 0.0, "well": 0.0, "ok": 0.0, "okay": 0.0, "yeah": 0.0, "lol": 0.0, "pretty": 0.0, "matter": 0.0,
    "clearly": 0.0, "promised": -0.5, "reasonable": 0.0, "priority": 0.0, "fair": 0.0, "safe": 0.0,
    "safety": 0.0, "wow": 0.0, "luck": 0.0, "joke": -1.8, "kidding": -1.0,
}

# Service failures and the words people use to report them (weights on VADER's −4..+4 scale).
COMPLAINT_WORDS = {
    "delayed": -1.6, "delay": -1.6, "delays": -1.6, "cancelled": -1.8, "canceled": -1.8, "cancel": -1.0,
    "cancellation": -1.5, "cancellations": -1.5, "stuck": -1.8, "stranded": -2.0, "hold": -1.2, "waiting": -1.2,
    "wait": -1.0, "waited": -1.2, "hours": -1.0, "hrs": -1.0, "hour": -0.8, "hr": -0.8, "minutes": -0.6,
    "mins": -0.6, "min": -0.6, "late": -1.2, "still": -0.8, "never": -1.0, "again": -0.6, "lost": -1.8,
    "missing": -1.6, "missed": -1.6, "rebook": -0.8, "rebooked": -0.8, "refund": -0.6, "nobody": -1.2,
    "tarmac": -0.8, "sitting": -0.6, "told": -0.5, "trying": -0.6, "why": -0.8, "because": -0.5, "due": -0.4,
    "overbooked": -1.8, "diverted": -1.2, "broke": -1.5, "broken": -2.1, "charged": -1.2, "fee": -0.8,
    "fees": -0.8, "hung": -1.2, "disconnected": -1.5, "busy": -0.6, "days": -0.4, "voicemail": -0.8,
}

CARE_LEXICON = {**REQUEST_AND_SERVICE_WORDS, **COMPLAINT_WORDS}

# Thanks and praise that lose their positive weight when the same mention complains.
POLITENESS_WORDS = frozenset({"thanks", "thank", "thx", "ty", "appreciate", "appreciated", "great", "love",
                              "awesome", "nice", "good", "best", "amazing", "perfect", "happy", "glad", "cool"})
SARCASTIC_POLITENESS_VALENCE = 0.0  # what a politeness word is worth in a complaining mention (tuned: 0, -0.5, -1)

# Multi-word complaint patterns: each match adds one extra valence of this weight.
COMPLAINT_PHRASES = {
    re.compile(r"\bon hold\b"): -1.5,
    re.compile(r"\bno (?:one|answer|reply|response|help|call back|callback|info|information|update)\b"): -1.5,
    re.compile(r"\bstill (?:waiting|no|not|haven'?t|hasn'?t|on)\b"): -1.2,
    re.compile(r"\b\d+\s*(?:\+\s*)?(?:hours?|hrs?|mins?|minutes?|days?)\b"): -1.0,
    re.compile(r"\b(?:can'?t|cannot|couldn'?t|unable to) (?:get|reach|find|talk|speak|call|check|book|change)\b"):
        -1.2,
    re.compile(r"\b(?:customer service|call back|hung up|phone line|bag(?:s|gage)? (?:claim|lost|delayed))\b"): -0.5,
    re.compile(r"\bwhat a joke\b|\bseriously\?|\breally\?"): -1.0,
}
COMPLAINT_EVIDENCE_FLOOR = -1.0  # a token valence at or below this counts as complaint evidence (tuned: -0.5..-1.5)

HANDLE = re.compile(r"(?<![\w@])@\w+")


class CareAnalyzer(ExactVader):
    """VADER (``ExactVader``, same scores as the library) with the care lexicon and rules (module docstring).

    Build it once and reuse it: like its parent, the constructor reads the lexicon files.
    """

    def __init__(self) -> None:
        super().__init__()
        self.lexicon = {**self.lexicon, **CARE_LEXICON}

    def polarity_scores(self, text: str) -> dict[str, float]:
        """VADER's scores for ``text`` with @handles removed (a brand's handle is not sentiment)."""
        return super().polarity_scores(HANDLE.sub(" ", text))

    def _but_check(self, words_and_emoticons: list[str], sentiments: list[float]) -> list[float]:
        """After VADER's own "but" rule, demote politeness words when the mention also complains."""
        sentiments = SentimentIntensityAnalyzer._but_check(words_and_emoticons, sentiments)
        lowered = [str(w).lower().strip(".,!?:;\"'()") for w in words_and_emoticons]
        text = " ".join(lowered)
        complains = any(v <= COMPLAINT_EVIDENCE_FLOOR for v in sentiments) or any(
            pattern.search(text) for pattern in COMPLAINT_PHRASES)
        if not complains:
            return sentiments
        return [SARCASTIC_POLITENESS_VALENCE if word in POLITENESS_WORDS and value > 0 else value
                for word, value in zip(lowered, sentiments, strict=False)]

    def score_valence(self, sentiments: list[float], text: str) -> dict[str, float]:
        """Add one valence per complaint phrase found in the text, then let VADER combine them as usual."""
        lowered = text.lower()
        extra = [weight for pattern, weight in COMPLAINT_PHRASES.items() for _ in pattern.finditer(lowered)]
        return super().score_valence(list(sentiments) + extra, text)
