-- One row if the workspace has this post.
select 1 from posts where platform = $platform and post_id = $post_id
