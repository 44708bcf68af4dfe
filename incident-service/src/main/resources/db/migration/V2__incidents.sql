-- Incidents (Circular 20/2017/TT-BTTTT): a reference unique per year, who reported what and when, the workflow,
-- a timeline of everything that happened, and observables searchable across incidents.
create table incident_counter (
    year        integer primary key,
    last_number integer not null
);

create table incident (
    id                 uuid primary key,
    reference          text        not null unique,
    reporting_org      text        not null,
    reporting_path     text        not null,
    reporter_name      text,
    reporter_phone     text,
    reporter_email     text,
    title              text        not null,
    description        text,
    category           text        not null,
    severity           text        not null,
    status             text        not null,
    detected_at        timestamptz not null,
    reported_at        timestamptz not null,
    impact             text,
    scope              text,
    measures_taken     text,
    support_requested  text,
    tlp                text        not null,
    first_response_due timestamptz not null,
    resolution_due     timestamptz not null,
    first_response_at  timestamptz,
    closed_at          timestamptz,
    search_text        text        not null,
    version            bigint      not null,
    created_at         timestamptz not null,
    created_by         text        not null,
    updated_at         timestamptz not null,
    updated_by         text        not null
);
create index incident_reporting on incident (reporting_path text_pattern_ops, reported_at desc);
create index incident_open_due on incident (resolution_due) where status not in ('CLOSED', 'REJECTED', 'DUPLICATE');

create table incident_affected (
    incident_id       uuid not null references incident (id) on delete cascade,
    organization_code text not null,
    org_path          text not null,
    primary key (incident_id, organization_code)
);
create index incident_affected_scope on incident_affected (org_path text_pattern_ops);

create table incident_timeline (
    id          bigint generated always as identity primary key,
    incident_id uuid        not null references incident (id) on delete cascade,
    at          timestamptz not null,
    actor       text        not null,
    kind        text        not null,
    text        text,
    data        json
);
create index incident_timeline_incident on incident_timeline (incident_id, id);

create table incident_observable (
    incident_id uuid        not null references incident (id) on delete cascade,
    type        text        not null,
    value       text        not null,
    tlp         text        not null,
    added_at    timestamptz not null,
    added_by    text        not null,
    primary key (incident_id, type, value)
);
create index incident_observable_value on incident_observable (type, value);
