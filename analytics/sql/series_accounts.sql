-- Accounts that have mentions or daily numbers: the series an analysis can be run on.
with from_posts as (
    select distinct account from posts where role = 'mention'
),

from_daily as (
    select distinct account from account_daily
),

final as (
    select account from from_posts
    union
    select account from from_daily
)

select * from final order by account
