-- Record one imported file; returns its import_id. Counts are filled in by finish_import.sql.
insert into imports (file_name, sha256, format, assumed_zone, account, warnings)
values ($file_name, $sha256, $format, $assumed_zone, $account, $warnings)
returning import_id
