"""Events from a CSV: ``at,kind,label[,account][,notes]`` — incidents, apologies, strategy changes, campaigns."""

from __future__ import annotations

from analytics.importers.base import (
    EVENT_COLUMNS,
    EVENT_KINDS,
    Importer,
    ImportOptions,
    ParsedFile,
    Source,
    canonical_frame,
    normalise_handle,
)
from analytics.importers.tabular import convert_records, header_matches, parse_local_time, read_table

REQUIRED = ("at", "kind", "label")
TIME_FORMATS = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d")


class EventsCsvImporter(Importer):
    name = "events_csv"
    label = "Events (CSV: at, kind, label[, account, notes])"

    def sniff(self, source: Source) -> int:
        return 80 if header_matches(source, REQUIRED, max_lines=3) else 0

    def parse(self, source: Source, options: ImportOptions) -> ParsedFile:
        table = read_table(source, REQUIRED, max_banner_lines=2)
        default_account = normalise_handle(options.account)

        def convert(record: dict[str, str]) -> dict:
            kind = record["kind"].strip().lower().replace(" ", "_").replace("-", "_")
            if kind not in EVENT_KINDS:
                raise ValueError(f"kind {record['kind']!r} is not one of {', '.join(EVENT_KINDS)}")
            label = record["label"].strip()
            if not label:
                raise ValueError("empty label")
            return {"account": normalise_handle(record.get("account")) or default_account, "kind": kind,
                    "occurred_at": parse_local_time(record["at"].replace("Z", "+0000"), TIME_FORMATS,
                                                    options.assumed_zone),
                    "label": label, "notes": record.get("notes", "").strip() or None}

        rows, rejected = convert_records(table, convert)
        return ParsedFile(format=self.name, rows_read=len(table.records), rejected=rejected,
                          events=canonical_frame(rows, EVENT_COLUMNS), assumed_zone=options.assumed_zone)
