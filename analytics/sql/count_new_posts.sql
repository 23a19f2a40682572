-- How many rows of incoming_posts are not in the store yet (key: platform + post_id).
select count(*)
from incoming_posts as incoming
where not exists (
    select 1 from posts where posts.platform = incoming.platform and posts.post_id = incoming.post_id
)
