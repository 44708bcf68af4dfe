-- Bulk imports write one event and one audit entry per asset. The payloads are stored and read back as text,
-- never queried inside, so json (checked, kept as written) rather than jsonb (parsed into a binary form). Event
-- ids are random UUIDs made by the writer; nothing looks rows up by them, so no unique index to maintain.
alter table outbox_event alter column payload type json using payload::json;
alter table outbox_event drop constraint if exists outbox_event_event_id_key;
alter table audit_entry alter column before type json using before::json;
alter table audit_entry alter column after type json using after::json;
