-- The effective compound of every post that counts for sentiment, by account and period: the bootstrap's input.
with scored as (
    select
        account,
        date_trunc($freq, created_at::date)::date::timestamp as period,
        effective_compound
    from sentiment_scored_posts($role, $account, $profile, $version, $include_non_english,
                                $pos_threshold, $neg_threshold, $corrected_pos, $corrected_neg)
    where counts
),

final as (
    select account, period, effective_compound
    from scored
    order by account, period, effective_compound  -- a fixed order makes the seeded bootstrap reproducible
)

select * from final
