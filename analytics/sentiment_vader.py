"""``ExactVader``: vaderSentiment 3.3.2's ``SentimentIntensityAnalyzer`` with three hot spots made cheaper.

Profiling a plain ``polarity_scores`` loop over mention-like texts shows most time in three places that redo work
per word: the emoji pass copies the text one character at a time even when it has no emoji; ``_negation_check``
lower-cases the whole sentence for every lexicon word and builds a list of the ~60 negation words to test one
word; ``_special_idioms_check`` lower-cases the whole sentence again to read five words. The overrides below compute
the same values from only the words they read (same indices, same order of checks), so every score is identical
to the library's: ``tests/test_sentiment_parity.py`` compares all four numbers on the four VADER ground-truth files
(23,703 texts), and ``bench/sentiment.py`` on every generated text. The library file itself is untouched.
"""

from __future__ import annotations

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
)

_NEGATE = frozenset(NEGATE)


def _negated_word(word_lower: str) -> bool:
    """``vaderSentiment.negated([word])`` for one lower-cased word."""
    return word_lower in _NEGATE or "n't" in word_lower


class ExactVader(SentimentIntensityAnalyzer):
    """Scores identical to ``SentimentIntensityAnalyzer``, computed with less repeated work (module docstring)."""

    def __init__(self) -> None:
        super().__init__()
        self._emoji_chars = frozenset(self.emojis)

    def polarity_scores(self, text: str) -> dict[str, float]:
        """The library's scores; texts without any emoji skip its character-by-character emoji pass."""
        if not self._emoji_chars.isdisjoint(text):
            return super().polarity_scores(text)
        return self._scores_without_emoji(text.strip())

    def _scores_without_emoji(self, text: str) -> dict[str, float]:
        # The body of SentimentIntensityAnalyzer.polarity_scores after its emoji pass (which is the identity when
        # no character is an emoji, except for the final strip done by the caller).
        sentitext = SentiText(text)
        sentiments: list[float] = []
        words_and_emoticons = sentitext.words_and_emoticons
        last = len(words_and_emoticons) - 1
        for i, item in enumerate(words_and_emoticons):
            item_lower = item.lower()
            if item_lower in BOOSTER_DICT:
                sentiments.append(0)
                continue
            if i < last and item_lower == "kind" and words_and_emoticons[i + 1].lower() == "of":
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, item, i, sentiments)
        sentiments = self._but_check(words_and_emoticons, sentiments)
        return self.score_valence(sentiments, text)

    @staticmethod
    def _negation_check(valence: float, words_and_emoticons: list[str], start_i: int, i: int) -> float:
        """The library's negation rule, reading only the words it needs."""
        def low(k: int) -> str:
            return str(words_and_emoticons[k]).lower()

        if start_i == 0 and _negated_word(low(i - 1)):
            valence = valence * N_SCALAR
        if start_i == 1:
            if low(i - 2) == "never" and (low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 2) == "without" and low(i - 1) == "doubt":
                pass
            elif _negated_word(low(i - 2)):
                valence = valence * N_SCALAR
        if start_i == 2:
            if low(i - 3) == "never" and (low(i - 2) == "so" or low(i - 2) == "this") or (
                    low(i - 1) == "so" or low(i - 1) == "this"):
                valence = valence * 1.25
            elif low(i - 3) == "without" and (low(i - 2) == "doubt" or low(i - 1) == "doubt"):
                pass
            elif _negated_word(low(i - 3)):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence: float, words_and_emoticons: list[str], i: int) -> float:
        """The library's idiom rule, reading only the words it needs."""
        n = len(words_and_emoticons)

        def low(k: int) -> str:
            return str(words_and_emoticons[k]).lower()

        w1, w2, w3, w0 = low(i - 1), low(i - 2), low(i - 3), low(i)
        onezero = f"{w1} {w0}"
        twoonezero = f"{w2} {w1} {w0}"
        twoone = f"{w2} {w1}"
        threetwoone = f"{w3} {w2} {w1}"
        threetwo = f"{w3} {w2}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if n - 1 > i:
            zeroone = f"{w0} {low(i + 1)}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{w0} {low(i + 1)} {low(i + 2)}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence
