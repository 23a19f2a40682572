-- Accounts with how much data each has; own accounts first, then by mention volume.
with post_counts as (
    select
        account,
        count(*) filter (where role = 'mention') as mentions,
        count(*) filter (where role = 'own') as own_posts,
        min(created_at) as first_post,
        max(created_at) as last_post
    from posts
    group by account
),

final as (
    select
        accounts.platform,
        accounts.handle,
        accounts.display_name,
        accounts.is_own,
        coalesce(post_counts.mentions, 0) as mentions,
        coalesce(post_counts.own_posts, 0) as own_posts,
        post_counts.first_post,
        post_counts.last_post
    from accounts
    left join post_counts on post_counts.account = accounts.handle
)

select * from final order by is_own desc, mentions desc, handle
