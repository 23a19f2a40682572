-- One row per calendar day for one account: mention volume, mean VADER compound of those mentions (scores from the
-- sentiment cache for $profile/$model_version), own posts, and the account's daily metrics. Days run from the
-- account's first to last dated row of any kind, so quiet days show as zero rather than vanishing.
with mentions as (
    select created_at::date as day, text_hash
    from posts
    where account = $account and role = 'mention'
),

own_posts as (
    select created_at::date as day, count(*) as own_posts
    from posts
    where account = $account and role = 'own'
    group by 1
),

scores as (
    select text_hash, compound
    from sentiment_cache
    where profile = $profile and model_version = $model_version
),

mention_days as (
    select
        mentions.day,
        count(*) as mentions,
        count(scores.compound) as scored,
        avg(scores.compound) as mean_compound
    from mentions
    left join scores using (text_hash)
    group by 1
),

metrics as (
    select day, followers, new_follows, unfollows, impressions, engagements
    from account_daily
    where account = $account
),

bounds as (
    select min(day) as first_day, max(day) as last_day
    from (
        select day from mention_days
        union all select day from own_posts
        union all select day from metrics
    )
),

calendar as (
    select unnest(generate_series(first_day, last_day, interval 1 day))::date as day
    from bounds
    where first_day is not null
),

final as (
    select
        calendar.day,
        coalesce(mention_days.mentions, 0) as mentions,
        coalesce(mention_days.scored, 0) as scored,
        mention_days.mean_compound,
        coalesce(own_posts.own_posts, 0) as own_posts,
        metrics.followers,
        metrics.new_follows,
        metrics.unfollows,
        metrics.impressions,
        metrics.engagements
    from calendar
    left join mention_days using (day)
    left join own_posts using (day)
    left join metrics using (day)
)

select * from final order by day
