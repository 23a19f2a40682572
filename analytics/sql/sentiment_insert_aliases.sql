-- Remember how raw texts (registered frame `new_aliases`: raw_text, text_hash) normalise, for texts not aliased yet.
insert into text_alias (raw_text, normaliser, text_hash)
select distinct new_aliases.raw_text, $normaliser, new_aliases.text_hash
from new_aliases
where not exists (
    select 1 from text_alias
    where text_alias.raw_text = new_aliases.raw_text and text_alias.normaliser = $normaliser
)
