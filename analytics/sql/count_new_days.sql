-- How many (platform, account, day) rows of incoming_daily the store does not have yet.
select count(*)
from incoming_daily as incoming
where not exists (
    select 1 from account_daily as existing
    where existing.platform = incoming.platform
      and existing.account = incoming.account
      and existing.day = incoming.day
)
