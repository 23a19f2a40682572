-- A fingerprint of the store's content: changes whenever an import, an event, a score or a correction lands.
select
    (select coalesce(max(import_id), 0) from imports) as last_import,
    (select count(*) from posts) as posts,
    (select count(*) from events) as events,
    (select coalesce(sum(hash(event_id, account, kind, occurred_at, label, notes)), 0) from events) as event_content,
    (select count(*) from sentiment_cache) as scores,
    (select count(*) from sentiment_override) as overrides,
    (select coalesce(max(epoch_ms(corrected_at)), 0) from sentiment_override) as last_override,
    (select count(*) from settings) as settings
