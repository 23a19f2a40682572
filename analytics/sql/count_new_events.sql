-- How many rows of incoming_events are not already events (same account, kind, time and label).
select count(*)
from incoming_events as incoming
where not exists (
    select 1 from events
    where events.account is not distinct from incoming.account
      and events.kind = incoming.kind
      and events.occurred_at = incoming.occurred_at
      and events.label = incoming.label
)
