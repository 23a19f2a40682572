"""The command line (``python -m analytics``): the same functions the app uses, headless.

Each module here registers its commands on the shared Typer app in ``analytics.cli.app``; ``main`` runs it so that a
``ReboundError`` ends as one line on stderr with exit code 1 (usage errors exit 2), never as a traceback.
"""

from analytics.cli import events, imports, workspace  # noqa: F401  (registers their commands)
from analytics.cli import impact as _impact  # noqa: F401  (registers impact)
from analytics.cli import sentiment as _sentiment  # noqa: F401  (registers score, correct, profile)
from analytics.cli.app import main

__all__ = ["main"]
