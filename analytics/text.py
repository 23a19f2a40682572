"""How a post's text is normalised before it is stored, hashed and scored.

Exports leave HTML entities encoded (``&amp;`` in the X archive, X analytics and the airline data) and Mastodon writes
HTML. Scoring "&amp;" as a word would shift VADER's scores, and two copies of one text that differ only in encoding
must share one cache entry, so every path into the store runs text through ``normalise_text`` and keys the sentiment
cache on ``text_hash`` of the result.
"""

from __future__ import annotations

import hashlib
import html
import math
import re

_LINE_BREAKS = re.compile(r"\r\n?")

NORMALISER_VERSION = "html-unescape+lines+strip/1"
"""Names the rules of ``normalise_text``; change it whenever they change, so stored raw-text aliases
(``text_alias``) made under the old rules are no longer used."""


def normalise_text(text: object) -> str:
    """Decode HTML entities once, unify line breaks and trim; ``None``/NaN become the empty string."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return _LINE_BREAKS.sub("\n", html.unescape(str(text))).strip()


def text_hash(normalised: str) -> str:
    """A stable key for a normalised text (sha1 hex): duplicates and retweets of one text share it."""
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()
