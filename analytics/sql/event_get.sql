-- One event by id (no row when it does not exist).
with wanted as (
    select event_id, account, kind, occurred_at, label, notes, source, created_at
    from events
    where event_id = $event_id
),

final as (
    select * from wanted
)

select * from final
