-- Language of stored texts whose export did not say (analytics.language): one row per distinct normalised text,
-- keyed like sentiment_cache so retweets and re-imports are identified once. `lang` is an ISO 639 code or 'und'
-- (too short or too uncertain to tell); `detector` records which identifier (and version) decided.
create table text_language (
    text_hash   varchar primary key,
    lang        varchar not null,
    confidence  double,
    detector    varchar not null
);
