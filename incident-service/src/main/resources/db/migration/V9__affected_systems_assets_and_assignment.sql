-- What inventory says of the information systems and assets an incident can name (Circular 20/2017: the systems hit,
-- with their security level, and the assets), kept from inventory.systems and inventory.assets: enough to check the
-- caller's scope and to show them. The incident keeps what they were when it was reported.
create table system_replica (
    id                uuid primary key,
    organization_code text    not null,
    org_path          text    not null,
    name              text    not null,
    security_level    integer not null,
    deleted           boolean not null,
    version           bigint  not null
);

create table asset_replica (
    id                uuid primary key,
    organization_code text    not null,
    org_path          text    not null,
    hostname          text,
    system_id         uuid,
    deleted           boolean not null,
    version           bigint  not null
);

create table incident_system (
    incident_id       uuid    not null references incident (id) on delete cascade,
    system_id         uuid    not null,
    organization_code text    not null,
    name              text    not null,
    security_level    integer not null,
    primary key (incident_id, system_id)
);

create table incident_asset (
    incident_id       uuid not null references incident (id) on delete cascade,
    asset_id          uuid not null,
    organization_code text not null,
    hostname          text not null,
    primary key (incident_id, asset_id)
);

-- Who works on the incident now: a person, an organisation, or both.
alter table incident add column assignee_person text, add column assignee_org text;
