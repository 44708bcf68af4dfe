-- The inventory read model: rebuilt from inventory.assets and inventory.organizations events only.
create table asset_replica (
    id                uuid primary key,
    organization_code text        not null,
    org_path          text        not null,
    hostname          text,
    external_id       text,
    version           bigint      not null,
    deleted           boolean     not null default false,
    updated_at        timestamptz not null
);
create index asset_replica_scope on asset_replica (org_path text_pattern_ops);

create table asset_address_replica (
    asset_id uuid not null references asset_replica (id) on delete cascade,
    address  inet not null,
    primary key (asset_id, address)
);
-- Equality (a botnet host entry, hash-joined) and containment (a botnet network entry).
create index asset_address_replica_address on asset_address_replica (address);
create index asset_address_replica_gist on asset_address_replica using gist (address inet_ops);

-- One row per way an installed product can be recognised: by its CPE's vendor and product, its purl's
-- type/namespace/name, or its normalised vendor and product names. version_key orders versions byte-wise.
create table installed_product (
    asset_id    uuid    not null references asset_replica (id) on delete cascade,
    position    integer not null,
    identity    text    not null,
    vendor      text,
    product     text    not null,
    version     text,
    version_key text collate "C",
    primary key (asset_id, position, identity)
);
create index installed_product_identity on installed_product (identity, version_key);

-- An organisation's constituency, and the same ranges cut into /16 (IPv4) or /32 (IPv6) buckets so that a
-- million botnet hosts find their owner by a hash join on the bucket instead of a million index probes.
create table constituency_range (
    organization_code text not null,
    org_path          text not null,
    network           cidr not null,
    -- Wider than a /8 (IPv4) or a /32 (IPv6): not cut into buckets, matched by containment instead.
    wide              boolean not null,
    primary key (organization_code, network)
);
create index constituency_range_gist on constituency_range using gist (network inet_ops);
create table constituency_bucket (
    bucket            cidr not null,
    organization_code text not null,
    network           cidr not null
);
create index constituency_bucket_bucket on constituency_bucket (bucket);
create index constituency_bucket_owner on constituency_bucket (organization_code);
-- Organisations whose constituency changed and is still to be matched against the active botnet lists: written
-- in the transaction that applies the organisation event, worked off by a scheduled job (nothing is lost if the
-- service stops in between).
create table constituency_change (
    organization_code text primary key,
    changed_at        timestamptz not null
);

-- Advisories: the Authority's own, CSAF documents and KEV catalogue entries.
create table advisory (
    id                 uuid primary key,
    reference          text        not null unique,
    issuer             text        not null,
    title              text        not null,
    summary            text,
    issued_on          date        not null,
    severity           text        not null,
    cvss_score         numeric(3, 1),
    tlp                text        not null,
    due_on             date,
    remediation        text,
    cves               text[]      not null default '{}',
    links              text[]      not null default '{}',
    known_exploited    boolean     not null default false,
    ransomware         boolean     not null default false,
    source_format      text        not null,
    status             text        not null,
    search_text        text        not null,
    version            bigint      not null,
    created_at         timestamptz not null,
    created_by         text        not null,
    updated_at         timestamptz not null,
    updated_by         text        not null
);
create index advisory_issued on advisory (issued_on desc, id);
create index advisory_cves on advisory using gin (cves);

create table affected_product (
    advisory_id      uuid    not null references advisory (id) on delete cascade,
    position         integer not null,
    identity         text    not null,
    vendor           text,
    product          text    not null,
    cpe              text,
    purl             text,
    version_exact    text,
    start_including  text,
    start_excluding  text,
    end_including    text,
    end_excluding    text,
    fixed_in         text,
    range_text       text    not null,
    lower_key        text collate "C",
    lower_inclusive  boolean not null,
    upper_key        text collate "C",
    upper_inclusive  boolean not null,
    primary key (advisory_id, position)
);
create index affected_product_identity on affected_product (identity);

-- Botnet lists and their entries (an address is a /32 or /128 network).
create table botnet_list (
    id           uuid primary key,
    reference    text        not null unique,
    issuer       text        not null,
    issued_on    date        not null,
    kind         text        not null,
    format       text        not null,
    content_hash text        not null unique,
    entry_count  integer     not null,
    previous_id  uuid references botnet_list (id),
    due_on       date,
    created_at   timestamptz not null,
    created_by   text        not null
);
create index botnet_list_issued on botnet_list (issued_on desc, created_at desc);

create table botnet_entry (
    list_id  uuid    not null references botnet_list (id) on delete cascade,
    network  cidr    not null,
    host     boolean not null,
    bucket   cidr    not null,
    label    text,
    primary key (list_id, network)
);
-- A btree on cidr also serves "<<=" (PostgreSQL rewrites it into a range scan): an asset's or a range's entries.
create index botnet_entry_network on botnet_entry (network);
create index botnet_entry_wide on botnet_entry (list_id) where not host;

-- Exposures: one per (source, target, subject), whatever the number of times it is matched again.
create table exposure (
    id                uuid primary key,
    dedup_key         text        not null unique,
    organization_code text        not null,
    org_path          text        not null,
    source_kind       text        not null,
    advisory_id       uuid references advisory (id),
    botnet_list_id    uuid references botnet_list (id),
    asset_id          uuid,
    hostname          text,
    network           cidr,
    subject           text        not null,
    matched           text        not null,
    evidence          text        not null,
    severity          text        not null,
    due_on            date        not null,
    status            text        not null,
    detected_at       timestamptz not null,
    last_matched_at   timestamptz not null,
    status_changed_at timestamptz not null,
    status_changed_by text        not null,
    version           bigint      not null
);
create index exposure_scope on exposure (org_path text_pattern_ops, status);
create index exposure_advisory on exposure (advisory_id);
create index exposure_list on exposure (botnet_list_id);
create index exposure_asset on exposure (asset_id);
create index exposure_due on exposure (due_on) where status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS');

create table exposure_history (
    id          bigint generated always as identity primary key,
    exposure_id uuid        not null references exposure (id) on delete cascade,
    at          timestamptz not null,
    actor       text        not null,
    from_status text,
    to_status   text        not null,
    note        text
);
create index exposure_history_exposure on exposure_history (exposure_id, id);

-- When an exposure is due, from the day it is found: the Authority's deadline if it is sooner, else by severity
-- (critical 3 days, high 7, medium 30, low 90; botnet hits are high). Written once here so that every matching
-- query and the API agree.
create function exposure_due(severity text, deadline date, found date) returns date
    language sql immutable as $$
    select least(deadline, found + case severity when 'CRITICAL' then 3 when 'HIGH' then 7
                                                 when 'MEDIUM' then 30 else 90 end)
$$;
