-- Write an import's final counts once its rows have landed.
update imports
set rows_read = $rows_read,
    rows_added = $rows_added,
    rows_duplicate = $rows_duplicate,
    rows_rejected = $rows_rejected
where import_id = $import_id
