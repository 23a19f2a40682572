-- Remove one post's correction; returns the removed row, if any.
delete from sentiment_override where platform = $platform and post_id = $post_id
returning platform, post_id
