-- Entries are always looked up within the active lists, by (list_id, network): the primary key serves both the
-- equality and the "<<=" range scans. A second index on network alone cost 6 s per million entries imported.
drop index if exists botnet_entry_network;
