-- Add one event; returns its id.
insert into events (account, kind, occurred_at, label, notes, source)
values ($account, $kind, $occurred_at, $label, $notes, $source)
returning event_id
