-- One account's own posts (not reposts, not deleted) with the fields the apology detector reads.
with own as (
    select platform, post_id, account, created_at, text, in_reply_to_id, url
    from posts
    where role = 'own' and not is_repost and not is_deleted
        and ($account is null or account = $account)
),

final as (
    select * from own
)

select * from final order by created_at, post_id
