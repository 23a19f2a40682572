-- Every saved column mapping, newest first.
select name, header_signature, mapping_json, saved_at
from column_mappings
order by saved_at desc, name
