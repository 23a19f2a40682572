-- Every event, oldest first, optionally for one account ($account null = all accounts).
with events_in_scope as (
    select event_id, account, kind, occurred_at, label, notes, source, created_at
    from events
    where $account is null or account = $account
),

final as (
    select * from events_in_scope order by occurred_at, event_id
)

select * from final
