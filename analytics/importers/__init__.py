"""Importers: one module per export family, a registry that detects which one a file is, and the loader.

Use ``import_paths(con, paths, options)`` (or ``import_source`` for bytes already in memory). Readers are listed in
``registry``; their shared interface is in ``base``.
"""

from analytics.importers.base import ImportOptions, Source
from analytics.importers.loader import ImportReport, import_paths, import_source, parse_source

__all__ = ["ImportOptions", "ImportReport", "Source", "import_paths", "import_source", "parse_source"]
