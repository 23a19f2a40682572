-- Cached scores for the texts in the registered frame `wanted_hashes` (idx, text_hash), for one profile and model
-- version; idx is the caller's position of the text, so no second lookup is needed.
with wanted as (
    select idx, text_hash from wanted_hashes
),

final as (
    select w.idx, c.compound, c.pos, c.neu, c.neg
    from wanted w
    join sentiment_cache c using (text_hash)
    where c.profile = $profile and c.model_version = $version
)

select * from final
