-- 24/7 duty rosters: who is on duty for an organisation, from when to when (instants; entered and shown in the
-- organisation's time zone, Asia/Ho_Chi_Minh).
create table duty_shift (
    id                uuid primary key,
    organization_code text        not null,
    org_path          text        not null,
    person            text        not null,
    role              text,
    phone             text        not null,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    time_zone         text        not null,
    created_at        timestamptz not null,
    created_by        text        not null,
    check (ends_at > starts_at)
);
create index duty_shift_organization on duty_shift (organization_code, starts_at);
create index duty_shift_scope on duty_shift (org_path text_pattern_ops);
