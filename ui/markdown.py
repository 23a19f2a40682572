"""Text from uploads shown literally in Streamlit, whose text elements render Markdown (and LaTeX between ``$``).

File names, column names, post texts and suggestion evidence all come from files a user uploaded; rendered as
Markdown a hostile one could inject links, images or formatting. Every such string goes through ``plain``.
"""

from __future__ import annotations

import re

_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:])")


def plain(text: object) -> str:
    """``text`` with every Markdown, HTML and LaTeX special character backslash-escaped."""
    return _MARKDOWN_SPECIALS.sub(r"\\\1", str(text))
