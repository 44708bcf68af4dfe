-- Directives (6410/BTTTT-CATTT and its forwarding 839/UBND-KGVX): who issued it, to whom, what to do by when,
-- the alert windows it declares, and each recipient's acknowledgement and report.
create table directive (
    id           uuid primary key,
    reference    text        not null,
    issuer_code  text        not null,
    issuer_path  text        not null,
    subject      text        not null,
    body         text,
    issued_on    date        not null,
    report_due_on date,
    parent_id    uuid references directive (id),
    recipient_kinds text[]   not null default '{}',
    attachments  text[]      not null default '{}',
    version      bigint      not null,
    created_at   timestamptz not null,
    created_by   text        not null,
    unique (issuer_code, reference)
);
create index directive_issuer on directive (issuer_path text_pattern_ops);
create index directive_parent on directive (parent_id);

create table directive_item (
    directive_id uuid not null references directive (id) on delete cascade,
    position     integer not null,
    code         text not null,
    text         text not null,
    primary key (directive_id, code)
);

create table directive_alert_window (
    directive_id uuid not null references directive (id) on delete cascade,
    name         text not null,
    starts_on    date not null,
    ends_on      date not null,
    primary key (directive_id, name)
);
create index directive_alert_window_dates on directive_alert_window (starts_on, ends_on);

create table directive_recipient (
    directive_id      uuid not null references directive (id) on delete cascade,
    organization_code text not null,
    org_path          text not null,
    acknowledged_at   timestamptz,
    acknowledged_by   text,
    reported_at       timestamptz,
    reported_by       text,
    report_text       text,
    primary key (directive_id, organization_code)
);
create index directive_recipient_scope on directive_recipient (org_path text_pattern_ops);

create table directive_item_report (
    directive_id      uuid not null,
    organization_code text not null,
    item_code         text not null,
    status            text not null,
    text              text,
    primary key (directive_id, organization_code, item_code),
    foreign key (directive_id, organization_code) references directive_recipient (directive_id, organization_code)
        on delete cascade
);

-- Inside an alert window (Tết, national holidays) attacks peak and every deadline halves (at least a day).
create or replace function exposure_due(severity text, deadline date, found date) returns date
    language sql stable as $$
    select least(deadline, found + greatest(1, (case severity when 'CRITICAL' then 3 when 'HIGH' then 7
                                                              when 'MEDIUM' then 30 else 90 end)
                                               / case when exists (select 1 from directive_alert_window w
                                                                   where found between w.starts_on and w.ends_on)
                                                      then 2 else 1 end))
$$;
