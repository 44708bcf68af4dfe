-- An alert is the same alert only within one organisation: two organisations' feeds may use the same source and
-- reference, and a push must never return or change another organisation's alert.
alter table alert drop constraint alert_source_source_ref_key;
alter table alert add constraint alert_source_ref_per_organization unique (organization_code, source, source_ref);
