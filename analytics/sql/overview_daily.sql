-- One row per calendar day for one account: mention volume, own posts, and the account's daily metrics. Days run
-- from the account's first to last dated row of any kind, so quiet days show as zero rather than vanishing.
-- Sentiment comes from analytics.aggregates (profiles, corrections, intervals) and is joined on in Python.
with mention_days as (
    select created_at::date as day, count(*) as mentions
    from posts
    where account = $account and role = 'mention'
    group by 1
),

own_posts as (
    select created_at::date as day, count(*) as own_posts
    from posts
    where account = $account and role = 'own'
    group by 1
),

metrics as (
    -- summed over the account's platforms, as series_account_daily does, so a handle on two platforms keeps one
    -- row per day
    select
        day,
        sum(followers) as followers,
        sum(new_follows) as new_follows,
        sum(unfollows) as unfollows,
        sum(impressions) as impressions,
        sum(engagements) as engagements
    from account_daily
    where account = $account
    group by day
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
