-- One row per post: the language the sentiment engine assumes for it (analytics.language explains the rule).
-- The export's own code wins when usable: lower-cased, region dropped (en-GB -> en), English names mapped, and X's
-- placeholder codes (und, zxx = no text, qme = media only, qht = hashtags only, qam = mentions only, qct = cashtags,
-- qst = very short) treated as unknown. Otherwise the identified language (text_language); otherwise 'und'.
-- is_non_english is true only for a known language other than English: unknown texts count as English.
create view post_language as
with export_codes as (
    select
        platform,
        post_id,
        text_hash,
        nullif(lower(trim(split_part(replace(coalesce(lang, ''), '_', '-'), '-', 1))), '') as raw_code
    from posts
),

export_clean as (
    select
        platform,
        post_id,
        text_hash,
        case
            when raw_code in ('und', 'zxx', 'qme', 'qht', 'qam', 'qct', 'qst', 'unknown', 'other') then null
            when raw_code in ('english', 'eng') then 'en'
            when raw_code in ('spanish', 'spa') then 'es'
            when raw_code in ('french', 'fra', 'fre') then 'fr'
            when raw_code in ('german', 'deu', 'ger') then 'de'
            when raw_code in ('portuguese', 'por') then 'pt'
            when raw_code in ('italian', 'ita') then 'it'
            when raw_code in ('dutch', 'nld', 'dut') then 'nl'
            else raw_code
        end as export_code
    from export_codes
),

final as (
    select
        e.platform,
        e.post_id,
        coalesce(e.export_code, t.lang, 'und') as lang,
        case when e.export_code is not null then 'export'
             when t.lang is not null then 'identified'
             else 'none' end as lang_source,
        coalesce(e.export_code, t.lang, 'und') not in ('en', 'und') as is_non_english
    from export_clean e
    left join text_language t on t.text_hash = e.text_hash
)

select * from final
