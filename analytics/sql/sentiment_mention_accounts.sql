-- Accounts that have mentions, busiest first, with the UTC days their mentions span.
with mentions as (
    select account, created_at::date as day
    from posts
    where role = 'mention'
),

final as (
    select account, count(*) as mentions, min(day) as first_day, max(day) as last_day
    from mentions
    group by account
    order by mentions desc, account
)

select * from final
