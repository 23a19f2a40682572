-- Cached scores for the texts of the registered frame `wanted_texts` (idx, raw_text), found through text_alias:
-- raw text -> normalised text hash -> score, for one profile and model version. idx is the caller's position.
with wanted as (
    select idx, raw_text from wanted_texts
),

aliased as (
    select wanted.idx, text_alias.text_hash
    from wanted
    join text_alias
        on text_alias.raw_text = wanted.raw_text
       and text_alias.normaliser = $normaliser
),

final as (
    select aliased.idx, cache.compound, cache.pos, cache.neu, cache.neg
    from aliased
    join sentiment_cache as cache
        on cache.text_hash = aliased.text_hash
       and cache.profile = $profile
       and cache.model_version = $version
)

select * from final
