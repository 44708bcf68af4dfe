-- The relay deletes a row once the broker has it (it used to stamp published_at and keep the row for a week). The
-- rows published before are deleted here. The table now holds only what waits, so autovacuum is told to clean it
-- after a few thousand deleted rows instead of a fifth of the table: the relay's claim walks the pending index, and
-- after a burst of a million events its dead entries made every one-second tick read for a second.
delete from outbox_event where published_at is not null;
alter table outbox_event set (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 5000,
                              autovacuum_vacuum_insert_scale_factor = 0, autovacuum_vacuum_insert_threshold = 50000);
