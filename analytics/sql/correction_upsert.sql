-- Store a user's label for one post; a later correction of the same post replaces it.
insert into sentiment_override (platform, post_id, label, corrected_at)
values ($platform, $post_id, $label, current_timestamp)
on conflict (platform, post_id) do update set label = excluded.label, corrected_at = excluded.corrected_at
