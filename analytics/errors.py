"""The one error type Rebound raises on purpose.

Every failure a user can cause or fix (a file we cannot read, a window with no data, an unknown event id) is a
``ReboundError`` with a short human ``title`` and a one-line ``message`` that says what to do. The app shows it with
``st.error``; the CLI prints it on one line to stderr. Anything else that escapes is a bug and should look like one.
"""

from __future__ import annotations


class ReboundError(Exception):
    """A problem the user can understand and usually fix.

    ``title`` is a few words for a heading ("File not recognised"); ``message`` is one sentence, without a traceback,
    that names the file, value or limit involved and, where possible, the fix.
    """

    def __init__(self, message: str, title: str = "Something needs your attention") -> None:
        super().__init__(message)
        self.message = message
        self.title = title

    def __str__(self) -> str:
        return self.message

    def one_line(self) -> str:
        """The message folded onto one line, for stderr and log lines."""
        return f"{self.title}: {' '.join(self.message.split())}"
