-- Processed markers expire (ProcessedEvents): a marker only matters for a redelivery, which comes within minutes.
-- Markers are written in time order, so this index only ever grows at its right edge: a cheap insert beside the
-- primary key, and the expired ones are found exactly, a chunk at a time.
create index if not exists processed_event_processed_at on processed_event (processed_at);
