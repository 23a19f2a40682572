-- Row counts of the canonical tables: what the sidebar shows and what tests compare before and after a refusal.
select
    (select count(*) from accounts) as accounts,
    (select count(*) from posts) as posts,
    (select count(*) from account_daily) as account_daily,
    (select count(*) from events) as events,
    (select count(*) from imports) as imports,
    (select count(*) from sentiment_cache) as sentiment_cache,
    (select count(*) from sentiment_override) as sentiment_override
