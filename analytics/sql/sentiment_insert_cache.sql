-- Store new scores from the registered frame `new_scores` (text_hash, profile, model_version, compound, pos, neu, neg).
-- A text already cached keeps its row: scores are deterministic for a (text, profile, model version).
insert into sentiment_cache (text_hash, profile, model_version, compound, pos, neu, neg)
select text_hash, profile, model_version, compound, pos, neu, neg from new_scores
on conflict do nothing
