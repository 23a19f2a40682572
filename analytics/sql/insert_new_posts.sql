-- Add the rows of incoming_posts that the store does not have yet; existing posts are never changed twice.
insert into posts (
    platform, post_id, author, account, role, created_at, text, text_hash, in_reply_to_id, in_reply_to_handle, lang,
    is_repost, is_deleted, deleted_at, likes, reposts, replies, impressions, engagements, url, source_id, import_id
)
select
    platform, post_id, author, account, role, created_at, text, text_hash, in_reply_to_id, in_reply_to_handle, lang,
    is_repost, is_deleted, deleted_at, likes, reposts, replies, impressions, engagements, url, source_id,
    $import_id
from incoming_posts as incoming
where not exists (
    select 1 from posts where posts.platform = incoming.platform and posts.post_id = incoming.post_id
)
