-- A row the broker refuses for good (a record over its size limit, a topic name it cannot have) is parked: the relay
-- no longer claims it first at every tick, ahead of the rows after it, but tries it again now and then
-- (canhgac.outbox.parked-retry), so that it goes out by itself once the broker is set right.
alter table outbox_event add column parked_at timestamptz;
-- The rows after a parked one with the same key wait with it (per-key order); a claim looks them up here.
create index outbox_event_parked on outbox_event (topic, event_key, id) where parked_at is not null;

-- The relay claims rows by their number and by the bytes of their events (canhgac.outbox.batch-bytes): an asset's
-- event with its SBOM can be megabytes, and 500 of them, waiting while the broker was away, would not fit a
-- service's heap. The size is worked out once, as the row is written, so that a claim reads no payload to count it.
alter table outbox_event add column payload_bytes integer generated always as (octet_length(payload::text)) stored;
