-- Change one event's fields (all of them; the caller passes the unchanged ones as they were); returns its id.
update events
set account = $account, kind = $kind, occurred_at = $occurred_at, label = $label, notes = $notes
where event_id = $event_id
returning event_id
