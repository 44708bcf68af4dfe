-- Entries are written only by the import, in the transaction that writes their list: the foreign key's check
-- per row (a trigger each) took longer than the insert itself for a million entries.
alter table botnet_entry drop constraint if exists botnet_entry_list_id_fkey;
