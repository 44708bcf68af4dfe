-- Shared by every service (commons): the transactional outbox and the idempotent-consumer ledger.
create table outbox_event (
    id           bigint generated always as identity primary key,
    event_id     uuid        not null unique,
    topic        text        not null,
    event_key    text        not null,
    event_type   text        not null,
    subject      text,
    payload      jsonb       not null,
    occurred_at  timestamptz not null,
    request_id   text,
    published_at timestamptz,
    attempts     integer     not null default 0,
    last_error   text
);
-- The relay only ever looks for unpublished rows, oldest first.
create index outbox_event_pending on outbox_event (id) where published_at is null;

create table processed_event (
    id           text primary key,
    processed_at timestamptz not null
);
