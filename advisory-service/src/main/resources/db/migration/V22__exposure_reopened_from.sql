-- The status a matching found an exposure in when it reopened it, written by that statement's update of the row
-- and read back from its RETURNING: the status the row had when the update took it, after any change committed
-- while the statement waited for the row. The status before was read from the statement's snapshot: a hit an
-- agency closed while a list was matched was reopened without a history row or an event. Every matching update of
-- a row writes it (null when it did not reopen the row); other writers leave it as it was, and nothing but that
-- statement's RETURNING reads it.
alter table exposure add column reopened_from text;
