-- Every stored correction, newest first.
select platform, post_id, label, corrected_at from sentiment_override order by corrected_at desc, platform, post_id
