-- The $limit most negative and $limit most positive scored mentions of one account on one UTC day.
with day_posts as (
    select *
    from sentiment_scored_posts($role, $account, $profile, $version, $include_non_english,
                                $pos_threshold, $neg_threshold, $corrected_pos, $corrected_neg)
    where created_at::date = $day and compound is not null
),

ranked as (
    select
        *,
        row_number() over (order by compound asc, post_id) as from_bottom,
        row_number() over (order by compound desc, post_id) as from_top
    from day_posts
),

final as (
    select platform, post_id, created_at, author, text, lang, compound, model_label, corrected_label, label, counts
    from ranked
    where from_bottom <= $limit or from_top <= $limit
    order by compound asc, post_id
)

select * from final
