-- Alerts pushed by monitoring feeds: one per (source, source reference), however often it is pushed again.
create table alert (
    id                uuid primary key,
    source            text        not null,
    source_ref        text        not null,
    organization_code text        not null,
    org_path          text        not null,
    type              text        not null,
    title             text        not null,
    observed_at       timestamptz not null,
    first_pushed_at   timestamptz not null,
    last_pushed_at    timestamptz not null,
    occurrences       integer     not null,
    observables       json        not null,
    raw               json,
    status            text        not null,
    incident_id       uuid references incident (id),
    version           bigint      not null,
    unique (source, source_ref)
);
create index alert_scope on alert (org_path text_pattern_ops, status, last_pushed_at desc);
