-- Keep the rows an import refused, with their line numbers and reasons, so users can fix the file.
insert into import_rejections (import_id, line, reason)
select $import_id, line, reason from incoming_rejections
