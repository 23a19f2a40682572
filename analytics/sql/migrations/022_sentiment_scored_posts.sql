-- sentiment_scored_posts(...): one row per post of a role, with the sentiment the aggregates count for it.
-- A table macro so the aggregate queries (aggregate_daily_counts, aggregate_daily_values) and the mentions table
-- (correction_mentions_of_day) share one definition of "what counts" (analytics.aggregates explains the rules):
--   * a user's correction (sentiment_override) always counts: its label replaces the model's, and its compound is
--     the model's own when that already has the corrected label, else p_corrected_pos / 0 / p_corrected_neg;
--   * otherwise a post counts when it has a cached score for the profile/version and is English (or the caller
--     includes non-English posts); unscored_non_english marks the non-English posts left out.
create macro sentiment_scored_posts(p_role, p_account, p_profile, p_version, p_include_non_english,
                                    p_pos_threshold, p_neg_threshold, p_corrected_pos, p_corrected_neg) as table
with scoped as (
    select p.platform, p.post_id, p.account, p.author, p.created_at, p.text, p.text_hash
    from posts p
    where p.role = p_role and (p_account is null or p.account = p_account)
),

joined as (
    select
        s.*,
        l.lang,
        l.is_non_english,
        c.compound,
        case when c.compound >= p_pos_threshold then 'positive'
             when c.compound <= p_neg_threshold then 'negative'
             when c.compound is not null then 'neutral' end as model_label,
        o.label as corrected_label
    from scoped s
    join post_language l using (platform, post_id)
    left join sentiment_cache c
        on c.text_hash = s.text_hash and c.profile = p_profile and c.model_version = p_version
    left join sentiment_override o using (platform, post_id)
),

final as (
    select
        *,
        corrected_label is not null
            or (compound is not null and (not is_non_english or p_include_non_english)) as counts,
        is_non_english and corrected_label is null and not p_include_non_english as unscored_non_english,
        coalesce(corrected_label, model_label) as label,
        case when corrected_label is null or corrected_label = model_label then compound
             when corrected_label = 'positive' then p_corrected_pos
             when corrected_label = 'negative' then p_corrected_neg
             else 0.0 end as effective_compound
    from joined
)

select * from final;
