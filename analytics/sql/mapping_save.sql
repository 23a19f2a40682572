-- Save (or replace) a named column mapping for files whose header has this signature.
insert or replace into column_mappings (name, header_signature, mapping_json, saved_at)
values ($name, $header_signature, $mapping_json, current_timestamp)
