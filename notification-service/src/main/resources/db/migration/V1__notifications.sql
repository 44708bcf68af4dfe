-- notification-service: who is told what, through which channel, and whether it arrived.

create function severity_rank(severity text) returns int immutable language sql as $$
    select case severity when 'CRITICAL' then 4 when 'HIGH' then 3 when 'MEDIUM' then 2 else 1 end $$;

-- When a message due at `due` may go out: then, or when the recipient's quiet hours (Vietnam time) end; critical
-- items ignore quiet hours.
create function release_at(quiet_from time, quiet_to time, severity text, due timestamptz) returns timestamptz
    stable language sql as $$
    select case
        when quiet_from is null or quiet_to is null or quiet_from = quiet_to or severity = 'CRITICAL' then due
        when (quiet_from < quiet_to and local_now::time >= quiet_from and local_now::time < quiet_to)
          or (quiet_from > quiet_to and (local_now::time >= quiet_from or local_now::time < quiet_to))
          then ((date_trunc('day', local_now) + quiet_to
                 + case when quiet_to <= local_now::time then interval '1 day' else interval '0' end)
                at time zone 'Asia/Ho_Chi_Minh')
        else due end
    from (select due at time zone 'Asia/Ho_Chi_Minh' as local_now) t $$;

-- Each organisation's contacts that have an e-mail, from inventory's organisation events.
create table contact (
    organization_code text   not null,
    email             text   not null,
    name              text   not null,
    roles             text[] not null default '{}',
    primary key (organization_code, email)
);

-- What each contact chose; a contact without a row gets the defaults of ContactPreference.
create table contact_preference (
    organization_code text        not null,
    email             text        not null,
    channels          text[]      not null,
    min_severity      text        not null,
    digest_minutes    int         not null,
    language          text        not null,
    quiet_from        time,
    quiet_to          time,
    version           bigint      not null default 1,
    updated_at        timestamptz not null,
    updated_by        text        not null,
    primary key (organization_code, email)
);

-- What the reminders need from the other services' events.
create table directive_replica (
    id            uuid primary key,
    reference     text not null,
    issuer_code   text not null,
    subject       text,
    issued_on     date,
    report_due_on date,
    alert_windows jsonb not null default '[]'
);
create table directive_recipient (
    directive_id      uuid not null,
    organization_code text not null,
    reported_at       timestamptz,
    primary key (directive_id, organization_code)
);
create table exposure_replica (
    id                uuid primary key,
    organization_code text    not null,
    severity          text    not null,
    status            text    not null,
    due_on            date,
    label             text    not null,
    version           bigint  not null,
    due_soon_told     boolean not null default false,
    overdue_told      boolean not null default false,
    escalated_told    boolean not null default false
);
create index exposure_replica_due on exposure_replica (due_on)
    where status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') and not escalated_told;
create table incident_replica (
    id                     uuid primary key,
    reference              text,
    reporting_organization text    not null,
    reporting_path         text    not null,
    title                  text,
    severity               text    not null,
    status                 text    not null,
    resolution_due         timestamptz,
    version                bigint  not null,
    sla_told               boolean not null default false
);
create index incident_replica_due on incident_replica (resolution_due) where not sla_told;
create table duty_shift_replica (
    id                uuid primary key,
    organization_code text        not null,
    person            text        not null,
    email             text,
    phone             text,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    deleted           boolean     not null default false,
    starting_told     boolean     not null default false
);
create index duty_shift_replica_time on duty_shift_replica (organization_code, starts_at) where not deleted;

-- A notification: one per event (or reminder) and organisation told, never two (dedup_key).
create table notification (
    id                uuid primary key,
    dedup_key         text        not null unique,
    kind              text        not null,
    organization_code text        not null,
    severity          text        not null,
    audience_roles    text[]      not null,
    gathered          boolean     not null,
    direct_email      text,
    facts             jsonb       not null,
    created_at        timestamptz not null default now()
);
create index notification_inbox on notification (organization_code, id desc);

-- In the console: which notifications a person has read.
create table notification_read (
    subject         text        not null,
    notification_id uuid        not null,
    read_at         timestamptz not null default now(),
    primary key (subject, notification_id)
);

-- Notifications waiting to be gathered into one message per address (a digest).
create table digest_entry (
    channel           text        not null,
    address           text        not null,
    organization_code text        not null,
    language          text        not null,
    notification_id   uuid        not null,
    flush_after       timestamptz not null,
    primary key (channel, address, notification_id)
);
create index digest_entry_flush on digest_entry (flush_after);

-- Webhook subscriptions of an organisation (Standard Webhooks: secrets whsec_..., two valid during a rotation).
create table webhook_subscription (
    id                         uuid primary key,
    organization_code          text        not null,
    url                        text        not null,
    description                text,
    event_types                text[]      not null,
    secret                     text        not null,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    enabled                    boolean     not null default true,
    disabled_reason            text,
    disabled_at                timestamptz,
    consecutive_failures       int         not null default 0,
    version                    bigint      not null default 1,
    created_at                 timestamptz not null,
    created_by                 text        not null,
    updated_at                 timestamptz not null
);
create index webhook_subscription_organization on webhook_subscription (organization_code);

-- A message to send: one per notification (or digest), channel and address. Its id is the webhook-id and the
-- e-mail's Message-ID, the same on every attempt, so that receivers can drop a duplicate.
create table delivery (
    id                text primary key,
    channel           text        not null,
    address           text        not null,
    organization_code text        not null,
    language          text        not null,
    notification_id   uuid,
    digest_of         uuid[],
    state             text        not null default 'PENDING',
    attempts          int         not null default 0,
    next_attempt_at   timestamptz not null,
    claimed_until     timestamptz,
    claim             uuid,
    last_status       int,
    last_error        text,
    created_at        timestamptz not null default now(),
    sent_at           timestamptz,
    unique (notification_id, channel, address)
);
create index delivery_due on delivery (next_attempt_at) where state = 'PENDING';
create index delivery_address on delivery (channel, address, created_at desc);

create table delivery_attempt (
    delivery_id  text        not null,
    attempted_at timestamptz not null,
    status       int,
    error        text,
    millis       int         not null
);
create index delivery_attempt_delivery on delivery_attempt (delivery_id, attempted_at);

-- One replica runs the reminders: whoever holds the lease (renewed while it runs, taken over once expired).
create table scheduler_lease (
    name       text primary key,
    holder     text        not null,
    expires_at timestamptz not null
);
