-- Exposures and their history are written only by the matcher's statements and the status workflow, which read
-- the advisory, the list and the exposure they refer to in the same statement; advisories and lists are never
-- deleted (they are withdrawn). The foreign keys' checks, a trigger per row, cost 2.3 s of a botnet list's 7 s
-- matching when it hit 100,000 addresses (docs/performance.md): more than writing the rows themselves.
alter table exposure drop constraint if exists exposure_advisory_id_fkey;
alter table exposure drop constraint if exists exposure_botnet_list_id_fkey;
alter table exposure_history drop constraint if exists exposure_history_exposure_id_fkey;
