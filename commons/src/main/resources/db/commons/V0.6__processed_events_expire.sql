-- Processed markers expire (ProcessedEvents): a marker only matters while its event can be delivered again, that is
-- while the topic still holds it. A block-range index finds the old ones: markers are written in time order, so it
-- stays a few pages however large the table grows, and costs nothing on the consumers' inserts.
create index if not exists processed_event_processed_at on processed_event using brin (processed_at);
