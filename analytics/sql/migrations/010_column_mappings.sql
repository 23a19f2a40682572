-- Saved column mappings for generic mention files (issue 3): a user confirms how a file's columns map to Rebound's
-- fields once, and the next file with the same header (same signature) is mapped the same way without asking.
create table column_mappings (
    name             varchar primary key,   -- what the user called it ("Sprout listening export")
    header_signature varchar not null,      -- sha1 of the file's sorted, normalised column names
    mapping_json     varchar not null,      -- {"text": "message", "time": "created", ...}
    saved_at         timestamptz not null default current_timestamp
);
