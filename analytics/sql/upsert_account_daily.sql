-- Daily account metrics: one row per platform, account and day. The newest import wins for every metric it carries
-- (platforms revise their latest days); a metric the new file lacks keeps its earlier value.
insert into account_daily (
    platform, account, day, followers, new_follows, unfollows, impressions, engagements, likes, reposts, replies,
    posts_published, import_id
)
select
    platform, account, day::date, followers, new_follows, unfollows, impressions, engagements, likes, reposts, replies,
    posts_published, $import_id
from incoming_daily
on conflict (platform, account, day) do update set
    followers = coalesce(excluded.followers, account_daily.followers),
    new_follows = coalesce(excluded.new_follows, account_daily.new_follows),
    unfollows = coalesce(excluded.unfollows, account_daily.unfollows),
    impressions = coalesce(excluded.impressions, account_daily.impressions),
    engagements = coalesce(excluded.engagements, account_daily.engagements),
    likes = coalesce(excluded.likes, account_daily.likes),
    reposts = coalesce(excluded.reposts, account_daily.reposts),
    replies = coalesce(excluded.replies, account_daily.replies),
    posts_published = coalesce(excluded.posts_published, account_daily.posts_published),
    import_id = excluded.import_id
