-- Counts of exposures by organisation path, status and, for unresolved ones, due date: what the summaries read
-- instead of counting every exposure of a scope on each call (the Authority's summary took over 20 s with 4.3
-- million exposures). The exposure table's own statement triggers add a row of deltas per statement (whoever
-- wrote it: the matcher's set-based statements, a person's change of status, a KEV raise, a withdrawal), so the
-- counts cannot drift from the rows; rows are only ever inserted, so concurrent writers never wait for each other,
-- and ExposureTally folds the deltas together now and then.
create table exposure_tally (
    org_path text   not null,
    status   text   not null,
    due_on   date,
    n        bigint not null
);
create index exposure_tally_path on exposure_tally (org_path text_pattern_ops);

-- The due date matters only while an exposure counts against it (open, acknowledged, in progress).
create function exposure_tally_due(status text, due_on date) returns date
    language sql immutable as $$
    select case when status in ('OPEN', 'ACKNOWLEDGED', 'IN_PROGRESS') then due_on end
$$;

create function exposure_tally_inserted() returns trigger language plpgsql as $$
begin
    insert into exposure_tally (org_path, status, due_on, n)
    select org_path, status, exposure_tally_due(status, due_on), count(*) from new_rows group by 1, 2, 3;
    return null;
end
$$;

create function exposure_tally_deleted() returns trigger language plpgsql as $$
begin
    insert into exposure_tally (org_path, status, due_on, n)
    select org_path, status, exposure_tally_due(status, due_on), -count(*) from old_rows group by 1, 2, 3;
    return null;
end
$$;

-- An update that changes no counted column (a re-match that only moves last_matched_at) adds nothing.
create function exposure_tally_updated() returns trigger language plpgsql as $$
begin
    insert into exposure_tally (org_path, status, due_on, n)
    select org_path, status, due, sum(n)
    from (select org_path, status, exposure_tally_due(status, due_on) as due, 1 as n from new_rows
          union all
          select org_path, status, exposure_tally_due(status, due_on), -1 from old_rows) as delta
    group by 1, 2, 3
    having sum(n) <> 0;
    return null;
end
$$;

create trigger exposure_tally_insert after insert on exposure
    referencing new table as new_rows for each statement execute function exposure_tally_inserted();
create trigger exposure_tally_update after update on exposure
    referencing old table as old_rows new table as new_rows for each statement execute function exposure_tally_updated();
create trigger exposure_tally_delete after delete on exposure
    referencing old table as old_rows for each statement execute function exposure_tally_deleted();

insert into exposure_tally (org_path, status, due_on, n)
select org_path, status, exposure_tally_due(status, due_on), count(*) from exposure group by 1, 2, 3;
