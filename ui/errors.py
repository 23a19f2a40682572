"""One display path for problems: a ``ReboundError`` becomes ``st.error`` with its title, and the page stops.

Pages wrap their work in ``with user_errors():``. Only ``ReboundError`` is caught: anything else is a bug and
Streamlit should show it as one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import streamlit as st

from analytics.errors import ReboundError
from ui.markdown import plain


def show(error: ReboundError) -> None:
    """Show a user-facing error: bold title, then the one-line message (both shown literally)."""
    st.error(f"**{plain(error.title)}** — {plain(error.message)}")


@contextmanager
def user_errors() -> Iterator[None]:
    """Show any ``ReboundError`` raised inside the block and stop the page there."""
    try:
        yield
    except ReboundError as exc:
        show(exc)
        st.stop()


def nothing_to_show(message: str) -> None:
    """An empty selection is not an error: say what to do and stop rendering the page."""
    st.info(message)
    st.stop()
