-- Add imported events that are not already there (same account, kind, time and label).
insert into events (account, kind, occurred_at, label, notes, source)
select account, kind, occurred_at, label, notes, 'imported'
from incoming_events as incoming
where not exists (
    select 1 from events
    where events.account is not distinct from incoming.account
      and events.kind = incoming.kind
      and events.occurred_at = incoming.occurred_at
      and events.label = incoming.label
)
