-- Distinct stored texts that need language identification: their export gave no usable language
-- (post_language.lang_source = 'none') and text_language has no row for them yet.
with needing as (
    select distinct p.text_hash
    from posts p
    join post_language l using (platform, post_id)
    where l.lang_source = 'none'
),

final as (
    select p.text_hash, any_value(p.text) as text
    from posts p
    join needing n using (text_hash)
    group by p.text_hash
    order by p.text_hash
)

select * from final
