-- text_alias: a text exactly as some input wrote it -> the hash of its normalised form (analytics.text), for the
-- normaliser version that produced it. score_texts_cached looks texts up here with one hash join, so a warm cache
-- costs no Python work per text; a text written differently (an HTML entity, a CRLF) gets its own alias row but
-- shares the normalised text's cache row. No key: rows are only added for texts not yet aliased, and a rare
-- duplicate from two concurrent writers is harmless (both rows name the same hash).
create table text_alias (
    raw_text   varchar not null,
    normaliser varchar not null,
    text_hash  varchar not null
);
