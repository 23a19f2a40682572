-- Cached scores for the text hashes in the registered frame `wanted_hashes`, for one profile and model version.
with wanted as (
    select distinct text_hash from wanted_hashes
),

final as (
    select c.text_hash, c.compound, c.pos, c.neu, c.neg
    from sentiment_cache c
    join wanted w using (text_hash)
    where c.profile = $profile and c.model_version = $version
)

select * from final
