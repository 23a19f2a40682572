-- Posts already stored take the engagement counts a later export carries for them: the archive has no impressions
-- and the analytics export has no replies-to, so whichever comes second fills in what the first lacked, and a
-- count the new file has replaces the older snapshot. Text, time, author and ids never change once stored.
update posts
set
    likes = coalesce(incoming.likes, posts.likes),
    reposts = coalesce(incoming.reposts, posts.reposts),
    replies = coalesce(incoming.replies, posts.replies),
    impressions = coalesce(incoming.impressions, posts.impressions),
    engagements = coalesce(incoming.engagements, posts.engagements)
from incoming_posts as incoming
where posts.platform = incoming.platform
  and posts.post_id = incoming.post_id
  and (
      incoming.likes is not null or incoming.reposts is not null or incoming.replies is not null
      or incoming.impressions is not null or incoming.engagements is not null
  )
