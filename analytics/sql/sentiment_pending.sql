-- Distinct stored texts that have no cached score for $profile at model version $version, one row per text hash.
with posts_texts as (
    select text_hash, any_value(text) as text
    from posts
    group by text_hash
),

final as (
    select t.text_hash, t.text
    from posts_texts t
    where not exists (
        select 1 from sentiment_cache c
        where c.text_hash = t.text_hash and c.profile = $profile and c.model_version = $version
    )
    order by t.text_hash
)

select * from final
