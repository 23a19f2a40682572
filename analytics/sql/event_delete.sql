-- Delete one event; returns its id when it existed.
delete from events where event_id = $event_id
returning event_id
