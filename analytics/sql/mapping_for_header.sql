-- The most recently saved column mapping for a header signature (at most one row).
with matching as (
    select name, mapping_json, saved_at
    from column_mappings
    where header_signature = $header_signature
),

final as (
    select name, mapping_json
    from matching
    order by saved_at desc, name
    limit 1
)

select * from final
