-- Organisations: contacts (JSON, shown and published as they are) and constituency. The constituency's networks
-- are also kept as rows of cidr, GiST-indexed, to answer "who answers for this address?".
alter table organization add column contacts jsonb not null default '[]';
alter table organization add column constituency jsonb not null default '{"networks":[],"asns":[]}';

create table organization_network (
    organization_id uuid not null references organization (id) on delete cascade,
    network         cidr not null,
    primary key (organization_id, network)
);
create index organization_network_gist on organization_network using gist (network inet_ops);

-- Information systems, classified by security level 1-5 (Decree 85/2016/ND-CP).
create table information_system (
    id               uuid primary key,
    organization_id  uuid        not null references organization (id),
    org_path         text        not null,
    name             text        not null,
    purpose          text,
    security_level   smallint    not null check (security_level between 1 and 5),
    level_approval   text,
    status           text        not null,
    internet_facing  boolean     not null,
    search_text      text        not null,
    version          bigint      not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null
);
create index information_system_scope on information_system (org_path text_pattern_ops, name, id);

-- The catalogue of protection measures, each required from a security level upwards.
create table protection_measure (
    code      text primary key,
    category  text     not null,
    min_level smallint not null check (min_level between 1 and 5),
    title_vi  text     not null,
    title_en  text     not null,
    position  integer  not null
);

-- Where each system stands on each measure. No row means not assessed yet, which counts as missing.
create table system_measure (
    system_id    uuid        not null references information_system (id) on delete cascade,
    measure_code text        not null references protection_measure (code),
    status       text        not null,
    evidence     text,
    updated_at   timestamptz not null,
    updated_by   text        not null,
    primary key (system_id, measure_code)
);

-- Assets: servers, workstations, network devices, appliances, cloud instances. natural_key is the external id
-- (from the agency's CMDB) or else the lower-cased hostname: imports are idempotent on (organisation, it).
create table asset (
    id               uuid primary key,
    organization_id  uuid        not null references organization (id),
    org_path         text        not null,
    system_id        uuid references information_system (id) on delete set null,
    natural_key      text        not null,
    external_id      text,
    hostname         text,
    kind             text        not null,
    operating_system text,
    last_seen        timestamptz,
    search_text      text        not null,
    version          bigint      not null,
    created_at       timestamptz not null,
    created_by       text        not null,
    updated_at       timestamptz not null,
    updated_by       text        not null,
    unique (organization_id, natural_key)
);
create index asset_scope_hostname on asset (org_path text_pattern_ops, lower(coalesce(hostname, external_id)), id);
create index asset_system on asset (system_id);

create table asset_address (
    asset_id uuid not null references asset (id) on delete cascade,
    address  inet not null,
    primary key (asset_id, address)
);
-- Containment searches (address <<= '10.0.0.0/8') over millions of addresses.
create index asset_address_gist on asset_address using gist (address inet_ops);

create table asset_product (
    asset_id uuid    not null references asset (id) on delete cascade,
    position integer not null,
    vendor   text,
    product  text    not null,
    version  text,
    cpe      text,
    purl     text,
    primary key (asset_id, position)
);
create index asset_product_name on asset_product (lower(product), lower(vendor));
