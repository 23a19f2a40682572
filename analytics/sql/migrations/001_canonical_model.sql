-- The canonical model (DESIGN.md §3). Every timestamp is TIMESTAMPTZ in UTC; every id is VARCHAR because X and
-- Mastodon ids exceed 2^53 and a float anywhere near them destroys them.

create sequence import_id_seq start 1;
create sequence event_id_seq start 1;

create table imports (
    import_id      integer primary key default nextval('import_id_seq'),
    file_name      varchar not null,
    sha256         varchar not null,
    format         varchar not null,
    assumed_zone   varchar,              -- the zone zone-less timestamps were read in; null when the file had zones
    account        varchar,              -- the account the user said the file is about, if any
    imported_at    timestamptz not null default current_timestamp,
    rows_read      integer not null default 0,
    rows_added     integer not null default 0,
    rows_duplicate integer not null default 0,
    rows_rejected  integer not null default 0,
    warnings       varchar[] not null default []
);

create table import_rejections (
    import_id integer not null,
    line      integer,                   -- 1-based line (or record) number in the file
    reason    varchar not null
);

create table accounts (
    platform     varchar not null,      -- x, facebook, instagram, linkedin, mastodon, other
    handle       varchar not null,      -- without the leading @, lower case
    display_name varchar,
    is_own       boolean not null default false,
    primary key (platform, handle)
);

create table posts (
    platform           varchar not null,
    post_id            varchar not null,   -- the platform's id, or 'h:<sha1>' when the export's ids were destroyed
    author             varchar,            -- handle of who wrote it
    account            varchar not null,   -- the account it belongs to (own posts) or is about (mentions)
    role               varchar not null check (role in ('own', 'mention')),
    created_at         timestamptz not null,
    text               varchar not null default '',
    text_hash          varchar not null,   -- sha1 of the normalised text; joins sentiment_cache
    in_reply_to_id     varchar,
    in_reply_to_handle varchar,
    lang               varchar,            -- the export's language code, when it has one
    is_repost          boolean not null default false,
    is_deleted         boolean not null default false,
    deleted_at         timestamptz,
    likes              bigint,
    reposts            bigint,
    replies            bigint,
    impressions        bigint,
    engagements        bigint,
    url                varchar,
    source_id          varchar,            -- the id as the file wrote it, when it could not be trusted
    import_id          integer not null,
    primary key (platform, post_id)
);

create table account_daily (
    platform        varchar not null,
    account         varchar not null,
    day             date not null,        -- the platform's own day boundary (see the import's assumed zone)
    followers       bigint,               -- absolute follower count, when known
    new_follows     bigint,
    unfollows       bigint,
    impressions     bigint,
    engagements     bigint,
    likes           bigint,
    reposts         bigint,
    replies         bigint,
    posts_published bigint,
    import_id       integer not null,
    primary key (platform, account, day)
);

create table events (
    event_id    integer primary key default nextval('event_id_seq'),
    account     varchar,
    kind        varchar not null check (kind in ('incident', 'apology', 'strategy_change', 'campaign')),
    occurred_at timestamptz not null,     -- `at` is a reserved word in DuckDB 2
    label       varchar not null,
    notes       varchar,
    source      varchar not null default 'manual' check (source in ('manual', 'suggested', 'imported')),
    created_at  timestamptz not null default current_timestamp
);

create table sentiment_cache (
    text_hash     varchar not null,
    profile       varchar not null,
    model_version varchar not null,
    compound      double not null,
    pos           double not null,
    neu           double not null,
    neg           double not null,
    primary key (text_hash, profile, model_version)
);

create table sentiment_override (
    platform     varchar not null,
    post_id      varchar not null,
    label        varchar not null check (label in ('positive', 'neutral', 'negative')),
    corrected_at timestamptz not null default current_timestamp,
    primary key (platform, post_id)
);

create table settings (
    key   varchar primary key,
    value varchar not null
);
