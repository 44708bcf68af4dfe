-- Audit trail: every change to an object, who made it, when, and its state before and after. Scoped by the
-- materialised path of the owning organisation, like the objects themselves, so an auditor reads its subtree.
create table audit_entry (
    id          bigint generated always as identity primary key,
    occurred_at timestamptz not null,
    actor       text        not null,
    actor_org   text,
    action      text        not null,
    entity_type text        not null,
    entity_id   text        not null,
    org_path    text        not null,
    before      jsonb,
    after       jsonb,
    request_id  text
);
create index audit_entry_scope on audit_entry (org_path text_pattern_ops, id);
create index audit_entry_entity on audit_entry (entity_type, entity_id, id);

-- Idempotency-Key: the first answer to a create or an import, replayed to a retry with the same key.
create table idempotency_record (
    caller       text        not null,
    idem_key     text        not null,
    request_hash text        not null,
    status       integer,
    location     text,
    etag         text,
    body         text,
    created_at   timestamptz not null,
    primary key (caller, idem_key)
);
create index idempotency_record_age on idempotency_record (created_at);
