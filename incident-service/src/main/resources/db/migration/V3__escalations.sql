-- Escalations to VNCERT/CC or NCSC: the organisation escalated to sees the incident from then on.
create table incident_escalation (
    incident_id       uuid        not null references incident (id) on delete cascade,
    organization_code text        not null,
    org_path          text        not null,
    channel           text        not null,
    escalated_at      timestamptz not null,
    escalated_by      text        not null,
    primary key (incident_id, organization_code)
);
create index incident_escalation_scope on incident_escalation (org_path text_pattern_ops);

-- The contacts of every organisation (hotlines of VNCERT/CC and NCSC among them), from inventory's events.
create table organization_contact (
    organization_code text primary key,
    contacts          json not null
);
