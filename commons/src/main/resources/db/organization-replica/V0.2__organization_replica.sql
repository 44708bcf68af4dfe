-- A service's replica of inventory's organisations, rebuilt from inventory.organizations events only.
create table organization_replica (
    code        text primary key,
    id          uuid        not null,
    parent_code text,
    path        text        not null,
    name_vi     text        not null,
    name_en     text,
    kind        text        not null,
    search_text text        not null,
    version     bigint      not null,
    deleted     boolean     not null default false,
    updated_at  timestamptz not null
);
create index organization_replica_path on organization_replica (path text_pattern_ops);
