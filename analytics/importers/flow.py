"""Import one upload the way both the CLI and the Import page do: detect, apply the mapping step, import, save.

Kept apart from the loader because it adds the user-facing steps around it: a generic file gets its saved mapping
(by header signature) and the proposal resolved before import, so the report can say which mapping was used, and a
mapping the user asked to keep is saved only once the file actually imported.
"""

from __future__ import annotations

import duckdb

from analytics.errors import ReboundError
from analytics.importers import registry
from analytics.importers.base import ImportOptions, Source
from analytics.importers.loader import ImportReport, import_source
from analytics.importers.mentions_generic import load_table, prepare_options, save_mapping

GENERIC_FORMAT = "generic"
"""Name of the reader that needs the mapping step."""


def import_upload(con: duckdb.DuckDBPyConnection, source: Source, options: ImportOptions, format: str | None = None,
                  path: str | None = None, save_as: str | None = None
                  ) -> tuple[ImportReport, dict[str, str] | None]:
    """Import one file in its own transaction; returns its report and, for generic files, the mapping used.

    A file that cannot be read (or mapped) comes back with ``report.error`` set and the store unchanged.
    """
    try:
        chosen = format or registry.detect(source).name
        mapping = None
        if chosen == GENERIC_FORMAT:
            options, mapping, _ = prepare_options(con, source, options)
    except ReboundError as exc:
        return ImportReport(path=path or source.name, error=exc.one_line()), None
    report = import_source(con, source, options, format=chosen, path=path)
    if mapping and save_as and not report.error:
        save_mapping(con, save_as, list(load_table(source, max_rows=1).header), mapping)
    return report, mapping
