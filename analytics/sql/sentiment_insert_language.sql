-- Store the languages identified for texts that had none (registered frame new_languages); never overwrite.
insert into text_language
select text_hash, lang, confidence, detector
from new_languages
on conflict do nothing
