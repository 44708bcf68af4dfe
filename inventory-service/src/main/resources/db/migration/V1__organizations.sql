-- Organisations: a tree of any depth; path is the materialised path of codes ('/UBND-KH/STTTT-KH/'), so that
-- "this organisation and its descendants" is a prefix match served by the text_pattern_ops index.
create table organization (
    id          uuid primary key,
    code        text        not null unique,
    parent_id   uuid references organization (id),
    path        text        not null unique,
    name_vi     text        not null,
    name_en     text,
    kind        text        not null,
    search_text text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    created_by  text        not null,
    updated_at  timestamptz not null,
    updated_by  text        not null
);
create index organization_path on organization (path text_pattern_ops);
create index organization_parent on organization (parent_id);
