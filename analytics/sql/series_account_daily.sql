-- One account's own daily numbers (followers, follows, impressions, engagements), summed over its platforms.
with daily as (
    select day, followers, new_follows, unfollows, impressions, engagements
    from account_daily
    where account = $account
),

final as (
    select
        day,
        sum(followers) as followers,
        sum(new_follows) as new_follows,
        sum(unfollows) as unfollows,
        sum(impressions) as impressions,
        sum(engagements) as engagements
    from daily
    group by day
)

select * from final order by day
