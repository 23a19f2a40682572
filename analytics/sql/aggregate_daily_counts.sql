-- Per account and period (day or week, $freq), over the contiguous calendar from the account's first to last post of
-- the role: mention counts, how many count for sentiment, label counts and the mean effective compound.
with scored as (
    select
        account,
        date_trunc($freq, created_at::date)::date as period,
        counts,
        unscored_non_english,
        label,
        effective_compound
    from sentiment_scored_posts($role, $account, $profile, $version, $include_non_english,
                                $pos_threshold, $neg_threshold, $corrected_pos, $corrected_neg)
),

per_period as (
    select
        account,
        period,
        count(*) as mentions,
        count(*) filter (where counts) as scored,
        count(*) filter (where unscored_non_english) as unscored_non_english,
        avg(effective_compound) filter (where counts) as mean_compound,
        count(*) filter (where counts and label = 'positive') as positives,
        count(*) filter (where counts and label = 'neutral') as neutrals,
        count(*) filter (where counts and label = 'negative') as negatives
    from scored
    group by account, period
),

calendar as (
    select account, unnest(generate_series(min(period), max(period),
                                           case when $freq = 'week' then interval 7 day else interval 1 day end
                                           ))::date as period
    from per_period
    group by account
),

final as (
    select
        c.account,
        c.period::timestamp as period,
        coalesce(p.mentions, 0) as mentions,
        coalesce(p.scored, 0) as scored,
        coalesce(p.unscored_non_english, 0) as unscored_non_english,
        p.mean_compound,
        coalesce(p.positives, 0) as positives,
        coalesce(p.neutrals, 0) as neutrals,
        coalesce(p.negatives, 0) as negatives
    from calendar c
    left join per_period p using (account, period)
    order by c.account, c.period
)

select * from final
